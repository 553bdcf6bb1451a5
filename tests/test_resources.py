"""Word lists and the offline NLTK data."""

import zipfile

import nltk
import pytest
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from analysis.loading import CorpusError
from analysis.resources import VADER_RESOURCE, load_wordlist, provide_nltk_data
from analysis.yamlio import read_yaml, yaml_load


def test_provides_vader_from_the_installed_package(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTLET_LENS_NLTK_DATA", str(tmp_path / "nltk"))
    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    root = provide_nltk_data()
    assert root == tmp_path / "nltk"
    assert str(root) == nltk.data.path[0]
    with zipfile.ZipFile(root / "sentiment" / "vader_lexicon.zip") as zf:
        assert zf.namelist() == ["vader_lexicon/vader_lexicon.txt"]
    nltk.data.find(VADER_RESOURCE)
    analyzer = SentimentIntensityAnalyzer()
    # values read off vader_lexicon.txt: "war" -2.9, "threat" -2.4
    assert analyzer.lexicon["war"] == -2.9
    assert analyzer.lexicon["threat"] == -2.4
    # VADER's normalised compound for a single word of valence v is v / sqrt(v*v + 15)
    assert analyzer.polarity_scores("war")["compound"] == round(-2.9 / (2.9**2 + 15) ** 0.5, 4)
    # a second call reuses the copy
    mtime = (root / "sentiment" / "vader_lexicon.zip").stat().st_mtime_ns
    provide_nltk_data()
    assert (root / "sentiment" / "vader_lexicon.zip").stat().st_mtime_ns == mtime


def test_a_damaged_copy_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTLET_LENS_NLTK_DATA", str(tmp_path))
    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    target = tmp_path / "sentiment" / "vader_lexicon.zip"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"garbage")
    provide_nltk_data()
    assert zipfile.is_zipfile(target)


def test_yaml_booleans_are_only_true_and_false():
    assert yaml_load("[no, yes, on, off, true, False]") == ["no", "yes", "on", "off", True, False]


def test_yaml_never_builds_objects():
    with pytest.raises(Exception, match="constructor"):
        yaml_load("!!python/object/apply:os.system ['echo hi']")


def test_read_yaml_errors_name_file_and_line(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("a: 1\nb: [unclosed\n")
    with pytest.raises(CorpusError, match=r"bad\.yml, line \d: is not valid YAML"):
        read_yaml(path)
    with pytest.raises(CorpusError, match="file not found"):
        read_yaml(tmp_path / "missing.yml")


def test_wordlists_load():
    assert {"gen", "u.s", "jan"} <= load_wordlist("abbreviations")
    assert "the" in load_wordlist("abbreviations", "sentence_starters")
    assert "ill" not in load_wordlist("abbreviations")
