"""Charts: check what was drawn (bars, labels, colours), not pixels."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis import from_texts, load_corpus, text_stats
from analysis.cleaning import furniture_table
from analysis.plotting import (
    OKABE_ITO,
    outlet_colors,
    plot_furniture,
    plot_text_stats,
    plot_top_terms,
)
from conftest import SEED_EVENT


def test_outlet_colours_are_stable_and_order_free():
    assert outlet_colors(["b", "A", "c"]) == outlet_colors(["c", "b", "A"])
    assert outlet_colors(["b", "A", "c"]) == {"A": OKABE_ITO[0], "b": OKABE_ITO[1],
                                              "c": OKABE_ITO[2]}
    assert outlet_colors(["right", "left"]) == {"left": "#0072B2", "right": "#D55E00"}
    nine = outlet_colors([f"o{i}" for i in range(9)])
    assert nine["o8"] == OKABE_ITO[0]  # cycles after eight


def test_text_stats_bars():
    stats = text_stats(from_texts({"A": "One two three.", "B": "One."}))
    _, ax = plt.subplots()
    returned = plot_text_stats(stats, ax=ax)
    assert returned is ax
    assert [p.get_width() for p in ax.patches] == [3, 1]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    colors = outlet_colors(["A", "B"])
    assert [to_hex(p.get_facecolor()) for p in ax.patches] == [colors["A"].lower(),
                                                               colors["B"].lower()]
    assert ax.get_xlabel() == "Words"


def test_plot_uses_current_axes_and_handles_empty_data():
    plt.figure()
    ax = plot_text_stats(text_stats(from_texts({"A": "x"})).iloc[0:0])
    assert ax is plt.gca()
    assert [t.get_text() for t in ax.texts] == ["no data"]


def test_furniture_bars_per_rule_and_outlet():
    table = furniture_table(load_corpus(SEED_EVENT))
    _, ax = plt.subplots()
    plot_furniture(table, ax=ax)
    # rules: appended_summary, navigation, repeated_caption, title; outlets n-tv, Shafaq
    heights = [p.get_height() for p in ax.patches]
    assert heights == [5, 4, 2, 2, 0, 0, 0, 1]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["n-tv", "Shafaq News"]


def test_top_terms():
    terms = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "term": ["war", "peace", "talks", "x"],
                          "count": [5, 2, 7, 1]})
    _, ax = plt.subplots()
    plot_top_terms(terms, outlet="A", n=2, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["talks", "war"]
    assert [p.get_width() for p in ax.patches] == [7, 5]
    with pytest.raises(ValueError, match="'count'"):
        plot_top_terms(terms.drop(columns="count"), outlet="A", ax=ax)
