"""An ipywidgets dashboard over the kit's tables. The only module that imports ipywidgets.

:func:`explore` puts the comparisons of one event in a small dashboard: pick the event,
the outlets, the measure and an actor, see the chart and the articles with the evidence
marked, search for a word in context, and add a word to a frame to see the frame scores
change. It is a thin layer: every number comes from the same functions the notebooks and
the command line use, computed once per event (:class:`EventTables`) and then only
filtered and drawn, so an update takes a fraction of a second.

For the workshop (notebooks 04), :func:`workshop` adds an event picker (the sample and the
events under the project's ``data/events/``, :func:`event_choices`) and exercises done with
text boxes and menus (:class:`Exercises`), so everything works in Voilà, where code is
hidden; :func:`blind_workshop` is the blind round on a page of its own, on which nothing
names the outlets before the reveal.

>>> from analysis import load_corpus
>>> app = explore(load_corpus(SEED_EVENT))
>>> app.measure.value = "Who gets to speak"
>>> app.outlets.value = ("Shafaq News",)
>>> sorted(app.current_outlets())
['Shafaq News']
"""

from __future__ import annotations

import functools
import html
import io
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from . import plotting
from .cleaning import clean_corpus
from .highlight import LAYERS, highlight
from .report import shorten

#: The exercises' and reveal's tables: lines between rows, room to read. Shown once per app
#: (a static widget), never inside a result, which shows only escaped text and tables.
TABLE_CSS = ("<style>.ol-table{border-collapse:collapse;margin:.4em 0;font-size:.92em}"
             ".ol-table td,.ol-table th{border-bottom:1px solid #ddd;padding:.25em .5em;"
             "vertical-align:top;text-align:left}</style>")
#: Under a multi-select list: how to pick more than one entry.
MULTI_HINT = "<small style='color:#555'>Ctrl-click (⌘-click on a Mac) to choose several</small>"

__all__ = ["MEASURES", "BlindRound", "EventTables", "Exercises", "Explorer", "Workshop",
           "add_term", "blind_workshop", "event_choices", "explore", "guess_the_outlet",
           "workshop"]


def add_term(lexicon, frame: str, term: str):
    """A copy of a frame ``lexicon`` with ``term`` added to ``frame`` (the original is kept).

    >>> from analysis.framing import load_frames
    >>> frames = add_term(load_frames(), "conflict", "bickering")
    >>> "bickering" in frames["conflict"].terms, "bickering" in load_frames()["conflict"].terms
    (True, False)
    """
    from .framing import add_frame

    term = term.strip()
    if not term:
        raise ValueError("type a word or phrase to add")
    old = lexicon[frame]
    if term in old.terms:
        return lexicon
    return add_frame(lexicon, frame, [*old.terms, term], definition=old.definition,
                     source=old.source, replace=True)


class EventTables:
    """The kit's tables for one event's (cleaned) articles, each computed on first use."""

    def __init__(self, corpus: pd.DataFrame, frames=None, *, actors=None) -> None:
        self.corpus = corpus
        self.frames_lexicon = frames
        self.actors = actors
        self.event = str(corpus["event"].iloc[0]) if len(corpus) else ""
        #: Each measure's table, by (measure, outlets, actor): see Explorer.measure_table.
        self.views: dict[tuple, pd.DataFrame] = {}

    @functools.cached_property
    def actor_list(self):
        from .actors import event_actors

        return event_actors(self.corpus, actors=self.actors)

    @functools.cached_property
    def mentions(self) -> pd.DataFrame:
        from .actors import mention_table

        return mention_table(self.corpus, actors=self.actor_list)

    @functools.cached_property
    def quotes(self) -> pd.DataFrame:
        from .quotes import quote_table

        return quote_table(self.corpus, actors=self.actor_list)

    @functools.cached_property
    def mention_tones(self) -> pd.DataFrame:
        from .actor_tone import mention_tone

        return mention_tone(self.corpus, actors=self.actor_list)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        from .sentiment import sentence_sentiment

        return sentence_sentiment(self.corpus)

    @functools.cached_property
    def frame_matches(self) -> pd.DataFrame:
        from .framing import frame_evidence

        return frame_evidence(self.corpus, frames=self.frames_lexicon)

    @functools.cached_property
    def frame_scores(self) -> pd.DataFrame:
        from .framing import frame_scores

        return frame_scores(self.corpus, frames=self.frames_lexicon)

    @functools.cached_property
    def coverage(self) -> pd.DataFrame:
        from .comparison import coverage

        return coverage(self.corpus)

    def with_frames(self, frames) -> EventTables:
        """The same tables with another frame lexicon (frame tables are recomputed)."""
        new = EventTables(self.corpus, frames, actors=self.actors)
        for name in ("actor_list", "mentions", "mention_tones", "quotes", "sentences",
                     "coverage"):
            if name in self.__dict__:
                new.__dict__[name] = self.__dict__[name]
        return new


