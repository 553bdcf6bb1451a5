"""Cleaning: each rule on a small text, the seed event's furniture, and nothing lost."""

import re

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
        ("The defence ministers spoke by phone on Friday.\nOther text.\n"
         "The defence ministers spoke by phone on Friday.", None, [("repeated_line", 3)],
         "The defence ministers spoke by phone on Friday.\nOther text."),
        # short repeated lines (under 40 characters) are not touched: sites repeat
        # sub-headings such as NPR's "What is it focusing on?"
        ("Yes.\nNo.\nYes.", None, [], "Yes.\nNo.\nYes."),
        ("What is it focusing on?\nA.\nWhat is it focusing on?\nB.", None, [],
         "What is it focusing on?\nA.\nWhat is it focusing on?\nB."),
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


@pytest.mark.parametrize("corpus", [
    load_corpus(SEED_EVENT),
    from_texts({"A": "Skip to content\nSen. Mitt Romney Willard Mitt RomneyTrump fires back "
                     "MORE (R-Utah) said no.\nRELATED: Another story\nThe end."}),
])
def test_every_removal_is_listed(corpus):
    """Every character cleaning takes out is in furniture_table: removed lines whole, and
    what is left of a cut line is the line without its cuts."""
    table = furniture_table(corpus)
    cleaned = clean_corpus(corpus)
    for (_, article), (_, clean) in zip(corpus.iterrows(), cleaned.iterrows(), strict=True):
        rows = table[table["article_id"] == article["article_id"]]
        text = article["text"]
        for start, end, cut in zip(rows["start"], rows["end"], rows["text"], strict=True):
            assert text[start:end] == cut
        keep = [True] * len(text)
        for start, end in zip(rows["start"], rows["end"], strict=True):
            keep[start:end] = [False] * (end - start)
        left = "".join(ch for ch, k in zip(text, keep, strict=True) if k)
        assert clean["text"].split() == left.split()


def test_corpus_functions_check_columns():
    corpus = from_texts({"A": "x"}).drop(columns="text")
    with pytest.raises(ValueError, match="'text'"):
        clean_corpus(corpus)


def test_rules_constant_lists_every_rule():
    assert set(RULES) == {"navigation", "title", "title_variant", "lead_headline",
                          "present_caption",
                          "repeated_caption",
                          "repeated_line", "related_block", "author_line", "within_line",
                          "appended_summary"}


YAML_HEAD = "navigation:\n  - 'skip to content'\n"


@pytest.fixture
def patterns_file(tmp_path, monkeypatch):
    """Write a cleaning.yml and make the kit use it (through $OUTLET_LENS_DATA)."""
    def write(body: str):
        folder = tmp_path / "wordlists"
        folder.mkdir(exist_ok=True)
        (folder / "cleaning.yml").write_text(body, encoding="utf-8")
        monkeypatch.setenv("OUTLET_LENS_DATA", str(tmp_path))
        return folder / "cleaning.yml"
    return write


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CNN's video player, NPR's image credit, an agency caption, Politico's ad break
        ("JUST WATCHED Talks in Moscow Replay More Videos ... MUST WATCH Talks 02:13",
         [("navigation", "cnn_video")]),
        ("Enlarge this image toggle caption Alex Brandon/AP", [("navigation", "npr_caption")]),
        ("President Obama speaks in the Rose Garden. (AP Photo/Susan Walsh)",
         [("navigation", "agency_photo_caption")]),
        ("Story Continued Below", [("navigation", "story_continued")]),
        # an ordinary sentence with a colon is not a glued link label
        ("The result: talks went on.", []),
    ],
)
def test_named_navigation_entries_name_themselves(text, expected):
    removals = find_furniture("Body.\n" + text)
    assert [(r.rule, r.name) for r in removals] == expected
    for r in removals:
        assert repr(r.name) in r.reason


@pytest.mark.parametrize(
    ("text", "expected_removed", "expected_clean"),
    [
        # a related-links header and the links under it, up to the first sentence
        ("Body.\nAlso see:\n- Senate votes\n- House waits\nThe vote was close.",
         [("related_block", 2), ("related_block", 3), ("related_block", 4)],
         "Body.\nThe vote was close."),
        # a header with no link after it is left to the other rules ("Read more" is one)
        ("Body.\nAlso see\nThe vote was close.", [], "Body.\nAlso see\nThe vote was close."),
    ],
)
def test_related_block(text, expected_removed, expected_clean):
    assert [(r.rule, r.line) for r in find_furniture(text)] == expected_removed
    assert clean_text(text) == expected_clean


@pytest.mark.parametrize(
    ("line", "cut", "name", "kept"),
    [
        ("Story highlights Obama speaks on Monday", "Story highlights", "story_highlights",
         "Obama speaks on Monday"),
        ("Joel Pollak is senior editor. Follow him on Twitter at @joelpollak.",
         "Follow him on Twitter at @joelpollak.", "in_line_follow",
         "Joel Pollak is senior editor."),
        ("Shares of Apple AAPL, +1.25% rose on Monday.", "AAPL, +1.25%", "quote_widget",
         "Shares of Apple rose on Monday."),
        # The Hill's hover card: the full name glued to headlines, then "MORE"
        ("Sen. Mitt Romney Willard Mitt RomneyTrump fires back at Romney MORE (R-Utah) said.",
         "Willard Mitt RomneyTrump fires back at Romney MORE", "hill_name_card",
         "Sen. Mitt Romney (R-Utah) said."),
        # ... or "MORE" glued to the full name, with no headlines
        ("Agriculture chief Jane Roe Janet Ann RoeMORE said the co-op will close.",
         "Janet Ann RoeMORE", "hill_name_card",
         "Agriculture chief Jane Roe said the co-op will close."),
    ],
)
def test_within_line_cuts_the_furniture_and_keeps_the_rest(line, cut, name, kept):
    text = "Body.\n" + line
    (removal,) = find_furniture(text)
    assert (removal.rule, removal.name, removal.line, removal.text) == ("within_line", name, 2,
                                                                         cut)
    assert text[removal.start:removal.end] == cut
    assert clean_text(text) == "Body.\n" + kept


def test_furniture_table_lists_each_cut():
    text = "Stocks fell. The DJIA, -1.68% and the S&P 500 SPX, -1.20% both fell."
    table = furniture_table(from_texts({"A": text}))
    assert table["rule"].tolist() == ["within_line", "within_line"]
    assert table["text"].tolist() == ["DJIA, -1.68%", "SPX, -1.20%"]
    assert table["line"].tolist() == [1, 1]
    assert all("quote_widget" in reason for reason in table["reason"])
    assert clean_corpus(from_texts({"A": text})).loc[0, "text"] == (
        "Stocks fell. The and the S&P 500 both fell.")
    assert clean_corpus(from_texts({"A": text})).loc[0, "n_removed_lines"] == 0


@pytest.mark.filterwarnings("ignore::analysis.resources.OverrideNotice")
def test_entries_can_be_written_in_both_forms(patterns_file):
    patterns_file(YAML_HEAD + "  - name: promo\n    pattern: 'buy now.*'\n"
                  "    reason: a shop's promo\n"
                  "within_line:\n  - name: tag\n    pattern: '\\[(?P<furniture>ad)\\]'\n"
                  "    reason: an ad tag\n")
    text = "Skip to content\nBuy now and save\nTalks [ad] went on."
    removals = find_furniture(text)
    assert [(r.rule, r.name, r.text) for r in removals] == [
        ("navigation", "", "Skip to content"), ("navigation", "promo", "Buy now and save"),
        ("within_line", "tag", "ad")]
    assert removals[1].reason == "a shop's promo (navigation entry 'promo' in cleaning.yml)"
    assert clean_text(text) == "Talks [] went on."


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("  - name: x\n    reason: no pattern\n", "entry 2: expected a pattern or"),
        ("  - name: x\n    pattern: '(unclosed'\n", "entry 2 ('x') ('(unclosed') is not a valid"),
        ("within_line:\n  - 'bare pattern'\n", "entry 1: expected {name, pattern, reason}"),
        ("within_line:\n  - name: y\n    pattern: x\n    where: middle\n",
         "'where' must be one of prefix, suffix, within"),
    ],
)
@pytest.mark.filterwarnings("ignore::analysis.resources.OverrideNotice")
def test_bad_entries_name_the_file_and_entry(patterns_file, body, message):
    from analysis.cleaning import load_patterns
    from analysis.errors import CorpusError

    path = patterns_file(YAML_HEAD + body)
    with pytest.raises(CorpusError, match=re.escape(message)) as err:
        load_patterns(path)
    assert "cleaning.yml" in str(err.value)


