"""Tests for analysis.framing: lexicon files, term syntax, scores, evidence, CLI."""

from __future__ import annotations

import json
import warnings
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import from_texts, load_corpus
from analysis.actors import load_actors
from analysis.cli import main
from analysis.framing import (
    DOMINANCE,
    Category,
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
EVENT = "2024-07-12-austin-belousov-call"


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
        "terms", "n_words", "n_sentences", "n_sentences_with", "dominant_term",
        "dominant_share", "note"]
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
                                      "start", "end", "sentence_index", "sentence",
                                      "counted", "negated", "masked", "voice"]
    assert evidence["counted"].all() and not evidence["negated"].any()
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
        r"w(?:a(?:r(?:n|)))|deter|(?:w.r)|wa"
    # a used-up term keeps its place too: "u.s." is tried after "u.s. army", before "us*"
    assert _factored_body(["u.s. army", "u.s.", "us*"]) == r"u(?:\.(?:s(?:\.(?:\s+army|)))|s\w*)"
    # "may" must not be found where the marker's re: term refuses it ("may 5"), nor
    # "mayor" at all; a plain "may" is.
    markers = load_markers()
    lowered = "the mayor said it may 5 or may not"
    found = [(m.group(), m.start()) for m in markers._span_regex.finditer(lowered)]
    assert found == [("may", 27)]
    assert found == [(m.group(), m.start()) for m in _reference_regex(markers).finditer(lowered)]


@pytest.mark.shared
def test_factored_alternation_on_allsides(allsides):
    from analysis.tokens import lowered_shadow

    lexicons = [load_frames(), load_markers()]
    references = [_reference_regex(lex) for lex in lexicons]
    for text in allsides["text"].iloc[::40]:
        lowered = lowered_shadow(text)
        for lexicon, reference in zip(lexicons, references, strict=True):
            assert [m.span() for m in lexicon._span_regex.finditer(lowered)] == [
                m.span() for m in reference.finditer(lowered)]


# --- names and titles are masked (issue 16, a) ------------------------------------------


BELOUSOV = "Russian Defense Minister Andrei Belousov spoke about defense."


def test_title_and_name_are_masked_but_the_same_word_elsewhere_counts():
    # 0         1         2         3         4         5
    # 0123456789012345678901234567890123456789012345678901234567
    # Russian Defense Minister Andrei Belousov spoke about defense.
    actors = load_actors(event=EVENT)
    found = find_frame_terms(BELOUSOV, actors=actors)
    assert [(m["frame"], m["text"], m["start"]) for m in found] == [
        ("deterrence_defence", "defense", 53)]
    unmasked = find_frame_terms(BELOUSOV, mask_actors=False)
    assert [m["start"] for m in unmasked] == [8, 53]


def test_evidence_says_what_was_masked():
    corpus = from_texts({"A": BELOUSOV})
    ev = frame_evidence(corpus, actors=load_actors(event=EVENT))
    assert ev[["matched", "start", "counted"]].values.tolist() == [
        ["Defense", 8, False], ["defense", 53, True]]
    assert ev.loc[0, "masked"] == (
        "title and name of Andrey Belousov: 'Russian Defense Minister Andrei Belousov'")
    assert ev.loc[1, "masked"] == ""
    scores = frame_scores(corpus, actors=load_actors(event=EVENT)).set_index("frame")
    assert scores.loc["deterrence_defence", "n_matches"] == 1
    assert frame_scores(corpus, mask_actors=False).set_index("frame").loc[
        "deterrence_defence", "n_matches"] == 2


def test_a_term_that_is_the_whole_name_still_counts():
    # "NATO" is an organisation in the general list and an alliance-frame term on purpose;
    # "Department of Defense" is the Pentagon's alias, so its "Defense" is masked.
    text = "NATO met. The Department of Defense said nothing."
    found = find_frame_terms(text)
    assert [m["text"] for m in found] == ["NATO"]
    ev = frame_evidence(from_texts({"A": text}))
    assert ev.loc[ev["matched"] == "Defense", "masked"].item() == (
        "name of Pentagon: 'Department of Defense'")


def test_masking_uses_each_articles_event_lists():
    corpus = load_corpus(SEED_EVENT)
    ev = frame_evidence(corpus)
    masked = ev[~ev["counted"]]
    assert not masked.empty and (masked["masked"] != "").all()
    # every masked match sits inside the span its note quotes
    for row in masked.itertuples():
        quoted = row.masked.split(": ", 1)[1].strip("'\"")
        assert row.matched in quoted


