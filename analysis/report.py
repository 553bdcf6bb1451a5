"""The main job: compare the outlets of one event and write charts, tables and a report.

:func:`compare_event` loads an event, cleans it (reporting what cleaning removed), runs
every comparison the kit has, and writes into an output folder:

* one PNG per chart and one CSV per table;
* ``report.html``: a single self-contained page (charts embedded) with the headlines side
  by side, every chart and table, and the caveats a reader needs.

The report is a list of *sections* (:data:`SECTIONS`); each is a function that takes the
:class:`Context` and returns a :class:`Section` (heading, explanation, figures, tables).
Adding a view to the report means adding one function to that list.

Command line: ``python -m analysis compare PATH --out DIR``.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import plotting
from .cleaning import clean_corpus, furniture_table
from .loading import load_corpus, read_event
from .outputs import render_table, write_bytes, write_text
from .tokens import count_words, text_stats, token_table

__all__ = ["SECTIONS", "Context", "Section", "compare_event"]


@dataclass
class Context:
    """What every section may use: the corpus as stored and as cleaned, and outlet colours."""

    raw: pd.DataFrame
    corpus: pd.DataFrame
    event: dict
    palette: dict[str, str]

    @functools.cached_property
    def actor_list(self):
        """The actor lists under ``data/actors/`` that apply to this event."""
        from .actors import load_actors

        return load_actors(event=str(self.corpus["event"].iloc[0]))


@dataclass
class Section:
    """One part of the report. ``figures`` and ``tables`` are written under their names."""

    heading: str
    text: str
    figures: dict[str, Figure] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def _figure(width: float = 7.5, height: float = 3.8) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


# --- sections -----------------------------------------------------------------------------


def section_articles(ctx: Context) -> Section:
    stats = text_stats(ctx.corpus)
    fig, ax = _figure(7.5, 1.2 + 0.5 * len(stats))
    plotting.plot_text_stats(stats, palette=ctx.palette, ax=ax)
    return Section(
        "The articles",
        "Length after cleaning. Longer is not better: a short wire report and a long feature "
        "can cover the same event. The type-token ratio (distinct words / words) falls as "
        "texts get longer, so compare it only between texts of similar length.",
        figures={"article_length": fig},
        tables={"text_stats": stats},
    )


def section_cleaning(ctx: Context) -> Section:
    table = furniture_table(ctx.raw)
    fig, ax = _figure()
    plotting.plot_furniture(table, palette=ctx.palette, ax=ax)
    return Section(
        "What cleaning removed",
        "Lines that are page furniture, not article: navigation, captions repeated as alt "
        "text, the headline repeated in the body, summaries appended after the article. "
        "Every later number is computed on the cleaned text; the stored files are unchanged. "
        "Each removed line is listed with the rule that removed it, so you can disagree.",
        figures={"furniture": fig} if not table.empty else {},
        tables={"furniture": table[["outlet", "line", "rule", "text", "reason"]]},
    )


def section_top_words(ctx: Context) -> Section:
    tokens = token_table(ctx.corpus, lower=True, possessive="strip", stopwords="english")
    tokens = tokens[tokens["token"].str.contains(r"[^\W\d_]", regex=True)]
    counts = (
        tokens.groupby(["outlet", "token"]).size().rename("count").reset_index()
        .rename(columns={"token": "term"})
        .sort_values(["outlet", "count", "term"], ascending=[True, False, True])
    )
    outlets = sorted(counts["outlet"].unique(), key=str.casefold)
    fig = Figure(figsize=(4 * max(len(outlets), 1), 4.2), layout="constrained")
    axes = fig.subplots(1, max(len(outlets), 1), squeeze=False)[0]
    for ax, outlet in zip(axes, outlets, strict=False):
        plotting.plot_top_terms(counts, outlet=outlet, palette=ctx.palette, ax=ax)
    return Section(
        "Most frequent words",
        "Content words (stopwords removed, possessive 's dropped) each outlet uses most. "
        "Raw counts favour long articles; the distinctive-words view corrects for that.",
        figures={"top_words": fig},
        tables={"top_words": counts.groupby("outlet").head(15).reset_index(drop=True)},
    )


def section_actors(ctx: Context) -> Section:
    from . import actors

    by_outlet = actors.actors_by_outlet(ctx.corpus, ctx.actor_list)
    fig, ax = _figure(7.5, 5.5)
    plotting.plot_actor_mentions(by_outlet, palette=ctx.palette, ax=ax)
    return Section(
        "Who is mentioned, and how they are named",
        "Mentions of the people, institutions and places in the event's actor list "
        "(data/actors/), found by their names, aliases and titles: 'Putin's spokesman' and "
        "'Peskov' both count for Dmitry Peskov. Per 1,000 words, so a long and a short "
        "report compare fairly. The naming table shows the words each outlet uses for each "
        "actor. Actors missing from the list are not counted: 'python -m analysis discover' "
        "proposes candidates.",
        figures={"actors": fig},
        tables={
            "actors": by_outlet,
            "actor_labels": actors.label_table(ctx.corpus, ctx.actor_list),
        },
    )


def section_voices(ctx: Context) -> Section:
    from . import quotes

    quote_rows = quotes.quote_table(ctx.corpus, actors=ctx.actor_list)
    voices = quotes.voice_table(quote_rows)
    verbs = quotes.verb_table(quote_rows)
    fig, ax = _figure(7.5, 5)
    plotting.plot_voices(voices, palette=ctx.palette, ax=ax)
    verb_fig, verb_ax = _figure(7.5, 3.5)
    plotting.plot_verb_groups(verbs, palette=ctx.palette, ax=verb_ax)
    return Section(
        "Who gets to speak, and with which verbs",
        "Direct quotes and reported speech ('X said that', 'according to X'), each with its "
        "speaker and the verb that introduces it. The verb groups (data/lexicons/"
        "attribution_verbs.yml) say what a verb signals: 'said' is neutral, 'claimed' casts "
        "doubt, 'warned' is confrontational. Found by patterns, so check the quote table.",
        figures={"voices": fig, "verb_groups": verb_fig},
        tables={
            "voices": voices,
            "verb_groups": verbs,
            "quotes": quote_rows[["outlet", "kind", "speaker", "actor", "verb", "verb_group",
                                  "quote"]],
        },
    )


def section_tone(ctx: Context) -> Section:
    from . import sentiment

    sentences = sentiment.sentence_sentiment(ctx.corpus)
    arc_fig, arc_ax = _figure()
    plotting.plot_sentiment_arc(sentiment.sentiment_arc(sentences), palette=ctx.palette,
                                ax=arc_ax)
    dots_fig, dots_ax = _figure(7.5, 1.5 + 1.2 * ctx.corpus["outlet"].nunique())
    plotting.plot_tone_distribution(sentences, palette=ctx.palette, ax=dots_ax)
    evidence = sentiment.sentiment_evidence(ctx.corpus)
    return Section(
        "Tone",
        "Each sentence scored with NLTK's VADER: a lexicon of words rated by people for how "
        "positive or negative they feel, plus rules for negation and emphasis. It was built "
        "for social media, not news: words that name the topic itself (war, threat, conflict) "
        "read as negative whoever uses them. Read the most negative and positive sentences "
        "and the words that drove them before drawing conclusions.",
        figures={"tone_arc": arc_fig, "tone_sentences": dots_fig},
        tables={
            "tone_by_article": sentiment.article_sentiment(sentences),
            "tone_sentences": sentences.drop(columns=["start", "end"]),
            "tone_evidence": evidence,
        },
    )


def section_frames(ctx: Context) -> Section:
    from . import framing

    frames = framing.frame_scores(ctx.corpus)
    markers = framing.marker_scores(ctx.corpus)
    fig, ax = _figure(7.5, 5)
    plotting.plot_frame_profile(framing.outlet_frame_scores(frames), palette=ctx.palette, ax=ax)
    marker_fig, marker_ax = _figure(7.5, 3.2)
    plotting.plot_frame_profile(framing.outlet_marker_scores(markers), kind="marker",
                                palette=ctx.palette, ax=marker_ax)
    return Section(
        "Frames and language markers",
        "How often each outlet uses the indicator words of each frame (the five generic news "
        "frames of Semetko and Valkenburg, 2000, and four frames for security news), and of "
        "hedges, intensifiers, loaded words and certainty words. The word lists are "
        "heuristics written for this kit (data/lexicons/); a frame is an argument, not a "
        "word count, so read the matched sentences.",
        figures={"frames": fig, "markers": marker_fig},
        tables={
            "frames": frames[["outlet", "frame", "n_matches", "per_1000_words",
                              "sentence_share", "terms"]],
            "frame_evidence": framing.frame_evidence(ctx.corpus),
            "markers": markers[["outlet", "marker", "n_matches", "per_1000_words", "terms"]],
        },
    )


def _needs_two_outlets(ctx: Context, heading: str) -> Section | None:
    if ctx.corpus["outlet"].nunique() < 2:
        return Section(heading, "This comparison needs articles from at least two outlets.")
    return None


def section_distinctive(ctx: Context) -> Section:
    from . import comparison

    heading = "Words that set each outlet apart"
    if (skip := _needs_two_outlets(ctx, heading)) is not None:
        return skip
    words = comparison.distinctive_words(ctx.corpus, stopwords="english", min_count=3)
    outlets = sorted(ctx.corpus["outlet"].unique(), key=lambda o: (o.casefold(), o))
    figures = {}
    if len(outlets) == 2:
        fig, ax = _figure(7.5, 5.5)
        plotting.plot_distinctive_words(words, palette=ctx.palette, ax=ax)
        figures["distinctive_words"] = fig
    else:
        for i, outlet in enumerate(outlets):
            fig, ax = _figure(7.5, 4)
            plotting.plot_distinctive_words(words, group=outlet, palette=ctx.palette, ax=ax)
            figures[f"distinctive_words_{i + 1}"] = fig
    return Section(
        heading,
        "Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi and Quinn "
        "2008): how much more one outlet uses a word than the others, allowing for how "
        "common the word is. Stopwords are left out and a word must occur at least 3 times. "
        "|z| above 1.96 is the usual bar for 'not just chance'; on two short articles few "
        "words pass it, so read the bars as leads, not findings.",
        figures=figures,
        tables={"distinctive_words": words},
    )


def section_coverage(ctx: Context) -> Section:
    from . import comparison

    heading = "What one outlet reports and another leaves out"
    if (skip := _needs_two_outlets(ctx, heading)) is not None:
        return skip
    tables = comparison.comparison_tables(ctx.corpus)
    fig, ax = _figure(7.5, 1.5 + 0.8 * ctx.corpus["outlet"].nunique())
    plotting.plot_coverage(tables["coverage"], ax=ax)
    return Section(
        heading,
        "Sentences aligned across outlets by word overlap. A sentence is 'shared' when "
        "another outlet has a sentence similar enough, 'word for word' when most of it is "
        "identical (republished wire copy), and 'only in this outlet' otherwise. Similarity "
        "of words is not sameness of meaning: check the pairs.",
        figures={"coverage": fig},
        tables={
            "coverage_pairs": tables["pairs"],
            "coverage_gaps": tables["gaps"],
            "verbatim_share": tables["verbatim_share"],
        },
    )


#: The report's sections, in order.
SECTIONS: list[Callable[[Context], Section | None]] = [
    section_articles,
    section_cleaning,
    section_top_words,
    section_actors,
    section_voices,
    section_tone,
    section_frames,
    section_distinctive,
    section_coverage,
]


# --- output -------------------------------------------------------------------------------


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


def _headlines_html(corpus: pd.DataFrame, palette: dict[str, str]) -> str:
    cells = []
    for row in corpus.itertuples():
        date = row.date.date().isoformat() if pd.notna(row.date) else ""
        cells.append(
            f'<div class="headline" style="border-top:6px solid {palette[row.outlet]}">'
            f"<div class=outlet>{html.escape(row.outlet)}</div>"
            f"<div class=title>{html.escape(row.title or '(no headline)')}</div>"
            f"<div class=meta>{html.escape(date)} · {count_words(row.text):,} words</div></div>"
        )
    return f'<div class="headlines">{"".join(cells)}</div>'


_CSS = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}
h1{font-size:1.7em}h2{margin-top:2em;border-bottom:1px solid #ddd}
.headlines{display:flex;gap:1em;flex-wrap:wrap}.headline{flex:1 1 250px;padding:.6em;
background:#f7f7f7}.outlet{font-weight:bold}.title{font-size:1.15em;margin:.3em 0}
.meta{color:#666;font-size:.9em}img{max-width:100%}table{border-collapse:collapse;
font-size:.85em;margin:1em 0}td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top}
.caveat{background:#fff7e0;padding:.6em 1em;border-left:4px solid #E69F00}
"""


