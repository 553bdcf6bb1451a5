"""Charts for the kit's tables. The only module that imports matplotlib's pyplot.

Every function follows seaborn's shape: the tidy table first, then keyword options, then
``ax=None``. It draws on ``ax`` (or the current Axes), returns it, never calls
``plt.show()`` and never creates a figure of its own; statistics are computed elsewhere.
An empty table gives an Axes that says "no data".

Colours: each outlet keeps one colour across every chart of a corpus, from the Okabe–Ito
palette, which stays distinguishable for the common forms of colour blindness and when
projected. Compute the palette once from the whole corpus (:func:`outlet_palette`) and pass
it as ``palette=`` to every chart: a table filtered to some outlets then keeps their colours.
(A table can also carry it as ``table.attrs["palette"]``.) Colours that carry a meaning
(shared or unique, negative or positive: :data:`MEANING_COLORS`) are never outlet colours.
Legends sit outside the plotting area, so they never cover data.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

import matplotlib
import matplotlib.colors
import matplotlib.pyplot as plt
import matplotlib.text
import matplotlib.ticker
import pandas as pd
from matplotlib.axes import Axes

from .errors import require_columns

__all__ = [
    "MEANING_COLORS",
    "OKABE_ITO",
    "Z_BAR",
    "no_data",
    "ordered",
    "outlet_colors",
    "outlet_palette",
    "plot_actor_mentions",
    "plot_actor_tone",
    "plot_coverage",
    "plot_distinctive_words",
    "plot_frame_profile",
    "plot_furniture",
    "plot_headlines",
    "plot_sentiment_arc",
    "plot_text_stats",
    "plot_tone_distribution",
    "plot_top_terms",
    "plot_verb_groups",
    "plot_voices",
]

#: Okabe & Ito (2008) colour-blind-safe palette, most distinct colours first.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
LEANING_COLORS = {"left": "#0072B2", "center": "#7F7F7F", "right": "#D55E00"}
#: Colours that mean something other than an outlet: greys for how much is shared, and a
#: magenta-green pair (ColorBrewer PiYG) for tone. None is an outlet colour.
MEANING_COLORS = {
    "verbatim": "#3B3B3B",
    "paraphrase": "#8F8F8F",
    "unique": "#D9D9D9",
    "negative": "#C51B7D",
    "positive": "#4D9221",
    "neutral": "#EEEEEE",
}
#: The usual bar for "not just chance" on a z-score.
Z_BAR = 1.96


def ordered(names: Iterable[object]) -> list[str]:
    """Outlet names in the order every chart uses: case-insensitive alphabetical, except
    that leaning labels go left, center, right.

    >>> ordered(["right", "left", "center"]), ordered(["b", "A"])
    (['left', 'center', 'right'], ['A', 'b'])
    """
    names = {str(n) for n in names}
    if names and names <= set(LEANING_COLORS):
        return [n for n in LEANING_COLORS if n in names]
    return sorted(names, key=lambda s: (s.casefold(), s))


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, the same for the same set of outlets whatever their order.

    Outlets are sorted case-insensitively and given palette colours in turn (cycling past
    eight). Leaning labels ("left", "center", "right") get fixed colours.

    >>> outlet_colors(["Shafaq News", "n-tv"])
    {'n-tv': '#0072B2', 'Shafaq News': '#E69F00'}
    """
    names = ordered(outlets)
    if names and set(names) <= set(LEANING_COLORS):
        return {n: LEANING_COLORS[n] for n in names}
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(names)}


def outlet_palette(corpus: pd.DataFrame, *, column: str = "outlet") -> dict[str, str]:
    """The palette of a whole corpus: compute it once and pass it to every chart.

    >>> from analysis import from_texts
    >>> palette = outlet_palette(from_texts({"B": "x", "A": "y", "C": "z"}))
    >>> palette == outlet_colors(["A", "B", "C"])
    True
    """
    require_columns(corpus, [column], "outlet_palette", hint="")
    return outlet_colors(corpus[column].dropna().unique())


