"""SHACL validation: the seed conforms, and broken graphs are reported."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.extract import extract
from kg.namespaces import DIPLO
from kg.rdf import to_graph
from kg.validate import validate_graph, validate_store


def test_validate_seed_conforms(seed_store):
    report = validate_store(seed_store)
    assert report.conforms and report.articles == 1


def _first(graph, predicate):
    return next(graph.subject_objects(predicate))


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda g: g.remove((None, DIPLO.status, None)), "exactly one status"),
        (lambda g: g.add((_first(g, DIPLO.date)[0], DIPLO.date, Literal("2021-05-13", datatype=XSD.date))),
         "at most one date"),
        (lambda g: g.set((_first(g, DIPLO.date)[0], DIPLO.date, Literal("Wednesday"))),
         "at most one date"),
        (lambda g: g.remove((None, DIPLO.hasEvidence, None)), "point at the text"),
        (lambda g: g.set((_first(g, DIPLO.exactText)[0], DIPLO.exactText, Literal("forged"))),
         "article text between its offsets"),
        (lambda g: g.add((_first(g, DIPLO.hasParticipant)[0], DIPLO.initiatedBy,
                          URIRef("https://w3id.org/kg-diplo/id/official/nobody"))),
         "initiator must be one of the participants"),
    ],
)
def test_validate_reports_broken_graphs(seed_article, break_it, message):
    graph = to_graph(extract(seed_article))
    break_it(graph)
    violations = validate_graph(graph, "seed")
    assert any(message in v.message for v in violations), [str(v) for v in violations]
