"""Tests for analysis.framing: lexicon files, term syntax, scores, evidence, CLI."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import from_texts, load_corpus
from analysis.cli import main
from analysis.framing import (
    Lexicon,
    add_frame,
    add_marker,
    find_frame_terms,
    find_markers,
    frame_evidence,
    frame_scores,
    load_frames,
    load_markers,
    marker_evidence,
    marker_scores,
    outlet_frame_scores,
    outlet_marker_scores,
)
from analysis.loading import CorpusError
from analysis.resources import builtin_dir as data_dir
from conftest import FIXTURES, SEED_EVENT

GENERIC = ["conflict", "human_interest", "economic_consequences", "morality", "responsibility"]
SECURITY = ["escalation_threat", "deterrence_defence", "diplomacy_deescalation",
            "alliance_commitment"]
MARKERS = ["hedges", "intensifiers", "loaded", "certainty"]


# --- shipped lexicons -------------------------------------------------------------------


def test_shipped_frames_and_markers():
    assert list(load_frames()) == GENERIC + SECURITY
    assert list(load_markers()) == MARKERS


@pytest.mark.parametrize("lexicon", [load_frames(), load_markers()], ids=["frames", "markers"])
def test_every_category_is_documented(lexicon):
    for category in lexicon.values():
        assert category.definition and category.source, category.name
        assert len(category.terms) >= 20, category.name


@pytest.mark.parametrize("name", ["frames_generic.yml", "frames_security.yml", "markers.yml"])
def test_shipped_files_say_they_are_heuristic(name):
    text = (data_dir() / "lexicons" / name).read_text(encoding="utf-8")
    assert "HEURISTIC" in text and "source:" in text


def test_generic_file_cites_semetko_and_valkenburg():
    assert all("Semetko & Valkenburg (2000)" in load_frames()[n].source for n in GENERIC)


def test_lexicon_table():
    table = load_frames().table()
    assert list(table.columns) == ["frame", "definition", "n_terms", "terms", "source", "file"]
    assert table["frame"].tolist() == GENERIC + SECURITY


# --- term syntax -------------------------------------------------------------------------


def _texts(terms, text):
    return [m["text"] for m in find_frame_terms(text, frames={"f": terms})]


@pytest.mark.parametrize(
    ("terms", "text", "expected"),
    [
        (["escalat*"], "Escalation escalated; escalating.", ["Escalation", "escalated",
                                                             "escalating"]),
        (["escalat*"], "de-escalation", []),  # a hyphenated compound is one word
        (["de-escalat*"], "de-escalation, deescalation, de escalation",
         ["de-escalation", "deescalation", "de escalation"]),
        (["war"], "software, warn, anti-war, wars", []),
        (["war"], "Russia's war's end", ["war"]),  # possessive 's after the word is fine
        (["arms race"], "an arms\nrace, an Arms  race", ["arms\nrace", "Arms  race"]),
        (["cease-fire"], "ceasefire, cease fire, cease-fire", ["ceasefire", "cease fire",
                                                                 "cease-fire"]),
        (["don't"], "they don’t", ["don’t"]),  # curly apostrophe in the text
        (["u.s. forces"], "U.S. forces", ["U.S. forces"]),
        (["re:may(?!\\s+\\d)"], "It may rain in May 2024.", ["may"]),
        (["arms", "arms race"], "an arms race", ["arms race"]),  # longest wins in a frame
        (["Talks"], "TALKS", ["TALKS"]),  # terms are lower-cased
        (["neighbo*r*"], "neighbours neighbor", ["neighbours", "neighbor"]),
    ],
)
def test_term_syntax(terms, text, expected):
    assert _texts(terms, text) == expected


def test_one_phrase_counts_for_two_frames():
    frames = {"a": ["nuclear threat"], "b": ["threat"], "c": ["nuclear threat*"]}
    found = [(m["frame"], m["term"], m["start"], m["end"])
             for m in find_frame_terms("A nuclear threat.", frames=frames)]
    # "nuclear threat" spans 2..16; "threat" alone 10..16
    assert found == [("a", "nuclear threat", 2, 16), ("c", "nuclear threat*", 2, 16),
                     ("b", "threat", 10, 16)]


def test_wildcard_and_literal_in_two_frames_both_count():
    found = find_frame_terms("escalation", frames={"a": ["escalat*"], "b": ["escalation"]})
    assert [(m["frame"], m["term"]) for m in found] == [("a", "escalat*"), ("b", "escalation")]


def test_spans_survive_characters_whose_lower_case_is_longer():
    text = "İstanbul talks: war."  # "İ".lower() is two characters
    found = find_frame_terms(text, frames={"f": ["war", "talks"]})
    assert [text[m["start"]:m["end"]] for m in found] == ["talks", "war"]


def test_find_markers():
    found = find_markers("It may very well be a so-called peace, clearly.")
    assert [(m["marker"], m["term"]) for m in found] == [
        ("hedges", "re:may(?!\\s+\\d)"), ("intensifiers", "very"), ("loaded", "so-called"),
        ("certainty", "clearly")]


def test_find_rejects_non_text():
    with pytest.raises(TypeError, match="str"):
        find_frame_terms(None)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_find_any_text(text):
    matches = find_frame_terms(text)
    starts = [m["start"] for m in matches]
    assert starts == sorted(starts)
    for m in matches:
        assert 0 <= m["start"] < m["end"] <= len(text)
        assert text[m["start"]:m["end"]] == m["text"]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_find_markers_any_text(text):
    for m in find_markers(text):
        assert text[m["start"]:m["end"]] == m["text"] and m["marker"] in MARKERS


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["war", "threat", "talks", "arms", "race", "NATO", "allies",
                                 "de-escalation", "—", ",", "very", "may", "İ", "’s"]),
                max_size=12).map(" ".join))
def test_find_on_news_words_maps_back(text):
    for lexicon in (load_frames(), load_markers()):
        for m in lexicon.find(text):
            assert text[m["start"]:m["end"]] == m["text"]
            assert m["text"].strip() == m["text"]


# --- lexicon files and dicts: errors ----------------------------------------------------


def test_empty_term_list_names_file_frame_and_line():
    with pytest.raises(CorpusError) as err:
        load_frames(FIXTURES / "frames_empty_terms.yml")
    message = str(err.value)
    assert "frames_empty_terms.yml" in message
    assert "'empty'" in message and "empty term list" in message
    assert err.value.line == 10  # the line of "terms: []" under "empty:"


def test_bad_regex_names_file_frame_and_line():
    with pytest.raises(CorpusError) as err:
        load_frames(FIXTURES / "frames_bad_regex.yml")
    message = str(err.value)
    assert "frames_bad_regex.yml" in message and "'broken'" in message
    assert "bad regular expression" in message
    assert err.value.line == 10  # the third term
    assert err.value.field == "frames.broken.terms[2]"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"f": []}, "empty term list"),
        ({"f": {"definition": "no terms"}}, "empty term list"),
        ({"f": ["re:(war)"]}, "capturing groups"),
        ({"f": ["re:x?"]}, "matches empty text"),
        ({"f": ["re:(?i)war"]}, "do not combine"),
        ({"f": ["*ing"]}, "must start with a letter"),
        ({"f": ["  "]}, "empty term"),
        ({"f": [["war"]]}, "must be text"),
        ({"f": "war"}, "must be a mapping"),
        ({"f": {"terms": ["war"], "definition": 3}}, "definition must be text"),
        ({}, "must map frame names"),
    ],
)
def test_bad_dicts(spec, message):
    with pytest.raises(CorpusError, match=message):
        load_frames(spec)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("kind: markers\nmarkers: {m: [may]}\n", "load_markers"),
        ("frames_typo: {f: [war]}\n", "has no 'frames:' section"),
        ("- war\n", "expected a mapping"),
        ("frames: {f: [war]\n", "not valid YAML"),
    ],
)
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "mine.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as err:
        load_frames(path)
    assert "mine.yml" in str(err.value)


def test_duplicate_frame_across_files_names_both(tmp_path):
    path = tmp_path / "again.yml"
    path.write_text("frames:\n  conflict: [row]\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"'conflict' is defined twice.*frames_generic\.yml"):
        load_frames([data_dir() / "lexicons" / "frames_generic.yml", path])


# --- adding frames ----------------------------------------------------------------------


def test_dict_forms():
    short = load_frames({"peace": ["talks"]})
    full = load_frames({"frames": {"peace": {"terms": ["talks"], "definition": "d"}}})
    assert short["peace"].terms == full["peace"].terms == ("talks",)
    assert full["peace"].definition == "d"


def test_add_frame_by_name_file_and_dict():
    base = load_frames()
    more = add_frame(base, "humanitarian", ["aid"], definition="Help.")
    assert list(more)[-1] == "humanitarian" and len(base) == 9  # base unchanged
    from_file = add_frame(base, FIXTURES / "frames_custom.yml")
    assert from_file["humanitarian"].terms[-1] == "humanitarian corridor*"
    assert from_file["humanitarian"].file.endswith("frames_custom.yml")
    from_dict = add_frame(base, {"humanitarian": ["aid"]})
    assert from_dict["humanitarian"].terms == ("aid",)


def test_add_frame_refuses_existing_name_unless_replace():
    base = load_frames()
    with pytest.raises(CorpusError, match="defined twice"):
        add_frame(base, "conflict", ["row"])
    replaced = add_frame(base, "conflict", ["row"], replace=True)
    assert replaced["conflict"].terms == ("row",)
    assert len(replaced) == len(base)


def test_add_frame_needs_terms_and_a_lexicon():
    with pytest.raises(ValueError, match="give the terms"):
        add_frame(load_frames(), "peace")
    with pytest.raises(TypeError, match="Lexicon"):
        add_frame({"a": ["b"]}, "peace", ["talks"])


def test_add_marker_and_kind_checks():
    markers = add_marker(load_markers(), "distancing", ["so-called", "alleged*"])
    assert markers.kind == "marker" and "distancing" in markers
    with pytest.raises(ValueError, match="lexicon of frames"):
        frame_scores(from_texts({"A": "x"}), frames=load_markers())
    with pytest.raises(KeyError, match="no frame 'nope'"):
        load_frames()["nope"]
    assert isinstance(load_frames(load_frames()), Lexicon)


# --- corpus level -----------------------------------------------------------------------

TOY = {"alliance": ["nato", "allies", "alliance"], "talks": ["talks", "phone call*"],
       "threat": ["threat*"]}


def test_frame_scores_by_hand():
    corpus = from_texts({
        "A": "NATO allies met. Talks went on. NATO said the threats grew.",
        "B": "Phone calls continued.",
    })
    before = corpus.copy()
    scores = frame_scores(corpus, frames=TOY)
    pd.testing.assert_frame_equal(corpus, before)
    assert list(scores.columns) == [
        "article_id", "outlet", "frame", "n_matches", "per_1000_words", "sentence_share",
        "terms", "n_words", "n_sentences", "n_sentences_with"]
    a = scores[scores["outlet"] == "A"].set_index("frame")
    # A: 11 words, 3 sentences; alliance: NATO, allies, NATO (sentences 0 and 2)
    assert a.loc["alliance", "n_matches"] == 3
    assert a.loc["alliance", "per_1000_words"] == pytest.approx(3 / 11 * 1000)
    assert a.loc["alliance", "sentence_share"] == pytest.approx(2 / 3)
    assert a.loc["alliance", "terms"] == "nato (2); allies (1)"
    assert a.loc["threat", "terms"] == "threats (1)"
    b = scores[scores["outlet"] == "B"].set_index("frame")
    assert b.loc["talks", "terms"] == "phone calls (1)"
    assert b.loc["alliance", "n_matches"] == 0 and b.loc["alliance", "terms"] == ""
    assert len(scores) == 6  # every frame for every article


def test_frame_evidence_rows_point_at_sentences():
    corpus = from_texts({"A": "NATO allies met. Talks went on. NATO said the threats grew."})
    evidence = frame_evidence(corpus, frames=TOY)
    text = corpus.loc[0, "text"]
    assert list(evidence.columns) == ["article_id", "outlet", "frame", "term", "matched",
                                      "start", "end", "sentence_index", "sentence"]
    for row in evidence.itertuples():
        assert text[row.start:row.end] == row.matched
        assert row.matched in row.sentence
    assert evidence["sentence_index"].tolist() == [0, 0, 1, 2, 2]
    assert evidence.iloc[-1]["sentence"] == "NATO said the threats grew."


def test_outlet_frame_scores_pool_articles():
    corpus = from_texts({"A": ["NATO met.", "Allies and NATO talked. Quiet."], "B": "Talks."})
    out = outlet_frame_scores(frame_scores(corpus, frames=TOY)).set_index(["outlet", "frame"])
    row = out.loc[("A", "alliance")]
    # A: 2 + 5 = 7 words, 1 + 2 = 3 sentences; 3 matches in 2 sentences, both articles
    assert row["n_articles"] == 2 and row["n_matches"] == 3
    assert row["per_1000_words"] == pytest.approx(3 / 7 * 1000)
    assert row["sentence_share"] == pytest.approx(2 / 3)
    assert row["article_share"] == 1.0
    assert row["terms"] == "nato (2); allies (1)"
    assert out.loc[("B", "alliance"), "article_share"] == 0.0


def test_marker_tables_use_marker_column():
    corpus = from_texts({"A": "It may be very bad. Reportedly, so-called talks failed."})
    scores = marker_scores(corpus)
    assert scores["marker"].tolist() == MARKERS
    assert scores.set_index("marker").loc["hedges", "terms"] == "may (1); reportedly (1)"
    assert "marker" in marker_evidence(corpus).columns
    assert outlet_marker_scores(scores)["n_matches"].sum() == 4


def test_article_without_words_gets_nan_rates():
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "text": ["   "]})
    with pytest.warns(UserWarning, match="no sentences.*: a"):
        scores = frame_scores(corpus, frames=TOY)
    assert scores["n_words"].eq(0).all() and scores["per_1000_words"].isna().all()
    with pytest.warns(UserWarning, match="no sentences"):
        assert frame_evidence(corpus, frames=TOY).empty


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="'outlet'"):
        frame_scores(pd.DataFrame({"article_id": ["a"], "text": ["war"]}))


def test_non_english_warns():
    german = ("Der Kreml und das Pentagon sprechen über die Verringerung des Risikos einer "
              "Eskalation, und Moskau sucht nun das Gespräch mit Washington über die Waffen.")
    with pytest.warns(UserWarning, match="frame lexicon is English"):
        frame_scores(from_texts({"n-tv": german}))


def test_seed_event_has_security_frames():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scores = frame_scores(load_corpus(SEED_EVENT))
    by = scores.set_index(["outlet", "frame"])["n_matches"]
    assert by[("n-tv", "escalation_threat")] > by[("n-tv", "morality")]
    assert by[("Shafaq News", "alliance_commitment")] >= 5  # NATO, alliance, commitment...


# --- command line -----------------------------------------------------------------------


def test_cli_frames_csv(capsys):
    assert main(["frames", str(SEED_EVENT), "--format", "csv"]) == 0
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert set(table["frame"]) == set(GENERIC + SECURITY)
    assert len(table) == 2 * 9


@pytest.mark.parametrize(("command", "by", "column"),
                         [("frames", "outlet", "article_share"), ("frames", "evidence", "sentence"),
                          ("markers", "article", "marker"), ("markers", "evidence", "matched")])
def test_cli_by(capsys, command, by, column):
    assert main([command, str(SEED_EVENT), "--by", by, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and column in rows[0]


def test_cli_lexicon_and_add(capsys):
    custom = str(FIXTURES / "frames_custom.yml")
    assert main(["frames", str(SEED_EVENT), "--lexicon", custom, "--format", "json"]) == 0
    assert {r["frame"] for r in json.loads(capsys.readouterr().out)} == {"humanitarian"}
    assert main(["frames", str(SEED_EVENT), "--add", custom, "--format", "json"]) == 0
    assert len({r["frame"] for r in json.loads(capsys.readouterr().out)}) == 10


def test_cli_bad_lexicon_is_a_clear_error(capsys):
    bad = str(FIXTURES / "frames_bad_regex.yml")
    assert main(["frames", str(SEED_EVENT), "--lexicon", bad]) == 2
    err = capsys.readouterr().err
    assert "frames_bad_regex.yml" in err and "'broken'" in err


# --- the shared corpus ------------------------------------------------------------------


@pytest.mark.shared
def test_real_news_evidence_maps_back(allsides):
    corpus = allsides.head(25)
    evidence = frame_evidence(corpus)
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    assert len(evidence) > 100
    for row in evidence.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.matched
    scores = frame_scores(corpus)
    assert scores["per_1000_words"].between(0, 1000).all()


# Words and phrases of the kit's frames, including phrases whose last word is a term of its
# own ("cold war" and "war", "missile defense" and "defense"), where a match must hide the
# one inside it.
_PIECES = [*"warmsdefnc- \n'", "war", "cold war", "new cold war", "arms race", "defense",
           "missile defense", "deter", "crisis", "blame", "to blame", "held talks", "talks"]


def _reference_regex(lexicon):
    import re

    from analysis.framing import _BOUND_AFTER, _BOUND_BEFORE, _ordered, _reference_body

    terms = _ordered(t for c in lexicon.values() for t in c.terms)
    return re.compile(f"{_BOUND_BEFORE}(?:{_reference_body(terms)}){_BOUND_AFTER}")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=120))
def test_factored_alternation_finds_what_the_plain_alternation_finds(text):
    # the factored regex must give exactly the matches of the plain, longest-first one
    lowered = text.lower()
    for lexicon in (load_frames(), load_markers()):
        assert [m.span() for m in lexicon._span_regex.finditer(lowered)] == [
            m.span() for m in _reference_regex(lexicon).finditer(lowered)]


def test_factored_alternation_keeps_the_order_around_pattern_terms():
    """A term that may start with anything splits the runs it stands between."""
    from analysis.framing import _factored_body

    assert _factored_body(["warn", "deter", "war", "re:w.r", "wa"]) == \
        r"w(?:arn|ar)|d(?:eter)|w.r|w(?:a)"
    # "may" must not be found where the marker's re: term refuses it ("may 5"), nor
    # "mayor" at all; a plain "may" is.
    markers = load_markers()
    lowered = "the mayor said it may 5 or may not"
    found = [(m.group(), m.start()) for m in markers._span_regex.finditer(lowered)]
    assert found == [("may", 27)]
    assert found == [(m.group(), m.start()) for m in _reference_regex(markers).finditer(lowered)]


@pytest.mark.shared
def test_factored_alternation_on_allsides(allsides):
    from analysis.framing import _lower_same_length
    from analysis.tokens import _shadow

    lexicons = [load_frames(), load_markers()]
    references = [_reference_regex(lex) for lex in lexicons]
    for text in allsides["text"].iloc[::40]:
        lowered = _lower_same_length(_shadow(text))
        for lexicon, reference in zip(lexicons, references, strict=True):
            assert [m.span() for m in lexicon._span_regex.finditer(lowered)] == [
                m.span() for m in reference.finditer(lowered)]
