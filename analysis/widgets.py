"""An ipywidgets dashboard over the kit's tables. The only module that imports ipywidgets.

:func:`explore` puts the comparisons of one event in a small dashboard: pick the event,
the outlets, the measure and an actor, see the chart and the articles with the evidence
marked, search for a word in context, and add a word to a frame to see the frame scores
change. It is a thin layer: every number comes from the same functions the notebooks and
the command line use, computed once per event (:class:`EventTables`) and then only
filtered and drawn, so an update takes a fraction of a second.

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
from collections.abc import Callable

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from . import plotting
from .cleaning import clean_corpus
from .highlight import LAYERS, highlight

__all__ = ["MEASURES", "BlindRound", "EventTables", "Explorer", "add_term", "explore",
           "guess_the_outlet"]


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

    def __init__(self, corpus: pd.DataFrame, frames=None) -> None:
        self.corpus = corpus
        self.frames_lexicon = frames
        self.event = str(corpus["event"].iloc[0]) if len(corpus) else ""
        #: Each measure's table, by (measure, outlets, actor): see Explorer.measure_table.
        self.views: dict[tuple, pd.DataFrame] = {}

    @functools.cached_property
    def actor_list(self):
        from .actors import load_actors

        return load_actors(event=self.event)

    @functools.cached_property
    def mentions(self) -> pd.DataFrame:
        from .actors import mention_table

        return mention_table(self.corpus, self.actor_list)

    @functools.cached_property
    def quotes(self) -> pd.DataFrame:
        from .quotes import quote_table

        return quote_table(self.corpus, actors=self.actor_list)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        from .sentiment import sentence_sentiment

        return sentence_sentiment(self.corpus)

    @functools.cached_property
    def frame_matches(self) -> pd.DataFrame:
        from .framing import frame_evidence

        return frame_evidence(self.corpus, self.frames_lexicon)

    @functools.cached_property
    def frame_scores(self) -> pd.DataFrame:
        from .framing import frame_scores

        return frame_scores(self.corpus, self.frames_lexicon)

    @functools.cached_property
    def coverage(self) -> pd.DataFrame:
        from .comparison import coverage

        return coverage(self.corpus)

    def with_frames(self, frames) -> EventTables:
        """The same tables with another frame lexicon (frame tables are recomputed)."""
        new = EventTables(self.corpus, frames)
        for name in ("actor_list", "mentions", "quotes", "sentences", "coverage"):
            if name in self.__dict__:
                new.__dict__[name] = self.__dict__[name]
        return new


def _keep(df: pd.DataFrame, outlets) -> pd.DataFrame:
    return df[df["outlet"].isin(list(outlets))]


# Each measure is a pair: a function that makes its table from the event's tables (pure,
# cached by the dashboard per outlets and actor) and one that draws that table.


def _actor_counts(t: EventTables, outlets, actor):
    from .actors import actors_by_outlet

    return actors_by_outlet(_keep(t.corpus, outlets), t.actor_list)


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
    from .sentiment import actor_tone

    tone = actor_tone(_keep(t.sentences, outlets), _keep(t.mentions, outlets))
    if actor:
        tone = tone[tone["actor"] == actor]
    top = tone.groupby("actor")["n_sentences"].sum().nlargest(10).index
    return tone[tone["actor"].isin(top)].rename(columns={"actor": "frame",
                                                         "mean_compound": "tone"})


def _draw_actor_tone(table, ax, palette):
    plotting.plot_frame_profile(table, value="tone", palette=palette, ax=ax)
    ax.set_title("Tone of the sentences that mention each actor")
    ax.set_xlabel("Mean sentence tone (VADER compound, -1 to 1)")
    ax.axvline(0, color="#999999", linewidth=0.8)


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
        plotting._no_data(ax, "Distinctive words (pick two or more outlets)")
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


#: The dashboard's measures: label -> (table function, drawing function).
MEASURES: dict[str, tuple[Callable, Callable]] = {
    "Who is mentioned": (_actor_counts, _with_palette(plotting.plot_actor_mentions)),
    "Who gets to speak": (_voices, _with_palette(plotting.plot_voices)),
    "Verbs that introduce speech": (_verbs, _with_palette(plotting.plot_verb_groups)),
    "Tone through the article": (_arc, _with_palette(plotting.plot_sentiment_arc)),
    "Tone of each sentence": (_tone, _with_palette(plotting.plot_tone_distribution)),
    "Tone around each actor": (_actor_tone, _draw_actor_tone),
    "Frames": (_frames, _with_palette(plotting.plot_frame_profile)),
    "Distinctive words": (_distinctive, _draw_distinctive),
    "What each outlet shares": (_coverage, lambda table, ax, palette: plotting.plot_coverage(
        table, ax=ax)),
    "Article length": (_length, _with_palette(plotting.plot_text_stats)),
}
_USES_ACTOR = {"Tone around each actor"}


class Explorer(w.VBox):
    """The dashboard. Its controls are attributes (``event``, ``outlets``, ``measure``,
    ``actor``, ``layers``, ``search``, ``frame``, ``new_term``), so a notebook or a test
    can set them; every change redraws the chart, the text and the search results."""

    def __init__(self, corpus: pd.DataFrame, *, clean: bool = True) -> None:
        if corpus.empty:
            raise ValueError("explore() needs at least one article")
        self.corpus = clean_corpus(corpus) if clean else corpus
        self.palette = plotting.outlet_colors(self.corpus["outlet"])
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
        self.text = w.HTML()
        self.results = w.HTML()
        self._set_event_options()
        controls = w.HBox([w.VBox([self.event, self.measure, self.actor]),
                           w.VBox([self.outlets]), w.VBox([self.layers])])
        editor = w.HBox([self.frame, self.new_term, self.add_button])
        super().__init__([
            controls, self.chart,
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
            self._tables[event] = EventTables(self.corpus[self.corpus["event"] == event])
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
        fig = Figure(figsize=(8.5, 4.8))
        _, draw = MEASURES[self.measure.value]
        draw(self.measure_table(), fig.add_subplot(), self.palette)
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
            tone=t.sentences if "tone" in layers else None,
        )
        self.text.value = page.html

    def _show_results(self) -> None:
        from .comparison import kwic

        term = self.search.value.strip()
        if not term:
            self.results.value = ""
            return
        lines = kwic(_keep(self.tables().corpus, self.current_outlets()), term, window=60)
        if lines.empty:
            self.results.value = f"<i>{html.escape(term)!s} does not occur in these articles.</i>"
            return
        rows = "".join(
            f"<tr><td>{html.escape(r.outlet)}</td><td style='text-align:right'>"
            f"{html.escape(r.left)}</td><td><b>{html.escape(r.match)}</b></td>"
            f"<td>{html.escape(r.right)}</td></tr>"
            for r in lines.itertuples()
        )
        self.results.value = f"<table>{rows}</table>"

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


def explore(corpus: pd.DataFrame, *, clean: bool = True) -> Explorer:
    """A dashboard for comparing the outlets of one event at a time.

    Parameters
    ----------
    corpus : articles from :func:`analysis.load_corpus` (one or more events).
    clean : remove page furniture first (see :mod:`analysis.cleaning`).
    """
    return Explorer(corpus, clean=clean)


class BlindRound(w.VBox):
    """Read the articles with the outlets hidden, guess, then reveal (see :mod:`analysis.blind`).

    ``guesses`` holds one dropdown per hidden label; ``reveal`` shows the key and marks the
    guesses; ``answer`` is where the result appears.
    """

    def __init__(self, corpus: pd.DataFrame, *, seed: int | None = None,
                 clean: bool = True) -> None:
        from .blind import anonymise

        corpus = clean_corpus(corpus) if clean else corpus
        if corpus["outlet"].nunique() < 2:
            raise ValueError("a blind round needs articles from at least two outlets")
        self.blind, self.key = anonymise(corpus, seed=seed)
        outlets = sorted(self.key["outlet"], key=str.casefold)
        self.guesses = {
            label: w.Dropdown(options=[("?", "")] + [(o, o) for o in outlets],
                              description=label, style={"description_width": "initial"})
            for label in self.key["label"]
        }
        self.reveal = w.Button(description="Reveal the outlets", icon="eye",
                               button_style="warning")
        self.answer = w.HTML()
        self.reveal.on_click(lambda _: self.show_answer())
        texts = w.HTML(highlight(self.blind, layers=[]).html)
        super().__init__([texts, w.HBox(list(self.guesses.values())), self.reveal, self.answer])

    def show_answer(self) -> None:
        from .blind import score_guesses

        table = score_guesses({k: d.value for k, d in self.guesses.items() if d.value},
                              self.key)
        rows = "".join(
            f"<tr><td>{html.escape(r.label)}</td><td>{html.escape(r.outlet)}</td>"
            f"<td>{html.escape(r.guess or '-')}</td><td>"
            f"{'right' if r.correct else 'wrong' if r.guess else 'no guess'}</td></tr>"
            for r in table.itertuples()
        )
        self.answer.value = (
            f"<p><b>{int(table['correct'].sum())} of {len(table)} right.</b></p><table>"
            f"<tr><th>label</th><th>outlet</th><th>your guess</th><th></th></tr>{rows}</table>"
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
