"""Tests for analysis.scoring and analysis.fastvader: exact VADER, the one-row-per-article
scores against the modules that define each measure, chunking/jobs invariance, streaming
input and output, bad rows, the cache, Dask and the ``score`` command."""

from __future__ import annotations

import gzip
import itertools
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import from_texts, load_corpus
from analysis.cli import main
from analysis.fastvader import FastVader
from analysis.resources import provide_nltk_data
from analysis.scoring import (
    SKIPPED_COLUMNS,
    Scorer,
    cache_dir,
    iter_chunks,
    long_scores,
    score_articles,
    score_columns,
    score_dask,
    score_file,
    scorer_sources,
    skipped_report_path,
)
from analysis.tokens import sentence_spans, sentences, word_spans
from conftest import ALLSIDES, FIXTURES, NO_ALLSIDES, ROOT, SEED_EVENT

SHARED_CORPUS = ALLSIDES


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    """Every test gets its own empty score cache (never the user's)."""
    monkeypatch.setenv("OUTLET_LENS_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def nltk_analyzer():
    """A plain NLTK analyzer, built independently of the kit."""
    provide_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def vader(nltk_analyzer):
    return FastVader(nltk_analyzer)


@pytest.fixture(scope="module")
def seed_corpus():
    return load_corpus(SEED_EVENT)


@pytest.fixture(scope="module")
def seed_scores(seed_corpus):
    return score_articles(seed_corpus, cache=False)


# --- FastVader: exactly NLTK --------------------------------------------------------------

ADVERSARIAL = [
    "The war is a grave threat.",
    "It was GOOD, but the war is VERY bad!!!",
    "This is kind of good but not great. kind of KIND of",
    "He is not the least bit happy; at least they tried, very least.",
    "Never so good, never this bad, so good this bad.",
    "That was the bomb :) and a kiss of death :( cut the mustard",
    "War! War? War?? War???? WAR!!!!! war!!!! war!? war?!? good?!?! bad!?!?",
    "good good good bad bad GOOD Good gOOD",
    "Yeah right, sort of nice, sorta kinda nice.",
    "“Peace,” he said — “peace” — isn’t dead.",
    '"Peace," he said -- "peace" -- isn\'t dead. (good) [bad] {ok} <fine>',
    "",
    "   ",
    "...!?",
    "a b c d",
    "I",
    "!good ?bad .war ,peace ;love :hate -kill 'nice \"fine !!great ??awful",
    "good! bad? war. peace, love; hate: kill- nice' fine\" great!! awful??",
    "!!!good!!! 'good' good's goods' g.o.o.d",
    "Don't you dare call this a success; it's hardly acceptable. NOT GOOD",
    "The deal wasn't bad, but it wasn't good either. BUT it was fine but sad.",
    "ALL CAPS SENTENCE WITH GOOD AND BAD",
    "no, nope, none, nothing, nor good; without doubt; despite the war; uh-uh fun",
    "Tabs\tand\nnew lines\u00a0and\u2003odd spaces: good\u2028bad",
    "Émile’s café was très bon. Straße! 東京 is great 😀 :-) <3 </3",
    "the shit, the bomb, bad ass, yeah right, hand to mouth",
    "Extremely good, extremely bad, hardly good, barely bad, kind-of good, sort-of bad",
    "ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok good",
]


def _same_as_nltk(vader, nltk_analyzer, text):
    expected = nltk_analyzer.polarity_scores(text)
    assert vader.polarity_scores(text) == expected, text
    assert vader.compound(text) == expected["compound"], text


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_fast_vader_equals_nltk_on_adversarial_sentences(vader, nltk_analyzer, text):
    _same_as_nltk(vader, nltk_analyzer, text)


def test_fast_vader_equals_nltk_on_every_seed_sentence(vader, nltk_analyzer, seed_corpus):
    texts = [s for text in seed_corpus["text"] for s in sentences(text)]
    assert len(texts) > 50
    for text in texts:
        _same_as_nltk(vader, nltk_analyzer, text)


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_CORPUS.exists(), reason=NO_ALLSIDES)
def test_fast_vader_equals_nltk_on_allsides_sentences(vader, nltk_analyzer):
    with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in itertools.islice(fh, 60)]
    checked = 0
    for text in texts:
        for sentence in sentences(text):
            _same_as_nltk(vader, nltk_analyzer, sentence)
            checked += 1
    assert checked > 1500


