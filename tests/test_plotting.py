"""Charts: check what was drawn (bars, labels, colours), not pixels."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis import from_texts, load_corpus, text_stats
from analysis.cleaning import furniture_table
from analysis.plotting import (
    MEANING_COLORS,
    OKABE_ITO,
    outlet_colors,
    outlet_palette,
    plot_actor_mentions,
    plot_coverage,
    plot_distinctive_words,
    plot_frame_profile,
    plot_furniture,
    plot_headlines,
    plot_sentiment_arc,
    plot_text_stats,
    plot_tone_distribution,
    plot_top_terms,
    plot_verb_groups,
    plot_voices,
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
    # lines are counted whole: no tick between two counts (1, 2, 3, not 0.5, 1.0, 1.5)
    small = pd.DataFrame({"outlet": ["A", "B", "B", "B"], "rule": ["nav"] * 4})
    _, ax = plt.subplots()
    plot_furniture(small, ax=ax)
    ax.figure.canvas.draw()
    assert all(float(t).is_integer() for t in ax.get_yticks())


def test_top_terms():
    terms = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "term": ["war", "peace", "talks", "x"],
                          "count": [5, 2, 7, 1]})
    _, ax = plt.subplots()
    plot_top_terms(terms, outlet="A", n=2, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["talks", "war"]
    assert [p.get_width() for p in ax.patches] == [7, 5]
    with pytest.raises(ValueError, match="'count'"):
        plot_top_terms(terms.drop(columns="count"), outlet="A", ax=ax)


def test_sentiment_arc_lines():
    arc = pd.DataFrame({
        "article_id": ["a1", "a1", "b1", "b1"], "outlet": ["A", "A", "B", "B"],
        "position": [0.25, 0.75, 0.25, 0.75], "mean_compound": [0.5, -0.5, 0.1, float("nan")],
    })
    _, ax = plt.subplots()
    plot_sentiment_arc(arc, ax=ax)
    lines = [ln for ln in ax.get_lines() if ln.get_label() in ("A", "B")]
    assert list(lines[0].get_ydata()) == [0.5, -0.5]
    assert ax.get_ylim() == (-1, 1)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]


def test_tone_distribution_one_dot_per_sentence():
    sentences = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "compound": [0.5, -0.5, 0.3, 0.0]})
    _, ax = plt.subplots()
    plot_tone_distribution(sentences, ax=ax)
    dots = [c.get_offsets() for c in ax.collections]
    assert [len(d) for d in dots] == [3, 1]
    assert sorted(dots[0][:, 0]) == [-0.5, 0.3, 0.5]
    means = [ln.get_xdata()[0] for ln in ax.get_lines()]
    assert means == pytest.approx([0.1, 0.0])  # (0.5 - 0.5 + 0.3) / 3 = 0.1


def test_frame_profile_bars_and_duplicate_rows():
    scores = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "frame": ["conflict", "morality"] * 2,
                           "per_1000_words": [10.0, 0.0, 4.0, 2.0]})
    _, ax = plt.subplots()
    plot_frame_profile(scores, ax=ax)
    assert [p.get_width() for p in ax.patches] == [10.0, 0.0, 4.0, 2.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["conflict", "morality"]
    with pytest.raises(ValueError, match="outlet_frame_scores"):
        plot_frame_profile(pd.concat([scores, scores]), ax=ax)


def test_distinctive_words_diverging_and_single_group():
    words = pd.DataFrame({
        "group": ["A", "A", "A", "B", "B"], "other": ["rest"] * 5,
        "term": ["war", "talks", "nato", "peace", "deal"], "z": [3.0, 1.0, -2.0, 2.5, 0.5],
    })
    _, ax = plt.subplots()
    plot_distinctive_words(words, ax=ax)
    # A on the left, B on the right, as the title says: A's war (-3), talks (-1), then B's
    # deal (0.5), peace (2.5)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["war", "talks", "deal", "peace"]
    assert [p.get_width() for p in ax.patches] == [-3.0, -1.0, 0.5, 2.5]
    assert ax.get_title().startswith("Words that set A (left) and B (right) apart")
    assert "2 of 5 words pass |z| ≥ 1.96" in ax.get_title()
    _, ax = plt.subplots()
    plot_distinctive_words(words, group="A", n=1, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["war"]
    three = pd.concat([words, words.assign(group="C")])
    with pytest.raises(ValueError, match="pass group="):
        plot_distinctive_words(three, ax=ax)


def test_coverage_stacks_shared_and_unique():
    coverage = pd.DataFrame({
        "outlet": ["A", "A", "A", "B", "B"],
        "status": ["shared", "shared", "unique", "shared", "unique"],
        "relation": ["verbatim", "paraphrase", None, "verbatim", None],
    })
    _, ax = plt.subplots()
    plot_coverage(coverage, ax=ax)
    # bars in order verbatim (A, B), paraphrase (A, B), unique (A, B)
    assert [p.get_width() for p in ax.patches] == [1, 1, 1, 0, 1, 1]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "shared word for word", "shared, other words", "only in this outlet"]


def test_headlines_are_written_under_outlet_names():
    _, ax = plt.subplots()
    plot_headlines(pd.DataFrame({"outlet": ["B", "A"], "title": ["Second", "First"]}), ax=ax)
    assert [t.get_text() for t in ax.texts] == ["A", "First", "B", "Second"]
    assert to_hex(ax.texts[0].get_bbox_patch().get_facecolor()) == OKABE_ITO[0].lower()


def test_actor_mentions_keep_the_most_mentioned():
    counts = pd.DataFrame({
        "outlet": ["A", "A", "A", "B", "B"],
        "actor": ["Austin", "Peskov", "Scholz", "Peskov", "Ryabkov"],
        "per_1000_words": [5.0, 2.0, 1.0, 4.0, 0.5],
    })
    _, ax = plt.subplots()
    plot_actor_mentions(counts, n=2, ax=ax)
    # totals: Peskov 6, Austin 5, Scholz 1, Ryabkov 0.5 -> the top two, largest first
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Peskov", "Austin"]
    # outlet A's bars (Peskov, Austin), then B's (Peskov, Austin: none -> 0)
    assert [p.get_width() for p in ax.patches] == [2.0, 5.0, 4.0, 0.0]


def test_voices_and_verb_groups():
    voices = pd.DataFrame({"outlet": ["A", "B", "B"], "voice": ["Peskov", "Peskov", "Ryabkov"],
                           "quoted_words": [27, 118, 35]})
    _, ax = plt.subplots()
    plot_voices(voices, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Peskov", "Ryabkov"]
    assert [p.get_width() for p in ax.patches] == [27, 0, 118, 35]
    verbs = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
                          "verb_group": ["neutral", "doubting"] * 2, "share": [0.5, 0.5, 1, 0]})
    _, ax = plt.subplots()
    plot_verb_groups(verbs, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["neutral", "doubting"]
    assert [p.get_width() for p in ax.patches] == [0.5, 0.5, 1, 0]


def test_hue_groups_by_another_column():
    scores = pd.DataFrame({"leaning": ["left", "right"], "frame": ["conflict"] * 2,
                           "per_1000_words": [3.0, 5.0]})
    _, ax = plt.subplots()
    plot_frame_profile(scores, hue="leaning", ax=ax)
    assert [p.get_width() for p in ax.patches] == [3.0, 5.0]
    assert [to_hex(p.get_facecolor()) for p in ax.patches] == ["#0072b2", "#d55e00"]
    assert ax.get_legend().get_title().get_text() == "Leaning"
    sentences = pd.DataFrame({"leaning": ["left", "left", "right"], "compound": [0.2, 0.4, -0.1]})
    _, ax = plt.subplots()
    plot_tone_distribution(sentences, hue="leaning", ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["left", "right"]


def test_every_plot_function_is_decorated_where_it_is_defined():
    """Each ``plot_*`` def carries ``@_plot_function`` (mathtext off for its labels); none
    is rebound later, so what the source shows is what runs."""
    import ast
    import inspect

    from analysis import plotting

    tree = ast.parse(inspect.getsource(plotting))
    defs = {node.name: [d.id for d in node.decorator_list if isinstance(d, ast.Name)]
            for node in tree.body if isinstance(node, ast.FunctionDef)}
    names = [n for n in plotting.__all__ if n.startswith("plot_")]
    assert len(names) == 13
    assert {n: defs[n] for n in names} == {n: ["_plot_function"] for n in names}
    assert all(getattr(plotting, n).__wrapped__.__name__ == n for n in names)
    assert "globals()" not in inspect.getsource(plotting)


def test_a_dollar_sign_in_a_label_is_text():
    fig, ax = plt.subplots()
    stats = pd.DataFrame({"outlet": ["Money $x^{2$ News"], "n_words": [3]})
    plot_text_stats(stats, label="outlet", ax=ax)
    fig.canvas.draw()  # an unparsable formula would raise here
    labels = [t for t in ax.get_yticklabels() if t.get_text()]
    assert [t.get_text() for t in labels] == ["Money $x^{2$ News"]
    assert not labels[0].get_parse_math()


# --- what the issue asked of the charts ----------------------------------------------------


def _bars(ax):
    return [p for p in ax.patches if p.get_width() or p.get_height()]


def _legend_clear_of_data(ax):
    fig = ax.get_figure()
    fig.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    plot_area = ax.get_window_extent()
    assert not legend.overlaps(plot_area), "the legend sits on the plotting area"
    for artist in [*_bars(ax), *ax.lines]:
        assert not legend.overlaps(artist.get_window_extent()), f"legend over {artist}"
    for collection in ax.collections:  # dots: each point's position on the screen
        for x, y in ax.transData.transform(collection.get_offsets()):
            assert not legend.contains(x, y), "legend over a dot"


COVERAGE = pd.DataFrame({
    "outlet": ["A", "A", "A", "B", "B", "B", "B"],
    "status": ["shared", "shared", "unique", "shared", "unique", "unique", "unique"],
    "relation": ["verbatim", "verbatim", None, "verbatim", None, None, None],
})


def test_coverage_meaning_colours_are_not_outlet_colours_and_legend_has_no_empty_entry():
    _fig, ax = plt.subplots(figsize=(7.5, 3), layout="constrained")
    plot_coverage(COVERAGE, ax=ax)
    used = {to_hex(p.get_facecolor()) for p in _bars(ax)}
    assert not used & {c.lower() for c in OKABE_ITO}
    # no paraphrase in this table: no legend entry for it
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "shared word for word", "only in this outlet"]
    _legend_clear_of_data(ax)
    assert not {c.lower() for c in MEANING_COLORS.values()} & {c.lower() for c in OKABE_ITO}


def test_legends_never_cover_bars():
    corpus = load_corpus(SEED_EVENT)
    _fig, ax = plt.subplots(figsize=(7.5, 4), layout="constrained")
    plot_furniture(furniture_table(corpus), ax=ax)
    _legend_clear_of_data(ax)
    scores = pd.DataFrame({"outlet": ["A", "B", "A", "B"], "marker": ["hedge"] * 2 + ["loaded"] * 2,
                           "per_1000_words": [10.0, 30.0, 2.0, 9.0]})
    _fig, ax = plt.subplots(figsize=(7.5, 3.2), layout="constrained")
    plot_frame_profile(scores, kind="marker", ax=ax)
    _legend_clear_of_data(ax)


def test_tone_band_and_spread_are_explained():
    sentences = pd.DataFrame({"outlet": ["A", "A", "B"], "compound": [-0.5, 0.0, 0.6]})
    _fig, ax = plt.subplots(figsize=(7.5, 3), layout="constrained")
    plot_tone_distribution(sentences, ax=ax)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["neutral zone (-0.05 to 0.05)", "mean of the outlet"]
    assert any("only so that they do not hide" in t.get_text() for t in ax.texts)
    _legend_clear_of_data(ax)


def test_z_charts_say_how_many_pass():
    words = pd.DataFrame({"group": ["A", "B"], "other": ["B", "A"], "term": ["war", "peace"],
                          "z": [1.2, 0.8]})
    _, ax = plt.subplots()
    plot_distinctive_words(words, ax=ax)
    assert "none of 2 words passes |z| ≥ 1.96" in ax.get_title()
    _, ax = plt.subplots()
    plot_distinctive_words(words, group="A", ax=ax)
    assert "none of 1 words passes" in ax.get_title()
    _, ax = plt.subplots()
    plot_top_terms(words.rename(columns={"group": "outlet"}), outlet="A", value="z", ax=ax)
    assert "|z| ≥ 1.96" in ax.get_title()


def test_a_filtered_table_keeps_the_corpus_colours():
    corpus = from_texts({"A": "One two.", "B": "Three.", "C": "Four five six."})
    palette = outlet_palette(corpus)
    only_c = text_stats(corpus)[lambda t: t["outlet"] == "C"]
    _, ax = plt.subplots()
    plot_text_stats(only_c, palette=palette, ax=ax)
    assert to_hex(ax.patches[0].get_facecolor()) == palette["C"].lower()
    # the same through the table's attrs
    _, ax = plt.subplots()
    carried = only_c.copy()
    carried.attrs["palette"] = palette
    plot_text_stats(carried, ax=ax)
    assert to_hex(ax.patches[0].get_facecolor()) == palette["C"].lower()


@pytest.mark.parametrize("n", [2, 3, 4, 5, 8])
def test_headlines_do_not_overlap(n):
    titles = [
        "Pentagon chief Austin holds rare call with Russian counterpart amid fears of an "
        f"escalation over long-range missiles in Germany (version {i})" for i in range(n)
    ]
    table = pd.DataFrame({"outlet": [f"Made-up Outlet {i}" for i in range(n)], "title": titles})
    fig, ax = plt.subplots(figsize=(10, 4))
    plot_headlines(table, ax=ax)
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.texts]
    assert len(boxes) == 2 * n
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    assert min(t.get_fontsize() for t in ax.texts) >= 6


def test_the_dotted_z_bar_is_always_in_view():
    words = pd.DataFrame({"group": ["A", "B"], "other": ["B", "A"], "term": ["war", "peace"],
                          "z": [0.4, 0.3]})
    for group in (None, "A"):
        _, ax = plt.subplots()
        plot_distinctive_words(words, group=group, ax=ax)
        low, high = ax.get_xlim()
        assert high > 1.96 and (group or low < -1.96)


def test_plot_actor_tone_puts_counts_clear_of_bars_and_whiskers():
    from analysis.plotting import plot_actor_tone

    summary = pd.DataFrame({
        "outlet": ["A", "A"], "actor": ["Lee", "Kim"],
        "tone": [0.4, -0.3], "tone_low": [-0.1, -0.6], "tone_high": [0.8, 0.2],
        "n_mentions": [9, 3], "enough": [True, False]})
    fig, ax = plt.subplots()
    assert plot_actor_tone(summary, ax=ax) is ax
    notes = {t.get_text(): t for t in ax.texts}
    # a positive bar: its count left of zero and of the whisker's low end (-0.1)
    assert notes["n=9"].xy == (-0.1, 0.0) and notes["n=9"].get_ha() == "right"
    # a negative bar: right of zero and of the whisker's high end (0.2); too few: pale bar
    assert notes["n=3, too few"].xy == (0.2, 1.0) and notes["n=3, too few"].get_ha() == "left"
    assert [round(p.get_alpha(), 2) for p in ax.patches] == [1.0, 0.35]
    plt.close(fig)
