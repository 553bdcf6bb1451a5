"""The dashboard: each control changes what is shown; the logic stays in the pure functions."""

import pytest

from analysis import from_texts, load_corpus
from analysis.framing import frame_scores, load_frames
from analysis.widgets import MEASURES, add_term, explore
from conftest import ROOT, SEED_EVENT


@pytest.fixture(scope="module")
def app():
    return explore(load_corpus(SEED_EVENT))


def test_every_measure_draws_a_chart(app):
    images = set()
    for measure in MEASURES:
        app.measure.value = measure
        assert b"<svg" in bytes(app.chart.value[:500])
        images.add(bytes(app.chart.value))
    assert len(images) == len(MEASURES)  # each measure draws something different


def test_outlet_choice_filters_chart_and_text(app):
    app.measure.value = "Who is mentioned"
    both = app.chart.value
    app.outlets.value = ("n-tv",)
    assert app.chart.value != both
    assert "Shafaq News" not in app.text.value and "n-tv" in app.text.value
    app.outlets.value = ("n-tv", "Shafaq News")


def test_layers_and_actor_focus(app):
    app.layers.value = ("actors",)
    assert "ol-m" in app.text.value and "ol-q" not in app.text.value.split("</style>")[1]
    app.actor.value = "Dmitry Peskov"
    assert app.text.value.count("ol-focus") >= 6  # six Peskov mentions, some cut in pieces
    app.actor.value = ""


def test_search_shows_words_in_context(app):
    app.search.value = "escalation"
    # by hand, in the cleaned texts: n-tv has "Risk of escalation", "a possible escalation"
    # twice and "further escalation"; Shafaq News only "escalating", another word
    assert app.results.value.count("<tr>") == 4
    app.search.value = "nonexistentword"
    assert "does not occur" in app.results.value
    app.search.value = ""
    assert app.results.value == ""


def test_adding_a_frame_term_changes_the_scores(app):
    before = app.tables().frame_scores.set_index(["outlet", "frame"])["n_matches"]
    app.frame.value = "conflict"
    app.new_term.value = "tension"  # Shafaq News: "tension is rising", "Without tension"
    after = app.tables().frame_scores.set_index(["outlet", "frame"])["n_matches"]
    assert after["Shafaq News", "conflict"] == before["Shafaq News", "conflict"] + 2
    assert app.measure.value == "Frames"
    assert "Added <b>tension</b>" in app.status.value
    assert "tension" not in load_frames()["conflict"].terms  # files and defaults untouched


def test_add_term_is_pure():
    frames = load_frames()
    extended = add_term(frames, "morality", "pious")
    corpus = from_texts({"A": "They were pious."})
    scores = frame_scores(corpus, frames=extended).set_index("frame")["n_matches"]
    assert scores["morality"] == 1
    assert frame_scores(corpus, frames=frames).set_index("frame")["n_matches"]["morality"] == 0
    with pytest.raises(ValueError, match="type a word"):
        add_term(frames, "morality", "  ")


def test_empty_corpus_is_refused():
    with pytest.raises(ValueError, match="at least one article"):
        explore(from_texts({"A": "x"}).iloc[0:0])


def test_blind_round_hides_then_reveals():
    from analysis.widgets import guess_the_outlet

    round_ = guess_the_outlet(load_corpus(SEED_EVENT), seed=3)
    page = round_.children[0].value
    assert "Shafaq" not in page and "n-tv" not in page
    assert round_.answer.value == ""
    truth = dict(zip(round_.key["label"], round_.key["outlet"], strict=True))
    for label, dropdown in round_.guesses.items():
        dropdown.value = truth[label]
    round_.reveal.click()
    assert "2 of 2 right" in round_.answer.value
    with pytest.raises(ValueError, match="two outlets"):
        guess_the_outlet(from_texts({"A": "x"}))


def test_actor_picker_starts_at_none_and_unguessed_labels_say_so():
    from analysis.widgets import guess_the_outlet

    app = explore(load_corpus(SEED_EVENT))
    assert app.actor.value == "" and app.actor.label == "(none)"
    round_ = guess_the_outlet(load_corpus(SEED_EVENT), seed=3)
    round_.show_answer()
    assert round_.answer.value.count("no guess") == 2 and "wrong" not in round_.answer.value


