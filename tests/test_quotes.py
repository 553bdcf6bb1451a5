"""Tests for analysis.quotes: quote marks, cues, speakers, verb groups, tables, accuracy.

The seed fixture ``tests/fixtures/seed_quotes.csv`` was labelled by reading both seed texts
(conventions in ``tests/fixtures/seed_mentions.md``). The tricky cases below were written
for these tests: nested quotes, a quote split by its cue, a speaker named only by title,
two speakers in one sentence, quotes across paragraphs, odd and unbalanced marks.
"""

import functools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import from_texts, load_corpus
from analysis.actors import precision_recall
from analysis.cli import main
from analysis.loading import CorpusError
from analysis.quotes import (
    QUOTE_COLUMNS,
    VERB_COLUMNS,
    VOICE_COLUMNS,
    find_quotes,
    load_verbs,
    quote_table,
    verb_table,
    voice_table,
)
from conftest import FIXTURES, SEED_EVENT


@pytest.fixture(scope="module")
def seed():
    return load_corpus(SEED_EVENT)


@functools.cache
def seed_list():
    from analysis.actors import load_actors

    return load_actors(event="2024-07-12-austin-belousov-call")


@pytest.fixture(scope="module")
def actors():
    return seed_list()


def summary(quotes):
    return [(q.kind, q.actor or q.speaker, q.verb, q.quote) for q in quotes]


# --- the verb lexicon -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("said", ("say", "neutral")),
        ("says", ("say", "neutral")),
        ("told", ("tell", "neutral")),
        ("stressed", ("stress", "emphatic")),
        ("emphasizing", ("emphasize", "emphatic")),
        ("insists", ("insist", "emphatic")),
        ("claimed", ("claim", "doubting")),
        ("alleges", ("allege", "doubting")),
        ("warned", ("warn", "confrontational")),
        ("accused", ("accuse", "confrontational")),
        ("threatens", ("threaten", "confrontational")),
        ("admitted", ("admit", "conceding")),
        ("acknowledged", ("acknowledge", "conceding")),
        ("replied", ("reply", "neutral")),
    ],
)
def test_verb_forms_and_groups(form, expected):
    assert load_verbs().forms[form] == expected


@pytest.mark.parametrize("noun", ["state", "states", "reports", "claims", "claim", "comment"])
def test_verbs_that_are_also_nouns_need_ed_or_ing(noun):
    assert noun not in load_verbs().forms


def test_verb_in_two_groups_is_an_error(tmp_path):
    path = tmp_path / "verbs.yml"
    path.write_text("groups:\n  neutral: [say]\n  doubting: [say]\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"'say'.*'neutral'.*'doubting'"):
        load_verbs(path)


def test_edited_lexicon_regroups_verbs(tmp_path):
    path = tmp_path / "verbs.yml"
    path.write_text("groups:\n  loaded: [warn, say]\n", encoding="utf-8")
    verbs = load_verbs(path)
    found = find_quotes('"Stop," Peskov warned.', verbs=verbs)
    assert (found[0].verb, found[0].verb_group) == ("warned", "loaded")


# --- tricky cases -----------------------------------------------------------------------

TRICKY = [
    # nested quotes: the inner single quotes stay inside the outer quote
    ("“He told me ‘never again’ last week,” Dmitry Peskov said.",
     [("direct", "Dmitry Peskov", "said", "He told me ‘never again’ last week,")]),
    # a quote split by its cue: both halves belong to the speaker
    ('"We will respond," Sergei Ryabkov said, "and we will do it calmly."',
     [("direct", "Sergei Ryabkov", "said", "We will respond,"),
      ("direct", "Sergei Ryabkov", "said", "and we will do it calmly.")]),
    # a speaker named only by a title
    ("“The talks were useful,” the Kremlin spokesman said.",
     [("direct", "Dmitry Peskov", "said", "The talks were useful,")]),
    # two speakers in one sentence
    ('"We are ready," Lloyd Austin said, but Andrey Belousov warned that "escalation is near".',
     [("direct", "Lloyd Austin", "said", "We are ready,"),
      ("direct", "Andrey Belousov", "warned", "escalation is near")]),
    # inverted cue after the quote
    ('"No comment," said Kremlin spokesman Dmitry Peskov.',
     [("direct", "Dmitry Peskov", "said", "No comment,")]),
    # a quote running over two paragraphs (no closing mark at the end of the first),
    # speaker "he" resolved to the person named last
    ('Sergei Ryabkov spoke to reporters.\n"The first part.\n"The second part," he said.',
     [("direct", "Sergei Ryabkov", "said", 'The first part.\n"The second part,')]),
    # hard-wrapped text: the quote crosses line breaks inside its paragraph
    ("Dmitry Peskov spoke to reporters in Moscow on\nFriday. He was calm and\nsaid: "
     '"We will respond to\nthis new game calmly,"\nand left the room quickly\nafter that.',
     [("direct", "Dmitry Peskov", "said", "We will respond to\nthis new game calmly,")]),
    # a paragraph with no cue continues the speaker of the paragraph before
    ('"Tension is rising," Dmitry Peskov noted.\n"This requires a response."',
     [("direct", "Dmitry Peskov", "noted", "Tension is rising,"),
      ("direct", "Dmitry Peskov", None, "This requires a response.")]),
    # a cue verb inside the quote
    ('According to Moscow, Andrey Belousov then "underlined the danger".',
     [("reported", "Moscow", "According to", 'Andrey Belousov then "underlined the danger".'),
      ("direct", "Andrey Belousov", "underlined", "underlined the danger")]),
    # a heading with a colon cue
    ('Scholz: Germany needs "protection"\nOlaf Scholz defended it.',
     [("direct", "Olaf Scholz", None, "protection")]),
    # German and French marks
    ("„Wir sind bereit“, sagte Peskov. «Nous verrons», a dit Scholz.",
     [("direct", None, None, "Wir sind bereit"), ("direct", None, None, "Nous verrons")]),
    # British single quotes at the top level; apostrophes are not quotes
    ("Olaf Scholz spoke. 'We won't wait,' Scholz said. The States' plans don't change.",
     [("direct", "Olaf Scholz", "said", "We won't wait,")]),
    # reported speech of several shapes
    ("Sabrina Singh told journalists that Austin emphasized the importance of talks.",
     [("reported", "Sabrina Singh", "told", "Austin emphasized the importance of talks."),
      # a bare surname, with no full name in the text, stays words ("Austin" could be
      # the city): the speaker is "Austin" with no actor
      ("reported", "Austin", "emphasized", "the importance of talks.")]),
    ("Dmitry Peskov told journalists the talks were useful.",
     [("reported", "Dmitry Peskov", "told", "the talks were useful.")]),
    ("Dmitry Peskov told a TV channel nothing.", []),
    ("The talks went well, the Russian Defense Ministry announced.",
     [("reported", "Russian Defense Ministry", "announced", "The talks went well")]),
    ("According to the Pentagon, the call lasted an hour.",
     [("reported", "Pentagon", "According to", "the call lasted an hour.")]),
    ("According to figures compiled over the last three weeks by the Pentagon, 12 died.",
     [("reported", "Pentagon", "According to", "12 died.")]),
    ("According to figures compiled over the last three weeks by many people, 12 died.", []),
    ("The call lasted an hour, according to the Pentagon.",
     [("reported", "Pentagon", "according to", "The call lasted an hour")]),
    ("Peskov warned of a new Cold War.",
     [("reported", "Peskov", "warned", "of a new Cold War.")]),
    # without an actor list, speakers are words only
    ("The minister claimed that the data were wrong.",
     [("reported", "The minister", "claimed", "the data were wrong.")]),
    # "they" is not resolved; "according to this" is not a source
    ("They admitted that it failed. According to this, nothing changes.",
     [("reported", "They", "admitted", "it failed.")]),
    # an idiom is not speech
    ('"If you had, let\'s say, a fever, we count it," Birx said.',
     [("direct", "Birx", "said", "If you had, let's say, a fever, we count it,")]),
    ("If the virus, let's say, caused a heart problem, it counts.", []),
    # no quotes at all
    ("Russia's and the States' plans don't change.", []),
]


@pytest.mark.parametrize(("text", "expected"), TRICKY)
def test_tricky_quotes(text, expected, actors):
    # the "minister" case runs without an actor list
    found = find_quotes(text, None if text.startswith("The minister") else actors)
    assert summary(found) == expected
    for q in found:
        assert text[q.start:q.end] == q.quote
        if q.speaker_start >= 0:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
        if q.verb_start >= 0:
            assert text[q.verb_start:q.verb_end] == q.verb


@pytest.mark.parametrize(
    ("text", "quote", "closed"),
    [
        ('Peskov said: "this never ends', "this never ends", False),   # never closed
        ('He said "one" and "two', "two", False),                       # the second is open
        ("This is odd” he said.", "This is odd", False),                # closing mark only
        ('"Fine," he said.', "Fine,", True),
        ('He said “yes” and “no”.', "no", True),
    ],
)
def test_unbalanced_marks_are_reported_unclosed(text, quote, closed):
    found = [q for q in find_quotes(text) if q.kind == "direct"]
    last = found[-1]
    assert (last.quote, last.closed) == (quote, closed)


QUOTE_CHARS = list("\"'“”„‟«»‘’‚‹›″ \n.,:")
PIECES = [*QUOTE_CHARS, "Peskov", "said", "that", "according to", "Austin", "he", "warned",
          "Kremlin spokesman"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=30).map(" ".join))
def test_find_quotes_never_crashes_and_spans_map_back(text):
    for q in find_quotes(text, seed_list()):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.quote
        assert q.kind in ("direct", "reported", "scare")
        if q.speaker_start >= 0:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
        if q.verb_start >= 0:
            assert text[q.verb_start:q.verb_end].lower() == q.verb.lower()


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_find_quotes_on_any_unicode(text):
    for q in find_quotes(text):
        assert text[q.start:q.end] == q.quote


# --- speakers, worked out by hand -------------------------------------------------------