def test_fast_vader_uses_an_adjusted_lexicon():
    from analysis.sentiment import make_analyzer

    adjusted = make_analyzer({"war": 0})
    # "war" (-2.9) removed: only "grave" and "threat" remain, as NLTK with that lexicon.
    assert FastVader(adjusted).compound("The war is a grave threat.") == \
        adjusted.polarity_scores("The war is a grave threat.")["compound"] == -0.7184


LEXICON_WORDS = ["war", "threat", "good", "bad", "peace", "GOOD", "kill", "happy", "dead",
                 "kind", "no", "yes", "like"]
RULE_WORDS = ["not", "never", "very", "kind", "of", "but", "BUT", "least", "at", "so", "this",
              "hardly", "isn't", "the", "a", "!", "?", "the bomb", ":)", ",", ".", "!!", "'",
              "sort", "VERY", "without", "kiss", "death", "cut", "mustard"]
GLUE = ["", " ", "  ", "!", ",", ".", "?!?", '"', "'", "-", "\n"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(LEXICON_WORDS + RULE_WORDS), st.sampled_from(GLUE)),
                max_size=16).map(lambda parts: " ".join(w + g for w, g in parts)))
def test_fast_vader_equals_nltk_on_rule_heavy_text(vader, nltk_analyzer, text):
    _same_as_nltk(vader, nltk_analyzer, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_fast_vader_equals_nltk_on_any_text(vader, nltk_analyzer, text):
    from nltk.sentiment.vader import SentiText

    constants = nltk_analyzer.constants
    expected = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    assert vader.tokens(text) == expected.words_and_emoticons
    _same_as_nltk(vader, nltk_analyzer, text)


# --- the scores agree with the modules that define each measure ---------------------------


def test_one_row_per_article_with_fixed_columns(seed_corpus, seed_scores):
    assert list(seed_scores.columns) == score_columns()
    assert seed_scores["article_id"].tolist() == seed_corpus["article_id"].tolist()
    assert seed_scores["source"].tolist() == seed_corpus["source"].tolist()
    assert seed_scores["n_words"].dtype == "int64"
    assert seed_scores["mean_compound"].dtype == "float64"


def test_words_and_sentences_match_text_stats(seed_corpus, seed_scores):
    from analysis.tokens import text_stats

    stats = text_stats(seed_corpus)
    assert seed_scores["n_words"].tolist() == stats["n_words"].tolist()
    assert seed_scores["n_sentences"].tolist() == stats["n_sentences"].tolist()


def test_tone_matches_article_sentiment(seed_corpus, seed_scores):
    from analysis.sentiment import article_sentiment, sentence_sentiment

    expected = article_sentiment(sentence_sentiment(seed_corpus)).set_index("article_id")
    got = seed_scores.set_index("article_id")
    for column in ("mean_compound", "share_negative", "share_neutral", "share_positive"):
        pd.testing.assert_series_equal(got[column], expected.loc[got.index, column],
                                       check_names=False, rtol=1e-12)
    assert (got["n_sentences"] == expected.loc[got.index, "n_sentences"]).all()


@pytest.mark.parametrize("kind", ["frame", "marker"])
def test_frames_and_markers_match_framing(seed_corpus, seed_scores, kind):
    from analysis import framing

    function = framing.frame_scores if kind == "frame" else framing.marker_scores
    expected = function(seed_corpus)[["article_id", "outlet", kind, "n_matches",
                                      "per_1000_words", "sentence_share"]]
    pd.testing.assert_frame_equal(long_scores(seed_scores, kind=kind), expected,
                                  check_dtype=False)


def test_actor_mentions_match_mention_table(seed_corpus, seed_scores):
    from analysis.actors import mention_table

    counts = mention_table(seed_corpus).groupby(["article_id", "actor"]).size()
    got = long_scores(seed_scores, kind="actor").set_index(["article_id", "actor"])["n_mentions"]
    assert got[got > 0].sort_index().to_dict() == counts.sort_index().to_dict()
    assert seed_scores["n_mentions"].tolist() == \
        [int(counts[a].sum()) for a in seed_scores["article_id"]]


def test_long_actor_scores_carry_the_mean_tone_of_mention_tone(seed_corpus, seed_scores):
    from analysis.actor_tone import mention_tone

    toned_scores = score_articles(seed_corpus, cache=False, mention_tone=True)
    means = mention_tone(seed_corpus).groupby(["article_id", "actor"])["tone"].mean()
    long = long_scores(toned_scores, kind="actor").set_index(["article_id", "actor"])
    toned = long["tone"].dropna()
    assert sorted(toned.index) == sorted(means.index)  # NaN exactly where no mention
    for key, value in means.items():
        assert toned[key] == pytest.approx(value, abs=1e-9)
    assert "tone" not in long_scores(seed_scores, kind="actor").columns  # off by default


def test_quotes_match_quote_table(seed_corpus, seed_scores):
    from analysis.quotes import quote_table

    table = quote_table(seed_corpus)
    table = table[table["kind"] != "thought"]  # what one is said to think: not counted
    quotes = table.groupby("article_id")["n_words"].agg(["size", "sum"])
    got = seed_scores.set_index("article_id")
    assert got["n_quotes"].to_dict() == quotes["size"].to_dict()
    assert got["quoted_words"].to_dict() == quotes["sum"].to_dict()
    assert got["quoted_word_share"].tolist() == pytest.approx(
        (got["quoted_words"] / got["n_words"]).tolist())


def test_quotes_do_not_change_when_the_actor_columns_are_left_out(seed_corpus, seed_scores):
    without = score_articles(seed_corpus, cache=False, actors=False, frames=False,
                             markers=False)
    assert "n_mentions" not in without.columns
    pd.testing.assert_frame_equal(without[["n_quotes", "quoted_words", "quoted_word_share"]],
                                  seed_scores[["n_quotes", "quoted_words", "quoted_word_share"]])


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_CORPUS.exists(), reason=NO_ALLSIDES)
def test_allsides_sample_matches_every_reference_function(tmp_path):
    from analysis.actors import mention_table
    from analysis.framing import frame_scores, marker_scores
    from analysis.sentiment import article_sentiment, sentence_sentiment

    path = tmp_path / "sample.jsonl"
    with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as fh, open(path, "w") as out:
        out.writelines(itertools.islice(fh, 30))
    corpus = load_corpus(path)
    scores = score_file(path, cache=False, chunksize=7).scores
    assert scores["article_id"].tolist() == corpus["article_id"].tolist()
    tone = article_sentiment(sentence_sentiment(corpus)).set_index("article_id") \
        .loc[scores["article_id"]]  # sorted by id there, in file order here
    assert scores["mean_compound"].tolist() == pytest.approx(tone["mean_compound"].tolist(),
                                                             rel=1e-12)
    assert scores["share_negative"].tolist() == tone["share_negative"].tolist()
    for kind, function in (("frame", frame_scores), ("marker", marker_scores)):
        expected = function(corpus)[["article_id", "outlet", kind, "n_matches",
                                     "per_1000_words", "sentence_share"]]
        pd.testing.assert_frame_equal(long_scores(scores, kind=kind), expected, check_dtype=False)
    mentions = mention_table(corpus).groupby("article_id").size()
    assert scores["n_mentions"].tolist() == [int(mentions.get(a, 0))
                                             for a in scores["article_id"]]
    from analysis.quotes import quote_table

    table = quote_table(corpus)
    quotes = table[table["kind"] != "thought"].groupby("article_id").size()
    assert scores["n_quotes"].tolist() == [int(quotes.get(a, 0)) for a in scores["article_id"]]


