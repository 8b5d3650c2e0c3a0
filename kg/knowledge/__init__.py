"""General knowledge as data: governments, posts and the vocabulary of diplomacy.

The tables are CSV files in this folder, documented in ``README.md`` beside them, so that a user
can extend them without touching code. :func:`load_knowledge` reads them once per process.

>>> knowledge = load_knowledge()
>>> knowledge.government_by_surface["Israeli"]
'Israel'
>>> knowledge.post_by_surface["foreign minister"].name
'Foreign Minister'
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.errors import KgError
from kg.model import Kind, Mode


@dataclass(frozen=True)
class Government:
    """A state, authority or international organisation, with the words that name it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    #: the state's legislature by its own name ("Knesset", "State Great Khural"): it names the
    #: state, and a post of it keeps it ("Speaker of the Knesset")
    legislatures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Post:
    """A normalised post ("Foreign Minister") and its surface forms."""

    name: str
    aliases: tuple[str, ...]
    default_government: str | None


@dataclass(frozen=True)
class Trigger:
    """Words that report a communication (a regular expression), and what they imply."""

    pattern: str
    kind: str
    mode: str
    #: who starts the communication: the grammatical "subject", the "object" (the one who is
    #: received or hosted), the "chair" of an event whose attendees the text names after it
    #: ("chaired by X", "under X's chairmanship"), or "" when the words do not say
    initiator: str


@dataclass(frozen=True)
class Term:
    """One continuous spell of one person in one post."""

    post: str
    government: str
    start: dt.date
    #: None while the person is still in office
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Whether the person held the post on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class OfficeHolder:
    """A holder of an office the gazetteer covers (``office_holders/*.csv``: heads of state and
    government, foreign ministers, heads of organisations, defence ministers, envoys…), with the
    names English news calls them by."""

    name: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]

    def terms_near(self, day: dt.date | None, reach: int = 60) -> tuple[Term, ...]:
        """The terms held on ``day`` or in the ``reach`` days before it (what a report of that
        day can call the person), else the latest begun by then; every term without a day.

        >>> terms = (Term("Prime Minister", "Russia", dt.date(2008, 5, 8), dt.date(2012, 5, 7)),
        ...          Term("President", "Russia", dt.date(2012, 5, 7), None))
        >>> [t.post for t in OfficeHolder("Vladimir Putin", (), terms).terms_near(dt.date(2017, 7, 9))]
        ['President']
        """
        if day is None:
            return self.terms
        since = day - dt.timedelta(days=reach)
        near = tuple(t for t in self.terms if t.start <= day and (t.end is None or t.end >= since))
        latest = self.term_on(day)
        return near or ((latest,) if latest else ())

    def term_on(self, day: dt.date | None) -> Term | None:
        """The term in office on ``day``; without a day, or out of office, the latest one begun
        by then (a former president is still their country's)."""
        if day is not None:
            current = [t for t in self.terms if t.covers(day)]
            if current:
                return current[0]
            begun = [t for t in self.terms if t.start <= day]
            return max(begun, key=lambda t: t.start) if begun else None
        return max(self.terms, key=lambda t: t.start) if self.terms else None


@dataclass(frozen=True, eq=False)
class Knowledge:
    """Lookup tables built from the CSV files (hashed by identity, so compiled patterns can be
    cached per knowledge base)."""

    governments: tuple[Government, ...]
    posts: tuple[Post, ...]
    #: surface form (name, alias or demonym, case as written) -> canonical government name
    government_by_surface: dict[str, str]
    #: capital city -> canonical government name
    government_by_capital: dict[str, str]
    #: surface form -> Post
    post_by_surface: dict[str, Post]
    #: role ("particle", "honorific", "modifier", "domain", "stop", "name_after_title",
    #: "name_inside", "institution", "private", "private_body")
    #: -> words (name_words.csv)
    words: dict[str, frozenset[str]]
    triggers: tuple[Trigger, ...]
    #: effect ("planned", "negated", "hypothetical") -> cue words
    factuality: dict[str, tuple[str, ...]]
    #: the gazetteer: office-holders complete by construction for each scope it covers
    office_holders: tuple[OfficeHolder, ...] = ()
    #: every state's legislature by name (``Government.legislatures``)
    legislatures: frozenset[str] = frozenset()
    #: an honorific only one state's officials bear ("Shri", "Datuk") -> that government
    government_by_honorific: dict[str, str] = field(default_factory=dict)

    def government(self, name: str) -> Government | None:
        """The government called ``name`` (canonical name), or None."""
        return next((g for g in self.governments if g.name == name), None)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files("kg.knowledge").joinpath(filename).open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