# (text, [(kind, speaker, speaker_name, verb, quote)]); no actor list
SPEAKERS = [
    # apposition and possessive: the subject stands before the insertion
    ("Cohen -- Trump's former attorney -- said the payments were legal.",
     [("reported", "Cohen", "Cohen", "said", "the payments were legal.")]),
    ("Jane Doe, a senior attorney with the ACLU, said the law was unconstitutional.",
     [("reported", "Jane Doe", "Jane Doe", "said", "the law was unconstitutional.")]),
    ("Wayne Pacelle of the Humane Society of the United States said the ban was overdue.",
     [("reported", "Wayne Pacelle", "Wayne Pacelle", "said", "the ban was overdue.")]),
    # an object or "to" verb after a comma insertion: the subject stands before it
    ("Maria Lopez, a school board member from Dayton, criticized the new bus schedule.",
     [("reported", "Maria Lopez", "Maria Lopez", "criticized", "the new bus schedule.")]),
    ("Maria Lopez, a school board member from Dayton, vowed to fight the new schedule.",
     [("reported", "Maria Lopez", "Maria Lopez", "vowed", "to fight the new schedule.")]),
    # evidence verbs ("shows", "found"): cues only after a poll, a study, records ...
    ("A new county survey shows parents favor later school start times.",
     [("reported", "A new county survey", "A new county survey", "shows",
       "parents favor later school start times.")]),
    ("The study found that the river was cleaner than in 1990.",
     [("reported", "The study", "The study", "found",
       "the river was cleaner than in 1990.")]),
    ("He found his keys under the mat.", []),
    ("The cooking show drew crowds, and the chef showed the audience a new trick.", []),
    # a time phrase between a clause verb and its clause; a plural noun for people as the
    # subject of a parenthetical cue
    ("Governor Ann Price said Tuesday she would veto the bill.",
     [("reported", "Governor Ann Price", "Governor Ann Price", "said",
       "she would veto the bill.")]),
    ("Ann Price said last week the bridge would reopen.",
     [("reported", "Ann Price", "Ann Price", "said", "the bridge would reopen.")]),
    ("The plan, officials said, would cost more than expected.",
     [("reported", "officials", "officials", "said",
       "The plan, officials said, would cost more than expected.")]),
    # verbs drawn from PolNeAR train's cue spans (tools/polnear_cue_words.py); "slam"
    # doubles its consonant; "utter" is also an adjective, a cue only after a subject
    ("Senator Ann Price likened the tax plan to a blank check.",
     [("reported", "Senator Ann Price", "Senator Ann Price", "likened",
       "the tax plan to a blank check.")]),
    ("Ann Price slammed the budget deal.",
     [("reported", "Ann Price", "Ann Price", "slammed", "the budget deal.")]),
    ("The utter failure of the plan surprised no one.", []),
    # after "told" stands who was told, not who spoke
    ('"We need order tonight," Ann Lee, the convention chair, told the delegates.',
     [("direct", "Ann Lee", "Ann Lee", "told", "We need order tonight,")]),
    # an indirect question after an active verb; after a passive "was asked" (or "When
    # asked whether ...") the question is reported with no speaker: who asked is not named
    ("Ann Price wondered whether the bridge would reopen.",
     [("reported", "Ann Price", "Ann Price", "wondered", "whether the bridge would reopen.")]),
    ("Ann Price asked the engineers if the bridge was safe.",
     [("reported", "Ann Price", "Ann Price", "asked", "if the bridge was safe.")]),
    ("Ann Price was asked if the bridge was safe.",
     [("reported", None, None, "asked", "if the bridge was safe.")]),
    # a participle after a comma is a cue of its own: the content before it ends there,
    # and is kept beside the direct quote
    ('Ann Price defended the budget, calling it "a bargain."',
     [("reported", "Ann Price", "Ann Price", "defended", "the budget"),
      ("direct", "Ann Price", "Ann Price", "calling", "a bargain.")]),
    # a base form is a finite verb after an auxiliary, "not", or a plural noun for people;
    # not after "to" nor opening a sentence; a noun form ("mention") likewise
    ("Ann Price did not criticize the budget.",
     [("reported", "Ann Price", "Ann Price", "criticize", "the budget.")]),
    ("Critics praise the new budget.",
     [("reported", "Critics", "Critics", "praise", "the new budget.")]),
    ("Ann Price did not mention the budget.",
     [("reported", "Ann Price", "Ann Price", "mention", "the budget.")]),
    ("To criticize the budget is easy.", []),
    ("Criticize the budget if you must.", []),
    ("The mention of the budget drew boos.", []),
    # "found" after those whose work is to find; "from"/"for" phrases before "that"
    ("The authors found that the river was cleaner than in 1990.",
     [("reported", "The authors", "The authors", "found",
       "the river was cleaner than in 1990.")]),
    ("Ann Price has said from the start that the bridge would reopen.",
     [("reported", "Ann Price", "Ann Price", "said", "the bridge would reopen.")]),
    # a clause with no "that" may open with a title ("Mr.", "Sen.")
    ("In an interview, Tom Baker said Mr. Lee should leave the race.",
     [("reported", "Tom Baker", "Tom Baker", "said", "Mr. Lee should leave the race.")]),
    # after "told", whoever was told stands before "that"
    ("Ann Price told delegates at the convention that the bridge would reopen.",
     [("reported", "Ann Price", "Ann Price", "told", "the bridge would reopen.")]),
    # time after the verb, parenthetical cue, according to, told reporters, in a statement
    ('"We are ready," Smith said Thursday.',
     [("direct", "Smith", "Smith", "said", "We are ready,")]),
    ("The plan is dead, Bernie Sanders warned on Wednesday.",
     [("reported", "Bernie Sanders", "Bernie Sanders", "warned", "The plan is dead")]),
    ("The vote, Smith said, was a disgrace.",
     [("reported", "Smith", "Smith", "said", "The vote, Smith said, was a disgrace.")]),
    ("The plan is dead, according to Senator Jane Smith.",
     [("reported", "Senator Jane Smith", "Senator Jane Smith", "according to",
       "The plan is dead")]),
    ("Smith told reporters the plan was dead.",
     [("reported", "Smith", "Smith", "told", "the plan was dead.")]),
    ("In a statement, Smith said the plan was dead.",
     [("reported", "Smith", "Smith", "said", "the plan was dead.")]),
    # clause verbs with no "that", opening with any word
    ("Ebeling said it's sometimes hard to tell.",
     [("reported", "Ebeling", "Ebeling", "said", "it's sometimes hard to tell.")]),
    ("He said stocks aren't cheap.",
     [("reported", "He", "He", "said", "stocks aren't cheap.")]),
    ("Dmitry Peskov said on Monday.", []),
    # a verb with an object; a verb as an adjective is no cue
    ("The senator criticized the plan as reckless.",
     [("reported", "The senator", "The senator", "criticized", "the plan as reckless.")]),
    ("The announced deployment of weapons in Germany worries Moscow.", []),
    ("Tuesday pledged delegates to the party.", []),
    # several speakers: both are named
    ("Obama and Merkel said the talks were useful.",
     [("reported", "Obama and Merkel", "Obama; Merkel", "said", "the talks were useful.")]),
    ("The United States and Germany jointly announced the deployment of missiles.",
     [("reported", "The United States and Germany", "The United States; Germany",
       "announced", "the deployment of missiles.")]),
    # never a party tag, a date or a fragment
    ('"It is over," said Sen. Rob Portman (R-Ohio).',
     [("direct", "Sen. Rob Portman", "Sen. Rob Portman", "said", "It is over,")]),
    ('"It is over," Portman, R-Ohio, said.',
     [("direct", "Portman", "Portman", "said", "It is over,")]),
    ('Wednesday, "We will win," said Tom Lee.',
     [("direct", "Tom Lee", "Tom Lee", "said", "We will win,")]),
    ('"It is over," said a New Hampshire Republican.',
     [("direct", "a New Hampshire Republican", "a New Hampshire Republican", "said",
       "It is over,")]),
    # pronouns, with gender from titles; never across a nearer named speaker
    ('Mr. Garin met Ms. Brainard. "We disagree," she said.',
     [("direct", "she", "Ms. Brainard", "said", "We disagree,")]),
    ('Ms. Brainard met Mr. Garin on Monday. "We disagree," he said.',
     [("direct", "he", "Mr. Garin", "said", "We disagree,")]),
    ('"Yes," said Mr. Lee. "No," said Terry Wu. "Maybe," he said.',
     [("direct", "Mr. Lee", "Mr. Lee", "said", "Yes,"),
      ("direct", "Terry Wu", "Terry Wu", "said", "No,"),
      ("direct", "he", "Terry Wu", "said", "Maybe,")]),  # Terry Wu's gender is unknown
    ('"Yes," said Mr. Lee. "No," said Ann Wu. "Maybe," he said.',
     [("direct", "Mr. Lee", "Mr. Lee", "said", "Yes,"),
      ("direct", "Ann Wu", "Ann Wu", "said", "No,"),
      ("direct", "he", "Mr. Lee", "said", "Maybe,")]),  # the census: Ann is a woman's name
    # a quote continued in the next paragraph
    ('"We will win," Mr. Trump said.\n\n"And we will win again," he added. "Believe me."',
     [("direct", "Mr. Trump", "Mr. Trump", "said", "We will win,"),
      ("direct", "he", "Mr. Trump", "added", "And we will win again,"),
      ("direct", "he", "Mr. Trump", None, "Believe me.")]),
    # the New York Times' '' marks
    ("''We will win,'' Mr. Garin said. ''It is over.''",
     [("direct", "Mr. Garin", "Mr. Garin", "said", "We will win,"),
      ("direct", "Mr. Garin", "Mr. Garin", None, "It is over.")]),
    # a quote inside a sentence with its own subject and no cue verb
    ('Cruz coached Trump to "breathe deeply and wait for the moment."',
     [("direct", "Cruz", "Cruz", None, "breathe deeply and wait for the moment.")]),
    # marks inside markup are no quotes
    ('<tweet author="@x">Hello there</tweet> "We are here," Lee said.',
     [("direct", "Lee", "Lee", "said", "We are here,")]),
    # a participle after a comma takes the subject of the verb before it; a progressive
    # ("is calling for") is a cue; a participle with no comma or "be" before it is not
    ('"Growth is slow," Ann Lee said, citing weak exports.',
     [("direct", "Ann Lee", "Ann Lee", "said", "Growth is slow,"),
      ("reported", "Ann Lee", "Ann Lee", "citing", "weak exports.")]),
    ("The mayor is calling for a new bridge.",
     [("reported", "The mayor", "The mayor", "calling", "for a new bridge.")]),
    ("Exports citing rules fell.", []),
    # "referred to" / "pointed out (that)": the content follows "to" or "out"
    ("Mr. Diaz pointed out that the budget was late.",
     [("reported", "Mr. Diaz", "Mr. Diaz", "pointed", "the budget was late.")]),
    ("The governor referred to the storm as a warning.",
     [("reported", "The governor", "The governor", "referred", "the storm as a warning.")]),
    # verbs drawn from PolNeAR train's cue spans
    ("Ms. Park joked that the vote was rigged.",
     [("reported", "Ms. Park", "Ms. Park", "joked", "the vote was rigged.")]),
    ("Ann Lee complained the trains were late.",
     [("reported", "Ann Lee", "Ann Lee", "complained", "the trains were late.")]),
    # no subject in the range after an earlier quote, or after a comma insertion and a
    # time: the subject of the whole sentence; a participle after a quote: the subject
    # of the verb before it, and that verb is the quote's cue
    ('He said that Baker is playing the "race card" and said that Diaz is "weak."',
     [("direct", "He", "He", "said", "race card"),
      ("direct", "He", "He", "said", "weak.")]),
    ('Tom Baker, who has been feuding with leaders, on Friday described his '
     'plan for a "big tent" party.',
     [("direct", "Tom Baker", "Tom Baker", "described", "big tent")]),
    ('Ann Lee called the idea a "silly proposition," adding that it would fail.',
     [("direct", "Ann Lee", "Ann Lee", "called", "silly proposition,"),
      ("reported", "Ann Lee", "Ann Lee", "adding", "it would fail.")]),
    # inverted cues: a role before the name; words going on with the sentence before
    # ", said X"; an infinitive after the quote is not its cue
    ('"It is a yellow light," said election lawyer Joe Birkenstock.',
     [("direct", "election lawyer Joe Birkenstock", "election lawyer Joe Birkenstock",
       "said", "It is a yellow light,")]),
    ('The vote signals "the beginning of the end" for the union, said Geert Wilders.',
     [("direct", "Geert Wilders", "Geert Wilders", "said", "the beginning of the end")]),
    ('Ann Lee said she was "going to close the mines and the plants," while trying to '
     'explain her plan.',
     [("direct", "Ann Lee", "Ann Lee", "said", "going to close the mines and the plants,")]),
    # a verb with an object inside reported content, or in a sentence attributed by
    # "according to", is part of what is reported, not a second attribution
    ("Ann Lee said that Tom Baker criticized the plan.",
     [("reported", "Ann Lee", "Ann Lee", "said", "Tom Baker criticized the plan.")]),
    ("Tom Baker criticized the plan, according to a senior aide.",
     [("reported", "a senior aide", "a senior aide", "according to",
       "Tom Baker criticized the plan")]),
    # an -ed adjective in the subject; "and said" after a quote keeps the subject (the
    # quote's cue is the verb before it);
    # a short quote after a colon is a quotation, not a term
    ('The retired surgeon has given no details, saying only that he was "refining some '
     'practices and staff."',
     [("direct", "The retired surgeon", "The retired surgeon", "saying",
       "refining some practices and staff.")]),
    ('He called the plan "extremely careless," and said it would fail.',
     [("direct", "He", "He", "called", "extremely careless,"),
      ("reported", "He", "He", "said", "it would fail.")]),
    # (the question put, with no speaker: who asked is not named)
    ('Asked about the flap, Mr. Smith shot back: "That would be good."',
     [("reported", None, None, "Asked", "about the flap"),
      ("direct", "Mr. Smith", "Mr. Smith", None, "That would be good.")]),
    # an opening participle is no subject; an adverb between subject and verb is not
    # the subject; the subject stands before the first auxiliary
    ('Speaking on television on Monday, Ann Lee called the chief "incredibly driven '
     'and careful."',
     [("direct", "Ann Lee", "Ann Lee", "called", "incredibly driven and careful.")]),
    # a relative clause: the speaker is the phrase and its "who" (the words PolNeAR marks
    # as the source), the name it stands for is speaker_name
    ("The hacker who first revealed that the server was open went to prison.",
     [("reported", "The hacker who", "The hacker", "revealed",
       "the server was open went to prison.")]),
    ("She will have to continue to emphasize that the plan works.",
     [("reported", "She", "She", "emphasize", "the plan works.")]),
    # "who" stands for the name before its comma (the speaker is both); "when asked" and
    # "a written statement" are no cues
    ('Ann Lee, who told the committee when asked about it: "That matter is handled by '
     'career agents."',
     [("reported", None, None, "asked", "about it"),
      ("direct", "Ann Lee, who", "Ann Lee", "told", "That matter is handled by career agents.")]),
    ('Tom Baker said in a written statement that the claims had "no substance at all."',
     [("direct", "Tom Baker", "Tom Baker", "said", "no substance at all.")]),
    # after the quote a new clause with a subject of its own: the cue is before it
    ('Durbin said on Thursday he "sent a letter to the attorney general today," and he '
     'said he hoped for an inquiry.',
     [("direct", "Durbin", "Durbin", "said", "sent a letter to the attorney general today,"),
      ("reported", "he", "Durbin", "said", "he hoped for an inquiry.")]),
    # "..., X said." ends a statement; "..., X saying." does not
    ("The plan is dead and buried, Ann Lee saying.", []),
    # the lexicon's to_verbs report a "to" infinitive; "pledged to" is not one of them
    ("Ann Lee declined to comment on the plan.",
     [("reported", "Ann Lee", "Ann Lee", "declined", "to comment on the plan.")]),
    ("The delegates pledged to vote for Tom Baker.", []),
    # a verb in the next sentence is the quote's cue only in a bare "X said."
    ('"The tension is rising." Peskov said.',
     [("direct", "Peskov", "Peskov", "said", "The tension is rising.")]),
    ('Then "the doors of the hall opened at last." Tom Baker criticized the long delay '
     'at the gate of the hall that morning.',
     [("direct", None, None, None, "the doors of the hall opened at last."),
      ("reported", "Tom Baker", "Tom Baker", "criticized",
       "the long delay at the gate of the hall that morning.")]),
    # "accused of" right after a noun is a passive participle, no cue
    ("The man accused of buying the guns will stay in custody.", []),
    # quote_only verbs ("reads", "barked"): cues next to a quotation, not elsewhere; a
    # pronoun after an opening phrase is the subject
    ('At the bottom it reads, "You can support the cause by giving more."',
     [("direct", "it", "it", "reads", "You can support the cause by giving more.")]),
    ('"Go back to your seat, please," Tom Baker barked.',
     [("direct", "Tom Baker", "Tom Baker", "barked", "Go back to your seat, please,")]),
    ("She read the report and the plan twice.", []),
    # "continued" is a cue next to a quotation only (quote_only in the lexicon)
    ('"We will win," Ann Lee said. "We have the votes," Tom Baker continued.',
     [("direct", "Ann Lee", "Ann Lee", "said", "We will win,"),
      ("direct", "Tom Baker", "Tom Baker", "continued", "We have the votes,")]),
    ("Tom Baker continued the fight against the plan.", []),
    # the sentence's subject follows an opening phrase and its comma
    ('During the debate, Cruz made a call for cuts, calling them "corporate welfare."',
     [("direct", "Cruz", "Cruz", "calling", "corporate welfare.")]),
    # no cue verb: the name right before a colon, never an adverb or a possessive
    ('It does not surprise pollster Daron Shaw: "Unknown candidates gain the most votes."',
     [("direct", "Daron Shaw", "Daron Shaw", None, "Unknown candidates gain the most votes.")]),
    ('His answer to Ann Lee was that "the state is broke and the plan is late."',
     [("direct", None, None, None, "the state is broke and the plan is late.")]),
    # reported speech inside a quotation is the quote's own words, no second voice
    ('"She told me the plan was dead," Tom Baker said.',
     [("direct", "Tom Baker", "Tom Baker", "said", "She told me the plan was dead,")]),
    # "added" with an object is what was added, and a number for object is a figure: no
    # voice; "..., adding ..." after a comma is still one (and "said no" a one-word
    # answer, as PolNeAR counts it)
    ("Builders added 9,000 jobs.", []),
    ("The mill reported 300 new orders.", []),
    ("Mr. Cole said no, adding the plant must close.",
     [("reported", "Mr. Cole", "Mr. Cole", "said", "no"),
      ("reported", "Mr. Cole", "Mr. Cole", "adding", "the plant must close.")]),
    # a "that" inside brackets opens a relative clause, not reported content: no "000
    # rows" speaker from "12,000 rows were added (a figure that ...)"
    ("In May, 12,000 rows were added to the file (a figure that may change).", []),
    # after a passive verb, "that" before a time word is a determiner
    ("Last year, 4,000 rows were added that month.", []),
    ("He said that time is short.",
     [("reported", "He", "He", "said", "time is short.")]),
    # the speaker after an inverted verb at the end of the sentence, cut at the comma
    # before the role; a phrase with an article only when it ends in a role word
    ("Orders will fall this year, said Ann Lee, chief economist at Acme Bank.",
     [("reported", "Ann Lee", "Ann Lee", "said", "Orders will fall this year")]),
    ('"Orders will fall," said Tom Baker, Acme Bank chief economist.',
     [("direct", "Tom Baker", "Tom Baker", "said", "Orders will fall,")]),
    ("The vote is on Friday, said a senior aide.",
     [("reported", "a senior aide", "a senior aide", "said", "The vote is on Friday")]),
    # (an insertion's comma before the verb is no inverted cue: "the city's bus plans" is
    # no speaker; the object rule reads the subject before the insertion)
    ("Ann Lee, a delegate from Ohio, criticized the city's bus plans.",
     [("reported", "Ann Lee", "Ann Lee", "criticized", "the city's bus plans.")]),
    # a participle after an inverted verb belongs to the speaker after that verb, not to
    # a name inside the quotation
    ('"Tom Baker will lose," said Ann Lee, adding that the plant must close.',
     [("direct", "Ann Lee", "Ann Lee", "said", "Tom Baker will lose,"),
      ("reported", "Ann Lee", "Ann Lee", "adding", "the plant must close.")]),
    # a participle joined by "before", "while", "also" (and an adverb) is the subject's of
    # the verb before it (and a quote before such a participle is the verb's before it)
    ('Tom Baker said the deal was "dead" on Monday before claiming it was "a trap."',
     [("direct", "Tom Baker", "Tom Baker", "said", "dead"),
      ("direct", "Tom Baker", "Tom Baker", "claiming", "a trap.")]),
    ('Ann Lee cautioned "let us wait," before optimistically predicting that it would pass.',
     [("direct", "Ann Lee", "Ann Lee", "cautioned", "let us wait,"),
      ("reported", "Ann Lee", "Ann Lee", "predicting", "it would pass.")]),
    # "and" with an adverb before the verb: the sentence's subject goes on
    ('Ann Lee went on the radio and officially endorsed Tom Baker, saying, "He is ready."',
     [("reported", "Ann Lee", "Ann Lee", "endorsed", "Tom Baker"),
      ("direct", "Ann Lee", "Ann Lee", "saying", "He is ready.")]),
    # a paragraph ending with a colon introduces the quotation in the next one
    ('Ann Lee spoke for an hour.\n\nTom Baker continued:\n\n"We will not wait for the council."',
     [("direct", "Tom Baker", "Tom Baker", "continued", "We will not wait for the council.")]),
    # a conjunction opening the sentence is no subject: the quote goes on from the one before
    ('"It is over," said Ann Lee. Unless the council acts, "the plant will close next year."',
     [("direct", "Ann Lee", "Ann Lee", "said", "It is over,"),
      ("direct", "Ann Lee", "Ann Lee", None, "the plant will close next year.")]),
    # a participle with no cue verb before it: the sentence's first name after an opening
    # phrase of time, not "Hours"
    ("Hours later, Tom Baker returned the favor to Ann Lee, telling reporters that she was right.",
     [("reported", "Tom Baker", "Tom Baker", "telling", "she was right.")]),
    # an opening curly mark misprinted as the closing one still closes the quote
    ("“It is unusual,“ said Ann Lee, a lawyer. “It is a hard thing to do.”",
     [("direct", "Ann Lee", "Ann Lee", "said", "It is unusual,"),
      ("direct", "Ann Lee", "Ann Lee", None, "It is a hard thing to do.")]),
    # a verb in a relative clause after the quote is not its cue; the main verb is
    # (and the relative clause's own verb is Ann Lee's, its content ending at the comma
    # before the main verb)
    ("“The answer is no,” Ann Lee, who has proposed a new vote, said at the time.",
     [("direct", "Ann Lee", "Ann Lee", "said", "The answer is no,"),
      ("reported", "Ann Lee, who", "Ann Lee", "proposed", "a new vote")]),
    # "who" after a name, a phrase with an article or a number word, with or without a
    # comma, auxiliaries and adverbs between
    ("He met Ann Lee, who has long criticized the plan.",
     [("reported", "Ann Lee, who", "Ann Lee", "criticized", "the plan.")]),
    ("The plan drew fire from a senior official who has criticized the agency.",
     [("reported", "a senior official who", "a senior official", "criticized",
       "the agency.")]),
    ('"No," said one former staffer, who said he left on good terms. "I had to go."',
     [("direct", "one former staffer", "one former staffer", "said", "No,"),
      ("reported", "one former staffer, who", "one former staffer", "said",
       "he left on good terms."),
      ("direct", "one former staffer, who", "one former staffer", None, "I had to go.")]),
    # an inverted cue closing the sentence, more than ten words after the quote
    ('"To see the number of cases that could change is stunning," since so many cases were '
     "decided by one vote, said Ann Lee, who teaches law in Ohio.",
     [("direct", "Ann Lee", "Ann Lee", "said",
       "To see the number of cases that could change is stunning,")]),
    # a question ending with its mark, then a name and a verb: the cue, even when the
    # sentence goes on
    ("“Is it two? Three?” Ann Lee asks as a man walks in front of her with a ladder and a box.",
     [("direct", "Ann Lee", "Ann Lee", "asks", "Is it two? Three?")]),
    # a dash ends a clause: the subject is after the dashed insertion, not before it
    ('In May - four months after Tom Baker left office - the city told the court that '
     '"no records exist."',
     [("direct", "the city", "the city", "told", "no records exist.")]),
    # the sentence's subject after an opening phrase of time ("Eight years ago,")
    ('Eight years ago, he backed Tom Baker over Lee and said, "She has done nothing."',
     [("direct", "he", "he", "said", "She has done nothing.")]),
    # "who" after a dash stands for the name before the dash
    ('Front-runner Tom Baker - who previously said he would "bomb the fields" - won.',
     [("direct", "Front-runner Tom Baker - who", "Front-runner Tom Baker", "said",
       "bomb the fields")]),
    # a name and a verb outside the lexicon right before the quote ("shot back,") speak
    # it, not the subject of a lexicon verb in the clause before
    ("After Tom Brown spoke at the debate, Ann Lee shot back, “I could have stayed home.”",
     [("direct", "Ann Lee", "Ann Lee", None, "I could have stayed home.")]),
    # a passive cue with "that" names no speaker: whoever was told did not speak
    ("At the time, it was said that the party might never win again.",
     [("reported", None, None, "said", "the party might never win again.")]),
    ("Tom Baker was told that the plan had failed.",
     [("reported", None, None, "told", "the plan had failed.")]),
    # after a quote ending with a comma, a name and a verb outside the lexicon speak it;
    # it does not go on with the speaker before
    ("“Look at them,” Ann Lee said. “They want free things,” Tom Baker shot back with a laugh.",
     [("direct", "Ann Lee", "Ann Lee", "said", "Look at them,"),
      ("direct", "Tom Baker", "Tom Baker", None, "They want free things,")]),
    # (also a phrase with an article: "an angry Tom Baker", "the crowd")
    ('"Do we give up?" Ann Lee asked. "No!" the crowd cried out.',
     [("direct", "Ann Lee", "Ann Lee", "asked", "Do we give up?"),
      ("direct", "the crowd", "the crowd", None, "No!")]),
    ("“It is lost,” she claimed. “It will never be lost,” an angry Tom Baker retaliated.",
     [("direct", "she", "she", "claimed", "It is lost,"),
      ("direct", "an angry Tom Baker", "an angry Tom Baker", None, "It will never be lost,")]),
    # a short sentence of a name and a verb right before a quote introduces it
    ('"We will win," said Tom Baker. Iowa State\'s Ann Lee agreed. "The party is out of time."',
     [("direct", "Tom Baker", "Tom Baker", "said", "We will win,"),
      ("direct", "Iowa State's Ann Lee", "Iowa State's Ann Lee", None,
       "The party is out of time.")]),
    # "one of ..." after an inverted verb is the speaker; the relative clause after it
    # ("who spoke on condition of anonymity") is no cue of the sentence
    ('"There is no path," said one of those advisers, who spoke on condition of anonymity.',
     [("direct", "one of those advisers", "one of those advisers", "said",
       "There is no path,")]),
    # a noun form ("calls", "claims") after a capitalised determiner opening the sentence
    # is a noun: no cue
    ("The calls that came in were many. His claims that she lied were false.", []),
    # an insertion with a comma of its own ("in Columbus, Ohio"): the subject before it
    ('Ann Lee, during a town hall meeting in Columbus, Ohio, said she was "going to win."',
     [("direct", "Ann Lee", "Ann Lee", "said", "going to win.")]),
    # a relative clause with "has not" after the quote: the main verb is the cue
    ('"I do not believe in it," Ann Lee, who has not endorsed a candidate, told reporters.',
     [("direct", "Ann Lee", "Ann Lee", "told", "I do not believe in it,"),
      ("reported", "Ann Lee, who", "Ann Lee", "endorsed", "a candidate")]),
    # a participle after "upon": the subject of the verb before
    ('Tom Baker, himself a Lee supporter, drew boos upon saying, "Lee heard you."',
     [("direct", "Tom Baker", "Tom Baker", "saying", "Lee heard you.")]),
    # a verb that names the quoted words ("what X called") is their cue, whatever verb
    # follows the quote
    ('In 2009, under what Tom Baker called "the prior economy model," the club charged a fee.',
     [("direct", "Tom Baker", "Tom Baker", "called", "the prior economy model,"),
      ("reported", "the club", "the club", "charged", "a fee.")]),
    # a verb form after a determiner or a possessive ("a mock trial", "the senator's
    # alleged") is no cue
    ('Playing a prosecutor in a mock trial, Tom Baker roused the crowd to "lock her up" chants.',
     [("scare", None, None, None, "lock her up")]),
    ("He is listed as one of the senator's alleged “allies” in the filing.",
     [("scare", None, None, None, "allies")]),
    # no cue verb: the sentence's subject after an opening phrase or a conjunction, also a
    # phrase with an article or a possessive; not a name after a preposition ("on Twitter")
    ('In the hours after the attack, a familiar voice celebrated it on Twitter: "We arrived."',
     [("direct", "a familiar voice", "a familiar voice", None, "We arrived.")]),
    ('And she is sure that jailing Tom Baker will make him louder: "They made a monster."',
     [("direct", "she", "she", None, "They made a monster.")]),
    ('Now his friends make jokes about sending observers to Ohio "to ensure a fair vote."',
     [("direct", "his friends", "his friends", None, "to ensure a fair vote.")]),
    # (a possessive opens the subject only before a noun for who speaks: "His campaign")
    ('His campaign protested the ruling as "deeply unfair to the voters of Ohio."',
     [("direct", "His campaign", "His campaign", None, "deeply unfair to the voters of Ohio.")]),
    # an opening participle phrase, irregular or long, is no subject ("rally" is a noun,
    # not an adverb before "denounced")
    ('Led by the council speaker, the rally denounced the call for "a total and complete '
     'shutdown of entry."',
     [("direct", "the rally", "the rally", "denounced",
       "a total and complete shutdown of entry.")]),
    ("Filling in for Tom Baker at the same event where Ann Lee and Bill Cole appeared on "
     'Sunday, West landed a sharp dig at "my dear sister Ann Lee over there."',
     [("direct", "West", "West", None, "my dear sister Ann Lee over there.")]),
    # an infinitive after a participle ("asked to confirm") is no cue before a quote: a
    # short marked phrase with no cue left is a term (the request itself is reported, with
    # no speaker: who asked is not named)
    ('When asked to confirm his role in the "top secret" email chains, a source did so.',
     [("reported", None, None, "asked",
       'to confirm his role in the "top secret" email chains'),
      ("scare", None, None, None, "top secret")]),
    # a title keeps its comma inside the marks ("Doomed to Succeed,"), also a two-word one
    # after "ad,": a term; a title-case quotation with a cue stays one
    ('In his new book, "Doomed to Succeed," and in an interview, Tom Baker said so.',
     [("scare", None, None, None, "Doomed to Succeed,")]),
    ('One ad, "Balanced Rebellion," stars an actor.',
     [("scare", None, None, None, "Balanced Rebellion,")]),
    ('He yelled "Shut Up," and left the room.',
     [("direct", "He", "He", "yelled", "Shut Up,")]),
    # "that" before a time word ending the sentence is a determiner: no reported speech
    ('"This was the place," he said in his speech that night.',
     [("direct", "he", "he", "said", "This was the place,")]),
    # time words between an insertion and the verb ("this past week announced")
    ("Ann Lee, the party chairman, this past week announced the creation of a new fund.",
     [("reported", "Ann Lee", "Ann Lee", "announced", "the creation of a new fund.")]),
    # a verb after an insertion's comma is no inverted cue: its object is no speaker
    ("Ann Lee's son, Tom, defended his mother Tuesday on Facebook, saying: \"She did "
     'nothing wrong at all."',
     [("reported", "Ann Lee's son", "Ann Lee's son", "defended", "his mother Tuesday on Facebook"),
      ("direct", "Ann Lee's son", "Ann Lee's son", "saying", "She did nothing wrong at all.")]),
    # a party tag ends the speaker's name; the name is looked for in its own sentence
    ('"That is why I am with her," Ann Lee said. Lawbreaker? Senate Minority Leader Tom M. '
     'Baker (D-Nev.) told reporters that Bill Cole "may have broken the law" by it.',
     [("direct", "Ann Lee", "Ann Lee", "said", "That is why I am with her,"),
      ("direct", "Senate Minority Leader Tom M. Baker", "Senate Minority Leader Tom M. Baker",
       "told", "may have broken the law")]),
    # (the name right before the tag, not the first capitalised words of the phrase)
    ("At a rally Monday, Trump's GOP primary rival Sen. Marco Rubio (R-Fla.) said Trump is "
     '"unelectable now."',
     [("direct", "Sen. Marco Rubio", "Sen. Marco Rubio", "said", "unelectable now.")]),
    # an age is a person ("the 46-year-old"), not a number
    ('"He has always been a friend," the 46-year-old said.',
     [("direct", "the 46-year-old", "the 46-year-old", "said", "He has always been a friend,")]),
    # a conjunction before a pronoun: the pronoun is the subject, not the words after the
    # first comma
    ('Then he cut into Tom Baker, calling him a "stiff" and a "spoiled child."',
     [("direct", "he", "he", "calling", "stiff"),
      ("direct", "he", "he", "calling", "spoiled child.")]),
    # after an inverted verb, a role word between two names ("Kremlin spokesman")
    ('"No comment," said Kremlin spokesman Dmitry Peskov.',
     [("direct", "Kremlin spokesman Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", "said",
       "No comment,")]),
    # a base form left out as a noun ("state", "claim") is a cue after "the" and a
    # capitalised plural
    ('"The kingdom leads the fight," the Saudis state in the white paper.',
     [("direct", "the Saudis", "the Saudis", "state", "The kingdom leads the fight,")]),
    ("The Democrats claim the vote was rigged. The United States claim was rejected.",
     [("reported", "The Democrats", "The Democrats", "claim", "the vote was rigged.")]),
    # "As X put it," introduces X's words (X before its insertion)
    ('As Ann Lee, a professor of law at Yale, put it, "A deal is a deal for both sides."',
     [("direct", "Ann Lee", "Ann Lee", None, "A deal is a deal for both sides.")]),
    # an inverted verb outside the lexicon after the quote, then who spoke ("blared the
    # front page of ..."), ending the sentence
    ('"Choke!" blared the front page of The Ohio Herald.',
     [("direct", "the front page of The Ohio Herald", "the front page of The Ohio Herald",
       None, "Choke!")]),
    # (also the last clause of the sentence before: "..., and her husband cut in.")
    ("“Tell her I promised you a picture,” Ann Lee said, and her husband cut in. “Do not "
     "forget the photographer.”",
     [("direct", "Ann Lee", "Ann Lee", "said", "Tell her I promised you a picture,"),
      ("direct", "her husband", "her husband", None, "Do not forget the photographer.")]),
    # an inverted cue between two halves of a quote is the cue of both
    ('"It is a hard issue," said the Ohio senator, "because two rights collide."',
     [("direct", "the Ohio senator", "the Ohio senator", "said", "It is a hard issue,"),
      ("direct", "the Ohio senator", "the Ohio senator", "said", "because two rights collide.")]),
    # seen on unseen allsides events (2026-11-30): a run of names and its noun; an "of" inside
    # a title; an Arabic article joined to a name
    ("Senior Gondish officials in Varna said the talks were “very close” to a deal.",
     [("direct", "Senior Gondish officials", "Senior Gondish officials", "said",
       "very close")]),
    ("Secretary of State Hilda Rodham Vance said there is no substitute for peace.",
     [("reported", "Secretary of State Hilda Rodham Vance",
       "Secretary of State Hilda Rodham Vance", "said", "there is no substitute for peace.")]),
    ("“We hope to receive it soon,” said Essam el-Haddad, a top adviser.",
     [("direct", "Essam el-Haddad", "Essam el-Haddad", "said", "We hope to receive it soon,")]),
    # a relative clause between the subject and its verb: the phrase before "who"
    ("Foreign diplomats who were briefed on the outlines of a deal said it came in stages.",
     [("reported", "Foreign diplomats", "Foreign diplomats", "said", "it came in stages.")]),
    # a dash (shown as an em dash) and "though" open a clause: its subject speaks
    ("They voted on the Gondish Care Act — though he says repealing it is not realistic.",
     [("reported", "he", "he", "says", "repealing it is not realistic.")]),
    # a number opening the sentence is no name: its phrase is the subject
    ("Two weekend polls in Kentucky showed the senator extending his lead.",
     [("reported", "Two weekend polls", "Two weekend polls", "showed",
       "the senator extending his lead.")]),
    # a contracted auxiliary is no part of the speaker; "He" is the previous sentence's
    # subject
    ("Tom Vole left. He'd said the plan would fail.",
     [("reported", "He", "Tom Vole", "said", "the plan would fail.")]),
    ("I\u2019m suggesting that all guns be registered.",
     [("reported", "I", "I", "suggesting", "all guns be registered.")]),
    # a passive verb at the end names what was reported, not who reported it
    ("Neither main city was struck, and no casualties were reported.", []),
    # a dateline before the speaker is no part of it (an em dash, as typeset)
    ("BOSTON \u2014 Gov. Tom Vole on Friday announced a plan to reopen the schools.",
     [("reported", "Gov. Tom Vole", "Gov. Tom Vole", "announced",
       "a plan to reopen the schools.")]),
    # a name ending a clause before a colon is its object, not who speaks; the sentence's
    # subject is
    ("The town clerk issued an opinion on the power to dissolve Council: \u201cThe answer "
     "is yes, but only in rare cases.\u201d",
     [("direct", "The town clerk", "The town clerk", None,
       "The answer is yes, but only in rare cases.")]),
    # ... while a role noun before the name ("pollster") makes it the speaker, and so does
    # a second name joined by "and"
    ("The result does not surprise pollster Shaw: \u201cThe answer is yes, but only in "
     "rare cases.\u201d",
     [("direct", "Shaw", "Shaw", None, "The answer is yes, but only in rare cases.")]),
    ("More from Lintz and Vole: \u201cThe answer is yes, but only in rare cases.\u201d",
     [("direct", "Vole", "Vole", None, "The answer is yes, but only in rare cases.")]),
    # two appositions between the name and its verb
    ("Tom Vole, the director of analysis at Ohio-based Lintz Labs, a company that studies "
     "networks, said the problems grew.",
     [("reported", "Tom Vole", "Tom Vole", "said", "the problems grew.")]),
    # ... but a name after an opening phrase is the subject, not an apposition
    ("In his reply, Tom Vole, the dean of the school, said that he read the claims.",
     [("reported", "Tom Vole", "Tom Vole", "said", "he read the claims.")]),
    # a short time with no comma opens the sentence
    # an auxiliary between an insertion and its verb; a participle before "was" is no cue
    ("Tom Vole, senior director for Europe and Russia, had said that he had concerns.",
     [("reported", "Tom Vole", "Tom Vole", "said", "he had concerns.")]),
    ("Especially telling was the insistence, as relayed by Lintz, that it be public.", []),
    # "of that process": a determiner, not a clause opener; the phrase before "of" speaks
    ("Critics of that process say it is unfair to ask them to wait.",
     [("reported", "Critics of that process", "Critics of that process", "say",
       "it is unfair to ask them to wait.")]),
    # a month after "In" is when, not who; "April Ryan" is a name
    ("In September Ambassador Tom Vole told Lintz that he was worried.",
     [("reported", "Ambassador Tom Vole", "Ambassador Tom Vole", "told", "he was worried.")]),
    ("April Ryan said the plan was dead.",
     [("reported", "April Ryan", "April Ryan", "said", "the plan was dead.")]),
    ("Half a day later Lintz said it was down again.",
     [("reported", "Lintz", "Lintz", "said", "it was down again.")]),
    ("Two weeks ago Ann Vole said the plan was dead.",
     [("reported", "Ann Vole", "Ann Vole", "said", "the plan was dead.")]),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_speakers_by_hand(text, expected):
    found = find_quotes(text)
    assert [(q.kind, q.speaker, q.speaker_name, q.verb, q.quote) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.quote
        if q.speaker_start >= 0:
            assert text[q.speaker_start:q.speaker_end] == q.speaker


def test_reported_speech_inside_a_quote_is_kept_for_a_listed_actor(actors):
    # a readout quoting a listed actor: the actor's words are a voice; its content ends
    # with the quotation
    text = '"Lloyd Austin stressed the need for talks," the Pentagon said.'
    found = [(q.kind, q.actor, q.verb, q.quote) for q in find_quotes(text, actors)]
    assert found == [("direct", "Pentagon", "said", "Lloyd Austin stressed the need for talks,"),
                     ("reported", "Lloyd Austin", "stressed", "the need for talks,")]
    # without an actor list it is only the Pentagon's quote
    assert [q.kind for q in find_quotes(text)] == ["direct"]


def test_several_speakers_get_both_actors(actors):
    [q] = find_quotes("Germany and the US announced that missiles will be stationed.", actors)
    assert (q.speaker, q.actor) == ("Germany and the US", "Germany; United States")


def test_actor_gender_is_read_when_the_actor_list_has_it(actors):
    # The seed list says both men are male: a "she" after them is neither of them
    text = ('"We are ready," Lloyd Austin said. "We are not," Sergei Ryabkov said. '
            '"Fine," she said.')
    last = find_quotes(text, actors)[-1]
    assert (last.speaker, last.actor) == ("she", None)
    # a list without genders: the nearer one, whatever their gender
    from analysis.actors import Actor, ActorList

    plain = ActorList([Actor("Lloyd Austin", "person"), Actor("Sergei Ryabkov", "person")])
    last = find_quotes(text, plain)[-1]
    assert (last.speaker, last.actor) == ("she", "Sergei Ryabkov")


@pytest.mark.parametrize(
    ("text", "scares"),
    [
        ('The crowd watched the "Rage" tour.', ["Rage"]),
        ('William "Mo" Cowan was there.', ["Mo"]),
        ('"Rage" is a book about the presidency.', ["Rage"]),
        ('It was a "bold" sign, and a "very bold" one.', ["bold", "very bold"]),
        # titles of shows and books, with or without a speech verb near them
        ('Trump said on ABC\'s "Good Morning America" that he would win.',
         ["Good Morning America"]),
        ('He wrote "The Art of the Deal" in 1987.', ["The Art of the Deal"]),
        ('Moscow spoke of a step towards a new "Cold War."', []),  # no title cue before it
        # voices, not terms: a cue verb, a quote opening its sentence with a comma, or a
        # quote that continues an attributed one in the same sentence
        ('Peskov called it "a threat".', []),
        ('"Enough," the crowd chanted.', []),
        ('Belousov "underlined the danger" of the "delivery of weapons".', []),
    ],
)
def test_short_marked_phrases_without_a_cue_are_scare_quotes(text, scares):
    found = find_quotes(text)
    assert [q.quote for q in found if q.kind == "scare"] == scares
    for q in found:
        if q.kind == "scare":
            assert (q.speaker, q.verb, q.cue) == (None, None, "none")


def test_it_said_is_the_organisation_that_spoke_last(actors):
    text = ('The Pentagon said the talks were useful. Later, it said that new talks would '
            'follow.\n\nAnn Lee spoke. "It is late," it added.')
    found = find_quotes(text, actors)
    assert [(q.speaker, q.actor, q.speaker_name) for q in found] == [
        ("Pentagon", "Pentagon", "Pentagon"), ("it", "Pentagon", "Pentagon"),
        ("it", "Pentagon", "Pentagon")]
    # no organisation spoke before: "it" stays unresolved, never a person
    found = find_quotes("Ann Lee said the talks were useful. It said that new talks "
                        "would follow.", actors)
    assert [(q.speaker, q.actor) for q in found] == [("Ann Lee", None), ("It", None)]
    # more than three paragraphs after the organisation spoke: unresolved
    far = "The Pentagon said the talks were useful.\n\n" + "Rain fell.\n\n" * 4
    found = find_quotes(far + "It said that new talks would follow.", actors)
    assert [(q.speaker, q.actor) for q in found][-1] == ("It", None)


def test_findings_are_in_the_quote_table_but_no_voices():
    corpus = from_texts({"A": "A new poll shows the mayor is ahead. Ann Lee said the poll "
                              "was wrong."})
    table = quote_table(corpus)
    assert table[["speaker", "verb_group"]].values.tolist() == [["A new poll", "evidence"],
                                                                 ["Ann Lee", "neutral"]]
    assert voice_table(table)["voice"].tolist() == ["Ann Lee"]


def test_a_demonstrative_subject_is_no_voice():
    corpus = from_texts({"A": "Hiring slowed in May. That suggests the economy is weak. "
                              "Ann Lee said the figures were sound."})
    table = quote_table(corpus)
    assert table["speaker"].tolist() == ["That", "Ann Lee"]
    assert voice_table(table)["voice"].tolist() == ["Ann Lee"]


def test_scare_quotes_are_in_the_quote_table_but_no_voices():
    corpus = from_texts({"A": 'The "Rage" tour went on. "We will win," Peskov said.'})
    table = quote_table(corpus)
    assert table["kind"].tolist() == ["scare", "direct"]
    assert voice_table(table)["voice"].tolist() == ["Peskov"]
    assert verb_table(table).query("n_quotes > 0")["verbs"].tolist() == ["said"]


def test_table_options_are_keyword_only(actors):
    corpus = from_texts({"A": '"We will win," Dmitry Peskov said.'})
    expected = quote_table(corpus, actors=actors)
    for func in (quote_table, voice_table, verb_table):
        with pytest.warns(FutureWarning, match=r"actors="):
            old = func(corpus, actors)
        pd.testing.assert_frame_equal(old, func(corpus, actors=actors))
        with pytest.raises(TypeError, match="actors="):
            func(corpus, actors, actors=actors)
    assert expected["actor"].tolist() == ["Dmitry Peskov"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obama slams the Republican plan as reckless.",
         [("Obama", "slams", "confrontational")]),
        ("He notes that the vote failed.", [("He", "notes", "neutral")]),
        ("We note that the vote failed.", [("We", "note", "neutral")]),
        # nouns: after an article, a possessive, or a name in the base form
        ("The calls were loud in New York state.", []),
        ("Trump's claims were false.", []),
    ],
)
def test_verbs_left_out_as_nouns_count_after_a_subject(text, expected):
    assert [(q.speaker, q.verb, q.verb_group) for q in find_quotes(text)] == expected


def test_thought_is_its_own_kind_by_default_and_no_voice():
    text = "Peskov believes the talks will fail."
    [q] = find_quotes(text)
    assert (q.kind, q.speaker, q.verb, q.verb_group, q.cue, q.quote) == (
        "thought", "Peskov", "believes", "thought", "clause", "the talks will fail.")
    assert find_quotes(text, thoughts=False) == []
    # an intention; "thinks of ..." is no thought attribution the kit keeps
    [q] = find_quotes("Peskov wants to end the talks. He thinks of Berlin.")
    assert (q.kind, q.speaker, q.verb, q.cue, q.quote) == (
        "thought", "Peskov", "wants", "to", "to end the talks.")
    # a thought inside what somebody said is theirs: no second row
    said = "Lavrov said Peskov believes the talks will fail."
    assert [(q.kind, q.speaker) for q in find_quotes(said)] == [("reported", "Lavrov")]
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["O"],
                           "text": [text + ' "We are ready," Lavrov said.']})
    table = quote_table(corpus)
    assert list(table["kind"]) == ["thought", "direct"]
    voices = voice_table(table)
    assert list(voices["voice"]) == ["Lavrov"] and voices["n_quotes"].tolist() == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "see" and "view" are thought only as "X sees Y as Z" or "X saw that ..."
        ("Lee sees the vote as a test of the party.",
         [("Lee", "sees", "the vote as a test of the party.")]),
        ("Lee saw that the vote was lost.", [("Lee", "saw", "the vote was lost.")]),
        ("Lee saw the vote on television.", []),
        # a stance with an object; "seek" is intention only before "to"
        ("Kim opposed the bill.", [("Kim", "opposed", "the bill.")]),
        ("Kim sought to delay the vote.", [("Kim", "sought", "to delay the vote.")]),
        ("A million people sought benefits last week.", []),
        # "think tanks" are no thinking
        ("Donors and think tanks will have their say.", []),
        ("Conservative thought leaders such as Limbaugh agree.", []),
        # a passive names nobody who thinks; an adverb is nobody
        ("Lee is known for his temper.", []),
        ("Kim is hoping that the vote passes.", [("Kim", "hoping", "the vote passes.")]),
        ("It was a crowd that hardly expected such a win.", []),
        ("Really, who would want this job?", []),
        ("It is naive to think he will change course.", []),
        ("Have you seen anything that makes you think they will agree?", []),
    ],
)
def test_thought_rows_of_stance_and_perception(text, expected):
    found = [(q.speaker, q.verb, q.quote) for q in find_quotes(text) if q.kind == "thought"]
    assert found == expected