def test_a_users_cleaning_pattern_that_backtracks_is_refused(tmp_path):
    """Patterns a user writes are checked; the kit's own (also in a user's copy) are not."""
    from analysis.cleaning import load_patterns
    from analysis.errors import CorpusError

    bad = tmp_path / "cleaning.yml"
    bad.write_text("navigation:\n  - '(a+)+b'\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"entry 1 .*repeats a group"):
        load_patterns(bad)
    copy = tmp_path / "copy.yml"
    copy.write_text("navigation:\n  - 'follow us on \\w+.*'\n", encoding="utf-8")
    assert len(load_patterns(copy).navigation) == 1


# Families of furniture added in issue 16's second round, on invented lines: each is removed
# by the entry named, and the look-alike content after it is kept.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("* * *", "separator_line"),
        ("Tweet \u00b7 Email \u00b7 WhatsApp", "share_bar"),
        ("LISTEN TO ARTICLE 3:10 SHARE THIS ARTICLE Share Tweet Post Email", "share_bar"),
        ("[Sign up for our weekly newsletter about the courts.]", "newsletter_box"),
        ("Farm Report newsletter The week in farming, in your inbox. Email Sign Up",
         "newsletter_box"),
        ("The Ames Gazette is making its flood coverage free for all readers.",
         "free_coverage_promo"),
        ("Click for more from the Ames Gazette.", "click_link"),
        ("Got a tip? Write to the farm desk.", "tip_promo"),
        ("twitter @farmdesk", "address_only"),
        ("https://www.youtube.com/watch?v=abc123", "address_only"),
        ('poster="https://example.org/thumb.png"', "markup_leftover"),
        ("var t=1;}catch(e){}})(document);", "script_leftover"),
        ("(Credit: Jane Roe/Getty Images)", "credit_line"),
        ("Farmers wait at the market in Ames. Photo by Jane Roe", "caption_credit_end"),
        ("Jane Roe/AP Farmers wait at the market in Ames on Monday.", "slash_credit_caption"),
        ("Farmers wait at the market in Ames on Monday, before the rain. Jane Roe/Getty Images",
         "slash_credit_caption"),
        ("toggle caption Jane Roe/NPR", "toggle_caption"),
        ("Hide caption Farmers wait in Ames. Previous Next Jane Roe/NPR", "npr_gallery_caption"),
        ("Channel 5 News via YouTube", "via_platform"),
        ("OPINION", "section_label_word"),
        ("Explainer: How the farm bill works", "labelled_link"),
        ("YOUR TAKE:Readers' photos of the flood", "labelled_link"),
        ("The Associated Press: Farm bill stalls in the Senate.", "outlet_headline"),
        ("Q&A What is the farm bill? Show Hide It pays for crop insurance.", "qa_widget"),
        ("You can read the full ruling here.", "link_sentence"),
        ("Don't miss:", "dont_miss_header"),
        ("READ THE FULL RULING", "read_the_link"),
        ("Full ruling (pdf)", "pdf_link"),
        ("This story has been updated.", "bare_update_note"),
        ("Continue Reading Below", "continue_reading"),
        ("Replay", "video_player_words"),
        ("Copyright 2020 The Ames Gazette. All rights reserved. This material may not be "
         "published, broadcast or rewritten.", "copyright_line"),
        ("Send a tip to the farm desk.", "tip_promo"),
        ("Become a subscriber to support our farm reporting.", "membership_appeal"),
        ("Get the farm newsletter. This site is protected by reCAPTCHA", "recaptcha_box"),
        ("Subscribe to our farm podcast wherever you listen.", "podcast_line"),
        ("Let us know what you think at farmdesk@example.org.", "feedback_promo"),
        ("Next image 3 of 12", "video_player_words"),
        ("Watch:", "dont_miss_header"),
        ("Full Coverage: Floods in Iowa", "labelled_link"),
    ],
)
def test_second_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "Analysis: the bill would cost $2 trillion.",  # a label, but a sentence
        "CNN: Does the plan help farmers?",  # a speaker in a transcript
        "Copyright law protects authors, the judge wrote.",  # no year, no symbol
        "The newsletter, which has 10,000 subscribers, backed the bill.",
        "He closes the video by suggesting he will run again.",  # 'video by' + lower case
        "A PBS NewsHour/NPR/Marist poll found that 55 percent agree.",  # a poll, not a credit
        "Readers can subscribe to updates, the minister said, and a newsletter will follow.",
        "The farm desk got a lot of mail.",
        "Opinion",  # only capitals are a section label
        "Read the room, she told them.",
        "He had filed papers the previous autumn to become a member of that party.",
        "The farmers said they would subscribe to the co-op's podcast, she says.",
    ],
)
def test_second_round_entries_keep_look_alike_content(line):
    assert find_furniture("Body.\n" + line) == []


@pytest.mark.parametrize(
    ("line", "cut", "name"),
    [
        ("In Summary The bill pays for crop insurance.", "In Summary", "in_summary_label"),
        ("#related#The bill pays for crop insurance.", "#related#", "template_marker"),
        ("Jane Roe farms in Ames. You can reach her by e-mailing jane@example.org.",
         "You can reach her by e-mailing jane@example.org.", "contact_in_bio"),
        ("Jane Roe farms in Ames. She can be reached at jane@example.org.",
         "She can be reached at jane@example.org.", "contact_in_bio"),
    ],
)
def test_second_round_cuts(line, cut, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.text) == ("within_line", name, cut)


# Third round (issue 16): families written from the errors on all 300 tuning articles, on
# invented lines: each furniture line is removed by the entry named, each look-alike kept.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("FILE PHOTO: Farmers wait at the market in Ames, Iowa, May 2, 2019.", "caption_label"),
        ("LEFT: A tractor in the field. RIGHT: The same field after the flood.",
         "caption_label"),
        ("In this June 3, 2019, file photo, farmers wait at the market in Ames.",
         "caption_label"),
        ("More On This... Farm bill stalls in the Senate", "header_link"),
        ("see also Farm bill stalls in the Senate The bill would pay for...", "header_link"),
        ("Read or Share this story: https://example.org/farm", "share_link"),
        ("Like what you're reading?: Download the Ames Gazette app for more", "app_promo"),
        ("Produced by Jane Roe. Camera by John Doe and Ann Poe.", "video_credits"),
        ('Music: "Fields" by Ann Poe.', "video_credits"),
        ("Got a question? Ask Jane Roe: farmdesk@example.org", "contact_promo"),
        ("Write to Jane Roe at jane.roe@example.org", "contact_promo"),
        ("For more on the floods, listen to Farm Hour.", "for_more_promo"),
        ("Read a QuickTake on how crop insurance works", "explainer_link"),
        ("Updated at 5 a.m. ET Sunday", "update_time"),
        ("Update 6:15 p.m. EDT:", "update_time"),
        ("Courtesy of the Ames Historical Society", "credit_word_line"),
        ("Jane Roe collection", "credit_word_line"),
        ("Thank you for signing up. For more from the Ames Gazette, see our latest issue",
         "subscription_promo"),
        ("Subscribe now for as little as $3 a month!", "subscription_promo"),
        ("The Gazette is reader-supported: chip in $5 to keep it going.", "subscription_promo"),
        ("Read FarmDesk's new Flipboard magazine.", "flipboard_promo"),
        ("Recommended The Truth About Corn Jane Roe", "recommended_link"),
        ("MORE:", "dont_miss_header"),
        ("Subscribe to our farm channel.", "subscription_promo"),
        ("Want to talk about farming?: Join our Facebook group: 'Ames Growers.'",
         "social_group_promo"),
        ("Your browser does not support the video tag.", "widget_fallback"),
        ("Don't see the chart above? Click here.", "widget_fallback"),
        ("Follow our coverage of the floods at https://example.org/floods", "coverage_promo"),
        ("Visit AmesGazette.com for farm news and weather", "coverage_promo"),
        ("Read more from the Ames Gazette:", "coverage_promo"),
        ("(AP photo: Jane Roe)", "agency_photo_credit"),
        ("Updated 6:04 p.m. ET, 1/13/2014", "update_time"),
        ("--This report was updated at 2:00 p.m.", "bare_update_note"),
        ("Have a tip we should know? tips@example.org", "tip_promo"),
        ("( See also: Full coverage of the floods)", "paren_link"),
    ],
)
def test_third_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "Left: the party's wing that lost the primary is regrouping.",  # not in capitals
        "In this photo-op era, farmers say they feel ignored.",
        "See also the report the committee released on Friday.",  # lower case after 'see also'
        "Farmers said they would download the co-op's app to sell their corn.",
        "Written by Jane Roe",  # a byline
        "Music by the school band was played at the fair.",
        "He wrote to the board, he said, at board@example.org.",
        "For more on that, the minister said, farmers must wait.",
        "Update at 2:50 p.m. ET: The Senate passes the farm bill",  # an update note with text
        "The collection",  # a sub-heading, not a name's collection
        "Ames Museum Collection",
        "Farmers who subscribe now pay less, the co-op said.",  # not at the start; said
        "Subscribe now, the co-op told farmers, and pay less.",
        "Recommended doses were cut in half.",  # a sentence
        "More: the farmers said so.",
        "Visit the farm at Ames.",  # no web address
        "Follow the money, the auditor said, and the coverage gaps appear.",
        "If you can't see the harvest from here, walk up the hill.",  # no comma-clause
        "Farmers join the Facebook group to swap seeds, she said.",
    ],
)
def test_third_round_entries_keep_look_alike_content(line):
    assert [r.name for r in find_furniture("Body.\n" + line)] == []


