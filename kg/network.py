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

import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import KgError
from kg.namespaces import ID

OFFICIAL = f"{ID}official/"

CONTACTS = """
SELECT ?communication ?kind ?date ?mode ?status ?initiator
       (GROUP_CONCAT(DISTINCT STR(?participant); separator="\\u001f") AS ?participants)
       (GROUP_CONCAT(DISTINCT STR(?counterpart); separator="\\u001f") AS ?counterparts)
WHERE {
  ?communication a ?class ; diplo:mode/skos:notation ?mode ; diplo:status/skos:notation ?status .
  VALUES (?class ?kind) { (diplo:Contact "contact") (diplo:Statement "statement") }
  OPTIONAL { ?communication diplo:date ?date }
  OPTIONAL { ?communication diplo:initiatedBy ?initiator }
  OPTIONAL { ?communication diplo:hasParticipant ?participant }
  OPTIONAL { ?communication diplo:counterpartGovernment ?counterpart }
}
GROUP BY ?communication ?kind ?date ?mode ?status ?initiator
"""

OFFICIALS = """
SELECT ?official (MIN(?name) AS ?label) (MIN(?postLabel) AS ?post)
       (MIN(CONCAT(STR(?government), "\\u001f", STR(?governmentName))) AS ?governmentKey)
WHERE {
  ?official a diplo:Official ; foaf:name ?name .
  OPTIONAL { ?official org:holds/rdfs:label ?postLabel }
  OPTIONAL { ?official diplo:represents ?government . ?government skos:prefLabel ?governmentName }
}
GROUP BY ?official
"""

# How many articles say an official represents each government: an official some articles
# place in one government and others in another is drawn in the one most of them name.
GOVERNMENT_SUPPORT = """
SELECT ?official ?government (MIN(?name) AS ?label) (COUNT(DISTINCT ?article) AS ?articles)
WHERE { GRAPH ?article { ?official diplo:represents ?government }
        ?government skos:prefLabel ?name }
GROUP BY ?official ?government
"""

GOVERNMENTS = """
SELECT ?government (MIN(?name) AS ?label) (MIN(STR(?class)) AS ?type)
WHERE { ?government skos:prefLabel ?name ; a ?class .
        VALUES ?class { diplo:State diplo:Authority diplo:InternationalOrganisation diplo:Government } }
GROUP BY ?government
"""

