"""NLTK's Punkt sentence boundaries, exactly, at a fraction of the cost.

The kit splits sentences with NLTK's ``PunktSentenceTokenizer`` and hand-written
parameters: an abbreviation list and a list of frequent sentence starters, but no
collocations and no orthographic context (those come from training on a corpus, which
needs a model the kit does not download). With those parameters Punkt's decisions reduce
to a few rules, and :class:`FastPunkt` applies them directly instead of building a
``PunktToken`` object (with regular expressions run under NLTK's ReDoS timeout wrapper)
for every token around every ``.``, ``?`` and ``!``.

How NLTK decides, and why the rules below are the same (NLTK 3.10,
``nltk/tokenize/punkt.py``):

* ``_match_potential_end_contexts`` finds every ``.``, ``?`` or ``!`` followed by a
  non-word character or by white space and a token, and builds a *context*: the word
  before it, the mark, and what follows. :class:`FastPunkt` uses the same two regular
  expressions (NLTK's own pattern strings, compiled with the ``regex`` engine NLTK uses)
  and the same overlap rule.
* ``text_contains_sentbreak(context)`` splits the context into Punkt's word tokens and
  says whether any token but the last is a sentence break after Punkt's two annotation
  passes. The second pass looks only at a token and the one after it, so a token's
  verdict is a function of that pair, and the whole answer is a function of the context
  string: it is cached per context.
* With no orthographic context, ``_ortho_heuristic`` never answers True: it is False
  when the next token is one of ``;:,.!?`` or starts in lower case, and "unknown"
  otherwise. With no collocations, the collocation rule never fires. What is left is
  :meth:`FastPunkt._breaks_before`.
* ``_slices_from_text`` and ``_realign_boundaries`` are followed step by step.

``tests/test_fastpunkt.py`` checks that the spans equal NLTK's on the seed event, on
allsides articles and on generated text full of abbreviations, initials, numbers,
ellipses, quotes and brackets.

>>> from nltk.tokenize.punkt import PunktParameters
>>> params = PunktParameters()
>>> params.abbrev_types = {"gen", "u.s"}
>>> FastPunkt(params).tokenize("Gen. Smith met U.S. envoys. They talked.")
['Gen. Smith met U.S. envoys.', 'They talked.']
"""

from __future__ import annotations

import itertools

import regex
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktToken

__all__ = ["FastPunkt"]

_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace: what Punkt looks back for
_PUNCTUATION = frozenset(";:,.!?")  # PunktSentenceTokenizer.PUNCTUATION
_SENT_END = frozenset(".?!")  # PunktLanguageVars.sent_end_chars
_CACHE_LIMIT = 200_000


def _engine(timed_pattern) -> regex.Pattern:
    """NLTK's pattern, compiled by the same ``regex`` engine without the timeout wrapper."""
    return regex.compile(timed_pattern.pattern, timed_pattern.flags)