@lru_cache(maxsize=1)
def past_forms() -> frozenset[str]:
    """The simple past of the irregular verbs in ``verb_forms.csv`` ("met", "sat", "flew"):
    with the regular "-ed", what tells a report of the past from an announcement."""
    return frozenset(form for row in _rows("verb_forms.csv") for form in row["past"].split("|"))


@lru_cache(maxsize=1)
def present_forms() -> frozenset[str]:
    """The present tense and participle of the verbs in ``verb_forms.csv`` ("meet", "meets",
    "meeting"): with a weekday, the present tense of news announces a schedule ("Ruto meets
    Hassan on Monday", "the two meet on Friday", "is hosting X on Friday").

    >>> {"meets", "hosting"} <= present_forms(), "met" in present_forms()
    (True, False)
    """
    return frozenset(form for row in _rows("verb_forms.csv")
                     for column in ("lemma", "third_person", "present_participle")
                     for form in row[column].split("|"))


@lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    """Read the knowledge tables shipped with kg (cached: the files are read-only package data)."""
    governments = tuple(
        Government(
            name=row["name"],
            kind=row["kind"],
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
            capitals=_split(row["capitals"]),
            legislatures=_split(row["legislatures"]),
        )
        for row in _rows("governments.csv")
    )
    posts = tuple(
        Post(
            name=row["post"],
            aliases=_split(row["aliases"]),
            default_government=row["default_government"] or None,
        )
        for row in _rows("posts.csv")
    )
    by_surface: dict[str, str] = {}
    for government in governments:
        for surface in (government.name, *government.aliases, *government.demonyms,
                        *government.legislatures):
            by_surface.setdefault(surface, government.name)
    by_capital = {capital: g.name for g in governments for capital in g.capitals}
    post_by_surface: dict[str, Post] = {}
    for post in posts:
        for surface in (post.name, *post.aliases):
            post_by_surface.setdefault(surface, post)
    word_rows = _rows("name_words.csv")
    words = _grouped(word_rows, "role", "word")
    forms = {row["lemma"]: row for row in _rows("verb_forms.csv")}
    return Knowledge(
        governments,
        posts,
        by_surface,
        by_capital,
        post_by_surface,
        {role: frozenset(members) for role, members in words.items()},
        _triggers(forms),
        _grouped(_rows("factuality_cues.csv"), "effect", "cue"),
        _office_holders(by_surface),
        frozenset(name for g in governments for name in g.legislatures),
        {row["word"]: row["government"] for row in word_rows
         if row["role"] == "honorific" and row.get("government")},
    )


def _triggers(forms: dict[str, dict[str, str]]) -> tuple[Trigger, ...]:
    """The rows of ``communication_triggers.csv``, each checked, so that a user's new row that
    does not parse is named by its line rather than failing later inside the extractor."""
    kinds = {kind.value for kind in Kind}
    modes = {mode.value for mode in Mode}
    triggers = []
    for line, row in enumerate(_rows("communication_triggers.csv"), start=2):
        where = f"communication_triggers.csv:{line}"
        if row["kind"] not in kinds or row["mode"] not in modes \
                or row["initiator"] not in ("subject", "object", "chair", ""):
            raise KgError(f"{where}: kind {row['kind']!r}, mode {row['mode']!r} or initiator "
                          f"{row['initiator']!r} is not one of the known values (a comma inside "
                          f"a trigger needs the cell in double quotes)")
        pattern = _with_inflections(row["trigger"], forms)
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise KgError(f"{where}: the trigger is no regular expression: {error}") from None
        triggers.append(Trigger(pattern, row["kind"], row["mode"], row["initiator"]))
    return tuple(triggers)