def test_actor_list_per_event_is_load_actors(seed_corpus):
    from analysis.actors import load_actors

    scorer = Scorer()
    for event in ["2024-07-12-austin-belousov-call", "another-event", None]:
        assert scorer._actor_list(event).names == load_actors(event=event).names


def test_actors_given_as_a_file_apply_to_every_article():
    corpus = from_texts({"A": "Lloyd Austin spoke to Andrey Belousov."}, event="elsewhere")
    default = score_articles(corpus, cache=False, frames=False, markers=False, quotes=False)
    assert default["n_mentions"].tolist() == [0]  # the seed list is for the seed event only
    listed = score_articles(corpus, cache=False, frames=False, markers=False, quotes=False,
                            actors=ROOT / "analysis" / "data" / "actors"
                            / "2024-07-12-austin-belousov-call.yml")
    assert listed[["mentions_Lloyd Austin", "mentions_Andrey Belousov", "n_mentions"]] \
        .iloc[0].tolist() == [1, 1, 2]


def test_options_leave_columns_out():
    assert score_columns(frames=False, markers=False, actors=False, quotes=False)[-1] == \
        "share_positive"
    frames = score_columns(frames={"talks": ["talks"]}, markers=False, actors=False,
                           quotes=False)
    assert frames[-3:] == ["frame_talks_n_matches", "frame_talks_per_1000_words",
                           "frame_talks_sentence_share"]


