"""The scorer: every per-article measure of one text, computed in one pass.

:class:`Scorer` holds the lexicons, actor lists and VADER analyser, built once per process;
:meth:`Scorer.score_text` gives one article's row, :meth:`Scorer.score_frame` a chunk's
table with the columns :func:`score_columns` lists. :attr:`Scorer.fingerprint` hashes
everything that decides the scores (:func:`scorer_sources` lists the code), for the cache.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import importlib.util
import math
import os
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from ..fastvader import FastVader
from ..resources import resource_files
from ..sentiment import THRESHOLD
from ..tokens import count_words, sentence_spans, shadow

__all__ = [
    "KEY_COLUMNS",
    "MEASURES",
    "QUOTE_SCORE_COLUMNS",
    "SCORER_VERSION",
    "TONE_COLUMNS",
    "Lexicons",
    "Scorer",
    "local_scorer",
    "score_columns",
    "scorer_sources",
    "typed_frame",
]

#: Bump when the meaning of a column changes; part of every cache key.
SCORER_VERSION = "1"

#: Columns that identify the article, first in every score table.
KEY_COLUMNS = ["article_id", "event", "outlet", "leaning", "source"]
TONE_COLUMNS = ["n_words", "n_sentences", "mean_compound", "share_negative", "share_neutral",
                "share_positive"]
QUOTE_SCORE_COLUMNS = ["n_quotes", "quoted_words", "quoted_word_share"]
#: The three numbers of every frame and marker: ``<prefix>_<name>_<measure>`` columns.
MEASURES = ("n_matches", "per_1000_words", "sentence_share")
#: Sentences shorter than this are scored once per process (Scorer._compound). The ones
#: that come back are mostly short boilerplate ("Advertisement", "Story Continued Below"):
#: in the first 4,300 allsides articles 6.3% of the sentences repeat and 73% of the
#: repeats are shorter; keeping every long sentence in the cache cost more than scoring
#: the few that come back again (Scorer.score_text, tone on, 1,500 articles: about 2%).
_REMEMBERED = 80
#: The modules (or subpackages) whose code decides the scores; see :func:`scorer_sources`.
_SCORER_MODULES = ("tokens", "fastpunkt", "fastvader", "rows", "sentiment", "framing",
                   "actors", "quotes", "scoring", "target_tone", "actor_tone")

#: What ``frames=`` and ``markers=`` accept: a framing.Lexicon, anything load_frames /
#: load_markers read, None (the kit's) or False (no columns).
Lexicons = Any


def _has(module: str, *names: str) -> bool:
    """Does ``analysis.<module>`` exist and define ``names``? (Other parts may be missing.)"""
    full = f"analysis.{module}"
    if importlib.util.find_spec(full) is None:
        return False
    mod = importlib.import_module(full)
    return all(hasattr(mod, n) for n in names)


def scorer_sources(*, package: str | os.PathLike[str] | None = None) -> list[Path]:
    """The source files whose code decides the scores, hashed into every cache key.

    For each scoring module: ``<package>/<name>.py``, or every ``.py`` file under
    ``<package>/<name>/`` once it is a subpackage, so that an edit to any of them makes
    the cache miss. ``package`` is the folder of the ``analysis`` package (the default).

    >>> sorted({p.parent.name for p in scorer_sources()})
    ['actors', 'analysis', 'scoring']
    """
    root = Path(package) if package is not None else Path(__file__).resolve().parent.parent
    found: list[Path] = []
    for name in _SCORER_MODULES:
        folder = root / name
        if folder.is_dir():
            found += sorted(folder.rglob("*.py"))
        else:
            found.append(root / f"{name}.py")
    return found


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


class Scorer:
    """Everything needed to score articles, built once (per process) and reused.

    Parameters
    ----------
    frames, markers : a :class:`analysis.framing.Lexicon`, anything ``load_frames`` /
        ``load_markers`` read (YAML paths, dicts), None for the kit's lexicons, or False to
        leave the columns out.
    actors : an :class:`analysis.actors.ActorList` (or a YAML path for ``load_actors``)
        used for every article; None: each article uses the lists under ``data/actors/``
        that match its ``event`` (columns for every actor of every list); False: no actor
        columns.
    quotes : count quotes (False leaves the quote columns out; they are slower to find).
    mention_tone : also the tone toward every actor mention (the columns of
        :func:`analysis.actor_tone.score_tone_columns`, with the actor columns). Off by
        default: they cost about a quarter of the scorer's time (``score --tone``).
    adjustments : VADER news adjustments, as for :func:`analysis.sentiment.make_analyzer`.

    >>> scorer = Scorer(frames={"talks": ["talks"]}, markers=False, actors=False, quotes=False)
    >>> scorer.columns[-3:]
    ['frame_talks_n_matches', 'frame_talks_per_1000_words', 'frame_talks_sentence_share']
    """

    def __init__(self, *, frames: Lexicons = None, markers: Lexicons = None,
                 actors: Any = None, quotes: bool = True, adjustments: Any = None,
                 mention_tone: bool = False) -> None:
        from ..sentiment import make_analyzer

        self.analyzer = make_analyzer(adjustments)
        self.vader = FastVader(self.analyzer)
        self.frames = self._lexicon(frames, "frame")
        self.markers = self._lexicon(markers, "marker")
        self.quotes = bool(quotes) and _has("quotes", "count_quotes", "load_verbs")
        if quotes and not self.quotes:
            warnings.warn("analysis.quotes is not available: the quote columns are left out",
                          UserWarning, stacklevel=2)
        self.actors, self.actor_names = self._actors(actors)
        # The title words and marker rules, read once for every article (the cache key
        # hashes their files, through resource_files("lexicons")).
        self._roles = self._marker_rules = None
        if self.frames is not None or self.markers is not None:
            from ..actors.lexicon import role_nouns
            from ..framing import marker_rules

            self._roles = role_nouns()
            self._marker_rules = marker_rules() if self.markers is not None else None
        self._with_actors = _has("actors", "ActorList", "read_actor_file")
        self._event_actors: dict[Any, Any] = {}
        self._tone_cache: dict[str, float] = {}
        self._verbs = None
        if self.quotes:
            from ..quotes import load_verbs

            self._verbs = load_verbs()
        self.mention_tone = bool(mention_tone)  # issue 15: see score_text
        self.columns = self._columns()

    @staticmethod
    def _lexicon(value: Lexicons, kind: str):
        if value is False:
            return None
        if not _has("framing", "load_frames", "load_markers", "Lexicon"):
            if value is not None:
                raise RuntimeError(f"{kind} scores need analysis.framing, which is missing")
            return None
        from .. import framing

        if isinstance(value, framing.Lexicon):
            return value
        return framing.load_frames(value) if kind == "frame" else framing.load_markers(value)

    @staticmethod
    def _actors(value: Any) -> tuple[Any, list[str] | None]:
        """``(actor list or None for per-event lists, column names or None for none)``.

        Quotes resolve speakers with the same lists as ``quote_table``, also when the actor
        columns are left out (``actors=False``).
        """
        if not _has("actors", "load_actors", "find_mentions"):
            if value not in (None, False):
                raise RuntimeError("actor columns need analysis.actors, which is missing")
            return None, None
        from ..actors import ActorList, load_actors

        if value is None or value is False:
            # Columns: every actor of every list under data/actors/.
            names = None if value is False else list(dict.fromkeys(a.name for a in load_actors()))
            return None, names
        if not isinstance(value, ActorList):
            value = load_actors(value)
        return value, list(dict.fromkeys(a.name for a in value))

    def _columns(self) -> list[str]:
        cols = [*KEY_COLUMNS, *TONE_COLUMNS]
        for prefix, lexicon in (("frame", self.frames), ("marker", self.markers)):
            for name in lexicon or ():
                cols += [f"{prefix}_{name}_{m}" for m in MEASURES]
        if self.quotes:
            cols += QUOTE_SCORE_COLUMNS
        if self.actor_names is not None:
            cols += ["n_mentions", *(f"mentions_{name}" for name in self.actor_names)]
            if self.mention_tone:  # -- mention-level tone (issue 15) --
                from ..actor_tone import score_tone_columns

                cols += score_tone_columns(self.actor_names)
        return cols

    @functools.cached_property
    def fingerprint(self) -> str:
        """A hash of everything that decides the scores: lexicons, actor lists, code."""
        h = hashlib.sha256()
        h.update(f"scorer {SCORER_VERSION}\n".encode())
        import nltk

        h.update(f"nltk {nltk.__version__}\n".encode())
        root = Path(__file__).resolve().parent.parent
        for path in scorer_sources(package=root):
            h.update(f"{path.relative_to(root).as_posix()} {_file_hash(path)}\n".encode())
        for folder in ("wordlists", "lexicons", "actors"):
            for path in resource_files(folder):
                h.update(f"{folder}/{path.name} {_file_hash(path)}\n".encode())
        tone_model = root / "data" / "models" / "target_tone.json"  # mention-level tone
        h.update(f"models/target_tone.json {_file_hash(tone_model)}\n".encode())
        h.update(repr(sorted(self.analyzer.lexicon.items())).encode())
        for lexicon in (self.frames, self.markers):
            if lexicon is not None:
                h.update(repr([(c.name, c.terms) for c in lexicon.values()]).encode())
        if self.actors is not None:
            h.update(repr(list(self.actors)).encode())
        h.update(repr(self.columns).encode())
        return h.hexdigest()

    def __getstate__(self) -> dict[str, Any]:
        self.fingerprint  # noqa: B018 - computed before the scorer travels to a worker
        state = dict(self.__dict__)
        state["_tone_cache"] = {}
        state["_event_actors"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        from ..sentiment import make_analyzer

        # Unpickled (a spawned worker, a Dask task): the analyzer is a copy. When it
        # scores as the process's shared one does (the same lexicon), use the shared one:
        # it is the target-tone model's own, so that the mention tone reads the sentence
        # compounds worked out here instead of scoring those sentences again
        # (score_tone_row uses them only for the model's own analyzer).
        shared = make_analyzer()
        if self.analyzer is not shared and self.analyzer.lexicon == shared.lexicon:
            self.analyzer = shared
            self.vader = FastVader(shared)

    # -- one article ---------------------------------------------------------------------

    def _compound(self, shadowed: str) -> float:
        """VADER's compound score of a sentence given as its ``shadow`` (plain quotes and
        dashes first, as analysis.sentiment does), remembered when it is short."""
        if len(shadowed) >= _REMEMBERED:
            return self.vader.compound(shadowed)
        found = self._tone_cache.get(shadowed)
        if found is None:
            if len(self._tone_cache) > 100_000:
                self._tone_cache.clear()
            found = self._tone_cache[shadowed] = self.vader.compound(shadowed)
        return found

    @functools.cached_property
    def _actor_files(self) -> list[tuple[str, list[Any], list[str] | None]]:
        """Every list under ``data/actors/``, read once: ``(path, actors, events)``.

        The same files, in the same order, as ``load_actors()`` reads, and read the same way
        (:func:`analysis.yamlio.cached_by_file`): a file ``load_actors()`` has read already,
        here or in the process that forked this worker, is not parsed again.
        """
        from ..actors import read_actor_file
        from ..yamlio import cached_by_file

        return [(str(p), *cached_by_file(p, read_actor_file)) for p in resource_files("actors")]

    def _actor_list(self, event: Any):
        """``load_actors(event=event)``, without reading the files again for every event."""
        if self.actors is not None:
            return self.actors
        key = None if event is None or (isinstance(event, float) and math.isnan(event)) \
            else str(event)
        found = self._event_actors.get(key)
        if found is None:
            from ..actors import ActorList

            used = tuple(i for i, (_p, _a, covered) in enumerate(self._actor_files)
                         if key is None or covered is None or key in covered)
            found = self._event_actors.get(used)
            if found is None:
                files = [self._actor_files[i] for i in used]
                found = ActorList([a for _p, actors, _c in files for a in actors],
                                  sources=[p for p, _a, _c in files])
                self._event_actors[used] = found
            self._event_actors[key] = found
        return found

    def score_text(self, text: str, *, event: Any = None) -> list[Any]:
        """The measures of one text, in the order of ``columns`` after the key columns.

        >>> scorer = Scorer(frames={"war": ["war"]}, markers=False, actors=False, quotes=False)
        >>> # 5 words, 2 sentences (compounds -0.5994 and 0.5848); 1 match: 1 / 5 * 1000
        >>> [round(x, 4) for x in scorer.score_text("The war goes on. Peace!")]
        [5, 2, -0.0073, 0.5, 0.0, 0.5, 1, 200.0, 0.5]
        """
        spans = sentence_spans(text)
        n_words = count_words(text)
        n_sent = len(spans)
        if "\r" in text:  # "\r\n" has another shadow than a "\r" that ends a piece
            compounds = [self._compound(shadow(text[s:e])) for s, e in spans]
        else:  # the shadow maps character by character: the text's, cut, is the sentence's
            plain = shadow(text)
            compounds = [self._compound(plain[s:e]) for s, e in spans]
        if n_sent:
            negative = positive = 0
            for c in compounds:
                if c <= -THRESHOLD:
                    negative += 1
                elif c >= THRESHOLD:
                    positive += 1
            row: list[Any] = [
                n_words, n_sent, sum(compounds) / n_sent, negative / n_sent,
                (n_sent - negative - positive) / n_sent, positive / n_sent,
            ]
        else:
            row = [n_words, 0, math.nan, math.nan, math.nan, math.nan]
        starts = [s for s, _ in spans]
        lexicons = [lx for lx in (self.frames, self.markers) if lx is not None]
        need = self._with_actors and (self.quotes or self.actor_names is not None
                                      or bool(lexicons))
        actors = self._actor_list(event) if need else None
        mentions = None
        if actors is not None:
            from ..actors import find_mentions

            mentions = find_mentions(text, actors)  # found once: frames, quotes, counts
        masks = None
        if lexicons and mentions is not None:
            from ..framing import mention_masks

            masks = mention_masks(text, mentions, roles=self._roles)  # for both lexicons
        for lexicon in lexicons:
            from ..framing import counted_hits  # names and titles masked, as frame_scores

            counts: Counter[str] = Counter()
            sentences: dict[str, set[int]] = {}
            rules = self._marker_rules if lexicon is self.markers else None
            for name, _term, start, _end in counted_hits(text, lexicon, masks=masks,
                                                         rules=rules):
                counts[name] += 1
                i = max(bisect.bisect_right(starts, start) - 1, 0) if spans else -1
                sentences.setdefault(name, set()).add(i)
            for name in lexicon:
                n = counts.get(name, 0)
                row += [n, n / n_words * 1000 if n_words else math.nan,
                        len(sentences.get(name, ())) / n_sent if n_sent else math.nan]
        if self.quotes:
            from ..quotes import count_quotes

            # what find_quotes(..., thoughts=False) finds, counted with less work (no
            # thought rows: they are no voices)
            n_quotes, quoted = count_quotes(text, actors, verbs=self._verbs,
                                            mentions=mentions)
            row += [n_quotes, quoted, quoted / n_words if n_words else math.nan]
        if self.actor_names is not None:
            counts = Counter(m.actor for m in mentions or ())
            row.append(sum(counts.values()))
            row += [counts.get(name, 0) for name in self.actor_names]
            if self.mention_tone:  # -- mention-level tone (issue 15) --
                from ..actor_tone import score_tone_row

                row += score_tone_row(text, mentions or (), self.actor_names,
                                      sentences=spans, compounds=compounds,
                                      analyzer=self.analyzer)
        return row

    def score_frame(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """Score a chunk of checked articles (the columns :data:`KEY_COLUMNS` and ``text``,
        as :func:`iter_chunks` yields them): one row per article, columns ``self.columns``.

        >>> scorer = Scorer(frames=False, markers=False, actors=False, quotes=False)
        >>> chunk = pd.DataFrame({"article_id": ["a"], "event": ["e"], "outlet": ["A"],
        ...                       "leaning": [""], "source": ["pasted"], "text": ["Good."]})
        >>> scorer.score_frame(chunk)[["article_id", "n_words", "mean_compound"]]
          article_id  n_words  mean_compound
        0          a        1         0.4404
        """
        events = corpus["event"].tolist()
        rows = [
            [*key, *self.score_text(text, event=event)]
            for key, text, event in zip(
                corpus[KEY_COLUMNS].itertuples(index=False, name=None),
                corpus["text"], events, strict=True,
            )
        ]
        return _from_rows(rows, self.columns)


def _dtypes(columns: list[str]) -> dict[str, str]:
    types: dict[str, str] = {}
    for c in columns:
        if c in KEY_COLUMNS:
            types[c] = "str"
        elif c in ("n_words", "n_sentences", "n_quotes", "quoted_words", "n_mentions",
                   "n_negative_mentions", "n_positive_mentions") or \
                c.endswith("_n_matches") or c.startswith("mentions_"):
            types[c] = "int64"
        else:
            types[c] = "float64"
    return types


def typed_frame(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Fixed dtypes, so that chunks, cache files and Dask partitions all agree."""
    return df.astype(_dtypes(columns))