def _keep(df: pd.DataFrame, outlets) -> pd.DataFrame:
    return df[df["outlet"].isin(list(outlets))]


# Each measure is a pair: a function that makes its table from the event's tables (pure,
# cached by the dashboard per outlets and actor) and one that draws that table.


def _actor_counts(t: EventTables, outlets, actor):
    import warnings

    from .actors import UnmentionedActorWarning, actors_by_outlet

    with warnings.catch_warnings():  # said once for the whole event, not per outlet choice
        warnings.simplefilter("ignore", UnmentionedActorWarning)
        return actors_by_outlet(_keep(t.corpus, outlets), actors=t.actor_list)


def _voices(t: EventTables, outlets, actor):
    from .quotes import voice_table

    return voice_table(_keep(t.quotes, outlets))


def _verbs(t: EventTables, outlets, actor):
    from .quotes import verb_table

    return verb_table(_keep(t.quotes, outlets))


def _arc(t: EventTables, outlets, actor):
    from .sentiment import sentiment_arc

    return sentiment_arc(_keep(t.sentences, outlets))


def _tone(t: EventTables, outlets, actor):
    return _keep(t.sentences, outlets)


def _actor_tone(t: EventTables, outlets, actor):
    """Tone toward each actor in the outlet's own words (mentions inside quotes left out)."""
    from .actor_tone import actor_tone_summary

    mentions = _keep(t.mention_tones, outlets)
    if actor:
        mentions = mentions[mentions["actor"] == actor]
    return actor_tone_summary(mentions, voice="outlet")


def _draw_actor_tone(table, ax, palette):
    plotting.plot_actor_tone(table, palette=palette, ax=ax)
    ax.set_title("Tone toward each actor, in the outlet's own words (heuristic model)")


def _frames(t: EventTables, outlets, actor):
    from .framing import outlet_frame_scores

    return outlet_frame_scores(_keep(t.frame_scores, outlets))


def _distinctive(t: EventTables, outlets, actor):
    if len(outlets) < 2:
        return pd.DataFrame(columns=["group", "other", "term", "z"])
    from .comparison import distinctive_words

    return distinctive_words(_keep(t.corpus, outlets), stopwords="english", min_count=3)


def _draw_distinctive(table, ax, palette):
    groups = plotting.ordered(table["group"].unique())
    if not groups:
        plotting.no_data(ax, "Distinctive words (pick two or more outlets)")
        return
    group = None if len(groups) == 2 else groups[0]
    plotting.plot_distinctive_words(table, group=group, palette=palette, ax=ax)


def _coverage(t: EventTables, outlets, actor):
    return _keep(t.coverage, outlets)


def _length(t: EventTables, outlets, actor):
    from .tokens import text_stats

    return text_stats(_keep(t.corpus, outlets))


def _with_palette(plot):
    return lambda table, ax, palette: plot(table, palette=palette, ax=ax)


