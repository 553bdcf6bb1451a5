"""Tests for analysis.sentiment: NLTK's exact VADER scores, evidence, aggregates, CLI."""

from __future__ import annotations

import json
import math
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import from_texts, load_actors, load_corpus
from analysis.cli import main
from analysis.fastvader import FastVader
from analysis.fastvader import SentiText as KitSentiText
from analysis.loading import CorpusError
from analysis.resources import provide_nltk_data
from analysis.sentiment import (
    SENTENCE_COLUMNS,
    _polarity,
    _token_spans,
    actor_tone,
    article_sentiment,
    english_share,
    label_for,
    make_analyzer,
    news_adjustments,
    outlet_sentiment,
    score_sentence,
    sentence_sentiment,
    sentence_tone_naming,
    sentiment_arc,
    sentiment_evidence,
    warn_if_not_english,
)
from analysis.tokens import sentences, shadow
from conftest import SEED_EVENT


@pytest.fixture(scope="module")
def nltk_analyzer():
    """A plain NLTK analyzer, built independently of the kit's cached one."""
    provide_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def seed_corpus():
    return load_corpus(SEED_EVENT)


TRICKY = [
    "The war is a grave threat.",
    "The war is not a good sign.",
    "It was GOOD, but the war is VERY bad!!!",
    "This is kind of good but not great.",
    "He is not the least bit happy.",
    "At least they tried.",
    "Never so good, never this bad.",
    "That was the bomb :) and a kiss of death :(",
    "War! War? War?? War???? WAR!!!!!",
    "good good good bad bad",
    "Yeah right, sort of nice.",
    "“Peace,” he said — “peace” — isn’t dead.",
    "",
    "   ",
    "...!?",
    "a b c d",
    "Don't you dare call this a success; it's hardly acceptable.",
    "The deal wasn't bad, but it wasn't good either.",
    "Austin emphasized the importance of maintaining lines of communication.",
    "NATO's decisions are a very serious threat to the national security of our country.",
]


# --- exactness --------------------------------------------------------------------------


def test_seed_sentences_score_exactly_like_nltk(seed_corpus, nltk_analyzer):
    table = sentence_sentiment(seed_corpus)
    assert len(table) > 40
    for row in table.itertuples():
        expected = nltk_analyzer.polarity_scores(shadow(row.sentence))
        got = {"neg": row.neg, "neu": row.neu, "pos": row.pos, "compound": row.compound}
        assert got == expected, row.sentence


@pytest.mark.parametrize("text", TRICKY)
def test_score_sentence_equals_nltk(text, nltk_analyzer):
    result = score_sentence(text)
    scores = {k: result[k] for k in ("neg", "neu", "pos", "compound")}
    assert scores == nltk_analyzer.polarity_scores(shadow(text))


LEXICON_WORDS = ["war", "threat", "good", "bad", "peace", "GOOD", "kill", "happy", "dead"]
RULE_WORDS = ["not", "never", "very", "kind", "of", "but", "BUT", "least", "at", "so", "this",
              "hardly", "isn't", "the", "a", "!", "?", "the bomb", ":)", ",", "."]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LEXICON_WORDS + RULE_WORDS), max_size=14).map(" ".join))
def test_evidence_path_scores_like_nltk_on_rule_heavy_text(nltk_analyzer, text):
    result = score_sentence(text)
    expected = nltk_analyzer.polarity_scores(shadow(text))
    assert {k: result[k] for k in ("neg", "neu", "pos", "compound")} == expected