def test_the_input_is_not_changed(seed_corpus):
    before = seed_corpus.copy()
    score_articles(seed_corpus, cache=False, quotes=False)
    pd.testing.assert_frame_equal(seed_corpus, before)


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="'text'"):
        score_articles(pd.DataFrame({"article_id": ["a"], "outlet": ["A"]}))


# --- chunking, jobs, streaming ------------------------------------------------------------


def _corpus_file(tmp_path: Path, corpus: pd.DataFrame, suffix: str) -> Path:
    records = corpus[["article_id", "event", "outlet", "leaning", "text"]]
    path = tmp_path / f"corpus{suffix}"
    if suffix == ".jsonl.gz":
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            for r in records.to_dict("records"):
                fh.write(json.dumps(r) + "\n")
    elif suffix == ".csv":
        records.to_csv(path, index=False)
    else:
        records.to_parquet(path, index=False)
    return path


@pytest.fixture(scope="module")
def many_articles(seed_corpus):
    """Twelve articles: the seed texts cut into paragraphs, with headlines and one-liners."""
    texts = [p for t in seed_corpus["text"] for p in t.split("\n\n") if len(p) > 200][:10]
    texts += ["Short.", "NATO allies met. “We will respond,” Peskov said!"]
    records = [{"outlet": f"Outlet {i % 3}", "text": t, "event": "2024-07-12-austin-belousov-call"}
               for i, t in enumerate(texts)]
    return from_texts(records)


def test_same_result_whatever_the_chunking(many_articles):
    one = score_articles(many_articles, cache=False, chunksize=1)
    big = score_articles(many_articles, cache=False, chunksize=100)
    five = score_articles(many_articles, cache=False, chunksize=5)
    pd.testing.assert_frame_equal(one, big)
    pd.testing.assert_frame_equal(five, big)


def test_same_result_with_two_processes(many_articles, tmp_path):
    alone = score_articles(many_articles, cache=False, chunksize=4)
    pooled = score_articles(many_articles, cache=False, chunksize=3, jobs=2)
    pd.testing.assert_frame_equal(alone, pooled)


def test_first_and_last_chunks_in_pieces_score_the_same(many_articles, monkeypatch):
    # 12 articles in chunks of 3 with two jobs: the first chunk goes to the pool as soon as
    # it is read and the last two chunks at the end, each in pieces of 2 articles (3 -> 2 +
    # 1); the second chunk goes whole; all come back as whole chunks, in order
    from analysis.scoring import Scorer, parallel
    from analysis.scoring.cache import cache_dir

    monkeypatch.setattr(parallel, "_PIECE", 2)
    sent: list[int] = []
    submit = parallel._submit

    def counting(pool, articles, **options):
        futures, path = submit(pool, articles, **options)
        sent.append(len(futures))
        return futures, path

    monkeypatch.setattr(parallel, "_submit", counting)
    alone = score_articles(many_articles, cache=False, chunksize=3)
    pooled = score_articles(many_articles, cache=False, chunksize=3, jobs=2)
    assert sent == [2, 1, 2, 2]
    pd.testing.assert_frame_equal(alone, pooled)
    # with the cache, the chunks scored in pieces are cached whole: a rerun in one process
    # and a pooled rerun (the first and last chunks read here, in one piece) score nothing
    sent.clear()
    pd.testing.assert_frame_equal(score_articles(many_articles, chunksize=3, jobs=2), alone)
    assert sent == [2, 1, 2, 2] and len(list(cache_dir().glob("*/*.parquet"))) == 4

    def fail(self, articles):
        raise AssertionError("scored again")

    monkeypatch.setattr(Scorer, "score_frame", fail)
    pd.testing.assert_frame_equal(score_articles(many_articles, chunksize=3), alone)
    sent.clear()
    pd.testing.assert_frame_equal(score_articles(many_articles, chunksize=3, jobs=2), alone)
    assert sent == [1, 1, 1, 1]


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".csv", ".parquet"])
def test_streamed_files_score_like_the_loaded_corpus(many_articles, tmp_path, suffix):
    path = _corpus_file(tmp_path, many_articles, suffix)
    expected = score_articles(load_corpus(path), cache=False)
    run = score_file(path, cache=False, chunksize=5)
    assert run.exit_code == 0 and run.n_articles == len(many_articles)
    pd.testing.assert_frame_equal(run.scores, expected)


