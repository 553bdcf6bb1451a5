"""Blind reading: hide which outlet wrote which article, then reveal it.

A classic media-literacy exercise: read the reports without knowing their source, guess the
outlet (or its leaning) from how the story is told, then compare. :func:`anonymise` gives
each outlet a neutral label ("Outlet A", "Outlet B", ...) in a shuffled order and masks the
outlet's name where the text gives it away (a dateline such as "Shafaq News/");
:func:`score_guesses` marks a class's guesses against the key; :func:`printables` writes the
round as pages to print, with a separate answer sheet for the teacher.

>>> from analysis import from_texts
>>> blind, key = anonymise(from_texts({"Daily Planet": "Daily Planet reporters saw it.",
...                                    "Evening Star": "Calm day."}), seed=1)
>>> sorted(blind["outlet"]), bool(blind["text"].str.contains("Planet").any())
(['Outlet A', 'Outlet B'], False)
"""

from __future__ import annotations

import html
import os
import random
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

__all__ = ["GENERIC_WORDS", "MASK", "PLACE_NAMES", "QUESTIONS", "TRAILING_WORDS", "anonymise",
           "name_pattern", "name_variants", "printables", "resolve_guess", "score_guesses"]

#: What replaces an outlet's name inside the text.
MASK = "[outlet]"
# Generic words of outlet names: "Shafaq News" is also called just "Shafaq", and "Fox News
# Digital" is Fox News.
GENERIC_WORDS = frozenset({
    "news", "times", "post", "daily", "online", "tv", "today", "network", "agency", "media",
    "press", "journal", "herald", "tribune", "report", "digital", "web", "the",
})
# Words that may follow an outlet's name and still be its name ("Fox News Digital").
TRAILING_WORDS = frozenset({"news", "digital", "online", "tv", "network", "agency", "web"})
# Places that name newspapers: a short form that is one of them ("Washington" for the
# Washington Post) would mask the place too, so it is not used.
PLACE_NAMES = frozenset({
    "new york", "washington", "los angeles", "chicago", "boston", "london", "moscow", "kyiv",
    "baghdad", "berlin", "paris", "jerusalem", "toronto", "sydney", "seattle", "miami",
    "houston", "dallas", "denver", "atlanta", "philadelphia", "frankfurt", "munich", "hamburg",
    "tehran", "beirut", "cairo", "dubai", "doha", "istanbul", "delhi", "tokyo", "beijing",
})
_TLDS = (".com", ".de", ".co.uk", ".org", ".net", ".news", ".tv")


def name_variants(outlet: str, *, urls: Iterable[str] = ()) -> list[str]:
    """The names an outlet goes by, to be masked in a blind round; longest first.

    The name as given, without "The", its dashes dropped or spaced, its short form without
    generic last words when that form is one word and not a place ("Shafaq" for Shafaq
    News, but not "New York" for the New York Times), the initials of a three-word name
    ("NYT"), its site names and the domains of its ``urls``. A word the name only shares
    with a place is never a variant on its own, so "New York City" stays.

    >>> name_variants("The New York Times", urls=["https://www.nytimes.com/2024/x.html"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['The New York Times', 'newyorktimes.com', 'New York Times', 'newyorktimes',
     'nytimes.com', 'nytimes', 'NYT']
    >>> name_variants("Shafaq News")
    ['shafaqnews.com', 'Shafaq News', 'shafaq.com', 'shafaqnews', 'Shafaq']
    """
    name = re.sub(r"\(.*?\)", "", outlet).strip() or outlet  # "CNN (Web News)" -> CNN
    variants = {outlet, name, name.replace("-", ""), name.replace("-", " ")}
    words = name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
        variants.add(" ".join(words))
    core = list(words)
    while len(core) > 1 and core[-1].casefold().strip(".") in GENERIC_WORDS:
        core = core[:-1]
    short = " ".join(core)
    bases = {"".join(words)}
    if short.casefold() not in PLACE_NAMES and (len(core) == 1 or len(core) == len(words)):
        variants.add(short)
        bases.add(short)
    if len(words) >= 3:
        variants.add("".join(w[0] for w in words if w[0].isalpha()).upper())
    for base in bases:
        base = re.sub(r"[^\w-]", "", base).lower()
        if len(base) >= 4 and base not in PLACE_NAMES:
            variants |= {base, base + ".com"}
    for url in urls:
        host = urlparse(str(url)).hostname or ""
        host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
        if "." in host:
            variants.add(host)
            site = host.split(".")[0]
            if len(site) >= 4 and site not in PLACE_NAMES:
                variants.add(site)
    for variant in list(variants):
        for suffix in _TLDS:
            if variant.endswith(suffix) and len(variant) > len(suffix) + 3:
                variants.add(variant.removesuffix(suffix))
    unique = {v.casefold(): v for v in sorted(variants, reverse=True)}  # "Shafaq" over "shafaq"
    return sorted((v for k, v in unique.items() if len(k) >= 3 and k not in PLACE_NAMES),
                  key=lambda v: (-len(v), v.casefold()))


