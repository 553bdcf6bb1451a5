"""Cleaning: each rule on a small text, the seed event's furniture, and nothing lost."""

import pytest

from analysis import from_texts, load_corpus
from analysis.cleaning import RULES, clean_corpus, clean_text, find_furniture, furniture_table
from conftest import SEED_EVENT


@pytest.mark.parametrize(
    ("text", "title", "expected_rules", "expected_clean"),
    [
        ("Skip to content\nBody text here.", None, [("navigation", 1)], "Body text here."),
        ("Body text here.\n\nRead also:\n\nComments (12)\nLatest", None,
         [("navigation", 3), ("navigation", 5), ("navigation", 6)], "Body text here."),
        ("Talks held!\nBody text here.", "Talks held", [("title", 1)], "Body text here."),
        # a caption and its alt text, one after the other (blank line between): both go
        ("Body.\nMissiles on parade in Moscow.\n\nMissiles on parade in Moscow.\nMore body.",
         None, [("repeated_caption", 2), ("repeated_caption", 4)], "Body.\n\nMore body."),
        # a long line repeated later: the later copy goes, the first stays
        ("The ministers spoke by phone on Friday.\nOther text.\n"
         "The ministers spoke by phone on Friday.", None, [("repeated_line", 3)],
         "The ministers spoke by phone on Friday.\nOther text."),
        # short repeated lines (under 20 characters) are not touched
        ("Yes.\nNo.\nYes.", None, [], "Yes.\nNo.\nYes."),
        # a numbered summary after the article, under a header, before furniture
        ("Body.\n\nKey points:\n1. One.\n2. Two.\n3. Three.\n\nComments", None,
         [("appended_summary", 3), ("appended_summary", 4), ("appended_summary", 5),
          ("appended_summary", 6), ("navigation", 8)], "Body."),
        # two numbered points are not enough, and a list that is not at the end stays
        ("Body.\n1. One.\n2. Two.", None, [], "Body.\n1. One.\n2. Two."),
        ("1. One.\n2. Two.\n3. Three.\nThe article goes on.", None, [],
         "1. One.\n2. Two.\n3. Three.\nThe article goes on."),
        # numbering that does not start at 1 is not a summary
        ("Body.\n2. Two.\n3. Three.\n4. Four.", None, [], "Body.\n2. Two.\n3. Three.\n4. Four."),
        ("", None, [], ""),
    ],
)
def test_rules(text, title, expected_rules, expected_clean):
    removals = find_furniture(text, title=title)
    assert [(r.rule, r.line) for r in removals] == expected_rules
    for r in removals:
        assert text[r.start:r.end] == r.text
    assert clean_text(text, title=title) == expected_clean


def test_rules_can_be_chosen():
    text = "Skip to content\nTalks held\nBody."
    assert [r.rule for r in find_furniture(text, title="Talks held", rules=["title"])] == ["title"]
    with pytest.raises(ValueError, match="unknown cleaning rule"):
        find_furniture(text, rules=["everything"])


def test_navigation_pattern_must_match_the_whole_line():
    # "Comments" inside a sentence is article text
    assert find_furniture("Comments from the minister were sharp.") == []


def test_seed_event_furniture_matches_the_seed_readme():
    table = furniture_table(load_corpus(SEED_EVENT))
    ntv = table[table["outlet"] == "n-tv"]
    # README of the seeds: "Skip to content", a repeated photo caption, "Read also:",
    # "Comments", "Latest", and a numbered five-point summary after the article;
    # the headline is also repeated twice in the body.
    assert ntv.loc[ntv["rule"] == "navigation", "text"].tolist() == [
        "Skip to content", "Read also:", "Comments", "Latest"]
    assert ntv.loc[ntv["rule"] == "repeated_caption", "text"].tolist() == [
        "From 2026, the USA will station Tomahawk cruise missiles in Germany among other "
        "things."] * 2
    assert ntv.loc[ntv["rule"] == "appended_summary", "text"].str[:2].tolist() == [
        "1.", "2.", "3.", "4.", "5."]
    assert (ntv["rule"] == "title").sum() == 2
    shafaq = table[table["outlet"] == "Shafaq News"]
    assert shafaq["rule"].tolist() == ["title"]


def test_clean_corpus_keeps_raw_text_and_does_not_mutate():
    corpus = load_corpus(SEED_EVENT)
    before = corpus.copy()
    cleaned = clean_corpus(corpus)
    assert corpus.equals(before)
    assert cleaned["raw_text"].tolist() == corpus["text"].tolist()
    ntv = cleaned.loc[0, "text"]
    assert ntv.startswith("Risk of escalation\n\nDue to the announced deployment")
    assert ntv.endswith("in connection with the \"delivery of US weapons\" to Kiev.")
    assert "Skip to content" not in ntv and "1. In response" not in ntv
    # cleaning again changes nothing: raw_text stays the stored text
    again = clean_corpus(cleaned)
    assert again["text"].tolist() == cleaned["text"].tolist()
    assert again["raw_text"].tolist() == corpus["text"].tolist()


def test_every_removed_line_is_listed():
    corpus = load_corpus(SEED_EVENT)
    table = furniture_table(corpus)
    cleaned = clean_corpus(corpus)
    for (_, article), (_, clean) in zip(corpus.iterrows(), cleaned.iterrows(), strict=True):
        kept = [line.strip() for line in clean["text"].split("\n") if line.strip()]
        removed = table.loc[table["article_id"] == article["article_id"], "text"].tolist()
        original = [line.strip() for line in article["text"].split("\n") if line.strip()]
        assert sorted(kept + removed) == sorted(original)


def test_corpus_functions_check_columns():
    corpus = from_texts({"A": "x"}).drop(columns="text")
    with pytest.raises(ValueError, match="'text'"):
        clean_corpus(corpus)


def test_rules_constant_lists_every_rule():
    assert set(RULES) == {"navigation", "title", "repeated_caption", "repeated_line",
                          "appended_summary"}