def test_verbs_ending_in_ee_keep_both_e_before_ing():
    verbs = load_verbs()
    assert verbs.forms["agreeing"] == ("agree", verbs.forms["agreed"][1])
    assert "agreing" not in verbs.forms


def test_writers_hedges_and_list_labels_from_an_unseen_event():
    # 2013-01-02 fiscal cliff (allsides): "It's too early to tell whether ..." is the
    # writer's words (it gave the speaker "It's too"); in a list of winners, "Name: This
    # might ..." names Biden for the "he" after it (it gave "Vice President Joe Biden: This")
    assert find_quotes("It's too early to tell whether McConnell will pay the price.") == []
    assert find_quotes("It is hard to say whether the deal holds.") == []
    [q] = find_quotes("Lee wondered whether the deal holds.")
    assert (q.speaker, q.cue) == ("Lee", "question")
    # "..., say the economy is growing": the clause's subject after an inverted-looking
    # verb is no speaker (it gave "the economy is growing"); "add about $120 billion" is
    # a quantity, no topic (it gave the speaker "ending the tax holiday")
    [q] = find_quotes("Some statistics, such as housing prices, say the economy is growing.")
    assert (q.speaker, q.quote) == ("Some statistics", "the economy is growing.")
    assert find_quotes("Ending the tax holiday will add about $120 billion to coffers.") == []
    [q] = find_quotes("Lee warned about the deficit.")
    assert (q.speaker, q.cue, q.quote) == ("Lee", "of", "about the deficit.")
    text = ('Winners\n\nVice President Joe Biden: This might not have been the "big deal" '
            "that he proclaimed, but it was a pretty big deal.")
    [q] = find_quotes(text)
    assert (q.speaker, q.speaker_name, q.quote) == ("he", "Vice President Joe Biden",
                                                     "big deal")


def test_a_body_named_with_and_and_an_idiom_from_unseen_events():
    # 2017-03-08 healthcare (allsides): the speaker was "Health"
    text = ("Health and Human Services Sec. Tom Price, a former Georgia congressman, opened "
            'the briefing by calling the bill "a work in progress," indicating that the '
            "administration was open to edits.")
    assert {q.speaker for q in find_quotes(text)} == {
        "Health and Human Services Sec. Tom Price"}
    # 2014-09-23 environment: "rest assured that" gave the speaker "rather rest"
    assert find_quotes("We should rather rest assured that the models are right.") == []


def test_a_listed_body_inside_the_subject_before_an_insertion():
    # with the general list, "White House" is listed: the speaker was "condition of
    # anonymity" (found while checking relative clauses after the 2016-12-16 walk)
    from analysis.actors import load_actors

    text = ("Several White House aides, who spoke on condition of anonymity, said the plan "
            "failed.")
    [q] = find_quotes(text, load_actors())
    assert q.speaker == "Several White House aides"
    # a body's name before the insertion is still the speaker
    [q] = find_quotes("The Pentagon, which spoke first, said the plan failed.", load_actors())
    assert q.actor == "Pentagon"


def test_coordinated_party_words_modify_one_phrase():
    # 2017-08-21 White House (allsides): the voices chart showed "Both Republican"
    [q] = find_quotes("Both Republican and Democratic lawmakers said the agency is tired.")
    assert (q.speaker, q.speaker_name) == ("Both Republican and Democratic lawmakers",) * 2
    # two speakers stay two
    [q] = find_quotes("Ryan and Democratic leaders said the bill was dead.")
    assert q.speaker_name == "Ryan; Democratic leaders"


def test_a_list_item_opening_with_a_gerund_has_no_subject():
    # 2014-01-29 White House (allsides): the voices chart showed "Reworking"
    text = ('Obama spoke.\n\n-- Reworking the corporate tax code. He urged Congress to '
            'close "wasteful loopholes."')
    [q] = find_quotes(text)
    assert q.speaker == "He" and q.speaker_name != "Reworking"
    # a list item is no sentence with a subject: it was "Equal" noting the figure
    text = ("Obama called for:\n\n-- Equal pay for women, noting they make 77 cents for "
            "each dollar a man earns.")
    assert all(q.speaker != "Equal" for q in find_quotes(text))


def test_an_em_dash_with_no_spaces_opens_a_clause():
    # 2016-12-16 politics (allsides): the voices chart showed "Soviet" for a newspaper
    text = ("After the summit, including Poland\u2014both former Soviet satellites\u2014a "
            "communist newspaper fumed about \u201cthe capitulation.\u201d")
    assert [q.speaker for q in find_quotes(text)] == ["a communist newspaper"]
    [q] = find_quotes("Both were Soviet satellites\u2014the paper said the policy failed.")
    assert q.speaker == "the paper"


def test_a_phrase_of_place_or_time_names_no_speaker():
    # 2016-12-16 politics (allsides): the voices chart showed "in some ways"
    [q] = find_quotes("But one trend that in some ways predicted those losses has been "
                      "staring Democrats in the face.", thoughts=False)
    assert q.speaker is None
    [q] = find_quotes("At least Ryan said the bill would pass.")
    assert q.speaker == "At least Ryan"


def test_an_expectation_nobody_is_named_for_is_a_thought_without_speaker():
    text = ("The bank is widely expected to raise rates in June. Analysts expected the "
            "bank to wait. It was expected.")
    q, named = find_quotes(text)
    assert (q.kind, q.speaker, q.verb, q.cue, q.quote) == (
        "thought", None, "expected", "to", "to raise rates in June.")
    assert text[q.verb_start:q.verb_end] == "expected"
    # the analysts' expectation has its holder; "It was expected." has no content
    assert (named.kind, named.speaker, named.cue, named.quote) == (
        "thought", "Analysts", "clause", "the bank to wait.")
    # inside what somebody said it is theirs
    said = 'Lee said the bank is expected to raise rates. "No," Kim said.'
    assert [q.kind for q in find_quotes(said)] == ["reported", "direct"]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): the possessor does not
    # speak, the person its role names does (before: "Denmark's", so Denmark's voice)
    ('Denmark\'s foreign minister, Ann Vole, ended her visit with a warning, saying: "We '
     'will watch."', [("direct", "Ann Vole")]),
    ("Denmark's foreign minister said the vote was fair.",
     [("reported", "Denmark's foreign minister")]),
    ("The vote is over, Tom Lee's longtime friend Ann Vole stated.",
     [("reported", "Ann Vole")]),
    # a thing speaks for nobody (before: "Lee's" underscored a growing acceptance)
    ("Lee's rise in the polls underscored a growing acceptance of her plan.", []),
    # guards: a name ending in "'s" before its verb, and a statement's words are its
    # author's
    ("Moody's said the city will default.", [("reported", "Moody's")]),
])
def test_a_possessive_is_no_speaker_but_its_person_is(text, expected):
    assert [(q.kind, q.speaker) for q in find_quotes(text, thoughts=False)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2017-05-07 elections; invented text):
    # an opening phrase is no subject, the insertion comes after it (before: "In a
    # warm statement")
    ("In a warm statement, the ministry, which backed Lee, urged Vole to talk.",
     [("reported", "the ministry", "urged")]),
    # the place ends the quote's clause; the verb after it goes on with the sentence's
    # subject (before: "Denmark vowed")
    ('Lee conceded. She said she had won a "massive" score that made her leader of "the '
     'main force" in Denmark and vowed to go on.',
     [("direct", "She", "said"), ("direct", "She", "vowed"), ("reported", "She", "vowed")]),
    # a role phrase, then the name set off by commas and a relative clause: the name
    # (before: "The outgoing president")
    ('The outgoing president, Ann Vole, who was once his mentor, said: "It is a victory."',
     [("direct", "Ann Vole", "said")]),
    # who is heard on a recording (before: "included audio of him")
    ("The tape that included audio of him bragging about his wealth was aired.",
     [("reported", "him", "bragging")]),
])
def test_speakers_of_an_unseen_election_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text, thoughts=False)] == expected


def test_a_participle_after_a_dash_is_the_subjects():
    # worked by hand (an unseen allsides event, invented text): the participle after a
    # dash goes on with the sentence's subject, not the listed name before the dash, and
    # the interview opening the sentence names no one (before: "Tom Fox", then "Herald")
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Tom Fox", "person"), Actor("Ann Vole", "person"),
                        Actor("Herald", "organisation", ["Herald"])])
    text = ('In an interview with the Herald series, Ann Vole was mild about Tom Fox '
            '\u2014 praising his team as "outstanding."')
    assert [(q.speaker, q.actor) for q in find_quotes(text, actors)] == [
        ("Ann Vole", "Ann Vole")]


def test_a_paragraph_after_said_and_a_colon_is_a_block_quote():
    # worked by hand (an unseen allsides event, 2017-06-27 media; invented text): web
    # pages lose a block quote's indentation; the paragraph after "Lee said:" is her
    # words (before: "I think ..." was a thought of "I", "You point to ..." a voice of
    # "You")
    text = ("Ann Lee spoke at the briefing. Lee said:\n\nI think the coverage is unfair. "
            "You point to that report.\n\nThen she left.")
    from analysis.quotes import count_quotes

    rows = find_quotes(text)
    assert [(q.kind, q.cue, q.speaker, q.verb, q.quote) for q in rows] == [
        ("direct", "block", "Lee", "said",
         "I think the coverage is unfair. You point to that report.")]
    assert count_quotes(text) == (1, 11)
    # guards: a finding, a clause before the colon, a list with no speech verb, a
    # paragraph holding quotation marks
    for text in ["The poll found:\n\nMost voters want a change now.",
                 "Lee pointed out that the issue was ignored:\n\nVeterans wait for care.",
                 "Here are the names:\n\nAnn Lee, Tom Fox and Kim Vole.",
                 'Lee said:\n\n"We will win," she said.']:
        assert all(q.cue != "block" for q in find_quotes(text)), text


def test_speakers_of_an_unseen_media_event():
    # worked by hand (an unseen allsides event, 2017-06-27 media bias; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Ann Lee", "person"), Actor("Herald", "organisation",
                                                          ["Herald"])])
    # a quotation of several sentences before "she said": the subject of the sentence
    # before the quotation (before: "she" stood for no one)
    [q] = find_quotes('Ann Lee spoke. Lee pushed back, briefly. "I disagree. It is the '
                      'dishonesty," she said.', actors)
    assert (q.speaker, q.speaker_name, q.actor) == ("she", "Lee", "Ann Lee")
    # a body's name in the phrase before a participle: that phrase, from its determiner
    # (before: the sentence's subject, "Lee", for the Herald)
    [q] = find_quotes('Lee encouraged reporters to watch a video of a Herald producer '
                      'referring to the coverage as "nonsense."', actors)
    assert (q.speaker, q.actor) == ("a Herald producer", "Herald")
    # a past-tense verb is no part of the phrase after it (before: "retracted a story")
    [q] = find_quotes("Kim asked about the Herald, which published and retracted a story "
                      "alleging that the senate was investigating.")
    assert q.speaker == "a story"


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2013-07-08 middle east; invented text):
    # the subject of the clause does what "the step of" a participle says (before:
    # "took the unusual step")
    ('The cleric warned of war and took the unusual step of announcing he would stay home '
     'until both sides "stop the bloodshed."', [("direct", "The cleric", "announcing")]),
    # "in the words of X" before a quotation: X's words (before: "His government")
    ('His government, in the words of the Herald, "had descended into incompetence."',
     [("direct", "the Herald", None)]),
    # "As X was announcing its plan," is a time, no attribution (before: the main clause
    # was the leadership's words)
    ("As the new leaders were working out and announcing their timetable, the army was "
     "pushing hard.", []),
    # ", which" after a phrase: the relative pronoun speaks, for that phrase (before: the
    # sentence's subject, "The chaos")
    ("The chaos could complicate ties with the allies, which had said the vote was fair.",
     [("reported", "which", "said")]),
])
def test_speakers_of_an_unseen_middle_east_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text, thoughts=False)] == expected


def test_speakers_of_an_unseen_campaign_event():
    # worked by hand (an unseen allsides event, 2016-08-26 elections; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Republican Party", "organisation", ["GOP"])])
    # a party's nominee speaks as a person, not for the party (before: the Republican
    # Party's voice)
    [q] = find_quotes('"We will win," the GOP nominee said Wednesday.', actors)
    assert (q.speaker, q.actor) == ("the GOP nominee", None)
    # a time opening the sentence is no subject (before: "A couple")
    found = find_quotes('A couple of weeks ago in this space I pushed back against claims '
                        'by Tom Fox that the polls were "trending down," indicating that '
                        '"voters may move away from the party."')
    assert [q.speaker for q in found] == ["I", "I"]
    # a modifier, then the head of the subject (before: "Government")
    [q] = find_quotes('Government watchdog groups \u2014 all of them champions of '
                      'transparency and other priorities \u2014 are also warning of '
                      'potentially "very serious" conflicts of interest.')
    assert q.speaker == "Government watchdog groups"


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2020-06-22 race and racism; invented text):
    # a passive with an adverb is no cue; the quote goes on from the statement before
    # (before: "his team" was "granted" the quote)
    ("Ann Lee said security has been stepped up \u2014 his team was also granted access "
     "\u2014 and the police were \u201ccurrently on site\u201d at the track.",
     [("direct", "Ann Lee", "said")]),
    # "portrayed" is a cue only as "portrayed X as Y" (before: the women who "portrayed"
    # a character said what the accusations say)
    ("Two women who portrayed the mascot are upset amid accusations that the icon is "
     "racist, the paper reported.", [("reported", "the paper", "reported")]),
    # people and a participle before the phrase (before: "to the shooting")
    ('According to a blog, officers responding to the shooting said they "were met by a '
     'violent crowd."', [("reported", "a blog", "According to"),
                         ("direct", "officers responding to the shooting", "said")]),
    # signs that read: the signs (before: "Texas that")
    ("Her family has made efforts to honor her, including putting signs leading to "
     "Hawkins, Texas that read \"Home of Lillian Lee 'The Champion,'\" according to the "
     "paper.", [("reported", "the paper", "according to"), ("direct", "signs", "read")]),
])
def test_speakers_of_an_unseen_protest_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text, thoughts=False)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2018-09-11 politics; invented text)
    # "told the truth when ..." is no question (before: a question "told" by him)
    ("Lee conceded that the mayor had not told the truth when he said that the rate was "
     "higher.", [("reported", "Lee", "conceded"), ("reported", "he", "said")]),
    # an adverb is no holder of a thought (before: "therefore" would worry)
    ("The drop is mirrored in other surveys and therefore should worry Republicans who "
     "hope that the economy can halt it.", [("thought", "Republicans who", "hope")]),
    # a pronoun and its adverb: the pronoun (before: "he sometimes")
    ('"Why am I here?" he sometimes wondered.', [("direct", "he", "wondered")]),
    # "it possible for sources to say": the sources (before: "it possible for sources")
    ("It makes it possible for sources to say one thing and then another.",
     [("reported", "sources", "say")]),
])
def test_speakers_of_an_unseen_book_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2017-10-30 politics; invented text)
    # a name after an adjective modifies the noun form after it (before: the Committee
    # "emails" that ...)
    ("The group released internal Party Committee emails that cast doubt on the plan.", []),
    # a dateline with the agency in brackets is no subject (before: "CNN")
    ("Washington (CNN) A former campaign adviser has pleaded guilty to lying to agents.",
     [("reported", "A former campaign adviser", "pleaded")]),
    # "Trump and his aides": both (before: "his aides")
    ("At the White House, Lee and his aides said the charges were weak.",
     [("reported", "Lee and his aides", "said")]),
])
def test_speakers_of_an_unseen_indictment_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text)] == expected


def test_speakers_of_an_unseen_hush_money_event():
    # worked by hand (an unseen allsides event, 2018-12-14 politics; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("House", "organisation", ["House"])])
    # "There's nothing to suggest ...": nobody's words (before: "There's nothing")
    assert find_quotes("There's nothing to suggest the deal will bring a windfall.") == []
    # the pronoun opening the sentence goes on with its participle, not a listed name
    # after it (before: "House")
    [q] = find_quotes("He all but dared House Speaker Ann Lee into a shutdown by pointing "
                      "out they had been blamed for one.", actors)
    assert (q.speaker, q.verb) == ("He", "pointing")


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2013-05-09 terrorism; invented text)
    # two roles joined by "and" before the name (before: "Democratic")
    ('"It will not hurt her," said Democratic strategist and TV contributor Tom Fox, who '
     'advised her.', [("direct", "Tom Fox", "said")]),
    # a time before a relative "that": the phrase before the time (before: "Friday
    # morning that")
    ('The group put out a web video Friday morning that asks if Lee "was part of a '
     'coverup."', [("direct", "a web video", "asks")]),
    # "It took X several days to ...": X (before: "It")
    ("It took administration officials several more days to acknowledge that the account "
     "was wrong.", [("reported", "administration officials", "acknowledge")]),
    # "what X said on Sunday shows": no clause after the verb (before: "talk shows.")
    ("What matters is not what Lee said on Sunday talk shows.", []),
])
def test_speakers_of_an_unseen_benghazi_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text)] == expected


def test_who_after_an_apposition_ending_in_a_body_is_the_person():
    # worked by hand (an unseen allsides event, invented text): "who" stands for the name
    # before the apposition, not the listed body ending it (before: "United Nations, who")
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("United Nations", "organisation", ["United Nations"])])
    q = find_quotes('They cite Ann Vole, the ambassador to the United Nations, who called '
                    'the assault a "spontaneous protest."', actors, thoughts=False)[-1]
    assert (q.kind, q.speaker_name, q.actor) == ("direct", "Ann Vole", None)


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2013-04-24 terrorism; invented text)
    # "called his brother," is a phone call (before: the brother was reported words)
    ("Tom became so worried that he called his brother, anxious about the trip.", []),
    # "preliminary written interviews": an adjective (before: "written" by "Based on
    # preliminary")
    ("Based on preliminary written interviews, officials believe the plan failed.",
     [("thought", "officials", "believe")]),
    # a time before ", X spoke" is no reported words (before: "Six weeks later")
    ("Six weeks later, the two men spoke on the phone.", []),
])
def test_speakers_of_an_unseen_bombing_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text)] == expected


def test_who_replies_is_not_who_spoke_before():
    # worked by hand (an unseen allsides event, invented text): a dialogue of two men;
    # "he replied" answers Fox's question (before: "he" was Fox, the last named speaker)
    text = ('"I quit," Tom Lee said.\n\n"Why did you quit?" Bob Fox asked. "You just '
            'started."\n\n"Music is not supported," he replied.')
    assert [(q.speaker, q.speaker_name) for q in find_quotes(text)][-1] == ("he", "Tom Lee")


def test_speakers_of_an_unseen_brexit_event():
    # worked by hand (an unseen allsides event, 2016-06-27 Europe; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Herald", "organisation", ["Herald"]),
                        Actor("Denmark", "country", ["Denmark"]),
                        Actor("Green Party", "organisation", ["Green Party"])])

    def rows(text):
        return [(q.kind, q.speaker, q.actor) for q in find_quotes(text, actors)]

    # a clause with its own subject after a listed name (before: the Herald said "all")
    assert rows('Tom Fox told the Herald that the campaign didn\'t say "all" of it would '
                'go to schools.')[-1] == ("direct", "the campaign", None)
    # ", but analysts believe": the analysts (before: Denmark believed)
    assert rows("The vote ended with voters choosing to remain in Denmark, but analysts "
                "believe the exit will come.") == [("thought", "analysts", None)]
    # "adding to the sense that": no words reported; "it was nonsense to suggest": an
    # idiom (before: a voice of "Denmark" and one of "it")
    assert rows("The anger in Denmark is adding to the sense that the union is weak.") == []
    assert rows('The legislator tweeted that it was "nonsense" to suggest the party could '
                'block it.')[-1][1] != "it"
    # a party's legislator speaks as a person (before: the Green Party's voice)
    assert rows('"It is over," the Green Party legislator said.') == [
        ("direct", "the Green Party legislator", None)]
    # "he" is never a newspaper (before: the Herald)
    found = find_quotes('Ann Lee used her column in the Herald to say "the fears are '
                        'overdone." He said the deal would hold.', actors)
    assert [q.actor for q in found if q.speaker == "He"] == [None]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, 2017-08-29 disaster; invented text)
    # a plural for people opening the clause speaks (before: no speaker)
    ("In the Kingwood neighborhood, people waved towels and yelled \u201cwe\u2019re here\u201d "
     "from the windows.", [("direct", "people", "yelled")]),
    # "anyone who claims": anyone (before: the sentence's subject); "ask for" is no
    # question
    ("Officials said people should ask for badges if approached by anyone who claims they "
     "work for the city.", [("reported", "Officials", "said"),
                            ("reported", "anyone", "claims")]),
])
def test_speakers_of_an_unseen_flood_event(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text)] == expected


def test_speakers_of_an_unseen_primary_event():
    # worked by hand (an unseen allsides event, 2019-05-22 elections; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Heritage Foundation", "organisation", ["Heritage Foundation"]),
                        Actor("Joe Biden", "person", ["Biden"])])

    def rows(text, listed=actors):
        return [(q.kind, q.speaker, q.actor) for q in find_quotes(text, listed)]

    # a person at a listed body speaks as a person, with the particle of the name
    # (before: the Heritage Foundation); the body's officials speak for it
    assert rows('And elections expert Hans von Tal at the Heritage Foundation told a TV '
                'channel, "It is not a good idea."') == [("direct", "Hans von Tal", None)]
    assert rows("Officials at the Heritage Foundation said the plan was bad.") == [
        ("reported", "Officials at the Heritage Foundation", "Heritage Foundation")]
    # people and a participle before a listed name (before: Biden)
    assert rows("Joe Biden spoke. Senators supporting Biden in the primary said that the "
                "task could prove impossible.")[-1] == (
        "reported", "Senators supporting Biden in the primary", None)
    # "won't say that, of course": "that" is what is not said (before: "of course." was
    # the party's words)
    assert rows("The party, and the candidates themselves, won't say that, of course.") == []
    # a question's "Do" is no part of its subject; "as he's sought": the pronoun
    assert rows("Do all these folks really think they have a shot?") == [
        ("thought", "all these folks", None)]
    assert rows("He has sidelined Democrats as he's sought to repeal the law.")[-1][:2] == (
        "thought", "he")


def test_speakers_of_an_unseen_candidate_event():
    # worked by hand (an unseen allsides event, 2012-08-21 elections; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Todd Akin", "person", ["Akin"]),
                        Actor("Claire Lee", "person", ["Lee"])])

    def rows(text):
        return [(q.kind, q.speaker, q.actor, q.quote) for q in find_quotes(text, actors)]

    # "the ad that came out Tuesday": a relative "that"; the second "that" opens what was
    # said (before: "came out Tuesday that the economy is weak.")
    assert rows("Akin said in a new ad that came out Tuesday that the economy is weak.") == [
        ("reported", "Akin", "Todd Akin", "the economy is weak.")]
    # "a devout Catholic opposed to abortion": an adjective, no thought (before: a
    # thought of Akin's "to abortion in all cases.")
    assert rows("Akin is a devout Catholic opposed to abortion in all cases.") == []
    # the sentence's pronoun goes on with the verb after "and", not the name in its
    # object (before: Akin)
    assert rows("Claire Lee spoke on Monday. She has not supported Akin in the past and said "
                "the remarks were wrong.") == [
        ("reported", "She", "Claire Lee", "the remarks were wrong.")]


def test_speakers_of_an_unseen_senate_event():
    # worked by hand (an unseen allsides event, 2017-05-05 US Senate; invented text)
    def rows(text):
        return [(q.kind, q.speaker, q.speaker_name) for q in find_quotes(text)]

    # "Along with X and Y, Z has ... and did not endorse": the subject after the opening
    # phrase (before: "Along")
    assert rows("Along with Senators Ann Roe of Texas and Bo Kim of Utah, Paul has pushed "
                "for repeal and did not endorse the changes.") == [
        ("reported", "Paul", "Paul")]
    # two people, each with a place (before: "Maine and Lisa Murkowski of Alaska")
    assert rows("Senators Susan Collins of Maine and Lisa Murkowski of Alaska criticized "
                "its deep cuts.") == [
        ("reported", "Susan Collins of Maine and Lisa Murkowski of Alaska",
         "Susan Collins of Maine; Lisa Murkowski of Alaska")]
    # a body's name is still one speaker
    assert rows("The Department of Health and Human Services said the cuts were fine.") == [
        ("reported", "The Department of Health and Human Services",
         "The Department of Health and Human Services")]
    # the apposition's person, after a time phrase in the relative clause (before: "He")
    assert rows("He has worked with Sen. Ted Cruz (R-Texas), a conservative who earlier "
                "this year voiced misgivings about the bill.") == [
        ("reported", "Sen. Ted Cruz (R-Texas), a conservative who", "Sen. Ted Cruz")]
    assert rows("He met Ted Cruz, who on Monday said the bill was bad.") == [
        ("reported", "Ted Cruz, who", "Ted Cruz")]
    # no name before the apposition: the phrase itself
    assert rows("He met the senator, a conservative who said the bill was bad.") == [
        ("reported", "a conservative who", "a conservative")]


def test_speakers_of_an_unseen_abortion_event():
    # worked by hand (an unseen allsides event, 2019-06-07 abortion; invented text)
    def rows(text):
        return [(q.kind, q.speaker, q.speaker_name, q.verb) for q in find_quotes(text)]

    # a dateline is no one a "he" stands for (before: "TUSCALOOSA, Ala. (AP")
    assert rows("TUSCALOOSA, Ala. (AP) \u2014 The college gave back a donor's gift, a week "
                "after he called on students to leave.") == [
        ("reported", "he", "he", "called")]
    # "acknowledged telling ... that": one cue, the verb before (before: a second row
    # of "Culverhouse acknowledged" for "telling")
    assert rows("Culverhouse acknowledged telling the board that the school should grow.") == [
        ("reported", "Culverhouse", "Culverhouse", "acknowledged")]
    # an adverb before the phrase is no part of it (before: "Democratic")
    assert rows("For decades, Ann Lee was for it, now the Democratic frontrunner says "
                "she's against it.") == [
        ("reported", "the Democratic frontrunner", "the Democratic frontrunner", "says")]
    # "revealed" takes a clause without "that" (before: a thought of "of likely voters")
    assert rows("A 2016 poll revealed 58 percent of likely voters oppose the plan.") == [
        ("reported", "A 2016 poll", "A 2016 poll", "revealed")]


def test_speakers_of_an_unseen_primary_eve_event():
    # worked by hand (an unseen allsides event, 2020-02-10 elections; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Amy Klobuchar", "person", ["Klobuchar"])])

    def rows(text):
        return [(q.kind, q.speaker, q.actor) for q in find_quotes(text, actors)]

    # "Klobuchar, she said, seemed ...": the "she" is not the name her words are about
    # (before: Amy Klobuchar); a "she said" after a full stop still is
    assert rows("Amy Klobuchar spoke. One woman was there.\n\nKlobuchar, she said, seemed "
                "more at ease.") == [("reported", "she", None)]
    assert rows("Amy Klobuchar spoke.\n\n\"We will win,\" she said.") == [
        ("direct", "she", "Amy Klobuchar")]
    # a resident: the person with the place (before: "New Hampshire"); guard: a veteran
    # with a body before the role already was
    assert rows("New Hampshire resident Ann Lee views Sanders as an asset.") == [
        ("thought", "New Hampshire resident Ann Lee", None)]
    assert rows("Army veteran Joe Kim said the plan failed.") == [
        ("reported", "Army veteran Joe Kim", None)]


def test_speakers_of_an_unseen_senate_event_with_its_discovered_list():
    # worked by hand (an unseen allsides event, 2017-05-05 US Senate, read with the actors
    # discover_actors proposed; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Senate", "organisation", ["Senate"]),
                        Actor("Bill Cassidy", "person", ["Cassidy"])])

    def rows(text):
        return [(q.kind, q.speaker, q.verb) for q in find_quotes(text, actors)]

    # the clause reported after "said" is no parenthetical cue (before: the Senate
    # "write"s the sentence up to its verb), and the participle after it goes with who
    # said it (before: the Senate, "stressing")
    assert rows("Sen. Bill Cassidy, R-La., said the Senate will write its own bill, "
                "stressing senators still need an estimate.") == [
        ("reported", "Bill Cassidy", "said"), ("reported", "Bill Cassidy", "stressing")]
    # guard: a parenthetical cue still is one
    assert rows("The vote, Cassidy said, was a disgrace.") == [
        ("reported", "Cassidy", "said")]