@pytest.mark.parametrize(
    ("line", "cut", "name"),
    [
        ("The rule changed in 2011. (You can read more about the rule here.)",
         "(You can read more about the rule here.)", "paren_here_link"),
        ("He was asked what he would fail at. Read the full interview at The Ames Gazette. "
         "Jane Roe", "Read the full interview at The Ames Gazette.", "read_full_link"),
        ("Jane Roe is a fellow at the Farm Institute. \u00a9 2018 Farm Syndicate, Inc.",
         "\u00a9 2018 Farm Syndicate, Inc.", "trailing_copyright"),
        ("Jane Roe teaches at Ames College. This article was originally published at The "
         "Farm Review.", "This article was originally published at The Farm Review.",
         "republished_note"),
        ("Watch the video above for the full interview. The farmers ask for help.",
         "Watch the video above for the full interview.", "video_above"),
        ("Jane Roe edits the farm page. Want Farm First in your inbox every day? Sign up here.",
         "Want Farm First in your inbox every day? Sign up here.", "inbox_promo"),
    ],
)
def test_third_round_cuts(line, cut, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.text) == ("within_line", name, cut)
    assert clean_text("Body.\n" + line) == "Body.\n" + line.replace(cut, "").replace(
        "  ", " ").strip()


@pytest.mark.parametrize(
    "line",
    [
        "I have long maintained (see here and here) that the bill fails.",  # inside a sentence
        "Voters should read the full report and draw their own conclusions, he said.",
        "This article was originally published on January 25, 2016. It has been updated.",
        "This article was published in partnership with The Farm Review.",
        "The ad, shown in 2018, cost \u00a9 nothing.",
    ],
)
def test_third_round_cuts_keep_look_alike_content(line):
    assert find_furniture("Body.\n" + line) == []


def test_in_summary_label_is_case_sensitive():
    assert find_furniture("Body.\nIn summary, the talks failed.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a caption and the page's headline in other words: 4 of 6 words shared
        ("Farmers wait at the market in Ames. Farm bill stalls in Senate\nBody text.",
         [("title_variant", 1)]),
        ("Farm Bill Stalls In The Senate\nBody text.", [("title_variant", 1)]),
        # a sentence (full stop), a quote, and a line after the first three stay
        ("Farm bill stalls in the Senate.\nBody text.", []),
        ('"Farm bill stalls in the Senate again"\nBody text.', []),
        ("One.\nTwo.\nThree.\nFarm bill stalls in the Senate", []),
        # too few words in common
        ("Farmers wait at the market in Ames. Rain delays the harvest\nBody text.", []),
        # a caption glued to the headline itself, no stop between (third round)
        ("Farmers wait at the market in Ames The farm bill stalls in the Senate\nBody text.",
         [("title_variant", 1)]),
        # ... but a sentence ending with the headline's words stays
        ("Farmers fear that the farm bill stalls in the Senate.\nBody text.", []),
    ],
)
def test_title_variant(text, expected):
    removals = find_furniture(text, title="The farm bill stalls in the Senate")
    assert [(r.rule, r.line) for r in removals] == expected
    for r in removals:
        assert "of its words in the title" in r.reason


def test_a_title_in_mojibake_is_decoded_before_it_is_compared():
    # 'Farmers\u2019 bill stalls…' stored as its UTF-8 bytes read as cp1252
    mangled = "Farmers\u2019 bill stalls\u2026".encode().decode("cp1252")
    assert mangled == "Farmers\u00e2\u20ac\u2122 bill stalls\u00e2\u20ac\u00a6"
    text = "Farmers\u2019 bill stalls\u2026\nBody text."
    assert [(r.rule, r.line) for r in find_furniture(text, title=mangled)] == [("title", 1)]
    # a title with no mojibake is compared as it is
    (removal,) = find_furniture("Caf\u00e9 owners protest\nBody.", title="Caf\u00e9 owners protest")
    assert removal.rule == "title"


@pytest.mark.filterwarnings("ignore::analysis.resources.OverrideNotice")
def test_requires_only_skips_lines_without_the_text(patterns_file):
    patterns_file(YAML_HEAD + "  - name: promo\n    pattern: 'buy .*'\n"
                  "    requires: ['save']\n    reason: a shop's promo\n")
    text = "Buy now and save\nBuy nothing\nTalks went on."
    assert [(r.line, r.name) for r in find_furniture(text)] == [(1, "promo")]
    # without 'requires' the second line goes too
    patterns_file(YAML_HEAD + "  - name: promo\n    pattern: 'buy .*'\n")
    assert [r.line for r in find_furniture(text)] == [1, 2]


@pytest.mark.filterwarnings("ignore::analysis.resources.OverrideNotice")
def test_entries_requiring_the_same_text_are_each_tried_where_it_is(patterns_file):
    # the text 'save' is looked for once per text, for both entries
    patterns_file(YAML_HEAD + "  - name: promo\n    pattern: 'buy .*'\n"
                  "    requires: ['save']\n"
                  "  - name: offer\n    pattern: '.* offer'\n    requires: ['save', 'deal']\n")
    text = "Buy now and save\nTalks went on.\nSave on this offer\nA good deal offer\nBuy it"
    assert [(r.line, r.name) for r in find_furniture(text)] == [
        (1, "promo"), (3, "offer"), (4, "offer")]


@pytest.mark.filterwarnings("ignore::analysis.resources.OverrideNotice")
def test_navigation_entries_are_tried_in_file_order_whatever_their_kind(patterns_file):
    # for speed, entries without 'requires' are tried together and the others one by one;
    # still the first entry of the file that matches names the removal
    patterns_file("navigation:\n"
                  "  - name: first\n    pattern: 'buy (\\w+) \\1'\n"  # a back-reference
                  "  - name: second\n    pattern: 'buy .* now'\n    requires: 'now'\n"
                  "  - name: third\n    pattern: 'buy .*'\n"
                  "  - name: fourth\n    pattern: '(?P<what>sell) .*'\n")  # a named group
    text = "Buy corn corn\nBuy corn now\nBuy corn\nSell corn\nTalks went on."
    assert [(r.line, r.name) for r in find_furniture(text)] == [
        (1, "first"), (2, "second"), (3, "third"), (4, "fourth")]


@pytest.mark.filterwarnings("ignore::analysis.resources.OverrideNotice")
def test_a_pattern_that_cannot_be_joined_is_tried_alone(patterns_file):
    # a global flag is only allowed at the start of a pattern, so this one cannot be
    # joined with the others: all are then tried one by one
    patterns_file("navigation:\n  - 'skip to content'\n  - '(?s)sell .*'\n")
    text = "Sell corn\nSkip to content\nTalks went on."
    assert [r.line for r in find_furniture(text)] == [1, 2]


