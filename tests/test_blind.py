"""Blind reading: outlet names hidden everywhere, the key reproducible, guesses marked."""

import pandas as pd
import pytest

from analysis import clean_corpus, from_texts, load_corpus
from analysis.blind import MASK, anonymise, name_pattern, name_variants, score_guesses
from conftest import SEED_EVENT


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("Shafaq News", {"Shafaq News", "Shafaq", "shafaqnews", "shafaq.com"}),
        ("n-tv", {"n-tv", "n tv", "ntv"}),
        ("CNN (Web News)", {"CNN (Web News)", "CNN"}),
        ("Spiegel.de", {"Spiegel.de", "Spiegel"}),
        ("The New York Times", {"The New York Times", "New York Times", "NYT"}),
        ("Fox News", {"Fox News", "Fox", "foxnews.com"}),
    ],
)
def test_name_variants(outlet, expected):
    assert expected <= set(name_variants(outlet))


@pytest.mark.parametrize("outlet", ["The New York Times", "New York Times", "Washington Post"])
def test_a_place_is_never_a_variant(outlet):
    found = {v.casefold() for v in name_variants(outlet)}
    assert not found & {"new york", "washington", "the new york"}


NYT_AND_FOX = {
    "The New York Times": "https://www.nytimes.com/2024/07/12/world/call.html",
    "Fox News": "https://www.foxnews.com/world/call",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outlets' own names and forms go
        ("The New York Times reported", f"{MASK} reported"),
        ("the new york times reported", f"{MASK} reported"),
        ("a NYT reporter", f"a {MASK} reporter"),
        ("on nytimes.com today", f"on {MASK} today"),
        ("Fox News Digital reached out", f"{MASK} reached out"),
        ("he told Fox News.", f"he told {MASK}."),
        ("according to foxnews.com", f"according to {MASK}"),
        # places and words that only share words with an outlet stay
        ("police officials in New York City said", "police officials in New York City said"),
        ("The F.B.I.'s New York office", "The F.B.I.'s New York office"),
        ("the governor of New York", "the governor of New York"),
        ("a fox crossed the road", "a fox crossed the road"),
        ("The times are changing", "The times are changing"),
        ("the Washington summit", "the Washington summit"),
    ],
)
def test_anonymise_masks_outlets_not_places(text, expected):
    corpus = from_texts([
        {"outlet": outlet, "text": text, "url": url} for outlet, url in NYT_AND_FOX.items()
    ])
    blind, _ = anonymise(corpus, seed=0)
    assert set(blind["text"]) == {expected}


def test_name_pattern_keeps_whole_words():
    pattern = name_pattern(name_variants("Shafaq News"))
    text = "Shafaq News/ The minister. Shafaqs"
    assert pattern.sub(MASK, text) == f"{MASK}/ The minister. Shafaqs"


def test_seed_event_names_are_masked_and_key_is_stable():
    corpus = clean_corpus(load_corpus(SEED_EVENT))
    before = corpus.copy()
    blind, key = anonymise(corpus, seed=3)
    assert corpus.equals(before)
    assert sorted(blind["outlet"]) == ["Outlet A", "Outlet B"]
    text = " ".join(blind["text"]) + " ".join(blind["title"])
    assert "Shafaq" not in text and "n-tv" not in text
    assert f"{MASK}/ US Defense Secretary" in text  # Shafaq's dateline, masked
    assert (blind[["url", "source", "leaning"]] == "").all().all()
    again_blind, again_key = anonymise(corpus, seed=3)
    assert again_key.equals(key) and again_blind.equals(blind)
    labels = dict(zip(key["outlet"], key["label"], strict=True))
    for outlet, label in labels.items():
        original = corpus.loc[corpus["outlet"] == outlet, "title"].iloc[0]
        assert blind.loc[blind["outlet"] == label, "title"].iloc[0] == original


def test_names_inside_words_are_kept():
    blind, _ = anonymise(from_texts({"Star": "The Starship is no Star."}), seed=0)
    assert blind.loc[0, "text"] == f"The Starship is no {MASK}."


def test_score_guesses():
    key = pd.DataFrame({"label": ["Outlet A", "Outlet B"], "outlet": ["X", "Y"]})
    table = score_guesses({"Outlet B": "Y"}, key)
    assert table["guess"].tolist() == ["", "Y"]
    assert table["correct"].tolist() == [False, True]
    with pytest.raises(ValueError, match="no such label"):
        score_guesses({"Outlet Z": "X"}, key)


def test_printables_hide_the_outlets_until_the_answer_sheet(tmp_path):
    from analysis.blind import printables
    from analysis.cli import main
    from analysis.loading import read_event

    title = read_event(SEED_EVENT)["title"]
    student, teacher = printables(load_corpus(SEED_EVENT), tmp_path, seed=2024, title=title)
    text = student.read_text(encoding="utf-8")
    for name in ("Shafaq", "n-tv", "ntv", "shafaq.com"):
        assert name.lower() not in text.lower()
    assert text.count("class=sheet") == 3  # cover with article 1, article 2, compare
    assert "Outlet A" in text and "Outlet B" in text and title in text
    answers = teacher.read_text(encoding="utf-8")
    assert "Shafaq News" in answers and "n-tv" in answers
    assert main(["printables", str(SEED_EVENT), "--out", str(tmp_path / "cli"), "--seed",
                 "2024"]) == 0
    assert (tmp_path / "cli" / "blind-round.html").read_text(encoding="utf-8") == text
