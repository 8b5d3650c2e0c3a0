"""Extraction records in, RDF out: the only module that adds triples.

Each article becomes one named graph holding everything the article says: the article itself, its
officials, their posts, the communications and quotes, and the evidence spans behind them.

>>> import datetime as dt
>>> from kg.model import Article, Meta, Extraction, Official
>>> article = Article(Meta(id="a1", published=dt.date(2021, 5, 13)), "Antony Blinken said so.")
>>> graph = to_graph(Extraction(article, officials=(Official("Antony Blinken", post="Secretary of State",
...                                                         government="United States"),)))
>>> str(graph.identifier)
'https://w3id.org/kg-diplo/id/graph/a1'
>>> (mint_official_iri("Antony Blinken"), FOAF.name, Literal("Antony Blinken")) in graph
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.iris import (
    mint_article_iri,
    mint_communication_iri,
    mint_government_iri,
    mint_graph_iri,
    mint_holding_iri,
    mint_official_iri,
    mint_post_iri,
    mint_quote_iri,
    mint_span_iri,
)
from kg.knowledge import load_knowledge
from kg.model import Communication, Extraction, Kind, Mode, Span, Status
from kg.namespaces import DIPLO, ORG, SCHEMA, bind_prefixes

MODE_IRIS = {
    Mode.PHONE: DIPLO.Phone,
    Mode.MEETING: DIPLO.Meeting,
    Mode.VIDEO: DIPLO.Video,
    Mode.CORRESPONDENCE: DIPLO.Correspondence,
    Mode.SOCIAL_MEDIA: DIPLO.SocialMedia,
    Mode.PRESS_BRIEFING: DIPLO.PressBriefing,
    Mode.PRESS_STATEMENT: DIPLO.PressStatement,
    Mode.INTERVIEW: DIPLO.Interview,
    Mode.SPEECH: DIPLO.Speech,
    Mode.UNSPECIFIED: DIPLO.Unspecified,
}
STATUS_IRIS = {Status.OCCURRED: DIPLO.Occurred, Status.PLANNED: DIPLO.Planned}
KIND_CLASSES = {Kind.CONTACT: DIPLO.Contact, Kind.STATEMENT: DIPLO.Statement}
GOVERNMENT_CLASSES = {
    "state": DIPLO.State,
    "authority": DIPLO.Authority,
    "organisation": DIPLO.InternationalOrganisation,
}


def text_digest(text: str) -> str:
    """The SHA-256 of an article's text: re-ingesting the same text under another id replaces it.

    >>> text_digest("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """All articles' graphs in one dataset, one named graph per article."""
    dataset = bind_prefixes(Dataset())
    for extraction in extractions:
        graph = to_graph(extraction)
        named = dataset.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
    return dataset


def to_graph(extraction: Extraction) -> Graph:
    """The named graph of one article (identifier: :func:`kg.iris.mint_graph_iri`)."""
    article = extraction.article
    graph = bind_prefixes(Graph(identifier=mint_graph_iri(article.id)))
    article_iri = mint_article_iri(article.id)
    _add_article(graph, extraction, article_iri)
    for official in extraction.officials:
        _add_official(graph, extraction, official, article_iri)
    minted: set[URIRef] = set()
    for communication in extraction.communications:
        iri = _communication_iri(communication, article.id, minted)
        minted.add(iri)
        _add_communication(graph, extraction, communication, iri, article_iri)
    for quote in extraction.quotes:
        iri = mint_quote_iri(article.id, quote.span.start, quote.span.end)
        graph.add((iri, RDF.type, DIPLO.Quote))
        graph.add((iri, DIPLO.quoteText, Literal(quote.text)))
        graph.add((iri, DIPLO.spokenBy, mint_official_iri(quote.speaker)))
        graph.add((iri, PROV.wasDerivedFrom, article_iri))
        graph.add((iri, DIPLO.hasEvidence, _add_span(graph, article.id, article_iri, quote.span)))
    return graph


def _add_article(graph: Graph, extraction: Extraction, article_iri: URIRef) -> None:
    meta = extraction.article.meta
    graph.add((article_iri, RDF.type, DIPLO.Article))
    graph.add((article_iri, DIPLO.articleId, Literal(meta.id)))
    graph.add((article_iri, DIPLO.articleText, Literal(extraction.article.text)))
    graph.add((article_iri, DIPLO.textDigest, Literal(text_digest(extraction.article.text))))
    if meta.title:
        graph.add((article_iri, SCHEMA.headline, Literal(meta.title)))
    if meta.published:
        graph.add((article_iri, SCHEMA.datePublished, Literal(meta.published, datatype=XSD.date)))
    if meta.source:
        graph.add((article_iri, DIPLO.sourceKind, Literal(meta.source)))
    if meta.language:
        graph.add((article_iri, SCHEMA.inLanguage, Literal(meta.language)))


def _add_government(graph: Graph, name: str) -> URIRef:
    iri = mint_government_iri(name)
    known = load_knowledge().government(name)
    graph.add((iri, RDF.type, GOVERNMENT_CLASSES.get(known.kind, DIPLO.Government) if known
               else DIPLO.Government))
    graph.add((iri, SKOS.prefLabel, Literal(name)))
    graph.add((iri, RDFS.label, Literal(name)))
    return iri


def _add_official(graph: Graph, extraction: Extraction, official, article_iri: URIRef) -> None:
    article = extraction.article
    iri = mint_official_iri(official.name)
    graph.add((iri, RDF.type, DIPLO.Official))
    graph.add((iri, FOAF.name, Literal(official.name)))
    graph.add((iri, PROV.wasDerivedFrom, article_iri))
    for alias in official.aliases:
        graph.add((iri, SKOS.altLabel, Literal(alias)))
    government = _add_government(graph, official.government) if official.government else None
    if government:
        graph.add((iri, DIPLO.represents, government))
    for other in official.same_as:
        graph.add((iri, OWL.sameAs, URIRef(other)))
    for principal in official.on_behalf_of:
        graph.add((iri, DIPLO.actsOnBehalfOf, mint_official_iri(principal)))
    if official.post:
        post = mint_post_iri(official.post, official.government)
        graph.add((post, RDF.type, DIPLO.Post))
        graph.add((post, RDFS.label, Literal(official.post)))
        if government:
            graph.add((post, ORG.postIn, government))
        graph.add((iri, ORG.holds, post))
        holding = mint_holding_iri(article.id, official.name)
        graph.add((holding, RDF.type, DIPLO.PostHolding))
        graph.add((holding, DIPLO.holder, iri))
        graph.add((holding, DIPLO.post, post))
        if government:
            graph.add((holding, ORG.organization, government))
        if article.meta.published:
            graph.add((holding, DIPLO.observedOn, Literal(article.meta.published, datatype=XSD.date)))
        graph.add((holding, PROV.wasDerivedFrom, article_iri))
        for span in official.evidence:
            graph.add((holding, DIPLO.hasEvidence, _add_span(graph, article.id, article_iri, span)))


def _communication_iri(communication: Communication, article_id: str, minted: set[URIRef]) -> URIRef:
    date = communication.date.isoformat() if communication.date else None
    fields = (
        communication.kind.value,
        communication.status.value,
        communication.participants,
        communication.counterpart_governments,
        date,
    )
    iri = mint_communication_iri(*fields, scope=None if date else article_id)
    if iri in minted:
        # Two distinct events of one article with the same parties and day: the mode tells them apart.
        iri = mint_communication_iri(*fields, scope=f"{article_id}/{communication.mode.value}")
    return iri


def _add_communication(graph: Graph, extraction: Extraction, communication: Communication,
                       iri: URIRef, article_iri: URIRef) -> None:
    graph.add((iri, RDF.type, KIND_CLASSES[communication.kind]))
    graph.add((iri, DIPLO.mode, MODE_IRIS[communication.mode]))
    graph.add((iri, DIPLO.status, STATUS_IRIS[communication.status]))
    graph.add((iri, PROV.wasDerivedFrom, article_iri))
    label = " – ".join(sorted(communication.participants)) or "unnamed"
    graph.add((iri, RDFS.label, Literal(
        f"{label} ({communication.kind.value}, {communication.date or 'undated'})")))
    for name in communication.participants:
        graph.add((iri, DIPLO.hasParticipant, mint_official_iri(name)))
    if communication.initiator:
        graph.add((iri, DIPLO.initiatedBy, mint_official_iri(communication.initiator)))
    for government in communication.counterpart_governments:
        graph.add((iri, DIPLO.counterpartGovernment, _add_government(graph, government)))
    if communication.date:
        graph.add((iri, DIPLO.date, Literal(communication.date, datatype=XSD.date)))
    if communication.location:
        graph.add((iri, DIPLO.location, Literal(communication.location)))
    for topic in communication.topics:
        graph.add((iri, DIPLO.topic, Literal(topic)))
    for span in communication.evidence:
        graph.add((iri, DIPLO.hasEvidence,
                   _add_span(graph, extraction.article.id, article_iri, span)))


def _add_span(graph: Graph, article_id: str, article_iri: URIRef, span: Span) -> URIRef:
    iri = mint_span_iri(article_id, span.start, span.end)
    graph.add((iri, RDF.type, DIPLO.EvidenceSpan))
    graph.add((iri, DIPLO.beginIndex, Literal(span.start, datatype=XSD.integer)))
    graph.add((iri, DIPLO.endIndex, Literal(span.end, datatype=XSD.integer)))
    graph.add((iri, DIPLO.exactText, Literal(span.text)))
    graph.add((iri, DIPLO.inArticle, article_iri))
    if span.sentence:
        graph.add((iri, DIPLO.sentence, Literal(span.sentence)))
    return iri