@pytest.mark.filterwarnings("ignore::analysis.resources.OverrideNotice")
def test_bad_requires_names_the_entry(patterns_file):
    from analysis.cleaning import load_patterns
    from analysis.errors import CorpusError

    path = patterns_file(YAML_HEAD + "  - name: promo\n    pattern: 'x'\n    requires: 3\n")
    with pytest.raises(CorpusError, match=r"entry 2 \('promo'\): 'requires' must be a text"):
        load_patterns(path)


# Fourth round (issue 16): written from the misses on the 400 tuning articles.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("SUBSCRIBE!", "video_channel_promo"),
        ("Subscribe to Farm TV on YouTube.", "video_channel_promo"),
        ("Now check out the Gazette's latest videos:", "video_channel_promo"),
        ("Distributed by King Features Syndicate", "syndicate_line"),
        ("Photo illustration by Farm Weekly. Map by Jane Roe/Farm Maps.", "illustration_credit"),
        ("READ GOVERNOR ROE'S LETTER", "caps_read_link"),
        ("To read the co-op's full report, click here.", "click_here_sentence"),
        ("Corn through the years View photos A look back at the harvests since 1950.",
         "gallery_link"),
        ("Farm Blog Archives Select Date… May, 2019 April, 2019 March, 2019 February, 2019",
         "archive_dropdown"),
        ("\u201c \u2018Farmers cannot wait another year.\u2019 \u201d - Jane Roe, co-op chair",
         "pull_quote_box"),
        ("On 'Farm Hour': Jane Roe talks with the minister", "program_label"),
        ("Editorials", "section_label_title"),
        ("Editor's Note: Want to support the Gazette so we can keep covering farms? Join today.",
         "support_appeal"),
        ("GET YOUR FREE GUIDE: Planting in a Dry Year", "free_offer"),
        ("Jane Roe/The Ames Monitor A farmer checks his corn near Ames on May 2.",
         "staff_credit_caption"),
        ("Read: Why corn prices fell this spring", "labelled_link"),
        ("In-depth look: What the drought means for wheat", "labelled_link"),
        ("Follow along with the Gazette's coverage of the harvest at example.org",
         "coverage_promo"),
        ("Data compiled by FarmStats", "illustration_credit"),
        ("From 'Farm Hour': Jane Roe on the dry spring", "program_label"),
        ("Watch \"Harvest Talk\" weeknights at 7:30pm ET on Farm TV", "tune_in_promo"),
        ("Jane Roe On The Co-op Vote Listen", "listen_link"),
        ("Want more farm news? Visit our site for daily updates.", "want_more_promo"),
        ("We're hosting a live chat with the co-op's lawyers on Thursday.", "live_chat_promo"),
        ("EXCLUSIVE: Farm Chief Explains The Drought To Growers", "exclusive_link"),
        ("Seed banks matter.We should fund them", "glued_sentence_link"),
    ],
)
def test_fourth_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "Farmers who subscribe to the co-op on Facebook get news first, she said.",
        "Subscribe to what? the farmer asked.",
        "The seed catalogue was distributed by the co-op.",
        "The map by the river shows the flooded fields.",  # lower case after 'by'
        "Read the letter, she said.",  # not in capitals
        "To be fair, he never said to click here.",  # not 'to ..., click here'
        "Opinion",  # a bare singular may be a sub-heading
        "Want to support farmers? Buy at the market.",  # no 'so we can'
        "Get your free seeds at the fair, the co-op said.",
        "He said farmers, and/or the co-op, should pay.",
        "\u201cFarmers cannot wait another year,\u201d said Jane Roe.",  # a quote in the text
        "On Monday: the co-op closed.",
        "Watch the co-op at 9 a.m., the minister said.",  # no 'on <channel>'
        "The farmers asked him to listen.",  # ends like a sentence
        "Nobody Would Listen",  # too short a title: a sub-heading
        "Want more jobs? Cut the tax on seed.",  # a rhetorical question
        "Exclusive: the minister told the Gazette why the co-op failed",  # a standfirst
        "Seed banks matter. We should fund them.",  # a space after the stop; a stop at the end
    ],
)
def test_fourth_round_entries_keep_look_alike_content(line):
    assert [r.name for r in find_furniture("Body.\n" + line)] == []


# Fifth round (issue 16): shapes of furniture written from the misses on all 500 tuning
# articles; each line here is invented.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("See: Why corn prices fell this spring", "lead_in_link"),
        ("Also see: Co-op votes to merge with its rival", "lead_in_link"),
        ("STORY: Farm bill stalls in the Senate", "lead_in_link"),
        ("SPECIAL COVERAGE: The Drought of 2019", "lead_in_link"),
        ("[A reader responds: The Co-op Was Right to Merge]", "lead_in_link"),
        ("Farmers Across The Plains Brace For Another Dry And Costly Summer",
         "title_case_headline"),
        ("How Thousands Of Growers Are Keeping The Co-op Alive", "title_case_headline"),
        ("Seed prices are rising, by Jane Roe, contributor, The Gazette. https://bit.ly/3xyz",
         "link_with_url"),
        ("For all of our drought coverage, check out and bookmark example.com/drought.",
         "link_with_url"),
        ("(See report tmsnrt.rs/2abc)", "bracket_link"),
        ("[Watch FTV: Jane Roe discusses the harvest in the 12 p.m. hour]", "bracket_link"),
        ("\u2022 Jane Roe can be reached at jroe@example.com or on Twitter @jroe.",
         "contact_line"),
        ("Jane Roe (Photo: John Doe, AP)", "photo_credit_caption"),
        ("A farmer checks his corn near Ames. (Photo by John Doe, Farm Weekly)",
         "photo_credit_caption"),
        ("CLOSE The co-op's chief explains why prices fell. (Farm TV)", "usat_close_blurb"),
        ("WHAT IS THE FARM BILL AND WHY DOES IT MATTER?", "caps_question_link"),
        ("Online:", "bare_label"),
        ("Watch the minister's speech on FTV tonight at 8 pm ET", "watch_time_promo"),
        (">>> What's the best way to save the harvest? Join the co-op's call.", "arrow_promo"),
        ("\u2014 Updated Jan. 20 at 8:17 a.m.", "update_time"),
        ("'We did it together':Co-op chief ends her term after ten years", "glued_label_link"),
    ],
)
def test_fifth_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "See: the co-op closed.",  # a full stop: a sentence, not a headline
        "Background: The bill was introduced in 2019.",
        "Farmers Plan Ahead",  # a short title-case line: a sub-heading
        "1. The Co-op And The Bank Ignore And Destroy The Old Records",  # numbered
        "Corn, Wheat And Soy Prices Fall For The Third Month In A Row",  # a comma
        "Seed Oil Face and Body Cream, $25 at the Co-op Store",  # a product line
        "Farm chief resigns https://t.co/abc pic.twitter.com/xyz",  # an embedded tweet
        "(Also, like the old system, you have to know someone at the co-op.)",  # an aside
        "Melissa Roe is a Gazette correspondent. She can be reached at mroe@example.com.",
        "The minister said farmers can be reached by phone.",
        "Polls close at 7 p.m. ET, and counties report right away.",  # no watch/tune in
        "Online sales grew, she said.",
    ],
)
def test_fifth_round_entries_keep_look_alike_content(line):
    # (the bio's "She can be reached at ..." is cut by within_line; the line stays)
    assert [r.name for r in find_furniture("Body.\n" + line) if r.rule != "within_line"] == []


PARAGRAPH = ("The co-op met on Friday and voted on the merger after a long debate about "
             "prices.")


def test_author_line_removes_a_name_the_first_lines_introduce_as_author():
    text = ("Jane Roe: The merger is a mistake\n"
            f"{PARAGRAPH}\nJane Roe\n{PARAGRAPH.replace('Friday', 'Monday')}")
    assert [(r.rule, r.line, r.text) for r in find_furniture(text)] == [
        ("author_line", 3, "Jane Roe")]