def test_speakers_of_an_unseen_shutdown_event():
    # worked by hand (an unseen allsides event, 2020-05-25 coronavirus; invented text)
    def rows(text):
        return [(q.kind, q.speaker, q.verb) for q in find_quotes(text)]

    # '"...," according to videos posted online': the source's cue, not "posted" with
    # "according to videos" speaking
    assert rows("Protesters marched on, shouting \u201cCome out Andy,\u201d according to "
                "videos posted on Twitter.") == [
        ("reported", "videos posted on Twitter", "according to"),
        ("direct", "Protesters", "shouting")]
    # a long title before a name after a quotation (before: no speaker)
    assert rows("\u201cThis is wrong,\u201d Secretary of State of the Commonwealth of "
                "Kentucky Michael G. Adams tweeted.") == [
        ("direct", "Michael G. Adams", "tweeted")]
    # "..., but critics who ... called": the people the relative clause is about
    assert rows("Governors say the rules save lives, but critics who are forced to stay "
                "home called the steps \u201cdraconian.\u201d")[-1] == (
        "direct", "critics", "called")
    # "said X, a lawyer representing the church, who said": X
    assert rows("Ann Lee, a lawyer representing the church, who said the troopers came, "
                "left.")[0][1] == "Ann Lee, a lawyer representing the church, who"
    assert find_quotes("It angered Tom Fox, a lawyer representing the church, who said "
                       "the troopers came.")[0].speaker_name == "Tom Fox"
    # ", according to X, the largest union of ...": the content stands before the source
    assert [q.quote for q in find_quotes(
        "Closures have affected 45,000 workers, according to the Food Union, the largest "
        "union of meat workers.")] == ["Closures have affected 45,000 workers"]
    # a court dismisses a case: no speech
    assert rows("The judge dismissed the case 12 days later.") == []
    assert rows("Lee dismissed the report as fake news.") == [("reported", "Lee", "dismissed")]
    # the people or the finding at a named place (before: "Tyson", "Milan")
    assert rows("Later, workers at the Tyson plant said the plan failed.") == [
        ("reported", "workers at the Tyson plant", "said")]
    assert rows("Later, voluntary testing at the Milan plant revealed an outbreak.") == [
        ("reported", "voluntary testing at the Milan plant", "revealed")]
    # a lower-case adjective before people still names a speaker (before: no quote)
    assert rows("However, pro-life members of the Democrat Party are denouncing the "
                "platform.") == [
        ("reported", "pro-life members of the Democrat Party", "denouncing")]


def test_speakers_of_an_unseen_parliament_attack_event():
    # worked by hand (an unseen allsides event, 2014-10-23 world; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("United States", "country", ["U.S."]),
                        Actor("Canada", "country", ["Canada"]),
                        Actor("Tom Hall", "person"), Actor("Ann Hall", "person")])

    def rows(text):
        return [(q.kind, q.speaker, q.actor) for q in find_quotes(text, actors)]

    # three lower-case words after a country, the last a role: the official, for it
    # (before: "U.S.")
    assert rows("A U.S. law enforcement official told CNN that a link was not ruled "
                "out.") == [("reported", "A U.S. law enforcement official", "United States")]
    # ", but two sources told": a new subject (before: the name before the comma)
    assert rows("Why he changed his name to Tom Hall, but two sources told CNN that he "
                "converted.")[-1] == ("reported", "two sources", None)
    # the person opening the sentence, not the one or the place its apposition names
    # (before: Tom Hall; "the Refugee Board")
    assert rows("Ann Hall, the mother of Tom Hall, 32, who was killed on Monday, wrote in "
                "an email that she was sorry.") == [("reported", "Ann Hall", "Ann Hall")]
    assert rows("Bibeau, a senior official at the Refugee Board of Canada, said her son "
                "was lost.") == [("reported", "Bibeau", None)]
    # "an acquaintance of X's who said": the acquaintance (before: "X's who")
    assert [q.speaker_name for q in find_quotes(
        "The paper quotes an acquaintance of Tom Hall's who said he was lost.")] == [
        "an acquaintance of Tom Hall's"]


def test_speakers_of_an_unseen_bathroom_ruling_event():
    # worked by hand (an unseen allsides event, 2017-05-30 general news; invented text)
    def rows(text):
        return [(q.kind, q.speaker, q.verb) for q in find_quotes(text)]

    # a verb's -s form that is also a plural noun, before a verb: the noun (before:
    # "LGBTQ" advocates ...)
    assert rows("LGBTQ advocates argue, however, that the law already shields them.") == [
        ("reported", "LGBTQ advocates", "argue")]
    assert rows("It rose to the court, which LGBTQ advocates hoped would decide.") == [
        ("thought", "LGBTQ advocates", "hoped")]
    # guard: the verb with its object stays a cue
    assert rows("He advocates tougher rules.") == [("reported", "He", "advocates")]
    # advocates are people (before: "LGBT")
    assert rows("LGBT rights advocates were quick to hail it, calling it \u201cgood.\u201d"
                ) == [("direct", "LGBT rights advocates", "calling")]
    # "If ..." is no part of the speaker
    assert rows("If the judges had opposed the law, they would have ruled.") == [
        ("thought", "the judges", "opposed")]
    # a block quote after an inverted cue: the speaker after the verb (before: "The
    # school")
    assert rows("The school must comply, say the judges:\n\nAsh used the bathroom for six "
                "months.") == [("direct", "the judges", "say")]


def test_speakers_of_an_unseen_nuclear_deal_event():
    # worked by hand (an unseen allsides event, 2019-02-19 nuclear weapons; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("House Committee on Oversight", "organisation",
                              ["House Committee"]),
                        Actor("Elijah Cummings", "person"),
                        Actor("Congress", "organisation", ["Congress"])])

    def rows(text, listed=None):
        return [(q.kind, q.speaker, q.verb) for q in find_quotes(text, listed)]

    # "who on Tuesday also announced": the name before (before: "The report")
    assert rows("The report was compiled for the House Committee on Oversight and Reform, "
                "chaired by Rep. Elijah Cummings, who on Tuesday also announced a probe.",
                actors) == [("reported", "Elijah Cummings, who", "announced")]
    # people at or within a body, then "who" (before: the body)
    assert rows("He met officials at the White House who said the plan failed.") == [
        ("reported", "officials at the White House who", "said")]
    assert rows("It cited whistleblowers within the Trump administration who blasted the "
                "plan.") == [
        ("reported", "whistleblowers within the Trump administration who", "blasted")]
    # a passive with "already": no one thinks (before: a thought of "The plan")
    assert rows("The plan was already known due to earlier reporting.") == []
    # "of said policies": legalese, no verb (before: "the primary beneficiaries" said)
    assert rows("His history of being on the payroll of the primary beneficiaries of said "
                "policies is also well documented.") == []
    # the people of a body and their staff (before: "Congress")
    assert rows("Democratic Congress members and staffers told me they would act.",
                actors) == [("reported", "Democratic Congress members and staffers", "told")]
    # "..., referring to testimony by whistleblowers cited in the report.": no one cites
    assert [q.verb for q in find_quotes(
        "The Maryland Democrat spoke, referring to testimony by government whistleblowers "
        "cited in the report.")] == ["referring"]


def test_speakers_of_an_unseen_health_ruling_event():
    # worked by hand (an unseen allsides event, 2012-06-29 elections; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("John Boehner", "person", ["Boehner"]),
                        Actor("Raul Labrador", "person", ["Labrador"])])
    text = ("\"We will repeal it,\" John Boehner said.\n\nThe meeting was described as \"a "
            "little bit somber\" by Idaho Republican Rep. Raul Labrador. He said the decision "
            "\"was a surprise.\"")
    # the agent of a passive of describing speaks the quotation (before: "The meeting"),
    # and the "he" of the next sentence is that agent (before: Boehner)
    assert [(q.speaker, q.actor) for q in find_quotes(text, actors)] == [
        ("John Boehner", "John Boehner"), ("Raul Labrador", "Raul Labrador"),
        ("He", "Raul Labrador")]


def test_speakers_of_an_unseen_no_prosecution_event():
    # worked by hand (an unseen allsides event, 2016-11-22 politics; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Donald Trump", "person", ["Trump"]),
                        Actor("James Comey", "person", ["Comey"])])

    def rows(text):
        return [(q.speaker, q.speaker_name, q.actor) for q in find_quotes(text, actors)]

    # a person's owned role after a title: the role's holder, for the person (before:
    # "Mr. Trump\u2019s")
    assert rows("Donald Trump will not pursue the case, Mr. Trump\u2019s former campaign "
                "manager confirmed Tuesday.") == [
        ("Mr. Trump\u2019s former campaign manager", "Mr. Trump\u2019s former campaign manager",
         "Donald Trump")]
    # a "he" that a titled surname names keeps that person as its actor (before: none)
    assert rows("James Comey spoke. The White House said Mr. Comey settled it when he "
                "announced the department would not prosecute.")[-1] == (
        "he", "Mr. Comey", "James Comey")


def test_speakers_of_an_unseen_collusion_column_event():
    # worked by hand (an unseen allsides event, 2018-08-28 politics; invented text)
    def rows(text):
        return [(q.kind, q.speaker, q.verb) for q in find_quotes(text)]

    # a participle after ", and yet <clause>": that clause's subject (before: the name
    # opening the sentence)
    assert rows("By then, Kim Lee had been indicted, and yet Trump still groveled, "
                "claiming the \u201cwitch hunt\u201d was to blame.") == [
        ("direct", "Trump", "claiming")]
    # a conjunction opening the phrase is no part of the speaker (before: "yet Trump")
    assert rows("By then, Kim Lee had been indicted, and yet Trump still praised the plan.") == [
        ("reported", "Trump", "praised")]
    # guard: a list with "and" opens no clause
    assert rows("Ann Lee signed a deal with Poland, France, and Italy for new missiles, "
                "citing the need for them.") == [("reported", "Ann Lee", "citing")]
    # the name after an aside in brackets (before: "Rudy Giuliani), Trump")
    assert rows("As the president (a term coined by his lawyer, Rudy Giuliani), Trump "
                "builds his own world and hopes it lasts.") == [
        ("thought", "Trump", "hopes")]


def test_speakers_of_an_unseen_election_eve_event():
    # worked by hand (an unseen allsides event, 2016-11-06 elections; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("United States", "country", ["U.S.", "United States"])])

    def rows(text):
        return [(q.kind, q.speaker, q.verb, q.quote) for q in find_quotes(text, actors)]

    # a body after a preposition, a head noun and "but": the verb goes on with the
    # sentence's subject (before: "the U.S. military")
    assert rows("Trump would never serve in the U.S. military but said the school gave "
                "him training.") == [
        ("reported", "Trump", "said", "the school gave him training.")]
    # reported words before a quotation's own cue are a statement of their own, kept
    # beside the quotation (before: dropped as repeating it)
    assert rows("Lee said he welcomed extradition to the United States and added, "
                "\"I will plead guilty.\"") == [
        ("reported", "Lee", "said", "he welcomed extradition to the United States"),
        ("direct", "Lee", "added", "I will plead guilty.")]


def test_speakers_of_an_unseen_first_100_days_event():
    # worked by hand (an unseen allsides event, 2017-04-29 White House; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Donald Trump", "person", ["Trump"]),
                        Actor("Jeff Mason", "person", ["Mason"])])
    text = ("Donald Trump and Jeff Mason spoke.\n\n\u201cThe media deserves a failing "
            "grade,\u201d he said.\n\nAt the dinner, Mr. Mason defended the news media "
            "against Mr. Trump\u2019s frequent attacks.\n\n\u201cIt is our job to report on "
            "facts,\u201d he said.")
    # a titled name owning something is no one a "he" stands for (before: Mr. Trump)
    assert [(q.speaker, q.actor) for q in find_quotes(text, actors)][-1] == (
        "he", "Jeff Mason")
    # an infinitive of purpose: the sentence's subject speaks (before: "other unilateral
    # actions")
    assert [(q.speaker, q.verb) for q in find_quotes(
        "Trump is leaning on executive orders and other unilateral actions to argue he has "
        "done more than anyone.")] == [("Trump", "argue")]


def test_speakers_of_an_unseen_space_force_event():
    # worked by hand (an unseen allsides event, 2018-06-18 US military; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Donald Trump", "person", ["Trump"], titles=["President"]),
                        Actor("Dana White", "person")])
    text = ("President Donald Trump spoke on Monday.\n\n\"It will take time,\" Pentagon "
            "spokeswoman Dana White said.\n\nIn December, the president signed a directive "
            "that he said would help astronauts.")
    # a "he" in the sentence of "the president": the listed president (before: Dana White)
    assert [(q.speaker, q.actor) for q in find_quotes(text, actors)][-1] == (
        "he", "Donald Trump")
    # words after a quotation that open with an auxiliary are no speaker
    # (before: "would carry out")
    assert [q.speaker for q in find_quotes(
        "Trump did not go into what role the so-called \u201cspace force\u201d would carry "
        "out or who would command it, but he framed it as a security issue, saying he does "
        "not want rivals leading.")] == [None, "he"]


def test_speakers_of_an_unseen_background_check_event():
    # worked by hand (an unseen allsides event, 2018-09-29 FBI; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("Deborah Ramirez", "person", ["Ramirez"]),
                        Actor("Leland Keyser", "person", ["Keyser"])])

    def rows(text):
        return [(q.speaker, q.speaker_name, q.actor) for q in find_quotes(text, actors)]

    # "X, a classmate of Y who has said": X (before: "Ramirez who")
    assert rows("Deborah Ramirez spoke. Lynne Brookes, a classmate of Ramirez who has said "
                "that the denials were lies, spoke too.")[0] == (
        "Lynne Brookes, a classmate of Ramirez who", "Lynne Brookes", None)
    # "Y's attorney, X, wrote": X (before: "Keyser's")
    assert rows("Leland Keyser spoke. \"She does not refute it,\" Keyser's attorney, Howard "
                "Walsh, wrote in the letter.") == [("Howard Walsh", "Howard Walsh", None)]


def test_speakers_of_an_unseen_party_future_event():
    # worked by hand (an unseen allsides event, 2013-03-15 Republican Party; invented text)
    def rows(text):
        return [(q.kind, q.speaker, q.speaker_name) for q in find_quotes(text)]

    # a name opening the pronoun's own sentence is who the pronoun is, before the speaker
    # quoted last (before: Dan Schnur)
    assert rows("\"It is hard,\" says Dan Schnur, a strategist.\n\nBrulte has avoided "
                "sweeping statements about the direction in which he hopes to lead the "
                "party.")[-1] == ("thought", "he", "Brulte")
    # "according to" inside a title in quotation marks is no cue (before: a report of
    # "Dick Cheney")
    assert [q.kind for q in find_quotes(
        "In \"The World According to Dick Cheney,\" he gets personal.")] == ["scare"]
    # "she found herself writing about politics": no cue
    assert [q.verb for q in find_quotes(
        "Soon she found herself writing about politics.")] == []


def test_speakers_of_an_unseen_late_term_bill_event():
    # worked by hand (an unseen allsides event, 2019-02-01 abortion; invented text)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("National Review", "organisation", ["National Review"]),
                        Actor("Ralph Northam", "person", ["Northam"])])

    def rows(text):
        return [(q.speaker, q.actor) for q in find_quotes(text, actors)]

    # "wrote National Review's David French": the writer (before: "National Review's")
    assert rows("\u201cAny claim would suffice,\u201d wrote National Review\u2019s David "
                "French.") == [("David French", None)]
    # "A spokesperson for Gov. Northam told": the spokesperson, for him (before: Northam)
    assert rows("Ralph Northam spoke. A spokesperson for Gov. Northam told Vox it was "
                "\u201cabsolutely not\u201d true.") == [
        ("A spokesperson for Gov. Northam", "Ralph Northam")]


def test_what_she_calls_is_hers():
    # worked by hand (an unseen allsides event, invented text): the pronoun before "calls"
    # speaks, not the listed body before "for what" (before: the White House)
    from analysis.actors import Actor, ActorList
    actors = ActorList([Actor("White House", "organisation", ["White House"])])
    [q] = find_quotes('In March, she met Lee in the White House for what she calls "a very '
                      'good meeting."', actors)
    assert (q.speaker, q.verb) == ("she", "calls")


def test_a_plan_is_a_thought_only_before_to():
    rows = find_quotes("Kim plans to run again. Lee planned the route. The plans to expand "
                       "were dropped. Seoul's plans to build a port stalled.")
    assert [(q.kind, q.speaker, q.verb, q.cue, q.quote) for q in rows] == [
        ("thought", "Kim", "plans", "to", "to run again.")]


def test_an_impression_with_no_holder_is_a_thought_without_speaker():
    text = ("The plan seems to work. It appeared that the vote was close. Her rise "
            "seemed like a fluke. The hall appeared to me empty. It seemed.")
    rows = [(q.kind, q.speaker, q.verb, q.cue, q.quote) for q in find_quotes(text)]
    assert rows == [
        ("thought", None, "seems", "to", "to work."),
        ("thought", None, "appeared", "that", "the vote was close."),
        ("thought", None, "seemed", "clause", "like a fluke."),
    ]  # "appeared to me" names its holder; "It seemed." has no content
    # in what somebody said, the impression is theirs
    said = "Lee said the plan seems to work."
    assert [q.kind for q in find_quotes(said)] == ["reported"]


def test_thought_verbs_as_speech_when_the_lexicon_says_so(tmp_path):
    text = "Peskov believes the talks will fail."
    path = tmp_path / "verbs.yml"
    path.write_text("groups:\n  neutral: [say]\nthought_as_speech: true\n"
                    "thought: [believe, want]\n", encoding="utf-8")
    verbs = load_verbs(path)
    [q] = find_quotes(text, verbs=verbs)
    assert (q.speaker, q.verb, q.verb_group, q.quote) == (
        "Peskov", "believes", "thought", "the talks will fail.")
    [q] = find_quotes("Peskov wants to end the talks.", verbs=verbs)
    assert (q.verb, q.cue, q.quote) == ("wants", "to", "to end the talks.")
    # "I think" inside a quotation is the quote's own words
    assert [q.kind for q in find_quotes('"I believe it," Peskov said.', verbs=verbs)] == [
        "direct"]


def test_evidence_verbs_need_their_subject_nouns(tmp_path):
    path = tmp_path / "verbs.yml"
    path.write_text("groups:\n  neutral: [say]\n  evidence: [show]\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="evidence_subjects"):
        load_verbs(path)
    path.write_text("groups:\n  neutral: [say]\n  evidence: [show]\n"
                    "evidence_subjects: [ledger]\n", encoding="utf-8")
    verbs = load_verbs(path)
    text = "The ledger shows the fund lost money. The poll shows the fund lost money."
    assert [(q.speaker, q.verb_group) for q in find_quotes(text, verbs=verbs)] == [
        ("The ledger", "evidence")]


def test_thought_flag_must_be_true_or_false(tmp_path):
    path = tmp_path / "verbs.yml"
    path.write_text("groups:\n  neutral: [say]\nthought_as_speech: maybe\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="thought_as_speech"):
        load_verbs(path)


# --- corpus level -----------------------------------------------------------------------


def test_quote_table_columns(seed):
    before = seed.copy()
    table = quote_table(seed)
    assert list(table.columns) == QUOTE_COLUMNS
    assert set(table["kind"]) == {"direct", "reported", "thought"}
    # the attributions of thought, both in n-tv: "The stationing is expected to be
    # temporary - until ..." (no holder named) and "... Greens fear an arms race with Russia"
    thought = table[table["kind"] == "thought"].fillna("")
    assert thought[["outlet", "speaker", "verb", "quote"]].values.tolist() == [
        ["n-tv", "", "expected", "to be temporary - until Germany and European allies "
         "themselves produce and station such weapons."],
        ["n-tv", "Greens", "fear", "an arms race with Russia."]]
    texts = dict(zip(seed["article_id"], seed["text"], strict=True))
    for row in table.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.quote
    assert table.groupby("article_id")["quote_index"].apply(
        lambda s: list(s) == list(range(len(s)))).all()
    pd.testing.assert_frame_equal(seed, before)


def test_quote_table_missing_column():
    with pytest.raises(ValueError, match="'outlet'"):
        quote_table(pd.DataFrame({"article_id": [1], "text": ["x"]}))


def test_article_without_quotes():
    corpus = from_texts({"A": "Nothing is quoted here."})
    assert quote_table(corpus).empty
    assert list(voice_table(corpus).columns) == VOICE_COLUMNS
    assert voice_table(corpus).empty
    assert verb_table(corpus).empty


def test_voice_table_by_hand():
    # A: 2 quotes by Peskov (3 + 2 words), 1 by Austin (1 word); Peskov speaks first.
    # B: 1 unattributed quote (7 words) and a scare quote, which is no voice.
    corpus = from_texts([
        {"outlet": "A", "text": '"We are ready," Peskov said. "Never again," Peskov added. '
                                '"Yes," Austin said.'},
        {"outlet": "B", "text": 'On the wall: "no entry for anyone after dark, by order". '
                                'It was a "bold" sign.'},
    ])
    voices = voice_table(corpus)
    assert list(voices.columns) == VOICE_COLUMNS
    a = voices[voices["outlet"] == "A"].set_index("voice")
    assert a.loc["Peskov", "n_quotes"] == 2
    assert a.loc["Peskov", "quoted_words"] == 5
    assert a.loc["Peskov", "quote_share"] == pytest.approx(2 / 3)
    assert a.loc["Peskov", "word_share"] == pytest.approx(5 / 6)
    assert a.loc["Peskov", "first_voice_articles"] == 1
    assert a.loc["Austin", "first_voice_articles"] == 0
    b = voices[voices["outlet"] == "B"]
    assert b["voice"].tolist() == ["(unattributed)"]
    assert b["n_quotes"].tolist() == [1]


def test_seed_voices(seed):
    voices = voice_table(seed)
    shafaq = voices[voices["outlet"] == "Shafaq News"]
    assert shafaq.iloc[0]["voice"] == "Dmitry Peskov"
    # Shafaq's first quoted voice is the Pentagon readout
    first = shafaq[shafaq["first_voice_articles"] == 1]["voice"].tolist()
    assert first == ["Pentagon"]
    assert voices.groupby("outlet")["quote_share"].sum().round(6).eq(1).all()


def test_verb_table(seed):
    verbs = verb_table(seed)
    assert list(verbs.columns) == VERB_COLUMNS
    groups = set(load_verbs().groups) | {"none"}
    assert set(verbs["verb_group"]) == groups
    counts = verbs.groupby("outlet")["n_quotes"].sum()
    voiced = quote_table(seed).query("kind not in ['scare', 'thought']")
    assert counts.to_dict() == voiced.groupby("outlet").size().to_dict()
    ntv = verbs[verbs["outlet"] == "n-tv"].set_index("verb_group")
    assert "accused" in ntv.loc["confrontational", "verbs"]
    assert ntv.loc["doubting", "n_quotes"] == 0


# --- accuracy against the hand labels ---------------------------------------------------


@pytest.mark.parametrize(
    ("match", "floor"),
    [
        ((), 0.95),                            # quote found at all (span overlap)
        (("kind",), 0.95),                      # direct vs reported
        (("verb",), 0.9),                       # cue verb
        (("actor",), 0.85),                     # speaker resolved to the right actor
        (("kind", "actor", "verb"), 0.85),
    ],
)
def test_seed_quotes_precision_recall(seed, match, floor):
    gold = pd.read_csv(FIXTURES / "seed_quotes.csv", keep_default_na=False)
    assert len(gold) == 36
    voices = quote_table(seed).query("kind != 'thought'")  # the labels are of speech
    score = precision_recall(voices, gold, match=match)
    assert score["precision"] >= floor and score["recall"] >= floor, score


def test_seed_clear_cases(seed):
    table = quote_table(seed)
    shafaq = table[table["outlet"] == "Shafaq News"]
    ryabkov = shafaq[shafaq["quote"].str.startswith("Without tension")].iloc[0]
    assert (ryabkov["kind"], ryabkov["actor"], ryabkov["verb"], ryabkov["closed"]) == (
        "direct", "Sergei Ryabkov", "quoted", True)
    ntv = table[table["outlet"] == "n-tv"]
    accused = ntv[ntv["quote"] == "in the conflict around Ukraine."].iloc[0]
    assert (accused["actor"], accused["verb"], accused["verb_group"]) == (
        "Dmitry Peskov", "accused", "confrontational")
    singh = ntv[(ntv["kind"] == "reported") & (ntv["actor"] == "Sabrina Singh")].iloc[0]
    assert singh["verb"] == "told"
    assert table["closed"].all()


# --- command line -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "columns"), [("quotes", QUOTE_COLUMNS), ("voices", VOICE_COLUMNS),
                           ("verbs", VERB_COLUMNS)]
)
def test_cli_quotes(capsys, table, columns):
    assert main(["quotes", str(SEED_EVENT), "--table", table, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == ",".join(columns)


def test_cli_quotes_writes_file(tmp_path, capsys):
    out = tmp_path / "quotes.json"
    assert main(["quotes", str(SEED_EVENT), "--out", str(out)]) == 0
    assert "Dmitry Peskov" in out.read_text(encoding="utf-8")


@pytest.mark.shared
def test_allsides_hand_labels(allsides):
    # Two allsides-abp articles labelled by hand (tests/fixtures/quotes_allsides_*): the
    # Daily Signal one was used to tune the rules, the Townhall one (tweets, a colon cue,
    # scare quotes) was labelled before the kit was run on it.
    from analysis.actors import load_actors

    gold = pd.read_csv(FIXTURES / "quotes_allsides_labels.csv", keep_default_na=False)
    corpus = allsides[allsides["article_id"].isin(set(gold["article_id"]))]
    found = quote_table(corpus, actors=load_actors(FIXTURES / "quotes_allsides_actors.yml"))
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    for row in gold.itertuples():  # the labels still fit the stored texts
        assert " ".join(texts[row.article_id][row.start:row.end].split()).startswith(row.begins)
    score = precision_recall(found, gold, match=("kind", "actor", "verb"))
    assert score["precision"] >= 0.85 and score["recall"] >= 0.8, score


@pytest.mark.shared
def test_quotes_on_allsides_sample(allsides):
    corpus = allsides.head(30)
    table = quote_table(corpus, actors=None)
    assert len(table) > 30  # news articles quote people
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    for row in table.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.quote


def test_mentions_given_by_the_caller_give_the_same_quotes(seed, actors):
    """The scorer passes the mentions it counts; find_quotes must not depend on who found
    them (and must use them: a list without Peskov loses his attributions)."""
    from analysis.actors import find_mentions

    for text in seed["text"]:
        mentions = find_mentions(text, actors)
        assert find_quotes(text, actors, mentions=mentions) == find_quotes(text, actors)
    text = seed["text"].iloc[1]
    without = [m for m in find_mentions(text, actors) if m.actor != "Dmitry Peskov"]
    assert "Dmitry Peskov" in {q.actor for q in find_quotes(text, actors)}
    assert "Dmitry Peskov" not in {q.actor for q in find_quotes(text, actors,
                                                                mentions=without)}


def _verbs_by_regex(verbs, text):
    return [(m.start(), m.end(), m.group()) for m in verbs.regex.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "says", "told", "tell", "warned", "x", "re", "-",
                                 "'", " ", ",", "\n", "\u00e9", "1", "_", '"', "stated"]),
                max_size=25).map("".join))
def test_verb_find_is_the_regex_matches(text):
    verbs = load_verbs()
    assert verbs.find(text) == _verbs_by_regex(verbs, text)


@pytest.mark.shared
def test_verb_find_is_the_regex_matches_on_allsides(allsides):
    from analysis.tokens import shadow

    verbs = load_verbs()
    for text in allsides["text"].iloc[::40]:
        assert verbs.find(shadow(text)) == _verbs_by_regex(verbs, shadow(text))


def _cues_by_regex(verbs, text):
    """find_cues as the one ``_cue_after`` scan (what ``_find_runs`` replaces)."""
    from analysis.quotes import _noun_subject

    out = verbs._at_start(text)
    out += [(m.start(1), m.end(1), m.group(1)) for m in verbs._cue_after.finditer(text)
            if m.group(1) in verbs.forms
            or (text[m.start()] in " \t" and _noun_subject(text, m.start(), m.group(1)))]
    return out


def test_find_cues_by_bytes_by_hand():
    verbs = load_verbs()
    assert verbs._run_scan is not None  # the kit's forms are all single ASCII words
    # "saidé" and "é said" are no whole runs in the text but look like ones in the ASCII
    # copy ("said?"); "Obama notes" keeps the noun form, "the notes" does not
    text = "saidé said, \u00e9said Obama notes the notes \u2014told\u00a0said_ said"
    assert verbs.find_cues(text) == _cues_by_regex(verbs, text) == [
        (6, 10, "said"), (24, 29, "notes"), (41, 45, "told"), (52, 56, "said")]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["said", "says", "notes", "calls", "told", "He", "Obama",
                                 "the", "x", "-", "'", " ", "\t", ",", "\n", "\u00e9",
                                 "\u0130", "\u2019", "1", "_", '"', "stated", "\u00a0"]),
                max_size=25).map("".join))
def test_find_cues_is_the_regex_scan(text):
    verbs = load_verbs()
    assert verbs.find_cues(text) == _cues_by_regex(verbs, text)


@pytest.mark.parametrize("method, reference", [("find", _verbs_by_regex),
                                               ("find_cues", _cues_by_regex)])
