"""The main job: compare the outlets of one event and write charts, tables and a report.

:func:`compare_event` loads an event, cleans it (reporting what cleaning removed), runs
every comparison the kit has, and writes into an output folder:

* one PNG per chart and one CSV per table;
* ``report.html``: a single self-contained page (charts embedded) with the headlines side
  by side, a table of contents, every chart, and the caveats a reader needs. Each table
  sits folded under its section (``<details>``) with a link to its CSV file; a long table
  shows its first rows (as many from each outlet) and says so. The page fits a 1280-pixel
  screen without sideways scrolling.

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
from .errors import CorpusError
from .loading import load_corpus, read_event
from .outputs import check_folder, render_table, write_bytes, write_folder
from .tokens import count_words, text_stats, token_table

__all__ = ["MAX_ROWS", "SECTIONS", "Context", "Section", "compare_event", "shorten", "table_rows"]


@dataclass
class Context:
    """What every section may use: the corpus as stored and as cleaned, and outlet colours."""

    raw: pd.DataFrame
    corpus: pd.DataFrame
    event: dict
    palette: dict[str, str]
    #: The ``actors`` option: an actor list or YAML path(s); None for the event's lists.
    actors: object = None
    #: The ``frames`` option: frame set names ("generic", "security", "policy") or YAML
    #: paths; None for the event's ``frames:`` in event.yml, else generic and security.
    frames: object = None

    @functools.cached_property
    def frame_sets(self) -> list | None:
        """The frame sets chosen (:attr:`frames`, else ``frames:`` in event.yml), as a
        list; None for the default sets."""
        chosen = self.frames if self.frames is not None else self.event.get("frames")
        if isinstance(chosen, str):
            chosen = [chosen]
        if self.frames is None and chosen is not None and not (
                isinstance(chosen, list) and all(isinstance(c, str) for c in chosen)):
            raise CorpusError("expected a list of frame sets (generic, security, policy) "
                              "or YAML files", file="event.yml", field="frames")
        return list(chosen) if chosen else None

    @functools.cached_property
    def frame_lexicon(self):
        """The frames the report counts (see :attr:`frame_sets`)."""
        from .framing import load_frames

        return load_frames(self.frame_sets)

    @property
    def frame_sets_text(self) -> str:
        """Which frame sets the report counts, in words."""
        if not self.frame_sets:
            return ("the five generic news frames of Semetko and Valkenburg, 2000, and four "
                    "frames for security news; for domestic policy news choose the policy "
                    "frames with --frames policy or 'frames: [policy]' in event.yml")
        described = {"generic": "the five generic news frames of Semetko and Valkenburg, 2000",
                     "security": "four frames for security news",
                     "policy": "the 14 issue frames of the Policy Frames Codebook (Boydstun "
                               "et al. 2014)"}
        return "; ".join(described.get(str(n), f"the frames of {n}") for n in self.frame_sets)

    @functools.cached_property
    def actor_list(self):
        """``actors``, or the lists under ``data/actors/`` that apply to this event, or
        (no list names the event) one proposed from its articles: see
        :func:`analysis.actors.event_actors`."""
        from .actors import event_actors

        return event_actors(self.corpus, actors=self.actors)


@dataclass
class Section:
    """One part of the report. ``figures`` and ``tables`` are written under their names.

    ``captions`` may say, per table name, what the table holds (shown in its fold); a new
    view (for example a target-aware tone model) is one more section builder in
    :data:`SECTIONS` returning one of these.
    """

    heading: str
    text: str
    figures: dict[str, Figure] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    captions: dict[str, str] = field(default_factory=dict)


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


_MONTH_ABBREVIATIONS = frozenset(m + "." for m in (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"))


def section_top_words(ctx: Context) -> Section:
    from .actors.lexicon import honorifics

    tokens = token_table(ctx.corpus, lower=True, possessive="strip", stopwords="english")
    # titles before names ("mr.", "sen.") are no content words: they topped outlets whose
    # house style writes "Mr. Trump"; nor are dates' month abbreviations ("aug." of a
    # diary's "Aug. 29:" headings)
    titles = {h + "." for h in honorifics()} | honorifics() | _MONTH_ABBREVIATIONS
    tokens = tokens[tokens["token"].str.contains(r"[^\W\d_]", regex=True)
                    & ~tokens["token"].isin(titles)]
    counts = (
        tokens.groupby(["outlet", "token"]).size().rename("count").reset_index()
        .rename(columns={"token": "term"})
        .sort_values(["outlet", "count", "term"], ascending=[True, False, True])
    )
    outlets = sorted(counts["outlet"].unique(), key=str.casefold)
    fig = Figure(figsize=(min(4 * max(len(outlets), 1), 12), 4.2), layout="constrained")
    # one x scale for every panel, so equal bars mean equal counts
    axes = fig.subplots(1, max(len(outlets), 1), squeeze=False, sharex=True)[0]
    for ax, outlet in zip(axes, outlets, strict=False):
        plotting.plot_top_terms(counts, outlet=outlet, palette=ctx.palette, ax=ax)
    return Section(
        "Most frequent words",
        "Content words (stopwords, titles such as Mr. and Sen. and abbreviated months "
        "removed, possessive 's dropped) each outlet uses most. "
        "Raw counts favour long articles; the distinctive-words view corrects for that.",
        figures={"top_words": fig},
        tables={"top_words": counts.groupby("outlet").head(15).reset_index(drop=True)},
    )


def section_actors(ctx: Context) -> Section:
    from . import actors

    by_outlet = actors.actors_by_outlet(ctx.corpus, actors=ctx.actor_list)
    fig, ax = _figure(7.5, 5.5)
    plotting.plot_actor_mentions(by_outlet, palette=ctx.palette, ax=ax)
    section = Section(
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
            "actor_labels": actors.label_table(ctx.corpus, actors=ctx.actor_list),
        },
    )
    if ctx.actor_list.proposed:  # no list names the event: say where the list came from
        section.text += (f" Note: the actors are {ctx.actor_list.origin}. Names missing "
                         "from the list are not counted.")
    return section


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
        "doubt, 'warned' is confrontational. What somebody is said to believe, fear or "
        "hope ('X believes the vote was rigged') is in the quote table as kind 'thought' "
        "but is no voice; so is an impression nobody is named for ('the talks seem to "
        "stall'), with no speaker. Found by patterns, so check the quote table.",
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


def section_actor_tone(ctx: Context) -> Section:
    from .actor_tone import MIN_MENTIONS, actor_tone_summary, mention_tone

    mentions = mention_tone(ctx.corpus, actors=ctx.actor_list)
    own = actor_tone_summary(mentions, voice="outlet")
    fig, ax = _figure(7.5, 1.8 + 0.45 * max(1, min(10, own["actor"].nunique())))
    plotting.plot_actor_tone(own, palette=ctx.palette, ax=ax)
    ax.set_title("Tone toward each actor, in the outlet's own words (heuristic model)")
    return Section(
        "Tone toward actors",
        "For every mention of a listed person or organisation, a small linear model reads "
        "the words around it and says whether the sentence is negative, neutral or positive "
        "toward that actor (not the sentence's overall mood: \"critics slammed X\" is "
        "negative toward X, \"X slammed critics\" is not). The chart shows the outlet's own "
        "words; mentions inside quotes and reported speech are the sources' view and are in "
        f"the tables (voice = quoted). Bars resting on fewer than {MIN_MENTIONS} mentions are "
        "pale: too little evidence. The model was trained and checked on news sentences "
        "annotated by people (NewsMTSC; macro-F1 about 0.68 to 0.71, where VADER scores "
        "0.51): it misreads irony, tone carried by facts rather than words, and sentences "
        "with several people. Each mention's top_features say which words moved it.",
        figures={"actor_tone": fig},
        tables={
            "actor_tone": actor_tone_summary(mentions),
            "actor_tone_own_words": own,
            "actor_tone_mentions": mentions,
        },
    )


def section_frames(ctx: Context) -> Section:
    from . import framing

    lexicon = ctx.frame_lexicon
    frames = framing.frame_scores(ctx.corpus, frames=lexicon, actors=ctx.actor_list)
    markers = framing.marker_scores(ctx.corpus, actors=ctx.actor_list)
    own_frames = framing.frame_scores(ctx.corpus, frames=lexicon, actors=ctx.actor_list,
                                      voice="outlet")
    own_markers = framing.marker_scores(ctx.corpus, actors=ctx.actor_list, voice="outlet")
    fig, ax = _figure(7.5, 5)
    plotting.plot_frame_profile(framing.outlet_frame_scores(own_frames), palette=ctx.palette,
                                ax=ax)
    ax.set_title("Frames in the outlet's own words (quotes left out)")
    marker_fig, marker_ax = _figure(7.5, 3.2)
    plotting.plot_frame_profile(framing.outlet_marker_scores(own_markers), kind="marker",
                                palette=ctx.palette, ax=marker_ax)
    marker_ax.set_title("Language markers in the outlet's own words (quotes left out)")
    return Section(
        "Frames and language markers",
        f"How often each outlet uses the indicator words of each frame ({ctx.frame_sets_text}"
        "), and of hedges, intensifiers, loaded words and certainty words. The charts count "
        "only the "
        "outlet's own words: an intensifier inside a spokesman's quote is his, not the "
        "outlet's (the tables have both). Names and titles are not counted (\"Defense\" in "
        "\"Defense Minister\"), nor a negated marker (\"not a hoax\"). The word lists are "
        "heuristics written for this kit; a frame is an argument, not a word count, so read "
        "the matched sentences.",
        figures={"frames": fig, "markers": marker_fig},
        tables={
            "frames": frames[["outlet", "frame", "n_matches", "per_1000_words",
                              "sentence_share", "terms", "note"]],
            "frames_own_words": own_frames[["outlet", "frame", "n_matches", "per_1000_words",
                                            "terms", "note"]],
            "frame_evidence": framing.frame_evidence(ctx.corpus, frames=lexicon,
                                                     actors=ctx.actor_list),
            "markers": markers[["outlet", "marker", "n_matches", "per_1000_words", "terms"]],
            "markers_own_words": own_markers[["outlet", "marker", "n_matches",
                                              "per_1000_words", "terms"]],
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
    passing = words.loc[words["z"] >= plotting.Z_BAR, "term"].nunique()
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
        "|z| above 1.96 is the usual bar for 'not just chance'; on short articles few "
        "words pass it, so read the bars as leads, not findings. Here "
        + (f"{passing} of {words['term'].nunique()} words pass it." if passing else
           f"none of the {words['term'].nunique()} words compared passes it."),
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
    plotting.plot_coverage(tables["coverage"], palette=ctx.palette, ax=ax)
    return Section(
        heading,
        "Sentences aligned across outlets by the words, names, numbers and quoted words "
        "they share: a small model, trained on sentences paired by hand, says whether "
        "another outlet's closest sentence reports the same thing. A sentence is 'shared' "
        "when one does, 'word for word' when most of it is identical (republished wire "
        "copy), and 'only in this outlet' otherwise. On news events it had not seen it was "
        "right about 83% of the time (three sets of four events labelled by hand: 0.83, "
        "0.81 and 0.85 of sentence pairs); it misses paraphrases with no rare words in common "
        "and takes the same names in a different statement for the same report: check "
        "the pairs (the table gives the words shared and the score).",
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
    section_actor_tone,
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
body{font-family:system-ui,sans-serif;max-width:1100px;margin:1.5em auto;padding:0 1em;
color:#222;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.headlines{display:flex;gap:1em;flex-wrap:wrap}.headline{flex:1 1 250px;padding:.6em;
background:#f7f7f7}.outlet{font-weight:bold}.title{font-size:1.15em;margin:.3em 0}
.meta{color:#666;font-size:.9em}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:.8em;
align-items:start}
.figures img{width:100%;max-width:720px;height:auto}
.figures img.wide{grid-column:1/-1;max-width:100%}
details{margin:.4em 0;border:1px solid #e3e3e3;border-radius:4px;padding:.2em .6em}
summary{cursor:pointer;font-weight:600}summary .meta{font-weight:normal}
.table-wrap{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;font-size:.82em;margin:.6em 0;width:100%;table-layout:auto}
td,th{border:1px solid #ddd;padding:.2em .45em;vertical-align:top;text-align:left;
max-width:34em}
.cut{font-size:.85em;color:#555;margin:.3em 0}
.caveat{background:#fff7e0;padding:.6em 1em;border-left:4px solid #999}
nav.toc{background:#f7f7f7;padding:.4em 1em;margin:1em 0;columns:2 22em}
nav.toc ol{margin:.2em 0}nav.toc li{break-inside:avoid}
@media print{details{border:none}details:not([open]) > *:not(summary){display:none}}
"""