def _from_rows(rows: list[list[Any]], columns: list[str]) -> pd.DataFrame:
    """``typed_frame(pd.DataFrame(rows, columns=columns), columns)``, built column by column
    (a chunk's 179 columns as typed arrays instead of objects converted one by one)."""
    if not rows:
        return typed_frame(pd.DataFrame(columns=columns), columns)
    import numpy as np

    types = _dtypes(columns)
    data = {c: pd.array(values, dtype=types[c]) if types[c] == "str"
            else np.array(values, dtype=types[c])
            for c, values in zip(columns, zip(*rows, strict=True), strict=True)}
    return pd.DataFrame(data, columns=columns)


def score_columns(**options: Any) -> list[str]:
    """The columns a score table will have with these :class:`Scorer` options.

    >>> score_columns(frames=False, markers=False, actors=False, quotes=False)
    ... # doctest: +NORMALIZE_WHITESPACE
    ['article_id', 'event', 'outlet', 'leaning', 'source', 'n_words', 'n_sentences',
     'mean_compound', 'share_negative', 'share_neutral', 'share_positive']
    """
    return Scorer(**options).columns


# Scorers by fingerprint, per process: a worker unpickles the scorer it is sent once and
# keeps it (with its warm caches) for every later chunk or partition.
_SCORERS: dict[str, Scorer] = {}


def local_scorer(scorer: Scorer) -> Scorer:
    """This process's copy of ``scorer``: the first one seen with its fingerprint."""
    return _SCORERS.setdefault(scorer.fingerprint, scorer)
