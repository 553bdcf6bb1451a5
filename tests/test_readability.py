"""Readability in text_stats: syllables by rule and the two Flesch formulas, by hand."""

import math

import pytest

from analysis import from_texts
from analysis.tokens import count_syllables, readability, text_stats


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("the", 1), ("cat", 1), ("minister", 3), ("policy", 3), ("dangerous", 3),
        ("make", 1), ("table", 2), ("little", 2),          # silent e, but consonant + le
        ("makes", 1), ("boxes", 2), ("places", 2),          # -es
        ("named", 1), ("played", 1), ("wanted", 2), ("agreed", 2),  # -ed
        ("statement", 2), ("likely", 2),                    # e before a suffix
        ("media", 3), ("radio", 3), ("video", 3), ("actual", 3),   # two-vowel pairs
        ("special", 2), ("nation", 2), ("million", 2), ("people", 2), ("quality", 3),
        ("being", 2), ("going", 2),
        ("Escalation", 4), ("long-range", 2), ("2024", 1), ("“Talks”", 1),
    ],
)
def test_count_syllables(word, expected):
    assert count_syllables(word) == expected


def test_flesch_by_hand():
    # The(1) minister(3) announced(2) a(1) new(1) policy(3) = 6 words, 11 syllables;
    # Critics(2) said(1) it(1) was(1) dangerous(3)          = 5 words,  8 syllables.
    # 11 words, 2 sentences, 19 syllables:
    # ease  = 206.835 - 1.015 * 11/2 - 84.6 * 19/11 = 206.835 - 5.5825 - 146.1273 = 55.1252
    # grade = 0.39 * 11/2 + 11.8 * 19/11 - 15.59  = 2.145 + 20.3818 - 15.59      = 6.9368
    text = "The minister announced a new policy. Critics said it was dangerous."
    found = readability(text)
    assert (found["n_words"], found["n_sentences"], found["n_syllables"]) == (11, 2, 19)
    assert found["flesch_reading_ease"] == pytest.approx(55.1252, abs=1e-4)
    assert found["flesch_kincaid_grade"] == pytest.approx(6.9368, abs=1e-4)


def test_text_stats_shows_readability_beside_the_counts():
    corpus = from_texts({
        "A": "The minister announced a new policy. Critics said it was dangerous.",
        "B": "The cat sat on the mat. It was happy.",
    })
    stats = text_stats(corpus).set_index("outlet")
    assert list(stats.columns)[-2:] == ["flesch_reading_ease", "flesch_kincaid_grade"]
    assert stats.loc["A", "flesch_reading_ease"] == pytest.approx(55.1252, abs=1e-4)
    # B: 9 words, 2 sentences, 10 syllables (happy has 2):
    # 206.835 - 1.015 * 4.5 - 84.6 * 10/9 = 108.2675; 0.39 * 4.5 + 11.8 * 10/9 - 15.59
    assert stats.loc["B", "flesch_reading_ease"] == pytest.approx(108.2675)
    assert stats.loc["B", "flesch_kincaid_grade"] == pytest.approx(-0.72389, abs=1e-5)
    # the easier text scores higher on ease and lower on grade
    assert stats.loc["B", "flesch_kincaid_grade"] < stats.loc["A", "flesch_kincaid_grade"]


def test_no_words_gives_nan():
    found = readability("")
    assert found["n_words"] == 0
    assert math.isnan(found["flesch_reading_ease"]) and math.isnan(found["flesch_kincaid_grade"])
