"""Extraction: one article in, plain records out (officials, communications, quotes).

The extractor is a function of the article's text and metadata alone (the only outside input
is a time limit that stops a pathological article): it knows nothing of RDF, so any engine that
can map a function over articles (processes, Spark, Dask, Ray) can run it.

:func:`extract` runs these stages in order, each a module that says what it adds:

1. :mod:`~kg.extract.sentences` — text structure: sentences, paragraphs, quotations;
2. :mod:`~kg.extract.officials` — the officials and every mention of them (a
   :class:`~kg.extract.cast.Cast`), from
   :mod:`~kg.extract.names` (names and titles as written: titled, appositive and owned names),
   :mod:`~kg.extract.office_holders` (the gazetteer of office-holders),
   :mod:`~kg.extract.reference` (title-only mentions, pronouns with gender, first person,
   quotation speakers) and :mod:`~kg.extract.governments` (whom each official represents);
3. :mod:`~kg.extract.communications` — each trigger's mention of a contact or statement, from
   :mod:`~kg.extract.triggers` (trigger words, factuality, mode),
   :mod:`~kg.extract.clauses` (subjects, objects, coordination, initiator),
   :mod:`~kg.extract.reference` (group phrases: "the two leaders"),
   :mod:`~kg.extract.dates` (the event's day and the narrative's) and
   :mod:`~kg.extract.governments` (unnamed counterparts, visited countries);
   then :mod:`~kg.extract.events` merges the mentions of one event and adds companions,
   envoys, visitors and bare remarks;
4. here: quotations with their speakers, and whom each official acts for ("on behalf of").

>>> import datetime as dt
>>> from kg.model import Article, Meta
>>> article = Article(Meta(id="a1", published=dt.date(2021, 5, 13)),
...                   "US Secretary of State Antony Blinken spoke on Wednesday with "
...                   "Palestinian Authority chairman Mahmoud Abbas.")
>>> extraction = extract(article)
>>> [(o.name, o.government) for o in extraction.officials]
[('Antony Blinken', 'United States'), ('Mahmoud Abbas', 'Palestinian Authority')]
>>> [(c.participants, str(c.date)) for c in extraction.communications]
[(('Antony Blinken', 'Mahmoud Abbas'), '2021-05-12')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kg.errors import ArticleError
from kg.extract.cast import Cast
from kg.extract.communications import find_communications
from kg.extract.dates import DATELINE, dateline_date
from kg.extract.officials import find_officials
from kg.knowledge import Knowledge, load_knowledge
from kg.model import Article, Extraction, Official, Quote, Span

__all__ = ["extract"]


#: seconds one article may take before its extraction stops with an error
DEFAULT_TIME_LIMIT = 120.0
#: MiB of memory one article's extraction may add before it stops with an error (an article
#: at the 10 MiB size cap needs about half of it)
DEFAULT_MEMORY_LIMIT = 2048


def extract(article: Article, knowledge: Knowledge | None = None,
            time_limit: float | None = None, memory_limit: float | None = None) -> Extraction:
    """Extract the officials, communications and quotes that ``article`` reports.

    Extraction costs about linear time in the text; ``time_limit`` (seconds, default
    ``KG_MAX_EXTRACT_SECONDS`` or 120) and ``memory_limit`` (MiB of resident memory added
    since the article began, default ``KG_MAX_EXTRACT_MB`` or 2048) stop a pathological
    article with an :class:`~kg.errors.ArticleError` instead of holding the machine.
    """
    knowledge = knowledge or load_knowledge()
    budget = Budget.starting(
        article.id,
        default_time_limit() if time_limit is None else time_limit,
        default_memory_limit() if memory_limit is None else memory_limit)
    warnings = []
    text = blank_markup(article.text)
    if text != article.text:
        warnings.append(f"{article.id}: HTML markup in the text; tags and entities read as spaces")
    text = unshout_names(text)
    if not looks_english(text):
        warnings.append(f"{article.id}: the text does not look English; the extractor reads English")
    published = article.meta.published
    if published is None and (published := dateline_date(text, dt.date.today())) is not None:
        warnings.append(f"{article.id}: no publication date; relative dates count from the "
                        f"dateline's {published.isoformat()}")
    # A ministry's press release is a readout too: it speaks for that ministry's government.
    readout = article.meta.source in ("government readout", "press release")
    cast = find_officials(text, knowledge, published, readout, budget.check)
    communications = find_communications(text, published, cast, knowledge, budget.check,
                                         readout=article.meta.source == "government readout")
    headline = _headline_end(text, article.meta.title)
    if headline:
        # A headline sums up what the body reports: what only the headline tells is no event
        # ("Xi Meets A and B" over two bilateral meetings).
        communications = [c for c in communications
                          if any(span.start >= headline for span in c.evidence)]
    budget.check()
    if not cast.officials:
        warnings.append(f"{article.id}: no official found")
    extraction = Extraction(
        article=article,
        officials=_taking_part(_with_principals(text, cast), cast.former, communications),
        communications=tuple(communications),
        quotes=tuple(
            Quote(text=text[start + 1 : end - 1], speaker=speaker, span=Span(start, end, text[start:end]))
            for (start, end), speaker in sorted(cast.quote_speakers.items())
        ),
        warnings=tuple(warnings),
    )
    return extraction if text == article.text else _with_original_text(extraction)


def _taking_part(officials, former: frozenset[str], communications) -> tuple:
    """The officials, less those given only as former holders of a post who take part in
    nothing the article reports (guests at a funeral, a predecessor recalled): the schema's
    officials act in an official capacity."""
    present = {name for c in communications for name in c.participants}
    return tuple(o for o in officials if o.name not in former or o.name in present)


def default_time_limit() -> float:
    """``$KG_MAX_EXTRACT_SECONDS`` when it is a positive number, else 120."""
    return _positive_setting("KG_MAX_EXTRACT_SECONDS", DEFAULT_TIME_LIMIT)


def default_memory_limit() -> float:
    """``$KG_MAX_EXTRACT_MB`` when it is a positive number, else 2048."""
    return _positive_setting("KG_MAX_EXTRACT_MB", DEFAULT_MEMORY_LIMIT)


def _positive_setting(variable: str, default: float) -> float:
    try:
        value = float(os.environ.get(variable, default))
    except ValueError:
        return default
    return value if value > 0 else default


def _headline_end(text: str, title: str | None) -> int:
    """Where the text's first line ends when it is the article's title, else 0."""
    first = text.lstrip().split("\n", 1)[0]
    if not title or first.strip().lower() != title.strip().lower():
        return 0
    return len(text) - len(text.lstrip()) + len(first)


def resident_bytes() -> int | None:
    """This process's resident memory in bytes, or None where the system does not say
    (``/proc`` is Linux's; elsewhere only the time limit holds)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@dataclass(frozen=True)
class Budget:
    """When an article's extraction must have finished, and how much memory it may add."""

    article_id: str
    at: float
    seconds: float
    resident_at_start: int | None
    memory_mib: float
    resident: Callable[[], int | None] = field(default=resident_bytes, repr=False)

    @classmethod
    def starting(cls, article_id: str, seconds: float, memory_mib: float,
                 resident: Callable[[], int | None] = resident_bytes) -> Budget:
        """The budget of an article whose extraction begins now."""
        return cls(article_id, time.monotonic() + seconds, seconds, resident(), memory_mib,
                   resident)

    def check(self) -> None:
        """Raise :class:`ArticleError` once the time or the memory is spent."""
        if time.monotonic() > self.at:
            raise ArticleError(
                f"{self.article_id}: extraction stopped after {self.seconds:g} s; the text is "
                f"too long or dense to read in that time (KG_MAX_EXTRACT_SECONDS raises the limit)")
        now = self.resident() if self.resident_at_start is not None else None
        if now is not None and now - self.resident_at_start > self.memory_mib * 2**20:
            raise ArticleError(
                f"{self.article_id}: extraction stopped after it took {self.memory_mib:g} MiB of "
                f"memory; the text is too long or dense to read in that memory "
                f"(KG_MAX_EXTRACT_MB raises the limit)")


MARKUP = re.compile(r"<[a-zA-Z/!][^<>]{0,300}>|&(?:[a-zA-Z]{2,8}|#\d{1,6});")


def blank_markup(text: str) -> str:
    """``text`` with HTML tags and entities blanked by as many spaces, so offsets stay true.

    >>> blank_markup("<p>Putin <b>met</b> Macron</p>")
    '   Putin    met     Macron    '
    """
    return MARKUP.sub(lambda match: " " * len(match.group()), text)


#: a name in capitals as UN meetings coverage gives its speakers: "ZHANG JUN (China) said",
#: "T. S. TIRUMURTI (India)", "Mr. NEBENZIA said", and transcripts label theirs
_SHOUTED_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+"
SHOUTED_NAME = re.compile(
    # (not a family name in capitals before the given name: "Mr. KISHIDA Fumio")
    rf"(?<=\b(?:Mr|Ms|Dr)\.\s)(?:{_SHOUTED_WORD})(?:\s+{_SHOUTED_WORD})*\b(?!\s+[A-Z][a-z])"
    rf"|\b(?:[A-Z]\.\s+)*{_SHOUTED_WORD}(?:\s+(?:[A-Z]\.\s+)?{_SHOUTED_WORD})+(?=\s+\([A-Z][a-z])"
    # a transcript's speaker label: "SECRETARY MARK DALTON: Thank you."
    rf"|(?m:^)[^\S\n]*{_SHOUTED_WORD}(?:[^\S\n]+{_SHOUTED_WORD})+(?=[^\S\n]*:[^\S\n])")


def unshout_names(text: str) -> str:
    """``text`` with the names UN meetings coverage writes in capitals written as names
    usually are, letter for letter, so offsets stay true.

    >>> unshout_names("ZHANG JUN (China) said. Mr. NEBENZIA replied. NATO (the alliance) met.")
    'Zhang Jun (China) said. Mr. Nebenzia replied. NATO (the alliance) met.'
    """
    dateline = DATELINE.match(text)  # ("NEW YORK (Reuters), June 19 —" is a place)
    return SHOUTED_NAME.sub(lambda name: name.group() if dateline and name.start() < dateline.end()
                            else re.sub(r"[A-ZÀ-Þ]{2,}", lambda word: word.group()[0]
                                        + word.group()[1:].lower(), name.group()), text)


def looks_english(text: str) -> bool:
    """Whether most letters of ``text`` are Latin ones (an empty text passes).

    >>> looks_english("Путин встретился с Макроном."), looks_english("Putin met Macron.")
    (False, True)
    """
    letters = [c for c in text[:20000] if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250")
    return not letters or latin / len(letters) >= 0.5


def _with_original_text(extraction: Extraction) -> Extraction:
    """Spans read back from the article as written, so evidence stays an exact substring."""
    original = extraction.article.text

    def fixed(span: Span) -> Span:
        return replace(span, text=original[span.start : span.end])

    return replace(
        extraction,
        officials=tuple(replace(o, evidence=tuple(map(fixed, o.evidence)))
                        for o in extraction.officials),
        communications=tuple(replace(c, evidence=tuple(map(fixed, c.evidence)))
                             for c in extraction.communications),
        quotes=tuple(replace(q, span=fixed(q.span)) for q in extraction.quotes),
    )


def _with_principals(text: str, cast: Cast) -> tuple[Official, ...]:
    """Add whom each official acts for ("he will urge on my behalf and on behalf of President X")."""
    mentions = list(cast.mentions)
    starts = [m.start for m in mentions]
    principals: dict[str, list[str]] = {}
    for match in re.finditer(r"\bon\s+(?:(?:my|his|her)\s+behalf|behalf\s+of)\b", text):
        before = mentions[: bisect.bisect_left(starts, match.start())]
        actor = next((m for m in reversed(before[-10:])
                      if m.end <= match.start() and match.start() - m.end < 60
                      and m.how != "first_person"), None)
        if actor is None:
            continue
        named = mentions[bisect.bisect_left(starts, match.start()):
                         bisect.bisect_left(starts, match.end() + 60)]
        for mention in named:
            chosen = principals.setdefault(actor.official, [])
            if mention.official != actor.official and mention.official not in chosen:
                chosen.append(mention.official)
    return tuple(replace(o, on_behalf_of=tuple(principals[o.name])) if principals.get(o.name) else o
                 for o in cast.officials)
