"""Deterministic, readable IRIs: the same input always mints the same IRI.

>>> str(mint_official_iri("Antony J. Blinken"))
'https://w3id.org/kg-diplo/id/official/antony-blinken'
>>> str(mint_government_iri("Palestinian Authority"))
'https://w3id.org/kg-diplo/id/government/palestinian-authority'
>>> str(mint_article_iri("../etc/passwd"))
'https://w3id.org/kg-diplo/id/article/..%2Fetc%2Fpasswd'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kg.aliases import identity_key
from kg.namespaces import ID

MAX_SEGMENT = 120


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens.

    >>> slugify("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if not slug:
        slug = "x" + _digest(text, 10)
    return slug[:MAX_SEGMENT]


def _digest(*parts: object, length: int = 12) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def article_segment(article_id: str) -> str:
    """An article id as one safe IRI path segment: percent-encoded, never "." or "..", bounded."""
    segment = quote(article_id, safe="-_~")
    segment = segment.replace(".", "%2E") if set(segment) <= {"."} else segment
    if len(segment) > MAX_SEGMENT:
        segment = segment[:MAX_SEGMENT - 13] + "-" + _digest(article_id)
    return segment


def mint_official_iri(name: str) -> URIRef:
    """An official's IRI: spellings with the same identity key are one node.

    >>> mint_official_iri("Sergei Lavrov") == mint_official_iri("Sergey Lavrov")
    True
    """
    return ID[f"official/{slugify(identity_key(name))}"]


def mint_government_iri(name: str) -> URIRef:
    return ID[f"government/{slugify(name)}"]


def mint_post_iri(post: str, government: str | None) -> URIRef:
    scope = slugify(government) if government else "unknown"
    return ID[f"post/{scope}/{slugify(post)}"]


def mint_article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_segment(article_id)}"]


def mint_graph_iri(article_id: str) -> URIRef:
    """The named graph that holds what one article says."""
    return ID[f"graph/{article_segment(article_id)}"]


def mint_span_iri(article_id: str, start: int, end: int) -> URIRef:
    return ID[f"article/{article_segment(article_id)}/span/{start}-{end}"]


def mint_holding_iri(article_id: str, official: str) -> URIRef:
    return ID[f"article/{article_segment(article_id)}/holding/{slugify(official)}"]


def mint_quote_iri(article_id: str, start: int, end: int) -> URIRef:
    return ID[f"article/{article_segment(article_id)}/quote/{start}-{end}"]


def mint_communication_iri(
    kind: str,
    status: str,
    participants: list[str] | tuple[str, ...],
    counterparts: list[str] | tuple[str, ...],
    date: str | None,
    scope: str | None = None,
) -> URIRef:
    """A communication's IRI: a hash of what identifies the event.

    Dated events are identified across articles (the same call reported twice is one node);
    undated ones only within their article, so ``scope`` (the article id) enters the hash.

    >>> a = mint_communication_iri("contact", "occurred", ["B", "A"], [], "2021-05-12")
    >>> a == mint_communication_iri("contact", "occurred", ["A", "B"], [], "2021-05-12")
    True
    """
    key = _digest(kind, status, "|".join(sorted(participants)), "|".join(sorted(counterparts)),
                  date, scope)
    return ID[f"communication/{kind}-{date or 'undated'}-{key}"]
