"""Read an article's extraction back from its RDF graph, in the SCHEMA.md ``gold`` form.

Evaluation and ``kg extract`` go through here, so what is scored is what the graph holds.

>>> from kg.articles import read_article
>>> from kg.build import build_in_memory
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> gold = read_extraction(store, "blinken-abbas-netanyahu-2021-05-12")
>>> sorted(o["name"] for o in gold["officials"])[:2]
['Antony Blinken', 'Benjamin Netanyahu']
"""

from __future__ import annotations

from rdflib import URIRef

from kg.iris import mint_graph_iri
from kg.rdf import MODE_IRIS, STATUS_IRIS
from kg.store import GraphStore

OFFICIALS = """
SELECT ?official ?name (MIN(?label) AS ?post) ?government
       (GROUP_CONCAT(DISTINCT ?alias; separator="\\u001f") AS ?aliases)
WHERE {
  ?official a diplo:Official ; foaf:name ?name .
  OPTIONAL { ?official skos:altLabel ?alias }
  OPTIONAL { ?holding diplo:holder ?official ; diplo:post/rdfs:label ?label }
  OPTIONAL { ?official diplo:represents/skos:prefLabel ?government }
}
GROUP BY ?official ?name ?government
ORDER BY ?name
"""

COMMUNICATIONS = """
SELECT ?communication ?kind ?mode ?status ?date ?location ?initiator
       (GROUP_CONCAT(DISTINCT ?participant; separator="\\u001f") AS ?participants)
       (GROUP_CONCAT(DISTINCT ?counterpart; separator="\\u001f") AS ?counterparts)
       (GROUP_CONCAT(DISTINCT ?topic; separator="\\u001f") AS ?topics)
       (MIN(?begin) AS ?first)
WHERE {
  ?communication a ?class ; diplo:mode ?mode ; diplo:status ?status .
  VALUES (?class ?kind) { (diplo:Contact "contact") (diplo:Statement "statement") }
  OPTIONAL { ?communication diplo:hasParticipant/foaf:name ?participant }
  OPTIONAL { ?communication diplo:counterpartGovernment/skos:prefLabel ?counterpart }
  OPTIONAL { ?communication diplo:initiatedBy/foaf:name ?initiator }
  OPTIONAL { ?communication diplo:date ?date }
  OPTIONAL { ?communication diplo:location ?location }
  OPTIONAL { ?communication diplo:topic ?topic }
  OPTIONAL { ?communication diplo:hasEvidence/diplo:beginIndex ?begin }
}
GROUP BY ?communication ?kind ?mode ?status ?date ?location ?initiator
ORDER BY ?first ?communication
"""

EVIDENCE = """
SELECT ?communication ?text WHERE { ?communication diplo:hasEvidence ?span . ?span diplo:exactText ?text ;
                     diplo:beginIndex ?begin ; diplo:endIndex ?end } ORDER BY ?begin DESC(?end)
"""


MODES = {str(iri): mode.value for mode, iri in MODE_IRIS.items()}
STATUSES = {str(iri): status.value for status, iri in STATUS_IRIS.items()}


def _split(value: object) -> list[str]:
    return sorted(str(value).split("\x1f")) if value else []


def read_extraction(store: GraphStore, article_id: str) -> dict:
    """The officials and communications of one article's graph, as SCHEMA.md ``gold``."""
    graph = mint_graph_iri(article_id)
    officials = [
        {
            "name": row["name"],
            "aliases": _split(row["aliases"]),
            "position": row["post"],
            "government": row["government"],
        }
        for row in store.select(OFFICIALS, graph=graph)
    ]
    communications = []
    for row in store.select(COMMUNICATIONS, graph=graph):
        evidence = store.select(EVIDENCE, {"communication": URIRef(str(row["communication"]))},
                                graph=graph)
        communications.append(
            {
                "kind": row["kind"],
                "mode": MODES[row["mode"]],
                "participants": _split(row["participants"]),
                "counterpart_governments": _split(row["counterparts"]),
                "initiator": row["initiator"],
                "date": row["date"].isoformat() if row["date"] else None,
                "status": STATUSES[row["status"]],
                "location": row["location"],
                "topics": _split(row["topics"]),
                "evidence": str(evidence[0]["text"]) if evidence else None,
                "evidence_spans": [str(e["text"]) for e in evidence],
            }
        )
    return {"officials": officials, "communications": communications}

