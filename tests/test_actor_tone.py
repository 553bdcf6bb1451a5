"""Tests for analysis.actor_tone's score columns and the fast path they use
(TargetToneModel.predict_spans): the same numbers as target_tone, mention by mention."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from analysis.actor_tone import SCORE_TONE_COLUMNS, score_tone_columns, score_tone_row
from analysis.fastvader import FastVader
from analysis.scoring import Scorer
from analysis.target_tone import (
    CLASSES,
    load_model,
    mention_sentence,
    target_tone,
)
from analysis.tokens import sentence_spans, shadow

ARTICLE = (
    "Critics slammed Smith on Monday. “Jones did a great job,” Smith said, praising "
    "Jones’s reform. Jones, who was charged with fraud, denied it.\n\nSmith. Jones and "
    "Smith met the delegation on Tuesday; Smith's plan failed."
)


def spans_of(name: str, text: str = ARTICLE) -> list[tuple[int, int]]:
    out, start = [], text.find(name)
    while start >= 0:
        out.append((start, start + len(name)))
        start = text.find(name, start + 1)
    return out


def test_mention_sentence_by_hand():
    text = "Smith spoke. Critics slammed Jones. They left."
    assert mention_sentence(text, 29, 34) == (13, 35)
    assert mention_sentence(text, 0, 5) == (0, 12)
    # a mention across two sentences reads both
    assert mention_sentence(text, 6, 20) == (0, 35)
    # one sentence: the whole text, spaces included
    assert mention_sentence("  Smith spoke.  ", 2, 7) == (0, 16)


def test_target_tone_reads_only_the_mentions_sentence():
    sentence = "Critics slammed Smith on Monday."
    alone = target_tone(sentence, 16, 21)
    inside = target_tone(ARTICLE, 16, 21)
    assert inside.label == alone.label
    assert inside.probabilities == pytest.approx(alone.probabilities, abs=1e-15)
    assert [e.feature for e in inside.features] == [e.feature for e in alone.features]


# carriage returns and tabs: the shadow text differs there, cut or whole
CRLF = ARTICLE.replace("\n\n", "\r\n\r\n").replace(" on Monday", "\ton Monday\r")


@pytest.mark.parametrize("article", [ARTICLE, CRLF])
@pytest.mark.parametrize("with_compounds", [False, True])
def test_predict_spans_equals_target_tone(article, with_compounds):
    model = load_model()
    spans = sorted(spans_of("Smith", article) + spans_of("Jones", article) + [(5, 21)])
    sentences = sentence_spans(article)
    compounds = ([FastVader().compound(shadow(article[s:e])) for s, e in sentences]
                 if with_compounds else None)
    fast = model.predict_spans(article, spans, sentences=sentences, compounds=compounds)
    assert fast.shape == (len(spans), 3)
    for (start, end), row in zip(spans, fast, strict=True):
        slow = target_tone(article, start, end)
        assert CLASSES[int(row.argmax())] == slow.label
        assert row == pytest.approx([slow.probabilities[c] for c in CLASSES], abs=1e-12)


def test_predict_spans_of_nothing_and_bad_spans():
    model = load_model()
    assert model.predict_spans(ARTICLE, []).shape == (0, 3)
    with pytest.raises(ValueError, match="start and end"):
        model.predict_spans("Smith spoke.", [(3, 99)])


def test_score_tone_row_by_hand():
    mentions = [SimpleNamespace(actor="Smith", start=s, end=e) for s, e in spans_of("Smith")]
    mentions += [SimpleNamespace(actor="Jones", start=s, end=e) for s, e in spans_of("Jones")]
    row = score_tone_row(ARTICLE, mentions, ["Jones", "Smith", "Nobody"])
    results = [(m.actor, target_tone(ARTICLE, m.start, m.end)) for m in mentions]
    tones = {a: [r.probabilities["positive"] - r.probabilities["negative"]
                 for b, r in results if b == a] for a in ("Smith", "Jones")}
    everything = tones["Smith"] + tones["Jones"]
    assert len(row) == len(score_tone_columns(["Jones", "Smith", "Nobody"])) == 6
    assert row[0] == pytest.approx(sum(everything) / len(everything))
    assert row[1] == sum(r.label == "negative" for _, r in results)
    assert row[2] == sum(r.label == "positive" for _, r in results)
    assert row[3] == pytest.approx(np.mean(tones["Jones"]))
    assert row[4] == pytest.approx(np.mean(tones["Smith"]))
    assert math.isnan(row[5])
    # "Critics slammed Smith": negative; "praising Jones's reform": not negative
    assert results[0][1].label == "negative"


def test_score_tone_row_without_mentions():
    row = score_tone_row("Nothing here.", [], ["A", "B"])
    assert math.isnan(row[0]) and row[1:3] == [0, 0]
    assert all(math.isnan(x) for x in row[3:])


def test_scorer_columns_and_values():
    from analysis.actors import ActorList, load_actors

    actors = load_actors(event="2024-07-12-austin-belousov-call")
    assert isinstance(actors, ActorList)
    scorer = Scorer(frames=False, markers=False, quotes=False, actors=actors,
                    mention_tone=True)
    names = scorer.actor_names
    expected = [*SCORE_TONE_COLUMNS, *(f"tone_{n}" for n in names)]
    assert scorer.columns[-len(expected):] == expected
    text = ("Critics slammed Dmitry Peskov on Monday. Peskov praised the deal. "
            "Lloyd Austin spoke.")
    values = dict(zip(scorer.columns[5:], scorer.score_text(text), strict=True))
    second = text.index("Peskov praised")
    peskov = [target_tone(text, 16, 29), target_tone(text, second, second + 6)]
    tone = [r.probabilities["positive"] - r.probabilities["negative"] for r in peskov]
    assert values["mentions_Dmitry Peskov"] == 2
    assert values["tone_Dmitry Peskov"] == pytest.approx(np.mean(tone))
    assert values["n_negative_mentions"] + values["n_positive_mentions"] <= values["n_mentions"]
    assert math.isnan(values["tone_Vladimir Putin"])


def test_scorer_without_mention_tone_by_default():
    scorer = Scorer(frames=False, markers=False, quotes=False)
    assert not any(c.startswith("tone_") or c in SCORE_TONE_COLUMNS for c in scorer.columns)
    assert "n_mentions" in scorer.columns
    assert len(scorer.score_text("NATO met.")) == len(scorer.columns) - 5