EVIDENCE = """
SELECT ?communication ?text ?sentence ?title ?article
WHERE {
  ?communication diplo:hasEvidence ?span .
  ?span diplo:exactText ?text ; diplo:inArticle ?articleNode ; diplo:beginIndex ?begin ;
        diplo:endIndex ?end .
  ?articleNode diplo:articleId ?article .
  # Required patterns before optional ones: Oxigraph joins in the order written.
  OPTIONAL { ?span diplo:sentence ?sentence }
  OPTIONAL { ?articleNode schema:headline ?title }
}
ORDER BY ?communication ?article ?begin ?end
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


def read_contacts(store, with_evidence: bool = True) -> Contacts:
    """Read communications, officials and governments from a store (local or remote).

    A local store is read predicate by predicate from its merged graph's index (no SPARQL join),
    so reading stays a small part of a metric or a view; a remote endpoint answers the same
    SPARQL as before (:data:`CONTACTS`, :data:`OFFICIALS`, :data:`GOVERNMENTS`, :data:`EVIDENCE`).
    """
    if hasattr(store, "merged_objects"):
        return _read_local(store, with_evidence)
    evidence: dict[str, list[Evidence]] = {}
    if with_evidence:
        for row in store.select(EVIDENCE):
            evidence.setdefault(str(row["communication"]), []).append(
                Evidence(str(row["text"]), _opt(row["sentence"]), str(row["article"]),
                         _opt(row["title"])))
    records = []
    for row in store.select(CONTACTS):
        records.append(CommunicationRecord(
            iri=str(row["communication"]),
            kind=str(row["kind"]),
            mode=str(row["mode"]),
            status=str(row["status"]),
            date=_as_date(row["date"]),
            participants=tuple(sorted(_split(row["participants"]))),
            counterparts=tuple(sorted(_split(row["counterparts"]))),
            initiator=_opt(row["initiator"]),
            evidence=tuple(evidence.get(str(row["communication"]), ())),
        ))
    support: dict[tuple[str, str], int] = {}
    candidates: dict[str, list[tuple[str, str]]] = {}
    for row in store.select(GOVERNMENT_SUPPORT):
        official, government = str(row["official"]), str(row["government"])
        support[official, government] = int(row["articles"])
        candidates.setdefault(official, []).append((government, str(row["label"])))
    officials = {}
    for row in store.select(OFFICIALS):
        official = str(row["official"])
        government_iri, _, government = (_opt(row["governmentKey"]) or "").partition("\x1f")
        supported = candidates.get(official)
        if supported:
            government_iri, government = main_government(official, supported, support)
        officials[str(row["official"])] = {
            "name": str(row["label"]), "post": _opt(row["post"]) or "",
            "government": government, "government_iri": government_iri}
    governments = {
        str(row["government"]): {"name": str(row["label"]),
                                 "type": str(row["type"]).rsplit("#", 1)[-1]}
        for row in store.select(GOVERNMENTS)
    }
    return _contacts(records, officials, governments)


def _read_local(store, with_evidence: bool) -> Contacts:
    """:func:`read_contacts` on a :class:`kg.store.GraphStore`: one index scan per predicate,
    joined in Python. Gives the same :class:`Contacts` as the SPARQL reading (a test checks)."""
    from rdflib.namespace import FOAF, RDF, RDFS, SKOS

    from kg.namespaces import DIPLO, ORG

    def pairs(predicate):
        return store.merged_objects(predicate)

    notation = dict(pairs(SKOS.notation))
    kinds = {}
    for kind, cls in (("contact", DIPLO.Contact), ("statement", DIPLO.Statement)):
        for subject in store.merged_subjects(RDF.type, cls):
            kinds[subject] = kind
    multi = {name: _grouped(pairs(predicate), kinds) for name, predicate in (
        ("mode", DIPLO.mode), ("status", DIPLO.status), ("date", DIPLO.date),
        ("initiator", DIPLO.initiatedBy), ("participants", DIPLO.hasParticipant),
        ("counterparts", DIPLO.counterpartGovernment))}
    evidence: dict[str, list[Evidence]] = {}
    if with_evidence:
        evidence = _local_evidence(store, kinds)
    records = []
    for iri, kind in kinds.items():
        modes = [notation[m] for m in multi["mode"].get(iri, ()) if m in notation]
        statuses = [notation[m] for m in multi["status"].get(iri, ()) if m in notation]
        # As the SPARQL reading: one record per (date, mode, status, initiator) combination.
        for mode in modes:
            for status in statuses:
                for date in multi["date"].get(iri) or [None]:
                    for initiator in multi["initiator"].get(iri) or [None]:
                        records.append(CommunicationRecord(
                            iri=iri, kind=kind, mode=str(mode), status=str(status),
                            date=_as_date(date), initiator=_opt(initiator),
                            participants=tuple(sorted(set(multi["participants"].get(iri, ())))),
                            counterparts=tuple(sorted(set(multi["counterparts"].get(iri, ())))),
                            evidence=tuple(evidence.get(iri, ())),
                        ))
    names = _grouped(pairs(FOAF.name), None)
    holds = _grouped(pairs(ORG.holds), None)
    post_labels = _grouped(pairs(RDFS.label), None)
    represents = _grouped(pairs(DIPLO.represents), None)
    labels = _grouped(pairs(SKOS.prefLabel), None)
    claims: dict[tuple[str, str], set[str]] = {}
    for article, official, government in store.article_claims(DIPLO.represents):
        claims.setdefault((official, government), set()).add(article)
    support = {key: len(articles) for key, articles in claims.items()}
    officials = {}
    for iri in store.merged_subjects(RDF.type, DIPLO.Official):
        if iri not in names:
            continue
        posts = [str(label) for post in holds.get(iri, ())
                 for label in post_labels.get(post, ())]
        keys = [f"{g}\x1f{label}" for g in represents.get(iri, ()) for label in labels.get(g, ())]
        government_iri, _, government = min(keys).partition("\x1f") if keys else ("", "", "")
        supported = [(g, str(min(labels[g]))) for g in represents.get(iri, ())
                     if (iri, g) in support and g in labels]
        if supported:
            government_iri, government = main_government(iri, supported, support)
        officials[iri] = {"name": str(min(str(n) for n in names[iri])),
                          "post": min(posts) if posts else "",
                          "government": government, "government_iri": government_iri}
    classes: dict[str, list[str]] = {}
    for kind in (DIPLO.State, DIPLO.Authority, DIPLO.InternationalOrganisation, DIPLO.Government):
        for iri in store.merged_subjects(RDF.type, kind):
            classes.setdefault(iri, []).append(str(kind))
    governments = {iri: {"name": str(min(labels[iri])), "type": min(kinds).rsplit("#", 1)[-1]}
                   for iri, kinds in classes.items() if iri in labels}
    return _contacts(records, officials, governments)


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


def _grouped(pairs, keep) -> dict:
    grouped: dict = {}
    for subject, value in pairs:
        if keep is None or subject in keep:
            grouped.setdefault(subject, []).append(value)
    return grouped


def _local_evidence(store, kinds) -> dict[str, list[Evidence]]:
    """Evidence of the communications in ``kinds``, read through the derived triples of their
    spans (:mod:`kg.derived`: communication, article id and title on each span)."""
    from kg.namespaces import DIPLO

    spans: dict[str, list[str]] = {}
    for span, communication in store.merged_objects(DIPLO.evidenceOf):
        if communication in kinds:
            spans.setdefault(communication, []).append(span)

    def single(predicate):
        return dict(store.merged_objects(predicate))

    ids, titles = single(DIPLO.evidenceArticleId), single(DIPLO.evidenceTitle)
    text, begin = single(DIPLO.exactText), single(DIPLO.beginIndex)
    end, sentence = single(DIPLO.endIndex), single(DIPLO.sentence)
    evidence: dict[str, list[Evidence]] = {}
    for communication, found in spans.items():
        rows = sorted((str(ids[span]), begin[span], end[span], span) for span in set(found)
                      if span in text and span in begin and span in end and span in ids)
        evidence[communication] = [
            Evidence(str(text[span]), _opt(sentence.get(span)), article_id,
                     _opt(titles.get(span)))
            for article_id, _, _, span in rows]
    return evidence


def _split(value) -> list[str]:
    return [v for v in str(value).split("\x1f") if v] if value else []


def _opt(value) -> str | None:
    return None if value is None else str(value)


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


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
    if graph.has_edge(a, b):
        data = graph.edges[a, b]
        if record.iri in data["communications"]:
            return
        data["weight"] += 1
    else:
        graph.add_edge(a, b, weight=1, first=None, last=None, modes=Counter(), communications=[])
        data = graph.edges[a, b]
    data["communications"].append(record.iri)
    data["modes"][record.mode] += 1
    if record.date:
        data["first"] = min(filter(None, [data["first"], record.date]))
        data["last"] = max(filter(None, [data["last"], record.date]))


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