def _report_html(ctx: Context, sections: list[Section], pngs: dict[str, bytes]) -> str:
    event = ctx.event
    parts = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        f"<title>{html.escape(event['title'])}: Outlet Lens report</title>",
        f"<style>{_CSS}</style><body>",
        f"<h1>{html.escape(event['title'])}</h1>",
        f"<p>{html.escape(event.get('description') or '')}</p>",
        _headlines_html(ctx.corpus, ctx.palette),
        '<p class="caveat">Every number here was computed by simple, inspectable rules: word '
        "lists, lexicons and patterns. They are heuristics that point you at passages worth "
        "reading; the tables name the words and lines behind each number, so check them.</p>",
    ]
    for section in sections:
        parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        parts.append(f"<p>{html.escape(section.text)}</p>")
        for name in section.figures:
            data = base64.b64encode(pngs[name]).decode("ascii")
            parts.append(f'<img alt="{html.escape(section.heading)}" '
                         f'src="data:image/png;base64,{data}">')
        for table in section.tables.values():
            parts.append(table.head(40).to_html(index=False, escape=True, border=0,
                                                na_rep="", float_format=lambda v: f"{v:.3g}"))
    generated = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    parts.append(f"<p class=meta>Made with Outlet Lens on {generated} from "
                 f"{len(ctx.corpus)} articles.</p></body></html>")
    return "\n".join(parts)


