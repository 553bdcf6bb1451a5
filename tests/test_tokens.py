"""Tokenisation and sentence splitting: hand-checked tables, then properties on any text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import from_texts
from analysis.tokens import (
    SentenceSplitter,
    WordTokenizer,
    ngrams,
    normalize,
    sentence_spans,
    sentence_table,
    sentences,
    shadow,
    stopwords,
    text_stats,
    token_table,
    word_spans,
    words,
)

# --- words ------------------------------------------------------------------------------

WORD_CASES = [
    # (text, expected words with punctuation kept)
    ("U.S. officials met Gen. Mark Milley in Jan. 2024.",
     ["U.S.", "officials", "met", "Gen.", "Mark", "Milley", "in", "Jan.", "2024", "."]),
    ("Russia's long-range missiles cost $1,000,000 — or 3.5% of GDP.",
     ["Russia's", "long-range", "missiles", "cost", "$", "1,000,000", "—", "or", "3.5", "%",
      "of", "GDP", "."]),
    ("Lloyd J. Austin met Andrey R. Belousov.",
     ["Lloyd", "J.", "Austin", "met", "Andrey", "R.", "Belousov", "."]),
    ("The E.U. and U.K. agreed.", ["The", "E.U.", "and", "U.K.", "agreed", "."]),
    ("He said: “We will respond.”",
     ["He", "said", ":", "“", "We", "will", "respond", ".", "”"]),
    ("Kyiv’s forces advanced", ["Kyiv’s", "forces", "advanced"]),
    ("SM-6, Tomahawk and US-German plans", ["SM-6", ",", "Tomahawk", "and", "US-German", "plans"]),
    ("He won 2-1; it's over, isn't it?",
     ["He", "won", "2-1", ";", "it's", "over", ",", "isn't", "it", "?"]),
    ("at 9 a.m. on Monday", ["at", "9", "a.m.", "on", "Monday"]),
    ("He was ill. Doctors agreed.", ["He", "was", "ill", ".", "Doctors", "agreed", "."]),
    ("the allies' plan", ["the", "allies", "'", "plan"]),
    ("Visit https://example.org/a.html today", ["Visit", "https://example.org/a.html", "today"]),
    ("AT&T and R&D", ["AT&T", "and", "R&D"]),
    ("Write to desk@example.org or john+doe@example.org.",
     ["Write", "to", "desk@example.org", "or", "john+doe@example.org", "."]),
    ("non\u2011breaking hyphen", ["non\u2011breaking", "hyphen"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES)
def test_word_tokens(text, expected):
    assert WordTokenizer(punct=True).tokenize(text) == expected


def test_words_drop_punctuation_by_default():
    assert words("“No,” he said.") == ["No", "he", "said"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["The", "Kremlin's", "Cold", "War", "warning"]),
        ({"lower": True}, ["the", "kremlin's", "cold", "war", "warning"]),
        ({"lower": True, "stopwords": "english"}, ["kremlin's", "cold", "war", "warning"]),
        ({"possessive": "strip"}, ["The", "Kremlin", "Cold", "War", "warning"]),
        ({"normalized": False}, ["The", "Kremlin’s", "Cold", "War", "warning"]),
        ({"stopwords": {"WAR", "the"}}, ["Kremlin's", "Cold", "warning"]),
    ],
)
def test_words_options(options, expected):
    assert words("The Kremlin’s “Cold War” warning", **options) == expected


def test_word_spans_index_the_original_text():
    text = "“Russia’s\u00a0envoy”"
    spans = word_spans(text)
    assert [text[s:e] for s, e in spans] == ["Russia’s", "envoy"]
    assert word_spans(text, possessive="strip") == [(1, 7), (10, 15)]


def test_word_spans_rejects_unknown_possessive_option():
    with pytest.raises(ValueError, match="possessive"):
        word_spans("x", possessive="drop")


# --- normalisation, stopwords, n-grams --------------------------------------------------

@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("“Cold War”", {}, '"Cold War"'),
        ("‘risk’", {}, "'risk'"),
        ("a — b – c − d", {}, "a - b - c - d"),
        ("a\u00a0b\u202fc", {}, "a b c"),
        ("esca\u00adla\u200btion", {}, "escalation"),
        ("e\u0301", {}, "\u00e9"),  # NFC composes e + combining acute
        ("ﬁnal", {"form": "NFKC"}, "final"),  # NFKC unfolds the ligature, NFC does not
        ("ﬁnal", {}, "ﬁnal"),
        ("“x”", {"quotes": False}, "“x”"),
        ("plain ascii", {}, "plain ascii"),
    ],
)
def test_normalize(text, options, expected):
    assert normalize(text, **options) == expected


def test_stopwords_are_lower_case_and_keep_yaml_booleans_as_words():
    words_ = stopwords()
    assert {"no", "on", "off", "the", "'s"} <= words_
    assert all(w == w.lower() for w in words_)
    with pytest.raises(ValueError, match="only English"):
        stopwords("german")


def test_clock_times_are_no_content_words():
    # a live blog's "Update at 4:15 p.m. ET" is no word an outlet chose
    assert words("Update at 4:15 p.m. ET: the truce began, et al. say.", lower=True,
                 stopwords="english") == ["update", "4", "15", "truce", "began", "al", "say"]


@pytest.mark.parametrize(
    ("tokens", "n", "expected"),
    [
        (["a", "b", "c"], 1, ["a", "b", "c"]),
        (["a", "b", "c"], 2, ["a b", "b c"]),
        (["a", "b", "c"], 3, ["a b c"]),
        (["a", "b"], 3, []),
    ],
)
def test_ngrams(tokens, n, expected):
    assert ngrams(tokens, n=n) == expected


def test_ngrams_rejects_zero():
    with pytest.raises(ValueError, match="n must be"):
        ngrams(["a"], n=0)


# --- sentences --------------------------------------------------------------------------

SENTENCE_CASES = [
    ("Mr. Peskov spoke first. “We see it,” he said. Ryabkov agreed.",
     ["Mr. Peskov spoke first.", "“We see it,” he said.", "Ryabkov agreed."]),
    ("U.S. officials met Gen. Mark Milley in Jan. 2024. Talks went on.",
     ["U.S. officials met Gen. Mark Milley in Jan. 2024.", "Talks went on."]),
    ("US Defense Secretary Lloyd J. Austin held a call. It was brief.",
     ["US Defense Secretary Lloyd J. Austin held a call.", "It was brief."]),
    ("The E.U. and U.K. agreed. The U.S. did not.",
     ["The E.U. and U.K. agreed.", "The U.S. did not."]),
    ("He said: “We will respond.” Then he left.",
     ["He said: “We will respond.”", "Then he left."]),
    ('"Is this war?" she asked. "No," he said.',
     ['"Is this war?" she asked.', '"No," he said.']),
    ("Sen. Warren (D-Mass.) spoke at 9 a.m. on Monday.",
     ["Sen. Warren (D-Mass.) spoke at 9 a.m. on Monday."]),
    ("He was ill. Doctors said so.", ["He was ill.", "Doctors said so."]),
    ("Smith arrived. No. 10 was quiet.", ["Smith arrived.", "No. 10 was quiet."]),
    ("Stop! Who goes there? Nobody.", ["Stop!", "Who goes there?", "Nobody."]),
    # headlines and one-line paragraphs end at the line break, without a period
    ("Risk of escalation\nThe Kremlin spoke. It warned.",
     ["Risk of escalation", "The Kremlin spoke.", "It warned."]),
    ("Scholz: Germany needs protection\n\nFederal Chancellor Olaf Scholz spoke.",
     ["Scholz: Germany needs protection", "Federal Chancellor Olaf Scholz spoke."]),
    # an enumeration marker stays with its item
    ("  1. The first point.\n  2. The second point.",
     ["1. The first point.", "2. The second point."]),
    # Windows line ends
    ("A headline\r\nThe body starts here.\r\n", ["A headline", "The body starts here."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_hard_wrapped_text_joins_lines_inside_a_sentence():
    text = (
        "Germany and the US announced on Wednesday that the US army\n"
        "intends to station long-range weapons in Germany again from\n"
        "2026. Among them should be Tomahawk cruise missiles and new\n"
        "hypersonic weapons.\n\nA new paragraph."
    )
    assert sentences(text) == [
        "Germany and the US announced on Wednesday that the US army\n"
        "intends to station long-range weapons in Germany again from\n2026.",
        "Among them should be Tomahawk cruise missiles and new\nhypersonic weapons.",
        "A new paragraph.",
    ]
    # told that every line break ends a sentence, the same text gives one per line
    assert len(SentenceSplitter(line_breaks="paragraph").tokenize(text)) == 6


def test_wrap_mode_still_breaks_at_list_items_and_headings():
    text = "# Heading\nSome text that goes\non here.\n- an item\n- another item"
    assert SentenceSplitter(line_breaks="wrap").tokenize(text) == [
        "# Heading", "Some text that goes\non here.", "- an item", "- another item",
    ]


def test_sentence_splitter_rejects_unknown_mode():
    with pytest.raises(ValueError, match="line_breaks"):
        SentenceSplitter(line_breaks="sometimes")


def test_sentence_spans_are_trimmed_offsets():
    text = "  One.   Two.  "
    assert sentence_spans(text) == [(2, 6), (9, 13)]


# --- properties on any text -------------------------------------------------------------

any_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300
) | st.text(alphabet=" .!?\"'“”‘’\n\r\u00a0\u2014-abcABC", max_size=200)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_word_spans_map_back_and_never_overlap(text):
    for punct in (False, True):
        spans = WordTokenizer(punct=punct).span_tokenize(text)
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]
            previous_end = end
    stripped = word_spans(text, possessive="strip")
    assert all(s < e for s, e in stripped)


# The word regex has a shortcut branch for plain words and drops the punctuation branch
# when punctuation is not wanted (tokens._word_pattern); both must give the reference's tokens.

def _reference_words(text, punct):
    import re

    from analysis.tokens import _shadow, _word_pattern

    reference = re.compile(_word_pattern(punct=True, fast=False), re.VERBOSE | re.IGNORECASE)
    return [m.span() for m in reference.finditer(_shadow(text))
            if punct or m.lastgroup != "punct"]


def _same_words_as_reference(text):
    for punct in (False, True):
        assert WordTokenizer(punct=punct).span_tokenize(text) == \
            _reference_words(text, punct), (punct, text)


WORDISH = ["said", "Gen", "gen", "U", "S", "Jan", "J", "x", "http", "https", "mailto", "co",
           "a1", "2024", "1", "000", "3", "_", "Russia", "Kyiv\u2019s", "\u00e9t\u00e9",
           "\u0646\u0627\u062a\u0648", "\u0301"]
MARKS = [" ", "", ".", ",", ":", "//", "@", "+", "-", "'", "&", "\u200b", "\u2060", "\n",
         ". ", ".  ", "\u2019", "\"", ")", "!", "_", "$", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDISH), st.sampled_from(MARKS)), max_size=20)
       .map(lambda parts: "".join(w + m for w, m in parts)))
def test_word_regex_shortcuts_keep_the_reference_tokens_on_tricky_text(text):
    _same_words_as_reference(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_word_regex_shortcuts_keep_the_reference_tokens_on_any_text(text):
    _same_words_as_reference(text)


def test_word_regex_shortcuts_keep_the_reference_tokens_on_the_seed():
    from analysis import load_corpus
    from conftest import SEED_EVENT

    for text in load_corpus(SEED_EVENT)["text"]:
        _same_words_as_reference(text)


@pytest.mark.shared
def test_word_regex_shortcuts_keep_the_reference_tokens_on_allsides(allsides):
    for text in allsides["text"].iloc[::40]:  # 210 articles
        _same_words_as_reference(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_sentence_spans_cover_all_words_in_order(text):
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    # every word lies inside exactly one sentence
    for ws, we in word_spans(text):
        assert sum(s <= ws and we <= e for s, e in spans) == 1


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


# --- corpus level -----------------------------------------------------------------------

def test_sentence_and_token_tables():
    corpus = from_texts({"A": "The war. It ended.", "B": "Peace came."})
    sents = sentence_table(corpus)
    assert sents[["outlet", "sentence_index", "start", "end", "sentence"]].values.tolist() == [
        ["A", 0, 0, 8, "The war."], ["A", 1, 9, 18, "It ended."], ["B", 0, 0, 11, "Peace came."],
    ]
    tokens = token_table(corpus, lower=True, stopwords="english")
    # "the" (index 0) and "it" (index 2) are stopwords; numbering still counts them
    assert tokens[["outlet", "sentence_index", "token_index", "token"]].values.tolist() == [
        ["A", 0, 1, "war"], ["A", 1, 3, "ended"], ["B", 0, 0, "peace"], ["B", 0, 1, "came"],
    ]


def test_tables_do_not_modify_the_corpus_and_name_missing_columns():
    corpus = from_texts({"A": "One. Two."})
    before = corpus.copy()
    text_stats(corpus)
    sentence_table(corpus)
    assert corpus.equals(before)
    with pytest.raises(ValueError, match="'text'"):
        sentence_table(corpus.drop(columns="text"))


def test_text_stats_by_hand():
    # "Peace came. Peace stayed here." -> words peace, came, peace, stayed, here (5),
    # sentences 2, mean 2.5 words per sentence, distinct 4 of 5 = 0.8
    stats = text_stats(from_texts({"A": "Peace came. Peace stayed here."}))
    row = stats.iloc[0]
    assert (row["n_words"], row["n_sentences"]) == (5, 2)
    assert row["mean_sentence_length"] == 2.5
    assert row["type_token_ratio"] == 0.8


# --- trie look-ahead ----------------------------------------------------------------------

def test_trie_lookahead_reads_characters_and_classes():
    from analysis.tokens import trie_lookahead

    assert trie_lookahead(["war", "Talks", "war"]) == "(?=[Tw])"
    assert trie_lookahead([["[Dd]", "e"], [r"\-", "x"], ["\u00e9"]]) == "(?=[\\-Dd\u00e9])"
    # a piece that is not one character: no look-ahead rather than a wrong one
    assert trie_lookahead([[r"\s+", "x"]]) == ""
    assert trie_lookahead([[r"\d", "1"]]) == ""
    assert trie_lookahead([["[^a]", "b"]]) == ""
    assert trie_lookahead([]) == ""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB.-' \u00e9", min_size=1, max_size=4), min_size=1,
                max_size=8),
       st.text(alphabet="abAB.-' \u00e9\n", max_size=60))
def test_trie_lookahead_keeps_the_matches(words, text):
    import re

    from analysis.tokens import trie_lookahead, trie_pattern

    plain = re.compile(rf"(?<!\w)(?:{trie_pattern(words)})(?!\w)")
    ahead = re.compile(trie_lookahead(words) + plain.pattern)
    assert [m.span() for m in ahead.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_trie_lookahead_keeps_the_actor_matches_on_the_seed():
    import re

    from analysis import load_corpus
    from analysis.actors import load_actors
    from analysis.actors.lists import _SUFFIX, _atoms
    from analysis.tokens import trie_pattern
    from conftest import SEED_EVENT

    matcher = load_actors()._matcher
    texts = [shadow(t) for t in load_corpus(SEED_EVENT)["text"]]
    # case-folded titles: one branch per first character ("S" and "s" for "[Ss]"), the
    # boundary checked after it; the same matches as the plain trie
    atoms = [_atoms(t, fold_lower_words=True) for t in matcher.titles_original()]
    plain = re.compile(r"(?<!\w)(?:" + trie_pattern(atoms) + ")" + _SUFFIX)
    assert not matcher.title_re.pattern.startswith("(?=[")
    found = [[m.span() for m in matcher.title_re.finditer(t)] for t in texts]
    assert found == [[m.span() for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 3
    # names: their first characters first, the boundary checked after them
    atoms = [_atoms(n, fold_lower_words=False) for n in (*matcher.names, *matcher.short)]
    plain = re.compile(r"(?<!\w)(?:" + trie_pattern(atoms) + ")" + _SUFFIX)
    assert not matcher.name_re.pattern.startswith("(?=[")
    found = [[(m.span(), m.group("poss")) for m in matcher.name_re.finditer(t)] for t in texts]
    assert found == [[(m.span(), m.group("poss")) for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 10


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB.-' \u00e9", min_size=1, max_size=4), min_size=1,
                max_size=8),
       st.text(alphabet="abAB.-' \u00e9\n", max_size=60))
def test_actor_regex_with_first_characters_first_keeps_the_matches(words, text):
    import re

    from analysis.actors.lists import _SUFFIX, _atoms, _trie_regex
    from analysis.tokens import trie_pattern

    for fold in (False, True):  # names, and case-folded titles ("[Ss]" first)
        atoms = [_atoms(w, fold_lower_words=fold) for w in words if w.split()]
        if not atoms:
            return
        plain = re.compile(r"(?<!\w)(?:" + trie_pattern(atoms) + ")" + _SUFFIX)
        found = [(m.span(), m.group("poss")) for m in _trie_regex(atoms).finditer(text)]
        assert found == [(m.span(), m.group("poss")) for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_count_words_is_the_number_of_word_spans(text):
    from analysis.tokens import count_words

    assert count_words(text) == len(word_spans(text))


# Pieces that test where words end: initials before capitals, abbreviations, URLs, e-mail
# addresses, numbers, joiners, possessives, unusual spaces and quotes.
_WORD_PIECES = ["J.", "J. Smith", "A.B.", "U.S.", "e.g.", "Gen.", "Jan.", "http://x.com/a.",
                "https://a.b/c?d", "a@b.com", "x.y@z.org", "1,000", "3.5", "1,000-strong",
                "long-range", "Russia's", "AT&T", "SM-6", "--", "...", "\u200b", "'", '"',
                "(", ")", "-", ".", ",", " ", "  ", "\n", "\t", "a", "Z", "no.", "Mr.",
                "co.", "x", "9", "_", "+", "@", ":", "\u00e9", "A.", "b.", "C",
                "\u00a0", "\u2019", "\u2013"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), min_size=1, max_size=40))
def test_count_words_adds_up_the_chunks_of_a_text(pieces):
    # count_words counts a text chunk by chunk (between white space), remembering each
    # chunk's count: the same number as the word regex over the whole text, short (a
    # quote) or long (an article, whose shadow is cached)
    from analysis.tokens import _SHORT, _make_shadow, _word_regex, count_words

    text = "".join(pieces)
    long_text = " ".join([text] * (_SHORT // max(len(text), 1) + 2))
    assert len(long_text) > _SHORT
    for t in (text, long_text):
        assert count_words(t) == _word_regex(False).subn("", _make_shadow(t))[1]


def test_a_chunk_of_letters_is_one_word():
    # count_words counts a chunk of letters only (str.isalpha) as one word without the
    # regex: the regex's first branch must take any run of letters whole, whatever the
    # letters (every letter of Unicode, also those whose case changes length or script)
    import sys

    from analysis.tokens import _word_regex, count_words

    regex = _word_regex(False)
    letters = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha())
    assert len(letters) > 100_000
    for i in range(0, len(letters), 1000):
        run = letters[i:i + 1000]
        assert regex.subn("", run)[1] == 1
        assert all(regex.subn("", c)[1] == 1 for c in run[::7])
    text = "Kyiv \u0130stanbul \u01c5ord stra\u00dfe \u5317\u4eac said,"
    assert count_words(text) == regex.subn("", text)[1] == 6  # five runs of letters, "said,"


@pytest.mark.shared
def test_count_words_adds_up_chunks_on_allsides(allsides):
    from analysis.tokens import _make_shadow, _word_regex, count_words

    for text in allsides["text"].iloc[::20]:  # 419 articles
        assert count_words(text) == _word_regex(False).subn("", _make_shadow(text))[1]


def test_sentences_glued_without_a_space_are_split():
    # worked by hand: a scraped page that lost its paragraph breaks ("a mayor.Christie");
    # an abbreviation or a domain is no sentence end
    text = ("He fought against a mayor.Christie says he was betrayed. The U.S.Army said "
            "e.g.The plan. See nytimes.com.")
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "He fought against a mayor.", "Christie says he was betrayed.",
        "The U.S.Army said e.g.The plan.", "See nytimes.com."]


def test_a_plural_title_ends_no_sentence():
    # worked by hand (an unseen allsides event, invented text): "Sens." before names (in
    # 439 lines of the allsides corpus) ended a sentence
    text = "U.S. Sens. Ted Cruz and Mike Lee spoke. Reps. Ann Lee and Tom Reed agreed."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "U.S. Sens. Ted Cruz and Mike Lee spoke.", "Reps. Ann Lee and Tom Reed agreed."]


def test_a_sentence_never_opens_with_a_closing_bracket_or_a_comma():
    # worked by hand (PolNeAR train fit and allsides texts, invented text): Punkt ends a
    # sentence after "(D-R.I." before "),"; 72 sentences of 3,000 allsides articles opened so
    text = "Sen. Ann Lee (D-R.I.), said that she had not read it. Then she left."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Sen. Ann Lee (D-R.I.), said that she had not read it.", "Then she left."]
    text = "He met Lee (D-R.I.). Then he left."  # (a bracket ending a sentence stays)
    assert [text[a:b] for a, b in sentence_spans(text)] == ["He met Lee (D-R.I.).",
                                                            "Then he left."]