def test_verb_scans_are_the_regex_matches_on_the_seed(seed, method, reference):
    from analysis.tokens import shadow

    verbs = load_verbs()
    found = 0
    for text in seed["text"]:
        hits = getattr(verbs, method)(shadow(text))
        assert hits == reference(verbs, shadow(text))
        found += len(hits)
    assert found > 20


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([",", ", ", "Smith", "said", "said_", " ", "\n", ".", "!",
                                 "?", "-", "x", "\u00e9", '"']), max_size=20).map("".join))
def test_last_word_is_the_tail_verb(text):
    from analysis.quotes import _TAIL_END, _last_word

    for lo in (i for i, c in enumerate(text) if c == ","):
        m = _TAIL_END.match(text, lo, len(text))
        if m is not None:
            assert _last_word(text, lo, len(text)) == m.group("verb")


# _reported's two per-sentence patterns run faster in quotes.py (the last comma only; one
# scan of the text for "according to"); both must give the plain patterns' matches.

def _check_tail_and_according(text):
    from analysis.quotes import _ACCORDING, _TAIL, _Context, _tail
    from analysis.tokens import shadow

    ctx = _Context(text, None, load_verbs())
    sh = shadow(text)
    windows = [*ctx.sentences, (0, len(sh))]
    windows += [(s, e - 1) for s, e in ctx.sentences if e - s > 1]  # ends on any character
    for s, e in windows:
        m = _TAIL.match(sh, s, e)
        fast = _tail(sh, s, e)
        assert (m is None) == (fast is None), (text, s, e)
        if m is not None:
            end, tail = fast
            assert (end, tail.span("speaker"), tail.span("verb")) == \
                (m.end("content"), m.span("speaker"), m.span("verb"))
        assert ctx.according_in(s, e) == [a.span() for a in _ACCORDING.finditer(sh, s, e)]


TAIL_PIECES = ["According to", "according  to", "ACCORDING TO", "Peskov", "the ministry",
               "said", "told", "reported", ",", ", ", ".", "!", " ", "\n", '"', "a", "an",
               "x", "ccording to", "to", "\u00a0", "\u201d", "12345678"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PIECES), max_size=30).map("".join))
def test_tail_and_according_shortcuts_match_the_patterns(text):
    _check_tail_and_according(text)


def test_tail_and_according_shortcuts_on_the_seed(seed):
    for text in seed["text"]:
        _check_tail_and_according(text)


@pytest.mark.shared
def test_tail_and_according_shortcuts_on_allsides(allsides):
    texts = allsides["text"]
    for text in texts[texts.str.contains("ccording to")].iloc[::10]:
        _check_tail_and_according(text)


@pytest.mark.parametrize("name", ["_THAT_GAP", "_TOLD", "_ZERO_THAT", "_TO", "_IMPORTANCE",
                                  "_OF", "_AS", "_TO_OUT", "_OBJECT"])
def test_rules_after_a_verb_need_white_space(name):
    # _reported skips a verb followed by no white space (and no comma) before trying these
    # rules: each must fail there
    import analysis.quotes as quotes

    pattern = getattr(quotes, name)
    for after in [".", ",", '"', "x", "'s"]:
        text = f"Smith said{after} that the importance of about to out for X as Y."
        assert pattern.match(text, len("Smith said")) is None, (name, after)
    assert pattern.match("Smith said", len("Smith said")) is None
    assert quotes._PAREN_AFTER.match("said. Yes, he", 4) is None
    assert quotes._PAREN_AFTER.match("said, he", 4) is not None


def test_reported_after_a_verb_with_and_without_white_space():
    # worked by hand: "said that" is a 'that' cue; "said." ends the sentence (no cue);
    # "said, X" after a comma is the parenthetical rule
    quotes = find_quotes("Smith said that talks failed. Jones said. The vote, Lee said, "
                         "was close.")
    assert [(q.cue, q.speaker, q.quote) for q in quotes] == [
        ("that", "Smith", "talks failed."),
        ("parenthetical", "Lee", "The vote, Lee said, was close."),
    ]


def test_a_listed_name_ending_the_speaker_is_who_speaks():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Betty Vole", "person"), Actor("David Lintz", "person")])
    text = ('Betty Vole met us. Vole owns a small shop, and says she is happy. '
            '"I want to see it," Vole laughs. '
            # a long comma insertion between the name and its verb
            'David Lintz, who helps distribute coal mining equipment for a living, says he '
            'supports the plan.')
    found = [(q.speaker, q.actor) for q in find_quotes(text, listed)]
    assert found == [("Vole", "Betty Vole"), ("Vole", "Betty Vole"),
                     ("David Lintz", "David Lintz")]


def test_a_relative_pronoun_before_the_verb_is_no_voice_name():
    # worked by hand: "that" opens a relative clause; the speaker's words keep it (PolNeAR
    # marks it as the source), the name is the phrase before it
    [q] = find_quotes("Recent polls that show voters souring on the plan worried aides.")
    assert (q.speaker, q.speaker_name, q.verb) == ("Recent polls that", "Recent polls", "show")


@pytest.mark.parametrize("text, speaker, quote", [
    ("Greenfield Energy has issued a statement saying the plant will reopen next month.",
     "Greenfield Energy", "the plant will reopen next month."),
    ("The dock workers' union released a statement saying that the strike was over.",
     "The dock workers' union", "the strike was over."),
    ("Late last week, Mayor Ann Okafor (D) sent a letter saying the budget is sound.",
     "Mayor Ann Okafor", "the budget is sound."),
])
def test_a_statement_saying_is_reported_speech_of_who_issued_it(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.kind, q.speaker, q.quote) == ("reported", speaker, quote)


def test_a_one_word_title_after_the_cue_keeps_the_quote_its_speaker():
    # worked by hand: "Newsmakers" is a programme (one capitalised word after "joked
    # on"), a term; the quote before it keeps its cue, and the speaker runs through the
    # role to the name, over the sentence cut after the initials "J.B."
    text = ('"The money is there," Tidewater Action PAC president J.B. Orsolak joked on '
            '"Newsmakers." Nobody laughed.')
    found = [(q.kind, q.speaker, q.verb, q.quote) for q in find_quotes(text)]
    assert found == [
        ("direct", "Tidewater Action PAC president J.B. Orsolak", "joked",
         "The money is there,"),
        ("scare", None, None, "Newsmakers."),
    ]


def test_a_role_between_an_organisation_and_a_name_keeps_the_name():
    [q] = find_quotes('"They are scared," Harbor Clean Water Fund spokeswoman Dana Reyes '
                      'said.')
    assert q.speaker == "Harbor Clean Water Fund spokeswoman Dana Reyes"


def test_he_is_the_previous_sentence_subject_before_an_earlier_titled_name():
    # worked by hand: no named speaker before the quote; the sentence before it has a
    # subject (Lindqvist), who comes before "Mr. Barrow" mentioned earlier; a name in the
    # pronoun's own sentence keeps the old rule
    text = ("Mr. Barrow wants a deal by March. Budget Director Per Lindqvist met the bankers "
            'in Boston on Friday. "We are very near," he said.')
    [q] = find_quotes(text, thoughts=False)  # (not "Mr. Barrow wants a deal": no voice)
    assert (q.speaker, q.speaker_name) == ("he", "Budget Director Per Lindqvist")
    # gender from a title rules a subject out: "she" is not Mr. Lindqvist
    text = ("Ms. Barrow wants a deal by March. Mr. Lindqvist met the bankers on Friday. "
            '"We are very near," she said.')
    [q] = find_quotes(text, thoughts=False)
    assert q.speaker_name == "Ms. Barrow"


@pytest.mark.parametrize("text, speaker", [
    # a verb's words are no speaker: the sentence's subject instead
    ('Khan, who is Muslim, also decried Lee\'s repeated calls to ban the trip, noting he '
     'has "sacrificed nothing."', "Khan"),
    ('Tim Grieve, the editor, interrupted me in mid-sentence to announce, "There goes the '
     'franchise."', "Tim Grieve"),
    # an object speaks for its infinitive: the phrase after the verb (before: "prompted
    # the senator")
    ("The report, by the group, prompted the senator to argue that the deal was dead.",
     "the senator"),
])
def test_words_of_a_verb_are_no_speaker(text, speaker):
    assert find_quotes(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a negated auxiliary ends the subject like the auxiliary itself
    ("Ann Lee so far hasn't criticized the plan.", "Ann Lee"),
    # a relative "whom" opens a clause: the name after it, not the pronoun
    ('The workers, whom Ann Lee praised in her address, were "well paid."', "Ann Lee"),
])
def test_negated_auxiliaries_and_whom_are_no_speaker_words(text, speaker):
    assert find_quotes(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # the name opening the sentence, before insertions that hold commas of their own
    ('Of Carson, Levine, who has given money to Ann Rubin, said, "He is scary."', "Levine"),
    ('Mr. Slinker, whose latest start-up, Paradata, uses big data, said the man was "a '
     'start-up kind of guy."', "Mr. Slinker"),
    ('Giovanni Maria Vian, the editor of the newspaper, La Voce, said every pope was "both '
     'religious and political."', "Giovanni Maria Vian"),
    # one insertion: as before
    ("In Ohio, Trump, the nominee, said the deal was off.", "Trump"),
])
def test_the_name_opening_a_sentence_before_insertions_speaks(text, speaker):
    assert find_quotes(text)[-1].speaker == speaker


def test_she_is_the_name_before_her_in_her_own_sentence():
    # worked by hand: "Sources" is no one person; "she" is the subject before the quote in
    # her own sentence (the question "Asked about it" has no speaker)
    text = ('Sources said the deal was off. Asked about it, Feinstein said "I know '
            'nothing," she said.')
    found = [(q.speaker, q.speaker_name) for q in find_quotes(text)]
    assert found == [("Sources", "Sources"), (None, None), ("she", "Feinstein")]


def test_a_stray_mark_with_no_words_after_it_is_no_quote():
    # worked by hand: the last mark closes nothing and opens nothing with words in it
    text = ('"We will win," Lee said. We need stimulus. Ann Berg, Policy Institute."\n\n'
            'The vote is Tuesday.')
    assert [(q.speaker, q.quote) for q in find_quotes(text)] == [("Lee", "We will win,")]


@pytest.mark.parametrize("text, verb", [
    # the sentence goes on after the quote with the subject before it: the verb before
    # the quote is its cue
    ('De Blasio, speaking on the radio, called Trump a "blowhard," and said his remarks '
     'were wrong.', "called"),
    ('Fans also chanted, "Build a wall," referring to the vow of the candidate.', "chanted"),
    # an inverted verb right after the quote stays its cue
    ('"We will win," said Ann Lee, adding that the vote was close.', "said"),
])
def test_a_verb_going_on_after_a_quote_is_not_its_cue(text, verb):
    assert find_quotes(text)[0].verb == verb


@pytest.mark.parametrize("text, speaker, quote", [
    # a participle of a clause verb after a comma reports a clause of the verb's subject
    ("The union ended the strike on Monday, saying the deal was fair.", "The union",
     "the deal was fair."),
    ("Lee, a senator, backed the bill, arguing it would cut costs.", "Lee",
     "it would cut costs."),
])
def test_a_participle_after_a_comma_reports_a_clause(text, speaker, quote):
    q = find_quotes(text)[-1]
    assert (q.cue, q.speaker, q.quote) == ("clause", speaker, quote)


def test_an_insertion_between_a_verb_and_that_and_a_clause_after_a_parenthesis_verb():
    # worked by hand: ", for example, that" still opens the reported clause
    [q] = find_quotes("Clinton testified, for example, that she sent no emails marked "
                      "classified.")
    assert (q.cue, q.speaker, q.quote) == ("that", "Clinton",
                                          "she sent no emails marked classified.")
    # "denied it happened," is a verb and its clause, not a parenthetical "X said,"
    q = find_quotes("Even after videos surfaced, the campaign has denied it happened, with "
                    "Lee calling the reporter delusional.")[0]
    assert (q.cue, q.speaker, q.verb) == ("clause", "the campaign", "denied")


def test_a_participle_after_words_after_a_quote_is_not_its_cue():
    # worked by hand: "saying" is a noun after "common"; no cue, four words: a term
    found = find_quotes('The town was quiet on Monday. "Wait and see" is one common saying '
                        'in the town.')
    assert [(q.kind, q.verb) for q in found] == [("scare", None)]


def test_the_role_of_a_listed_person_named_before_is_that_person():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Tom Vole", "person"), Actor("Ann Lintz", "person"),
                        Actor("Jay Ferro", "person")])
    text = ("President Tom Vole met Vice President Ann Lintz and Gov. Jay Ferro on Monday. "
            "The president said the schools would reopen in May. "
            "The vice president said the tests would come first. "
            "The governor told reporters the state had no tests. "
            # not a role anyone was named with: no actor
            "The senator said the plan was late.")
    found = [(q.speaker, q.actor, q.speaker_name) for q in find_quotes(text, listed)]
    assert found == [("The president", "Tom Vole", "Tom Vole"),
                     ("The vice president", "Ann Lintz", "Ann Lintz"),
                     ("The governor", "Jay Ferro", "Jay Ferro"),
                     ("The senator", None, "The senator")]
    # the nearest person named with the role, within three paragraphs
    far = "President Tom Vole spoke.\n\n" + "Nothing.\n\n" * 4 + \
        "The president said the schools would reopen."
    assert [q.actor for q in find_quotes(far, listed)] == [None]


def test_which_is_no_voice():
    corpus = from_texts({"A": "The rule applies in rare cases, which suggests that it "
                              "was written for wars. Ann Lee said the rule is old."})
    voices = voice_table(corpus)
    assert voices["voice"].tolist() == ["Ann Lee"]
    # ... while the quote table keeps the statement
    assert "which" in quote_table(corpus)["speaker"].tolist()


def test_a_pronoun_s_actor_agrees_with_it_and_with_the_name_it_stands_for():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Vole", "person", gender="female"),
                        Actor("Bo Vole", "person", gender="male"),
                        Actor("Cy Lintz", "person", gender="male")])
    text = ("Ann Vole spoke on Monday.\n\nShe talked of jobs.\n\nThe crowd was large.\n\n"
            "It rained.\n\nHer husband, Bo Vole, was there too.\n\n"
            # "she" after Bo Vole: not him; the one woman named before
            "For students, she promised free tuition.\n\n"
            # a "he" for a speaker that is not listed: no actor, not Cy Lintz
            '"It is a fine plan," said Sen. Dee Pell. The crowd cheered Cy Lintz. '
            '"It will work," he said.')
    found = [(q.speaker, q.speaker_name, q.actor) for q in find_quotes(text, listed)]
    assert ("she", "she", "Ann Vole") in found
    assert ("he", "Sen. Dee Pell", None) in found
    assert all(actor != "Bo Vole" for _, _, actor in found)


def test_an_owner_is_no_speaker():
    # worked by hand: "Tom Lee's" owns the campaign; "adding" goes on with the sentence's
    # subject
    text = ('In an interview, Ann Vole insisted it was "premature" to back Tom Lee\u2019s '
            'campaign while adding, "We will see."')
    assert [q.speaker for q in find_quotes(text)] == ["Ann Vole", "Ann Vole"]


@pytest.mark.parametrize("text, speaker", [
    ('"I will look into it."\n\n- Ann Vole.\n\nThe vote is Tuesday.', "Ann Vole"),
    ('"Great speech. She is ready." -President Tom Lee, tweeting after the speech.',
     "President Tom Lee"),
    # a dash and more words is no attribution
    ('"We should wait" - a view shared by Ann Lee - is common.', None),
])
def test_a_dash_and_a_name_after_a_quote_say_who_spoke(text, speaker):
    assert find_quotes(text)[0].speaker == speaker


def test_one_or_another_after_an_inverted_verb_speaks():
    text = '"America is great!" read one. "Trump is bad," tweeted another.'
    assert [q.speaker for q in find_quotes(text)] == ["one", "another"]


@pytest.mark.parametrize("text", [
    '"This is fantastic!" beamed Donald Hartley of Madison, Alabama, who came in late.',
    '"This is fantastic!" beamed Donald Hartley, a delegate.',
])
def test_an_inverted_verb_outside_the_lexicon_then_a_name_and_its_apposition(text):
    assert find_quotes(text)[0].speaker == "Donald Hartley"


def test_a_name_after_a_noun_called_is_a_term_and_not_the_cue_of_the_quote_before():
    # worked by hand: "a show called" names a show; "called" is not the cue of the title
    # before it either
    text = '"Sons of Lee" is an adaptation of a show called "Brokers," written by a troupe.'
    assert [(q.kind, q.quote) for q in find_quotes(text)] == [("scare", "Sons of Lee"),
                                                             ("scare", "Brokers,")]


def test_a_listed_person_then_their_state_speaks():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Tom Reed", "person"), Actor("New York", "place")])
    text = "Moderate GOP Rep. Tom Reed of New York said he would focus on roads."
    (q,) = find_quotes(text, listed)
    assert (q.speaker, q.actor) == ("Tom Reed", "Tom Reed")
    # the state not listed: the same
    (q,) = find_quotes(text, ActorList([Actor("Tom Reed", "person")]))
    assert (q.speaker, q.actor) == ("Tom Reed", "Tom Reed")


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: after "told", a name or an outlet is who was told, and the clause
    # after it (opening with a pronoun or a determiner) what was said
    ("Ann Lee told POLITICO she would run again.", "Ann Lee", "she would run again."),
    ("The mayor told the Daily Herald the budget was balanced.", "The mayor",
     "the budget was balanced."),
])
def test_told_a_name_then_a_clause_reports_the_clause(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.cue, q.speaker, q.verb, q.quote) == ("clause", speaker, "told", quote)


@pytest.mark.parametrize("text, speaker, verb, quote", [
    # worked by hand: a verb that passes its subject on ("went on to", "tried to",
    # "began ...ing") leaves the infinitive or participle a cue of that subject, and the
    # speaker is the subject alone
    ("Ann Lee went on to criticize the new tax plan.", "Ann Lee", "criticize",
     "the new tax plan."),
    ("The mayor again tried to rebuke the council.", "The mayor", "rebuke", "the council."),
    ("Senator Ray began criticizing the budget.", "Senator Ray", "criticizing",
     "the budget."),
    ("Ann Lee went on to say that the vote was fair.", "Ann Lee", "say", "the vote was fair."),
])
def test_a_verb_after_a_controlling_verb_is_a_cue_of_its_subject(text, speaker, verb, quote):
    [q] = find_quotes(text)
    assert (q.speaker, q.verb, q.quote) == (speaker, verb, quote)


@pytest.mark.parametrize("text, speaker, verb, quote", [
    # worked by hand: "say", "tell" with an indirect question ("would not say whether")
    ("The mayor would not say whether the plant will close.", "The mayor", "say",
     "whether the plant will close."),
    ("Ann Lee did not tell reporters how she would pay for it.", "Ann Lee", "tell",
     "how she would pay for it."),
])
def test_say_and_tell_with_an_indirect_question(text, speaker, verb, quote):
    [q] = find_quotes(text)
    assert (q.cue, q.speaker, q.verb, q.quote) == ("question", speaker, verb, quote)


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: a question put to someone: who asked is not named, unless "by X";
    # after "when asked" and an opening "Asked", the question ends at the comma
    ("When asked whether the plant will close, the mayor shrugged.", None,
     "whether the plant will close"),
    ("Asked on Monday about the budget, Ann Lee left the room.", None, "about the budget"),
    ("The mayor was asked by a caller why taxes rose.", "a caller", "why taxes rose."),
])
def test_a_passive_or_elliptic_asked_reports_the_question(text, speaker, quote):
    q = find_quotes(text)[0]
    assert (q.cue, q.speaker, q.verb.lower(), q.quote) == ("question", speaker, "asked", quote)


def test_she_asked_about_is_no_question_and_asked_by_alone_no_cue():
    # worked by hand: an active "asked about" keeps to the old rules (no cue); an opening
    # "Asked by reporters" with no question after it reports nothing
    assert find_quotes("She asked about the plan.") == []
    assert [q.verb for q in find_quotes("Asked by reporters, he smiled.")] == []


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: "Jr." ends the subject's name; a sentence adverb opening the words
    # before the verb is no part of the speaker
    ("Ray Lee Jr. said the plant would close.", "Ray Lee Jr.", "the plant would close."),
    ("Then Ann Lee wondered whether the plant would close.", "Ann Lee",
     "whether the plant would close."),
])
def test_a_name_suffix_and_a_leading_adverb_around_the_subject(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.speaker, q.quote) == (speaker, quote)


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: "..., said <lower-case words with a role noun> <Name> [in <Place>]."
    ("The bridge is safe, says longtime adviser Ann Lee in Denver.",
     "longtime adviser Ann Lee", "The bridge is safe"),
    # "..., <speaker> told <whom>." also ends a sentence
    ("The bridge is safe, the mayor told the Daily Herald.", "the mayor", "The bridge is safe"),
    ("The bridge is safe, the mayor told her.", "the mayor", "The bridge is safe"),
])
def test_a_speaker_after_the_content_with_a_title_or_an_addressee(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.kind, q.speaker, q.quote) == ("reported", speaker, quote)


def test_a_video_shows():
    # worked by hand: "video" is one of the lexicon's evidence subjects
    [q] = find_quotes("A video of the meeting shows the mayor leaving early.")
    assert (q.speaker, q.verb, q.quote) == ("A video of the meeting", "shows",
                                           "the mayor leaving early.")


@pytest.mark.parametrize("text, expected", [
    # worked by hand: a Title Case headline's capitalised -s verb: the words before it
    # speak, the words after it (or, after "..., X Says", those before the comma) are said
    ("Mayor Ann Lee Slams Bridge Plan", [("Mayor Ann Lee", "Slams", "Bridge Plan")]),
    ("Jobs Are Back, Mayor Says.", [("Mayor", "Says", "Jobs Are Back")]),
    ("Lee Warns That Taxes Will Rise", [("Lee", "Warns", "Taxes Will Rise")]),
    # an evidence verb after a report, as in a sentence
    ("Jobs Report Shows Gains", [("Jobs Report", "Shows", "Gains")]),
    # not a noun ("Attacks"), a passive ("Accused")
    ("Paris Attacks Highlight Threat", []),
    ("Ann Lee Accused Of Fraud", []),
])
def test_a_title_case_headline_with_a_capitalised_verb(text, expected):
    found = [(q.speaker, q.verb, q.quote) for q in find_quotes(text) if q.cue == "headline"]
    assert found == expected


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: an adverb between a clause verb and its clause; a progressive
    # "are saying"; "that," before an insertion
    ("The owners have said repeatedly they will not sell.", "The owners",
     "they will not sell."),
    ("They are saying the vote was rigged.", "They", "the vote was rigged."),
    ("Party officials say that, even if they wanted one, a recount is impossible.",
     "Party officials", "even if they wanted one, a recount is impossible."),
    # an evidence verb whose poll or survey stands before a comma insertion
    ("The survey, conducted by a state college, finds Lee with a small lead.", "The survey",
     "Lee with a small lead."),
])
def test_clause_verbs_past_adverbs_and_a_survey_before_an_insertion(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.speaker, q.quote) == (speaker, quote)


def test_a_progressive_that_says_nothing_and_a_finder_that_is_no_survey():
    # worked by hand: "saying goodbye" opens no clause; "a lawyer, found" is no survey
    assert find_quotes("The company is saying goodbye to its staff.") == []
    assert find_quotes("Smith, a lawyer, found his keys.") == []


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: "-ly" nouns and names open a clause ("family", "Kelly"); "her" before
    # a noun is whose, not who was told; an "-ly" adverb before "that"
    ("Ann Lee said her family asked for privacy.", "Ann Lee",
     "her family asked for privacy."),
    ("Ann Lee said Kelly was wrong.", "Ann Lee", "Kelly was wrong."),
    ("Ann Lee told her the vote was fair.", "Ann Lee", "the vote was fair."),
    ("Ann Lee said quickly that the vote was fair.", "Ann Lee", "the vote was fair."),
    # "found that" reports a finding whoever found it
    ("The mayor has found that the bridge is unsafe.", "The mayor", "the bridge is unsafe."),
])
def test_clauses_after_ly_words_her_and_found_that(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.speaker, q.quote) == (speaker, quote)


def test_a_verb_after_a_relative_clause_with_a_cue_is_the_subject_s():
    # worked by hand: "who said ..." ends at the comma; "criticized" is Ann Lee's own
    found = find_quotes("Ann Lee, who said the vote was rigged, criticized the count.")
    assert [(q.speaker, q.verb, q.quote) for q in found] == [
        ("Ann Lee, who", "said", "the vote was rigged"),
        ("Ann Lee", "criticized", "the count.")]
    # "found" with no "that" and no survey before it stays no cue
    assert find_quotes("The mayor found his keys.") == []


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: "'s" after a pronoun is "is" ("She's criticizing"), not a possessive
    ("She's criticizing the budget plan.", "She", "the budget plan."),
    # "Lt." as a title opening the clause; "in a statement Thursday night" before it
    ("Aides have said Lt. Gov. Ann Lee is interested.", "Aides",
     "Lt. Gov. Ann Lee is interested."),
    ("The union said in a statement Thursday night it would strike.", "The union",
     "it would strike."),
    # a dash insertion between the verb and "that"
    ("Ann Lee said - on the radio, as it happens - that the vote was fair.", "Ann Lee",
     "the vote was fair."),
    # a poll's share of respondents
    ("After the debate, 55 percent said the vote was fair.", "55 percent",
     "the vote was fair."),
    # "..., <speaker> told the court." ends a sentence
    ("The vote was fair, he told the court in a filing.", "he", "The vote was fair"),
])
def test_contractions_titles_statements_dashes_shares_and_told_whom(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.speaker, q.quote) == (speaker, quote)


def test_a_possessive_before_a_participle_is_still_no_cue():
    # worked by hand: "Trump's announced plan": an adjective after a possessive
    assert find_quotes("Trump's announced plan failed.") == []


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand: "As <speaker> <verb>, <content>" (also after "But"); "through a
    # spokesman" between the verb and "that"
    ("As Ann Lee noted, the vote was close.", "Ann Lee", "the vote was close."),
    ("But as the Daily Herald reported on Monday, the plant will close.", "the Daily Herald",
     "the plant will close."),
    ("Ann Lee explained through a spokesman that the vote was close.", "Ann Lee",
     "the vote was close."),
])
def test_as_a_speaker_said_and_through_a_spokesman(text, speaker, quote):
    [q] = find_quotes(text)
    assert (q.speaker, q.quote) == (speaker, quote)


def test_as_expected_is_no_cue():
    # worked by hand: "As expected," has no speaker and no lexicon verb
    assert find_quotes("As expected, the plan failed.") == []


@pytest.mark.parametrize("text, speaker, verb", [
    # worked by hand: plural nouns for people speak like names ("participants said,"),
    # "several observers" after an inverted verb; "expressed concern that ..."
    ("To win, participants said, the party must change.", "participants", "said"),
    ("The vote was close, said several observers.", "several observers", "said"),
    ("Ann Lee expressed concern that the plant will close.", "Ann Lee", "expressed"),
])
def test_groups_of_people_speak_and_concern_that(text, speaker, verb):
    [q] = find_quotes(text)
    assert (q.speaker, q.verb) == (speaker, verb)


@pytest.mark.parametrize(("text", "speaker"), [
    # a noun in -ly is no adverb: "said" after it is the verb, not "the announced plan"
    ('The family said "we are heartbroken."', "The family"),
    ('The family said, "We are heartbroken."', "The family"),
    ('A key ally said "we are heartbroken."', "A key ally"),
    # after an article and its head, a past tense or an -ly adverb starts the predicate
    ('The Times broke the story, saying Lee "had the evidence to prove" it.', "The Times"),
    ('The paper quickly revised its story, saying Lee "had the evidence."', "The paper"),
    # "that" after a participle is a determiner, not the start of a clause
    ('State lawmakers leading that inquiry said they are "considering our legal options."',
     "State lawmakers"),
    # people tied to a place: the people, not the place
    ("E-mails and political figures in New Jersey have suggested the jam was payback.",
     "political figures in New Jersey"),
    ("Political figures in New Jersey have suggested the jam was payback.",
     "Political figures in New Jersey"),
    # a title's modifier is not the subject: the name after the title
    ('Former deputy chief of staff Ann Lee Kelly, whose e-mail -- "Time for some traffic '
     'problems" -- was released, resigned.',
     "Former deputy chief of staff Ann Lee Kelly"),
])
def test_the_subject_noun_phrase_ends_where_its_predicate_begins(text, speaker):
    # worked by hand from the sentences; before, the speakers were: none (a scare quote)
    # three times, "The Times broke", "The paper quickly", "inquiry", "New Jersey",
    # "Political" and "Former"
    (q,) = [q for q in find_quotes(text) if q.kind != "scare"]
    assert q.speaker == speaker


def test_a_title_with_no_name_after_it_gives_no_speaker():
    text = ('Former deputy chief of staff, whose e-mail -- "Time for some traffic '
            'problems" -- leaked.')
    assert [q.speaker for q in find_quotes(text)] == [None]


