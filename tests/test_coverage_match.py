"""analysis.comparison.matching: sentence marks, evidence, the match model; method="model".

Expected values are worked out by hand in the comments.
"""

import importlib
import math
from pathlib import Path

import numpy as np
import pytest

from analysis import from_texts
from analysis.comparison import align_sentences, coverage
from analysis.comparison.matching import (
    MATCH_FEATURES,
    MIN_COMMON_STEMS,
    MIN_COSINE,
    MatchModel,
    closest_candidates,
    event_evidence,
    event_marks,
    load_match_model,
    longest_run,
    pair_measures,
    sentence_marks,
    stem_idf,
)


@pytest.mark.parametrize(
    ("sentence", "names", "numbers", "quoted"),
    [
        # "The" opens the sentence and is a stopword; "Senate" and "Thursday" are names
        ("The Senate voted 68 to 32 on Thursday.", {"senat", "thursday"}, {"68", "32"}, set()),
        # 1,800,000 loses its commas; 2.5 keeps its point
        ("It cost 1,800,000 dollars, or 2.5 times more.", set(), {"1800000", "2.5"}, set()),
        # a closed quote: only its words; "Cruz" opens the sentence, and alone it is not
        # known to be a name (see the next test)
        ('Cruz said "the Internet should not operate" today.', {"internet"}, set(),
         {"internet", "oper"}),
        # a quote the splitter cut, opening the sentence: runs to the end
        ('"We will not leave, said Smith', {"smith"}, set(), {"leav", "said", "smith"}),
        # a lone closing quote: runs from the start
        ('leave now," she said.', set(), set(), {"leav"}),
    ],
)
def test_sentence_marks(sentence, names, numbers, quoted):
    marks = sentence_marks(sentence)
    assert set(marks.names) == names
    assert set(marks.numbers) == numbers
    assert set(marks.quoted) == quoted


def test_a_name_opening_a_sentence_counts_when_the_event_capitalises_it_elsewhere():
    first, second = event_marks(["Obama spoke.", "Later, Obama left."])
    assert first.names == {"obama"} and second.names == {"obama"}
    (alone,) = event_marks(["Obama spoke."])
    assert alone.names == frozenset()


@pytest.fixture
def idf_file(tmp_path):
    path = tmp_path / "stem_df.csv"
    path.write_text("# n_documents=9\n# made by hand\nstem,df\nsenat,4\nvote,9\n",
                    encoding="utf-8")
    return path


def test_stem_idf_from_a_table(idf_file):
    # log((1 + 9) / (1 + df)) + 1: senat 4 -> log 2 + 1; vote 9 -> 1; delay unlisted (df 0)
    idf = stem_idf(["senat", "vote", "delay"], path=idf_file)
    assert idf == pytest.approx([math.log(2) + 1, 1.0, math.log(10) + 1])