@pytest.mark.parametrize("text", [
    # no line near the top introduces the name as the author, and the paragraph after it
    # is about Roe: a sub-heading (without that mention it is taken for a photo caption,
    # see test_author_line_removes_a_contributors_photo_caption)
    f"The vote\n{PARAGRAPH}\nJane Roe\n{PARAGRAPH.replace('The co-op', 'Roe')}",
    # not between two paragraphs
    f"Jane Roe: The merger is a mistake\n{PARAGRAPH}\nJane Roe\nShort line",
    # the name twice: speaker labels
    f"Jane Roe: The merger is a mistake\n{PARAGRAPH}\nJane Roe\n"
    f"{PARAGRAPH.replace('Friday', 'Monday')}\nJane Roe\n{PARAGRAPH.replace('Friday', 'May')}",
])
def test_author_line_keeps_names_that_are_not_the_authors_box(text):
    assert [r.rule for r in find_furniture(text)] == []


def test_repeated_line_removes_a_teaser_at_the_top_not_the_paragraph_below():
    teaser = "The co-op's members voted to merge with their old rival on Friday."
    text = "\n".join(["Intro line.", teaser, "A.", "B.", "C.", "D.", teaser, "E."])
    (removal,) = find_furniture(text)
    assert (removal.rule, removal.line) == ("repeated_line", 2)
    assert "line 7 repeats it" in removal.reason
    # close together (fewer than 5 lines apart) the later copy goes, as before
    near = "\n".join(["Intro line.", teaser, "A.", teaser])
    assert [(r.rule, r.line) for r in find_furniture(near)] == [("repeated_line", 4)]


# Sixth round (issue 16): shapes written from the misses on all 600 tuning articles (the
# fifth draw's included); each line here is invented.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("10:09 a.m. ET", "clock_time_line"),
        ("3:41 p.m.", "clock_time_line"),
        ("14:05", "clock_time_line"),
        ("9 am BST", "clock_time_line"),
        ("May 17: This post has been updated.", "update_note"),
        ("This story has been updated with additional developments Sunday.", "update_note"),
        ("This article has been updated and will continue to update with new developments.",
         "update_note"),
        ("The views expressed by contributors are their own and do not reflect those of "
         "Farm Weekly.", "opinions_disclaimer"),
        ("The Farm Gazette receives support for rural coverage from the Plains Foundation. "
         "The Gazette is solely responsible for all content.", "sponsor_notice"),
        ("Watch the full interview below:", "media_lead_in"),
        ("Here's Roe's report:", "media_lead_in"),
        ("Tired of farm news spin? Click here to get the co-op's view.", "click_here_line"),
        ("The digest comes out daily, but sign up here to get it once a week.",
         "click_here_line"),
        ("Tell us what you think at desk@example.com.", "write_us_promo"),
        ("FarmChannel YouTube", "platform_credit"),
    ],
)
def test_sixth_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "At 10:09 a.m. ET the co-op opened its doors.",  # a time inside a sentence
        "CORRECTION: This story has been updated to correct the co-op's name.",
        "This story has been updated with the date of the next hearing.",
        "Editor's note: This article was updated on March 25 to reflect the co-op's prices.",
        "The opinions expressed at the meeting were loud.",
        "The co-op receives support from most farmers, she said, but not all.",
        "Here's what to watch for on Thursday:",
        "Below, the five takeaways:",
        "Write to your senator, she said.",
        "He posted the video on YouTube",  # more than a channel name before it
    ],
)
def test_sixth_round_entries_keep_look_alike_content(line):
    assert find_furniture("Body.\n" + line) == []


@pytest.mark.parametrize(
    ("line", "cut", "name"),
    [
        ("The indictment runs to 30 pages. You can read the full indictment here. It names two.",
         "You can read the full indictment here.", "here_link"),
        ("What did she say? Here's a link to the testimony she gave.",
         "Here's a link to the testimony she gave.", "here_link"),
        ("Jane Roe was a judge for 20 years. For more of Judge Roe's columns, Go Here Now.",
         "For more of Judge Roe's columns, Go Here Now.", "here_link"),
        ("Prices rose again. (RELATED: Co-op Chief Says Prices Will Fall By Spring) Farmers "
         "waited.", "(RELATED: Co-op Chief Says Prices Will Fall By Spring)", "bracketed_related"),
        ("Jane Roe is a farmer. Follow her on Twitter: @janeroe",
         "Follow her on Twitter: @janeroe", "in_line_follow"),
    ],
)
def test_sixth_round_cuts(line, cut, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.text) == ("within_line", name, cut)


@pytest.mark.parametrize(
    "line",
    [
        "We have nothing to hide here.",  # 'here' without a link
        "Everybody has a stake here. The farmers know it.",
        "The report (related: a second one) came out on Friday.",  # a lower-case label
        "Prices rose. (Watch for the co-op to raise them again in May.) Farmers waited.",
    ],
)
def test_sixth_round_cuts_keep_look_alike_content(line):
    assert find_furniture("Body.\n" + line) == []


# Seventh round (issue 16): written from the misses on all 700 tuning articles (the sixth
# draw's included); each line here is invented.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Sign up to receive the top farm stories every morning", "newsletter_line"),
        ("Sign up for the morning briefing", "newsletter_line"),
        ("Daily updates: Get the Farm Briefing in your inbox", "newsletter_line"),
        ("Show caption Hide caption Farmers queue at the market in Ames, Iowa.",
         "caption_toggle"),
        ("Hide Caption 3 of 9 Photos: The harvest Farmers queue at the market.",
         "caption_toggle"),
        ("Tweet Share Jane Roe, the co-op's chief When prices fall, we all lose",
         "share_words_caption"),
        ("Which farms grew the most? Check our Harvest Tracker to find out.",
         "our_feature_promo"),
        ("Check out all the polls we've been collecting ahead of the vote.",
         "our_feature_promo"),
        ("LIVE BLOG: Follow our coverage of the strike", "media_label_link"),
        ("Related post from Farm Politics: Co-op Vote Delayed Again.", "media_label_link"),
        ("Watch Opinions videos:", "media_label_link"),
        ("Updated at 6 p.m. ET June 23", "update_time_date"),
        ("Updated 2 a.m. ET, Sept. 12", "update_time_date"),
        ("Do you have a tip about how your farm is coping? Fill out this form, or email "
         "desk@example.com.", "tip_promo"),
    ],
)
def test_seventh_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "She said farmers should sign up for the daily briefing at the co-op.",
        "Sign up for the co-op closed on Friday.",  # no newsletter words
        "Show me the caption, he asked.",
        "Share prices fell on Friday.",  # one share word, then a sentence
        "Check our facts, the co-op's chief told reporters.",  # reported speech
        "Check the weather before you plant.",
        "Watch the video: it shows the farmers' march.",  # not a label for videos
        "Updated figures came out on June 23.",
        "Do you have a plan for the harvest?",
    ],
)
def test_seventh_round_entries_keep_look_alike_content(line):
    assert find_furniture("Body.\n" + line) == []


@pytest.mark.parametrize(
    "line",
    [
        "Related Video Video length 1 minute 11 seconds 1:11 Farmers march on the capital "
        "Farmers march on the capital",
        "Video length 31 seconds :31 Farmers march on the capital",
    ],
)
def test_related_video_teaser_is_removed(line):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", "related_video", 2)
    # ... while a sentence about a video's length stays
    assert find_furniture("Body.\nThe video length was 31 seconds, the clerk said.") == []


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        # a caption, then the headline (Politico's first line)
        (f"The co-op's chief spoke to farmers at the market. Co-op vote delayed again\n"
         f"{PARAGRAPH}", "Co-op vote delayed again"),
        # a summary sentence quoting nobody, then a headline with a label in it
        (f"Her time in business is limited to the family farm. Earlier: Roe's farm problem\n"
         f"{PARAGRAPH}", "Earlier: Roe's farm problem"),
    ],
)
def test_lead_headline_removes_a_caption_and_headline_on_the_first_line(text, headline):
    (removal,) = find_furniture(text)
    assert (removal.rule, removal.line) == ("lead_headline", 1)
    assert repr(headline) in removal.reason