def test_iter_chunks_never_exceeds_the_chunk_size(many_articles, tmp_path):
    path = _corpus_file(tmp_path, many_articles, ".jsonl.gz")
    sizes = [len(articles) for articles, _ in iter_chunks(path, chunksize=5)]
    assert sizes == [5, 5, 2]


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_output_formats_round_trip(many_articles, tmp_path, suffix):
    path = _corpus_file(tmp_path, many_articles, ".parquet")
    out = tmp_path / "out" / f"scores{suffix}"
    run = score_file(path, out, cache=False, chunksize=5, quotes=False)
    assert run.out == out.resolve()
    back = {".csv": pd.read_csv, ".parquet": pd.read_parquet,
            ".jsonl": lambda p: pd.read_json(p, lines=True)}[suffix](out)
    assert list(back.columns) == score_columns(quotes=False)
    assert len(back) == run.n_articles and back["n_words"].sum() == run.n_words
    assert not list(out.parent.glob("*.tmp"))


# --- bad rows ------------------------------------------------------------------------------


def test_bad_rows_are_skipped_and_listed_with_line_numbers(tmp_path):
    out = tmp_path / "scores.csv"
    run = score_file(FIXTURES / "scoring_bad.jsonl", out, cache=False, quotes=False)
    scores = pd.read_csv(out)
    assert scores["article_id"].tolist() == ["good-1", "good-2", "scoring_bad-8"]
    assert scores["event"].tolist() == ["g1", "g1", "scoring_bad"]
    report = pd.read_csv(skipped_report_path(out))
    assert list(report.columns) == SKIPPED_COLUMNS
    assert report["line"].tolist() == [2, 3, 5, 7, 8]
    assert report["field"].fillna("").tolist() == ["", "outlet", "text", "", "article_id"]
    assert "not valid JSON" in report["reason"][0]
    assert report["reason"][4].endswith("scoring_bad.jsonl:1")  # where the id was first used
    assert run.exit_code == 3 and run.report == skipped_report_path(out).resolve()


def test_a_clean_run_removes_an_old_skipped_report(tmp_path, many_articles):
    out = tmp_path / "scores.csv"
    score_file(FIXTURES / "scoring_bad.jsonl", out, cache=False, quotes=False)
    assert skipped_report_path(out).exists()
    run = score_file(_corpus_file(tmp_path, many_articles, ".csv"), out, cache=False,
                     quotes=False)
    assert run.exit_code == 0 and not skipped_report_path(out).exists()


def test_a_ten_megabyte_article_and_bad_bytes_are_skipped(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as fh:
        fh.write(json.dumps({"outlet": "A", "text": "Fine text."}).encode() + b"\n")
        fh.write(json.dumps({"outlet": "B", "text": "war " * 2_500_000}).encode() + b"\n")
        fh.write(b'{"outlet": "C", "text": "caf\xe9 latin-1"}\n')
        fh.write(json.dumps({"outlet": "D", "text": "Also fine."}).encode() + b"\n")
    run = score_file(path, cache=False, quotes=False)
    assert run.scores["outlet"].tolist() == ["A", "D"]
    assert run.skipped["line"].tolist() == [2, 3]
    assert "more than max_chars" in run.skipped["reason"][0]
    assert "UTF-8" in run.skipped["reason"][1]


def test_max_chars_applies_to_csv_rows_too(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"outlet": ["A", "B"], "text": ["short text.", "long " * 100]}).to_csv(
        path, index=False)
    run = score_file(path, cache=False, quotes=False, max_chars=100)
    assert run.scores["outlet"].tolist() == ["A"]
    assert run.skipped["line"].tolist() == [3]


