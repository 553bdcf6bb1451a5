"""Hostile text through every text-level function: a result, spans that map back, scores in
range, counts that add up.

The strings mix words the kit reacts to (names on the seed actor list, speech verbs, frame
and marker terms, VADER words) with what pasted text brings: right-to-left script, combining
marks, zero-width characters and joiners, emoji (also ZWJ sequences and flags), control
characters, line and paragraph separators, every quote mark, letters whose case changes
length (ß, İ, ﬁ) and lone surrogates (which the loaders replace, but a Python caller can
still pass). Each module's own tests hold the worked examples; these only check invariants.
"""

from __future__ import annotations

import math
import os

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import actors, cleaning, comparison, framing, quotes, sentiment, tokens
from analysis.loading import from_texts

PIECES = [
    # words the kit reacts to
    "Lloyd Austin", "Austin", "Belousov", "Defense Secretary", "the Kremlin", "Pentagon",
    "said", "told reporters", "according to", "warned", "that", "war", "escalation",
    "talks", "not", "very", "good", "terrible", "may", "so-called", "U.S.", "Dr.", "Mr.",
    # structure
    " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", "!", "?", "...", ",", ":", ";", "-", "—",
    "'s", "'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e",
    "\u2033", "(", ")", "[", "]", "<", ">", "&", "#", "*", "|", "---", "1.", "2024-07-12",
    # hostile Unicode
    "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u202e", "\u202d", "\u2067",
    "e\u0301", "\u0301", "\u0308\u0308\u0308", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
    "\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1f8", "\ufe0f",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\x0b", "\x0c",
    "\u00df", "\u0130", "\ufb01", "\u1e9e", "\u0149", "\u03a3", "\uff02", "\uff0e",
    "\ud800", "\udfff", "\ufffd", "\U0010ffff",
]
HOSTILE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map(
    "".join
)
#: 150 examples per test in the suite; a long run sets HARDENING_EXAMPLES (bench/fuzz/RESULTS.md).
EXAMPLES = int(os.environ.get("HARDENING_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

_ACTORS = actors.load_actors(event="2024-07-12-austin-belousov-call")


def _check_spans(text: str, spans, *, nonempty: bool = True) -> None:
    last_end = 0
    for start, end in spans:
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        if nonempty:
            assert start < end
        assert start >= last_end, "spans overlap or are out of order"
        last_end = end


@SETTINGS
@given(HOSTILE)
def test_tokens(text):
    spans = tokens.word_spans(text)
    _check_spans(text, spans)
    assert len(tokens.words(text)) == len(spans)
    _check_spans(text, tokens.word_spans(text, punct=True))
    sentences = tokens.sentence_spans(text)
    _check_spans(text, sentences)
    assert all(text[s:e].strip() for s, e in sentences)
    # every word lies inside one sentence
    for start, end in spans:
        assert any(s <= start and end <= e for s, e in sentences), (start, end, sentences)
    assert isinstance(tokens.normalize(text), str)


@SETTINGS
@given(HOSTILE)
def test_actor_mentions(text):
    found = actors.find_mentions(text, _ACTORS)
    for m in found:
        assert text[m.start:m.end] == m.surface
        assert m.actor in _ACTORS
        for _form, start, end in m.parts:
            assert m.start <= start <= end <= m.end
    _check_spans(text, [(m.start, m.end) for m in found])


@SETTINGS
@given(HOSTILE)
def test_quotes(text):
    for q in quotes.find_quotes(text, _ACTORS):
        assert text[q.start:q.end] == q.quote
        assert q.kind in ("direct", "reported", "scare")
        if q.speaker is not None and q.speaker_start >= 0:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
        if q.verb is not None and q.verb_start >= 0:
            assert text[q.verb_start:q.verb_end].lower() == q.verb.lower()
        assert q.actor is None or q.actor in _ACTORS
        assert q.n_words == len(tokens.words(q.quote))  # the words of the quote's text


@pytest.mark.parametrize(("text", "quote", "n_words"), [
    ('"We will respond," he said.', "We will respond,", 3),  # We, will, respond
    # the, talks, were, useful, and, long-range (one word), missiles, would, stay
    ("Austin said the talks were useful and long-range missiles would stay.",
     "the talks were useful and long-range missiles would stay.", 9),
    ("\u201cNo.\u201d", "No.", 1),
])
def test_quote_word_counts_by_hand(text, quote, n_words):
    """The base case of the invariant above, counted by hand."""
    [found] = quotes.find_quotes(text, _ACTORS)
    assert (found.quote, found.n_words) == (quote, n_words)


@SETTINGS
@given(HOSTILE)
def test_sentiment(text):
    result = sentiment.score_sentence(text)
    assert -1.0 <= result["compound"] <= 1.0
    for key in ("neg", "neu", "pos"):
        assert 0.0 <= result[key] <= 1.0
    total = result["neg"] + result["neu"] + result["pos"]
    assert total == 0.0 or math.isclose(total, 1.0, abs_tol=0.002)
    assert result["label"] in ("negative", "neutral", "positive")
    for e in result["evidence"]:
        assert 0 <= e["start"] < e["end"] <= len(text)
        assert text[e["start"]:e["end"]] == e["word"]
    share = sentiment.english_share(text)  # NaN without words, as documented
    assert math.isnan(share) or 0.0 <= share <= 1.0


@SETTINGS
@given(HOSTILE)
def test_frames_and_markers(text):
    for found, key in ((framing.find_frame_terms(text), "frame"),
                       (framing.find_markers(text), "marker")):
        for m in found:
            assert text[m["start"]:m["end"]] == m["text"]
            assert m[key]


@SETTINGS
@given(HOSTILE)
def test_cleaning(text):
    removed = cleaning.find_furniture(text, title="Lloyd Austin said")
    lines = [r.line for r in removed]
    assert lines == sorted(set(lines))
    for r in removed:
        assert text[r.start:r.end] == r.text
    cleaned = cleaning.clean_text(text, title="Lloyd Austin said")
    assert len(cleaned) <= len(text)


@pytest.mark.filterwarnings("ignore")  # language checks, surrogates replaced, no sentences
@settings(max_examples=max(40, EXAMPLES // 4), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HOSTILE.filter(str.strip), min_size=2, max_size=3))
def test_corpus_tables_add_up(texts):
    """Alignment scores in [0, 1]; tables count what the text-level functions find."""
    corpus = from_texts([{"outlet": f"Outlet {i}", "text": t} for i, t in enumerate(texts)])
    before = corpus.copy()
    pairs = comparison.align_sentences(corpus)
    assert pairs["similarity"].between(0, 1 + 1e-9).all()
    assert pairs["overlap"].between(0, 1 + 1e-9).all()
    assert (pairs["outlet_a"] != pairs["outlet_b"]).all()
    sents = tokens.sentence_table(corpus)
    for row in sents.itertuples():
        text = corpus.loc[corpus["article_id"] == row.article_id, "text"].iloc[0]
        assert text[row.start:row.end] == row.sentence
    stats = tokens.text_stats(corpus)
    toks = tokens.token_table(corpus)
    counted = toks.groupby("article_id").size().reindex(stats["article_id"], fill_value=0)
    assert stats["n_words"].tolist() == counted.tolist()
    mentions = actors.mention_table(corpus, _ACTORS)
    counts = actors.count_actors(corpus, _ACTORS)
    assert counts["n_mentions"].sum() == len(mentions)
    scored = sentiment.sentence_sentiment(corpus)
    assert scored["compound"].between(-1, 1).all()
    found = quotes.quote_table(corpus, _ACTORS)
    assert set(found["kind"]) <= {"direct", "reported", "scare"}
    pd.testing.assert_frame_equal(corpus, before)


@pytest.mark.filterwarnings("ignore")
def test_every_dashboard_view_on_an_event_without_known_actors():
    """No listed actor is mentioned: the actor-tone view ranked an empty table whose
    counts were of dtype object (TypeError from pandas' nlargest)."""
    from analysis import widgets

    corpus = from_texts({"A": "Peace talks began on Friday. Nobody known spoke.",
                         "B": "War talk grew. The mayor said little."})
    app = widgets.explore(corpus)
    for measure in widgets.MEASURES:
        app.measure.value = measure
        assert bytes(app.chart.value).startswith((b"<?xml", b"<svg"))
    tone = sentiment.sentence_tone_naming(sentiment.sentence_sentiment(corpus),
                                actors.mention_table(corpus, _ACTORS))
    assert tone.empty and tone["n_sentences"].dtype == "int64"
    assert tone["mean_compound"].dtype == "float64"
