"""Blind reading: outlet names hidden everywhere, the key reproducible, guesses marked."""

import pandas as pd
import pytest

from analysis import clean_corpus, from_texts, load_corpus
from analysis.blind import MASK, _name_variants, anonymise, score_guesses
from conftest import SEED_EVENT


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("Shafaq News", ["Shafaq News", "Shafaq"]),
        ("n-tv", ["n-tv", "n tv", "ntv"]),
        ("CNN (Web News)", ["CNN (Web News)", "CNN"]),
        ("Spiegel.de", ["Spiegel.de", "Spiegel"]),
    ],
)
def test_name_variants(outlet, expected):
    assert sorted(_name_variants(outlet)) == sorted(expected)


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