#: Tables longer than this show their first rows in the report (all rows are in the CSV).
MAX_ROWS = 30
#: Longer cell texts are cut at a word boundary in the report (never in the CSV).
MAX_CELL = 240


def shorten(text: str, width: int) -> str:
    """``text`` cut at the last word boundary before ``width`` characters, with "…".

    >>> shorten("modern combat aircraft over the Baltic", 20)
    'modern combat…'
    >>> shorten("short", 20)
    'short'
    """
    text = str(text)
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rstrip().rfind(" ")
    return (cut[:space] if space > width // 3 else cut).rstrip(" ,;:.-") + "…"


def table_rows(table: pd.DataFrame, *, limit: int = MAX_ROWS) -> tuple[pd.DataFrame, str]:
    """The rows of ``table`` the report shows, and a note on what was left out ("" if none).

    A table with an ``outlet`` column keeps as many rows of each outlet (in table order), so
    a long table never shows one outlet only.

    >>> t = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5, "n": range(10)})
    >>> shown, note = table_rows(t, limit=4)
    >>> shown["outlet"].tolist(), note
    (['A', 'A', 'B', 'B'], 'first 4 of 10 rows (2 per outlet)')
    """
    if len(table) <= limit:
        return table, ""
    if "outlet" in table.columns and table["outlet"].nunique() > 1:
        per = max(1, limit // table["outlet"].nunique())
        shown = table.groupby("outlet", sort=False, group_keys=False).head(per)
        return shown, f"first {len(shown)} of {len(table)} rows ({per} per outlet)"
    return table.head(limit), f"first {limit} of {len(table)} rows"


def _table_html(name: str, table: pd.DataFrame, caption: str = "") -> str:
    """One table, folded: its name, size and CSV link in the summary; rows inside."""
    shown, note = table_rows(table)
    csv = f'<a href="{html.escape(name)}.csv">{html.escape(name)}.csv</a>'
    size = f"{len(table):,} row{'s' if len(table) != 1 else ''}"
    cut_note = (f'<p class="cut">Showing the {note}; every row is in {csv}, beside this '
                "report.</p>" if note else "")
    text_columns = [c for c in shown.columns if shown[c].dtype == object
                    or pd.api.types.is_string_dtype(shown[c])]
    shown = shown.assign(**{c: shown[c].map(lambda v: shorten(v, MAX_CELL)
                                            if isinstance(v, str) else v)
                            for c in text_columns})
    body = shown.to_html(index=False, escape=True, border=0, na_rep="",
                         float_format=lambda v: f"{v:.3g}")
    title = name.replace("_", " ")
    extra = f" {html.escape(caption)}" if caption else ""
    return (
        f"<details><summary>Table: {html.escape(title)} "
        f"<span class=meta>({size}{f', {len(shown)} shown' if note else ''}; {csv})</span>"
        f"</summary>{extra}{cut_note}<div class=table-wrap>{body}</div></details>"
    )


def _anchor(i: int, heading: str) -> str:
    return f"s{i}-" + "".join(c if c.isalnum() else "-" for c in heading.lower())[:40]


def _report_html(ctx: Context, sections: list[Section], pngs: dict[str, bytes]) -> str:
    event = ctx.event
    toc = "".join(f'<li><a href="#{_anchor(i, s.heading)}">{html.escape(s.heading)}</a></li>'
                  for i, s in enumerate(sections))
    parts = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(event['title'])}: Outlet Lens report</title>",
        f"<style>{_CSS}</style><body>",
        f"<h1>{html.escape(event['title'])}</h1>",
        f"<p>{html.escape(event.get('description') or '')}</p>",
        _headlines_html(ctx.corpus, ctx.palette),
        '<p class="caveat">Every number here was computed by simple, inspectable rules: word '
        "lists, lexicons and patterns. They are heuristics that point you at passages worth "
        "reading; the tables under each section (click to open) name the words and lines "
        "behind each number, so check them. Every chart and table is also a file beside this "
        "report (PNG and CSV).</p>",
        f'<nav class="toc"><b>Contents</b><ol>{toc}</ol></nav>',
    ]
    for i, section in enumerate(sections):
        parts.append(f'<h2 id="{_anchor(i, section.heading)}">{html.escape(section.heading)}'
                     "</h2>")
        parts.append(f"<p>{html.escape(section.text)}</p>")
        if section.figures:
            images = []
            for name, fig in section.figures.items():
                data = base64.b64encode(pngs[name]).decode("ascii")
                wide = " class=wide" if fig.get_figwidth() > 8 else ""
                images.append(f'<img{wide} alt="{html.escape(section.heading)}: '
                              f'{html.escape(name.replace("_", " "))}" '
                              f'src="data:image/png;base64,{data}">')
            parts.append(f'<div class="figures">{"".join(images)}</div>')
        for name, table in section.tables.items():
            parts.append(_table_html(name, table, section.captions.get(name, "")))
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
    actors: object = None,
    frames: object = None,
) -> list[Path]:
    """Compare the outlets of an event and write charts, tables and ``report.html`` to ``out``.

    Parameters
    ----------
    path : an event folder (or anything :func:`analysis.load_corpus` reads).
    out : the output folder; created if needed. Files the kit wrote there before are
        replaced; any other existing file is left alone unless ``force``.
    clean : remove page furniture first (see :mod:`analysis.cleaning`).
    actors : an actor list or YAML path(s) for "Who is mentioned" and "Who gets to speak";
        None: the event's lists, or a list proposed from the articles when none names the
        event (:func:`analysis.actors.event_actors`, noted in the report).
    frames : frame sets by name (``"generic"``, ``"security"``, ``"policy"``) or YAML
        paths, for "Frames and language markers"; None: the ``frames:`` list of the event's
        ``event.yml`` if it has one, else generic and security.

    Returns
    -------
    list of Path
        Every file written, report last.
    """
    check_folder(out)  # before any work: a file where the folder should be
    ctx = _context(path, clean=clean, actors=actors, frames=frames)
    n_outlets = ctx.raw["outlet"].nunique()
    if n_outlets > MAX_REPORT_OUTLETS:
        raise CorpusError(
            f"has {n_outlets} outlets; a report can show at most {MAX_REPORT_OUTLETS} side "
            "by side (one colour, bar and column each). Compare a few outlets of one event "
            "at a time, or score them all with 'score PATH --out scores.csv'", file=path)
    sections = [s for s in (make(ctx) for make in SECTIONS) if s is not None]
    files: dict[str, bytes] = {}
    pngs: dict[str, bytes] = {}
    for section in sections:
        for name, fig in section.figures.items():
            files[f"{name}.png"] = pngs[name] = _png(fig)
        for name, table in section.tables.items():
            files[f"{name}.csv"] = render_table(table, "csv")
    files["report.html"] = _report_html(ctx, sections, pngs).encode("utf-8")
    return write_folder(out, files, force=force)  # all of this run's files, or none


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
    "actor-tone": (section_actor_tone, "actor_tone"),
    "frames": (section_frames, "frames"),
    "markers": (section_frames, "markers"),
    "distinctive": (section_distinctive, "distinctive_words"),
    "coverage": (section_coverage, "coverage"),
}