@pytest.mark.parametrize("text", [
    f"The co-op met on Friday. It voted on the merger.\n{PARAGRAPH}",  # ends with a stop
    f"{PARAGRAPH}\nThe co-op's chief spoke to farmers. Co-op vote delayed again",  # not first
    # the fragment after the stop follows an abbreviation, not the end of a sentence
    f"Jane Roe met farmers with Gov. Scott Walker and his staff\n{PARAGRAPH}",
    # a headline glued to its dek (a colon before the stop): the dek is article text
    f"Turning point: Why the vote matters more than you think. Here is what is at stake\n"
    f"{PARAGRAPH}",
    # the last fragment is reported speech
    f"The vote was close. Farmers say the co-op will survive\n{PARAGRAPH}",
    # a comma after the fragment's first word: a paragraph cut short, not a headline
    f"The co-op fed thousands of farmers. Sure, it delivers food to the towns\n{PARAGRAPH}",
])
def test_lead_headline_keeps_first_lines_that_are_not_caption_and_headline(text):
    assert [r.rule for r in find_furniture(text)] == []


def test_author_line_removes_a_contributors_photo_caption():
    # a name alone between paragraphs that do not mention it: no line at the top
    # introduces it, but "Jane" is a first name (the caption of Jane Roe's photo)
    text = f"Intro.\n{PARAGRAPH}\nJane Roe\n{PARAGRAPH.replace('Friday', 'Monday')}"
    (removal,) = find_furniture(text)
    assert (removal.rule, removal.line, removal.text) == ("author_line", 3, "Jane Roe")
    assert "'Roe'" in removal.reason and "'Jane'" in removal.reason


@pytest.mark.parametrize("text", [
    # the paragraph after it is about the person: a sub-heading
    f"Intro.\n{PARAGRAPH}\nJane Roe\nRoe said the merger was a mistake and voted against it "
    f"on Friday.",
    # not a first name: a sub-heading in title case
    f"Intro.\n{PARAGRAPH}\nMerger Talks\n{PARAGRAPH.replace('Friday', 'Monday')}",
])
def test_author_line_keeps_names_that_head_a_paragraph_about_them(text):
    assert [r.rule for r in find_furniture(text)] == []


OTHER_PARAGRAPH = PARAGRAPH.replace("The co-op", "The union")


@pytest.mark.parametrize(
    ("line", "verb"),
    [
        ("Jane Roe speaks to farmers at the co-op market in Ames, Iowa, on May 3.", "speaks"),
        ("Co-op chief Jane Roe listens as farmers vote during a meeting on Friday.", "listens"),
        ("A farmer stands beside his tractor in a flooded field in Iowa in 2019. (Reuters)",
         "stands"),
        ("Farmers gather outside the co-op in Ames on Sept. 3, 2019.", "gather"),
    ],
)
def test_present_caption_removes_a_photo_caption(line, verb):
    (removal,) = find_furniture(f"{PARAGRAPH}\n{line}\n{OTHER_PARAGRAPH}")
    assert (removal.rule, removal.line) == ("present_caption", 2)
    assert repr(verb) in removal.reason


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe spoke to farmers at the co-op market on May 3.",  # past tense
        "Jane Roe speaks to farmers at the co-op market every week.",  # no date or day
        "Jane Roe speaks to farmers on Friday, she said.",  # reported speech
        "The co-op will stand firm on Friday.",  # a modal
        "The co-op voted to stand firm on Friday.",  # an infinitive
        "On Friday the farmers left the hall on a walk to the market in Ames.",
        "Jane Roe speaks on Friday. The vote follows on Monday.",  # two sentences
        '"We stand together," farmers chanted on Friday.',  # a quote
    ],
)
def test_present_caption_keeps_article_text(line):
    assert find_furniture(f"{PARAGRAPH}\n{line}\n{OTHER_PARAGRAPH}") == []


# Ninth round (issue 16): written from the misses on all 900 tuning articles (the eighth
# draw's included); each line here is invented.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("See: Co-op prices surge to new records as U.S.-Canada talks resume.",
         "label_link_sentence"),
        ("Now read: Roe says she won't vote for the merger.", "label_link_sentence"),
        ("[The Gazette details how farmers in three states are finding buyers]",
         "bracketed_line"),
        ("[Are you a farmer hit by the floods? We would like to hear from you.]",
         "bracketed_line"),
        ("[nX2N1AB2CD]", "bracketed_line"),
        ("The co-op's chief is now the acting chair of the board. | AP Photo",
         "pipe_credit_caption"),
        ("Farmers queue at the co-op market before dawn on Friday. | REUTERS Prices fall again",
         "pipe_credit_caption"),
        ("The board will hear from five farmers on Wednesday. | Jane Roe/POLITICO",
         "pipe_credit_caption"),
        ("Are you there? Share images, but stay safe.", "reader_media_call"),
        ("Are you affected by the floods? If it is safe, WhatsApp us to share your photos.",
         "reader_media_call"),
        ("Play Video 1:23 Farmers march on the capital - video", "play_video_label"),
        # (an unseen allsides event: no duration, the title ends in " \u2013 video")
        ("Play Video Inside the co-op: 'We are proving prices can fall' \u2013 video",
         "play_video_label"),
        ("Photos: Photos: Farm life Photos: Photos: Farm life Farm life - The co-op's farmers "
         "have worked the land for a century. Take a look.", "gallery_label_twice"),
        ("https://www.youtube.com/watch?v=abc123 YouTube", "url_platform"),
        ("Sign up", "bare_button"),
        ("Go deeper:", "bare_label"),
        ("The Farm Brief is delivered to thousands of inboxes every weekday.",
         "delivered_promo"),
        ("See the Farm Hour each weekday live by Clicking Here Now", "click_here_line"),
        ("\u201c Prices will not recover before the harvest. \u201d", "spaced_pull_quote"),
        ("\u201c We will win this fight. \u201d \u2014 Jane Roe to the Gazette",
         "spaced_pull_quote"),
        ("(Revised at 5:46 pm ET)", "update_time"),
        ("\u2014", "separator_line"),
        ("Who's in charge?:Farmers take over the co-op board", "glued_label_link"),
        ("2020 farm bills:A guide to where the candidates stand", "glued_label_link"),
    ],
)
def test_ninth_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "See: the co-op voted on Friday.",  # no capital after the label
        "See: Roe voted. Then she left.",  # two sentences
        # an aside in brackets ending in a full stop, an editor's note, a quote
        "[The long rise in prices only serves to amplify the farmers' anger.]",
        "[Editor's note: Farmers chant \"Lock the gates\"]",
        '["We will not sell," the co-op said]',
        "[Prices rose in 2019. - Jane Roe]",  # an annotation signed by a reporter
        # a caption and credit followed by a second sentence: the dek is article text
        "Farmers queue at the market on Friday. | AP Photo Prices fall The co-op said "
        "prices fell. Farmers left.",
        "Are you ready for the harvest? Farmers say they are.",  # no share or send
        "Sign up for the co-op closed on Friday.",
        "Prices surged, the co-op's chief said. \"We will win,\" she added.",
        ".",
        "Revised figures came out at 5 p.m. on Friday.",
        "Why?: Farmers asked it all week",  # a question of one word before the colon
        # over 120 characters (photos_link) and no label given twice
        "Photos: the co-op's album shows farm life in the valley over a century of harvests, "
        "floods and droughts; photos: more of it came later that year.",
    ],
)
def test_ninth_round_entries_keep_look_alike_content(line):
    assert find_furniture("Body.\n" + line) == []


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # The Hill's card after a space, starting with the displayed first name ...
        ("Speaker Jane Roe Jane Ann Roe Farm bill stalls Co-op vote delayed Prices fall MORE "
         "(R-Iowa) spoke on Friday.", "Speaker Jane Roe (R-Iowa) spoke on Friday."),
        # ... or glued to the displayed last name
        ("Pleas from John DoeJohn Paul DoeThe Farm Report: Prices fall Vote delayed MORE "
         "and others.", "Pleas from John Doe and others."),
        ("The co-op voted. Watch the video clip above to hear more from Jane. They left.",
         "The co-op voted. They left."),
        ("Farmers queue at the co-op on Friday. (Photo: Jane Doe, AP) Story Highlights Prices "
         "fell for a third week", "Prices fell for a third week"),
    ],
)
def test_ninth_round_cuts_keep_the_rest_of_the_line(line, kept):
    assert clean_text("Body.\n" + line) == "Body.\n" + kept