#: The dashboard's measures: label -> (table function, drawing function). A new measure (for
#: example a target-aware tone model) is one more entry: a pure function of the event's
#: tables, outlets and actor, and a drawing function that takes the outlets' ``palette``.
MEASURES: dict[str, tuple[Callable, Callable]] = {
    "Who is mentioned": (_actor_counts, _with_palette(plotting.plot_actor_mentions)),
    "Who gets to speak": (_voices, _with_palette(plotting.plot_voices)),
    "Verbs that introduce speech": (_verbs, _with_palette(plotting.plot_verb_groups)),
    "Tone through the article": (_arc, _with_palette(plotting.plot_sentiment_arc)),
    "Tone of each sentence": (_tone, _with_palette(plotting.plot_tone_distribution)),
    "Tone toward each actor": (_actor_tone, _draw_actor_tone),
    "Frames": (_frames, _with_palette(plotting.plot_frame_profile)),
    "Distinctive words": (_distinctive, _draw_distinctive),
    "What each outlet shares": (_coverage, _with_palette(plotting.plot_coverage)),
    "Article length": (_length, _with_palette(plotting.plot_text_stats)),
}
_USES_ACTOR = {"Tone toward each actor"}

#: A paragraph shown under the chart of these measures: what the number is, and where it fails.
MEASURE_NOTES = {
    "Tone toward each actor": (
        "For every mention of a listed actor, a small model reads the words around it and says "
        "whether the sentence is negative, neutral or positive <i>toward that actor</i> "
        "(\"critics slammed X\" is negative toward X; \"X slammed critics\" is not). Only the "
        "outlet's own words count here: mentions inside quotes are the sources' view. The "
        "whisker is a 95% interval; pale bars rest on fewer than 5 mentions, too little "
        "evidence. Checked on news sentences annotated by people, it is right about two times "
        "in three (VADER alone: one in two); it misreads irony, tone carried by facts (\"the "
        "bill failed\") and sentences with several people. Read the sentences before quoting "
        "a number."),
    "Tone of each sentence": (
        "VADER's score of each sentence: a word list rated for feeling, built for social media. "
        "Topic words (war, threat) read as negative whoever uses them; it says nothing about "
        "whom the sentence is negative about."),
}


