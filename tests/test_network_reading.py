"""The contact network read by hashed sub-SELECTs (participants as numbers, titles per article)
gives what the plain reading from before gave: the same records, evidence in the same order,
officials and governments, and so the same view, on a store with articles replaced and removed.
A view, which reads only the evidence it shows, draws the same page as from the full reading.
"""

from __future__ import annotations

import dataclasses

import pytest

from kg.articles import load_articles
from kg.bench import synthetic_corpus
from kg.extract import extract
from kg.model import Article
from kg.network import (
    CommunicationRecord,
    Contacts,
    Evidence,
    Window,
    _as_date,
    _contacts,
    _split,
    active_subgraph,
    main_government,
    official_network,
    project,
    read_contacts,
    read_shown_contacts,
    records_by_iri,
)
from kg.ontology_files import ontology_graph
from kg.rdf import to_graph
from kg.store import GraphStore
from kg.viz import around, describe, edge_tooltip, network_view, render_html
from tests.conftest import DEV, SEED
from tests.test_query_equivalence import SparqlOnly

#: The queries of the reading before this one: one join per row, every IRI handed out.
PLAIN_CONTACTS = """
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
PLAIN_EVIDENCE = """
SELECT ?communication ?text ?sentence ?title ?article
WHERE {
  ?communication diplo:hasEvidence ?span .
  ?span diplo:exactText ?text ; diplo:inArticle ?articleNode ; diplo:beginIndex ?begin ;
        diplo:endIndex ?end .
  ?articleNode diplo:articleId ?article .
  OPTIONAL { ?span diplo:sentence ?sentence }
  OPTIONAL { ?articleNode schema:headline ?title }
}
ORDER BY ?communication ?article ?begin ?end
"""
PLAIN_OFFICIALS = """
SELECT ?official (MIN(?name) AS ?label) (MIN(?postLabel) AS ?post)
       (MIN(CONCAT(STR(?government), "\\u001f", STR(?governmentName))) AS ?governmentKey)
WHERE {
  ?official a diplo:Official ; foaf:name ?name .
  OPTIONAL { ?official org:holds/rdfs:label ?postLabel }
  OPTIONAL { ?official diplo:represents ?government . ?government skos:prefLabel ?governmentName }
}
GROUP BY ?official
"""
PLAIN_SUPPORT = """
SELECT ?official ?government (MIN(?name) AS ?label) (COUNT(DISTINCT ?article) AS ?articles)
WHERE { GRAPH ?article { ?official diplo:represents ?government }
        ?government skos:prefLabel ?name }
GROUP BY ?official ?government
"""
PLAIN_GOVERNMENTS = """
SELECT ?government (MIN(?name) AS ?label) (MIN(STR(?class)) AS ?type)
WHERE { ?government skos:prefLabel ?name ; a ?class .
        VALUES ?class { diplo:State diplo:Authority diplo:InternationalOrganisation diplo:Government } }
