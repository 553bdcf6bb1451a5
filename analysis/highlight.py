"""Articles side by side as HTML, with the evidence behind the numbers marked in the text.

:func:`highlight` renders two or more articles next to each other and can switch on four
layers, each drawn from one of the kit's tidy tables (so what you see is exactly what was
counted):

``actors``
    Actor mentions (:func:`analysis.actors.mention_table`): bold, underlined; hover for the
    actor's canonical name.
``quotes``
    Quoted and reported speech (:func:`analysis.quotes.quote_table`): purple italics; hover
    for speaker, verb and verb group.
``frames``
    Frame indicator terms (:func:`analysis.framing.frame_evidence`): boxed; hover for the
    frame.
``tone``
    Sentence tone (:func:`analysis.sentiment.sentence_sentiment`): a magenta (negative) or
    green (positive) tint, stronger for stronger scores; hover for the score. The tint's
    colours are never an outlet's, and the actor marks stay visible over it.

In a notebook the result displays itself; ``.save(path)`` writes a standalone HTML page.
All article text, titles and names are escaped: nothing in an article becomes markup.

>>> from analysis import from_texts
>>> page = highlight(from_texts({"A": "Peskov <b>warned</b>.", "B": "Calm."}), layers=["tone"])
>>> "&lt;b&gt;warned&lt;/b&gt;" in page.html and "<b>warned" not in page.html
True
"""

from __future__ import annotations

import html
import itertools
import os
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from .compat import callable_module, keyword_only
from .outputs import write_text
from .plotting import MEANING_COLORS, outlet_colors

__all__ = ["LAYERS", "Highlighted", "highlight"]

Layer = Literal["actors", "quotes", "frames", "tone"]
LAYERS: tuple[Layer, ...] = ("actors", "quotes", "frames", "tone")

_CSS = """
.ol-grid{display:flex;gap:1.2em;align-items:flex-start;font-family:Georgia,serif;
line-height:1.6;color:#222}
.ol-col{flex:1 1 0;min-width:0}
.ol-outlet{font-family:system-ui,sans-serif;font-weight:bold;padding-top:.3em}
.ol-title{font-size:1.2em;font-weight:bold;margin:.2em 0 .6em}
.ol-text{white-space:pre-wrap;font-size:.95em}
.ol-m{font-weight:bold;border-bottom:2px solid #222}
.ol-m.ol-focus{background:#ffe08a !important;box-shadow:0 0 0 2px #ffe08a}
.ol-q{font-style:italic;color:#5A2A82}
.ol-f{outline:1px dashed #555;outline-offset:1px;border-radius:2px}
.ol-legend{font-family:system-ui,sans-serif;font-size:.85em;color:#444;margin:.5em 0 1em}
.ol-legend span{margin-right:1.2em}
"""


@dataclass(frozen=True)
class Highlighted:
    """Rendered articles: ``html`` is an HTML fragment; displays itself in Jupyter."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    @keyword_only("title")
    def page(self, *, title: str = "Outlet Lens: articles side by side") -> str:
        """A complete standalone HTML page."""
        return (
            "<!doctype html><html lang=en><meta charset=utf-8>"
            f"<title>{html.escape(title)}</title><body style='max-width:1400px;"
            f"margin:1.5em auto;padding:0 1em'>{self.html}</body></html>"
        )

    def save(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write the standalone page to ``path`` (atomic; refuses ``data/`` and users' files)."""
        return write_text(path, self.page(), force=force)


def _tone_style(compound: float) -> str:
    alpha = min(abs(compound), 1.0) * 0.3
    color = MEANING_COLORS["negative" if compound < 0 else "positive"]
    rgb = ",".join(str(int(color[i : i + 2], 16)) for i in (1, 3, 5))
    return f"background:rgba({rgb},{alpha:.3f})"


def _intervals(article_id: str, tables: dict[str, pd.DataFrame], focus: str | None):
    """``(start, end, css_class, title, style)`` for one article, from the layer tables."""
    out = []
    if "tone" in tables:
        rows = tables["tone"][tables["tone"]["article_id"] == article_id]
        for s, e, c in zip(rows["start"], rows["end"], rows["compound"], strict=True):
            if abs(c) >= 0.05:
                out.append((s, e, "", f"tone {c:+.2f} (VADER)", _tone_style(c)))
    if "quotes" in tables:
        rows = tables["quotes"][tables["quotes"]["article_id"] == article_id]
        for row in rows.itertuples():
            speaker = next((w for w in (row.actor, row.speaker) if isinstance(w, str) and w),
                           None)
            verb = row.verb if isinstance(row.verb, str) else "no verb"
            group = row.verb_group if isinstance(row.verb_group, str) else "ungrouped"
            who = speaker or "unknown speaker"
            if row.kind != "thought":
                label = f"{row.kind} quote: {who} ({verb}, {group})"
            elif speaker:
                label = f"thought attributed to {who} ({verb}; not counted as a voice)"
            else:  # "X is expected to", "it seems that": the outlet's own impression
                label = f"impression, no holder named ({verb}; not counted as a voice)"
            out.append((row.start, row.end, "ol-q", label, ""))
    if "frames" in tables:
        rows = tables["frames"][tables["frames"]["article_id"] == article_id]
        for s, e, frame, term in zip(rows["start"], rows["end"], rows["frame"], rows["term"],
                                     strict=True):
            out.append((s, e, "ol-f", f"frame {frame}: {term}", ""))
    if "actors" in tables:
        rows = tables["actors"][tables["actors"]["article_id"] == article_id]
        for s, e, actor in zip(rows["start"], rows["end"], rows["actor"], strict=True):
            css = "ol-m ol-focus" if focus and actor == focus else "ol-m"
            out.append((s, e, css, f"actor: {actor}", ""))
    return [(int(s), int(e), *rest) for s, e, *rest in out if e > s]