def test_markers_are_masked_too():
    text = "The Islamic State claimed it. The so-called state denied it."
    assert [m["text"] for m in find_markers(text)] == ["claimed", "so-called"]
    # with the name masked nothing inside "Islamic State" counts, nor would "radical" in a
    # name; a listed organisation's name never adds a loaded word
    ev = marker_evidence(from_texts({"A": "Hamas radicals met Hamas."}))
    assert ev["counted"].all()  # "radicals" is outside the names


# --- one term dominating a score (b) ----------------------------------------------------


def test_dominant_term_and_note_by_hand():
    frames = {"threat": ["threat*", "danger"]}
    corpus = from_texts({"A": "Threats. Threats. Threat. Danger.", "B": "Threats. Danger."})
    scores = frame_scores(corpus, frames=frames).set_index("outlet")
    # A: threats 2, threat 1, danger 1: 'threats' gives 2 of 4 = 50%: no note
    assert scores.loc["A", "dominant_term"] == "threats"
    assert scores.loc["A", "dominant_share"] == pytest.approx(0.5)
    assert scores.loc["A", "note"] == ""
    # B: 1 and 1: the first alphabetically, 50%
    assert scores.loc["B", "dominant_term"] == "danger"
    corpus = from_texts({"A": "Threats grew. Threats rose. Threats fell. The danger."})
    row = frame_scores(corpus, frames=frames).iloc[0]
    assert (row["dominant_term"], row["dominant_share"]) == ("threats", 0.75)
    assert row["note"].startswith("one term gives 75% of the matches ('threats', 3 of 4; "
                                  "flagged from 60%)")


def test_no_note_for_a_single_match_or_none():
    scores = frame_scores(from_texts({"A": "A threat.", "B": "Calm."}),
                          frames={"threat": ["threat*"]}).set_index("outlet")
    assert scores.loc["A", "dominant_share"] == 1.0 and scores.loc["A", "note"] == ""
    assert scores.loc["B", "dominant_term"] == "" and pd.isna(scores.loc["B", "dominant_share"])


def test_outlet_dominance_pools_the_articles():
    frames = {"threat": ["threat*", "danger"]}
    corpus = from_texts({"A": ["Threats. Danger.", "Threats. Threats."]})
    out = outlet_frame_scores(frame_scores(corpus, frames=frames)).iloc[0]
    # pooled: threats 3, danger 1 -> 75%
    assert (out["dominant_term"], out["dominant_share"]) == ("threats", 0.75)
    assert "75%" in out["note"]
    assert DOMINANCE == 0.6


# --- negation and attribution in markers (c) --------------------------------------------


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("They were not hoax devices.", []),            # "not" 1 word before
        ("It was no hoax.", []),
        ("It wasn't a hoax.", []),                       # "-n't", 2 words before
        ("It isn’t a big hoax.", []),                    # curly apostrophe, 3 words before
        ("It isn't really a big hoax.", ["hoax"]),       # 4 words before
        ("Not one of them was a hoax.", ["hoax"]),       # "Not" 5 words before
        ("It was not, he said, a hoax.", ["hoax"]),      # another clause
        ("It was not only a hoax.", ["hoax"]),           # "not only" is no negation
        ("It was a hoax, not a plan.", ["hoax"]),        # the negator comes after
    ],
)
def test_negated_markers_are_not_counted(text, counted):
    assert [m["text"] for m in find_markers(text, markers={"loaded": ["hoax"]})] == counted


def test_negated_marker_is_listed_in_the_evidence():
    corpus = from_texts({"A": "Police said they were not hoax devices. It was a hoax."})
    ev = marker_evidence(corpus, markers={"loaded": ["hoax"]})
    assert ev[["matched", "start", "counted", "negated"]].values.tolist() == [
        ["hoax", 26, False, True], ["hoax", 49, True, False]]
    scores = marker_scores(corpus, markers={"loaded": ["hoax"]})
    assert scores["n_matches"].tolist() == [1]
    unnegated = marker_scores(corpus, markers={"loaded": ["hoax"]}, negation=False)
    assert unnegated["n_matches"].tolist() == [2]


def test_frames_ignore_negation():
    assert [m["text"] for m in find_frame_terms("There is no threat.", frames={"t": ["threat"]})] \
        == ["threat"]


def test_attribution_is_not_a_hedge():
    text = "According to officials, the talks, as suggested by the memo, may resume."
    hedges = [m["text"] for m in find_markers(text) if m["marker"] == "hedges"]
    assert hedges == ["may"]
    ev = marker_evidence(from_texts({"A": text}))
    suggested = ev[ev["matched"] == "suggested"].iloc[0]
    assert not suggested["counted"]
    assert suggested["masked"] == "attribution phrase 'as suggested by'"
    assert "according to" not in load_markers()["hedges"].terms