def compare_event(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    clean: bool = True,
    force: bool = False,
) -> list[Path]:
    """Compare the outlets of an event and write charts, tables and ``report.html`` to ``out``.

    Parameters
    ----------
    path : an event folder (or anything :func:`analysis.load_corpus` reads).
    out : the output folder; created if needed. Files the kit wrote there before are
        replaced; any other existing file is left alone unless ``force``.
    clean : remove page furniture first (see :mod:`analysis.cleaning`).

    Returns
    -------
    list of Path
        Every file written, report last.
    """
    ctx = _context(path, clean=clean)
    sections = [s for s in (make(ctx) for make in SECTIONS) if s is not None]
    out = Path(out)
    written: list[Path] = []
    pngs: dict[str, bytes] = {}
    for section in sections:
        for name, fig in section.figures.items():
            pngs[name] = _png(fig)
            written.append(write_bytes(out / f"{name}.png", pngs[name], force=force))
        for name, table in section.tables.items():
            written.append(write_bytes(out / f"{name}.csv", render_table(table, "csv"),
                                       force=force))
    written.append(write_text(out / "report.html", _report_html(ctx, sections, pngs),
                              force=force))
    return written


#: ``python -m analysis chart VIEW``: the section that draws each view, and the figure's name.
CHARTS: dict[str, tuple[Callable[[Context], Section | None], str]] = {
    "length": (section_articles, "article_length"),
    "furniture": (section_cleaning, "furniture"),
    "top-words": (section_top_words, "top_words"),
    "actors": (section_actors, "actors"),
    "voices": (section_voices, "voices"),
    "verbs": (section_voices, "verb_groups"),
    "tone-arc": (section_tone, "tone_arc"),
    "tone": (section_tone, "tone_sentences"),
    "frames": (section_frames, "frames"),
    "markers": (section_frames, "markers"),
    "distinctive": (section_distinctive, "distinctive_words"),
    "coverage": (section_coverage, "coverage"),
}


