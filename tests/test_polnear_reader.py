"""bench/polnear.py reads brat standoff as PolNeAR writes it; bench_polnear scores spans.

The samples are written here by hand, so these tests run without PolNeAR.
"""

import importlib
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError

BENCH = Path(__file__).resolve().parent.parent / "bench"
TEXT = ('Peter Smith, a spokesman, said it rains. "We are ready," she said.\n\n'
        "The plan, officials said, is\nlate.")
# Offsets into TEXT: Peter Smith 0-11, said 26-30, it rains 31-39, "We are ready," 41-56,
# she 57-60, said 61-65, The plan 68-76, officials 78-87, said 88-92, is\nlate 94-101.
ANN = (
    "T1\tSource 0 11\tPeter Smith\n"
    "T2\tCue 26 30\tsaid\n"
    "T3\tContent 31 39\tit rains\n"
    "T4\tAttribution 26 30\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tContent 41 56\t\"We are ready,\"\n"
    "T6\tSource 57 60\tshe\n"
    "T7\tCue 61 65\tsaid\n"
    "T8\tAttribution 61 65\tsaid\n"
    "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"
    "T9\tContent 68 76;94 101\tThe plan is\n"
    "late\n"
    "T10\tCue 88 92\tsaid\n"
    "T11\tAttribution 88 92\tsaid\n"
    "E3\tAttribution-no-source:T11 Cue:T10 Content:T9\n"
    "#1\tAnnotatorNotes T9\tno source on purpose\n"
)


