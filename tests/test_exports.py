"""Every export read back by an independent reader and compared with its source."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.exports import export_network, export_rdf
from kg.network import government_network, official_network, read_contacts


@pytest.mark.parametrize("rdf_format", ["ttl", "nt"])
def test_exports_rdf_triples_equal_the_store_union(seed_store, tmp_path, rdf_format):
    path = export_rdf(seed_store, tmp_path / f"graph.{rdf_format}", rdf_format)
    union = Graph()
    for triple in seed_store.union_triples():
        union.parse(data=f"{triple} .", format="nt")
    read_back = Graph().parse(path, format="turtle" if rdf_format == "ttl" else "nt")
    assert isomorphic(read_back, union)
    with_oxigraph = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE if rdf_format == "ttl"
                                  else ox.RdfFormat.N_TRIPLES))
    assert len(with_oxigraph) == len(union)


@pytest.mark.parametrize(("rdf_format", "rdflib_format"), [("trig", "trig"), ("nq", "nquads"),
                                                            ("jsonld", "json-ld")])
def test_exports_named_graph_formats_keep_one_graph_per_article(seed_store, tmp_path, rdf_format,
                                                                 rdflib_format):
    path = export_rdf(seed_store, tmp_path / f"graph.{rdf_format}", rdf_format)
    dataset = Dataset().parse(path, format=rdflib_format)
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://w3id.org/kg-diplo/id/graph/blinken-abbas-netanyahu-2021-05-12" in names
    assert sum(len(g) for g in dataset.graphs()) == seed_store.quad_count() - seed_store.triple_count()


@pytest.mark.parametrize(("network_format", "reader"), [("graphml", nx.read_graphml),
                                                        ("gexf", nx.read_gexf)])
def test_exports_networks_read_back_with_networkx(seed_store, tmp_path, network_format, reader):
    graph = official_network(read_contacts(seed_store))
    (path,) = export_network(graph, tmp_path / f"net.{network_format}", network_format)
    read_back = reader(path)
    assert set(read_back.nodes) == set(graph.nodes)
    assert {frozenset(e) for e in read_back.edges} == {frozenset(e) for e in graph.edges}
    for a, b, data in graph.edges(data=True):
        got = read_back.edges[a, b]
        assert int(got["weight"]) == data["weight"]
        assert got["first"] == data["first"].isoformat()
        assert got["modes"] == "unspecified:1"
    blinken = "https://w3id.org/kg-diplo/id/official/antony-blinken"
    assert read_back.nodes[blinken]["government"] == "United States"
    if network_format == "gexf":
        assert 'mode="dynamic"' in path.read_text() and 'start="2021-05-12"' in path.read_text()


def test_exports_csv_writes_nodes_and_edges(seed_store, tmp_path):
    graph = government_network(read_contacts(seed_store))
    nodes_path, edges_path = export_network(graph, tmp_path / "gov.csv", "csv")
    with nodes_path.open() as stream:
        nodes = list(csv.DictReader(stream))
    with edges_path.open() as stream:
        edges = list(csv.DictReader(stream))
    assert {row["name"] for row in nodes} >= {"United States", "Israel", "Palestinian Authority"}
    assert len(edges) == graph.number_of_edges() == 3
    assert {int(row["weight"]) for row in edges} == {2, 1}


def test_exports_node_link_json(seed_store, tmp_path):
    graph = official_network(read_contacts(seed_store))
    (path,) = export_network(graph, tmp_path / "net.json", "json")
    read_back = nx.node_link_graph(json.loads(path.read_text()), edges="links")
    assert set(read_back.edges) == set(graph.edges)