def test_ninth_round_cuts_need_the_repeated_first_name_and_capitals():
    line = "The MORE you know, said Jane Roe Jane Roe about the co-op."
    assert clean_text(line) == line


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Related Coverage Farmers march on the capital over grain prices",
         "related_coverage_link"),
        ("NOW WATCH: \u2018Five Things to Know About the Farm Bill\u2019", "watch_link"),
        ("Buy Photo Farmers queue at the co-op on Friday.", "buy_photo_caption"),
        ("Editor\u2019s note: To follow more coverage of the farm vote, see our live page.",
         "editor_note_promo"),
        ("Editor's Note: Want to support the Gazette? Join Gazette VIP today!",
         "editor_note_promo"),
        ("( Earlier on POLITICO: Farm bill stalls in the House)", "paren_link"),
    ],
)
def test_tenth_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "Related coverage of the farm bill was thin, the co-op said.",  # prose: the label
        # is title case
        "Editor's note: This story has been updated to correct the co-op's name.",
        "Editor's note: Jane Roe is a farmer in Ames. The following is her weekly column; "
        "subscribe here.",  # says who wrote it, then a promo: mixed, not removed whole
        "Farmers buy photo albums at the co-op.",
    ],
)
def test_tenth_round_entries_keep_look_alike_content(line):
    assert [r.name for r in find_furniture("Body.\n" + line)
            if r.rule == "navigation"] == []


def test_related_block_goes_on_through_short_headlines_written_as_sentences():
    # a header, then link lines, some ending in a full stop, a second header among them
    # ('And now, the weird stuff.'), then the article's prose: the list stops before it
    long = ("The co-op's board met on Friday and voted to raise the price it pays for "
            "grain by a tenth, its chair said after the meeting.")
    lines = ["Body.", "ICYMI . . .", "Last week's Farm File", "Grain prices will rise.",
             "And now, the weird stuff.", "Cows that paint", "Short sentence here.", long]
    removed = [r.line for r in find_furniture("\n".join(lines)) if r.rule == "related_block"]
    assert removed == [2, 3, 4, 5, 6]  # 'Short sentence here.' has prose, not a link, after
    # it; a short sentence right after the header with prose next is no list at all
    assert find_furniture("\n".join(["Body.", "In case you missed it", "He left.", long])) \
        == []


@pytest.mark.parametrize(
    ("verb", "line"),
    [
        ("watches", "A farmer watches the co-op barn burn in Ames, Iowa, on April 15, 2019."),
        ("fill", "Ames, Iowa, residents fill sandbags on Thursday."),
    ],
)
def test_present_caption_knows_more_verbs(verb, line):
    (removal,) = find_furniture(f"{PARAGRAPH}\n{line}\n{OTHER_PARAGRAPH}")
    assert (removal.rule, removal.line) == ("present_caption", 2)
    assert repr(verb) in removal.reason


def test_present_caption_keeps_a_verb_that_is_a_noun_here():
    # "leaves" and "steps" were tried and dropped: they head article text too
    line = "That leaves the vote to the co-op board that met on Sunday."
    assert find_furniture(f"{PARAGRAPH}\n{line}\n{OTHER_PARAGRAPH}") == []


def test_repeated_caption_takes_a_gallerys_long_captions():
    caption = ("Jane Roe (left) and John Doe stand at the front gate of the co-op during a "
               "press conference about the merger, which the board approved on April 4, "
               "2014, in Ames, Iowa. The event drew farmers from three states and the "
               "governor, who spoke at length.")
    other = caption.replace("Jane Roe (left)", "The board's chair (right)")
    assert len(caption) >= 200
    text = f"{PARAGRAPH}\n{caption}\n{caption}\n{other}\n{other}\n{OTHER_PARAGRAPH}"
    removals = find_furniture(text)
    assert [(r.rule, r.line) for r in removals] == [("repeated_caption", n)
                                                    for n in (2, 3, 4, 5)]
    assert "one of 2 such pairs" in removals[0].reason


def test_repeated_caption_keeps_one_long_line_repeated_once():
    # a long paragraph doubled by the scrape, with no gallery around it: the second copy
    # goes (repeated_line), the first stays
    long = PARAGRAPH * 3
    assert len(long) >= 200
    text = f"Intro.\n{long}\n{long}\n{OTHER_PARAGRAPH}"
    assert [(r.rule, r.line) for r in find_furniture(text)] == [("repeated_line", 3)]


@pytest.mark.parametrize(
    ("first", "cut"),
    [
        # the headline glued before its dek
        ("Co-op vote delayed again The board put off the merger until the spring harvest.",
         "Co-op vote delayed again"),
        # after a caption and its credit and a section label (Politico)
        ("Jane Roe spoke to farmers on Friday. | AP Photo Farming Co-op vote delayed again "
         "The board put off the merger until spring.",
         "Jane Roe spoke to farmers on Friday. | AP Photo Farming Co-op vote delayed again"),
        # after a short label
        ("Farming Co-op vote delayed again The board put off the merger until spring.",
         "Farming Co-op vote delayed again"),
    ],
)
def test_glued_title_cuts_the_headline_before_the_text(first, cut):
    text = f"{first}\n{PARAGRAPH}"
    (removal,) = find_furniture(text, title="Co-op vote delayed again")
    assert (removal.rule, removal.name, removal.line) == ("within_line", "glued_title", 1)
    assert removal.text == cut == text[removal.start:removal.end]
    assert clean_text(text, title="Co-op vote delayed again").startswith("The board put off")


@pytest.mark.parametrize(
    "first",
    [
        "Co-op vote delayed again. The board put off the merger until spring.",  # a sentence
        "Co-op vote delayed again on Friday as the board put off the merger.",  # lower case
        # inside a long paragraph, not after a caption's credit (The Hill's cards list the
        # article's own headline)
        "The board chair met farmers on Friday and talked at length about the merger and "
        "the prices and the weather and the harvest and the schools Co-op vote delayed "
        "again More farmers came later.",
    ],
)
def test_glued_title_keeps_the_headline_in_a_sentence(first):
    text = f"{first}\n{PARAGRAPH}"
    assert find_furniture(text, title="Co-op vote delayed again") == []


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Our posts from both conventions are collected here.", ""),
        ("The Gazette has put a copy of the bill online here. In it, farmers ask for more.",
         "In it, farmers ask for more."),
        ("Roe has a detailed explainer here. And the co-op voted.", "And the co-op voted."),
        # 'here' is a place, or nothing names a text or a recording
        ("Vaccines are available here, the clerk said.",
         "Vaccines are available here, the clerk said."),
        ("The farmers are available here. They said so.",
         "The farmers are available here. They said so."),
    ],
)
def test_here_pointer_cuts_a_sentence_pointing_to_a_link(line, kept):
    assert clean_text("Body.\n" + line) == ("Body.\n" + kept).rstrip("\n")


# Eleventh round (issue 16): written from the misses on the 1,100 tuning articles (fresh8,
# the last held draw, now among them). Invented lines of the shapes seen.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Take me back to the top of our post.", ""),  # the post's owner, not 'this'
        ("Jane Roe/Associated Press", "credit_only"),
        ("J. Doe Smith/The New York Times", "credit_only"),
        ("Photo by Jane Roe", "photo_by_line"),
        ("Video by Jane van der Roe/Gazette", "photo_by_line"),
        ("Share All sharing options for: The co-op's vote, explained", "share_options"),
        ("Farmers queue at the co-op in Ames on Friday. (Roe for Congress via AP)",
         "paren_credit_caption"),
        ("For more farm news, subscribe to Farm Talk on Apple Podcasts or listen below.",
         "podcast_line"),
        ("Subscribe on Apple Podcasts, Spotify, or wherever you listen to podcasts.",
         "podcast_line"),
        ("- Watch Jane Roe on FTV's \"Farm Hour\" at 6 p.m. ET.", "watch_time_promo"),
        ("PHOTO GALLERY: Harvest in Iowa", "labelled_link"),
        ("Slideshow: Harvest in Iowa >>>", "labelled_link"),
        ('Roe visits the co-op Jane Roe talks to farmers. poster="https://v.x.com/a.jpg"',
         "video_poster"),
        ("Take a look:", "embed_lead_in"),
        ("\u2022 Farmers sue the co-op over grain prices (USA TODAY)", "source_link_item"),
        ('-- "Co-op Vote Delayed Again." (The Ames Gazette)', "source_link_item"),
        ("The Gazette is a nonprofit newsroom. Sign up to receive our best stories each week.",
         "sign_up_promo"),
        ("Sign up for Farm Action Now and we'll send you three things to do each week.",
         "sign_up_promo"),
        ("Like us on Facebook.", "like_us_promo"),
        ("[audio-clip]", "video_player_words"),
    ],
)
def test_eleventh_round_entries_remove_their_family(line, name):
    (removal,) = find_furniture("Body.\n" + line)
    assert (removal.rule, removal.name, removal.line) == ("navigation", name, 2)