@pytest.fixture
def polnear(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module("polnear")


@pytest.fixture
def bench(polnear):
    return importlib.import_module("bench_polnear")


def test_reads_source_cue_content(polnear):
    first, second, third = polnear.read_ann_text(ANN, TEXT, file="a.ann")
    assert (first.source_text, first.cue_text, first.content_text) == (
        "Peter Smith", "said", "it rains")
    assert first.source_spans == ((0, 11),)
    assert second.content_text == '"We are ready,"'
    assert third.source_spans == () and third.source_text == ""
    # a discontinuous content keeps both fragments; its text ran over two .ann lines
    assert third.content_spans == ((68, 76), (94, 101))
    assert third.content_text == "The plan is\nlate"


def test_second_content_role_joins_the_content(polnear):
    ann = ("T1\tCue 6 10\tsaid\nT2\tContent 11 13\tit\nT3\tContent 14 19\trains\n"
           "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Cue:T1 Content:T2 Content2:T3\n")
    (a,) = polnear.read_ann_text(ann, "Peter said it rains.")
    assert a.content_spans == ((11, 13), (14, 19))
    assert a.source_spans == ()  # "Attribution" without a Source role has no source


@pytest.mark.parametrize("line, says", [
    ("T1\tSource 0 5 Peter", "expected 'T<n><TAB><Type>"),
    ("T1\tSource 0 x\tPeter", "expected 'T<n><TAB><Type>"),
    ("T1\tSource 0 6\tPeter", "the text at 0 6 is 'Peter '"),
    ("T1\tSource 0 99\tPeter", "outside the text"),
    ("Peter said", "not a brat annotation line"),
    ("E1\tAttribution:T1 Source:T9", "names T9, which no T line defines"),
    ("E1\tAttribution", "expected '<Role>:<T id>'"),
])
def test_malformed_lines_name_file_and_line(polnear, line, says):
    ann = f"T1\tSource 0 5\tPeter\n\n{line}\n"
    with pytest.raises(CorpusError, match=r"bad\.ann, line 3") as info:
        polnear.read_ann_text(ann, "Peter said it rains.", file="bad.ann")
    assert says in str(info.value)


def test_reads_a_compartment_with_first_annotator(polnear, tmp_path):
    folder = tmp_path / "data" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "nyt_2016-10-02_rain.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / "nyt_2016-10-02_rain_4b22.ann").write_text(ANN, "utf-8")
    # a second annotator, later by name: not read (it would fail)
    (folder / "attributions" / "nyt_2016-10-02_rain_ef2d.ann").write_text("junk\n", "utf-8")
    articles, attributions = polnear.read_compartment(tmp_path, "dev")
    assert articles[["article_id", "outlet", "annotator"]].values.tolist() == [
        ["nyt_2016-10-02_rain", "New York Times", "4b22"]]
    assert list(attributions.columns) == polnear.ATTRIBUTION_COLUMNS
    assert attributions["attribution_id"].tolist() == ["E1", "E2", "E3"]
    assert attributions["source_start"].tolist() == [0, 57, -1]
    assert attributions.loc[2, "content_spans"] == ((68, 76), (94, 101))


def test_unknown_compartment_and_missing_folder(polnear, tmp_path):
    with pytest.raises(ValueError, match="compartment must be one of"):
        polnear.read_compartment(tmp_path, "validation")
    with pytest.raises(FileNotFoundError, match="no dev/attributions/"):
        polnear.read_compartment(tmp_path, "dev")


def test_bench_refuses_test_without_release(bench, capsys):
    with pytest.raises(SystemExit):
        bench.main(["somewhere", "--split", "test"])
    assert "--release" in capsys.readouterr().err


@pytest.mark.parametrize("q_span, content, matched", [
    ((0, 10), ((0, 10),), True),
    ((0, 10), ((5, 40),), True),    # 5 of the shorter 10: half
    ((0, 10), ((6, 40),), False),   # 4 of 10
    ((0, 30), ((0, 5), (20, 40)),  True),   # fragments add up: 15 of 25
    ((50, 60), ((0, 10),), False),
])
def test_content_match_needs_half_of_the_shorter(bench, q_span, content, matched):
    q = bench.Found("direct", *q_span, None, -1, -1)
    g = bench.Gold("E1", (), (), content, "", "", "")
    assert bool(bench.matches(q, g)) is matched


@pytest.mark.parametrize("speaker, span, source, source_text, right", [
    ("she", (57, 60), ((57, 60),), "she", True),          # same span
    ("Mr. Smith", (5, 14), ((70, 81),), "Peter Smith", True),   # shared content word
    ("the spokesman", (5, 18), ((70, 81),), "Peter Smith", False),
    (None, (-1, -1), (), "", True),                       # no source, no speaker
    ("Peter", (0, 5), (), "", False),
])
def test_speaker_right(bench, speaker, span, source, source_text, right):
    q = bench.Found("reported", 20, 30, speaker, *span)
    g = bench.Gold("E1", source, (), ((20, 30),), source_text, "", "")
    assert bench.speaker_right(q, g, frozenset({"the", "mr"})) is right


def test_bench_runs_on_a_tiny_compartment(bench, tmp_path, capsys):
    folder = tmp_path / "train"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "nyt_x.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / "nyt_x_4b22.ann").write_text(ANN, encoding="utf-8")
    errors = tmp_path / "errors.csv"
    assert bench.main([str(tmp_path), "--split", "train", "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "1 articles, 3 gold attributions" in out
    assert "kit, no actor list" in out and "general actor list" in out
    assert errors.read_text(encoding="utf-8").startswith("run,article_id,outlet,error")


def test_train_part_is_a_fixed_split_by_name(bench):
    # md5("nyt_y") opens with byte 180 (180 % 5 == 0: check), md5("nyt_x") with 4 (fit)
    assert bench.train_part("nyt_y") == "check"
    assert bench.train_part("nyt_x") == "fit"
    share = sum(bench.train_part(f"a{i}") == "check" for i in range(2000)) / 2000
    assert 0.17 < share < 0.23


def test_part_is_for_train_only(bench, tmp_path):
    with pytest.raises(SystemExit):
        bench.main([str(tmp_path), "--split", "dev", "--part", "fit"])


def test_cue_word_counts_and_candidates(polnear):
    tools = Path(__file__).resolve().parent.parent / "tools"
    spec = importlib.util.spec_from_file_location("polnear_cue_words",
                                                  tools / "polnear_cue_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    articles = pd.DataFrame({"article_id": ["a"], "text": [TEXT]})
    records = polnear.read_ann_text(ANN, TEXT, file="a.ann")
    attributions = pd.DataFrame({"article_id": ["a"] * len(records),
                                 "cue_spans": [r.cue_spans for r in records]})
    in_cue, total = module.cue_word_counts(articles, attributions)
    # "said" three times, each inside a cue; "plan" once, outside
    assert (in_cue["said"], total["said"]) == (3, 3)
    assert (in_cue["plan"], total["plan"]) == (0, 1)
    rows = module.candidates(in_cue, total, {"she"}, min_count=3, min_share=0.5)
    assert rows == [{"word": "said", "in_cue": 3, "total": 3, "share": 1.0}]