class Explorer(w.VBox):
    """The dashboard. Its controls are attributes (``event``, ``outlets``, ``measure``,
    ``actor``, ``layers``, ``search``, ``frame``, ``new_term``), so a notebook or a test
    can set them; every change redraws the chart, the text and the search results."""

    def __init__(self, corpus: pd.DataFrame, *, clean: bool = True, actors=None,
                 palette: Mapping[str, str] | None = None) -> None:
        if corpus.empty:
            raise ValueError("explore() needs at least one article")
        self._actors = actors
        self.corpus = clean_corpus(corpus) if clean else corpus
        #: One colour per outlet for the whole corpus, in every chart and the text.
        self.palette = dict(palette or plotting.outlet_palette(self.corpus))
        self._tables: dict[str, EventTables] = {}
        events = sorted(self.corpus["event"].unique())
        style = {"description_width": "initial"}
        self.event = w.Dropdown(options=events, description="Event", style=style)
        self.outlets = w.SelectMultiple(description="Outlets", rows=4, style=style)
        self.measure = w.Dropdown(options=list(MEASURES), description="Measure", style=style)
        self.actor = w.Dropdown(description="Actor", style=style)
        self.layers = w.SelectMultiple(options=list(LAYERS), value=("actors", "quotes"),
                                       description="Mark in text", rows=4, style=style)
        self.search = w.Text(description="Word in context", placeholder="e.g. escalation",
                             continuous_update=False, style=style)
        self.frame = w.Dropdown(description="Frame", style=style)
        self.new_term = w.Text(placeholder="a word or phrase", continuous_update=False)
        self.add_button = w.Button(description="Add to frame", icon="plus")
        self.status = w.HTML()
        self.chart = w.Image(format="svg+xml", layout=w.Layout(max_width="900px"))
        self.about = w.HTML()
        self.text = w.HTML()
        self.results = w.HTML()
        self._set_event_options()
        if len(events) < 2:  # one event: nothing to choose (the workshop has its own picker)
            self.event.layout.display = "none"
        controls = w.HBox([w.VBox([self.event, self.measure, self.actor]),
                           w.VBox([self.outlets, w.HTML(MULTI_HINT)]),
                           w.VBox([self.layers, w.HTML(MULTI_HINT)])])
        editor = w.HBox([self.frame, self.new_term, self.add_button])
        super().__init__([
            w.HTML(TABLE_CSS), controls, self.chart, self.about,
            w.HTML("<b>Add a word to a frame</b> (for this session only; the lexicon files "
                   "are not changed)"), editor, self.status,
            self.search, self.results,
            w.HTML("<b>The articles</b> (hover over a mark to see why it is there)"),
            self.text,
        ])
        # Each control redraws only what depends on it.
        self.event.observe(self._on_event, "value")
        self.outlets.observe(lambda _: self.refresh(), "value")
        self.measure.observe(lambda _: self._draw_chart(), "value")
        self.actor.observe(lambda _: self._on_actor(), "value")
        self.layers.observe(lambda _: self._show_text(), "value")
        self.search.observe(lambda _: self._show_results(), "value")
        self.add_button.on_click(lambda _: self.add_frame_term())
        self.new_term.observe(lambda _: self.add_frame_term(), "value")
        self.refresh()

    # --- state --------------------------------------------------------------------------
    def tables(self) -> EventTables:
        """The tables of the selected event (computed once, then reused)."""
        event = self.event.value
        if event not in self._tables:
            self._tables[event] = EventTables(self.corpus[self.corpus["event"] == event],
                                              actors=self._actors)
        return self._tables[event]

    def current_outlets(self) -> list[str]:
        return list(self.outlets.value) or list(self.outlets.options)

    def _set_event_options(self) -> None:
        tables = self.tables()
        outlets = sorted(tables.corpus["outlet"].unique(), key=str.casefold)
        self.outlets.options = outlets
        self.outlets.value = tuple(outlets)
        actors = tables.mentions["actor"].value_counts().index.tolist()
        self.actor.options = [("(none)", "")] + [(a, a) for a in actors]
        self.actor.value = ""
        from .framing import load_frames

        frames = tables.frames_lexicon or load_frames()
        self.frame.options = list(frames)
        self.frame.value = next(iter(frames), None)  # start on the first frame, not empty

    def _on_event(self, _change) -> None:
        self._set_event_options()
        self.refresh()

    def _on_actor(self) -> None:
        if self.measure.value in _USES_ACTOR:
            self._draw_chart()
        self._show_text()

    # --- drawing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw the chart, the highlighted text and the search results."""
        self._draw_chart()
        self._show_text()
        self._show_results()

    def measure_table(self) -> pd.DataFrame:
        """The table behind the current chart (made once per event, outlets and actor)."""
        make, _ = MEASURES[self.measure.value]
        outlets = tuple(sorted(self.current_outlets()))
        actor = self.actor.value if self.measure.value in _USES_ACTOR else ""
        tables = self.tables()
        key = (self.measure.value, outlets, actor)
        if key not in tables.views:
            tables.views[key] = make(tables, outlets, actor)
        return tables.views[key]

    def _draw_chart(self) -> None:
        # SVG: no rasterising (faster than PNG here) and sharp when projected.
        fig = Figure(figsize=(8.5, 4.8), layout="constrained")
        _, draw = MEASURES[self.measure.value]
        draw(self.measure_table(), fig.add_subplot(), self.palette)
        note = MEASURE_NOTES.get(self.measure.value, "")
        self.about.value = f"<p style='max-width:860px'>{note}</p>" if note else ""
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight")
        self.chart.value = buffer.getvalue()

    def _show_text(self) -> None:
        t = self.tables()
        outlets = self.current_outlets()
        corpus = _keep(t.corpus, outlets)
        layers = list(self.layers.value)
        page = highlight(
            corpus, layers=layers, actor=self.actor.value or None,
            mentions=t.mentions if "actors" in layers else None,
            quotes=t.quotes if "quotes" in layers else None,
            frame_matches=t.frame_matches if "frames" in layers else None,
            tone=t.sentences if "tone" in layers else None, palette=self.palette,
        )
        self.text.value = page.html

    def _show_results(self) -> None:

        term = self.search.value.strip()
        if not term:
            self.results.value = ""
            return
        self.results.value = kwic_html(_keep(self.tables().corpus, self.current_outlets()),
                                       term)

    def add_frame_term(self) -> None:
        """Add the typed word to the chosen frame and show the frame scores again."""
        term = self.new_term.value.strip()
        if not term or not self.frame.value:
            return
        from .framing import load_frames

        tables = self.tables()
        before = tables.frames_lexicon or load_frames()
        try:
            frames = add_term(before, self.frame.value, term)
        except ValueError as err:  # e.g. a pattern the lexicon syntax refuses
            self.status.value = f"<span style='color:#D55E00'>{html.escape(str(err))}</span>"
            return
        self._tables[self.event.value] = tables.with_frames(frames)
        self.status.value = (f"Added <b>{html.escape(term)}</b> to "
                             f"<b>{html.escape(self.frame.value)}</b>.")
        self.new_term.value = ""
        if self.measure.value != "Frames":
            self.measure.value = "Frames"  # triggers refresh
        else:
            self.refresh()


