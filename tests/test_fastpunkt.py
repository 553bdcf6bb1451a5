"""FastPunkt gives exactly the spans of NLTK's PunktSentenceTokenizer (the reference)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis import load_corpus
from analysis.fastpunkt import FastPunkt
from analysis.tokens import _blocks, _punkt_parameters, _shadow, sentence_spans
from conftest import SEED_EVENT


@pytest.fixture(scope="module")
def pair():
    params = _punkt_parameters()
    return PunktSentenceTokenizer(params), FastPunkt(params)


def _same(pair, text):
    reference, fast = pair
    assert fast.span_tokenize(text) == list(reference.span_tokenize(text)), text


def _pieces(text):
    """What the kit hands Punkt: each block of the shadow text, and the whole of it."""
    shadow = _shadow(text)
    return [shadow[s:e] for s, e in _blocks(shadow, "auto")] + [shadow, text]


def test_hand_worked_decisions():
    """Each rule of the reduced Punkt, with the split NLTK makes (checked below too)."""
    params = PunktParameters()
    params.abbrev_types = {"gen", "u.s", "sen"}
    params.sent_starters = {"the"}
    fast = FastPunkt(params)
    cases = {
        # A listed abbreviation is not a break ...
        "Gen. Smith met U.S. envoys. They talked.":
            ["Gen. Smith met U.S. envoys.", "They talked."],
        # ... unless a frequent sentence starter follows it, capitalised.
        "He met the Sen. The talks ended.": ["He met the Sen.", "The talks ended."],
        # An initial before a capital is not a break (J. Bach); a number before a lower-case
        # word is not either; an unlisted word before a capital is.
        "J. Bach wrote it. It is No. 5 in the 2. series. Done.":
            ["J. Bach wrote it.", "It is No.", "5 in the 2. series.", "Done."],
        # Closing quotes and brackets after the mark stay with the sentence.
        '"Is it war?" (She asked.) Yes!': ['"Is it war?"', "(She asked.)", "Yes!"],
        "": [],
        "   ": [],
    }
    reference = PunktSentenceTokenizer(params)
    for text, expected in cases.items():
        assert fast.tokenize(text) == expected, text
        assert reference.sentences_from_text(text) == expected, text


def test_refuses_trained_parameters():
    params = PunktParameters()
    params.collocations = {("s.", "mr")}
    with pytest.raises(ValueError, match="collocations"):
        FastPunkt(params)
    params = PunktParameters()
    params.add_ortho_context("the", 2)
    with pytest.raises(ValueError, match="orthographic context"):
        FastPunkt(params)


def test_equals_nltk_on_the_seed_event(pair):
    corpus = load_corpus(SEED_EVENT)
    pieces = [p for text in corpus["text"] for p in _pieces(text)]
    assert len(pieces) > 40
    for piece in pieces:
        _same(pair, piece)


@pytest.mark.shared
def test_equals_nltk_on_allsides_articles(pair, allsides):
    # Every 20th article (419 of 8,368): all of them agree too (bench/bench_score_parts.py
    # --limit 0 --check-punkt checks the whole corpus).
    texts = allsides["text"].iloc[::20].tolist()
    pieces = [p for text in texts for p in _pieces(text)]
    assert len(pieces) > 10_000
    for piece in pieces:
        _same(pair, piece)


# Tokens where Punkt's rules differ: listed abbreviations, sentence starters, initials,
# numbers and ordinals, ellipses, closing quotes and brackets, other marks.
PUNKT_WORDS = ["Gen.", "gen.", "U.S.", "Mr.", "Sen.", "No.", "no.", "Jan.", "e.g.", "vs.",
               "J.", "j.", "A.", "The", "the", "But", "He", "he", "It", "1.", "2.", "3.5",
               "1,000.", "-1.", "...", "..", ". . .", "\u2026", "war", "War.", "talks.",
               "ended", "?", "!", "?!", ".", ",", ";", ":", "--", '"', "'", ")", "(", "]",
               "\u201c", "\u201d", "\u2019", "\u00bb", "co-Chair.", "Pa.", "#", "@", "x",
               # words before a period: listed (in any case) or not, one letter or more
               "Mass.", "mass.", "St.", "Inc.", "ill.", "Iran.", "IRAN.", "a.", "ok.", "Kyiv's."]
GLUE = [" ", "", "  ", "\n", "\n\n", "\t", " \n ", "\u00a0", "\x0b"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PUNKT_WORDS), st.sampled_from(GLUE)), max_size=24)
       .map(lambda parts: "".join(w + g for w, g in parts)))
def test_equals_nltk_on_rule_heavy_text(pair, text):
    _same(pair, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_equals_nltk_on_any_text(pair, text):
    _same(pair, text)


def test_sentence_spans_still_split_the_kit_way():
    """The kit's rules around Punkt (blocks, enumerations, lower-case joins) still apply."""
    text = '1. The first point.\n"Is this war?" she asked. Gen. Smith said no.'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "1. The first point.", '"Is this war?" she asked.', "Gen. Smith said no."]


def test_remembered_token_rules_decide_as_the_pair_rules(pair):
    """``_breaks`` (the first token's part remembered) answers as ``_breaks_before`` on
    every pair of the rule-heavy tokens, each with and without a final period, asked twice
    (the second answer comes from the remembered part)."""
    _, fast = pair
    tokens = [t for w in PUNKT_WORDS if w.strip() for t in (w, w.rstrip(".") + ".")]
    for _ in range(2):
        for a in tokens:
            for b in tokens:
                assert fast._breaks(a, b) == fast._breaks_before(a, b), (a, b)
    # Hand-worked: an unlisted word before anything breaks; a listed abbreviation before a
    # capitalised sentence starter breaks, before another word it does not; an initial
    # before a capital does not.
    assert fast._breaks("talks.", "the") is True
    assert fast._breaks("Gen.", "The") is True and fast._breaks("Gen.", "Smith") is False
    assert fast._breaks("J.", "Bach") is False


def test_sentences_starting_with_no_closing_mark_are_not_realigned(pair):
    # FastPunkt skips NLTK's realignment pattern for a sentence that starts with none of
    # the characters it lists: exactly those the pattern can start with
    fast = pair[1]
    assert fast._closing is not None  # (the pattern of the installed NLTK is the known one)
    realignment = fast._realignment
    starts = {c for c in map(chr, range(0x10000)) if realignment.match(c + " ")}
    assert starts == set(fast._closing) == set("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
    _same(pair, 'He asked: "Is it war?" She did not answer. (It was.) Then "no."')