def test_glued_paragraphs_keep_their_quotes_in_step():
    # A scraped page that lost its paragraph breaks: the quote of the first paragraph runs
    # on into the second (no closing mark at the first one's end, as news style has it),
    # so the glued mark after "anymore." opens the second part, and the one after "on."
    # closes it; the mark before "think" opens. Read in turn, the marks would make the
    # narrative between "on." and "think" a quote.
    text = ('"It is horrific," Lee said."I have no idea what he knew. We will not be '
            'talking about it anymore."The damage will depend on what he knew was going '
            'on."Meanwhile, Lee said, the party has many leaders and he does not "think '
            'there will be a dearth of talent."')
    quotes = [(q.kind, q.quote, q.speaker) for q in find_quotes(text)]
    assert quotes[0] == ("direct", "It is horrific,", "Lee")
    assert quotes[1][1].startswith("I have no idea") and quotes[1][1].endswith(
        "what he knew was going on.")
    assert quotes[-1] == ("direct", "think there will be a dearth of talent.", "Lee")
    assert not any("Meanwhile" in q for _k, q, _s in quotes)


def test_glued_marks_that_close_and_open_in_turn_stay_as_they_were():
    # the telling mark after the glued ones (an opening one after "and ") finds the quote
    # closed with every glued mark read in turn: nothing changes
    text = '"We won," Lee said."We will win again," she said."Yes," Ann said and "no."'
    assert [q.quote for q in find_quotes(text)] == ["We won,", "We will win again,",
                                                    "Yes,", "no."]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The plan, said the mayor, will fail.", "the mayor"),
    ('The defining issue, said Ann Lee, will be the "nature of America."', "Ann Lee"),
])
def test_an_inverted_verb_between_commas_inside_a_sentence(text, speaker):
    # worked by hand: the verb comes first between the commas, its speaker after it;
    # before, the first two were not found and the third went to "The defining issue"
    found = [q for q in find_quotes(text) if q.kind != "scare"]
    assert [q.speaker for q in found] == [speaker]


def test_a_participle_between_commas_is_no_inverted_verb():
    assert find_quotes("The vote, said to be close, will be held today.") == []
    # an apposition after the second comma: the verb is the sentence's last, as before
    (q,) = find_quotes("Orders will fall this year, said Ann Lee, chief economist at Acme.")
    assert (q.speaker, q.quote) == ("Ann Lee", "Orders will fall this year")


@pytest.mark.parametrize("text", [
    'One former Port Authority official, David Wildstein, has said "evidence exists."',
    'A former official, David Wildstein, has said "evidence exists."',
    'Christie says he was betrayed, but a former official, David Wildstein, has said '
    '"evidence exists."',
])
def test_a_common_noun_then_the_name_it_is_between_commas_gives_the_name(text):
    # worked by hand: the name set off by commas is the official; before, the speakers
    # were "Port Authority", "A former official" and "Port Authority"-like phrases
    direct = [q for q in find_quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["David Wildstein"]


def test_a_name_then_its_role_between_commas_still_gives_the_name():
    (q,) = find_quotes('Dan Brouillette, the secretary, stressed that "we will win."')
    assert q.speaker == "Dan Brouillette"


@pytest.mark.parametrize(("text", "speaker"), [
    # a second verb of the sentence's subject: the subject speaks, not "has several times"
    ("Trump has raised doubts about the vote in Ohio, and has several times urged "
     "supporters to watch the polls.", "Trump"),
    # a quantifier opening the sentence is no name: its phrase, not "Multiple"
    ("Multiple other secretaries of state have likewise asserted that the vote is fair.",
     "Multiple other secretaries"),
])
def test_a_subject_is_never_an_auxiliary_or_a_lone_quantifier(text, speaker):
    (q,) = find_quotes(text)
    assert q.speaker == speaker


def test_a_body_a_role_and_a_name_after_an_inverted_verb():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("CNN", "organisation"), Actor("Kremlin", "organisation")])
    # worked by hand: the historian speaks, not CNN (before: speaker and actor "CNN")
    (q,) = find_quotes('"It is bogus," said CNN historian Douglas Brinkley on Monday.',
                       listed)
    assert (q.speaker, q.actor) == ("CNN historian Douglas Brinkley", None)
    # a spokesman speaks for the body: its actor stays
    (q,) = find_quotes('"It is bogus," said Kremlin spokesman Dmitry Peskov.', listed)
    assert (q.speaker, q.actor) == ("Kremlin spokesman Dmitry Peskov", "Kremlin")
    # the body alone still speaks
    (q,) = find_quotes('"We won," said CNN on Monday.', listed)
    assert (q.speaker, q.actor) == ("CNN", "CNN")


@pytest.mark.parametrize("text", [
    "The army declared martial law Tuesday.",
    "The governor declared a state of emergency on Friday.",
    "Trump declared victory on Tuesday night.",
])
def test_an_act_declared_is_no_reported_speech(text):
    # "declared <object>" reports words ("declared the move was not a coup"), but martial
    # law, an emergency or victory are declared by an act
    assert find_quotes(text) == []


def test_a_past_tense_after_the_head_noun_is_the_verb():
    # worked by hand: "seized" follows the head "army", so it is the verb, not an
    # adjective ("The retired surgeon"); before, the speaker was "The army seized power"
    (q,) = find_quotes("The army seized power and said the move was not a coup.")
    assert q.speaker == "The army"
    (q,) = find_quotes("The military declared the move was not a coup.")
    assert (q.speaker, q.quote) == ("The military", "the move was not a coup.")


def test_words_ending_in_an_auxiliary_name_no_speaker():
    # worked by hand: after "and said", "many of the charges were" is the clause that
    # was said, cut before its verb; before, it was the speaker of the second quote
    text = ('It said the report had "too many flaws" to "stand as the record" and said '
            'many of the charges were "based on flawed analysis."')
    speakers = [q.speaker for q in find_quotes(text)]
    assert "many of the charges were" not in speakers and speakers[0] == "It"


def test_the_role_of_a_listed_title_finds_the_person_named_without_it():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Kamala Harris", "person",
                              titles=("Democratic California Sen.",)),
                        Actor("Joe Biden", "person", titles=("Vice President",))])
    # worked by hand: the text names Harris without her title; her listed title ends in
    # "Sen.", so "the senator" is her; Biden (named last) is a vice president, no senator
    text = ("Kamala Harris ended her campaign on Tuesday. Joe Biden stayed.\n\n"
            "The senator said financial pressures led her to end it.")
    (q,) = find_quotes(text, listed)
    assert (q.speaker, q.actor) == ("The senator", "Kamala Harris")


def test_a_state_and_party_label_finds_the_person():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Kamala Harris", "person",
                              titles=("Democratic California Sen.",)),
                        Actor("Rob Portman", "person", titles=("Ohio Sen.",)),
                        Actor("Ann Lee", "person", titles=("Republican Sen.",))])
    # worked by hand: the state decides first (Portman is the Ohio senator); for Texas,
    # named in no title, the one Republican whose titles name no state
    text = ("Sen. Rob Portman spoke. Ann Lee and Kamala Harris met on Tuesday.\n\n"
            "The Ohio Republican said the race was close. The Texas Republican said the "
            "race was close. The California Democrat said the race was close.")
    assert [q.actor for q in find_quotes(text, listed)] == ["Rob Portman", "Ann Lee",
                                                             "Kamala Harris"]


def test_a_body_naming_a_head_noun_gives_the_noun_phrase():
    from analysis.actors import load_actors

    listed = load_actors()  # the general list: the United States, Russia ...
    # worked by hand: "U.S." qualifies "general", "officials", "intelligence"; the phrase
    # speaks, for the country (before: the speaker was "U.S." each time)
    cases = [("The virus occurred naturally, the top U.S. general said on Tuesday.",
              "the top U.S. general", "United States"),
             ('"It is natural," U.S. officials said.', "U.S. officials", "United States"),
             ("U.S. intelligence indicates that the virus occurred naturally.",
              "U.S. intelligence", "United States"),
             ("Russia has said the strike hit a depot.", "Russia", "Russia")]
    for text, speaker, actor in cases:
        (q,) = find_quotes(text, listed)
        assert (q.speaker, q.actor) == (speaker, actor), text


@pytest.mark.parametrize(("text", "speaker"), [
    ("But it quoted one expert saying that did not rule out a leak.", "one expert"),
    ("Reuters quoted Ann Lee as saying the talks had failed.", "Ann Lee"),
    ("Ann Lee was quoted as saying the talks had failed.", "Ann Lee"),
])
def test_who_is_quoted_as_saying_speaks(text, speaker):
    # worked by hand; before: "it quoted one expert", "Reuters" (with the object "Ann Lee
    # as saying ..." as its words) and nothing found
    (q,) = find_quotes(text)
    assert q.speaker == speaker
    assert q.quote in ("did not rule out a leak.", "the talks had failed.")


def test_remarks_after_a_gerund_are_a_noun():
    # worked by hand: "Delivering remarks ..." opens the sentence; "remarks" is its object,
    # not a verb with "Delivering" as speaker; "-ing" nouns before a verb stay subjects
    found = find_quotes("Delivering remarks prepared before the talks, Sanders said he "
                        "would stay.")
    assert [(q.speaker, q.verb) for q in found] == [("Sanders", "said")]
    (q,) = find_quotes("A person familiar with the planning says the talks will fail.")
    assert q.speaker == "A person familiar with the planning"


def test_a_quote_inside_reported_speech_is_the_reporters():
    # worked by hand: the quoted words are within what "He" said; before, the speaker
    # was "He said the president"
    text = ('He said the president has never discussed the probe and that prosecutors '
            'act "regardless of their political influence."')
    direct = [q for q in find_quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["He"]


def test_an_office_of_a_listed_person_speaks_for_them():
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Alex Padilla", "person",
                              titles=("California Secretary of State",))])
    (q,) = find_quotes("California Secretary of State Alex Padilla's office said the tally "
                       "is late.", listed)
    assert (q.speaker, q.actor) == (
        "California Secretary of State Alex Padilla's office", "Alex Padilla")


@pytest.mark.parametrize("text", [
    'Although too often dismissed as the "gender card," the possibility is real.',
    'Often dismissed by her opponents as ties to the "establishment," they still help.',
])
def test_an_adverb_or_opener_is_never_a_speaker(text):
    # worked by hand: a passive participle has no speaker here; before: "too", "Often"
    assert [q.speaker for q in find_quotes(text)] == [None]


@pytest.mark.parametrize("text, speaker, verb, quote", [
    # worked by hand: a colon after a clause verb and a clause with no marks; "lashed out
    # at"; "with <who> saying"; "said much of ..."
    ("Some voters say: It is time to leave.", "Some voters", "say", "It is time to leave."),
    ("Ann Lee lashed out at the council.", "Ann Lee", "lashed", "at the council."),
    ("Lee leads, with 30 percent of voters saying they back her.", "30 percent of voters",
     "saying", "they back her."),
    ("Ann Lee said much of the budget was wasted.", "Ann Lee", "said",
     "much of the budget was wasted."),
])
def test_colon_lashed_out_with_saying_and_much_of(text, speaker, verb, quote):
    q = find_quotes(text)[-1]
    assert (q.speaker, q.verb, q.quote) == (speaker, verb, quote)


def test_said_more_and_said_colon_with_marks():
    # worked by hand: "said more about it" opens no clause; 'said: "..."' stays direct
    assert find_quotes("He said more about it later.") == []
    assert [(q.kind, q.speaker) for q in find_quotes('He said: "We will win."')] == [
        ("direct", "He")]


@pytest.mark.parametrize("text, speaker, verb, quote", [
    # worked by hand: "was asked to ..." puts a request with no speaker; a participle
    # after "by" is a cue of the sentence's subject
    ("Ann Lee was asked to name one achievement.", None, "asked", "to name one achievement."),
    ("He regained the lead by pledging police reform.", "He", "pledging", "police reform."),
])
def test_asked_to_and_by_pledging(text, speaker, verb, quote):
    q = find_quotes(text)[-1]
    assert (q.speaker, q.verb, q.quote) == (speaker, verb, quote)


def test_she_is_not_the_last_speaker_when_his_first_name_is_a_mans():
    # worked by hand: the census gives "Harry" to men, "Betty" to women; "she" is the woman
    # named after him (before: speaker_name "Harry Crouch")
    text = ('Harry Crouch said in an interview that "it was bad." Later, Betty Lee spoke. '
            'In her speech, she argued that "the failed system" was to blame.')
    second = find_quotes(text)[1]
    assert (second.speaker, second.speaker_name) == ("she", "Betty Lee")


@pytest.mark.parametrize("text, speaker, quote", [
    # worked by hand (PolNeAR train-fit misses, invented text):
    # a relative clause's subject said it, the content from its verb on
    ("The co-op signed a letter that he said was drafted by the board.", "he",
     "was drafted by the board."),
    ("Prices fell, in what many analysts said was a sign of weak demand.", "many analysts",
     "was a sign of weak demand."),
    # a one-word answer
    ("Asked if she would run, the mayor said no.", "the mayor", "no"),
    # a pronoun with an aside after a zero "that"
    ("Ann Lee said Wednesday she, too, wants an inquiry.", "Ann Lee",
     "she, too, wants an inquiry."),
    # "these"/"those" and a noun: a subject, between commas
    ("With each vote, these supporters acknowledge, the case gets harder.",
     "these supporters", "With each vote, these supporters acknowledge, the case gets "
     "harder."),
])
def test_relative_said_yes_no_pronoun_aside_and_demonstrative_subjects(text, speaker, quote):
    q = find_quotes(text)[-1]
    assert (q.kind, q.speaker, q.quote) == ("reported", speaker, quote)


def test_a_relative_or_demonstrative_without_a_speech_clause_gives_nothing():
    # worked by hand: "said" with an object, no auxiliary after it; "these" alone
    assert find_quotes("The plan that he said nothing about was dropped.") == []
    assert [q.speaker for q in find_quotes("These, the board said, are the facts.")] != [
        "These"]


@pytest.mark.parametrize("text, speaker", [
    # worked by hand: lower-case words of a role between the capitalised run and the name
    # (before: "Democratic", "Former")
    ("Democratic presidential candidate Ann Lee said Wednesday she wants an inquiry.",
     "Democratic presidential candidate Ann Lee"),
    ("Former secretary of state Ann Lee said she wants an inquiry.",
     "Former secretary of state Ann Lee"),
])
def test_a_role_in_lower_case_joins_the_run_before_it_and_the_name(text, speaker):
    assert find_quotes(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, expected", [
    # worked by hand: a second verb of the same subject after ", and" ends the first
    # one's content (before: the reported "noted" was lost to the direct quote)
    ('The mayor noted that she ran the co-op, and added: "I know a little about this."',
     [("reported", "noted", "she ran the co-op"),
      ("direct", "added", "I know a little about this.")]),
    # "for the first time" and "via" between the verb and "that"
    ("Ann Lee also said for the first time that the talks had failed.",
     [("reported", "said", "the talks had failed.")]),
    ("The campaign announced via Twitter that it had won.",
     [("reported", "announced", "it had won.")]),
    # a show's title in quotation marks between the verb and "that"
    ("Ann Lee said on NBC's \"Meet the Press\" on Sunday that the plan had failed.",
     [("scare", None, "Meet the Press"), ("reported", "said", "the plan had failed.")]),
])
def test_that_after_and_added_first_time_via_and_a_title(text, expected):
    assert [(q.kind, q.verb, q.quote) for q in find_quotes(text)] == expected


def test_a_second_verb_after_comma_and_is_the_subjects_own_cue():
    # worked by hand: "..., and blamed ..." follows the content of "said" but is Ann Lee's
    # (before: it was read as part of what she said, and gave no quote)
    found = find_quotes("Ann Lee said the plan failed, and blamed the board for the delay.")
    assert [(q.speaker, q.verb, q.quote) for q in found] == [
        ("Ann Lee", "said", "the plan failed"),
        ("Ann Lee", "blamed", "the board for the delay.")]
    # without the comma the verb may be the reported clause's own: no second quote
    assert [q.verb for q in find_quotes("Ann Lee said the board met and blamed the mayor.")
            ] == ["said"]


@pytest.mark.parametrize("text, speaker", [
    # worked by hand on an unseen allsides event (invented text): a party tag before
    # "of <state>" is no clause (before: "D) of Oregon")
    ('"It is good," Sen. Ann Lee (D) of Oregon told the Gazette.', "Sen. Ann Lee"),
    ("Sen. Ann Lee (D) said the vote was good.", "Sen. Ann Lee"),
    # a quantifier and "of": the whole phrase up to its noun (before: "All")
    ("All of the top Democratic presidential hopefuls seeking to unseat Lee in next "
     "year's election have promised to rejoin the pact.",
     "All of the top Democratic presidential hopefuls"),
    # a participle after "beyond" is the sentence subject's (before: the subject's words
    # ran on to "beyond")
    ('A co-op spokesman declined to comment beyond writing that "the plan is dead."',
     "A co-op spokesman"),
])
def test_party_tag_quantifier_phrase_and_beyond(text, speaker):
    assert find_quotes(text)[-1].speaker == speaker


def test_a_question_heading_is_no_speaker():
    # worked by hand: Axios' "What they're saying:" heads a paragraph; "they" says
    # nothing (before: a reported quote by "they" holding the whole paragraph)
    text = ('Prices rose.\nWhat they\'re saying: A co-op spokesman wrote by email that '
            '"the plan is dead."')
    assert [(q.kind, q.speaker) for q in find_quotes(text)] == [
        ("direct", "A co-op spokesman")]
    # a subject's own colon still opens what it says
    assert [(q.kind, q.speaker) for q in find_quotes("Some farmers say: It is time.")] == [
        ("reported", "Some farmers")]


def test_a_second_verb_after_comma_and_has_the_first_verbs_subject():
    # worked by hand (an unseen allsides event, invented text): "added" is Ann Lee's, not
    # the last listed name before it (before: "Latin America")
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Latin America", "place"), Actor("Ann Lee", "person")])
    text = ("Ann Lee said she wanted asylum while awaiting transit to Latin America, and "
            "added that she would not harm the co-op.")
    for actors in (None, listed):
        assert [(q.speaker, q.verb) for q in find_quotes(text, actors)] == [
            ("Ann Lee", "said"), ("Ann Lee", "added")]


def test_a_relative_clause_between_commas_is_no_parenthetical_cue():
    # worked by hand (seen on an unseen allsides event): "who wrote the bill" and "which he
    # wrote" are relative clauses, not "The vote, X said, was ..." (before: a quote of the
    # whole sentence by "who" / "he")
    assert [q.cue for q in find_quotes("The plan, which he wrote last year, will pass.")] \
        == []
    found = find_quotes("Ann Lee, who wrote the bill, said it would pass.")
    assert ("parenthetical" not in [q.cue for q in found]
            and found[-1].quote == "it would pass.")
    # a relative clause's "said" between commas ends at the closing comma
    (q,) = find_quotes("The vote, which Ann Lee said was rigged, failed.")
    assert (q.speaker, q.quote) == ("Ann Lee", "was rigged")


def test_where_someone_is_from_is_not_who_speaks():
    # worked by hand (an unseen allsides event, invented text): "of Moodus, Connecticut"
    # before "who" is where Ann Lee is from (before: "Connecticut, who"); "of Maryland"
    # between commas after a listed body is no speaker (before: "of Maryland")
    from analysis.actors import Actor, ActorList

    (q,) = find_quotes("She was introduced by Ann Lee, of Moodus, Connecticut, who wrote "
                       "last month, explaining that she is unemployed.")
    assert q.speaker_name == "Ann Lee"
    listed = ActorList([Actor("House", "organisation")])
    (q,) = find_quotes("House Democratic Whip Ann Lee, of Maryland, voiced hope that the "
                       "Senate could act.", listed)
    assert q.speaker == "Democratic Whip Ann Lee"


@pytest.mark.parametrize("text, expected", [
    # worked by hand (unseen allsides events, invented text): "continued to pose" after a
    # quote is no cue (before: speaker "The candidate shot a quick glance")
    ('Later, a reporter jokingly shouted, "Hey mayor, you look tired!" The mayor shot a '
     'glance and continued to pose.',
     [("direct", "a reporter", "shouted")]),
    # a pronoun with a contracted auxiliary is the pronoun (before: "She's"), and "'re"
    # makes a progressive like "are"
    ('Ann Lee spoke. She\'s been doing "dorm storms" at her school, telling students '
     'to vote.', [("direct", "She", "telling")]),
    ("They're saying the plan failed.", [("reported", "They", "saying")]),
    # a participle after a number is an adjective (before: speaker "two", verb "proposed")
    ('Under Lee the "bridges to nowhere," two proposed co-op projects, became a symbol.',
     [("scare", None, None)]),
    # "one of the leading GOP voices": a noun (before: a parenthetical quote by "GOP")
    ("Sen. Ann Lee, one of the leading GOP voices on farm policy, said the words were "
     "offensive.", [("reported", "Sen. Ann Lee", "said")]),
])
def test_more_cues_that_are_no_speech_and_contracted_pronouns(text, expected):
    assert [(q.kind, q.speaker, q.verb) for q in find_quotes(text)] == expected


def test_a_listed_name_opening_the_sentence_before_its_insertions_speaks():
    # worked by hand (an unseen allsides event, invented text): the insertions name a radio
    # station and a town, but the sentence's subject is Lee (before: "KRBD")
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person")])
    text = ('Ann Lee farms. Lee, an Iowa farmer, speaking during an interview with radio '
            'station KRBD in Ames, Iowa, said that on her ranch, "we used to hire fifty '
            'workers."')
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == [("Lee", "Ann Lee")]


def test_an_unlisted_name_opening_the_sentence_before_a_listed_body_speaks():
    # worked by hand: the listed body is inside the insertions (before: "in Ames")
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Iowa Farm Bureau", "organisation")])
    text = ('Ann Lee, an Iowa farmer, speaking with the Iowa Farm Bureau in Ames, Iowa, said '
            'that on her ranch, "we used to hire fifty workers."')
    assert [q.speaker for q in find_quotes(text, listed)] == ["Ann Lee"]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (PolNeAR train-fit misses, invented text): a long source after
    # "according to" that opens with an article, no listed actor in it (before: nothing)
    ("The mill will close, according to a lawsuit filed in Ames last year by Ann Lee, a "
     "farmer.",
     [("according", "a lawsuit filed in Ames last year by Ann Lee", "The mill will close")]),
    # a time between a "to" verb and "to"; a participle after a comma
    ("The senator vowed last month to take the fight to the convention.",
     [("to", "The senator", "to take the fight to the convention.")]),
    ("As they met, Lee was 300 miles away in Ames, Iowa, promising to build a new mill.",
     [("to", "Lee", "to build a new mill.")]),
    ("Ann Lee proposed to draft Tom Baker as an adviser.",
     [("to", "Ann Lee", "to draft Tom Baker as an adviser.")]),
])
def test_long_according_to_sources_and_more_to_infinitives(text, expected):
    assert [(q.cue, q.speaker, q.quote) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (PolNeAR train-fit misses, invented text): a passive with "by" names
    # who spoke after it, and what was said before the auxiliary
    ("News of the co-op's move was first reported by the Ames Herald.",
     [("by", "the Ames Herald", "reported", "News of the co-op's move")]),
    ("In May, the plan was denied by the White House.",
     [("by", "the White House", "denied", "the plan")]),
    # not a verb of saying, or no "by"
    ("The plan was approved by the board.", []),
    ("News of the move was reported on Friday.", []),
    # a time span after the verb is no object, and a tail may end with one
    ("Prices fell, as the Herald reported a few days later.",
     [("after", "the Herald", "reported", "Prices fell")]),
    # up to ten words after a tail cue
    ("The vote was close, Ann Lee said during her speech to the delegates in Ames.",
     [("after", "Ann Lee", "said", "The vote was close")]),
])
def test_passive_by_and_longer_tails(text, expected):
    assert [(q.cue, q.speaker, q.verb, q.quote) for q in find_quotes(text)] == expected


def test_a_noun_form_after_a_name_and_an_adverb_is_a_cue():
    # worked by hand (PolNeAR train-fit misses, invented text): "questions" and "calls" are
    # verbs after a name and an adverb, nouns after a determiner and an adverb
    assert [(q.speaker, q.verb) for q in find_quotes(
        "Lee often questions the co-op's ties to banks.")] == [("Lee", "questions")]
    assert [(q.speaker, q.verb) for q in find_quotes("Lee also calls for a new tax.")] == [
        ("Lee", "calls")]
    assert find_quotes("The plan quickly calls for cuts.") == []


def test_what_was_said_before_a_colon_and_a_quote_is_kept():
    # worked by hand (PolNeAR train-fit misses, invented text): the reported clause before
    # the colon is a statement of its own (before: dropped as a repeat of the quote)
    found = find_quotes('Ann Lee said the plan was dead for this year: "We will fight on."')
    assert [(q.kind, q.speaker, q.quote) for q in found] == [
        ("reported", "Ann Lee", "the plan was dead for this year"),
        ("direct", "Ann Lee", "We will fight on.")]
    # the quote right after the verb's colon is one statement, kept once
    assert [q.kind for q in find_quotes('Ann Lee said: "We will fight on."')] == ["direct"]


def test_a_verb_after_a_quote_that_opens_its_own_clause_is_no_after_cue():
    # worked by hand (PolNeAR train-fit misses, invented text): "said he doubts" has no one
    # after "said"; the quoted word is what Ann Lee calls Tom Baker (before: a direct quote
    # with no speaker, cue "said")
    (q,) = [q for q in find_quotes(
        'Ann Lee, who calls Tom Baker a "bully," said he doubts the plan will work.')
        if q.kind == "direct"]
    assert (q.speaker_name, q.verb, q.cue) == ("Ann Lee", "calls", "before")


@pytest.mark.parametrize("text, speaker, actor", [
    # worked by hand (unseen allsides events, invented text): a listed person's name that
    # qualifies someone else's role (before: the person spoke, "Lee")
    ("Ann Lee spoke. A senior Lee adviser said the plan failed.",
     "A senior Lee adviser", None),
    ("Ann Lee spoke. Lee aides said the plan failed.", "Lee aides", None),
    # ... who speaks for the person when a spokesman or the campaign
    ("Ann Lee spoke. A Lee spokesman said the plan failed.", "A Lee spokesman", "Ann Lee"),
    # a pronoun after "where" right before the verb is the subject (before: "Capitol")
    ('Ann Lee spoke. Lee replied from the Capitol, where she told the board to "get '
     'serious soon."', "she", "Ann Lee"),
])
def test_a_person_qualifying_a_role_and_a_pronoun_after_where(text, speaker, actor):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person"), Actor("Capitol", "place")])
    q = find_quotes(text, listed)[-1]
    assert (q.speaker, q.actor) == (speaker, actor)


@pytest.mark.parametrize("text, expected", [
    # a party tag with a state in capitals goes from a tail's speaker (before: a second
    # quote by "Rep. Ann Lee (R-TX")
    ('"Every subject under the sun" was discussed, Rep. Ann Lee (R-TX) said.',
     [("Rep. Ann Lee", "said")]),
    # "went so far as saying": the sentence's subject (before: "he went")
    ('And he went so far as saying that the mayor "should resign."', [("he", "saying")]),
    # ", then called for" is the subject's second verb, and "a recount" a noun (before:
    # speaker "then called", verb "recount")
    ("In a speech in Ames, Ann Lee lambasted her rival, then called for a recount.",
     [("Ann Lee", "lambasted"), ("Ann Lee", "called")]),
])
def test_party_tag_so_far_as_saying_and_then(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


def test_a_dateline_with_a_place_after_a_comma_is_no_speaker():
    # worked by hand (an unseen allsides event): the tidied speaker drops the dateline
    # "NEW YORK CITY, New York —" as it drops "WASHINGTON —"
    from analysis.quotes import _LEAD

    assert _LEAD.match("AMES CITY, Iowa \u2014 Ann Lee").group() == "AMES CITY, Iowa \u2014 "
    assert _LEAD.match("WASHINGTON - Ann Lee").group() == "WASHINGTON - "
    assert _LEAD.match("Ann Lee, Iowa - the mayor") is None


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event and PolNeAR train-fit, invented text): the
    # object of "get them to" speaks (before: "get them")
    ('The mayor wanted to get them to tell their friends, "We can live with her."',
     [("them", "tell")]),
    # an intention is no speech while thought verbs are off (before: "The mayor plans"
    # announced a deal), and its subject loses the verb of wanting
    ("The mayor plans to announce a deal on Friday.", []),
    # the infinitive after a "to" verb is what was vowed, not a second quote (before: a
    # second quote by "Ann Lee vowed")
    ("Ann Lee vowed to announce a deal.", [("Ann Lee", "vowed")]),
])
def test_object_control_intentions_and_vowed_infinitives(text, expected):
    # (the mayor's plan is a thought: no speech, see test_a_plan_is_a_thought_only_before_to)
    assert [(q.speaker, q.verb) for q in find_quotes(text) if q.kind != "thought"] == expected


def test_a_verb_of_wanting_is_no_part_of_the_speaker():
    # worked by hand: the direct quote's cue "tell" after "wants to" is Ann Lee's (before:
    # the speaker "Ann Lee wants")
    assert [(q.speaker, q.verb) for q in find_quotes(
        'Ann Lee wants to tell them: "We will win."')] == [("Ann Lee", "tell")]