def _render_text(text: str, intervals) -> str:
    """Escaped text cut at every mark's start and end; each piece carries all marks over it.

    One sweep over the boundaries (marks are opened and closed as the sweep passes them),
    so the cost grows with the text and the number of marks, not their product.
    """
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for i, (s, e, *_) in enumerate(intervals):
        starts[s].append(i)
        ends[e].append(i)
    bounds = sorted({0, len(text)} | {b for b in (*starts, *ends) if 0 <= b <= len(text)})
    active: set[int] = set()
    parts = []
    for a, b in itertools.pairwise(bounds):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        piece = html.escape(text[a:b])
        if not active:
            parts.append(piece)
            continue
        marks = [intervals[i] for i in sorted(active)]  # layer order: tone, quote, frame, actor
        classes = " ".join(c for _, _, c, _, _ in marks if c)
        titles = "; ".join(t for _, _, _, t, _ in marks)
        styles = ";".join(st for *_, st in marks if st)
        attrs = f' class="{classes}"' if classes else ""
        attrs += f' title="{html.escape(titles, quote=True)}"'
        attrs += f' style="{styles}"' if styles else ""
        parts.append(f"<span{attrs}>{piece}</span>")
    return "".join(parts)


def _layer_tables(corpus: pd.DataFrame, layers: Collection[str], given: dict) -> dict:
    tables = {k: v for k, v in given.items() if v is not None and k in layers}
    if "actors" in layers and "actors" not in tables:
        from .actors import mention_table

        tables["actors"] = mention_table(corpus)
    if "quotes" in layers and "quotes" not in tables:
        from .quotes import quote_table

        tables["quotes"] = quote_table(corpus)
    if "frames" in layers and "frames" not in tables:
        from .framing import frame_evidence

        tables["frames"] = frame_evidence(corpus)
    if "tone" in layers and "tone" not in tables:
        from .sentiment import sentence_sentiment

        tables["tone"] = sentence_sentiment(corpus)
    return tables


def highlight(
    corpus: pd.DataFrame,
    *,
    layers: Sequence[Layer] = LAYERS,
    actor: str | None = None,
    frames: Collection[str] | None = None,
    mentions: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    frame_matches: pd.DataFrame | None = None,
    tone: pd.DataFrame | None = None,
    palette: dict[str, str] | None = None,
) -> Highlighted:
    """Render the articles of ``corpus`` side by side with the chosen evidence layers.

    Parameters
    ----------
    corpus : one row per article (usually one event's, cleaned with
        :func:`analysis.clean_corpus`, since spans index the text as given).
    layers : any of ``"actors"``, ``"quotes"``, ``"frames"``, ``"tone"``.
    actor : an actor's canonical name whose mentions are also shaded yellow.
    frames : only mark the terms of these frames (default: all).
    mentions, quotes, frame_matches, tone : the layer tables, if already computed
        (``mention_table``, ``quote_table``, ``frame_evidence``, ``sentence_sentiment``
        of this same corpus); computed here otherwise.
    palette : the outlets' colours (:func:`analysis.plotting.outlet_palette` of the whole
        corpus), so a page of some outlets keeps their colours.
    """
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise ValueError(f"unknown layer(s) {sorted(unknown)}; the layers are {LAYERS}")
    missing = [c for c in ("article_id", "outlet", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"highlight needs the column(s) {missing}; load articles with "
                         "analysis.load_corpus() first")
    given = {"actors": mentions, "quotes": quotes, "frames": frame_matches, "tone": tone}
    tables = _layer_tables(corpus, layers, given)
    if frames is not None and "frames" in tables:
        tables["frames"] = tables["frames"][tables["frames"]["frame"].isin(list(frames))]
    colors = {**outlet_colors(corpus["outlet"]), **(palette or corpus.attrs.get("palette") or {})}
    columns = []
    for row in corpus.itertuples():
        text = _render_text(row.text, _intervals(row.article_id, tables, actor))
        title = getattr(row, "title", "") or ""
        columns.append(
            f'<div class="ol-col"><div class="ol-outlet" style="border-top:6px solid '
            f'{colors[row.outlet]}">{html.escape(str(row.outlet))}</div>'
            f'<div class="ol-title">{html.escape(str(title))}</div>'
            f'<div class="ol-text">{text}</div></div>'
        )
    legend = {
        "actors": '<span class="ol-m">actor</span>',
        "quotes": '<span class="ol-q">quote</span>',
        "frames": '<span class="ol-f">frame term</span>',
        "tone": f'<span style="{_tone_style(-0.8)}">negative</span> / '
                f'<span style="{_tone_style(0.8)}">positive</span> sentence',
    }
    shown = " ".join(legend[layer] for layer in LAYERS if layer in layers)
    note = ("Marks come from word lists and patterns (heuristics): hover over a mark to see "
            "why it is there.")
    head = f"<div class='ol-legend'>{shown}<br>{note}</div>" if layers else ""
    return Highlighted(f"<style>{_CSS}</style>{head}<div class='ol-grid'>{''.join(columns)}</div>")



callable_module(__name__, highlight)