@pytest.mark.parametrize(
    "line",
    [
        "The Hill/HarrisX",  # a poll's two sponsors, not a picture credit
        "Farm Bureau/Associated Farmers of Iowa",
        "Take me back to the top of the hill, she said.",
        "Photo by photo, the farmers rebuilt the album.",  # no name after 'by'
        # a podcast promo, then the transcript's first sentence: mixed, not removed whole
        "You can listen by subscribing to Farm Talk wherever you get your podcasts. A "
        "transcript follows.",
        'The poster read "Farmers first" in red.',  # a poster, not its address
        # a list of people with their states; a long quoted passage with its source
        "-- Democrats Jane Roe (N.Y.) and John Doe (Ill.).",
        '-- "The meeting marks one of the first signs in days that the talks on the farm '
        'bill may be moving forward at last." (Gazette reporter Jane Roe)',
        # a call to enrol in a programme, not a site's promo
        "Sign up for Medicare by March 31 or pay more later.",
        "Sign up for coverage at the co-op before the harvest.",
        "Farmers said they would sign up for our plan if prices fell.",
    ],
)
def test_eleventh_round_entries_keep_look_alike_content(line):
    assert [r.name for r in find_furniture("Body.\n" + line)
            if r.rule == "navigation"] == []


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # a follow promo inside a bio, before more text
        ("Jane Roe farms in Ames. Follow her on Twitter: @janeroe. The views are her own.",
         "Jane Roe farms in Ames. The views are her own."),
        # a pointer to a player after the paragraph's last sentence
        ("The co-op chair spoke to farmers on Friday. Listen:",
         "The co-op chair spoke to farmers on Friday."),
        ('"We will win," Roe said on "Farm Hour." Watch here.',
         '"We will win," Roe said on "Farm Hour."'),
        ("Roe also gave an interview to the Gazette. Here it is:",
         "Roe also gave an interview to the Gazette."),
        ("Jane Roe on the vote, the harvest and the prices. Listen",
         "Jane Roe on the vote, the harvest and the prices."),
        # the writer's 'Watch.', and 'listen' inside a sentence, stay
        ("Farmers will vote for her? Fine. Watch.", "Farmers will vote for her? Fine. Watch."),
        ("Roe asked farmers to listen: the vote is close.",
         "Roe asked farmers to listen: the vote is close."),
        # a link glued before a paragraph, or after one of its sentences
        ("Read: Why farms are failing Prices fell again this year. Farmers left.",
         "Prices fell again this year. Farmers left."),
        ("Read: The co-op's quiet threat to the South This explains the vote. Farmers "
         "agree.", "This explains the vote. Farmers agree."),
        ("Read: Don't trust the U.S. grain models Meanwhile, farmers sold early.",
         "Meanwhile, farmers sold early."),
        ("The vote was close. Read: The harvest that failed It was the third in a row.",
         "The vote was close. It was the third in a row."),
        # a headline ending in a question mark, or 'Read:' inside a sentence: kept
        ("Read: Why are farms failing in Iowa? Prices fell. Farmers left.",
         "Read: Why are farms failing in Iowa? Prices fell. Farmers left."),
        ("The sign said Read: Farmers First and nothing more.",
         "The sign said Read: Farmers First and nothing more."),
        # a follow or contact promo after a bio, with a full name or a bare handle
        ("Jane Roe farms in Ames. Follow Jane Roe on Twitter @janeroe.",
         "Jane Roe farms in Ames."),
        ("Jane Roe farms in Ames. You can contact her via Twitter @janeroe",
         "Jane Roe farms in Ames."),
        ("Jane Roe farms in Ames. Twitter: @janeroe", "Jane Roe farms in Ames."),
        # reported, not a promo: kept
        ("Farmers say they follow the co-op on Twitter and read it daily.",
         "Farmers say they follow the co-op on Twitter and read it daily."),
        # a pointer to the source after the paragraph's last sentence
        ("The board voted 5-2 on Friday. The Ames Gazette has more.",
         "The board voted 5-2 on Friday."),
        ("Prices fell again. Farm Daily has the story.", "Prices fell again."),
        # 'has more' inside the text, or not the line's end: kept
        ("Roe has 20 votes. Doe has more votes than that.",
         "Roe has 20 votes. Doe has more votes than that."),
        # a follow promo with an e-mail address after the handle
        ("Jane Roe farms in Ames. You can follow her on Twitter at @janeroe or email her "
         "at jane@roe.org", "Jane Roe farms in Ames."),
        # a summary's label glued before it (case-sensitive)
        ("KEY POINTS The co-op lost 12 members this year.",
         "The co-op lost 12 members this year."),
        ("Key points of the deal were kept secret.", "Key points of the deal were kept secret."),
        # a syndicate's promo after a bio, and one that is the writer's own sentence
        ("Jane Roe farms in Ames. To find out more about Jane Roe and read features by "
         "other Gazette Syndicate writers, visit the Gazette Syndicate website at "
         "www.gazette.com. She has two dogs.", "Jane Roe farms in Ames. She has two dogs."),
        ("To find out more about the vote, farmers went to the co-op.",
         "To find out more about the vote, farmers went to the co-op."),
        # a pointer to a clip, and a contact line before a contributor line
        ('Roe said. "We are ready." See the clip of her answers.', 'Roe said. "We are ready."'),
        ("Contact Jane Roe: 555-222-5022 or jroe@gazette.com. Jim Doe contributed.",
         "Jim Doe contributed."),
        ("Contact Jane Roe: she runs the co-op. Jim Doe contributed.",
         "Contact Jane Roe: she runs the co-op. Jim Doe contributed."),
    ],
)
def test_eleventh_round_cuts_keep_the_rest_of_the_line(line, kept):
    assert clean_text("Body.\n" + line) == "Body.\n" + kept


@pytest.mark.parametrize(("text", "expected"), [
    # worked by hand (an unseen allsides event, invented text): a Reuters caption ending
    # "<photographer>/Pool via REUTERS" (before: kept, and its photographer became the
    # sentence subject a later "he said" stood for)
    ("The mayor speaks at a hearing in Ames, Iowa, U.S., June 30, 2020. Jane Roe/Pool via "
     "REUTERS", [("navigation", "reuters_caption")]),
    # guard: a sentence that names Reuters is text
    ("The mayor told Reuters on Monday that the plan failed.", []),
])
def test_a_reuters_caption_via_reuters(text, expected):
    removals = find_furniture("Body.\n" + text)
    assert [(r.rule, r.name) for r in removals] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # worked by hand (an unseen allsides event, invented text): NBC News' caption opening
    # with "<photographer> / AFP - Getty Images" (before: kept, its "speaking about" a
    # quote by "Getty Images President ...")
    ("Jane Roe / AFP - Getty Images Mayor Ann Lee pauses while speaking about the co-op in "
     "Ames on May 3, 2014.", [("navigation", "spaced_credit_caption")]),
    # guards: a slash inside a sentence, a lower-case word after the credit
    ("The vote, Ann Lee / AP said, was close.", []),
    ("Jane Roe / AP reported the vote on Monday.", []),
])
def test_a_caption_opening_with_a_spaced_credit(text, expected):
    removals = find_furniture("Body.\n" + text)
    assert [(r.rule, r.name) for r in removals] == expected


def test_a_line_repeating_the_headline_says_so_before_any_pattern():
    # worked by hand (an unseen allsides event, 2012-06-29; invented text): a title-case
    # line of 8 words is also what the navigation patterns read as another story's
    # headline; when it is the article's own headline, the reason says that (before:
    # "a headline of another story")
    title = "Tea Party Sees Ruling As New Rallying Cry"
    text = f"{title}\n\nActivists gathered outside the court on Thursday to protest."
    found = find_furniture(text, title=title)
    assert [(r.rule, r.line) for r in found] == [("title", 1)]
    # without the title, the same line is still removed as a headline
    assert [(r.rule, r.line) for r in find_furniture(text)] == [("navigation", 1)]