class FastPunkt:
    """``PunktSentenceTokenizer(params).span_tokenize(text)``, the same spans, faster.

    Parameters
    ----------
    params : NLTK ``PunktParameters`` with abbreviation types and sentence starters, and
        without collocations or orthographic context (a ValueError otherwise: those need
        rules this class does not have; use NLTK's tokenizer for a trained model).
    """

    def __init__(self, params: PunktParameters) -> None:
        if params.collocations or any(params.ortho_context.values()):
            raise ValueError("FastPunkt follows Punkt only for parameters without "
                             "collocations or orthographic context (an untrained model)")
        self.abbrev_types = frozenset(params.abbrev_types)
        self.sent_starters = frozenset(params.sent_starters)
        lang = PunktLanguageVars()
        self._period_context = _engine(lang.period_context_re())
        self._words = _engine(lang._word_tokenizer_re())
        self._realignment = _engine(lang.re_boundary_realignment)
        self._numeric = _engine(PunktToken._RE_NUMERIC)
        self._initial = _engine(PunktToken._RE_INITIAL)
        self._ellipsis = _engine(PunktToken._RE_ELLIPSIS)
        self._verdicts: dict[str, bool] = {}

    # -- one pair of tokens -------------------------------------------------------------

    def _first_pass(self, tok: str) -> tuple[bool, bool]:
        """``(sentbreak, abbr or ellipsis)`` after Punkt's first, type-based pass."""
        if tok in _SENT_END:
            return True, False
        if self._ellipsis.match(tok):
            return False, True
        if tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            if low in self.abbrev_types or low.split("-")[-1] in self.abbrev_types:
                return False, True
            return True, False
        return False, False

    def _type(self, tok: str) -> str:
        return self._numeric.sub("##number##", tok.lower())

    def _breaks_before(self, tok1: str, tok2: str) -> bool:
        """Is ``tok1`` a sentence break when ``tok2`` follows it (both passes)?"""
        sentbreak, abbr = self._first_pass(tok1)
        if not tok1.endswith("."):
            return sentbreak  # the second pass looks only at period-final tokens
        typ = self._type(tok1)
        if len(typ) > 1 and typ[-1] == ".":
            typ = typ[:-1]
        initial = self._initial.match(tok1) is not None
        if abbr and not initial:
            # The orthographic heuristic is never True here; the frequent sentence
            # starter rule: a capitalised next word from the list makes it a break.
            next_typ = self._type(tok2)
            if self._first_pass(tok2)[0] and len(next_typ) > 1 and next_typ[-1] == ".":
                next_typ = next_typ[:-1]
            if tok2[0].isupper() and next_typ in self.sent_starters:
                return True
        if initial or typ == "##number##":
            if tok2 in _PUNCTUATION or tok2[0].islower():
                return False  # orthographic heuristic: False
            if initial and tok2[0].isupper():
                return False  # "unknown", an initial before a capital: J. Bach
        return sentbreak

    def _contains_sentbreak(self, context: str) -> bool:
        """NLTK's ``text_contains_sentbreak``: a break at any token but the last."""
        found = self._verdicts.get(context)
        if found is None:
            toks = [t for line in context.split("\n") if line.strip()
                    for t in self._words.findall(line)]
            found = any(self._breaks_before(a, b) for a, b in itertools.pairwise(toks))
            if len(self._verdicts) >= _CACHE_LIMIT:
                self._verdicts.clear()
            self._verdicts[context] = found
        return found

    # -- a text -------------------------------------------------------------------------

    def _end_contexts(self, text: str):
        """NLTK's ``_match_potential_end_contexts``: ``(match, context)`` pairs."""
        prev_start = prev_stop = 0
        previous = None
        for match in self._period_context.finditer(text):
            start = match.start()
            before = text[prev_stop:start]
            last_space = max(map(before.rfind, _WHITESPACE))
            # None (-1), or at index 0: NLTK's "if index_after_last_space" is false for both.
            word_start = last_space + prev_stop + 1 if last_space > 0 else prev_start
            if previous is not None and prev_stop <= word_start:
                yield previous, (text[prev_start:prev_stop] + previous.group()
                                 + previous.group("after_tok"))
            previous = match
            prev_start, prev_stop = word_start, start
        if previous is not None:
            yield previous, (text[prev_start:prev_stop] + previous.group()
                             + previous.group("after_tok"))

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Offsets ``(start, end)`` of the sentences, as NLTK's ``span_tokenize`` gives."""
        slices = []
        last_break = 0
        for match, context in self._end_contexts(text):
            if self._contains_sentbreak(context):
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") \
                    else match.end()
        slices.append((last_break, len(text.rstrip())))
        # _realign_boundaries: closing quotes and brackets after the mark join the sentence.
        out = []
        realign = 0
        for (s1, e1), nxt in zip(slices, [*slices[1:], None], strict=True):
            s1 += realign
            if nxt is None:
                if text[s1:e1]:
                    out.append((s1, e1))
                continue
            m = self._realignment.match(text[nxt[0]:nxt[1]])
            if m:
                out.append((s1, nxt[0] + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if text[s1:e1]:
                    out.append((s1, e1))
        return out

    def tokenize(self, text: str) -> list[str]:
        """The sentences as strings."""
        return [text[s:e] for s, e in self.span_tokenize(text)]