def _context(text: str, side: str) -> str:
    """Context cut at a word boundary, with "…" where words were cut off."""
    text = " ".join(text.split(" ")) if text else ""
    if side == "left":
        if text and not text[0].isspace():
            first = text.find(" ")
            text = "…" + text[first:] if first > 0 else text
        return text
    if text and not text[-1].isspace():
        last = text.rfind(" ")
        text = text[:last] + " …" if last > 0 else text
    return text


def kwic_html(corpus: pd.DataFrame, term: str, *, window: int = 60) -> str:
    """Every place ``term`` occurs (:func:`analysis.comparison.kwic`) as an HTML table, the
    context cut at word boundaries with "…", and a line saying what was searched for."""
    from .comparison import kwic

    try:
        lines = kwic(corpus, term, window=window)
    except ValueError as err:
        return f"<i>{html.escape(str(err))}</i>"
    searched = html.escape(lines.attrs.get("searched", term))
    if lines.empty:
        return f"<i>Searched for {searched}: it does not occur in these articles.</i>"
    rows = "".join(
        f"<tr><td>{html.escape(r.outlet)}</td><td style='text-align:right'>"
        f"{html.escape(_context(r.left, 'left'))}</td><td><b>{html.escape(r.match)}</b></td>"
        f"<td>{html.escape(_context(r.right, 'right'))}</td></tr>"
        for r in lines.itertuples()
    )
    return (f"<p>Searched for <b>{searched}</b>: {len(lines)} place"
            f"{'s' if len(lines) != 1 else ''}.</p><table class=ol-table>{rows}</table>")


def explore(corpus: pd.DataFrame, *, clean: bool = True, actors=None,
            palette: Mapping[str, str] | None = None) -> Explorer:
    """A dashboard for comparing the outlets of one event at a time.

    Parameters
    ----------
    corpus : articles from :func:`analysis.load_corpus` (one or more events).
    clean : remove page furniture first (see :mod:`analysis.cleaning`).
    actors : an actor list or YAML path(s); None: each event's lists, or a list proposed
        from its articles when none names it (:func:`analysis.actors.event_actors`).
    palette : the outlets' colours (default: :func:`analysis.plotting.outlet_palette` of
        ``corpus``).
    """
    return Explorer(corpus, clean=clean, actors=actors, palette=palette)


