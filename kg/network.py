"""Projections of the RDF graph into networkx contact networks.

Officials (or governments) are nodes and contacts are ties; statements are not ties but are counted
on the speaker's node. Every projection is a function of what the store holds: it reads the
contacts with one SPARQL query and builds the network from the rows.

>>> from kg.articles import read_article
>>> from kg.build import build_in_memory
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> network = official_network(read_contacts(store))
>>> sorted(network.neighbors(OFFICIAL + "antony-blinken"))
['https://w3id.org/kg-diplo/id/official/benjamin-netanyahu', 'https://w3id.org/kg-diplo/id/official/mahmoud-abbas']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import KgError
from kg.namespaces import ID

OFFICIAL = f"{ID}official/"

# The queries below are written for on-disk Oxigraph, where a lookup per row (a property path, a
# pattern joined to the one before) costs 5-10 µs and each IRI or long string handed out ~2 µs:
# each property is read by a sub-SELECT of its own, which Oxigraph evaluates once and joins by
# hashing, and a communication's IRI is handed out once per record (its parties joined into one
# string), not once per property. A remote endpoint answers the same queries.

#: One row per communication and (mode, status, date, initiator): what
#: :class:`CommunicationRecord` holds but the evidence. Kind, mode and status come from the
#: communication's derived ``diplo:profile`` (:mod:`kg.derived`): one sub-SELECT instead of
#: three. Participants come as numbers, their places in :data:`PARTICIPANTS` (given in
#: ``%(participants)s``): the same few hundred officials' IRIs handed out with every
#: communication would cost a third of the query.
CONTACTS = """
SELECT ?communication ?kind ?mode ?status ?date ?initiator ?participants ?counterparts
WHERE {
  { SELECT ?profile ?kind ?mode ?status WHERE {
      ?profile diplo:kindName ?kind ; diplo:modeName ?mode ; diplo:statusName ?status } }
  { SELECT ?communication ?profile WHERE { ?communication diplo:profile ?profile } }
  OPTIONAL { SELECT ?communication ?date WHERE { ?communication diplo:date ?date } }
  OPTIONAL { SELECT ?communication ?initiator WHERE {
      ?communication diplo:initiatedBy ?initiator } }
  OPTIONAL { SELECT ?communication
                    (GROUP_CONCAT(DISTINCT STR(?number); separator=" ") AS ?participants)
             WHERE { VALUES (?participant ?number) { %(participants)s }
                     ?communication diplo:hasParticipant ?participant }
             GROUP BY ?communication }
  OPTIONAL { SELECT ?communication
                    (GROUP_CONCAT(DISTINCT STR(?counterpart); separator="\\u001f") AS ?counterparts)
             WHERE { ?communication diplo:counterpartGovernment ?counterpart }
             GROUP BY ?communication }
}
"""

#: Every party to a communication. HAVING tests each party for being an IRI once; a FILTER
#: (which Oxigraph moves below DISTINCT) tests every participation, at five times the cost.
PARTICIPANTS = """
SELECT ?participant
WHERE { ?communication diplo:hasParticipant ?participant }
GROUP BY ?participant HAVING (isIRI(?participant))
"""

OFFICIALS = """
SELECT ?official ?label ?post ?governmentKey
WHERE {
  { SELECT ?official (MIN(?name) AS ?label)
    WHERE { ?official a diplo:Official ; foaf:name ?name } GROUP BY ?official }
  OPTIONAL { SELECT ?official (MIN(?postLabel) AS ?post)
             WHERE { ?official org:holds ?postNode . ?postNode rdfs:label ?postLabel }
             GROUP BY ?official }
  OPTIONAL { SELECT ?official
                    (MIN(CONCAT(STR(?government), "\\u001f", STR(?governmentName))) AS ?governmentKey)
             WHERE { ?official diplo:represents ?government .
                     ?government skos:prefLabel ?governmentName }
             GROUP BY ?official }
}
"""

# How many articles say an official represents each government: an official some articles
# place in one government and others in another is drawn in the one most of them name.
GOVERNMENT_SUPPORT = """
SELECT ?official ?government ?label ?articles
WHERE {
  { SELECT ?official ?government (COUNT(DISTINCT ?article) AS ?articles)
    WHERE { GRAPH ?article { ?official diplo:represents ?government } }
    GROUP BY ?official ?government }
  { SELECT ?government (MIN(?name) AS ?label)
    WHERE { ?government skos:prefLabel ?name } GROUP BY ?government }
}
"""

GOVERNMENTS = """
SELECT ?government (MIN(?name) AS ?label) (MIN(STR(?class)) AS ?type)
WHERE { ?government skos:prefLabel ?name ; a ?class .
        VALUES ?class { diplo:State diplo:Authority diplo:InternationalOrganisation diplo:Government } }