def name_pattern(variants: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every variant, with an optional leading "the" and trailing generic
    words ("The New York Times", "Fox News Digital"), matching whole words only. A
    one-word variant with capitals ("Fox", "NYT") matches only as written or in capitals,
    so "a fox" stays.

    >>> name_pattern(["Fox News", "Fox"]).sub(MASK, "Fox News Digital saw a fox. FOX said")
    '[outlet] saw a fox. [outlet] said'
    """
    variants = sorted(set(variants), key=len, reverse=True)
    if not variants:
        return None
    generic = "|".join(sorted(TRAILING_WORDS))
    alternatives = [
        f"(?-i:{re.escape(v)}|{re.escape(v.upper())})" if " " not in v and v != v.lower()
        else re.escape(v)
        for v in variants
    ]
    return re.compile(
        r"(?<![\w.-])(?:the\s+)?(?:" + "|".join(alternatives) + r")"
        r"(?:'s|’s)?(?:\s+(?:" + generic + r")\b)*(?![\w-])",
        re.IGNORECASE,
    )


def anonymise(
    corpus: pd.DataFrame, *, seed: int | None = None, prefix: str = "Outlet"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hide the outlets of ``corpus``.

    Returns ``(blind, key)``. ``blind`` is a new corpus in shuffled row order whose
    ``outlet`` is a label (``"Outlet A"``...), whose ``article_id`` is ``"<label>-<n>"``,
    whose ``url``, ``source`` and ``leaning`` are emptied, and whose ``title`` and ``text``
    have the outlet's name (and its short form, e.g. "Shafaq" for "Shafaq News") replaced by
    ``[outlet]``. ``key`` has ``label, outlet, leaning, n_articles``. The input is not changed.

    ``seed`` fixes the shuffle, so a teacher can prepare the key in advance.
    """
    if "outlet" not in corpus.columns or "text" not in corpus.columns:
        raise ValueError("anonymise needs 'outlet' and 'text' columns")
    outlets = sorted(corpus["outlet"].unique(), key=str.casefold)
    if len(outlets) > 26 * 26:
        raise ValueError(f"too many outlets to label ({len(outlets)})")
    rng = random.Random(seed)
    rng.shuffle(outlets)

    def label(i: int) -> str:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        return f"{prefix} {letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]}"

    labels = {outlet: label(i) for i, outlet in enumerate(outlets)}
    urls = (corpus.groupby("outlet")["url"].agg(lambda s: [u for u in s if isinstance(u, str)])
            if "url" in corpus.columns else pd.Series(dtype=object))
    pattern = name_pattern(v for o in outlets for v in name_variants(o, urls=urls.get(o, [])))

    def mask(text: object) -> object:
        return pattern.sub(MASK, text) if pattern and isinstance(text, str) else text

    blind = corpus.sample(frac=1, random_state=rng.randrange(2**32)).reset_index(drop=True)
    blind = blind.assign(
        outlet=blind["outlet"].map(labels),
        text=blind["text"].map(mask),
        title=blind["title"].map(mask) if "title" in blind.columns else "",
    )
    number = (blind.groupby("outlet").cumcount() + 1).astype(str)
    blind["article_id"] = blind["outlet"] + "-" + number
    for column in ("url", "source", "leaning", "raw_text", "notes"):
        if column in blind.columns:
            blind[column] = ""
    counts = corpus.groupby("outlet").size()
    leanings = (corpus.groupby("outlet")["leaning"].first() if "leaning" in corpus.columns
                else pd.Series("", index=counts.index))
    key = pd.DataFrame(
        [(labels[o], o, leanings.get(o, ""), int(counts[o])) for o in outlets],
        columns=["label", "outlet", "leaning", "n_articles"],
    ).sort_values("label", ignore_index=True)
    return blind, key


def resolve_guess(guess: str, outlets: Iterable[str]) -> str:
    """The outlet a typed guess names, or the guess as typed if it names none (or several).

    A guess names an outlet when it is one of the outlet's names (:func:`name_variants`),
    in any case: "shafaq", "Shafaq News" and "SHAFAQ" all name Shafaq News.

    >>> resolve_guess(" shafaq ", ["Shafaq News", "n-tv"]), resolve_guess("CNN", ["n-tv"])
    ('Shafaq News', 'CNN')
    """
    text = " ".join(str(guess).split())
    found = [o for o in outlets
             if any(text.casefold() == v.casefold() for v in (o, *name_variants(o)))]
    return found[0] if len(found) == 1 else text


def score_guesses(guesses: Mapping[str, str], key: pd.DataFrame) -> pd.DataFrame:
    """Mark guesses ``{label: outlet}`` against the key from :func:`anonymise`.

    A guess may be any name of the outlet (:func:`resolve_guess`). Returns
    ``label, guess, outlet, correct`` for every label (a label not guessed has an
    empty guess and counts as wrong).

    >>> key = pd.DataFrame({"label": ["Outlet A", "Outlet B"], "outlet": ["X", "Y"]})
    >>> score_guesses({"Outlet A": "Y", "Outlet B": "Y"}, key)
          label guess outlet  correct
    0  Outlet A     Y      X    False
    1  Outlet B     Y      Y     True
    """
    unknown = set(guesses) - set(key["label"])
    if unknown:
        raise ValueError(f"no such label(s): {sorted(unknown)}; the labels are "
                         f"{key['label'].tolist()}")
    out = key[["label", "outlet"]].copy()
    outlets = list(key["outlet"])
    out.insert(1, "guess", out["label"].map(
        lambda lab: resolve_guess(guesses[lab], outlets) if guesses.get(lab) else ""))
    out["correct"] = out["guess"] == out["outlet"]
    return out


# --- printables --------------------------------------------------------------------------

_PRINT_CSS = """
@page{size:A4;margin:16mm 16mm 18mm}
body{font-family:Georgia,'Times New Roman',serif;font-size:11pt;line-height:1.45;color:#111;
max-width:46em;margin:1em auto;padding:0 1em}
h1,h2,h3,.label,.questions,table{font-family:system-ui,sans-serif}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;margin:.2em 0 .4em}
.sheet{break-after:page;page-break-after:always}.sheet:last-child{break-after:auto}
.label{display:inline-block;border:2px solid #111;padding:.1em .6em;font-weight:bold}
.title{font-size:1.2em;font-weight:bold;margin:.5em 0}
.text p{margin:.35em 0;text-align:justify;hyphens:auto}
.questions{break-inside:avoid;margin-top:1em;font-size:.95em}
.questions li{margin:.4em 0 0}
.write{height:3.6em;background:repeating-linear-gradient(transparent 0 1.15em,#999 1.15em
calc(1.15em + 1px));margin:.2em 0 .6em}
.note{font-size:.9em;color:#444}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}
@media screen{.sheet{border-bottom:2px dashed #bbb;padding-bottom:1.5em;margin-bottom:1.5em}}
"""

#: The questions under each article of the printed blind round.
QUESTIONS = (
    "Which outlet do you think wrote this, and what kind of outlet is it (country, "
    "newspaper, TV, agency)? What gave it away?",
    "Who is quoted, and with which verbs ('said', 'claimed', 'warned')?",
    "Which words tell you how the writer sees the event?",
    "What might this report leave out?",
)


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n", text or "") if b.strip()]
    return "".join(f"<p>{html.escape(b)}</p>" for b in blocks)


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(title)}"
            f"</title><style>{_PRINT_CSS}</style><body>{body}</body></html>")