def _context(path: str | os.PathLike[str], *, clean: bool = True) -> Context:
    raw = load_corpus(path)
    corpus = clean_corpus(raw) if clean else raw
    path = Path(path)
    event = (
        read_event(path) if (path / "event.yml").is_file()
        else {"title": f"{raw['event'].iloc[0]}", "description": ""}
    )
    return Context(raw=raw, corpus=corpus, event=event,
                   palette=plotting.outlet_colors(raw["outlet"]))


def chart(
    view: str,
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    clean: bool = True,
    force: bool = False,
) -> Path:
    """Draw one view of the report for the articles at ``path`` and save it as a PNG (or
    SVG/PDF, by ``out``'s extension). ``view`` is one of :data:`CHARTS`."""
    if view not in CHARTS:
        raise ValueError(f"unknown chart {view!r}; choose one of {', '.join(CHARTS)}")
    make, name = CHARTS[view]
    section = make(_context(path, clean=clean))
    figure = section.figures.get(name) if section else None
    if figure is None:  # e.g. a comparison on one outlet, or several distinctive charts
        figure = next(iter(section.figures.values()), None) if section else None
    if figure is None:
        raise ValueError(f"nothing to draw for {view!r}: {section.text if section else ''}")
    fmt = Path(out).suffix.lower().lstrip(".") or "png"
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"{out}: save charts as .png, .svg or .pdf")
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=150)
    return write_bytes(out, buffer.getvalue(), force=force)