def _colors(table: pd.DataFrame, palette: Mapping[str, str] | None,
            names: Iterable[str] | None = None) -> dict[str, str]:
    """``palette``, else the table's own (``attrs["palette"]``), with a colour for any name
    either lacks (computed from ``names``, the table's outlets by default)."""
    given = palette or table.attrs.get("palette") or {}
    names = list(names) if names is not None else list(table["outlet"].unique())
    missing = [n for n in names if n not in given]
    return {**outlet_colors(missing or names), **given} if missing else dict(given)


def _legend_outside(ax: Axes, **kwargs):
    """A legend to the right of the plotting area, so it never covers data."""
    kwargs = {"loc": "upper left", "bbox_to_anchor": (1.01, 1), "borderaxespad": 0,
              "frameon": True, "edgecolor": "none", "framealpha": 0, "borderpad": 0.9, **kwargs}
    return ax.legend(**kwargs)


def _axes(ax: Axes | None) -> Axes:
    return ax if ax is not None else plt.gca()


def no_data(ax: Axes, title: str) -> Axes:
    """Say "no data" on ``ax`` under ``title`` (what every chart draws for an empty table)."""
    return _no_data(ax, title)


def _no_data(ax: Axes, title: str) -> Axes:
    ax.set_title(title)
    ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _plot_function(plot):
    """Decorate every ``plot_*`` function: ``plot`` with matplotlib's mathtext off for its
    labels, so a "$" in an outlet's name, a word or a headline is a dollar sign, not the
    start of a formula (an unparsable one used to stop the chart, and with it the report)."""

    @functools.wraps(plot)
    def literal(*args, **kwargs):
        with matplotlib.rc_context({"text.parse_math": False}):
            ax = plot(*args, **kwargs)
        for text in ax.findobj(matplotlib.text.Text):
            text.set_parse_math(False)
        return ax

    return literal