# --- the policy frames (d) --------------------------------------------------------------


POLICY = ["economic", "capacity_resources", "morality", "fairness_equality",
          "legality_constitutionality", "policy_prescription", "crime_punishment",
          "security_defense", "health_safety", "quality_of_life", "cultural_identity",
          "public_opinion", "political", "external_regulation_reputation"]


def test_policy_frames_load_by_name_and_path():
    frames = load_frames("policy")
    assert list(frames) == POLICY
    assert list(load_frames(data_dir() / "lexicons" / "frames_policy.yml")) == POLICY
    assert list(load_frames(["security", "policy"])) == SECURITY + POLICY
    for category in frames.values():
        assert category.definition, category.name
        assert "Boydstun et al. (2014), Policy Frames Codebook" in category.source
        assert 15 <= len(category.terms) <= 40, (category.name, len(category.terms))
    text = (data_dir() / "lexicons" / "frames_policy.yml").read_text(encoding="utf-8")
    assert "HEURISTIC" in text and "Boydstun, A. E., Card, D., Gross, J. H., Resnik, P." in text


def test_default_frames_are_unchanged():
    assert list(load_frames()) == GENERIC + SECURITY


def test_unknown_name_is_read_as_a_missing_path():
    with pytest.raises(CorpusError, match="nosuchset"):
        load_frames("nosuchset")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hand-worked: each frame's words in a sentence of its own
        ("The tax cut will cost billions and hurt jobs.",
         {"economic": ["tax", "cost", "jobs"]}),
        ("Hospitals face a shortage of nurses and beds.",
         {"capacity_resources": ["shortage", "beds"], "health_safety": ["Hospitals", "nurses"]}),
        ("Opponents call it a moral duty of conscience.",
         {"morality": ["moral", "duty", "conscience"]}),
        ("Critics say the rule is unfair and discriminatory.",
         {"fairness_equality": ["unfair", "discriminatory"]}),
        ("The Supreme Court ruled the ban unconstitutional.",
         {"legality_constitutionality": ["Supreme Court", "ruled", "unconstitutional"]}),
        ("The proposal would overhaul the program.",
         {"policy_prescription": ["proposal", "overhaul", "program"]}),
        ("Police arrested him and he was sentenced to prison.",
         {"crime_punishment": ["Police", "arrested", "sentenced", "prison"]}),
        ("Troops will defend the border against the threat.",
         {"security_defense": ["Troops", "defend", "threat"]}),
        ("Families struggle with housing and poverty.",
         {"quality_of_life": ["housing", "poverty"]}),
        ("Their heritage and traditions shape their identity.",
         {"cultural_identity": ["heritage", "traditions", "identity"]}),
        ("A new poll shows a backlash among voters.",
         {"public_opinion": ["poll", "backlash"], "political": ["voters"]}),
        ("The filibuster was a partisan move before the election.",
         {"political": ["filibuster", "partisan", "election"]}),
        ("The sanctions strain ties with allies abroad.",
         {"external_regulation_reputation": ["sanctions", "ties with", "allies", "abroad"]}),
    ],
)
def test_policy_frames_by_hand(text, expected):
    found: dict[str, list[str]] = {}
    for m in find_frame_terms(text, frames="policy"):
        found.setdefault(m["frame"], []).append(m["text"])
    assert found == expected


def test_policy_frames_avoid_lookalike_words():
    text = "A taxi driver showed courtesy; morale was high; he was primarily a defendant."
    assert find_frame_terms(text, frames="policy", mask_actors=False) == []


def test_policy_names_are_masked():
    # "Homeland Security" inside the department's name is not a security frame
    text = "The Department of Homeland Security published a plan."
    assert [m["text"] for m in find_frame_terms(text, frames="policy")] == ["plan"]