def test_csv_bad_rows_are_reported_at_the_line_where_they_start(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('outlet,text\n'
                    'A,"First line.\nSecond line."\n'    # lines 2-3: one row
                    'B,too,many\n'                         # line 4: three cells
                    'C,\n'                                 # line 5: empty text
                    ',No outlet.\n'                        # line 6
                    'D,"Fine, really."\n', encoding="utf-8")  # line 7
    run = score_file(path, cache=False, quotes=False)
    assert run.scores["outlet"].tolist() == ["A", "D"]
    assert run.scores["source"].tolist() == [f"{path}:2", f"{path}:7"]
    assert run.skipped["line"].tolist() == [4, 5, 6]
    assert run.skipped["field"].tolist() == ["", "text", "outlet"]


def test_bad_rows_in_a_dataframe_are_left_out_with_a_warning():
    corpus = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", None, "C"],
                           "text": ["Good news.", "Bad news.", ""]})
    with pytest.warns(UserWarning, match="2 row"):
        scores = score_articles(corpus, cache=False, quotes=False)
    assert scores["article_id"].tolist() == ["a"]
    assert [r["file"] for r in scores.attrs["skipped"]] == ["index 1", "index 2"]
    assert [r["field"] for r in scores.attrs["skipped"]] == ["outlet", "text"]


def test_an_interrupted_run_leaves_no_file_under_the_final_name(tmp_path, many_articles,
                                                               monkeypatch):
    path = _corpus_file(tmp_path, many_articles, ".jsonl.gz")
    out = tmp_path / "out" / "scores.parquet"
    original = Scorer.score_frame
    calls = []

    def fail_on_second(self, articles):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, articles)

    monkeypatch.setattr(Scorer, "score_frame", fail_on_second)
    with pytest.raises(KeyboardInterrupt):
        score_file(path, out, cache=False, chunksize=4, quotes=False)
    assert not out.exists()
    assert list(out.parent.iterdir()) == []


def test_refuses_to_replace_a_file_the_kit_did_not_write(tmp_path, many_articles):
    from analysis.outputs import OutputError

    out = tmp_path / "mine.csv"
    out.write_text("precious")
    with pytest.raises(OutputError, match="already exists"):
        score_file(_corpus_file(tmp_path, many_articles, ".csv"), out, cache=False)
    assert out.read_text() == "precious"


# --- the cache -----------------------------------------------------------------------------


def test_the_cache_serves_a_rerun_and_a_changed_lexicon_invalidates_it(many_articles,
                                                                      monkeypatch):
    first = score_articles(many_articles, quotes=False, frames={"talks": ["talks"]})
    assert list(cache_dir().glob("*/*.parquet"))

    def no_scoring(self, articles):
        raise AssertionError("scored again instead of reading the cache")

    monkeypatch.setattr(Scorer, "score_frame", no_scoring)
    again = score_articles(many_articles, quotes=False, frames={"talks": ["talks"]})
    pd.testing.assert_frame_equal(first, again)
    with pytest.raises(AssertionError, match="scored again"):
        score_articles(many_articles, quotes=False, frames={"talks": ["talks", "met"]})


def test_the_cache_key_covers_the_text(many_articles, monkeypatch):
    score_articles(many_articles, quotes=False, chunksize=100)
    changed = many_articles.assign(text=many_articles["text"] + " War.")
    fresh = score_articles(changed, quotes=False, chunksize=100)
    assert (fresh["n_words"] == score_articles(many_articles, quotes=False,
                                               chunksize=100)["n_words"] + 1).all()


def test_the_fingerprint_covers_every_file_of_the_scoring_code(tmp_path):
    package = ROOT / "analysis"
    found = {p.relative_to(package).as_posix() for p in scorer_sources()}
    subpackage = {p.relative_to(package).as_posix() for p in (package / "scoring").glob("*.py")}
    assert subpackage <= found and "scoring/cache.py" in subpackage
    assert {"tokens.py", "fastpunkt.py", "fastvader.py", "rows.py", "sentiment.py",
            "framing.py"} <= found
    assert {"actors", "quotes"} <= {name.split("/")[0].removesuffix(".py") for name in found}
    # a module that becomes a package is hashed file by file, at any depth
    for name in ("actors/__init__.py", "actors/lists.py", "actors/match/names.py",
                 "quotes.py", "scoring/__init__.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# code\n", encoding="utf-8")
    there = [p.relative_to(tmp_path).as_posix() for p in scorer_sources(package=tmp_path)]
    assert {"actors/__init__.py", "actors/lists.py", "actors/match/names.py", "quotes.py",
            "scoring/__init__.py"} <= set(there)
    assert "tokens.py" in there  # missing here: listed all the same, hashed as "missing"