PIECES = [*"aAbBwWrR  .,!?'\"-:;()#@“”’…\t\n", "war", "WAR", "good", "not", "but", "very"]
PUNCTUATION_HEAVY = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(PUNCTUATION_HEAVY, st.text(max_size=60)))
def test_fast_tokens_equal_nltk_sentitext(nltk_analyzer, text):
    from nltk.sentiment.vader import SentiText

    constants = nltk_analyzer.constants
    expected = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    tokens = FastVader(nltk_analyzer).tokens(text)
    assert tokens == expected.words_and_emoticons
    assert KitSentiText(tokens).is_cap_diff == expected.is_cap_diff
    assert [text[s:e] for s, e in _token_spans(text, tokens)] == tokens
    assert _polarity(make_analyzer(), text) == nltk_analyzer.polarity_scores(shadow(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_score_sentence_any_text(text):
    result = score_sentence(text)
    assert -1 <= result["compound"] <= 1
    assert result["label"] == label_for(result["compound"])
    for e in result["evidence"]:
        assert text[e["start"]:e["end"]] == e["word"]


# --- evidence ---------------------------------------------------------------------------


def test_evidence_names_war_and_threat_as_negative():
    evidence = {e["word"]: e for e in score_sentence("The war is a grave threat.")["evidence"]}
    assert {"war", "threat"} <= set(evidence)
    assert evidence["war"]["valence"] < 0 and evidence["threat"]["valence"] < 0
    assert evidence["war"]["lexicon_value"] == -2.9  # VADER's rating
    assert evidence["threat"]["lexicon_value"] == -2.4


@pytest.mark.parametrize(
    ("text", "word", "valence", "note"),
    [
        # negation: 1.9 * -0.74 = -1.406
        ("The war is not a good sign.", "good", -1.406, "negated by 'not'"),
        # booster one word before: 1.9 + 0.293 = 2.193
        ("It is very good.", "good", 2.193, "boosted by 'very'"),
        # ALL CAPS (others not): -2.5 - 0.733 = -3.233 ("bad" is -2.5)
        ("It is BAD news.", "BAD", -3.233, "ALL CAPS"),
        # before "but" halves: 1.9 * 0.5 = 0.95
        ("It was good but sad.", "good", 0.95, "before 'but' (x0.5)"),
        # after "but" x1.5: sad -2.1 * 1.5 = -3.15
        ("It was good but sad.", "sad", -3.15, "after 'but' (x1.5)"),
    ],
)
def test_evidence_valence_after_rules(text, word, valence, note):
    evidence = {e["word"]: e for e in score_sentence(text)["evidence"]}
    assert evidence[word]["valence"] == pytest.approx(valence)
    assert note in evidence[word]["note"]


@pytest.mark.parametrize("text", ["The war is a grave threat.", "It was good but sad.",
                                  "Not a very happy day, said no one."])
def test_evidence_valences_add_up_to_the_compound(text):
    result = score_sentence(text)
    total = sum(e["valence"] for e in result["evidence"])  # no ! or ?, so no emphasis
    assert round(total / math.sqrt(total * total + 15), 4) == result["compound"]


def test_sentiment_evidence_spans_index_the_article(seed_corpus):
    evidence = sentiment_evidence(seed_corpus)
    texts = dict(zip(seed_corpus["article_id"], seed_corpus["text"], strict=True))
    assert len(evidence) > 20
    for row in evidence.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.word
    assert "threat" in set(evidence["word"].str.lower())


# --- labels and adjustments --------------------------------------------------------------


@pytest.mark.parametrize(
    ("compound", "label"),
    [(-1.0, "negative"), (-0.05, "negative"), (-0.0499, "neutral"), (0.0, "neutral"),
     (0.0499, "neutral"), (0.05, "positive"), (1.0, "positive")],
)
def test_label_convention(compound, label):
    assert label_for(compound) == label


def test_adjustments_are_off_by_default():
    assert "united" in make_analyzer().lexicon
    table = sentence_sentiment(from_texts({"A": "The United States spoke."}))
    assert table.loc[0, "compound"] > 0  # "united" +1.8 left alone


@pytest.mark.parametrize(
    ("adjustments", "text", "compound"),
    [
        ("names", "The United States spoke.", 0.0),
        (["security-topic"], "The war is a grave threat.", -0.7184),  # -4.0/sqrt(16+15)
        ({"talks": 2.0}, "Talks began.", 0.4588),  # 2.0/sqrt(4+15) = 2/4.359
        ({"war": 0}, "War.", 0.0),
    ],
)
def test_adjustments_change_scores(adjustments, text, compound):
    table = sentence_sentiment(from_texts({"A": text}), adjustments=adjustments)
    assert table.loc[0, "compound"] == compound


def test_adjustments_do_not_touch_the_shared_analyzer():
    base = make_analyzer()
    adjusted = make_analyzer("security-topic")
    assert "war" not in adjusted.lexicon
    assert base.lexicon["war"] == -2.9
    assert make_analyzer().lexicon["war"] == -2.9


def test_shipped_adjustments_name_words_vader_knows():
    lexicon = make_analyzer().lexicon
    for word in news_adjustments():
        assert word in lexicon, f"{word!r} is not in VADER's lexicon: neutralising it is a no-op"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sets: {}\n", "expected 'sets:'"),
        ("sets:\n  x:\n    words: {}\n", "non-empty mapping"),
        ("sets:\n  x:\n    words: {war: 9}\n", "from -4 to 4"),
        ("sets:\n  x:\n    words: {War: null}\n", "lower-case"),
    ],
)
def test_bad_adjustment_file_names_the_file(tmp_path, content, message):
    path = tmp_path / "adjust.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as err:
        make_analyzer(path)
    assert "adjust.yml" in str(err.value)