GROUP BY ?government
"""

def _evidence_query(classes: str) -> str:
    """One row per evidence span of the communications of ``classes``, in no order
    (:func:`_evidence` orders them): article id, start offset, text and sentence. The end offset
    is not read: spans of one article that start together are prefixes of one another, so their
    texts order them as their ends would (and its join cost a fifth of the query). Titles are
    read per article (:data:`TITLES`): a title handed out with each of an article's spans would
    cost a third of the query. Spans are found by the derived ``diplo:evidenceOf`` and
    ``diplo:evidenceArticleId`` (:mod:`kg.derived`): one hashed sub-SELECT each instead of the
    joins through ``diplo:hasEvidence`` and the article node."""
    return f"""
SELECT ?communication ?article ?begin ?text ?sentence
WHERE {{
  {{ SELECT ?communication WHERE {{ VALUES ?class {{ {classes} }} ?communication a ?class }} }}
  {{ SELECT ?span ?communication WHERE {{ ?span diplo:evidenceOf ?communication }} }}
  {{ SELECT ?span ?article WHERE {{ ?span diplo:evidenceArticleId ?article }} }}
  {{ SELECT ?span ?text WHERE {{ ?span diplo:exactText ?text }} }}
  {{ SELECT ?span ?begin WHERE {{ ?span diplo:beginIndex ?begin }} }}
  OPTIONAL {{ SELECT ?span ?sentence WHERE {{ ?span diplo:sentence ?sentence }} }}
}}
"""


EVIDENCE = _evidence_query("diplo:Contact diplo:Statement")
#: the evidence a view shows: its ties are contacts, and a statement's evidence (two spans in
#: five) is never shown
CONTACT_EVIDENCE = _evidence_query("diplo:Contact")

TITLES = """
SELECT ?article ?title
WHERE { ?articleNode diplo:articleId ?article ; schema:headline ?title }
"""


@dataclass(frozen=True)
class Evidence:
    """The text behind a communication, with its article."""

    text: str
    sentence: str | None
    article: str
    title: str | None


@dataclass(frozen=True)
class CommunicationRecord:
    """A communication as the network needs it: IRIs of its parties, date, mode, status."""

    iri: str
    kind: str
    mode: str
    status: str
    date: dt.date | None
    participants: tuple[str, ...]
    counterparts: tuple[str, ...] = ()
    initiator: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Contacts:
    """Everything a projection needs: the communications and the labels of their parties."""

    communications: tuple[CommunicationRecord, ...]
    officials: dict[str, dict] = field(default_factory=dict)
    governments: dict[str, dict] = field(default_factory=dict)


@dataclass(frozen=True)
class Window:
    """A time window and status filter; undated contacts fall outside any bounded window."""

    since: dt.date | None = None
    until: dt.date | None = None
    status: str = "all"

    def admits(self, record: CommunicationRecord) -> bool:
        if self.status != "all" and record.status != self.status:
            return False
        if self.since is None and self.until is None:
            return True
        if record.date is None:
            return False
        return (self.since is None or record.date >= self.since) and (
            self.until is None or record.date <= self.until)


@contextlib.contextmanager
def collection_paused():
    """Pause Python's cyclic garbage collector while a read, a projection or a network file
    builds tens of thousands of tuples, strings, records and attribute dicts that all live on,
    which the collector would walk again and again (a sixth of a read's time, a third of a
    small export's) to find no cycle. Also a decorator."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_contacts(store, with_evidence: bool = True) -> Contacts:
    """Read communications, officials and governments from a store (local or remote).

    A few SPARQL queries (:data:`CONTACTS`, :data:`EVIDENCE` and :data:`TITLES`,
    :data:`GOVERNMENT_SUPPORT`, :data:`OFFICIALS`, :data:`GOVERNMENTS`) that read each property
    once and hand out each communication's IRI once per record, so that reading stays a small
    part of a metric or a view.
    ``with_evidence=False`` leaves every record's evidence empty (metrics and network files
    need none).
    """
    return _read(store, EVIDENCE if with_evidence else None)


def read_shown_contacts(store) -> Contacts:
    """:func:`read_contacts` as a view of the network needs it: contacts carry their evidence,
    statements none (views count statements but never show their evidence). The records of
    contacts equal those :func:`read_contacts` reads; :func:`kg.viz.network_view` reads this.

    >>> from kg.articles import read_article
    >>> from kg.build import build_in_memory
    >>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
    >>> shown = read_shown_contacts(store)
    >>> {r.kind for r in shown.communications if r.evidence}
    {'contact'}
    """
    return _read(store, CONTACT_EVIDENCE)


@collection_paused()
def _read(store, evidence_query: str | None) -> Contacts:
    """The contacts of ``store``, each communication with the evidence ``evidence_query`` finds
    (none without it).

    The evidence is read on a second thread while this one reads the rest: Oxigraph releases
    the interpreter lock while it evaluates, so on two cores a view's read takes about three
    quarters of the time."""
    with ThreadPoolExecutor(max_workers=1) as reader:
        spans = reader.submit(_spans, store, evidence_query) if evidence_query else None
        parties = [iri for iri, in _rows(store, PARTICIPANTS)]
        numbered = " ".join(f"(<{iri}> {number})" for number, iri in enumerate(parties))
        rows = _rows(store, CONTACTS % {"participants": numbered})
        supports = _rows(store, GOVERNMENT_SUPPORT)
        labels = _rows(store, OFFICIALS)
        governments = {iri: {"name": label, "type": kind.rsplit("#", 1)[-1]}
                       for iri, label, kind in _rows(store, GOVERNMENTS)}
        evidence = spans.result() if spans else {}
    records = [
        CommunicationRecord(
            iri=iri, kind=kind, mode=mode, status=status, date=_as_date(date),
            participants=tuple(sorted(parties[int(n)] for n in (participants or "").split())),
            counterparts=tuple(sorted(_split(counterparts))),
            initiator=initiator, evidence=evidence.get(iri, ()))
        for iri, kind, mode, status, date, initiator, participants, counterparts in rows]
    support: dict[tuple[str, str], int] = {}
    candidates: dict[str, list[tuple[str, str]]] = {}
    for official, government, label, articles in supports:
        support[official, government] = int(articles)
        candidates.setdefault(official, []).append((government, label))
    officials = {}
    for official, label, post, government_key in labels:
        government_iri, _, government = (government_key or "").partition("\x1f")
        supported = candidates.get(official)
        if supported:
            government_iri, government = main_government(official, supported, support)
        officials[official] = {"name": label, "post": post or "", "government": government,
                               "government_iri": government_iri}
    return _contacts(records, officials, governments)


def _rows(store, query: str) -> list[tuple]:
    """The rows of a SELECT ``query`` as tuples in the order of its variables: each value as
    text (IRIs, literals, numbers and dates alike; callers convert), None where unbound.

    Taking a term's text is half the cost of turning it into a Python value (``select``) on a
    read of every communication."""
    if not hasattr(store, "query"):
        return [tuple(None if value is None else str(value) for value in row.values())
                for row in store.select(query)]
    return [tuple([None if term is None else term.value for term in solution])
            for solution in store.query(query)]


def _spans(store, evidence_query: str) -> dict[str, tuple[Evidence, ...]]:
    return _evidence(_rows(store, evidence_query), _rows(store, TITLES))


def _evidence(spans, titles) -> dict[str, tuple[Evidence, ...]]:
    """Evidence per communication from rows of :data:`EVIDENCE` and :data:`TITLES`, each
    communication's in order of article, then place in the article (one per title of an article
    with several, as a join would give)."""
    headlines: dict[str, list[str]] = {}
    for article, title in titles:
        headlines.setdefault(article, []).append(title)
    found: dict[str, list[tuple]] = {}
    for communication, article, begin, text, sentence in spans:
        for title in headlines.get(article, (None,)):
            found.setdefault(communication, []).append(
                (article, int(begin), text, sentence, title))
    return {communication: tuple(Evidence(text, sentence, article, title)
                                 for article, _, text, sentence, title
                                 in (sorted(rows, key=_span_order) if len(rows) > 1 else rows))
            for communication, rows in found.items()}


def _span_order(span: tuple) -> tuple:
    return tuple("" if value is None else value for value in span)


def main_government(official: str, governments: list[tuple[str, str]],
                    support: dict[tuple[str, str], int]) -> tuple[str, str]:
    """The (IRI, label) of the government most articles say ``official`` represents; of equals,
    the first by IRI. One government per official, not the union of every article's reading.

    >>> main_government("o", [("g/a", "A"), ("g/b", "B")], {("o", "g/a"): 1, ("o", "g/b"): 3})
    ('g/b', 'B')
    """
    return min(governments, key=lambda g: (-support.get((official, g[0]), 0), g[0], g[1]))


def _contacts(records: list[CommunicationRecord], officials: dict, governments: dict) -> Contacts:
    """Contacts in a canonical order (records by date and IRI, nodes by IRI), so that networks and
    metrics do not depend on the order a store returned them in."""
    records.sort(key=lambda r: (r.date or dt.date.max, r.iri, r.mode, r.status, r.initiator or ""))
    return Contacts(tuple(records), dict(sorted(officials.items())),
                    dict(sorted(governments.items())))


def _split(value) -> list[str]:
    return [v for v in str(value).split("\x1f") if v] if value else []


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@collection_paused()
def official_network(contacts: Contacts, window: Window = Window()) -> nx.Graph:
    """Officials as nodes; an edge joins officials who took part in the same contact.

    Edges carry ``weight`` (number of contacts), ``first`` and ``last`` dates, ``modes`` and the
    ``communications`` behind them. Nodes carry ``name``, ``post``, ``government`` and
    ``statements`` (how often the official spoke in public in the window).
    """
    graph = nx.Graph(level="official")
    for iri, official in contacts.officials.items():
        graph.add_node(iri, **{k: v for k, v in official.items() if k != "government_iri"},
                       statements=0)
    for record in contacts.communications:
        if not window.admits(record):
            continue
        if record.kind == "statement":
            for speaker in record.participants:
                if speaker in graph:
                    graph.nodes[speaker]["statements"] += 1
            continue
        for a, b in itertools.combinations(record.participants, 2):
            _add_tie(graph, a, b, record)
    return graph


def directed_official_network(contacts: Contacts, window: Window = Window()) -> nx.DiGraph:
    """The directed variant: an edge from a contact's initiator to each other participant."""
    graph = nx.DiGraph(level="official")
    for iri, official in contacts.officials.items():
        graph.add_node(iri, **{k: v for k, v in official.items() if k != "government_iri"})
    for record in contacts.communications:
        if record.kind != "contact" or not window.admits(record) or not record.initiator:
            continue
        for other in record.participants:
            if other != record.initiator:
                _add_tie(graph, record.initiator, other, record)
    return graph


@collection_paused()
def government_network(contacts: Contacts, window: Window = Window()) -> nx.Graph:
    """Governments as nodes; an edge joins governments whose officials (or unnamed counterparts)
    took part in the same contact (a dyad), weighted by the number of contacts."""
    graph = nx.Graph(level="government")
    for iri, government in contacts.governments.items():
        graph.add_node(iri, name=government["name"], type=government["type"], statements=0)
    represent = {iri: o["government_iri"] for iri, o in contacts.officials.items()}
    for record in contacts.communications:
        if not window.admits(record):
            continue
        sides = {represent.get(p) for p in record.participants} | set(record.counterparts)
        sides.discard(None)
        sides.discard("")
        if record.kind == "statement":
            for side in sides & set(graph.nodes):
                graph.nodes[side]["statements"] += 1
            continue
        for a, b in itertools.combinations(sorted(sides), 2):
            _add_tie(graph, a, b, record)
    return graph


def _add_tie(graph: nx.Graph, a: str, b: str, record: CommunicationRecord) -> None:
    for node in (a, b):
        if node not in graph:
            graph.add_node(node, name=node.rsplit("/", 1)[-1], post="", government="")
    data = graph.get_edge_data(a, b)
    if data is None:
        graph.add_edge(a, b, weight=1, first=record.date, last=record.date,
                       modes=Counter({record.mode: 1}), communications=[record.iri])
        return
    if record.iri in data["communications"]:
        return
    data["weight"] += 1
    data["communications"].append(record.iri)
    data["modes"][record.mode] += 1
    if record.date:
        data["first"] = min(data["first"] or record.date, record.date)
        data["last"] = max(data["last"] or record.date, record.date)


def project(contacts: Contacts, level: str, window: Window = Window()) -> nx.Graph:
    """The network at ``level`` ("official" or "government")."""
    if level == "official":
        return official_network(contacts, window)
    if level == "government":
        return government_network(contacts, window)
    raise KgError(f"unknown level {level!r} (official or government)")


def active_subgraph(graph: nx.Graph) -> nx.Graph:
    """The nodes with at least one tie (views and metrics usually leave isolated nodes out)."""
    return graph.subgraph([n for n, d in graph.degree() if d > 0]).copy()


def records_by_iri(contacts: Contacts) -> dict[str, CommunicationRecord]:
    return {r.iri: r for r in contacts.communications}

