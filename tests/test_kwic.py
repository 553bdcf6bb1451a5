"""kwic finds word forms and ``*`` patterns, and says what it searched for."""

import pytest

from analysis import clean_corpus, from_texts, load_corpus
from analysis.comparison import kwic
from analysis.comparison.words import word_forms
from conftest import SEED_EVENT


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("missile", ["missile", "missiles"]),
        ("missiles", ["missil", "missile", "missiles"]),
        ("policy", ["policies", "policy"]),
        ("policies", ["policies", "policy"]),
        ("box", ["box", "boxes"]),
        ("day", ["day", "days"]),
        ("class", ["class", "classes"]),
    ],
)
def test_word_forms(word, forms):
    assert word_forms(word) == forms


@pytest.mark.parametrize(
    ("text", "term", "matches", "searched"),
    [
        ("A missile. Two missiles. Missiles'", "missile", ["missile", "missiles", "Missiles"],
         "missile / missiles"),
        ("One policy, two policies.", "policies", ["policy", "policies"], "policy / policies"),
        ("They hunt, hunted, were hunting a hunter; Hunt.", "hunt*",
         ["hunt", "hunted", "hunting", "hunter", "Hunt"], "hunt*"),
        ("escalation and de-escalation", "*escalation", ["escalation", "de-escalation"],
         "*escalation"),
        ("the cold wars, the cold war", "cold war", ["cold wars", "cold war"],
         "cold (war / wars)"),
        ("Russians are not Russia.", "Russia", ["Russia"], "russia"),
        ("missiles", "missile", [], "missile"),  # forms=False below
    ],
)
def test_kwic_forms_and_patterns(text, term, matches, searched):
    exact = matches == []
    table = kwic(from_texts({"A": text}), term, forms=False if exact else None)
    assert table["match"].tolist() == matches
    assert table.attrs["searched"] == searched
    for row in table.itertuples():
        assert text[row.start : row.end] == row.match


def test_kwic_finds_every_missile_of_the_sample():
    corpus = clean_corpus(load_corpus(SEED_EVENT))
    table = kwic(corpus, "missile")
    ntv = table[table["outlet"] == "n-tv"]
    assert ntv["match"].str.lower().eq("missiles").sum() >= 6
    assert len(kwic(corpus, "hunt*")) == 0  # nothing hunts in this event, and it says so
    assert kwic(corpus, "hunt*").attrs["searched"] == "hunt*"


def test_a_lone_star_is_not_a_word():
    with pytest.raises(ValueError, match="at least one word"):
        kwic(from_texts({"A": "text"}), "*")