class BlindRound(w.VBox):
    """Read the articles with the outlets hidden, guess, then reveal (see :mod:`analysis.blind`).

    ``guesses`` holds one text box per hidden label (any name of the outlet counts, see
    :func:`analysis.blind.resolve_guess`); ``reveal`` shows the key and marks the guesses;
    ``answer`` is where the result appears. Nothing in the widgets' state names an outlet
    before the reveal, not even in hidden HTML: the teacher says which outlets are in play,
    or presses ``choices`` ("Which outlets are in this round?") to list them, in alphabetical
    order, which gives nothing away.
    """

    def __init__(self, corpus: pd.DataFrame, *, seed: int | None = None,
                 clean: bool = True) -> None:
        from .blind import anonymise

        corpus = clean_corpus(corpus) if clean else corpus
        if corpus["outlet"].nunique() < 2:
            raise ValueError("a blind round needs articles from at least two outlets")
        self.blind, self.key = anonymise(corpus, seed=seed)
        self._outlets = sorted(self.key["outlet"], key=str.casefold)
        self.guesses = {
            label: w.Text(description=label, placeholder="which outlet?",
                          style={"description_width": "initial"},
                          layout=w.Layout(width="260px"))
            for label in self.key["label"]
        }
        self.choices = w.Button(description="Which outlets are in this round?",
                                icon="list", layout=w.Layout(width="auto"))
        self.choice_list = w.HTML()
        self.reveal = w.Button(description="Reveal the outlets", icon="eye",
                               button_style="warning", layout=w.Layout(width="auto"))
        self.answer = w.HTML()
        self.choices.on_click(lambda _: self.show_choices())
        self.reveal.on_click(lambda _: self.show_answer())
        # one grey for every label: an outlet colour would link a label to its outlet later
        grey = {label: "#777777" for label in self.key["label"]}
        texts = w.HTML(highlight(self.blind, layers=[], palette=grey).html)
        super().__init__([
            texts, w.HTML(TABLE_CSS),
            w.HTML("<b>Your guesses</b>: type an outlet's name under each label."),
            w.HBox(list(self.guesses.values()), layout=w.Layout(flex_flow="row wrap")),
            w.HBox([self.choices, self.choice_list]), w.HBox([self.reveal]), self.answer,
        ])

    def show_choices(self) -> None:
        """List the outlets of the round, alphabetically (not which is which)."""
        self.choice_list.value = ("<span style='padding-left:1em'>"
                                  + " · ".join(html.escape(o) for o in self._outlets)
                                  + "</span>")

    def show_answer(self) -> None:
        from .blind import score_guesses

        table = score_guesses({k: d.value for k, d in self.guesses.items() if d.value.strip()},
                              self.key)
        rows = "".join(
            f"<tr><td>{html.escape(r.label)}</td><td>{html.escape(r.outlet)}</td>"
            f"<td>{html.escape(r.guess or '-')}</td><td>"
            f"{'right' if r.correct else 'wrong' if r.guess else 'no guess'}</td></tr>"
            for r in table.itertuples()
        )
        self.answer.value = (
            f"<p><b>{int(table['correct'].sum())} of {len(table)} right.</b></p>"
            "<table class=ol-table>"
            "<tr><th>label</th><th>outlet</th><th>your guess</th><th>result</th></tr>"
            f"{rows}</table>"
        )


def guess_the_outlet(corpus: pd.DataFrame, *, seed: int | None = None,
                     clean: bool = True) -> BlindRound:
    """A blind round: the articles with outlet names hidden, a guess per article, a reveal.

    >>> from analysis import load_corpus
    >>> round_ = guess_the_outlet(load_corpus(SEED_EVENT), seed=3)
    >>> round_.guesses["Outlet A"].value = "Shafaq News"
    >>> round_.show_answer()
    >>> "1 of 2 right" in round_.answer.value
    True
    """
    return BlindRound(corpus, seed=seed, clean=clean)