# --- the workshop --------------------------------------------------------------------------

THREE = ROOT / "tests" / "fixtures" / "comparison_wire_event"


def _state_text(widget) -> str:
    """Everything a widget tree sends to the browser (values, options, labels)."""
    import json

    import ipywidgets as w

    parts = [json.dumps(widget.get_state(), default=str, ensure_ascii=False)]
    for child in getattr(widget, "children", ()):
        if isinstance(child, w.Widget):
            parts.append(_state_text(child))
    return " ".join(parts)


def test_blind_round_names_no_outlet_anywhere_before_the_reveal():
    from analysis.widgets import blind_workshop

    app = blind_workshop(seed=2024)
    outlets = list(app.round.key["outlet"])
    state = _state_text(app)
    for name in (*outlets, "Shafaq", "ntv"):
        assert name not in state
    app.round.show_choices()  # the list of outlets, alphabetically: no mapping
    assert all(o in app.round.choice_list.value for o in outlets)
    assert all(o not in _state_text(app.round.children[0]) for o in outlets)
    app.round.guesses["Outlet A"].value = " SHAFAQ "
    app.round.reveal.click()
    answer = app.round.answer.value
    header = answer.split("</tr>")[0]
    first_row = answer.split("</tr>")[1]
    assert header.count("<th>") == first_row.count("<td>") == 4
    assert "Shafaq News" in answer


def test_typed_guesses_count_any_name_of_the_outlet():
    from analysis.widgets import guess_the_outlet

    round_ = guess_the_outlet(load_corpus(SEED_EVENT), seed=3)
    truth = dict(zip(round_.key["label"], round_.key["outlet"], strict=True))
    for label, box in round_.guesses.items():
        box.value = {"Shafaq News": "shafaq", "n-tv": "N-TV"}[truth[label]]
    round_.show_answer()
    assert "2 of 2 right" in round_.answer.value


def test_workshop_picks_events_and_starts_with_sensible_values():
    from analysis.widgets import MULTI_HINT, event_choices, workshop

    choices = {**event_choices(), "Three outlets": THREE}
    app = workshop(choices)
    assert app.explorer.frame.value == app.explorer.frame.options[0]
    assert MULTI_HINT in _state_text(app)
    assert "Ctrl-click" in MULTI_HINT and "⌘" in MULTI_HINT
    app.event.value = "Three outlets"
    assert len(app.explorer.outlets.options) == 3
    assert set(app.explorer.palette) == set(app.explorer.outlets.options)


def test_exercises_work_without_code_and_cut_at_word_boundaries():
    import re

    from analysis import clean_corpus
    from analysis.widgets import Exercises

    ex = Exercises(clean_corpus(load_corpus(SEED_EVENT)))
    html = ex.word_results.value
    assert "missile / missiles" in html
    assert len(re.findall(r"<b>missiles</b>", html, flags=re.I)) >= 6
    for left in re.findall(r"<td style='text-align:right'>(.*?)</td>", html):
        assert left == "" or left.startswith("…") or not left[0].isalnum() or len(left) < 60
        if left.startswith("…"):
            assert left[1] == " "  # a whole word follows the ellipsis
    ex.word.value = "hunt*"
    assert "Searched for hunt*" in ex.word_results.value
    ex.tone_kind.value = "most positive"
    ex.tone_outlet.value = "Shafaq News"
    ex.tone_n.value = 3
    table = ex.tone_table()
    assert len(table) == 3 and set(table["outlet"]) == {"Shafaq News"}
    assert (table["compound"].diff().dropna() <= 0).all()
    assert table["words"].str.len().gt(0).any()


def test_the_tone_toward_actors_measure_explains_itself():
    from analysis import load_corpus, sample_event
    from analysis.widgets import explore

    app = explore(load_corpus(sample_event()))
    app.measure.value = "Tone toward each actor"
    assert "toward that actor" in app.about.value and "misreads irony" in app.about.value
    table = app.measure_table()
    assert {"outlet", "actor", "n_mentions", "tone", "enough"} <= set(table.columns)
    app.measure.value = "Who is mentioned"
    assert app.about.value == ""