@pytest.mark.parametrize("text, actors, expected", [
    # worked by hand (an unseen allsides event, invented text): a participle after "of" is
    # an adjective (before: a second quote by "said" with the verb "alleged")
    ('"I am glad," Ann Lee, a farmer, said of alleged fraud in the vote.', False,
     [("Ann Lee", "said")]),
    # "has taken to referring": the subject, without its contraction (before: "He's also
    # taken")
    ('Ann Lee spoke. He\'s also taken to referring to her as a "con artist."', False,
     [("He", "referring")]),
    # the phrase before "approached by" speaks, not the agent after "by" (before: "Guardian",
    # then "Almost")
    ("Almost every one of the farmers approached by the Gazette said they approved.", True,
     [("Almost every one of the farmers", None)]),
])
def test_adjective_participles_taken_to_and_approached_by(text, actors, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("The Gazette", "organisation", aliases=("Gazette",))])
    found = find_quotes(text, listed if actors else None)
    assert [(q.speaker, q.actor if actors else q.verb) for q in found] == expected


def test_a_persons_administration_speaks_for_them():
    # worked by hand: "the Lee administration" speaks for the listed person, as her
    # campaign does; the phrase is the speaker (before: "Lee")
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person")])
    q = find_quotes("Ann Lee spoke. The Lee administration said the plan failed.", listed)[-1]
    assert (q.speaker, q.actor) == ("The Lee administration", "Ann Lee")


def test_a_leading_name_with_its_state_before_a_relative_clause():
    # worked by hand (an unseen allsides event, invented text): "of Iowa" after the name
    # (before: the relative clause "sponsored the act" spoke)
    found = find_quotes('However, Sen. Ann Lee of Iowa, who sponsored the act, said it '
                        '"will give farmers their chance."')
    assert [(q.speaker, q.verb) for q in found] == [("Sen. Ann Lee", "said")]


def test_a_pronoun_after_a_clause_word_and_auxiliaries_is_the_subject():
    # worked by hand (an unseen allsides event, invented text): "before they had said"
    # (before: the speaker "day before they")
    found = find_quotes("The co-op posted the form a day before they had said they would.")
    assert [(q.speaker, q.verb) for q in found] == [("The co-op", "posted"),
                                                    ("they", "said")]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): "call" with "in", "off" or
    # "up" is no speech (before: "short" spoke, with the content "the mayor could ...")
    ("But short of calling in troops, it looked unlikely that the mayor could regain "
     "control.", []),
    ("The senator called off the talks, saying that the deal was dead.",
     [("The senator", "saying")]),
    # a call in to a show is still one
    ("Ann Lee called in to a radio show to say that the deal was dead.",
     [("Ann Lee", "say")]),
])
def test_call_with_a_particle_is_no_speech(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): the name after "on" before
    # an infinitive cue is a place (before: "Liberty Square" spoke); the sentence's
    # subject is a plural for people ("One by one," is no subject)
    ("One by one, protesters took to a stage on Liberty Square to say they are not happy.",
     ["protesters"]),
    ("Ann Lee took to a stage on Liberty Square to say she is not happy.", ["Ann Lee"]),
    # "met with Tom Fox to say": the subject before the object speaks
    ("Ann Lee met with Tom Fox to say that the deal was dead.", ["Ann Lee"]),
])
def test_a_place_before_an_infinitive_cue_is_no_speaker(text, expected):
    assert [q.speaker for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): before the colon, the
    # last of a pair after "of" is a place, not who speaks (before: "Peru"); the
    # sentence's subject "One of the envoys, Foreign Minister Ann Berg," is the name in its
    # apposition (before: "One")
    ("The deal was signed. One of the envoys, Foreign Minister Ann Berg, issued a "
     "statement on behalf of herself and the ministers of Chile and Peru:\n\n"
     '"The ministers welcome the deal and thank all sides."',
     ["Foreign Minister Ann Berg"]),
    ("One of the envoys, Ann Berg, said the deal was good.", ["Ann Berg"]),
    # guards: "One of them" stays; a pair after "from" is who the quote is from
    ("One of them said the deal was good.", ["One of them"]),
    ('The panel heard statements from Blumenthal and Cohen:\n\n"We reject the plan."',
     ["Cohen"]),
])
def test_colon_speaker_not_a_place_pair_and_one_of_named(text, expected):
    assert [q.speaker for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a name ending in "'s"
    # before "said" or "told" speaks (before: no quote, "said" was read as an adjective
    # after a possessive, as "stated" is in "the company's stated goal")
    ("Moody's said the city will likely default.", [("Moody's", "said")]),
    ("Standard & Poor's told reporters the city will likely default.",
     [("Standard & Poor's", "told")]),
    ("The company's stated goal is growth.", []),
])
def test_a_name_in_s_before_said_speaks(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("listed, expected", [
    # worked by hand (an unseen allsides event, invented text): a body, a role, a comma
    # and a name: the name speaks (before: the body, "European Union", with no list
    # "Union mediator"); "mediator" joins the role nouns
    # (the body listed, the person not: the body spoke)
    (None, [("Foreign Minister Ann Berg", None)]),
    (["European Union"], [("Foreign Minister Ann Berg", None)]),
    (["European Union", "Ann Berg"], [("Ann Berg", "Ann Berg")]),
])
def test_a_name_after_a_bodys_role_and_a_comma_speaks(listed, expected):
    from analysis.actors import Actor, ActorList

    kinds = {"European Union": "organisation", "Ann Berg": "person"}
    actors = ActorList([Actor(n, kinds[n]) for n in listed]) if listed else None
    found = find_quotes('"It is a good deal," European Union mediator, Foreign Minister '
                        'Ann Berg, said.', actors)
    assert [(q.speaker, q.actor) for q in found] == expected


def test_a_bodys_role_without_a_name_still_speaks_for_it():
    # guard: "a European Union mediator said" is the role's phrase, for the body
    from analysis.actors import Actor, ActorList

    actors = ActorList([Actor("European Union", "organisation")])
    found = find_quotes('"It is a good deal," a European Union mediator said.', actors)
    assert [(q.speaker, q.actor) for q in found] == [("a European Union mediator",
                                                      "European Union")]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text), with the person listed:
    # a party tag and a time between the name and the verb (before: the speaker
    # "R-Ariz.) on Friday", no actor)
    ("Sen. Ann Lee (R-Ariz.) on Friday announced that she will vote no.",
     [("Ann Lee", "Ann Lee")]),
    ("Sen. Ann Lee (R-Ariz.) earlier this week said she will vote no.",
     [("Ann Lee", "Ann Lee")]),
    # guard: the tag alone keeps the title
    ("Sen. Ann Lee (R-Ariz.) announced that she will vote no.",
     [("Sen. Ann Lee", "Ann Lee")]),
])
def test_a_listed_name_with_a_party_tag_and_a_time_speaks(text, expected):
    from analysis.actors import Actor, ActorList

    found = find_quotes(text, ActorList([Actor("Ann Lee", "person")]))
    assert [(q.speaker, q.actor) for q in found] == expected


def test_a_pronoun_speaks_before_according_to_a_listed_outlet():
    # worked by hand (an unseen allsides event, invented text): '"...," she said,
    # according to The Gazette' is her quote, as the outlet reports it (before: the
    # outlet after the verb was read as an inverted speaker and took the quote)
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person"),
                        Actor("The Gazette", "organisation", aliases=("Gazette",))])
    found = find_quotes('Ann Lee spoke. "It seems unlikely," she said, according to The '
                        'Gazette.', listed)
    assert [(q.kind, q.speaker, q.actor) for q in found] == [
        ("reported", "The Gazette", "The Gazette"), ("direct", "she", "Ann Lee")]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): "said a source close to
    # X" (before: "a source close")
    ('"It is a good thing," said a source close to Lee.',
     [("a source close to Lee", "said")]),
    # a long phrase with an article: its head up to "with" (before: its last three words,
    # "of the talks")
    ("A White House official with knowledge of the talks said the plan failed.",
     [("A White House official", "said")]),
    ("A source with direct knowledge of the talks said the plan failed.",
     [("A source with direct knowledge of the talks", "said")]),
    # "other" before a participle: an adjective, no cue (before: "among other" alleged)
    ('It noted his "misuse of party credit cards," among other alleged demerits.',
     [("It", "noted")]),
])
def test_sources_close_to_and_with_knowledge_and_other_alleged(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text), the body or place listed:
    # the phrase it ends speaks for it (before: "Hamas", "Yemen" alone)
    ("The leader of Hamas said the plan failed.", [("The leader of Hamas", "Hamas")]),
    ("Officials in Yemen told reporters the plan failed.",
     [("Officials in Yemen", "Yemen")]),
    ("A spokesman for Hamas said the plan failed.", [("A spokesman for Hamas", "Hamas")]),
    # guard: the name alone
    ("Yemen said the plan failed.", [("Yemen", "Yemen")]),
])
def test_a_phrase_ending_in_a_listed_body_speaks_for_it(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Yemen", "country"), Actor("Hamas", "organisation")])
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): one body's name with
    # "and" after "Department of" (before: two speakers, "Health; Human Services")
    ("The Department of Health and Human Services said the site works.",
     [("The Department of Health and Human Services",
       "The Department of Health and Human Services")]),
    ("The Ministry of Trade and Industry said the deal was good.",
     [("The Ministry of Trade and Industry", "The Ministry of Trade and Industry")]),
    # guard: two names are still two
    ("Leaders of Germany and France said the deal was good.",
     [("Germany and France", "Germany; France")]),
])
def test_a_bodys_name_with_and_is_one_speaker(text, expected):
    assert [(q.speaker, q.speaker_name) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text), the person listed: the
    # name opening the sentence, after its title, is the subject of "... and said"
    # (before: "Herald's Meet", the capitalised words before "and said")
    ("Health and Human Services Secretary Ann Lee went on the Herald's Meet The Press "
     "Sunday and said the website works.", [("Ann Lee", "Ann Lee")]),
    ("Ann Lee met Tom Fox and said the website works.", [("Ann Lee", "Ann Lee")]),
    # guard: a second clause with its own subject
    ("Tom Fox spoke and Ann Lee said the site works.", [("Ann Lee", "Ann Lee")]),
])
def test_a_listed_name_opening_the_sentence_speaks_after_and(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person"), Actor("Tom Fox", "person")])
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): after a number a verb form
    # in -s is a plural noun, no verb agrees with it (before: speaker "Two", verb "blasts")
    ("Two blasts hit the market on Monday.", []),
    ("Officials said 3 calls came in.", [("Officials", "said")]),
    # guard: a base form after a number is still a verb
    ("Two discuss the plan, Lee said.", [("Lee", "said")]),
])
def test_a_verb_form_in_s_after_a_number_is_a_noun(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): the listed body is the
    # object of the first cue; the second verb after "and" is its subject's (before: the
    # clause after "said" went to "Red Cross")
    ("Ann Lee blamed the Red Cross for the delay and said the plan failed.",
     [("Ann Lee", "blamed"), ("Ann Lee", "said")]),
    # guards: the listed body is the subject of its own verb before "and"
    ("The Red Cross denied the claim and said the plan failed.",
     [("Red Cross", "denied"), ("Red Cross", "said")]),
    ("Ann Lee said the Red Cross broke the truce and vowed to leave.",
     [("Ann Lee", "said"), ("Red Cross", "vowed")]),
])
def test_the_object_of_a_cue_before_and_said_does_not_speak(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Red Cross", "organisation")])
    assert [(q.speaker, q.verb) for q in find_quotes(text, listed)] == expected


def test_a_phrase_opening_with_a_preposition_before_of_place_is_an_aside():
    # worked by hand (an unseen allsides event, invented text): "of Port City" ends a comma
    # insertion opening with "with"; the name before the insertion speaks (before: the
    # speaker "with aid workers east")
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Port City", "place")])
    found = find_quotes("Union leader Tom Reed, with aid workers east of Port City, vowed "
                        "that the march will go on.", listed)
    assert [(q.speaker, q.verb) for q in found] == [("Union leader Tom Reed", "vowed")]
    # guard: a phrase before "of <place>" that is no aside still speaks
    (q,) = find_quotes("The mayor of Port City vowed that the march will go on.", listed)
    assert q.speaker == "The mayor"


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a listed body, a role and
    # an unlisted person: the whole phrase speaks, the body is the actor only for who
    # speaks for it (before: "leader Tom Reed" and "spokesman Tom Reed", no actor)
    ("Union leader Tom Reed vowed that the march will go on.",
     [("Union leader Tom Reed", None)]),
    ("Union spokesman Tom Reed said the march will go on.",
     [("Union spokesman Tom Reed", "Union")]),
])
def test_a_listed_body_a_role_and_a_name_before_the_verb(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Union", "organisation")])
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): "which" after a comma
    # stands for the name before it, and the verb after the relative clause (quotes and
    # all) is that name's (before: speakers "which" and "of the wounded")
    ('The Red Cross, which said its nurses were "working day and night" to help the '
     'wounded, said the army "must stop."',
     [("which", "The Red Cross"), ("The Red Cross", "The Red Cross")]),
    # guard: "who" as before
    ('Ann Lee, who called the plan "a failure" on Monday, said it "must stop."',
     [("Ann Lee, who", "Ann Lee"), ("Ann Lee", "Ann Lee")]),
])
def test_which_after_a_comma_and_the_verb_after_its_clause(text, expected):
    assert [(q.speaker, q.speaker_name) for q in find_quotes(text)] == expected


def test_a_census_first_name_after_a_title_gives_the_gender():
    # worked by hand (an unseen allsides event, invented text): "Tom" after the title
    # "Ambassador" is a man's name, so "she" is not him (before: speaker_name
    # "Ambassador Tom Reed")
    found = find_quotes('Ambassador Tom Reed criticized the council. "We will win," '
                        'she said.')
    assert [(q.speaker, q.speaker_name) for q in found] == [
        ("Ambassador Tom Reed", "Ambassador Tom Reed"), ("she", "she")]


def test_a_pronoun_linked_to_a_name_is_the_nearest_speaker_for_the_next():
    # worked by hand (an unseen allsides event, invented text): the first "she" stands for
    # Ann Lee (the sentence before), so the second one does too, not the earlier "Reed",
    # whose sex the text does not tell (before: speaker_name "Reed")
    found = find_quotes('Reed criticized the council. Ambassador Ann Lee spoke next. '
                        '"Who would accept this?" she asked. No town, she said, acted '
                        '"with more care."')
    assert [q.speaker_name for q in found] == ["Reed", "Ambassador Ann Lee",
                                               "Ambassador Ann Lee"]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (unseen allsides events, invented text): the subject of the sentence
    # before a "he"/"she" is no one's name when it is a number, an adverb such as
    # "Nowhere" or a day (before: "Seven", "Nowhere", "Monday's")
    ('Dr. Tom Reed, chief of surgery, said 19 patients are being treated. Seven people '
     'had amputations. He said there will be eight "re-operations" at the hospital.',
     ["Dr. Tom Reed", "Dr. Tom Reed"]),
    ('Ann Lee spoke. Nowhere was she more adamant than on trade. "We will win," she said.',
     ["she"]),
    ('"We won," Ann Lee said. Monday\'s vote was close. "It was," she said.',
     ["Ann Lee", "Ann Lee"]),
])
def test_no_number_adverb_or_day_stands_for_a_pronoun(text, expected):
    assert [q.speaker_name for q in find_quotes(text)] == expected


def test_a_plural_pronoun_speaker_is_no_name_for_he_or_she():
    # worked by hand (an unseen allsides event, invented text): "They" speaks but names no
    # one, so the next "she" is Ann Lee (before: speaker_name "They")
    found = find_quotes('"We won," Ann Lee said. They should say the plan failed. "It did '
                        'not," she said.')
    assert [q.speaker_name for q in found] == ["Ann Lee", "They", "Ann Lee"]


def test_two_titles_joined_by_and_before_a_name():
    # worked by hand (an unseen allsides event, invented text): the name after the second
    # title is the sentence's subject (before: "Former House Speaker")
    found = find_quotes('Former House Speaker and presidential candidate Ann Lee scolded '
                        'her party on Wednesday, blaming it for having "zero" plans.')
    assert [(q.speaker, q.verb) for q in found] == [("Ann Lee", "blaming")]


def test_a_dateline_with_the_agency_is_no_name_for_a_pronoun():
    # worked by hand (an unseen allsides event, invented text): "WASHINGTON (Reuters) -"
    # opens no name (before: the "he" was named "WASHINGTON (Reuters) - Like")
    found = find_quotes("WASHINGTON (Reuters) - Like the deal-maker he says he is, Ann Lee "
                        "appears to be keeping her options open.")
    assert [(q.speaker, q.speaker_name) for q in found] == [("he", "he")]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a plural people noun right
    # after the sentence's capitalised words is their head (before: "Bill", "Senate")
    ("Bill sponsors had exuded confidence in recent days, saying they were getting closer.",
     ["Bill sponsors"]),
    ("Senate leaders met on Monday, saying the vote would come.", ["Senate leaders"]),
    # a body's role before a name: the name (before: "Law")
    ("Law professor Tom Fox left the room, saying the vote would come.", ["Tom Fox"]),
])
def test_the_sentence_subject_takes_its_plural_head_noun(text, expected):
    assert [q.speaker for q in find_quotes(text)] == expected


def test_a_quote_after_entitled_is_a_title_whatever_its_words():
    # worked by hand (an unseen allsides event, invented text): the quoted title of a
    # document, with a dash and lower-case words, is a term (before: a quote by "945
    # people", cut from "4,945 people")
    found = find_quotes("On a shared document, entitled \u201cI have a place to offer \u2013 "
                        "Boston explosion\u201d 4,945 people added their names.")
    assert [(q.kind, q.speaker) for q in found] == [("scare", None)]


def test_an_inverted_name_before_a_listed_country_speaks():
    # worked by hand (an unseen allsides event, invented text): '"...," writes Ann Lee,
    # senior US economist at ...': Ann Lee (before: "US", for the United States)
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("United States", "country", aliases=("US",))])
    found = find_quotes('\u201cWe see upside risk,\u201d writes Ann Lee, senior US economist at '
                        'the Gazette.', listed)
    assert [(q.speaker, q.actor) for q in found] == [("Ann Lee", None)]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a participle opening the
    # sentence is no subject (before: "Noting" spoke)
    ('Noting that "spending declined, likely due to uncertainty," Ann Lee, chair of the '
     'council, downplayed the report.', [("direct", None, "none")]),
    # a quotation right after "according to the" names the source (before: a quote by "the")
    ('GDP fell 0.1 percent, according to the "advance" estimate released by the Bureau.',
     [("scare", None, "none")]),
    # "according to X" right after a quotation is its cue (before: a quote with no speaker
    # and the same words again as a reported quote of X)
    ('"It failed," according to Ann Lee.', [("direct", "Ann Lee", "according")]),
])
def test_participle_openers_and_according_to_around_a_quotation(text, expected):
    assert [(q.kind, q.speaker, q.cue) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): words mentioned after
    # "phrases like" or "the word" are a term, not a voice of a verb after them (before:
    # a direct quote by "Voters", verb "scoff")
    ('Voters hear phrases like "fair deal" and scoff.', [("scare", None)]),
    ('He used the word "traitor" twice, Lee said.',
     [("reported", "Lee"), ("scare", None)]),
    # guard: a speaker before them keeps the words
    ('Lee said the phrase "no deal" was wrong.', [("direct", "Lee")]),
])
def test_words_mentioned_after_phrases_like_are_a_term(text, expected):
    assert [(q.kind, q.speaker) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): "worth noting" is the
    # writer's own aside, no speech (before: a quote by "It's also worth")
    ("It's also worth noting that the vote was close.", []),
    ("It is worth mentioning that the deal failed.", []),
    # guard: a speaker around it still speaks
    ("Lee said it was worth noting that the vote was close.", [("Lee", "said")]),
])
def test_worth_noting_is_no_speech(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): "compared to" after a
    # quote is a preposition, no cue (before: a second quote with no speaker, verb
    # "compared")
    ('The mayor said the offer was "progress," compared to the old plan.',
     [("The mayor", "said")]),
    # guard: "compared" alone after a quote is still a cue
    ('"It was a fine offer," Lee compared.', [("Lee", "compared")]),
])
def test_compared_to_after_a_quote_is_no_cue(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


def test_a_pronoun_after_who_before_the_verb_is_its_subject():
    # worked by hand (an unseen allsides event, invented text): "Ann Lee, who he said
    # worked hard": "he" said it, not the listed name before "who" (before: Ann Lee)
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person")])
    found = find_quotes("Another farmer, Tom Reed, told the paper that he had worked with "
                        "Ann Lee, who he said worked hard to help the others.", listed)
    assert [(q.speaker, q.speaker_name, q.verb) for q in found] == [
        ("Tom Reed", "Tom Reed", "told"), ("he", "Tom Reed", "said")]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): the name set off by commas
    # after a role may have five words and a particle (before: the role spoke)
    ("Defense Department spokesman, Navy Rear Adm. Tom Reed, told CNN the plan failed.",
     [("Navy Rear Adm. Tom Reed", "told")]),
    ("The deputy head, Ahmad bin Tamer, said it was wrong.",
     [("Ahmad bin Tamer", "said")]),
])
def test_a_long_name_set_off_after_a_role_speaks(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a member "on" a listed
    # body is not the body (before: the committee spoke), and a listed person "of" a
    # listed body is the person (before: the body)
    ("The top Democrat on the Farm Committee said the plan failed.",
     [("The top Democrat on the Farm Committee", None)]),
    ("Professor Lee of the Farm Committee said the plan failed.", [("Lee", "Ann Lee")]),
    # guard: who speaks for the body speaks for it (the phrase, for the body)
    ("A spokesman for the Farm Committee said the plan failed.",
     [("A spokesman for the Farm Committee", "Farm Committee")]),
])
def test_a_member_on_a_body_and_a_person_of_a_body(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Farm Committee", "organisation"),
                        Actor("Ann Lee", "person", aliases=("Lee",))])
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a time alone or "according
    # to" a source after the verb reports nothing (before: second quotes "this week." and
    # "according to KTVU.")
    ('"We will see crowds here," Chief Tom Reed told KHOU this week.',
     [("direct", "Chief Tom Reed")]),
    ('"We will see crowds here," Reed said in a statement, according to KTVU.',
     [("reported", "KTVU"), ("direct", "Reed")]),
    # guard: a clause that ends with a time is reported
    ("Reed said the plan failed this week.", [("reported", "Reed")]),
])
def test_a_time_or_according_to_alone_is_no_content(text, expected):
    assert [(q.kind, q.speaker) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): "and" inside a body's name
    # before a title is no second speaker (before: "Farm; Rural Affairs Secretary Tom
    # Reed"), since "farm" is a word the text writes in lower case
    ("Farm and Rural Affairs Secretary Tom Reed announced a deal to help farm families.",
     ["Farm and Rural Affairs Secretary Tom Reed"]),
    # guards: two people, as before
    ("Reed and Defense Secretary Ann Lee announced a deal.",
     ["Reed; Defense Secretary Ann Lee"]),
    ("Obama and Merkel said the deal was done.", ["Obama; Merkel"]),
])
def test_and_inside_a_bodys_name_before_a_title(text, expected):
    assert [q.speaker_name for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): the listed person inside a
    # "that" clause opening with its verb is its object; the phrase before "that" speaks
    # (before: Ann Lee "demanded" the ransom paid for her)
    ("The militant group that kidnapped reporter Ann Lee had demanded a ransom.",
     [("The militant group", None)]),
    # guards: "that" before a name or an article opens no such clause
    ("Reports that Lee demanded a ransom surfaced.", [("Lee", "Ann Lee")]),
])
def test_a_listed_name_inside_a_that_clause_before_the_verb(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person", aliases=("Lee",))])
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a speaker cut after "of"
    # is the capitalised name it belongs to (before: "of Independent Business")
    ("A survey by the National Federation of Independent Business does show that most "
     "owners plan to raise wages.", [("National Federation of Independent Business", "show")]),
    # a two-word phrase opening with a preposition is no one (before: "in a")
    ('And in a move to acknowledge the criticism, Lee said: "I admit it."',
     [(None, "acknowledge"), ("Lee", "said")]),
])
def test_a_speaker_opening_with_a_preposition(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text), Clinton listed: the name
    # before a comma insertion that names a listed person speaks (before: "Clinton's",
    # "Clinton", for Hillary Clinton)
    ('"We can win," Tom Fox, Clinton\u2019s director of state campaigns, told the Herald.',
     [("Tom Fox", None)]),
    ('"We can win," Tom Fox, an adviser to Clinton, said.', [("Tom Fox", None)]),
    # guards: the listed person before the insertion; the role phrase
    ('"We can win," Clinton, speaking in Ohio, said.', [("Clinton", "Hillary Clinton")]),
    ('"We can win," a Clinton adviser said.', [("a Clinton adviser", None)]),
])
def test_the_name_before_an_insertion_naming_a_listed_person_speaks(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Hillary Clinton", "person", aliases=("Clinton",))])
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == expected


@pytest.mark.parametrize("text", [
    # worked by hand (an unseen allsides event, invented text): a dated heading is no
    # speaker (before: "Basement Blues, Aug." and "Aug. 24: Lee" spoke)
    "Basement Blues, Aug. 29: While Lee entertained donors, \u201cno chance of the pool "
    "hearing Lee here.\u201d",
    "Aug. 24: Lee attended a full day of fundraisers, but \u201cpool lost sight of the "
    "motorcade.\u201d",
])
def test_a_dated_heading_is_no_speaker(text):
    assert [q.speaker for q in find_quotes(text)] == [None]


def test_an_account_speaks_with_its_name():
    # worked by hand (an unseen allsides event, invented text): "account" is the head of
    # the capitalised name before it (before: "Twitter" spoke)
    found = find_quotes("During the hearing, his official presidential Twitter account "
                        "falsely said that the FBI chief testified.")
    assert [(q.speaker, q.verb) for q in found] == [("Twitter account", "said")]


def test_a_campaign_is_no_name_for_he():
    # worked by hand (an unseen allsides event, invented text): "he" is not "Lee's
    # campaign" (before: the speaker_name of "he" was "Lee's campaign")
    found = find_quotes("Lee spoke on Monday. Lee's campaign declined to comment. But last "
                        "month he said he wants a deputy who knows Congress.")
    assert [(q.speaker, q.speaker_name) for q in found] == [
        ("Lee's campaign", "Lee's campaign"), ("he", "he")]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): "said in a video address
    # Thursday he ..." reports the clause after the phrase (before: no quote)
    ("Ann Lee said in a video address Thursday she wants to win.",
     [("Ann Lee", "she wants to win.")]),
    # guards: no clause after the phrase, no reported speech
    ('"We won," Ann Lee said in her victory speech late Tuesday.', [("Ann Lee", "We won,")]),
])
def test_a_speech_phrase_between_said_and_its_clause(text, expected):
    assert [(q.speaker, q.quote) for q in find_quotes(text)] == expected


def test_a_capitalised_run_takes_an_evidence_noun_after_it():
    # worked by hand (an unseen allsides event, invented text), the committee listed:
    # "report" is the head of the phrase before "alleging" (before: "Democrat-authored"
    # alleged; with no list the phrase was already whole)
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("House Farm Committee", "organisation")])
    found = find_quotes("A three-month inquiry by the House Farm Committee produced a "
                        "300-page Democrat-authored report alleging that the mayor lied.",
                        listed)
    assert [(q.speaker, q.verb) for q in found] == [("Democrat-authored report", "alleging")]


def test_a_phrase_with_a_lower_case_head_is_no_name_for_he_or_she():
    # worked by hand (an unseen allsides event, invented text): "Monday's ruling" speaks
    # but names no person, so the next "she" is Ann Lee (before: "Monday's ruling")
    found = find_quotes('"We won," Ann Lee said. Monday\'s ruling suggests that the plan '
                        'failed. "It did," she said.')
    assert [q.speaker_name for q in found] == ["Ann Lee", "Monday's ruling", "Ann Lee"]


@pytest.mark.parametrize("text, expected", [
    # worked by hand (unseen allsides events, invented text): "says a lot about" is an
    # idiom that reports nothing (before: quotes by "It" and by "Your browsing history")
    ("It says a lot about our politics that the plan failed.", []),
    ("Your history can say a lot about you, Lee says, including your interests.",
     [("Lee", "says")]),
    # guard: a speaker keeping quiet is still reported, as before
    ("Lee said little about the plan.", [("Lee", "said")]),
])
def test_says_a_lot_about_is_no_speech(text, expected):
    assert [(q.speaker, q.verb) for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): every name of a list
    # opening the sentence speaks (before: "Norway" was left out)
    ("Norway, Chile and Peru also condemned the killing.", "Norway; Chile; Peru"),
    ("The Red Cross, Chile and Peru said the vote was unfair.", "Red Cross; Chile; Peru"),
    # guard: an opening phrase is no list item
    ("In Lima, Chile and Peru said the vote was unfair.", "Chile; Peru"),
])
def test_a_list_of_names_opening_the_sentence_speaks(text, expected):
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Red Cross", "organisation")])
    (q,) = find_quotes(text, listed)
    assert q.speaker_name == expected


