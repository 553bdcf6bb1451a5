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
#: NLTK's ``re_boundary_realignment`` (NLTK 3.10) and the characters it starts with: a
#: sentence whose first character is none of them is not realigned (no call needed).
_REALIGNMENT = '["\\\')\\]}\\u2018\\u2019\\u201c\\u201d\\xab\\xbb]+?(?:\\s+|(?=--)|$)'
_CLOSING = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")


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
        # the groups by number: the regex engine looks a name up at every call (~0.5 us)
        self._after_tok = self._period_context.groupindex["after_tok"]
        self._next_tok = self._period_context.groupindex["next_tok"]
        self._words = _engine(lang._word_tokenizer_re())
        self._realignment = _engine(lang.re_boundary_realignment)
        # (another NLTK's pattern: every sentence is tried, as NLTK does)
        self._closing = _CLOSING if lang.re_boundary_realignment.pattern == _REALIGNMENT \
            else None
        self._numeric = _engine(PunktToken._RE_NUMERIC)
        self._initial = _engine(PunktToken._RE_INITIAL)
        self._ellipsis = _engine(PunktToken._RE_ELLIPSIS)
        self._verdicts: dict[str, bool] = {}
        self._tokens: dict[str, tuple[bool, bool, bool, bool]] = {}

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

    def _token_rules(self, tok: str) -> tuple[bool, bool, bool, bool]:
        """What :meth:`_breaks_before` reads of its first token, remembered:
        ``(sentbreak, starter rule applies, initial, number)``."""
        found = self._tokens.get(tok)
        if found is None:
            sentbreak, abbr = self._first_pass(tok)
            if not tok.endswith("."):
                found = (sentbreak, False, False, False)
            else:
                typ = self._type(tok)
                if len(typ) > 1 and typ[-1] == ".":
                    typ = typ[:-1]
                initial = self._initial.match(tok) is not None
                found = (sentbreak, abbr and not initial, initial, typ == "##number##")
            if len(self._tokens) >= _CACHE_LIMIT:
                self._tokens.clear()
            self._tokens[tok] = found
        return found

    def _breaks(self, tok1: str, tok2: str) -> bool:
        """:meth:`_breaks_before` with the first token's part remembered (the same rules
        in the same order; ``tests/test_fastpunkt.py`` compares the two)."""
        sentbreak, starter, initial, number = self._token_rules(tok1)
        if starter:
            next_typ = self._type(tok2)
            if self._first_pass(tok2)[0] and len(next_typ) > 1 and next_typ[-1] == ".":
                next_typ = next_typ[:-1]
            if tok2[0].isupper() and next_typ in self.sent_starters:
                return True
        if initial or number:
            if tok2 in _PUNCTUATION or tok2[0].islower():
                return False
            if initial and tok2[0].isupper():
                return False
        return sentbreak

    def _contains_sentbreak(self, context: str) -> bool:
        """NLTK's ``text_contains_sentbreak``: a break at any token but the last."""
        found = self._verdicts.get(context)
        if found is None:
            if "\n" in context:
                toks = [t for line in context.split("\n") if line.strip()
                        for t in self._words.findall(line)]
            else:  # one line, never blank: it holds the sentence-ending mark
                toks = self._words.findall(context)
            found = any(itertools.starmap(self._breaks, itertools.pairwise(toks)))
            if len(self._verdicts) >= _CACHE_LIMIT:
                self._verdicts.clear()
            self._verdicts[context] = found
        return found

    # -- a text -------------------------------------------------------------------------

    def _end_words(self, text: str):
        """NLTK's ``_match_potential_end_contexts``: ``(match, start of the word before)``.

        NLTK's context is the word before the mark (from ``start`` to the mark), the mark
        and ``after_tok``, which starts right after the mark (the match is the mark and a
        look-ahead): ``text[start:match.end("after_tok")]``. The word starts after the
        last white space (``string.whitespace``) between the previous mark and this one;
        in a text whose only white space is spaces, that is the last space.
        """
        prev_start = prev_stop = 0
        previous = None
        spaces_only = "\n" not in text and "\t" not in text and "\r" not in text \
            and "\x0b" not in text and "\x0c" not in text  # _WHITESPACE but the space
        for match in self._period_context.finditer(text):
            start = match.start()
            if spaces_only:
                last_space = text.rfind(" ", prev_stop, start)  # -1: none
                last_space = last_space - prev_stop if last_space >= 0 else -1
            else:
                before = text[prev_stop:start]
                last_space = max(map(before.rfind, _WHITESPACE))
            # None (-1), or at index 0: NLTK's "if index_after_last_space" is false for both.
            word_start = last_space + prev_stop + 1 if last_space > 0 else prev_start
            if previous is not None and prev_stop <= word_start:
                yield previous, prev_start
            previous = match
            prev_start, prev_stop = word_start, start
        if previous is not None:
            yield previous, prev_start

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Offsets ``(start, end)`` of the sentences, as NLTK's ``span_tokenize`` gives."""
        slices = []
        last_break = 0
        verdicts = self._verdicts
        abbreviations = self.abbrev_types
        after_tok, next_group = self._after_tok, self._next_tok
        for match, word_start in self._end_words(text):
            mark = match.start()
            word = text[word_start:mark]
            if text[mark] == "." and len(word) > 1 and word.isascii() and word.isalpha() \
                    and word.lower() not in abbreviations:
                # The context's first token is the word and its period (what follows the
                # mark is white space or a mark that ends a token), a sentence break
                # whatever comes after: an unlisted word of two letters or more.
                found = True
            else:
                context = text[word_start:match.end(after_tok)]
                found = verdicts.get(context)
                if found is None:
                    found = self._contains_sentbreak(context)
            if found:
                slices.append((last_break, match.end()))
                next_tok = match.start(next_group)  # -1: no next token (\S+, never empty)
                last_break = next_tok if next_tok >= 0 else match.end()
        slices.append((last_break, len(text.rstrip())))
        if len(slices) == 1:
            s1, e1 = slices[0]
            return [(s1, e1)] if s1 < e1 else []
        # _realign_boundaries: closing quotes and brackets after the mark join the sentence.
        out = []
        realign = 0
        closing = self._closing
        for (s1, e1), nxt in zip(slices, [*slices[1:], None], strict=True):
            s1 += realign
            if nxt is None:
                if s1 < e1:
                    out.append((s1, e1))
                continue
            # NLTK matches text[nxt[0]:nxt[1]]: the same as matching text between those
            # places (the pattern looks neither behind nor past the end), without a copy;
            # not tried when the sentence starts with no closing mark (most do not).
            m = None if closing is not None and text[nxt[0]:nxt[0] + 1] not in closing \
                else self._realignment.match(text, nxt[0], nxt[1])
            if m:
                out.append((s1, nxt[0] + len(m.group(0).rstrip())))
                realign = m.end() - nxt[0]
            else:
                realign = 0
                if s1 < e1:
                    out.append((s1, e1))
        return out

    def tokenize(self, text: str) -> list[str]:
        """The sentences as strings."""
        return [text[s:e] for s, e in self.span_tokenize(text)]