def test_unknown_adjustment_set():
    with pytest.raises(CorpusError, match="no adjustment set 'nope'"):
        make_analyzer("nope")


# --- corpus level -----------------------------------------------------------------------


def test_sentence_sentiment_columns_and_input_untouched():
    corpus = from_texts({"A": "Peace talks began. The war goes on.", "B": "Nothing."})
    before = corpus.copy()
    table = sentence_sentiment(corpus)
    assert list(table.columns) == SENTENCE_COLUMNS
    pd.testing.assert_frame_equal(corpus, before)
    assert list(table["label"]) == ["positive", "negative", "neutral"]
    assert list(table["sentence_index"]) == [0, 1, 0]


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="'text'"):
        sentence_sentiment(pd.DataFrame({"article_id": ["a"], "outlet": ["A"]}))


def test_article_without_sentences_warns():
    corpus = pd.DataFrame({"article_id": ["a-1", "b-1"], "outlet": ["A", "B"],
                           "text": ["It rained.", "   "]})
    with pytest.warns(UserWarning, match="no sentences.*b-1"):
        table = sentence_sentiment(corpus)
    assert list(table["article_id"]) == ["a-1"]


GERMAN = (
    "Der Kreml und das Pentagon sprechen über die Verringerung des Risikos. Wegen der "
    "angekündigten Stationierung von US-Waffen in Deutschland wächst die Gefahr eines "
    "Konflikts mit Russland, warnen Kritiker. Moskau sucht nun das Gespräch mit Washington."
)


@pytest.mark.parametrize(
    ("text", "low"),
    [(GERMAN, True), ("La guerre est une menace grave pour la paix en Europe. " * 4, True),
     ("The Kremlin and the Pentagon talked about reducing the risk of escalation. " * 3,
      False)],
)
def test_english_share_separates_languages(text, low):
    assert (english_share(text) < 0.15) is low


def test_non_english_article_warns():
    corpus = from_texts({"n-tv": GERMAN, "Shafaq": "The talks were held in the capital."})
    with pytest.warns(UserWarning, match=r"1 article\(s\) do not look like English \(n-tv-1\)"):
        sentence_sentiment(corpus)


def test_english_corpus_does_not_warn(seed_corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_if_not_english(seed_corpus) == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_english_share_in_range(text):
    share = english_share(text)
    assert math.isnan(share) or 0 <= share <= 1


def _table(rows):
    """A hand-made sentence table: (article_id, outlet, index, sentence, compound)."""
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_index", "sentence",
                                     "compound"])
    return df.assign(label=[label_for(c) for c in df["compound"]])


HAND = _table([
    ("a1", "A", 0, "s0", -0.6), ("a1", "A", 1, "s1", 0.0), ("a1", "A", 2, "s2", 0.3),
    ("a1", "A", 3, "s3", -0.1),
    ("a2", "A", 0, "t0", 0.5), ("a2", "A", 1, "t1", 0.04),
    ("b1", "B", 0, "u0", 0.02),
])


def test_article_sentiment_by_hand():
    out = article_sentiment(HAND).set_index("article_id")
    # a1: mean (-0.6 + 0 + 0.3 - 0.1) / 4 = -0.1; labels neg, neu, pos, neg
    assert out.loc["a1", "mean_compound"] == pytest.approx(-0.1)
    assert out.loc["a1", ["share_negative", "share_neutral", "share_positive"]].tolist() == [
        0.5, 0.25, 0.25]
    assert out.loc["a1", "most_negative"] == "s0"
    assert out.loc["a1", "most_positive"] == "s2"
    # a2 has no negative sentence, b1 only a neutral one
    assert pd.isna(out.loc["a2", "most_negative"])
    assert math.isnan(out.loc["a2", "most_negative_compound"])
    assert pd.isna(out.loc["b1", "most_positive"])
    assert out["n_sentences"].tolist() == [4, 2, 1]


def test_outlet_sentiment_pools_sentences():
    out = outlet_sentiment(HAND).set_index("outlet")
    # A: 6 sentences, sum -0.6 + 0 + 0.3 - 0.1 + 0.5 + 0.04 = 0.14
    assert out.loc["A", "mean_compound"] == pytest.approx(0.14 / 6)
    assert out.loc["A", "n_articles"] == 2
    assert out.loc["A", "most_positive"] == "t0"
    assert out.loc["B", "share_neutral"] == 1.0


def test_aggregates_of_empty_table():
    empty = HAND.iloc[0:0]
    assert article_sentiment(empty).empty
    assert "mean_compound" in outlet_sentiment(empty).columns