@pytest.mark.parametrize("edited", ["scoring/cache.py", "scoring/streaming.py", "rows.py",
                                    "tokens.py"])
def test_an_edit_to_any_scoring_file_changes_the_fingerprint(monkeypatch, edited):
    from analysis.scoring import scorer as scorer_module

    options = {"frames": False, "markers": False, "actors": False, "quotes": False}
    before = Scorer(**options).fingerprint
    real = scorer_module._file_hash
    monkeypatch.setattr(scorer_module, "_file_hash",
                        lambda path: "edited" if path.as_posix().endswith(edited) else real(path))
    assert Scorer(**options).fingerprint != before


def test_an_unpickled_scorer_gives_the_mention_tone_its_sentence_compounds():
    # A spawned worker or a Dask task unpickles the scorer, and with it a copy of the
    # analyzer, which the target-tone model would not trust with the sentence compounds
    # (it would score every mention's sentence again): the copy gives way to the shared
    # analyzer when their lexicons agree, and an adjusted one stays as it is.
    import pickle

    from analysis.target_tone import load_model

    options = {"frames": False, "markers": False, "quotes": False, "mention_tone": True}
    scorer = Scorer(**options)
    copy = pickle.loads(pickle.dumps(scorer))
    assert copy.analyzer is load_model().featurizer.analyzer
    text, event = "Critics slammed Dmitry Peskov. Peskov praised the deal.", SEED_EVENT.name
    row = scorer.score_text(text, event=event)
    values = dict(zip(scorer.columns[-len(row):], row, strict=True))
    assert (values["n_mentions"], values["n_negative_mentions"]) == (2, 1)
    assert repr(copy.score_text(text, event=event)) == repr(row)
    adjusted = pickle.loads(pickle.dumps(Scorer(**options, adjustments={"war": 0})))
    assert adjusted.analyzer is not load_model().featurizer.analyzer
    assert "war" not in adjusted.analyzer.lexicon


def test_the_cache_is_never_inside_data(monkeypatch):
    from analysis.resources import builtin_dir as data_dir

    monkeypatch.setenv("OUTLET_LENS_CACHE", str(data_dir() / "cache"))
    with pytest.raises(ValueError, match="data folder"):
        cache_dir()


# --- property: any text --------------------------------------------------------------------


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=120))
def test_score_text_never_crashes_and_stays_in_range(text):
    scorer = _property_scorer()
    row = dict(zip(scorer.columns[5:], scorer.score_text(text), strict=True))
    # the counts are those of the tokenizers the module notes name, whatever the text
    assert row["n_words"] == len(word_spans(text))
    assert row["n_sentences"] == len(sentence_spans(text))
    if row["n_sentences"]:
        assert -1 <= row["mean_compound"] <= 1
        assert math.isclose(row["share_negative"] + row["share_neutral"] +
                            row["share_positive"], 1.0)
    for name, value in row.items():
        if name.endswith("sentence_share") and not math.isnan(value):
            assert 0 <= value <= 1


@pytest.mark.parametrize(("text", "n_words", "n_sentences"), [
    ("", 0, 0),
    (" \n\t ", 0, 0),
    ("Peace.", 1, 1),
    ("The war goes on. Peace!", 5, 2),  # The, war, goes, on | Peace
    # Russia's, long-range, plan, U.S., officials, said: one sentence ("U.S." is no end)
    ("Russia's long-range plan, U.S. officials said.", 6, 1),
    ("Talks resumed.\n\nNo deal yet", 5, 2),  # a paragraph ends a sentence
    ("\u201cWe will respond,\u201d he said \u2014 twice.", 6, 1),  # quotes, dash: no words
])
def test_word_and_sentence_counts_by_hand(text, n_words, n_sentences):
    row = dict(zip(_property_scorer().columns[5:], _property_scorer().score_text(text),
                   strict=True))
    assert (row["n_words"], row["n_sentences"]) == (n_words, n_sentences)
    assert math.isnan(row["mean_compound"]) == (n_sentences == 0)


_SCORERS: list[Scorer] = []


def _property_scorer() -> Scorer:
    if not _SCORERS:
        _SCORERS.append(Scorer())
    return _SCORERS[0]


# --- Dask ----------------------------------------------------------------------------------


