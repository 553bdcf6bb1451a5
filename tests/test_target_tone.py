"""Tests for analysis.target_tone: features worked out by hand, the model's arithmetic, the
shipped weights' reproducibility (tools/train_target_tone.py --check) and use without
scikit-learn."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.fastvader import FastVader
from analysis.target_tone import (
    CLASSES,
    TargetFeaturizer,
    ascii_text,
    load_model,
    target_features,
    target_tone,
    target_tone_table,
)

ROOT = Path(__file__).resolve().parents[1]
NEWSMTSC = ROOT.parent / "shared" / "corpora" / "newsmtsc"
MODEL_FILE = ROOT / "analysis" / "data" / "models" / "target_tone.json"

SMALL_LISTS = {
    "speech_verbs": ["said"], "attack_verbs": ["slammed"], "praise_verbs": ["praised"],
    "news_negative": ["slammed"], "news_positive": [], "clause_words": ["who"],
    "skip_after": ["was"], "skip_before": ["the"], "pronouns": ["he"],
}


def test_features_of_one_sentence_by_hand():
    # Tokens: Critics slammed [Smith] , who lied .   (window 2)
    # VADER: critics -1.2, lied -1.6 (divided by 4: -0.3, -0.4); "slammed" is not in it.
    # The clause runs from "Critics" to the comma; "lied" lies outside it.
    text = "Critics slammed Smith, who lied."
    featurizer = TargetFeaturizer(SMALL_LISTS, window=2)
    feats = featurizer(text, 16, 21)
    expected = {
        "L:critic": 1.0, "L:slam": 1.0, "R:who": 1.0, "R:lie": 1.0,  # Porter stems
        "L1:slam": 1.0, "R1:,": 1.0, "L2:critic_slam": 1.0, "R2:who_lie": 1.0,
        "S:critic": 1.0, "S:slam": 1.0, "S:who": 1.0, "S:lie": 1.0,
        "v:left_neg": 0.3,  # critics, 2 words left
        "v:right_neg": 0.4,  # lied, in the window
        "v:clause_neg": 0.3,
        "v:out_neg": 0.4,
        "v:near_neg": 0.3 / 2 + 0.4 / 3,  # by distance: critics 2, lied 3 (. , who lied)
        "v:compound": FastVader().compound(text),
        "obj:attack": 1.0,  # "slammed" right before the target
        "news:neg": 1.0,
        "pos:rel": 2 / 4,  # 2 of the 4 other words stand before the target
        "len": 5 / 40,
    }
    assert feats.keys() == expected.keys()
    for name, value in expected.items():
        assert feats[name] == pytest.approx(value), name


@pytest.mark.parametrize(("text", "start", "end", "present", "absent"), [
    ("Smith said the plan failed.", 0, 5, ["speaks", "pos:first", "L1:<s>"], ["quoted"]),
    ("The plan failed, said Smith.", 22, 27, ["speaks", "R1:."], ["pos:first"]),
    ('Jones called "Smith" a fraud.', 14, 19, ["quoted", "has_quote"], ["speaks"]),
    ("Smith was not praised.", 0, 5, ["neg:R"], ["subj:pos"]),
    ("Smith's plan failed.", 0, 5, ["target:possessive"], []),
    ("He praised the plan.", 0, 2, ["target:pronoun", "subj:praise", "subj:pos"], []),
    ("The plan was criticized by Smith.", 27, 32, ["agent:neg", "agent:attack"], []),
])
def test_role_features(text, start, end, present, absent):
    feats = target_features(text, start, end)
    for name in present:
        assert name in feats, name
    for name in absent:
        assert name not in feats, name


def test_negation_flips_the_verb_after_the_target():
    feats = target_features("Smith did not praise the plan.", 0, 5)
    assert feats["subj:neg"] > 0
    assert feats["subj:praise"] == -1.0


def test_curly_quotes_score_like_straight_ones():
    curly = "Smith said: “I’m proud of what we’ve done – it’s good.”"
    straight = "Smith said: \"I'm proud of what we've done - it's good.\""
    assert ascii_text(curly) == straight
    assert target_features(curly, 0, 5) == target_features(straight, 0, 5)
    featurizer = load_model().featurizer
    assert featurizer.valences(featurizer.tokens("“proud”")) == \
        featurizer.valences(featurizer.tokens('"proud"'))
    assert featurizer.valences(featurizer.tokens("“proud”"))[1] == pytest.approx(2.1 / 4)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Critics slammed Smith, who lied.", 16, 21),
    ("Supporters praised Smith for her brave leadership.", 19, 24),
    ("Smith met the delegation on Tuesday.", 0, 5),
    ("“It was a disaster,” Jones said of Smith’s plan.", 34, 39),
])
def test_probabilities_and_explanation_add_up(text, start, end):
    model = load_model()
    result = target_tone(text, start, end)
    probabilities = [result.probabilities[c] for c in CLASSES]
    assert sum(probabilities) == pytest.approx(1.0)
    assert result.label == CLASSES[int(np.argmax(probabilities))]
    # The logits from the raw weights: the coefficients, and the word table for the words'
    # shares in their side's mean (wL:, wR:, wC:).
    feats = target_features(text, start, end)
    logits = model.intercept.copy()
    for name, value in feats.items():
        if name in model.vocabulary:
            logits += model.coef[:, model.vocabulary[name]] * value
        elif name[:1] == "w" and name[3:] in model.word_scores:
            # six weights a stem: negative and positive minus neutral, per side L, R, C
            row = model.word_scores[name[3:]]
            i = "LRC".index(name[1])
            logits += np.asarray([row[2 * i], 0.0, row[2 * i + 1]]) * value
    assert np.log(probabilities) - np.log(probabilities).mean() == \
        pytest.approx(logits - logits.mean())
    k = CLASSES.index(result.label)
    total = sum(e.contribution for e in result.features)
    assert total == pytest.approx(logits[k] - logits.mean())
    contributions = [e.contribution for e in result.features]
    assert contributions == sorted(contributions, reverse=True)
    for e in result.features:
        assert e.contribution == pytest.approx(e.value * e.weight)
    assert any(e.feature == "(intercept)" for e in result.features)


@pytest.mark.parametrize(("text", "start", "end", "label"), [
    ("Critics slammed Smith for the failed plan.", 16, 21, "negative"),
    ("Smith was accused of fraud and lied to investigators.", 0, 5, "negative"),
    ("Supporters praised Smith for her brave leadership.", 19, 24, "positive"),
    ("Smith won praise for her successful reform.", 0, 5, "positive"),
])
def test_clear_examples(text, start, end, label):
    assert target_tone(text, start, end).label == label


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Smith won the award; Jones was charged with fraud.", "positive", "negative"),
    ("Smith, a respected leader, defeated Jones, who was charged with fraud.",
     "positive", "negative"),
])
def test_same_sentence_different_targets(text, first, second):
    names = ("Smith", "Jones") if text.startswith("Smith") else ("Jones", "Smith")
    labels = [target_tone(text, text.index(n), text.index(n) + 5).label for n in names]
    assert labels == [first, second]


@pytest.mark.xfail(strict=True, reason="known limit: the praise Jones speaks is in the words "
                   "on his right too, and the word table reads them for him (no syntax)")
def test_the_speaker_of_praise_is_not_praised():
    text = "Jones said Smith had done a great job."
    assert [target_tone(text, 0, 5).label, target_tone(text, 11, 16).label] == [
        "neutral", "positive"]


@pytest.mark.xfail(strict=True, reason="known limit: the sentence's negative words outweigh "
                   "the praise in Jones's own clause (a word-order model, no syntax)")
def test_contrast_across_but():
    text = "Jones praised the plan, but Smith attacked it as a disgrace."
    assert target_tone(text, 0, 5).label == "positive"


def test_table_matches_single_calls_and_keeps_the_index():
    frame = pd.DataFrame({
        "sentence": ["Critics slammed Smith.", "Smith praised the plan.", "Smith spoke."],
        "from": [16, 0, 0], "to": [21, 5, 5], "other": [1, 2, 3]}, index=[10, 20, 30])
    before = frame.copy()
    table = target_tone_table(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert list(table.columns) == ["label", "p_negative", "p_neutral", "p_positive",
                                   "top_features"]
    assert list(table.index) == [10, 20, 30]
    for (_, row), sentence, s, e in zip(table.iterrows(), frame["sentence"], frame["from"],
                                        frame["to"], strict=True):
        single = target_tone(sentence, s, e)
        assert row["label"] == single.label
        for c in CLASSES:
            assert row[f"p_{c}"] == pytest.approx(single.probabilities[c])
        best = next(e for e in single.features if e.feature != "(intercept)")
        if best.contribution > 0:
            assert row["top_features"].startswith(best.feature)


def test_table_of_nothing():
    empty = pd.DataFrame({"sentence": [], "from": [], "to": []})
    table = target_tone_table(empty)
    assert len(table) == 0
    assert "label" in table.columns


def test_table_errors_name_the_column_and_row():
    frame = pd.DataFrame({"text": ["Smith spoke."], "from": [0], "to": [5]})
    with pytest.raises(KeyError, match=r"'sentence'.*text="):
        target_tone_table(frame)
    bad = pd.DataFrame({"sentence": ["Smith spoke."], "from": [3], "to": [99]}, index=["r1"])
    with pytest.raises(ValueError, match=r"row 'r1'.*len\(text\) = 12"):
        target_tone_table(bad)


@pytest.mark.parametrize(("start", "end", "error"), [
    (5, 5, ValueError), (-1, 3, ValueError), (0, 99, ValueError), (0.0, 3, TypeError),
])
def test_bad_offsets(start, end, error):
    with pytest.raises(error, match=r"start|end"):
        target_tone("Smith spoke.", start, end)


def test_model_file_is_plain_json_with_its_story():
    content = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    meta = content["metadata"]
    for key in ("training_data", "trained", "trained_with", "hyper_parameters",
                "cross_validation", "dev", "dev_use"):
        assert key in meta, key
    assert content["classes"] == list(CLASSES)
    assert len(content["coef"]) == 3
    assert all(len(row) == len(content["features"]) for row in content["coef"])
    assert len(content["features"]) <= 6000
    assert meta["n_features"] == len(content["features"])
    assert MODEL_FILE.stat().st_size < 1_000_000
    if content.get("word_scores"):
        words = MODEL_FILE.with_name(content["word_scores"]["file"])
        assert words.stat().st_size < 1_000_000
        with np.load(words, allow_pickle=False) as table:  # plain arrays, no pickle
            assert table["scores"].shape == (len(table["stems"]), 6)
            assert table["scores"].dtype == np.float32


def test_loading_and_predicting_need_no_scikit_learn():
    code = (
        "import sys\n"
        "sys.modules['sklearn'] = None; sys.modules['scipy'] = None\n"
        "from analysis.target_tone import target_tone\n"
        "r = target_tone('Critics slammed Smith.', 16, 21)\n"
        "assert r.label in ('negative', 'neutral', 'positive')\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_shipped_weights_are_reproducible():
    if not (NEWSMTSC / "train.jsonl").is_file():
        pytest.skip(f"needs NewsMTSC's train.jsonl in {NEWSMTSC} (../shared/ is not beside "
                    "this clone)")
    if importlib.util.find_spec("sklearn") is None:
        pytest.skip("needs scikit-learn (a training-only dependency: pip install scikit-learn)")
    spec = importlib.util.spec_from_file_location("train_target_tone",
                                                  ROOT / "tools" / "train_target_tone.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    has_table = "word_scores" in json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if has_table and not tool.DEFAULT_CORPUS.is_file():
        pytest.skip(f"needs the allsides-abp articles in {tool.DEFAULT_CORPUS} (the word "
                    "vectors are rebuilt from them)")
    assert tool.check(NEWSMTSC, MODEL_FILE, tool.DEFAULT_CORPUS) == 0


# NLTK's Porter suffixes (steps 1a to 5b), the irregular words of its extensions, and the
# "ed"/"ing"/"e"/"ll"/"y" endings whose rules test the stem (measure, *o, *d, vowels).
PORTER_SUFFIXES = [
    "sses", "ies", "ss", "s", "eed", "ied", "ed", "ing", "at", "bl", "iz", "y", "ational",
    "tional", "enci", "anci", "izer", "bli", "abli", "alli", "entli", "eli", "ousli",
    "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti",
    "biliti", "fulli", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness",
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
    "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll", "l", ""]
PORTER_BASES = ["", "a", "y", "yy", "sky", "relat", "hop", "fil", "ceas", "control",
                "troubl", "gener", "pr", "tann", "fizz", "happ", "enjo", "agr", "conditi"]
PORTER_WORDS = ["skies", "dying", "lying", "tying", "news", "innings", "inning", "outings",
                "canning", "howe", "proceed", "exceed", "succeed", "ties", "tied", "ied"]


def test_stems_are_nltk_porter_stems():
    # The featurizer's stemmer skips the steps of NLTK's stemmer whose suffixes a word
    # lacks; the stems must be NLTK's own, here for every base + suffix + suffix.
    from nltk.stem.porter import PorterStemmer

    nltk_stem = PorterStemmer(PorterStemmer.NLTK_EXTENSIONS).stem
    words = sorted({base + a + b for base in PORTER_BASES for a in PORTER_SUFFIXES
                    for b in ("", "s", "ed", "ing", "ly", "ness", "al", "e", "y")} - {""})
    words += PORTER_WORDS
    tokens = TargetFeaturizer(SMALL_LISTS).tokens(" ".join(words))
    assert [t.text for t in tokens] == words
    assert [t.stem for t in tokens] == [nltk_stem(w) for w in words]


def test_side_words_by_hand():
    # Critics slammed [Smith] , who lied .   Known stems: critic, slam, lie ("who" is not).
    # Left: slammed and Critics share it; right: lied alone ("who" has no entry). The clause
    # ends at the comma, so it holds the left words only.
    text = "Critics slammed Smith, who lied."
    featurizer = TargetFeaturizer(SMALL_LISTS, window=2, words={"critic", "slam", "lie"})
    feats = featurizer(text, 16, 21)
    words = {k: v for k, v in feats.items() if k[:1] == "w"}
    assert words == {"wL:slam": 0.5, "wL:critic": 0.5, "wR:lie": 1.0,
                     "wC:slam": 0.5, "wC:critic": 0.5}
    # A stem twice on a side has twice the share; the target's own words are no side's.
    feats = featurizer("Critics slammed Smith Critics", 16, 21)
    assert {k: v for k, v in feats.items() if k[:1] == "w"} == {
        "wL:slam": 0.5, "wL:critic": 0.5, "wR:critic": 1.0,
        "wC:slam": 1 / 3, "wC:critic": 2 / 3}
    assert not any(k[:1] == "w" for k in TargetFeaturizer(SMALL_LISTS)(text, 16, 21))


#: A small word table (weights toward negative and positive minus neutral, per side L, R, C).
TABLE = {
    "critic": (1.0, -0.5, 0.3, 0.0, 0.8, -0.2),
    "slam": (1.5, -1.0, 0.5, -0.2, 1.0, -0.5),
    "fail": (0.4, -0.4, 1.2, -0.8, 0.6, -0.3),
    "plan": (0.0, 0.1, -0.1, 0.2, 0.0, 0.0),
    "prais": (-1.0, 1.5, -0.5, 1.0, -0.8, 1.2),
}


@pytest.fixture
def table_model(tmp_path):
    """The shipped coefficients with the small word table TABLE beside them (and, as
    ``model.without``, the same coefficients without a table)."""
    content = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    content.pop("word_scores", None)
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(content), encoding="utf-8")
    content["word_scores"] = {"file": "small_words.npz", "sides": ["L", "R", "C"]}
    np.savez(tmp_path / "small_words.npz", stems=np.asarray(list(TABLE)),
             scores=np.asarray(list(TABLE.values()), dtype=np.float32))
    path = tmp_path / "model.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    model = load_model(path)
    model.without = load_model(plain)
    return model


def test_the_word_table_moves_the_logits_by_the_side_means(table_model):
    # Critics slammed [Smith] for the failed plan .   No clause boundary: the clause is the
    # sentence. Left: critic, slam (1/2 each); right: fail, plan (1/2 each; "for", "the"
    # have no entry); clause: all four (1/4 each).
    # negative - neutral: (1.0 + 1.5) / 2 + (1.2 - 0.1) / 2 + (0.8 + 1.0 + 0.6 + 0) / 4 = 2.4
    # positive - neutral: (-0.5 - 1.0) / 2 + (-0.8 + 0.2) / 2 + (-0.2 - 0.5 - 0.3) / 4 = -1.3
    text, start, end = "Critics slammed Smith for the failed plan.", 16, 21
    with_table = np.log([table_model.predict(text, start, end).probabilities[c]
                         for c in CLASSES])
    without = np.log([table_model.without.predict(text, start, end).probabilities[c]
                      for c in CLASSES])
    shift = (with_table - with_table[1]) - (without - without[1])
    assert shift == pytest.approx([2.4, 0.0, -1.3], abs=1e-6)


def test_the_explanation_names_the_words_of_the_word_table(table_model):
    result = table_model.predict("Critics slammed Smith for the failed plan.", 16, 21)
    assert result.label == "negative"
    words = {e.feature: e for e in result.features if e.feature[:3] in ("wL:", "wR:", "wC:")}
    assert sorted(words) == ["wC:critic", "wC:fail", "wC:plan", "wC:slam", "wL:critic",
                             "wL:slam", "wR:fail", "wR:plan"]
    # wL:slam: share 1/2, weights (1.5, 0, -1.0), centred toward negative: 1.5 - 0.5/3
    assert words["wL:slam"].value == 0.5
    assert words["wL:slam"].weight == pytest.approx(1.5 - 0.5 / 3)
    assert table_model.weight("wR:fail") == pytest.approx((1.2, 0.0, -0.8))
    assert table_model.weight("wR:nothing") is None
    total = sum(e.contribution for e in result.features)
    logits = np.log([result.probabilities[c] for c in CLASSES])
    assert total == pytest.approx(logits[0] - logits.mean())


@pytest.mark.parametrize("with_table", [False, True])
def test_predict_spans_equals_predict(table_model, with_table):
    model = table_model if with_table else load_model()
    text = ("Critics slammed Smith, who failed, and praised Jones for her plan; "
            "Smith said the plan of Jones had failed. Jones spoke.")
    spans = [(m, m + 5) for m in (16, 47, 67, 90, 108)]
    assert [text[s:e] for s, e in spans] == ["Smith", "Jones", "Smith", "Jones", "Jones"]
    fast = model.predict_spans(text, spans)
    for (s, e), row in zip(spans, fast, strict=True):
        single = model.predict(text, s, e).probabilities
        assert row == pytest.approx([single[c] for c in CLASSES], abs=1e-12)


def test_load_model_from_a_path(tmp_path):
    content = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    content.pop("word_scores", None)  # a model without a word table
    content["intercept"] = [0.0, 5.0, 0.0]  # push everything to neutral
    content["coef"] = [[0.0] * len(content["features"])] * 3
    path = tmp_path / "flat.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    result = target_tone("Critics slammed Smith.", 16, 21, model=path)
    assert result.label == "neutral"
    assert result.probabilities["neutral"] == pytest.approx(
        math.exp(5) / (math.exp(5) + 2))
    with pytest.raises(ValueError, match=r"flat\.json"):
        bad = dict(content, classes=["a", "b", "c"])
        path.write_text(json.dumps(bad), encoding="utf-8")
        load_model(path)


def test_a_model_file_without_its_word_table_names_it(tmp_path):
    content = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    content["word_scores"] = {"file": "missing_words.npz", "sides": ["L", "R", "C"]}
    path = tmp_path / "model.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.json.*missing_words\.npz"):
        load_model(path)


def test_table_with_a_word_table_matches_single_calls(table_model):
    frame = pd.DataFrame({
        "sentence": ["Critics slammed Smith for the failed plan.", "Smith praised the plan.",
                     "Smith spoke."],
        "from": [16, 0, 0], "to": [21, 5, 5]})
    table = target_tone_table(frame, model=table_model)
    for (_, row), sentence, s, e in zip(table.iterrows(), frame["sentence"], frame["from"],
                                        frame["to"], strict=True):
        single = table_model.predict(sentence, s, e)
        assert row["label"] == single.label
        for c in CLASSES:
            assert row[f"p_{c}"] == pytest.approx(single.probabilities[c])
        best = single.features[0]
        assert row["top_features"].startswith(f"{best.feature} {best.contribution:+.2f}")