def test_cli_lexicon_policy(capsys):
    assert main(["frames", str(SEED_EVENT), "--lexicon", "policy", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["frame"] for r in rows} == set(POLICY)
    assert {"dominant_term", "dominant_share", "note"} <= set(rows[0])


def test_counted_hits_count_what_the_score_tables_count():
    """What a caller with the mentions already found (the scorer) counts is frame_scores."""
    from analysis.actors import find_mentions
    from analysis.framing import counted_hits

    corpus = load_corpus(SEED_EVENT)
    for lexicon, function, kind in ((load_frames(), frame_scores, "frame"),
                                    (load_markers(), marker_scores, "marker")):
        scores = function(corpus).set_index(["article_id", kind])["n_matches"]
        for article_id, event, text in zip(corpus["article_id"], corpus["event"],
                                           corpus["text"], strict=True):
            mentions = find_mentions(text, load_actors(event=event))
            counts = Counter(name for name, *_ in counted_hits(text, lexicon,
                                                               mentions=mentions))
            for name in lexicon:
                assert counts.get(name, 0) == scores[(article_id, name)], (article_id, name)
        assert len(counted_hits(corpus.loc[0, "text"], lexicon)) >= \
            len(counted_hits(corpus.loc[0, "text"], lexicon, mentions=find_mentions(
                corpus.loc[0, "text"], load_actors(event=EVENT))))


def test_markers_split_by_voice():
    """The intensifiers inside a spokesman's quote are his, not the outlet's."""
    corpus = from_texts({"A": 'The talks were very long. "It is deeply worrying and very '
                              'serious," Peskov said.'})
    evidence = marker_evidence(corpus).set_index("matched")
    assert evidence.loc["deeply", "voice"] == "quoted"
    outlet = marker_scores(corpus, voice="outlet").set_index("marker")
    quoted = marker_scores(corpus, voice="quoted").set_index("marker")
    everything = marker_scores(corpus).set_index("marker")
    # outlet: 'very' in the first sentence; quoted: 'deeply' and 'very' inside the quote
    assert outlet.loc["intensifiers", "n_matches"] == 1
    assert quoted.loc["intensifiers", "n_matches"] == 2
    assert everything.loc["intensifiers", "n_matches"] == 3
    # rates use the words of that voice: 7 words are quoted, 7 are the outlet's
    assert quoted.loc["intensifiers", "n_words"] == 7
    assert outlet.loc["intensifiers", "n_words"] == 7


# --- two lexicons of one text in one scan ------------------------------------------------


def _count_joint_scans(monkeypatch) -> list[int]:
    from analysis import framing

    calls: list[int] = []
    joint = framing.Lexicon._joint_hits

    def counting(self, *args):
        calls.append(1)
        return joint(self, *args)

    monkeypatch.setattr(framing.Lexicon, "_joint_hits", counting)
    return calls


def test_frames_then_markers_come_from_one_scan(monkeypatch):
    # asked frames then markers of one text, the next text's come from one scan
    calls = _count_joint_scans(monkeypatch)
    frames, markers = load_frames(), load_markers()
    frames.hits("NATO allies met."), markers.hits("NATO allies met.")
    text = "Allies may reportedly escalate the war, officials clearly said."
    assert frames.hits(text) == [("alliance_commitment", "allies", 0, 6),
                                 ("escalation_threat", "escalat*", 22, 30),
                                 ("escalation_threat", "war", 35, 38)]
    assert markers.hits(text) == [("hedges", r"re:may(?!\s+\d)", 7, 10),
                                  ("hedges", "reportedly", 11, 21),
                                  ("certainty", "clearly", 50, 57)]
    assert calls == [1]


def test_one_scan_keeps_each_lexicons_matches_apart(monkeypatch):
    # "arms race" (frame) covers the marker "race" at 8: the frame's next match starts at
    # 13, the markers' at 8 ("arms" ends at 7), as two scans find them
    calls = _count_joint_scans(monkeypatch)
    frames = Lexicon([Category("f", ("arms race", "race"))], kind="frame")
    markers = Lexicon([Category("m", ("race", "arms"))], kind="marker")
    for text in ("first", "an arms race race"):
        found = frames.hits(text), markers.hits(text)
    assert found == ([("f", "arms race", 3, 12), ("f", "race", 13, 17)],
                     [("m", "arms", 3, 7), ("m", "race", 8, 12), ("m", "race", 13, 17)])
    assert calls == [1]
    # a wrong guess (another lexicon asked second) costs a scan, not the result
    other = Lexicon([Category("o", ("an",))], kind="marker")
    assert frames.hits("race on") == [("f", "race", 0, 4)]
    assert other.hits("race on") == []
    assert calls == [1, 1]


def test_no_scan_together_when_a_term_may_match_nothing(monkeypatch):
    calls = _count_joint_scans(monkeypatch)
    frames = Lexicon([Category("f", ("war",))], kind="frame")
    markers = Lexicon([Category("m", ("re:a|b",))], kind="marker")
    for text in ("war", "a war b"):
        found = frames.hits(text), markers.hits(text)
    assert found == ([("f", "war", 2, 5)], [("m", "re:a|b", 0, 1), ("m", "re:a|b", 6, 7)])
    assert calls == []