def test_dask_cluster_gives_the_pandas_result(many_articles):
    dd = pytest.importorskip("dask.dataframe", reason="dask is not installed")
    distributed = pytest.importorskip("distributed", reason="dask.distributed is missing")
    expected = score_articles(many_articles, cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        ddf = dd.from_pandas(many_articles, npartitions=3)
        got = score_dask(ddf).compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)


# --- command line --------------------------------------------------------------------------


def test_cli_score_writes_parquet_and_exit_code_3_for_skipped_rows(tmp_path, capsys):
    out = tmp_path / "scores.parquet"
    code = main(["score", str(FIXTURES / "scoring_bad.jsonl"), "--out", str(out),
                 "--no-progress", "--no-quotes"])
    assert code == 3
    assert pd.read_parquet(out)["article_id"].tolist() == ["good-1", "good-2", "scoring_bad-8"]
    err = capsys.readouterr().err
    assert "skipped 5 bad row(s)" in err and "scores.parquet.skipped.csv" in err


def test_cli_score_to_the_screen(capsys):
    code = main(["score", str(SEED_EVENT), "--format", "csv", "--no-progress", "--no-cache"])
    assert code == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("article_id,event,outlet,leaning,source,n_words")
    assert len(table) == 3


def test_cli_score_tone_adds_only_the_tone_columns(capsys):
    def header(*extra):
        assert main(["score", str(SEED_EVENT), "--format", "csv", "--no-progress",
                     "--no-cache", *extra]) == 0
        return capsys.readouterr().out.splitlines()[0].split(",")

    plain, toned = header(), header("--tone")
    added = [c for c in toned if c not in plain]
    assert "mention_tone" in added and "n_negative_mentions" in added
    assert "tone_Dmitry Peskov" in added
    assert all(c.startswith("tone_") or c in {"mention_tone", "n_negative_mentions",
                                               "n_positive_mentions"} for c in added)
    assert [c for c in toned if c not in added] == plain  # the rest in the same order


def test_parquet_chunks_after_the_first_are_built_column_by_column(tmp_path):
    """The writer's Arrow table for a later chunk equals ``from_pandas`` cast to the file's
    schema (NaN as null, strings, integers), and a column of another type falls back."""
    import pyarrow as pa

    from analysis.scoring.scorer import typed_frame
    from analysis.scoring.writer import ScoreWriter, _arrow_table

    columns = ["article_id", "event", "outlet", "leaning", "source", "n_words",
               "mean_compound"]
    first = typed_frame(pd.DataFrame([["a", "e", "A", "", "f:1", 3, 0.5]], columns=columns),
                        columns)
    later = typed_frame(pd.DataFrame([["b", "e", "B", "left", "f:2", 0, math.nan],
                                      ["c", "e", "C", "", "f:3", 7, -0.25]],
                                     columns=columns), columns)
    schema = pa.Table.from_pandas(first, preserve_index=False).schema
    built = _arrow_table(later, schema)
    assert built.equals(pa.Table.from_pandas(later, preserve_index=False).cast(schema))
    assert built.column("mean_compound").null_count == 1  # NaN: null, as from_pandas
    assert _arrow_table(later.astype({"n_words": "float64"}), schema) is None
    assert _arrow_table(later[columns[::-1]], schema) is None
    out = tmp_path / "scores.parquet"
    writer = ScoreWriter(out, "parquet", columns)
    writer.write(first)
    writer.write(later)
    writer.finish()
    back = pd.read_parquet(out)
    assert back["article_id"].tolist() == ["a", "b", "c"]
    assert back["n_words"].tolist() == [3, 0, 7]
    assert back["mean_compound"].iloc[0] == 0.5 and math.isnan(back["mean_compound"].iloc[1])


def test_cache_files_are_written_as_to_parquet_writes_them(many_articles):
    # the scores of a chunk, of none and of a slice give the bytes of to_parquet; a
    # column of another type is written by to_parquet itself
    import io

    from analysis.scoring import Scorer
    from analysis.scoring.writer import write_parquet

    scores = Scorer().score_frame(many_articles[["article_id", "event", "outlet", "leaning",
                                                 "source", "text"]])
    odd = scores.assign(n_words=scores["n_words"].astype(object))
    for frame in (scores, scores.iloc[:0], scores.iloc[3:5], odd):
        ours, theirs = io.BytesIO(), io.BytesIO()
        write_parquet(frame, ours)
        frame.to_parquet(theirs, index=False)
        assert ours.getvalue() == theirs.getvalue()
