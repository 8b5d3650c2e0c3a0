"""Plain records that flow through kg: articles in, extractions out.

These dataclasses know nothing of RDF and nothing of text processing; the extractor fills them
and :mod:`kg.rdf` turns them into triples.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """Whether parties communicate with each other or one party speaks to the public."""

    CONTACT = "contact"
    STATEMENT = "statement"


class Mode(str, Enum):
    """How a communication took place; values equal the corpus strings."""

    PHONE = "phone"
    MEETING = "meeting"
    VIDEO = "video"
    CORRESPONDENCE = "correspondence"
    SOCIAL_MEDIA = "social_media"
    PRESS_BRIEFING = "press_briefing"
    PRESS_STATEMENT = "press_statement"
    INTERVIEW = "interview"
    SPEECH = "speech"
    UNSPECIFIED = "unspecified"


class Status(str, Enum):
    """Whether a communication took place or is announced or intended."""

    OCCURRED = "occurred"
    PLANNED = "planned"


@dataclass(frozen=True)
class Meta:
    """What a builder is given alongside an article's text (SCHEMA.md ``meta``)."""

    id: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Article:
    """One news article: its text and metadata, and where it was read from."""

    meta: Meta
    text: str
    path: str | None = None

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``.

    ``sentence`` is the whole sentence the span lies in, for readers who want the context.
    """

    start: int
    end: int
    text: str
    sentence: str | None = None


@dataclass(frozen=True)
class Official:
    """A person acting in an official capacity, as one article presents them.

    ``post`` is normalised ("Secretary of State"); ``government`` is a canonical government name
    ("United States"). ``evidence`` holds the spans that give the post and government.
    """

    name: str
    aliases: tuple[str, ...] = ()
    post: str | None = None
    government: str | None = None
    evidence: tuple[Span, ...] = ()
    on_behalf_of: tuple[str, ...] = ()
    #: IRIs of the same person elsewhere (Wikidata), from a user's alias table
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class Communication:
    """A contact between parties or a statement to the public, with the spans that report it."""

    kind: Kind
    mode: Mode
    status: Status
    participants: tuple[str, ...]
    evidence: tuple[Span, ...]
    counterpart_governments: tuple[str, ...] = ()
    initiator: str | None = None
    date: dt.date | None = None
    location: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """Words in quotation marks and the official who said them."""

    text: str
    speaker: str
    span: Span


@dataclass(frozen=True)
class Extraction:
    """Everything the extractor found in one article."""

    article: Article
    officials: tuple[Official, ...] = ()
    communications: tuple[Communication, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