# --- the workshop --------------------------------------------------------------------------


def event_choices(events: str | os.PathLike[str] | None = None) -> dict[str, Path]:
    """The events a workshop can pick, ``{label: folder}``: the sample first, then every
    event folder under ``events`` (default: the project's ``data/events/``).

    >>> list(event_choices())[0]
    'Austin–Belousov phone call, 12 July 2024 (sample)'
    """
    from .loading import read_event
    from .resources import data_dir, sample_event

    def title(folder: Path) -> str:
        try:
            return str(read_event(folder).get("title") or folder.name)
        except (OSError, ValueError):  # a broken event.yml still gets a label
            return folder.name

    sample = sample_event()
    choices = {f"{title(sample)} (sample)": sample}
    root = Path(events) if events is not None else data_dir() / "events"
    if root.is_dir():
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            if (folder / "event.yml").is_file() or any(folder.glob("*.md")):
                label = title(folder)
                choices[label if label not in choices else f"{label} ({folder.name})"] = folder
    return choices


class Exercises(w.VBox):
    """The workshop's exercises as controls, so they work in Voilà (no code to edit).

    ``word`` (a text box) shows every place a word occurs, its singular and plural and
    ``*`` patterns too (:func:`analysis.comparison.kwic`); ``tone_kind``, ``tone_outlet``
    and ``tone_n`` pick the most negative or positive sentences, shown with the words
    behind their scores (:func:`analysis.sentiment.sentiment_evidence`).
    """

    def __init__(self, corpus: pd.DataFrame, *, clean: bool = False) -> None:
        from .sentiment import sentence_sentiment, sentiment_evidence

        self.corpus = clean_corpus(corpus) if clean else corpus
        self._sentences = sentence_sentiment(self.corpus)
        self._evidence = sentiment_evidence(self.corpus)
        style = {"description_width": "initial"}
        outlets = sorted(self.corpus["outlet"].unique(), key=str.casefold)
        self.word = w.Text(value="missile", description="Word", continuous_update=False,
                           placeholder="a word, a phrase, or hunt* for hunt, hunted, ...",
                           style=style)
        self.word_results = w.HTML()
        self.tone_kind = w.ToggleButtons(options=["most negative", "most positive"],
                                         value="most negative")
        self.tone_outlet = w.Dropdown(options=[("all outlets", "")] + [(o, o) for o in outlets],
                                      value="", description="Outlet", style=style)
        self.tone_n = w.IntSlider(value=5, min=1, max=15, description="Sentences",
                                  style=style)
        self.tone_results = w.HTML()
        super().__init__([
            w.HTML(TABLE_CSS),
            w.HTML("<h4>1. Every place a word occurs</h4><p>Type a word and press Enter. "
                   "'missile' also finds 'missiles'; 'escalat*' finds 'escalation' and "
                   "'escalating'.</p>"),
            self.word, self.word_results,
            w.HTML("<h4>2. The sentences the tone measure finds most negative or positive"
                   "</h4><p>With the words behind each score: do you agree?</p>"),
            w.HBox([self.tone_kind, self.tone_outlet, self.tone_n]), self.tone_results,
        ])
        self.word.observe(lambda _: self.show_word(), "value")
        for control in (self.tone_kind, self.tone_outlet, self.tone_n):
            control.observe(lambda _: self.show_tone(), "value")
        self.show_word()
        self.show_tone()

    def show_word(self) -> None:
        term = self.word.value.strip()
        self.word_results.value = kwic_html(self.corpus, term) if term else ""

    def tone_table(self) -> pd.DataFrame:
        """The sentences shown: ``outlet, compound, sentence, words``."""
        sentences = self._sentences
        if self.tone_outlet.value:
            sentences = sentences[sentences["outlet"] == self.tone_outlet.value]
        pick = (sentences.nsmallest if self.tone_kind.value == "most negative"
                else sentences.nlargest)
        rows = pick(self.tone_n.value, "compound")
        ev = self._evidence
        words = ev.groupby(["article_id", "sentence_index"])["word"].agg(
            lambda s: ", ".join(dict.fromkeys(map(str, s))))
        return rows.assign(words=[words.get((a, i), "") for a, i in
                                  zip(rows["article_id"], rows["sentence_index"], strict=True)]
                           )[["outlet", "compound", "sentence", "words"]]

    def show_tone(self) -> None:
        rows = "".join(
            f"<tr><td>{html.escape(r.outlet)}</td><td>{r.compound:+.2f}</td>"
            f"<td>{html.escape(shorten(r.sentence, 280))}</td><td>{html.escape(r.words)}</td>"
            "</tr>"
            for r in self.tone_table().itertuples()
        )
        self.tone_results.value = (
            "<table class=ol-table><tr><th>outlet</th><th>tone</th><th>sentence</th>"
            f"<th>words behind the score</th></tr>{rows}</table>"
        )


