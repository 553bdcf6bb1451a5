"""Pathological sizes, small: each function returns on inputs shaped like the benchmark's
(bench/bench_pathological.py times them at full size, 1x, 2x and 4x). No timing here; the
sizes are chosen so that the quadratic versions these tests replaced would take many
seconds, and the linear ones a fraction of one.
"""

from __future__ import annotations

import pytest

from analysis import actors

SEED_ACTORS = actors.load_actors(event="2024-07-12-austin-belousov-call")


def _inside_title_by_scan(s, e, raw):
    """The former check: scan every hit (quadratic in the mentions of one text)."""
    return any(ts <= s and e <= te and form in ("title", "after")
               for ts, te, _i, form, _p, _c in raw)


@pytest.mark.parametrize("text", [
    "Putin's spokesman said. Kremlin spokesman Dmitry Peskov and Peskov spoke.",
    "Defense Secretary Austin met Austin's aide; Secretary Austin, Lloyd Austin.",
    "Russian Defense Minister Andrey Belousov; Belousov; the minister Belousov.",
])
def test_surnames_inside_titles_match_the_former_scan(text):
    shadow = actors._shadow(text)
    raw = SEED_ACTORS._matcher.raw(shadow)
    spans = sorted((s, e) for s, e, _i, form, _p, _c in raw if form in ("title", "after"))
    starts = [s for s, _ in spans]
    reach = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    for s, e, *_ in raw:
        for a, b in ((s, e), (s + 1, e), (s, e + 3), (0, len(text)), (e, e)):
            assert actors._inside_title(a, b, starts, reach) == \
                _inside_title_by_scan(a, b, raw), (a, b)


def test_many_mentions_in_one_text():
    # 20,000 surnames in one text: the former per-surname scan of every hit was
    # 20,000 x 20,000 steps (over a minute); now a bisect each.
    text = "Lloyd Austin spoke. " + "Austin " * 20_000
    found = actors.find_mentions(text, SEED_ACTORS)
    assert len(found) == 20_001
    assert {m.actor for m in found} == {"Lloyd Austin"}


QUOTE_SHAPES = {
    # one "sentence" of 40,000 straight quote marks: 20,000 quotes, each of which used to
    # rescan the rest of the sentence and every quote before it (5 s; now 0.2 s)
    "marks": '"' * 40_000,
    # 60,000 characters without a full stop, full of speech verbs and names
    "one sentence": " ".join(["Lloyd Austin told reporters the talks were good and Belousov "
                              "said that the Kremlin may warn of escalation"] * 600),
    "according": "according to " * 5_000,
    "mixed marks": "\u201c\u2018\u201d\u2019\"' " * 6_000,
}


@pytest.mark.parametrize("shape", QUOTE_SHAPES)
def test_quotes_on_pathological_shapes(shape):
    from analysis import quotes

    text = QUOTE_SHAPES[shape]
    found = quotes.find_quotes(text, SEED_ACTORS)
    for q in found:
        assert text[q.start:q.end] == q.quote
    if shape == "one sentence":  # each repeat: Austin told, Belousov said, Kremlin warn of
        assert len(found) == 3 * 600
        assert {q.actor for q in found} == {"Lloyd Austin", "Kremlin", None}


@pytest.mark.parametrize("text", [
    "The talks were good but the war is terrible.",
    "But Austin was not happy, BUT the deal is great.",
    "No contrast here: a good, bad and ugly war.",
])
def test_sentiment_notes_with_the_but_found_once(text):
    from analysis import fastvader, sentiment

    result = sentiment.score_sentence(text)
    analyzer = fastvader.default_analyzer()
    sentitext, first_index, _final, _ = sentiment._valences(analyzer, text)
    for e in result["evidence"]:
        # the note found with the sentence's "but" given equals the one it finds itself
        assert e["note"] == sentiment._note(analyzer, sentitext, first_index, e["word"],
                                            e["valence"])
    assert any("but" in e["note"] for e in result["evidence"]) == ("but" in text.lower())


def test_sentiment_of_one_long_sentence():
    # 12,000 tokens with 3,000 lexicon words in one sentence: the notes used to lower-case
    # every token once per lexicon word (36 million calls, seconds); now once.
    from analysis import sentiment

    text = " ".join(["the war talks were good but"] * 2_000) + " ok"
    result = sentiment.score_sentence(text)
    assert -1 <= result["compound"] <= 1
    assert len(result["evidence"]) >= 4_000