def _student_sheets(blind: pd.DataFrame, event: str) -> str:
    intro = (
        f"<div class=sheet><h1>Blind reading: who wrote this?</h1>"
        f"<p class=note>{html.escape(event)} · {len(blind)} reports, from "
        f"{blind['outlet'].nunique()} outlets. The names of the outlets are hidden "
        f"(shown as {html.escape(MASK)}).</p>"
        "<ol class=questions><li>Read every report once, quickly.</li>"
        "<li>Read each one again and answer the questions under it.</li>"
        "<li>Compare: which report would you trust most, and why?</li></ol>"
    )
    sheets = []
    for i, row in enumerate(blind.sort_values(["outlet", "article_id"]).itertuples()):
        questions = "".join(f"<li>{html.escape(q)}<div class=write></div></li>"
                            for q in QUESTIONS)
        start = intro if i == 0 else "<div class=sheet>"
        sheets.append(
            f"{start}<span class=label>{html.escape(row.outlet)}</span>"
            f"<div class=title>{html.escape(str(getattr(row, 'title', '') or ''))}</div>"
            f"<div class=text>{_paragraphs(row.text)}</div>"
            f"<ol class=questions>{questions}</ol></div>"
        )
    compare = "".join(
        f"<li>{html.escape(q)}<div class=write></div></li>" for q in (
            "Put the reports in order from most to least sympathetic to each side. Why?",
            "Which details appear in one report only?",
            "Which report would you forward to a friend, and what would you add?",
        ))
    sheets.append(f"<div class=sheet><h2>Compare the reports</h2><ol class=questions>"
                  f"{compare}</ol></div>")
    return "".join(sheets)