LEMMA = re.compile(r"\{(?P<lemma>[a-z]+)(?P<without>-ing)?\}")


def _with_inflections(pattern: str, irregular: dict[str, dict[str, str]]) -> str:
    """A trigger pattern with each ``{lemma}`` spelt out in all its forms, so the table names a
    verb once ("{greet}": greet, greets, greeted, greeting); ``{lemma-ing}`` leaves out the
    ``-ing`` form where it is mostly a noun ("meeting").

    >>> _with_inflections("{greet}|{host} with", {})
    '(?:greet|greets|greeted|greeting)|(?:host|hosts|hosted|hosting) with'
    """
    def spelt(match: re.Match) -> str:
        lemma = match.group("lemma")
        row = irregular.get(lemma)
        if row:
            forms = [lemma, row["third_person"], *row["past"].split("|"),
                     *row["past_participle"].split("|"), *row["present_participle"].split("|")]
        else:
            forms = [lemma, *_regular_forms(lemma)]
        if match.group("without"):
            forms = [f for f in forms if not f.endswith("ing")]
        return "(?:" + "|".join(dict.fromkeys(forms)) + ")"

    return LEMMA.sub(spelt, pattern)


def _regular_forms(lemma: str) -> list[str]:
    """Third person, past and present participle of a regular English verb.

    >>> _regular_forms("receive"), _regular_forms("discuss"), _regular_forms("testify")
    (['receives', 'received', 'receiving'], ['discusses', 'discussed', 'discussing'], ['testifies', 'testified', 'testifying'])
    """
    if re.search(r"[^aeiou]y$", lemma):
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if lemma.endswith("e"):
        return [third, lemma + "d", lemma[:-1] + "ing"]
    return [third, lemma + "ed", lemma + "ing"]


def _office_holders(government_by_surface: dict[str, str]) -> tuple[OfficeHolder, ...]:
    """Every row of ``office_holders/*.csv``, one holder per name with all their terms (a
    government written another way, "Economic Community of West African States", is named
    as ``governments.csv`` names it, "ECOWAS")."""
    folder = resources.files("kg.knowledge").joinpath("office_holders")
    terms: dict[str, list[Term]] = {}
    aliases: dict[str, list[str]] = {}
    for table in sorted((f for f in folder.iterdir() if f.name.endswith(".csv")),
                        key=lambda f: f.name):
        with table.open(encoding="utf-8") as stream:
            for line, row in enumerate(csv.DictReader(stream), start=2):
                try:
                    start = _partial_date(row["start"], last=False)
                    end = _partial_date(row["end"], last=True)
                except ValueError as error:
                    raise KgError(f"{table.name}:{line}: {error}") from None
                if start is None:
                    raise KgError(f"{table.name}:{line}: a term needs its start")
                name = row["name"].strip()
                government = row["government"].strip()
                terms.setdefault(name, []).append(Term(
                    row["post"].strip(), government_by_surface.get(government, government), start,
                    end))
                known = aliases.setdefault(name, [])
                known.extend(a for a in _split(row["aliases"]) if a not in known)
    return tuple(OfficeHolder(name, tuple(aliases[name]), tuple(terms[name])) for name in terms)


def _partial_date(cell: str, last: bool) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or month alone stands for its first day
    (a start) or its last day (an end, ``last``).

    >>> _partial_date("2009", last=True), _partial_date("2016-02", last=True)
    (datetime.date(2009, 12, 31), datetime.date(2016, 2, 29))
    """
    if not cell.strip():
        return None
    if not re.fullmatch(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?", cell.strip()):
        raise ValueError(f"bad date {cell!r}")
    parts = [int(p) for p in cell.strip().split("-")]
    year, month, day = (parts + [None, None])[:3]
    if month is None:
        month = 12 if last else 1
    if day is None:
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        day = (following - dt.timedelta(days=1)).day if last else 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"bad date {cell!r}") from None


def _grouped(rows: list[dict[str, str]], key: str, value: str) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row[value])
    return {k: tuple(v) for k, v in groups.items()}