def test_alignment_of_many_one_word_articles():
    # 20,000 one-word articles of 7 outlets in one event: no sentence has the 3 content
    # stems a pair needs, so no 20,000 x 20,000 matrix is made (it took 40 s, and 100,000
    # articles needed 80 GB).
    from analysis import comparison
    from analysis.loading import from_texts

    corpus = from_texts([{"outlet": f"Outlet {i % 7}", "text": f"word{i % 50}"}
                         for i in range(20_000)])
    assert comparison.align_sentences(corpus).empty


def test_alignment_too_big_for_memory_is_a_clear_error(monkeypatch):
    from analysis import comparison
    from analysis.loading import from_texts

    corpus = from_texts({"A": "Austin called Belousov about the war in Ukraine today.",
                         "B": "Belousov and Austin talked about the Ukraine war today."})
    assert len(comparison.align_sentences(corpus)) == 1
    # the limit is read where the alignment runs
    monkeypatch.setattr(comparison.alignment, "_MAX_ALIGN_CELLS", 10)
    with pytest.raises(ValueError, match=r"event 'pasted' has 2 sentences .* GB"):
        comparison.align_sentences(corpus)


def test_mention_table_of_one_long_article(tmp_path):
    # ~600 KB, 13,500 sentences and 22,500 mentions in one article: each mention used to
    # rebuild the list of sentence starts (5 s); now it is built once per article.
    from analysis.loading import from_texts

    paragraph = ("Lloyd Austin spoke with Andrey Belousov on Friday. The Kremlin said the "
                 "call was useful. Austin and Belousov may speak again.")
    corpus = from_texts({"A": "\n\n".join([paragraph] * 4_500)})
    table = actors.mention_table(corpus, SEED_ACTORS)
    # per paragraph: Lloyd Austin, Andrey Belousov | Kremlin | Austin, Belousov
    assert len(table) == 4_500 * 5
    assert table.groupby("sentence_index").size().tolist() == [2, 1, 2] * 4_500


def _bench():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parent.parent / "bench" / "bench_pathological.py"
    spec = importlib.util.spec_from_file_location("bench_pathological", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.filterwarnings("ignore")
def test_pathological_benchmark_smoke():
    """Every input and function of bench/bench_pathological.py, at 1/500 of its sizes."""
    import io

    out = io.StringIO()
    rows = _bench().run(scale=0.002, out=out)
    assert {r["input"] for r in rows} == {
        "one sentence (chars)", "quote marks", "punctuation runs (chars)",
        "50 MB article (bytes)", "one-word articles"}
    assert all(len(r["seconds"]) == 3 for r in rows)
    assert "quotes.find_quotes [straight]" in out.getvalue()


class _Deadline:
    """Raise TimeoutError in the test after ``seconds`` (a hang guard, not a speed test:
    the margin is about 100 times what a linear function needs here)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self):
        import signal

        def stop(signum, frame):
            raise TimeoutError(f"still running after {self.seconds} s")

        self.previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        import signal

        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)


# The word regex's email alternative used to be tried at every position of such a run and
# ran to its end each time: quadratic (80,000 full stops took 9.6 s).
@pytest.mark.parametrize("text", ["." * 100_000, "-" * 100_000, ".a" * 50_000])
def test_word_spans_on_long_punctuation_runs(text):
    from analysis import tokens

    with _Deadline(2.0):
        spans = tokens.word_spans(text, punct=True)
    assert spans


def test_reported_speech_in_one_endless_sentence_is_bounded():
    # 300,000 characters, no full stop, a speech cue every ~75 characters: each reported
    # quote used to run to the end of the text (4,000 quotes x 150,000 characters on
    # average: 600 million characters copied); now at most 5,000 characters each.
    from analysis import quotes

    text = " ".join(["Lloyd Austin told reporters the talks with Belousov were very useful"]
                    * 4_300)
    found = quotes.find_quotes(text, SEED_ACTORS)
    assert len(found) == 4_300
    assert max(q.end - q.start for q in found) <= quotes._REPORTED_MAX
    assert all(text[q.start:q.end] == q.quote for q in found[:50])
