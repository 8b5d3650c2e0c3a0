"""The ontology is a documented artefact, and the package finds it when installed."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS

from kg.namespaces import DIPLO
from kg.ontology_files import ONTOLOGY_IRI, ontology_graph, shapes_graph, shipped_query


def test_ontology_has_a_version_iri():
    graph = ontology_graph()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY_IRI, OWL.versionIRI) is not None


def test_ontology_every_term_has_a_label_and_a_comment():
    graph = ontology_graph()
    terms = {s for s in graph.subjects() if str(s).startswith(str(DIPLO._NS))}
    assert len(terms) > 40
    undocumented = [t for t in terms if graph.value(t, RDFS.label) is None
                    or graph.value(t, RDFS.comment) is None]
    assert undocumented == []


def test_ontology_defines_every_term_the_code_uses():
    graph = ontology_graph()
    missing = [name for name in DIPLO.__annotations__ if (DIPLO[name], None, None) not in graph]
    assert missing == []


def test_ontology_aligns_with_standard_vocabularies():
    graph = ontology_graph()
    parents = {str(o) for o in graph.objects(None, RDFS.subClassOf)}
    parents |= {str(o) for o in graph.objects(None, RDFS.subPropertyOf)}
    for vocabulary in ("http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#",
                       "https://schema.org/", "http://www.w3.org/ns/prov#",
                       "http://semanticweb.cs.vu.nl/2009/11/sem/"):
        assert any(p.startswith(vocabulary) for p in parents), vocabulary


def test_ontology_shapes_and_queries_are_package_data():
    assert len(shapes_graph()) > 50
    assert "SELECT" in shipped_query("officials")