#: ``compare_event`` draws every outlet in every chart and pairs them in the coverage tables;
#: past this many outlets the report is unreadable (and took 200 s and 2.8 GB at 300).
MAX_REPORT_OUTLETS = 30


def _context(path: str | os.PathLike[str], *, clean: bool = True, actors: object = None,
             frames: object = None) -> Context:
    raw = load_corpus(path)
    corpus = clean_corpus(raw) if clean else raw
    path = Path(path)
    event = (
        read_event(path) if (path / "event.yml").is_file()
        else {"title": f"{raw['event'].iloc[0]}", "description": ""}
    )
    ctx = Context(raw=raw, corpus=corpus, event=event, palette=plotting.outlet_palette(raw),
                  actors=actors, frames=frames)
    _ = ctx.frame_lexicon  # a bad frame set or file fails here, before any work
    return ctx


def chart(
    view: str,
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    clean: bool = True,
    force: bool = False,
    actors: object = None,
    frames: object = None,
) -> Path:
    """Draw one view of the report for the articles at ``path`` and save it as a PNG (or
    SVG/PDF, by ``out``'s extension). ``view`` is one of :data:`CHARTS`; ``actors`` and
    ``frames`` as for :func:`compare_event`."""
    if view not in CHARTS:
        raise ValueError(f"unknown chart {view!r}; choose one of {', '.join(CHARTS)}")
    make, name = CHARTS[view]
    section = make(_context(path, clean=clean, actors=actors, frames=frames))
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