def test_sentiment_arc_by_hand():
    # a1 has 4 sentences at positions 0.125, 0.375, 0.625, 0.875; a2 has 2 at 0.25, 0.75.
    arc = sentiment_arc(HAND, bins=2)
    a1 = arc[arc["article_id"] == "a1"]
    assert a1["mean_compound"].tolist() == pytest.approx([-0.3, 0.1])
    assert a1["position"].tolist() == [0.25, 0.75]
    b1 = arc[arc["article_id"] == "b1"]  # one sentence at 0.5 falls in bin 1
    assert b1["n_sentences"].tolist() == [0, 1]
    assert math.isnan(b1["mean_compound"].iloc[0])
    by_outlet = sentiment_arc(HAND, bins=2, by="outlet").set_index(["outlet", "bin"])
    # A, bin 0: -0.6, 0.0 (a1) and 0.5 (a2) -> mean -0.1/3
    assert by_outlet.loc[("A", 0), "mean_compound"] == pytest.approx(-0.1 / 3)
    assert by_outlet.loc[("A", 0), "n_articles"] == 2


@pytest.mark.parametrize("bins", [0, -1, 2.5, True])
def test_sentiment_arc_rejects_bad_bins(bins):
    with pytest.raises(ValueError, match="bins"):
        sentiment_arc(HAND, bins=bins)


def test_actor_tone_by_hand():
    mentions = pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a2", "b1"],
        "outlet": ["A", "A", "A", "A", "B"],
        "actor": ["Peskov", "Peskov", "Austin", "Peskov", "Peskov"],
        "kind": ["person"] * 5,
        "surface": ["Peskov", "he", "Austin", "Peskov", "Peskov"],
        "start": [0, 10, 0, 0, 0],
        "end": [6, 12, 6, 6, 6],
        "sentence_index": [0, 0, 2, 0, 0],  # Peskov twice in a1's sentence 0: counted once
    })
    out = sentence_tone_naming(HAND, mentions).set_index(["outlet", "actor"])
    # Peskov in A: a1 s0 (-0.6) and a2 t0 (0.5): mean -0.05
    assert out.loc[("A", "Peskov"), "n_sentences"] == 2
    assert out.loc[("A", "Peskov"), "n_articles"] == 2
    assert out.loc[("A", "Peskov"), "mean_compound"] == pytest.approx(-0.05)
    assert out.loc[("A", "Austin"), "mean_compound"] == pytest.approx(0.3)
    assert out.loc[("B", "Peskov"), "share_neutral"] == 1.0


def test_actor_tone_without_matches():
    mentions = pd.DataFrame({"article_id": ["zz"], "actor": ["X"], "sentence_index": [0]})
    out = sentence_tone_naming(HAND, mentions)
    assert out.empty and "n_articles" in out.columns


def test_actor_tone_names_missing_column():
    with pytest.raises(ValueError, match="'sentence_index'"):
        sentence_tone_naming(HAND, pd.DataFrame({"article_id": ["a1"], "actor": ["X"]}))


# --- command line -----------------------------------------------------------------------


