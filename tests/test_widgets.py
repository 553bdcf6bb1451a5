"""The dashboard: each control changes what is shown; the logic stays in the pure functions."""

import pytest

from analysis import from_texts, load_corpus
from analysis.framing import frame_scores, load_frames
from analysis.widgets import MEASURES, add_term, explore
from conftest import SEED_EVENT


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