def test_stem_idf_refuses_a_table_without_its_count(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("stem,df\nvote,9\n", encoding="utf-8")
    with pytest.raises(ValueError, match="n_documents"):
        stem_idf(["vote"], path=path)


def test_event_evidence_by_hand(idf_file):
    # stems {senat, vote} and {senat, delay}; idf senat s = 1.693, vote 1, delay d = 3.303
    ev = event_evidence(event_marks(["Senate vote.", "Senate delay."]), idf_path=idf_file)
    s, d = math.log(2) + 1, math.log(10) + 1
    assert ev.covered[0, 1] == pytest.approx(s / (s + 1))  # 0.629: most of "Senate vote"
    assert ev.covering[0, 1] == pytest.approx(s / (s + d))  # 0.339
    assert ev.cosine[0, 1] == pytest.approx(s * s / math.hypot(s, 1) / math.hypot(s, d))
    # "Senate" is in both, but only ever as a first word: a stem in common, not a name
    assert ev.n_shared[0, 1] == 1 and ev.names[0, 1] == 0
    assert ev.length.tolist() == [2, 2]


@pytest.mark.parametrize(
    ("other", "unmatched"),
    [
        ("The jobless rate fell to 7.8 percent in February.", 1.0),  # 7.7 not in j, j has 7.8
        ("The jobless rate fell to 7.7 percent in February.", 0.0),  # the same figure
        ("The jobless rate fell to 7.7 percent, from 7.9.", 0.0),  # j has i's, and more
        ("The jobless rate fell in February.", 0.0),  # j gives no figure: nothing to clash
    ],
)
def test_numbers_unmatched(other, unmatched):
    sentences = ["The jobless rate fell to 7.7 percent in February.", other]
    marks = event_marks(sentences)
    measures = pair_measures(event_evidence(marks), marks, 0, 1)
    assert measures["numbers_unmatched"] == unmatched
    # the other way round: i without numbers never counts
    if unmatched == 0.0 and "7." not in other:
        assert pair_measures(event_evidence(marks), marks, 1, 0)["numbers_unmatched"] == 0.0


def test_longest_run():
    assert longest_run(["a", "b", "c", "d"], ["x", "b", "c", "d", "y"]) == 3
    assert longest_run([], ["a"]) == 0


def _model(**weights):
    features = list(weights)
    return MatchModel({"features": features, "mean": [0] * len(features),
                       "scale": [1] * len(features), "coef": list(weights.values()),
                       "intercept": -1.0, "threshold": 0.5}, source="test")


def test_match_model_probability_by_hand():
    model = _model(cosine=2.0, names=1.0, length=1.0)
    # z = -1 + 2 * 0.5 + 1 * 1 + log1p(0) = 1 -> 1 / (1 + e^-1) = 0.7311
    row = {"cosine": 0.5, "names": 1.0, "length": 0.0}
    assert model.probability([row])[0] == pytest.approx(1 / (1 + math.exp(-1)))
    # length enters as log1p: e - 1 stems add exactly 1 to z
    row["length"] = math.e - 1
    assert model.probability([row])[0] == pytest.approx(1 / (1 + math.exp(-2)))


def test_match_model_refuses_unknown_features():
    with pytest.raises(ValueError, match="test: features must be among"):
        _model(colour=1.0)
    with pytest.raises(ValueError, match="not a coverage match model"):
        MatchModel({"features": ["cosine"]}, source="test")


def test_shipped_model_reads_every_feature():
    model = load_match_model()
    assert model.features == MATCH_FEATURES
    assert np.all(model.scale > 0) and model.threshold == 0.5
    assert model.meta["made_by"] == "tools/train_coverage_match.py"


SENATE = {
    "A": 'The Senate voted 68 to 32 on Thursday to pass the immigration bill. '
         'Senator Rubio said "this is a historic day for America."',
    "B": 'On Thursday the Senate passed the immigration bill by 68 votes to 32. '
         'Senator Rubio said "the border will finally be secure now."',
}


def test_model_pairs_one_fact_with_its_evidence():
    pairs = align_sentences(from_texts(SENATE), method="model")
    assert pairs[["sentence_index_a", "sentence_index_b"]].values.tolist() == [[0, 0]]
    row = pairs.iloc[0]
    assert row["score"] > 0.5
    assert row["shared_numbers"] == "32, 68"
    assert row["shared_names"] == "senate, thursday"
    assert "immigration" in row["shared_words"]


def test_two_quotes_of_one_speaker_are_two_statements():
    # quoted stems {histor, day, america} and {border, final, secur}: three each, none in
    # common, so the Rubio sentences are never asked about, whatever min_score
    pairs = align_sentences(from_texts(SENATE), method="model", min_score=0.0)
    assert (1, 1) not in set(zip(pairs["sentence_index_a"], pairs["sentence_index_b"],
                                 strict=True))
    cov = coverage(from_texts(SENATE), method="model")
    assert cov["status"].tolist() == ["shared", "unique", "shared", "unique"]


def test_cosine_pairs_have_no_score():
    pairs = align_sentences(from_texts(SENATE), method="cosine")
    assert pairs["score"].isna().all() and (pairs["shared_names"] == "").all()


@pytest.mark.parametrize(
    ("texts", "status"),
    [
        ({"A": "x", "B": "y"}, ["unique", "unique"]),
        ({"A": "the and of", "B": "the and"}, ["unique", "unique"]),  # stopwords only
        ({"A": '"', "B": '"""'}, ["unique", "unique"]),
        # two numbers in common are two content stems: asked, and the model says shared
        ({"A": "123 456", "B": "123 456 789"}, ["shared", "shared"]),
    ],
)
def test_model_on_degenerate_texts(texts, status):
    assert coverage(from_texts(texts), method="model")["status"].tolist() == status


def test_model_refuses_an_event_too_big_for_memory(monkeypatch):
    from analysis.comparison import alignment

    monkeypatch.setattr(alignment, "_MAX_ALIGN_CELLS", 50)  # 10 * 3 * 3 = 90 cells
    # three sentences of 3, 4 and 3 content stems, all long enough to pair (2 or more)
    corpus = from_texts({"A": "Austin called Belousov. Ukraine war talks resumed.",
                         "B": "Austin phoned Belousov."})
    with pytest.raises(ValueError, match=r"has 3 sentences \(3 long enough to pair\) and "
                                         "the match model would need about 0.0 GB"):
        coverage(corpus, method="model")
    # three sentences of one content stem each ("the" is a stopword): no pair can have
    # the 2 stems in common it needs, so nothing is asked and nothing refused
    corpus = from_texts({"A": "The war. The talks.", "B": "The war."})
    cov = coverage(corpus, method="model")
    assert len(cov) == 3 and (cov["status"] == "unique").all()


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="method must be one of model, cosine"):
        coverage(from_texts(SENATE), method="embedding")


ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"


def test_shipped_weights_are_what_the_training_script_makes(monkeypatch):
    if not CORPUS.exists():
        pytest.skip(f"needs the allsides-abp corpus at {CORPUS}")
    pytest.importorskip("sklearn", reason="training needs scikit-learn (the dev extra)")
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    train = importlib.import_module("train_coverage_match")
    assert train.main(["--check"]) == 0


def test_candidates_need_the_least_cosine():
    # Made-up words, none in the allsides table: every stem has the same idf, so the cosine
    # is (stems in common) / sqrt(stems of i * stems of j). Two in common of 9 and 9 stems:
    # 2 / 9 = 0.222 >= MIN_COSINE 0.2, asked about (both ways); of 11 and 11: 2 / 11 =
    # 0.182, not asked, although MIN_COMMON_STEMS (2) are in common.
    own = "kresp yolt fimb grol hask jupt mulk"
    other = "quab vresk plimt gorv drup snelk trov"
    _, ev, asked, _ = closest_candidates(
        [f"blorf zint {own}.", f"blorf zint {other}."], ["X", "Y"], [0, 1])
    assert ev.cosine[0, 1] == pytest.approx(2 / 9)
    assert asked == [(0, 1), (1, 0)]
    _, ev, asked, _ = closest_candidates(
        [f"blorf zint {own} nerb tesk.", f"blorf zint {other} wumb pook."], ["X", "Y"], [0, 1])
    assert ev.cosine[0, 1] == pytest.approx(2 / 11)
    assert ev.n_shared[0, 1] == MIN_COMMON_STEMS == 2
    assert MIN_COSINE == 0.2
    assert asked == []