@_plot_function
def plot_text_stats(
    stats: pd.DataFrame,
    *,
    x: str = "n_words",
    label: str = "outlet",
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of one size measure per article (from :func:`analysis.text_stats`).

    Parameters
    ----------
    stats : one row per article with ``outlet`` and the measure ``x``.
    x : the measure: ``n_words``, ``n_sentences``, ``mean_sentence_length`` or
        ``type_token_ratio``.
    label : the column naming each bar (several articles of one outlet get one bar each).
    """
    ax = _axes(ax)
    names = {
        "n_words": "Words",
        "n_sentences": "Sentences",
        "mean_sentence_length": "Words per sentence",
        "type_token_ratio": "Distinct words / words",
    }
    title = f"{names.get(x, x)} per article"
    if stats.empty:
        return _no_data(ax, title)
    require_columns(stats, ["outlet", x, label], "plot_text_stats", hint="")
    colors = _colors(stats, palette)
    data = stats.reset_index(drop=True)
    positions = range(len(data))
    ax.barh(list(positions), data[x], color=[colors[o] for o in data["outlet"]])
    ax.set_yticks(list(positions), data[label].astype(str))
    ax.invert_yaxis()
    for pos, value in zip(positions, data[x], strict=True):
        ax.annotate(f"{value:,.3g}" if isinstance(value, float) else f"{value:,}",
                    (value, pos), xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_xlabel(names.get(x, x))
    ax.set_title(title)
    ax.margins(x=0.15)
    return ax


@_plot_function
def plot_furniture(
    furniture: pd.DataFrame,
    *,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Lines removed by cleaning, per outlet and rule.

    Takes the table from :func:`analysis.cleaning.furniture_table`.

    One group of bars per rule, one bar per outlet.
    """
    ax = _axes(ax)
    title = "Page furniture removed before analysis"
    if furniture.empty:
        return _no_data(ax, title)
    require_columns(furniture, ["outlet", "rule"], "plot_furniture", hint="")
    counts = furniture.groupby(["rule", "outlet"]).size().unstack(fill_value=0)
    counts = counts[ordered(counts.columns)]
    colors = _colors(furniture, palette, counts.columns)
    width = 0.8 / len(counts.columns)
    for j, outlet in enumerate(counts.columns):
        xs = [i + (j - (len(counts.columns) - 1) / 2) * width for i in range(len(counts))]
        ax.bar(xs, counts[outlet], width=width, label=outlet, color=colors[outlet])
    ax.set_xticks(range(len(counts)), [r.replace("_", " ") for r in counts.index])
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # whole lines
    ax.set_ylabel("Lines removed")
    ax.set_title(title)
    _legend_outside(ax, title="Outlet")
    return ax


@_plot_function
def plot_top_terms(
    terms: pd.DataFrame,
    *,
    outlet: str,
    value: str = "count",
    n: int = 10,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The ``n`` highest-valued terms of one outlet as horizontal bars.

    ``terms`` has columns ``outlet, term`` and ``value`` (for example the counts from
    :func:`analysis.tokens.token_table` grouped by outlet and token, or the z-scores of
    distinctive words).
    """
    ax = _axes(ax)
    title = f"Most frequent words: {outlet}"
    require_columns(terms, ["outlet", "term", value], "plot_top_terms", hint="")
    rows = terms[terms["outlet"] == outlet].nlargest(n, value)
    if rows.empty:
        return _no_data(ax, title)
    color = _colors(terms, palette)[outlet]
    ax.barh(range(len(rows)), rows[value], color=color)
    ax.set_yticks(range(len(rows)), rows["term"])
    ax.invert_yaxis()
    ax.set_xlabel("Times used" if value == "count" else value)
    if value == "z":
        passing = int((terms.loc[terms["outlet"] == outlet, value].abs() >= Z_BAR).sum())
        title = f"{title}\n{_passing_note(passing, int((terms['outlet'] == outlet).sum()))}"
        ax.axvline(Z_BAR, color="#999999", linestyle=":", linewidth=0.8)
    ax.set_title(title)
    return ax


def _passing_note(passing: int, total: int) -> str:
    """How many of ``total`` z-scores reach the bar, in words."""
    if passing == 0:
        return f"none of {total:,} words passes |z| ≥ {Z_BAR} (dotted): leads, not findings"
    return f"{passing:,} of {total:,} words pass |z| ≥ {Z_BAR} (dotted)"


def _one_row_per(df: pd.DataFrame, keys: list[str], what: str, hint: str) -> None:
    if df.duplicated(keys).any():
        raise ValueError(
            f"{what} draws one value per {' and '.join(keys)}, but the table has several; {hint}"
        )


_TONE_NOTE = "VADER lexicon scores: a heuristic, read the sentences"


@_plot_function
def plot_sentiment_arc(
    arc: pd.DataFrame,
    *,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Tone over the course of each article (from :func:`analysis.sentiment.sentiment_arc`).

    One line per article (or per outlet, for ``by="outlet"`` arcs), x from the start (0) to
    the end (1) of the article, y the mean sentence compound (-1 to 1). Slices with no
    sentence are gaps.
    """
    ax = _axes(ax)
    title = "Tone through the article"
    if arc.empty:
        return _no_data(ax, title)
    require_columns(arc, ["outlet", "position", "mean_compound"], "plot_sentiment_arc", hint="")
    colors = _colors(arc, palette)
    key = "article_id" if "article_id" in arc.columns else "outlet"
    seen: set[str] = set()
    for _, line in arc.sort_values([key, "position"]).groupby(key, sort=False):
        outlet = line["outlet"].iloc[0]
        ax.plot(line["position"], line["mean_compound"], marker="o", color=colors[outlet],
                label=None if outlet in seen else outlet)
        seen.add(outlet)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-1, 1)
    ax.set_xticks([0, 0.5, 1], ["start", "middle", "end"])
    ax.set_ylabel("Mean sentence tone\n(negative < 0 < positive)")
    ax.set_title(title)
    _legend_outside(ax, title="Outlet")
    ax.annotate(_TONE_NOTE, (1, 0), xycoords="axes fraction", xytext=(0, -28),
                textcoords="offset points", ha="right", fontsize="small", color="#666666")
    return ax


@_plot_function
def plot_tone_distribution(
    sentences: pd.DataFrame,
    *,
    hue: str = "outlet",
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Every sentence's tone as a dot, one row per outlet, with the outlet's mean as a bar.

    Takes the one-row-per-sentence table of :func:`analysis.sentiment.sentence_sentiment`.
    ``hue`` names the column to group by (``"leaning"`` works when the table has it).
    Dots are spread vertically in a fixed pattern (not at random), so a redraw is identical;
    their height within a row means nothing. Shaded band: the neutral zone (-0.05 to 0.05).
    Both are explained in the chart's legend.
    """
    ax = _axes(ax)
    title = "Tone of each sentence"
    if sentences.empty:
        return _no_data(ax, title)
    require_columns(sentences, [hue, "compound"], "plot_tone_distribution", hint="")
    outlets = ordered(sentences[hue].unique())
    colors = _colors(sentences, palette, outlets)
    band = ax.axvspan(-0.05, 0.05, color=MEANING_COLORS["neutral"], zorder=0,
                      label="neutral zone (-0.05 to 0.05)")
    mean_line = None
    for row, outlet in enumerate(outlets):
        values = sentences.loc[sentences[hue] == outlet, "compound"].to_numpy()
        offsets = [((i * 0.618034) % 1 - 0.5) * 0.5 for i in range(len(values))]
        ax.scatter(values, [row + o for o in offsets], s=18, alpha=0.75, color=colors[outlet],
                   label=outlet)
        (mean_line,) = ax.plot([values.mean()] * 2, [row - 0.35, row + 0.35], color="black",
                               linewidth=2, label="mean of the outlet")
    ax.set_yticks(range(len(outlets)), outlets)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Sentence tone (VADER compound: -1 negative, +1 positive)")
    ax.set_title(title)
    _legend_outside(ax, handles=[band, mean_line], title="One dot = one sentence")
    ax.annotate("Dots are spread up and down only so that they do not hide each other.",
                (0, 0), xycoords="axes fraction", xytext=(0, -34), textcoords="offset points",
                fontsize="small", color="#666666", va="top")
    return ax


@_plot_function
def plot_frame_profile(
    scores: pd.DataFrame,
    *,
    value: str = "per_1000_words",
    kind: str = "frame",
    hue: str = "outlet",
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Frame (or marker) scores per outlet as grouped horizontal bars.

    Takes one row per outlet and frame: :func:`analysis.framing.outlet_frame_scores` (or
    ``outlet_marker_scores`` with ``kind="marker"``), or the per-article table when each
    outlet has one article.

    Parameters
    ----------
    value : ``per_1000_words`` (matches per 1,000 words) or ``sentence_share`` (share of
        sentences with at least one match).
    kind : the column naming the category: ``"frame"`` or ``"marker"``.
    hue : the column whose values get one bar each (``"leaning"`` for a table with one row
        per leaning and frame).
    """
    ax = _axes(ax)
    labels = {"per_1000_words": "Matches per 1,000 words",
              "sentence_share": "Share of sentences with a match"}
    title = "Frames: how often each outlet uses its words" if kind == "frame" else (
        "Language markers per outlet")
    if scores.empty:
        return _no_data(ax, title)
    require_columns(scores, [hue, kind, value], "plot_frame_profile", hint="")
    _one_row_per(scores, [hue, kind], "plot_frame_profile",
                 f"aggregate first with analysis.framing.outlet_{kind}_scores()")
    table = scores.pivot(index=kind, columns=hue, values=value)
    _grouped_barh(table, _colors(scores, palette, table.columns), ax)
    if hue != "outlet":
        ax.get_legend().set_title(hue.capitalize())
    ax.set_xlabel(labels.get(value, value))
    ax.set_title(title)
    return ax


@_plot_function
def plot_actor_tone(
    summary: pd.DataFrame,
    *,
    top: int = 10,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Tone toward each actor per outlet, with its interval and the mentions behind it.

    Takes :func:`analysis.actor_tone.actor_tone_summary` (one row per outlet and actor).
    Each bar is the mean tone toward the actor (-1 to 1, from the target-aware model), its
    whisker the bootstrap 95% interval, its label the number of mentions; bars resting on
    too few mentions are drawn pale and marked "too little evidence". The ``top`` actors
    with most mentions are shown.
    """
    ax = _axes(ax)
    title = "Tone toward each actor (target-aware model; heuristic)"
    if summary.empty:
        return _no_data(ax, title)
    require_columns(summary, ["outlet", "actor", "tone", "tone_low", "tone_high",
                              "n_mentions", "enough"], "plot_actor_tone", hint="")
    _one_row_per(summary, ["outlet", "actor"], "plot_actor_tone",
                 "make it with actor_tone_summary(by='outlet')")
    keep = summary.groupby("actor")["n_mentions"].sum().nlargest(top).index
    data = summary[summary["actor"].isin(keep)]
    actors = list(data.groupby("actor")["n_mentions"].sum().sort_values(
        ascending=False, kind="stable").index)
    outlets = ordered(data["outlet"].unique())
    colors = _colors(data, palette, outlets)
    height = 0.8 / len(outlets)
    for j, outlet in enumerate(outlets):
        part = data[data["outlet"] == outlet].set_index("actor")
        labelled = False
        for i, actor in enumerate(actors):
            if actor not in part.index:
                continue
            row = part.loc[actor]
            y = i + (j - (len(outlets) - 1) / 2) * height
            ax.barh(y, row["tone"], height=height, color=colors[outlet],
                    alpha=1.0 if row["enough"] else 0.35,
                    label=None if labelled else outlet)
            labelled = True
            if pd.notna(row["tone_low"]):
                ax.plot([row["tone_low"], row["tone_high"]], [y, y], color="#333333",
                        linewidth=1)
            note = f"n={int(row['n_mentions'])}" + ("" if row["enough"] else ", too few")
            # on the other side of zero from the bar, past the whisker's end there, so
            # that the count crosses neither
            low = row["tone_low"] if pd.notna(row["tone_low"]) else 0.0
            high = row["tone_high"] if pd.notna(row["tone_high"]) else 0.0
            left_side = row["tone"] > 0
            x = min(0.0, low) if left_side else max(0.0, high)
            ax.annotate(note, (x, y), xytext=(-4 if left_side else 4, 0),
                        textcoords="offset points", va="center",
                        ha="right" if left_side else "left", fontsize=7,
                        color="#333333")
    ax.set_yticks(range(len(actors)), actors)
    ax.invert_yaxis()
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("Mean tone toward the actor (-1 negative … 1 positive); whisker: 95% interval")
    ax.set_title(title)
    _legend_outside(ax, title="Outlet")
    return ax


def _grouped_barh(table: pd.DataFrame, colors: Mapping[str, str], ax: Axes) -> None:
    """Draw ``table`` (categories as rows, outlets as columns) as grouped horizontal bars,
    first row at the top, outlets in the palette's order, with a legend."""
    table = table[ordered(table.columns)].fillna(0)
    height = 0.8 / len(table.columns)
    for j, outlet in enumerate(table.columns):
        ys = [i + (j - (len(table.columns) - 1) / 2) * height for i in range(len(table))]
        ax.barh(ys, table[outlet], height=height, color=colors[outlet], label=outlet)
    ax.set_yticks(range(len(table)), [str(i).replace("_", " ") for i in table.index])
    ax.invert_yaxis()
    _legend_outside(ax, title="Outlet")


def _top_categories(df: pd.DataFrame, category: str, value: str, n: int) -> pd.DataFrame:
    """Categories × outlets of ``value``, keeping the ``n`` categories largest in total."""
    table = df.pivot_table(index=category, columns="outlet", values=value, aggfunc="sum")
    order = table.fillna(0).sum(axis=1).sort_values(ascending=False, kind="stable")
    return table.loc[order.index[:n]]


@_plot_function
def plot_actor_mentions(
    counts: pd.DataFrame,
    *,
    value: str = "per_1000_words",
    n: int = 10,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Who is in the story: the ``n`` most mentioned actors, one bar per outlet.

    Takes :func:`analysis.actors.actors_by_outlet` (one row per outlet and actor).
    ``value``: ``per_1000_words`` (mentions per 1,000 words, fair between long and short
    reports) or ``n_mentions``.
    """
    ax = _axes(ax)
    title = "Who is mentioned"
    if counts.empty:
        return _no_data(ax, title)
    require_columns(counts, ["outlet", "actor", value], "plot_actor_mentions", hint="")
    _one_row_per(counts, ["outlet", "actor"], "plot_actor_mentions",
                 "use analysis.actors.actors_by_outlet()")
    table = _top_categories(counts, "actor", value, n)
    _grouped_barh(table, _colors(counts, palette), ax)
    ax.set_xlabel({"per_1000_words": "Mentions per 1,000 words",
                   "n_mentions": "Mentions"}.get(value, value))
    ax.set_title(title)
    return ax


@_plot_function
def plot_voices(
    voices: pd.DataFrame,
    *,
    value: str = "quoted_words",
    n: int = 8,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Who gets to speak: quoted words (or quotes) per speaker, one bar per outlet.

    Takes :func:`analysis.quotes.voice_table`. ``value``: ``quoted_words``, ``n_quotes`` or
    ``word_share`` (the speaker's share of the outlet's quoted words).
    """
    ax = _axes(ax)
    title = "Who gets to speak"
    if voices.empty:
        return _no_data(ax, title)
    require_columns(voices, ["outlet", "voice", value], "plot_voices", hint="")
    table = _top_categories(voices, "voice", value, n)
    _grouped_barh(table, _colors(voices, palette), ax)
    ax.set_xlabel({"quoted_words": "Words quoted or reported", "n_quotes": "Quotes",
                   "word_share": "Share of the outlet's quoted words"}.get(value, value))
    ax.set_title(title)
    return ax


@_plot_function
def plot_verb_groups(
    verbs: pd.DataFrame,
    *,
    value: str = "share",
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """How speech is introduced: attribution-verb groups per outlet.

    Takes :func:`analysis.quotes.verb_table` (columns ``outlet, verb_group, share``): neutral
    ("said"), emphatic ("stressed"), doubting ("claimed"), confrontational ("warned"),
    conceding ("admitted").
    """
    ax = _axes(ax)
    title = "Verbs that introduce speech"
    if verbs.empty:
        return _no_data(ax, title)
    require_columns(verbs, ["outlet", "verb_group", value], "plot_verb_groups", hint="")
    _one_row_per(verbs, ["outlet", "verb_group"], "plot_verb_groups",
                 "use analysis.quotes.verb_table()")
    table = verbs.pivot(index="verb_group", columns="outlet", values=value)
    table = table.loc[list(dict.fromkeys(verbs["verb_group"]))]  # keep the table's order
    _grouped_barh(table, _colors(verbs, palette), ax)
    ax.set_xlabel("Share of the outlet's quotes" if value == "share" else value)
    ax.set_title(title)
    return ax


@_plot_function
def plot_distinctive_words(
    words: pd.DataFrame,
    *,
    group: str | None = None,
    n: int = 12,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Words that set one outlet apart (Fightin' Words, Monroe et al. 2008).

    Takes :func:`analysis.comparison.distinctive_words` (columns ``group, other, term, z``).
    With two groups, a diverging chart: the first group's ``n`` most distinctive words to
    the left of zero, the second's to the right (groups in the order of :func:`ordered`, and
    the title names them in that order), bar length the z-score. With ``group`` given (or
    more than two groups), that group's ``n`` most distinctive words against ``other``.
    Only words with a positive z for their group are drawn; dotted lines mark |z| = 1.96,
    and the title says how many words of the table reach it.
    """
    ax = _axes(ax)
    if words.empty:
        return _no_data(ax, "Distinctive words")
    require_columns(words, ["group", "other", "term", "z"], "plot_distinctive_words", hint="")
    groups = ordered(words["group"].unique())
    colors = _colors(words, palette, groups)
    if group is None and len(groups) != 2:
        raise ValueError(
            f"{len(groups)} groups ({', '.join(map(str, groups))}): pass group=... to draw one "
            "of them, or compare two"
        )
    if group is not None and group not in groups:
        raise ValueError(f"group {group!r} is not in the table; it has {groups}")
    sides = [group] if group is not None else groups
    signs = (1,) if group is not None else (-1, 1)
    bars = []
    for side, sign in zip(sides, signs, strict=True):
        rows = words[(words["group"] == side) & (words["z"] > 0)].nlargest(n, "z")
        bars += [(term, sign * z, side) for term, z in zip(rows["term"], rows["z"], strict=True)]
    if not bars:
        return _no_data(ax, "Distinctive words")
    bars.sort(key=lambda b: b[1])
    ys = range(len(bars))
    ax.barh(list(ys), [b[1] for b in bars], color=[colors[b[2]] for b in bars])
    ax.set_yticks(list(ys), [b[0] for b in bars])
    ax.axvline(0, color="black", linewidth=0.8)
    for limit in (Z_BAR, -Z_BAR) if len(sides) == 2 else (Z_BAR,):
        ax.axvline(limit, color="#999999", linestyle=":", linewidth=0.8)
    mine = words[words["group"].isin(sides)]
    compared = mine["term"].nunique()
    passing = mine.loc[mine["z"] >= Z_BAR, "term"].nunique()
    note = _passing_note(passing, compared)
    other = words.loc[words["group"] == sides[0], "other"].iloc[0]
    if len(sides) == 2:
        ax.set_title(f"Words that set {sides[0]} (left) and {sides[1]} (right) apart\n{note}")
        ax.set_xlabel(f"← more {sides[0]}     z-score of the log-odds ratio     "
                      f"more {sides[1]} →")
        # wide enough to show the dotted bar, so the reader sees how far the words are
        reach = max(max(abs(b[1]) for b in bars), Z_BAR) * 1.1
        ax.set_xlim(-reach, reach)
    else:
        other = "the others" if other == "rest" else other
        ax.set_title(f"Words that set {sides[0]} apart from {other}\n{note}")
        ax.set_xlabel("z-score of the log-odds ratio")
        ax.set_xlim(0, max(max(b[1] for b in bars), Z_BAR) * 1.1)
    return ax


_COVERAGE_KINDS = {"verbatim": "shared word for word", "paraphrase": "shared, other words",
                   "unique": "only in this outlet"}


@_plot_function
def plot_coverage(
    coverage: pd.DataFrame,
    *,
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """How much of each outlet's report others carry too (from ``comparison.coverage``).

    One bar per outlet, split into sentences shared near word for word (``verbatim``: wire
    copy or republished text), shared in other words (``paraphrase``) and found in no other
    outlet (``unique``), in greys (:data:`MEANING_COLORS`, never an outlet's colour); the
    outlet's own colour marks its name. Only the kinds that occur are in the legend.
    """
    ax = _axes(ax)
    title = "What each outlet shares with the others"
    if coverage.empty:
        return _no_data(ax, title)
    require_columns(coverage, ["outlet", "status", "relation"], "plot_coverage", hint="")
    kind = coverage["relation"].where(coverage["status"] == "shared", "unique").fillna("unique")
    counts = (
        coverage.assign(kind=kind).groupby(["outlet", "kind"]).size().unstack(fill_value=0)
        .reindex(columns=list(_COVERAGE_KINDS), fill_value=0)
    )
    counts = counts.loc[ordered(counts.index)]
    left = [0] * len(counts)
    for kind_name, label in _COVERAGE_KINDS.items():
        values = counts[kind_name].tolist()
        ax.barh(range(len(counts)), values, left=left, color=MEANING_COLORS[kind_name],
                edgecolor="#555555", linewidth=0.5,
                label=label if sum(values) else "_nolegend_")
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(range(len(counts)), counts.index)
    colors = _colors(coverage, palette, counts.index)
    for tick, outlet in zip(ax.get_yticklabels(), counts.index, strict=True):
        tick.set_color(colors[outlet])
        tick.set_fontweight("bold")
    ax.invert_yaxis()
    ax.set_xlabel("Sentences")
    ax.set_title(title)
    _legend_outside(ax)
    return ax


@_plot_function
def plot_headlines(
    headlines: pd.DataFrame,
    *,
    palette: Mapping[str, str] | None = None,
    width: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The outlets' headlines side by side, each under its outlet's name and colour.

    Takes :func:`analysis.comparison.headlines` (columns ``outlet, title``). Up to three
    outlets share one row; more go in rows of up to four. Headlines are wrapped to their
    column (``width`` characters, by default what fits) and the type is made smaller until
    no two texts overlap, so 2 to 8 outlets stay readable on a chart of ordinary size.
    """
    import textwrap

    ax = _axes(ax)
    if headlines.empty:
        return _no_data(ax, "Headlines")
    require_columns(headlines, ["outlet", "title"], "plot_headlines", hint="")
    rows = headlines.sort_values("outlet", key=lambda s: s.str.casefold()).reset_index(drop=True)
    colors = _colors(rows, palette)
    ax.set_axis_off()
    ax.set_title("Headlines")
    n = len(rows)
    ncols = n if n <= 3 else 4 if n > 6 else -(-n // 2)
    nrows = -(-n // ncols)
    figure = ax.get_figure()
    box = ax.get_position()
    column_inches = box.width * figure.get_figwidth() / ncols
    for size in (12, 11, 10, 9, 8, 7, 6):
        for text in list(ax.texts):
            text.remove()
        chars = width or max(12, int(column_inches * 72 / (size * 0.55)) - 2)
        texts = []
        for i, row in rows.iterrows():
            x = (i % ncols + 0.5) / ncols
            top = 1 - (i // ncols) / nrows
            color = colors[row["outlet"]]
            texts.append(ax.text(x, top, row["outlet"], ha="center", va="top",
                                 fontweight="bold", fontsize=size, color=_ink(color),
                                 bbox={"facecolor": color, "edgecolor": "none", "pad": 1.5},
                                 transform=ax.transAxes))
            texts.append(ax.annotate(
                textwrap.fill(row["title"] or "(no headline)", chars), (x, top),
                xycoords="axes fraction", xytext=(0, -1.8 * size), textcoords="offset points",
                ha="center", va="top", fontsize=size))
        if not _texts_overlap(texts, ax):
            break
    return ax


def _ink(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = matplotlib.colors.to_rgb(background)
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "white"


def _texts_overlap(texts: list[matplotlib.text.Text], ax: Axes) -> bool:
    """Whether any two texts overlap, or one leaves the Axes' area (in display units)."""
    boxes = [t.get_window_extent() for t in texts]
    area = ax.get_window_extent().expanded(1.02, 1.02)
    if any(b.y0 < area.y0 or b.x0 < area.x0 or b.x1 > area.x1 for b in boxes):
        return True
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