def _teacher_sheet(corpus: pd.DataFrame, blind: pd.DataFrame, key: pd.DataFrame,
                   event: str) -> str:
    from .comparison import distinctive_words
    from .quotes import voice_table

    masks = blind.groupby("outlet")["text"].agg(lambda s: sum(t.count(MASK) for t in s))
    words = (distinctive_words(corpus, stopwords="english", min_count=2)
             if corpus["outlet"].nunique() > 1 else pd.DataFrame(columns=["group", "term", "z"]))
    voices = voice_table(corpus)
    rows, evidence = [], []
    for r in key.itertuples():
        rows.append(f"<tr><td>{html.escape(r.label)}</td><td>{html.escape(r.outlet)}</td>"
                    f"<td>{html.escape(str(r.leaning or ''))}</td><td>{r.n_articles}</td>"
                    f"<td>{int(masks.get(r.label, 0))}</td></tr>")
        top = words[(words["group"] == r.outlet) & (words["z"] > 0)].nlargest(8, "z")
        said = voices[voices["outlet"] == r.outlet].nlargest(3, "quoted_words")
        evidence.append(
            f"<h3>{html.escape(r.label)} = {html.escape(r.outlet)}</h3><ul>"
            "<li>Words it uses more than the others: "
            + (", ".join(f"{html.escape(t)} (z {z:.1f})" for t, z in zip(top["term"], top["z"],
                                                                       strict=True)) or "none")
            + "</li><li>Who speaks most: "
            + (", ".join(f"{html.escape(str(v))} ({int(n)} words)"
                         for v, n in zip(said["voice"], said["quoted_words"], strict=True))
               or "nobody quoted")
            + f"</li><li>Places where the text named its outlet (now {html.escape(MASK)}): "
            f"{int(masks.get(r.label, 0))}</li></ul>"
        )
    return (
        f"<div class=sheet><h1>Answer sheet (for the teacher)</h1>"
        f"<p class=note>{html.escape(event)}. Keep this page apart from the students' "
        "copies.</p><table><tr><th>label</th><th>outlet</th><th>leaning</th><th>articles</th>"
        f"<th>names masked</th></tr>{''.join(rows)}</table>"
        "<h2>The evidence</h2><p class=note>Word counts are leads, not proof: z above 1.96 "
        "is the usual bar, and short reports rarely reach it. Ask the class for the "
        "sentences.</p>"
        f"{''.join(evidence)}</div>"
    )


def printables(
    corpus: pd.DataFrame,
    out_dir: str | os.PathLike[str],
    *,
    seed: int | None = None,
    clean: bool = True,
    title: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the blind round for classrooms without laptops: two HTML pages to print.

    ``blind-round.html`` has a cover page with the instructions, then one page per
    anonymised article with the questions (:data:`QUESTIONS`) and room to write, and a last
    page to compare; it names no outlet. ``blind-answers.html`` is the teacher's sheet: the
    key, and per outlet the words it uses more than the others, who speaks most, and how
    often its own name was masked. Print from the browser (A4; each article starts a page).
    The same ``seed`` gives the same labels as :func:`anonymise` and the Voilà round.
    ``title`` heads the sheets (default: the event's name in the corpus); check it names no
    outlet.

    Returns the two paths, student sheet first.
    """
    from .cleaning import clean_corpus
    from .outputs import write_text

    corpus = clean_corpus(corpus) if clean else corpus
    if corpus["outlet"].nunique() < 2:
        raise ValueError("a blind round needs articles from at least two outlets")
    blind, key = anonymise(corpus, seed=seed)
    event = title or (str(corpus["event"].iloc[0]) if "event" in corpus.columns
                      else "Blind round")
    out = Path(out_dir)
    student = write_text(out / "blind-round.html",
                         _page("Blind reading: who wrote this?", _student_sheets(blind, event)),
                         force=force)
    teacher = write_text(out / "blind-answers.html",
                         _page("Blind reading: answer sheet",
                               _teacher_sheet(corpus, blind, key, event)), force=force)
    return [student, teacher]