@pytest.mark.parametrize("text, expected", [
    # worked by hand (an unseen allsides event, invented text): a census first name alone
    # tells the speaker's sex (before: "he" stood for Sasha, who spoke last)
    ('Mr. Reed thanked the crowd. "Good job, Daddy," Sasha said. "I did it!" he replied.',
     ["Mr. Reed", "Sasha", "Mr. Reed"]),
    # guard: a surname that is a first name too tells nothing ("Ann Warren")
    ('Ann Warren spoke. "We won," Warren said. "It was close," she added.',
     ["Warren", "Warren"]),
])
def test_a_first_name_alone_tells_the_speakers_sex(text, expected):
    assert [q.speaker_name for q in find_quotes(text)] == expected


def test_the_subject_of_words_before_a_tail_cue_is_no_speaker():
    # worked by hand (an unseen allsides event, invented text): "Joe Smith stood up ..., he
    # said": Joe Smith is what was said, not who "he" is (before: "Joe Smith" for both)
    found = find_quotes('"He was brave," said Tom Reed. Joe Smith stood up to his captors, '
                        'he said. "He never gave up," he added.')
    assert [q.speaker_name for q in found] == ["Tom Reed", "Tom Reed", "Tom Reed"]


def test_that_after_a_dash_and_a_noun_opens_no_reported_speech():
    # worked by hand (an unseen allsides event, invented text): "— moves that ignited"
    # is a relative clause on "moves" (before: a quote with no speaker, "ignited a national
    # debate", for "ask"); a dash around a time before "that" stays a cue
    assert find_quotes("It meant asking them to pay more into their plans \u2014 moves "
                       "that ignited a national debate.") == []
    found = find_quotes("Lee said \u2014 on Friday \u2014 that the plan failed.")
    assert [(q.speaker, q.quote) for q in found] == [("Lee", "the plan failed.")]


def test_an_inverted_body_and_a_long_role_before_a_name():
    # worked by hand (an unseen allsides event, invented text), the outlet listed: the
    # name after a role of three words speaks (before: "AP", for the Associated Press)
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Associated Press", "organisation", aliases=("AP",))])
    found = find_quotes('"It is harder to protect sources," says AP senior managing editor '
                        'Tom Fox.', listed)
    assert [(q.speaker, q.actor) for q in found] == [("AP senior managing editor Tom Fox",
                                                     None)]


def test_a_per_cent_sign_ends_the_speaker():
    # worked by hand (an unseen allsides event, invented text): "Only 34% said" (before:
    # the speaker "Only 34")
    found = find_quotes('Only 34% said "just about right."')
    assert [q.speaker for q in found] == ["Only 34%"]


def test_a_name_alone_after_an_inverted_verb_is_no_clause():
    # worked by hand (an unseen allsides event, invented text): "Still, ..., says Dr. X."
    # (before: "says" + the clause "Dr. Quane." for the speaker "the plan")
    found = find_quotes("Still, the plan is fine, says Dr. Ann Quane.")
    assert [(q.kind, q.speaker, q.quote) for q in found] == [
        ("reported", "Dr. Ann Quane", "Still, the plan is fine")]
    found = find_quotes("He said Dr. Smith would come.")  # a clause opening with a name
    assert [(q.speaker, q.quote) for q in found] == [("He", "Dr. Smith would come.")]


def test_a_pronoun_ending_a_relative_clauses_subject_speaks():
    # worked by hand (an unseen allsides event, invented text): "a theme he promised that"
    # is "he" (Tom Reed), not "a theme he"; "Smith and he" is not cut
    found = find_quotes('"We will win," said Tom Reed. He spoke of poverty, a theme he '
                        'promised that he would discuss again.')
    assert [(q.speaker, q.speaker_name) for q in found][-1] == ("he", "Tom Reed")
    found = find_quotes("The plan was included on it, several of them told POLITICO.")
    assert all(q.speaker != "it" for q in found)


def test_a_naming_participle_after_a_comma_is_a_term():
    # worked by hand (an unseen allsides event, invented text): ", often called "X"" names
    # the policies (before: a direct quote by "often" or the noun phrase before it); with a
    # subject the verb stays a cue
    found = find_quotes('Such policies, sometimes called "place-based," date from 1933.')
    assert [(q.kind, q.speaker) for q in found] == [("scare", None)]
    found = find_quotes('The deal, which Smith called "historic," passed.')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Smith")]


def test_a_verb_with_a_marked_object_of_its_own_is_not_the_earlier_quotes_cue():
    # worked by hand (an unseen allsides event, invented text): 'The "zone" program, coming
    # after Lee pledged a "war on want"': Lee said "war on want", not "zone" (before: both)
    found = find_quotes('The "zone" program, coming years after Ann Lee pledged a "war on '
                        'want" in the US, is not new.')
    assert [(q.kind, q.speaker, q.quote) for q in found] == [
        ("scare", None, "zone"), ("direct", "Ann Lee", "war on want")]


def test_a_study_of_something_in_a_place_is_the_study():
    # worked by hand (an unseen allsides event, invented text): "an independent assessment
    # of the program from 1994-2006 in the six original zones found" (before: "six original
    # zones"); "A survey by X" stays X
    found = find_quotes("In 2006, an independent assessment of the EZ program from 1994-2006 "
                        "in the six original zones found that the program created jobs.")
    assert [q.speaker for q in found] == ["an independent assessment"]


def test_a_relative_clause_after_the_speaker_of_a_quote():
    # worked by hand (an unseen allsides event, invented text): '"...," a Foreign Service
    # officer who works at the State Department told me': the officer (before: the
    # State Department, listed in the general list; with a longer clause, no speaker)
    from analysis.actors import load_actors

    general = load_actors(event=None)
    for text in ['"We want a deal," a Foreign Service officer who works at the State '
                 'Department told me.',
                 '"We want a deal," a Foreign Service officer who resides on the 7th floor of '
                 'the State Department told me.']:
        found = find_quotes(text, general)
        assert [(q.speaker, q.actor) for q in found] == [("a Foreign Service officer", None)]


def test_a_transcripts_turns_are_direct_quotes_of_the_labelled_people():
    # worked by hand (an unseen allsides event, invented text): a radio transcript's turns
    # (before: no quote at all); the label names a person through the full name in the
    # text (LEE: Ann Lee) or its own first name (TOM REED); "THE FACTS:", a headline in
    # capitals and a stage direction are no turns
    text = ("Tom Reed speaks with the Gazette's Ann Lee about the vote.\n\n"
            "TOM REED, HOST: What happened?\n\n"
            "LEE: Well, the vote was close.\n\n"
            "REED: (LAUGHTER)\n\n"
            "THE FACTS: The vote was on Monday.\n\n"
            "LEE: WE WAIT AND SEE\n\n"
            "REED: Thanks, Ann.")
    found = [(q.kind, q.cue, q.speaker, q.speaker_name, q.quote) for q in find_quotes(text)]
    assert found == [
        ("direct", "label", "TOM REED", "Tom Reed", "What happened?"),
        ("direct", "label", "LEE", "Ann Lee", "Well, the vote was close."),
        ("direct", "label", "REED", "Tom Reed", "Thanks, Ann."),
    ]
    # one label in a text is no transcript: "LEE: ..." alone is a line of its own
    assert find_quotes("Ann Lee won.\n\nLEE: Well, the vote was close.") == []


def test_a_transcripts_label_resolves_to_the_listed_person():
    # worked by hand (invented text): "LEE:" is the listed Ann Lee
    from analysis.actors import Actor, ActorList

    listed = ActorList([Actor("Ann Lee", "person")])
    text = "Tom Reed speaks with Ann Lee.\n\nREED: Why?\n\nLEE: Because it was close."
    assert [(q.speaker, q.actor) for q in find_quotes(text, listed)] == [
        ("REED", None), ("LEE", "Ann Lee")]


def test_a_colon_after_the_verb_introduces_who_speaks_before_an_outlets_tail():
    # worked by hand (an unseen allsides event, invented text): 'Ann Lee, who leads the
    # group, said: "...," the Post reported' is Ann Lee's quote (before: the Post's, and
    # without the tail its speaker was the quote's own words)
    found = find_quotes('Ann Lee, who leads the group, said: "The move is absurd," the Post '
                        'reported.')
    assert [(q.kind, q.speaker, q.verb) for q in found] == [("direct", "Ann Lee", "said")]


def test_a_naming_participle_after_an_adverb_of_usage_is_a_term():
    # worked by hand (an unseen allsides event, invented text): 'species variously
    # identified as "establishment"' (before: a quote by "increasingly endangered
    # species"); 'Critics often described it as "a disaster."' stays the critics'
    found = find_quotes('Some came from that rare species variously identified as "moderate" '
                        'Republicans.')
    assert [(q.kind, q.speaker) for q in found] == [("scare", None)]
    found = find_quotes('Critics often described it as "a disaster."')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Critics")]


def test_a_marked_number_is_a_term():
    # worked by hand (an unseen allsides event, invented text): 'a movie tells their story
    # in the fashion of "300"' (before: a quote of "300" told by no one)
    found = find_quotes('Soon a movie tells their story in the fashion of "300".')
    assert [(q.kind, q.quote) for q in found] == [("scare", "300")]


def test_no_speaker_after_a_verb_that_does_not_invert():
    # worked by hand (an unseen allsides event, invented text): 'congressional "overreach"
    # now defends the right of ...' (before: the speaker "the right"); '"...!" read one'
    # keeps "one"
    found = find_quotes('The party that fought congressional "overreach" now defends the '
                        'right of senators to act.')
    assert [q.speaker for q in found if q.kind != "scare"] in ([], [None])
    found = find_quotes('"Vote now!" read one.')
    assert [q.speaker for q in found] == ["one"]


def test_that_before_one_noun_ending_the_sentence_is_a_determiner():
    # worked by hand (an unseen allsides event, invented text): "The White House has
    # dismissed that letter." reports nothing (before: the content "letter."); "said that
    # Mr. Lee won." is reported speech
    assert find_quotes("The White House has dismissed that letter.") == []
    found = find_quotes("Aides said that Mr. Lee won.")
    assert [(q.speaker, q.quote) for q in found] == [("Aides", "Mr. Lee won.")]


def test_a_possessive_with_a_curly_apostrophe_is_no_subject():
    # worked by hand (an unseen allsides event, invented text): 'Lee\u2019s plan "is
    # anything but fair."' after Tom Fox's quote goes on with Fox's words (before: the
    # speaker "Lee\u2019s"), as with a straight apostrophe
    for s in ("\u2019", "'"):
        found = find_quotes(f'"It makes no sense," said Tom Fox. Lee{s}s plan "is anything '
                            f'but fair. It helps the rich."')
        assert [q.speaker for q in found] == ["Tom Fox", "Tom Fox"]


def test_a_phrase_then_a_relative_clauses_subject_without_that():
    # worked by hand (an unseen allsides event, invented text): '"...," a spectacle the
    # campaign said' is the campaign (before: "a spectacle the campaign")
    found = find_quotes('It was "a spontaneous protest," a spectacle the campaign said.')
    assert [q.speaker for q in found] == ["the campaign"]


def test_a_persons_name_after_a_bodys_name_with_of_and_a_capitalised_role():
    # worked by hand (an unseen allsides event, invented text): "Virginia House of
    # Delegates Member Patrick Hope (D) said" is Patrick Hope (before: "Virginia House");
    # "Wayne Pacelle of the Humane Society" stays Wayne Pacelle
    found = find_quotes("Virginia House of Delegates Member Patrick Hope (D) said Friday he "
                        "plans to act.")
    assert [q.speaker for q in found] == ["Patrick Hope"]
    found = find_quotes("Wayne Pacelle of the Humane Society said the plan failed.")
    assert [q.speaker for q in found] == ["Wayne Pacelle"]


def test_a_colon_before_a_quote_yields_to_the_speaker_after_it_but_not_to_a_report():
    # worked by hand (an unseen allsides event, invented text): 'The Hill reported:\n\n
    # "...," several lawmakers said' is the lawmakers' quote; '..., the Post reported'
    # after 'X said: "..."' is X's (the outlet reports it)
    found = find_quotes('Others called for his ouster, The Hill reported:\n\n"We believe her," '
                        'several Virginia lawmakers said in a statement.')
    assert [q.speaker for q in found if q.kind == "direct"] == ["several Virginia lawmakers"]


def test_an_opening_time_clause_a_subordinator_and_a_time_are_no_speaker():
    # worked by hand (an unseen allsides event, invented text): "The day before he left,
    # Lee called ... and said ..." (before: no speaker for "said"), "before the city
    # council announced" (before: "before the city council"), "Mayor Ann Lee on Sunday
    # discussed" (before: "Mayor Ann Lee on Sunday"); "One Sunday" keeps its words
    found = find_quotes('The day before he left, Lee called it a "warrior city" and said '
                        'voters might have a "big problem" soon.')
    assert [q.speaker for q in found] == ["Lee", "Lee"]
    found = find_quotes("It began in 2010, before the city council announced its end.")
    assert [q.speaker for q in found] == ["the city council"]
    found = find_quotes("Mayor Ann Lee on Sunday discussed trade with farmers.")
    assert [q.speaker for q in found] == ["Mayor Ann Lee"]


def test_a_source_inside_a_body_and_another_source():
    # worked by hand (an unseen allsides event, invented text): "A source inside the
    # White House with knowledge of the decision process tells" is the source (before:
    # "the decision process"); "Another source inside the West Wing confirms" keeps its
    # head (before: "Another")
    found = find_quotes('A source inside the White House with knowledge of the decision '
                        'process tells the paper that the deal was "done."')
    assert [q.speaker for q in found] == ["A source"]
    found = find_quotes('Another source inside the West Wing of the White House confirms to '
                        'the paper that the timing was "ironic."')
    assert [q.speaker for q in found] == ["Another source"]


def test_a_parenthetical_cue_with_a_place_and_a_clause_after_a_quote():
    # worked by hand (an unseen allsides event, invented text): "..., Moore said at a press
    # conference on Friday, with ..." is Moore's (before: no quote); 'X said it came "like
    # a thunderbolt," though supporters acknowledge ...' keeps the quote X's (before: the
    # supporters')
    found = find_quotes("The fight will endure for years, Moore said at a press conference on "
                        "Friday, with losses on both sides.")
    assert [(q.cue, q.speaker) for q in found] == [("parenthetical", "Moore")]
    found = find_quotes('The mayor said the vote came "like a thunderbolt," though supporters '
                        'acknowledge there are many who disagree.')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "The mayor"),
                                                    ("reported", "supporters")]


def test_a_quantity_opens_a_speaker_phrase():
    # worked by hand (an unseen allsides event, invented text): "Forty percent of those
    # polled said" (before: "Forty"), "65% of likely voters in the 18-to-29 age group said"
    # (before: "18-to-29 age group"), "31 million voters in that age group said" (before:
    # "age group": "that" after a preposition is a determiner, no clause)
    found = find_quotes('Forty percent of those polled said they would "definitely vote."')
    assert [q.speaker for q in found] == ["Forty percent of those polled"]
    found = find_quotes("In one finding, 65% of likely voters in the 18-to-29 age group said "
                        "they were fearful.")
    assert [q.speaker for q in found] == ["65% of likely voters"]
    found = find_quotes("In 2016, 31 million voters in that age group said no.")
    assert [q.speaker for q in found] == ["31 million voters"]


def test_a_names_words_right_before_a_quote():
    # worked by hand (an unseen allsides event, invented text): "tweaked Ann Lee's famous
    # slogan "..."" is Ann Lee's (before: the sentence's subject, Tom Reed), "Sen. Ann Lee's
    # primal scream: "..."" too (before: the speaker of an earlier quote)
    found = find_quotes('Tom Reed tweaked Ann Lee\u2019s now-famous slogan "When they go low, '
                        'we go high."')
    assert [q.speaker for q in found] == ["Ann Lee"]
    found = find_quotes('"We will win," said Tom Reed. It is summed up in Sen. Ann Lee\'s primal '
                        'scream: "Just shut up and step up."')
    assert [q.speaker_name for q in found] == ["Tom Reed", "Sen. Ann Lee"]


def test_a_tail_cue_told_a_group_and_than_before_a_speaker():
    # worked by hand (an unseen allsides event, invented text): "..., Ann Lee just told
    # supporters in Ames." (before: no quote), "higher than Mayor Lee said it would be"
    # (before: the speaker "the jobless rate"); "More than 200 protesters" keeps its words
    found = find_quotes("The rate is higher than it was, Ann Lee just told supporters in Ames.")
    assert [(q.cue, q.speaker) for q in found] == [("after", "Ann Lee")]
    found = find_quotes("The jobless rate is higher than Mayor Lee said it would be by now.")
    assert [q.speaker for q in found] == ["Mayor Lee"]
    found = find_quotes("More than 200 protesters said they would stay.")
    assert [q.speaker for q in found] == ["More than 200 protesters"]


def test_a_quantifier_with_a_noun_opens_a_subject():
    # worked by hand (PolNeAR train-fit misses, invented text): "But ultimately, other
    # experts say, she ..." (before: no quote); "most have proposed" names no one
    found = find_quotes("But ultimately, other experts say, she was not a traitor.")
    assert [(q.cue, q.speaker) for q in found] == [("parenthetical", "other experts")]
    assert all(q.speaker != "most" for q in find_quotes(
        "Candidates face questions, since most have proposed new tax cuts."))


def test_an_aside_in_brackets_between_a_speaker_and_the_verb():
    # worked by hand (PolNeAR train-fit misses, invented text): "Lee (who has 25 delegates
    # to date) said it is possible" (before: no quote) and '"...," Lee (who has 25
    # delegates) said' (before: the speaker "has 25 delegates"); a party tag stays a tag
    found = find_quotes("Lee (who has 25 delegates to date) said it is possible to win.")
    assert [(q.cue, q.speaker) for q in found] == [("clause", "Lee")]
    found = find_quotes('"We will win," Lee (who has 25 delegates) said.')
    assert [q.speaker for q in found] == ["Lee"]
    found = find_quotes('"We will win," Ann Lee (D-Ohio) said.')
    assert [q.speaker for q in found] == ["Ann Lee"]


def test_speakers_after_a_role_a_platform_and_an_even():
    # worked by hand (an unseen allsides event, invented text): "Democratic mayoral nominee
    # Ann Lee has fought back, saying that" (before: "Democratic"), "Trump took to Twitter to
    # say" (before: "Trump took to Twitter"), "Even Mayor Lee said" (before: "Even Mayor
    # Lee"), "surveys by Republican-leaning groups show" (before: "Republican-leaning"), and
    # "..., than for Lee, who often speaks in small venues." is no tail cue (before: it hid
    # "But, she said, ..." from the same sentence)
    found = find_quotes("Democratic mayoral nominee Ann Lee has fought back, saying that the "
                        "plan would fail.")
    assert [q.speaker for q in found] == ["Ann Lee"]
    found = find_quotes('Tom Reed took to Twitter to say the polls are "phony."')
    assert [q.speaker for q in found] == ["Tom Reed"]
    found = find_quotes('Even Mayor Lee said "some people will be hurt."')
    assert [q.speaker for q in found] == ["Mayor Lee"]
    found = find_quotes("Even surveys by Republican-leaning groups show Reed is in trouble.")
    assert [q.speaker for q in found] == ["Republican-leaning groups"]
    found = find_quotes("Ann Lee would not comment. But, she said, the crowds are larger than "
                        "for Reed, who often speaks in small venues.")
    assert [(q.cue, q.speaker_name) for q in found] == [("parenthetical", "Ann Lee")]


def test_state_party_labels_titles_joined_by_and_and_long_asides():
    # worked by hand (an unseen allsides event and PolNeAR train-fit misses, invented
    # text): "Ann Lee, Texas Republican, said" is Ann Lee (before: "Texas Republican");
    # "..., as Tom Reed, California Democrat, has proposed." names no speaker "has";
    # "Executive Vice President and CEO Ann Lee, answering questions for the first time,
    # said" is one person (before: no quote, or "Executive Vice President; CEO Ann Lee");
    # "Tom Reed, a delegate from Ames, Iowa, said" (an aside after up to eight words that
    # open with a name)
    found = find_quotes("Sen. Ann Lee, Texas Republican, said clips should be a topic.")
    assert [q.speaker for q in found] == ["Sen. Ann Lee"]
    found = find_quotes("Lee said she opposes a ban, as Tom Reed, California Democrat, has "
                        "proposed.")
    assert [q.speaker for q in found] == ["Lee"]
    found = find_quotes("Executive Vice President and CEO Ann Lee, answering questions for the "
                        "first time, said the laws were not to blame.")
    assert [(q.speaker, q.speaker_name) for q in found] == [
        ("Executive Vice President and CEO Ann Lee",
         "Executive Vice President and CEO Ann Lee")]
    found = find_quotes("Tom Reed, a retired delegate from Ames, Iowa, said the vote was close.")
    assert [q.speaker for q in found] == ["Tom Reed"]


def test_a_verb_after_a_place_and_and_goes_on_with_the_earlier_speaker():
    # worked by hand (an unseen allsides event, invented text), the general list: "He added
    # that the US trains police in Iraq and asked why ..." (before: Iraq asked)
    from analysis.actors import load_actors

    found = find_quotes("He added that the US trains police in Iraq and asked why funds could "
                        "not be spent at home.", load_actors(event=None))
    assert [(q.speaker, q.actor) for q in found] == [("He", None), ("He", None)]


def test_a_participle_by_a_name_to_an_outlet_and_a_phrase_then_a_name():
    # worked by hand (an unseen allsides event, invented text): '"a sham," a
    # characterization rejected by the chairman, Tom Reed.' keeps Lee's quote (before: the
    # speaker "a characterization"); "Barring a surprise, passage is all but assured." is no
    # reported speech; "Kasowitz to CNBC: "..."" is Kasowitz (before: "Ah" of the line
    # before); "a phrase Lee said" is Lee (before: "a phrase Lee"); 'X was quoted by Interfax
    # as saying' stays a cue
    found = find_quotes('Lee called the process "a sham," a characterization rejected by the '
                        'chairman, Tom Reed.')
    assert [q.speaker for q in found] == ["Lee"]
    assert find_quotes("Barring a surprise, passage is all but assured.") == []
    found = find_quotes('Her staff claimed it was something. Ah, okay:\n\nKasowitz to CNBC: '
                        '"There have been no talks."')
    assert [q.speaker for q in found][-1] == "Kasowitz"
    found = find_quotes('He had "great respect" for Reed, a phrase Lee said he had used before.')
    assert [q.speaker for q in found][-1] == "Lee"
    found = find_quotes('"We will respond," Ryabkov was quoted by Interfax as saying.')
    assert [q.speaker for q in found] == ["Ryabkov"]


def test_datelines_counts_but_said_and_no_speech():
    # worked by hand (an unseen allsides event, invented text): "(CNN) President Ann Lee
    # announced" (before: "CNN) President Ann Lee"); "Yet two sources familiar with Lee's
    # plan told" (before: "Lee's"); 'X told reporters ..., but said he would be "accused of
    # nepotism"' (before: the nearest name); "Soon after the remarks, Ann Lee took to
    # Twitter:" then a quote (before: "Soon"); "There is no evidence to suggest that",
    # "despite what the media portrays." and "got told no" report nothing; "X said ..., but
    # said, "..."" keeps both statements X's
    found = find_quotes("(CNN) President Ann Lee announced Tuesday that Tom Reed has resigned.")
    assert [q.speaker for q in found] == ["President Ann Lee"]
    found = find_quotes("Yet two sources familiar with Lee's plan with Reed told CNN that she "
                        "had lost clout.")
    assert [q.speaker for q in found] == ["two sources"]
    found = find_quotes('Lee later told reporters that her son would be "great" as ambassador to '
                        'the United Nations, but said she would be "accused of nepotism."')
    assert [q.speaker for q in found] == ["Lee", "Lee"]
    found = find_quotes('Soon after the remarks, Ann Lee took to Twitter:\n\n"It is an honor."')
    assert [q.speaker for q in found] == ["Ann Lee"]
    assert find_quotes("There is no evidence to suggest that the request played a role.") == []
    assert find_quotes("Reed is a fighter, despite what the media portrays.") == []
    assert find_quotes("Supporters asked to be interviewed but got told no.") == []
    found = find_quotes('Lee said the members will still meet, but said, "It is time we change."')
    assert [(q.kind, q.speaker) for q in found] == [("reported", "Lee"), ("direct", "Lee")]


def test_an_author_after_by_a_head_before_with_and_a_relative_after_a_quote():
    # worked by hand (an unseen allsides event, invented text): "A study by the Southern
    # Poverty Law Center in April found" is the center (before: "Center in April"); "likely
    # voters with a college degree said" are the voters (before: "a college degree");
    # '"...," said Ann Lee, head of a group that focuses on ...' reports nothing more
    # (before: a reported "that" with no speaker); "Seventy-four percent of voters say"
    found = find_quotes("A study by the Southern Poverty Law Center in April found that most "
                        "teachers were hesitant.")
    assert [q.speaker for q in found] == ["Southern Poverty Law Center"]
    found = find_quotes("In phone interviews, likely voters with a college degree said they "
                        "support Lee.")
    assert [q.speaker for q in found] == ["likely voters"]
    found = find_quotes('"It is important," said Ann Lee, head of a group that focuses on '
                        'civics, to a radio station.')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Ann Lee")]
    found = find_quotes("Seventy-four percent of voters say they like Lee.")
    assert [q.speaker for q in found] == ["Seventy-four percent of voters"]


def test_a_day_an_aspect_verb_and_an_imperative_around_a_speaker():
    # worked by hand (an unseen allsides event, invented text): '"...," said House Speaker
    # Ann Lee Monday.' (before: "... Ann Lee Monday"), "President Lee keeps saying" (before:
    # "President Lee keeps"), "Add the 39% who say" (before: "Add the 39% who"); "One
    # Sunday" keeps its words
    found = find_quotes('"It is time," said House Speaker Ann Lee Monday.')
    assert [q.speaker for q in found] == ["House Speaker Ann Lee"]
    found = find_quotes("And if you are eligible, President Lee keeps saying, the cost is low.")
    assert [q.speaker for q in found] == ["President Lee"]
    found = find_quotes("Add the 39% who say they favor the law.")
    assert [q.speaker for q in found] == ["the 39% who"]


def test_a_running_mate_a_possessives_phrase_and_an_acronym_for_a_pronoun():
    # worked by hand (an unseen allsides event, invented text): "Lee's vice presidential
    # pick Tom Reed tells" is Tom Reed (before: "Lee's"); "his campaign at times in the past
    # two weeks has suggested" is his campaign (before: "past two weeks"); after "According
    # to CBS," a "he" is the man named before, not CBS
    found = find_quotes('Lee\u2019s vice presidential pick Tom Reed tells CNN: "There will be '
                        'no path."')
    assert [q.speaker for q in found] == ["Tom Reed"]
    found = find_quotes("As his campaign at times in the past two weeks has suggested he "
                        "could, it would be a shift.")
    assert [q.speaker for q in found] == ["his campaign"]
    found = find_quotes('Tom Reed said no. According to CBS, he later adds, "We will build a '
                        'wall."')
    assert [q.speaker_name for q in found][-1] == "Tom Reed"


def test_a_study_after_a_verb_and_the_writers_own_hedges():
    # worked by hand (an unseen allsides event, invented text): "The group released a
    # study that finds" names the study (before: "The group released a study"); "It's no
    # exaggeration to say", "it's safe to say" and "it's fair to say" are the writer's
    # words (before: reported speech by "It's no exaggeration")
    found = find_quotes("The group released a study that finds the rule will cost jobs.")
    assert [q.speaker_name for q in found] == ["a study"]
    for text in ("It's no exaggeration to say Lee sounded exactly like Reed.",
                 "It's safe to say the vote was close.", "It's fair to say he won."):
        assert find_quotes(text) == []


def test_resolve_speakers_false_keeps_the_quotes_and_leaves_the_pronoun():
    # worked by hand: the same three quotes (kinds, spans, words) either way; only the
    # last pass, which makes "she" stand for Ann Lee, is skipped
    text = ('Ann Lee met the board on Monday. "We will win," she said. Lee said that the '
            'vote was close.')
    full = find_quotes(text)
    fast = find_quotes(text, resolve_speakers=False)
    assert [(q.kind, q.start, q.end, q.quote) for q in fast] == \
        [(q.kind, q.start, q.end, q.quote) for q in full] == [
            ("direct", 34, 46, "We will win,"),
            ("reported", 72, 91, "the vote was close.")]
    assert [q.speaker_name for q in full] == ["Ann Lee", "Lee"]
    assert [q.speaker_name for q in fast] == ["she", "Lee"]


def test_count_quotes_counts_what_find_quotes_finds(seed, actors):
    from analysis.quotes import count_quotes

    # worked by hand: "steps" is Peskov's (cue before), so the reported "Russia is taking
    # steps to respond." repeats it and is dropped: one quote of one word; count_quotes
    # reads that quotation's cue since reported speech overlaps it
    assert count_quotes('Peskov stated that Russia is taking "steps" to respond.') == (1, 1)
    # two marked quotations and one "that" clause, which repeats the second: 2 + 3 + 1 words
    text = '"We will win," Lee said.\n\n"It is over." He said that it was "over".'
    assert count_quotes(text) == (3, 7)
    assert count_quotes("") == (0, 0)
    for text in seed.text:  # every article of the sample event, with its actor list
        found = find_quotes(text, actors, thoughts=False)
        assert count_quotes(text, actors) == (len(found), sum(q.n_words for q in found))