def test_cli_sentiment_csv(capsys, nltk_analyzer):
    assert main(["sentiment", str(SEED_EVENT), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    table = pd.read_csv(pd.io.common.StringIO(out))
    assert list(table.columns) == ["article_id", "outlet", "sentence_index", "sentence",
                                   "compound", "neg", "neu", "pos", "label"]
    row = table.iloc[5]
    assert row["compound"] == nltk_analyzer.polarity_scores(shadow(row["sentence"]))["compound"]


@pytest.mark.parametrize(("by", "column", "n_rows"),
                         [("article", "mean_compound", 2), ("outlet", "n_articles", 2),
                          ("word", "valence", None), ("arc", "position", 2 * 3)])
def test_cli_sentiment_by(capsys, by, column, n_rows):
    assert main(["sentiment", str(SEED_EVENT), "--by", by, "--bins", "3",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and column in rows[0]
    assert n_rows is None or len(rows) == n_rows


def test_cli_sentiment_adjust_and_out(tmp_path, capsys):
    out = tmp_path / "tone.csv"
    assert main(["sentiment", str(SEED_EVENT), "--adjust", "security-topic",
                 "--out", str(out)]) == 0
    table = pd.read_csv(out)
    war = table[table["sentence"].str.contains("ongoing war against Ukraine")]
    # with "war" neutral, the sentence is carried by "importance" alone
    assert (war["compound"] > 0).all()


# --- the shared corpus ------------------------------------------------------------------


@pytest.mark.shared
def test_real_news_sentences_score_like_nltk(nltk_analyzer, allsides):
    texts = allsides["text"].head(60)
    for text in texts:
        for sentence in sentences(text):
            result = score_sentence(sentence)
            expected = nltk_analyzer.polarity_scores(shadow(sentence))
            assert {k: result[k] for k in expected} == expected, sentence
        assert english_share(text) > 0.15


@pytest.mark.parametrize(("curly", "straight"), [
    ("They were \u201cdishonest and hypocritical,\u201d he said.",
     'They were "dishonest and hypocritical," he said.'),
    ("We are \u201cproud\u201d of it.", 'We are "proud" of it.'),
    ("It isn\u2019t good \u2014 it\u2019s bad.", "It isn't good - it's bad."),
])
def test_typographic_quotes_score_like_straight_ones(curly, straight, nltk_analyzer):
    """NLTK strips only ASCII punctuation, so a word in curly quotes once scored 0."""
    assert score_sentence(curly)["compound"] == score_sentence(straight)["compound"] == \
        nltk_analyzer.polarity_scores(straight)["compound"]


def test_a_curly_quoted_phrase_is_no_longer_neutral():
    assert score_sentence("They were \u201cdishonest and hypocritical,\u201d he said.")[
        "compound"] == -0.5719  # NLTK on the straight-quoted sentence


def test_the_old_actor_tone_name_warns_and_points_to_the_new_measures():
    mentions = pd.DataFrame({"article_id": ["a1"], "actor": ["X"], "sentence_index": [0]})
    with pytest.warns(FutureWarning, match=r"sentence_tone_naming.*mention_tone"):
        old = actor_tone(HAND, mentions)
    pd.testing.assert_frame_equal(old, sentence_tone_naming(HAND, mentions))


# --- tone toward an actor ------------------------------------------------------------------


def test_actor_tone_summary_by_hand():
    from analysis.actor_tone import actor_tone_summary

    mentions = pd.DataFrame({
        "article_id": ["a1"] * 5 + ["b1"] * 2, "outlet": ["A"] * 5 + ["B"] * 2,
        "actor": ["X"] * 7, "sentence": [f"s{i}" for i in range(7)],
        "voice": ["outlet", "outlet", "quoted", "outlet", "outlet", "outlet", "quoted"],
        "label": ["negative", "negative", "positive", "neutral", "negative", "positive",
                  "neutral"],
        "tone": [-0.9, -0.5, 0.8, 0.0, -0.4, 0.6, 0.1]})
    a = actor_tone_summary(mentions).set_index("outlet").loc["A"]
    assert (a["n_mentions"], a["n_negative"], a["n_neutral"], a["n_positive"]) == (5, 3, 1, 1)
    assert a["share_negative"] == pytest.approx(0.6)
    # Wilson 95% for 3 of 5: centre (0.6 + z²/10) / (1 + z²/5), by hand 0.2307 .. 0.8824
    assert a["share_negative_low"] == pytest.approx(0.2307, abs=1e-4)
    assert a["share_negative_high"] == pytest.approx(0.8824, abs=1e-4)
    assert a["tone"] == pytest.approx(-0.2) and a["enough"] and a["note"] == ""
    assert a["tone_low"] <= a["tone"] <= a["tone_high"]
    assert a["example"] == "s0"  # the strongest reading, -0.9
    b = actor_tone_summary(mentions).set_index("outlet").loc["B"]
    assert not b["enough"] and b["note"].startswith("too little evidence: 2 mentions")
    own = actor_tone_summary(mentions, voice="outlet").set_index("outlet")
    assert own.loc["A", "n_mentions"] == 4 and own.loc["B", "n_mentions"] == 1


def test_mention_tone_reads_toward_the_target_with_its_voice():
    from analysis.actor_tone import mention_tone

    # ("Critics slammed Peskov" would be the critics' view: reported speech, voice quoted)
    corpus = from_texts({"A": 'Dmitry Peskov is a corrupt liar and a fraud. "Peskov is a '
                              'liar," a diplomat said.'})
    actors = load_actors(event="2024-07-12-austin-belousov-call")
    table = mention_tone(corpus, actors=actors)
    assert table["actor"].tolist() == ["Dmitry Peskov", "Dmitry Peskov"]
    assert table["voice"].tolist() == ["outlet", "quoted"]
    assert table.loc[0, "label"] == "negative"
    assert (table["p_negative"] + table["p_neutral"] + table["p_positive"]).round(9).eq(1).all()
    assert table["top_features"].str.len().gt(0).all()