class _EventPage(w.VBox):
    """A page with an Event dropdown over ``events`` (default :func:`event_choices`) above a
    body that the subclass's ``load()`` fills for the chosen event."""

    def __init__(self, events: Mapping[str, str | os.PathLike[str]] | None) -> None:
        self.choices = dict(events) if events is not None else event_choices()
        if not self.choices:
            raise ValueError("no events to choose from")
        self.event = w.Dropdown(options=list(self.choices), description="Event",
                                style={"description_width": "initial"},
                                layout=w.Layout(width="auto"))
        self.body = w.VBox()
        super().__init__([self.event, self.body])
        self.event.observe(lambda _: self.load(), "value")
        self.load()

    def load(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError


class Workshop(_EventPage):
    """The participants' app: an event picker, the dashboard and the exercises.

    ``event`` is the picker (labels of :func:`event_choices`); changing it loads that event
    and rebuilds ``explorer`` and ``exercises``.
    """

    def __init__(self, events: Mapping[str, str | os.PathLike[str]] | None = None) -> None:
        super().__init__(events)

    def load(self) -> None:
        from .loading import load_corpus

        corpus = clean_corpus(load_corpus(self.choices[self.event.value]))
        self.explorer = Explorer(corpus, clean=False)
        self.exercises = Exercises(corpus)
        self.body.children = [
            self.explorer,
            w.HTML("<h3>Exercises</h3>"), self.exercises,
        ]


def workshop(events: Mapping[str, str | os.PathLike[str]] | None = None) -> Workshop:
    """The workshop app of notebook 04: pick an event, explore it, do the exercises.

    ``events`` maps labels to event folders (default :func:`event_choices`).
    """
    return Workshop(events)


class BlindWorkshop(_EventPage):
    """The blind round on its own page, with an event picker; see :func:`blind_workshop`."""

    def __init__(self, events: Mapping[str, str | os.PathLike[str]] | None = None, *,
                 seed: int | None = None) -> None:
        self.seed = seed
        super().__init__(events)

    def load(self) -> None:
        from .loading import load_corpus

        corpus = load_corpus(self.choices[self.event.value])
        if corpus["outlet"].nunique() < 2:
            self.round = None
            self.body.children = [w.HTML("<p>This event has one outlet: a blind round needs "
                                         "two or more. Pick another event.</p>")]
            return
        self.round = BlindRound(corpus, seed=self.seed)
        self.body.children = [self.round]


def blind_workshop(events: Mapping[str, str | os.PathLike[str]] | None = None, *,
                   seed: int | None = None) -> BlindWorkshop:
    """The blind round of notebook 04-workshop-blind: pick an event, read, guess, reveal.

    Event titles name events, not outlets; the articles, the guesses and the widgets' state
    name no outlet until the reveal.
    """
    return BlindWorkshop(events, seed=seed)