GROUP BY ?government
"""


def plain_contacts(store: GraphStore) -> Contacts:
    """The contacts as the reading before hashed sub-SELECTs built them (the reference)."""
    def text(value):
        return None if value is None else str(value)

    evidence: dict[str, list[Evidence]] = {}
    for row in store.select(PLAIN_EVIDENCE):
        evidence.setdefault(str(row["communication"]), []).append(Evidence(
            str(row["text"]), text(row["sentence"]), str(row["article"]), text(row["title"])))
    records = [CommunicationRecord(
        iri=str(row["communication"]), kind=str(row["kind"]), mode=str(row["mode"]),
        status=str(row["status"]), date=_as_date(row["date"]),
        participants=tuple(sorted(_split(row["participants"]))),
        counterparts=tuple(sorted(_split(row["counterparts"]))),
        initiator=text(row["initiator"]),
        evidence=tuple(evidence.get(str(row["communication"]), ())))
        for row in store.select(PLAIN_CONTACTS)]
    support, candidates = {}, {}
    for row in store.select(PLAIN_SUPPORT):
        official, government = str(row["official"]), str(row["government"])
        support[official, government] = int(row["articles"])
        candidates.setdefault(official, []).append((government, str(row["label"])))
    officials = {}
    for row in store.select(PLAIN_OFFICIALS):
        official = str(row["official"])
        government_iri, _, government = (text(row["governmentKey"]) or "").partition("\x1f")
        if official in candidates:
            government_iri, government = main_government(official, candidates[official], support)
        officials[official] = {"name": str(row["label"]), "post": text(row["post"]) or "",
                               "government": government, "government_iri": government_iri}
    governments = {str(row["government"]): {"name": str(row["label"]),
                                            "type": str(row["type"]).rsplit("#", 1)[-1]}
                   for row in store.select(PLAIN_GOVERNMENTS)}
    return _contacts(records, officials, governments)


def _renamed(article: Article, new_id: str, text: str) -> Article:
    return dataclasses.replace(article, meta=dataclasses.replace(article.meta, id=new_id),
                               text=text)


@pytest.fixture(scope="module")
def changed_store() -> GraphStore:
    """Real and synthetic articles; one replaced by another's text under its id, one removed."""
    corpus = [*load_articles([SEED, *sorted(DEV.glob("*.txt"))[:8]], lambda message: None),
              *synthetic_corpus(20, seed=11)]
    store = GraphStore.in_memory()
    store.replace_articles([ontology_graph(), *(to_graph(extract(a)) for a in corpus)])
    store.replace_articles([to_graph(extract(_renamed(corpus[2], corpus[2].id, corpus[12].text)))])
    store.remove_articles([corpus[4].id, corpus[15].id])
    return store


def test_network_reading_equals_the_plain_reading(changed_store):
    plain = plain_contacts(changed_store)
    assert any(r.evidence for r in plain.communications)
    assert read_contacts(changed_store) == plain
    assert read_contacts(SparqlOnly(changed_store)) == plain
    bare = read_contacts(changed_store, with_evidence=False)
    assert bare == dataclasses.replace(plain, communications=tuple(
        dataclasses.replace(r, evidence=()) for r in plain.communications))


def test_network_reading_gives_the_same_view_and_tooltips(changed_store):
    plain, found = plain_contacts(changed_store), read_contacts(changed_store)
    graph = active_subgraph(official_network(found))
    records, plain_records = records_by_iri(found), records_by_iri(plain)
    assert graph.number_of_edges()
    for a, b in graph.edges:
        assert edge_tooltip(graph, a, b, records) == edge_tooltip(graph, a, b, plain_records)
    assert describe(graph, records) == describe(graph, plain_records)
    assert render_html(graph, records=records) == render_html(
        active_subgraph(official_network(plain)), records=plain_records)


def test_view_reads_only_contacts_evidence(changed_store):
    full = read_contacts(changed_store)
    assert any(r.evidence for r in full.communications if r.kind == "statement")
    shown = dataclasses.replace(full, communications=tuple(
        r if r.kind == "contact" else dataclasses.replace(r, evidence=())
        for r in full.communications))
    assert read_shown_contacts(changed_store) == shown
    assert read_shown_contacts(SparqlOnly(changed_store)) == shown


@pytest.mark.parametrize("level", ["official", "government"])
def test_view_draws_the_page_of_the_full_reading(changed_store, level):
    full = read_contacts(changed_store)
    records = records_by_iri(full)
    window = Window(status="occurred")
    for view_window in (Window(), window):
        graph, shown_records = network_view(changed_store, level, view_window)
        expected = project(full, level, view_window)
        assert graph.number_of_edges()
        assert render_html(graph, records=shown_records) == render_html(expected, records=records)
    # The page, not the reading, leaves officials without ties out, and says how many.
    isolated = sum(1 for _, ties in graph.degree() if not ties)
    assert isolated or level == "government"
    if isolated:
        assert f"without ties are left out ({isolated} here)" in render_html(graph)
    key = "name" if level == "government" else "government"
    government = min(data[key] for _, data in graph.nodes(data=True) if data.get(key))
    graph, shown_records = network_view(changed_store, level, window, government)
    assert render_html(graph, records=shown_records) == render_html(
        around(project(full, level, window), government), records=records)
