"""Keeping old calls working for one release while a signature changes.

Options are keyword-only throughout the kit (``f(corpus, *, option=...)``). Where a public
function used to take an option by position, :func:`keyword_only` keeps that call working
for one more release, with a :class:`FutureWarning` that names the keyword to use.
"""

from __future__ import annotations

import functools
import inspect
import sys
import types
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["keyword_only"]

F = TypeVar("F", bound=Callable[..., Any])

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def keyword_only(*names: str) -> Callable[[F], F]:
    """Accept the keyword-only options ``names`` by position too, with a FutureWarning.

    ``names`` are the options in the order they used to be passed. The decorated function
    keeps its new signature (``inspect.signature`` shows it); a call that passes more
    positional arguments than it takes gives the extra ones to ``names`` and warns.

    >>> @keyword_only("n")
    ... def ngrams(tokens, *, n=2):
    ...     return n
    >>> ngrams(["a"], n=3)
    3
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     ngrams(["a"], 3)
    3
    >>> print(caught[0].category.__name__, caught[0].message)
    FutureWarning ngrams(): pass n as a keyword (n=...); passing it by position is \
deprecated and stops working in the next release
    """

    def decorate(func: F) -> F:
        signature = inspect.signature(func)
        for name in names:
            parameter = signature.parameters.get(name)
            if parameter is None or parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
                raise TypeError(f"{func.__qualname__} has no keyword-only parameter {name!r}")
        n_positional = sum(p.kind in _POSITIONAL for p in signature.parameters.values())
        what = func.__qualname__

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if len(args) > n_positional:
                extra = args[n_positional:]
                if len(extra) > len(names):
                    raise TypeError(f"{what}() takes {n_positional + len(names)} positional "
                                    f"arguments but {len(args)} were given")
                moved = dict(zip(names, extra, strict=False))
                for name in moved:
                    if name in kwargs:
                        raise TypeError(f"{what}() got multiple values for argument {name!r}")
                keywords = ", ".join(moved)
                example = ", ".join(f"{name}=..." for name in moved)
                warnings.warn(
                    f"{what}(): pass {keywords} as a keyword ({example}); passing it by "
                    "position is deprecated and stops working in the next release",
                    FutureWarning,
                    stacklevel=2,
                )
                args, kwargs = args[:n_positional], {**kwargs, **moved}
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


class _CallableModule(types.ModuleType):
    """A module that can be called as its main function (see :func:`callable_module`)."""

    __function__: Callable[..., Any]

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.__function__(*args, **kwargs)


def callable_module(name: str, function: Callable[..., Any]) -> None:
    """Make the module ``name`` callable as ``function``.

    ``analysis.highlight`` and ``analysis.target_tone`` name both a module and its main
    function. Importing the module (which the first call does) makes the package attribute
    the module, so a second ``analysis.highlight(corpus)`` would call a module; a callable
    module works however many times it is called.
    """
    module = sys.modules[name]
    module.__class__ = _CallableModule
    module.__function__ = function
