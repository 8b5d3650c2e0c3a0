"""The vocabularies kg writes, each IRI spelt once.

``DIPLO`` is closed: a misspelt term raises instead of minting a new IRI.

>>> DIPLO.Official
rdflib.term.URIRef('https://w3id.org/kg-diplo/ontology#Official')
>>> DIPLO.Offical
Traceback (most recent call last):
...
AttributeError: term 'Offical' not in namespace 'https://w3id.org/kg-diplo/ontology#'
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

#: Where kg mints the IRIs of officials, governments, communications and articles.
ID = Namespace("https://w3id.org/kg-diplo/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


class DIPLO(DefinedNamespace):
    """The kg ontology (``ontology/diplo.ttl``)."""

    _NS = Namespace("https://w3id.org/kg-diplo/ontology#")
    _fail = True

    # classes
    Official: URIRef
    Government: URIRef
    State: URIRef
    Authority: URIRef
    InternationalOrganisation: URIRef
    SubOrganisation: URIRef
    Post: URIRef
    PostHolding: URIRef
    Communication: URIRef
    Contact: URIRef
    Statement: URIRef
    CommunicationMode: URIRef
    CommunicationStatus: URIRef
    Quote: URIRef
    Article: URIRef
    EvidenceSpan: URIRef
    Dyad: URIRef
    Profile: URIRef
    # individuals: modes and statuses
    Phone: URIRef
    Meeting: URIRef
    Video: URIRef
    Correspondence: URIRef
    SocialMedia: URIRef
    PressBriefing: URIRef
    PressStatement: URIRef
    Interview: URIRef
    Speech: URIRef
    Unspecified: URIRef
    Occurred: URIRef
    Planned: URIRef
    # properties
    represents: URIRef
    actsOnBehalfOf: URIRef
    holder: URIRef
    post: URIRef
    observedOn: URIRef
    hasParticipant: URIRef
    initiatedBy: URIRef
    counterpartGovernment: URIRef
    date: URIRef
    mode: URIRef
    status: URIRef
    location: URIRef
    topic: URIRef
    hasEvidence: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    exactText: URIRef
    sentence: URIRef
    inArticle: URIRef
    quoteText: URIRef
    spokenBy: URIRef
    articleId: URIRef
    sourceKind: URIRef
    articleText: URIRef
    textDigest: URIRef
    # derived: written in the merged graph only (kg/derived.py)
    nameKey: URIRef
    articleCount: URIRef
    postNames: URIRef
    governmentNames: URIRef
    participantNames: URIRef
    counterpartNames: URIRef
    partyName: URIRef
    inDyad: URIRef
    firstGovernment: URIRef
    secondGovernment: URIRef
    evidenceOf: URIRef
    evidenceArticleId: URIRef
    evidenceTitle: URIRef
    profile: URIRef
    kindName: URIRef
    modeName: URIRef
    statusName: URIRef


PREFIXES = {
    "diplo": str(DIPLO._NS),
    "id": str(ID),
    "org": str(ORG),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "nif": str(NIF),
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: Prefixes for files people read: readable names for the kinds of node instead of ``id:``, whose
#: local names would need escaped slashes in Turtle.
FILE_PREFIXES = {
    "official": f"{ID}official/",
    "government": f"{ID}government/",
    "communication": f"{ID}communication/",
    **{k: v for k, v in PREFIXES.items() if k not in ("id", "owl", "sem", "nif")},
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in FILE_PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
