"""Every export read back by an independent reader and compared with its source."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.exports import export_network, export_rdf
from kg.network import government_network, official_network, read_contacts
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    from kg.build import build

    path = tmp_path_factory.mktemp("exports") / "store"
    build([ROOT / "seeds"], path, None)
    return path


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


def test_exports_gexf_labels_are_names_and_nodes_carry_metrics(seed_store, tmp_path):
    from kg.metrics import network_metrics

    contacts = read_contacts(seed_store)
    graph = official_network(contacts)
    (path,) = export_network(graph, tmp_path / "net.gexf", "gexf")
    by_name = nx.read_gexf(path, relabel=True)  # Gephi's view: nodes by their label
    names = {data["name"] for _, data in graph.nodes(data=True)}
    assert set(by_name.nodes) == names
    read_back = nx.read_gexf(path)
    expected = {row["id"]: row for row in network_metrics(contacts, "official").rows}
    for node, row in expected.items():
        got = read_back.nodes[node]
        assert got["label"] == row["name"] and got["government"] == row["government"]
        for metric in ("degree", "weighted_degree", "betweenness", "pagerank", "community"):
            assert float(got[metric]) == pytest.approx(float(row[metric]), abs=1e-6), metric


@pytest.mark.parametrize("level", ["official", "government"])
def test_exports_graphml_labels_and_metrics(seed_store, tmp_path, level):
    graph = official_network(read_contacts(seed_store)) if level == "official" else \
        government_network(read_contacts(seed_store))
    (path,) = export_network(graph, tmp_path / "net.graphml", "graphml")
    read_back = nx.read_graphml(path)
    for node, data in graph.nodes(data=True):
        got = read_back.nodes[node]
        assert got["label"] == data["name"]
        assert got["government"] == (data["name"] if level == "government"
                                     else data.get("government", ""))
        assert {"degree", "weighted_degree", "betweenness", "pagerank", "community"} <= set(got)


def test_exports_csv_cells_cannot_run_as_formulas(tmp_path):
    graph = nx.Graph(level="official")
    graph.add_node("a", name="=HYPERLINK(\"http://x\",\"y\")", government="+Evil", post="@SUM(1)")
    graph.add_node("b", name="B", government="-cmd|' /C calc'!A0")
    graph.add_edge("a", "b", weight=1, first=None, last=None, modes=Counter(), communications=[])
    nodes_path, _ = export_network(graph, tmp_path / "net.csv", "csv")
    with nodes_path.open() as stream:
        nodes = {row["id"]: row for row in csv.DictReader(stream)}
    assert nodes["a"]["name"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert nodes["a"]["government"] == "'+Evil" and nodes["a"]["post"] == "'@SUM(1)"
    assert nodes["b"]["government"] == "'-cmd|' /C calc'!A0"
    assert nodes["b"]["degree"] == "1"  # numbers stay numbers


def test_exports_write_through_a_symlink_and_keep_it(seed_store, tmp_path):
    target = tmp_path / "real.ttl"
    target.write_text("old")
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    export_rdf(seed_store, link, "ttl")
    assert link.is_symlink() and link.resolve() == target
    assert "Antony Blinken" in target.read_text()


def written_through_a_fifo(fifo: Path, write) -> bytes:
    """What ``write(fifo)`` sends through a new FIFO at ``fifo``, read by another thread."""
    import os
    import threading

    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write(fifo)
    reader.join(timeout=30)
    return received[0]


def test_exports_write_through_a_fifo(seed_store, tmp_path):
    fifo = tmp_path / "pipe.nt"
    received = written_through_a_fifo(fifo, lambda path: export_rdf(seed_store, path, "nt"))
    assert fifo.is_fifo()  # still a FIFO, not replaced by a regular file
    assert b"Antony Blinken" in received
    assert list(tmp_path.iterdir()) == [fifo]  # no partial file left beside it


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["export", "-f", "ttl"], ["export", "-f", "gexf"],
                                  ["export", "-f", "csv"], ["viz"], ["viz", "--out", "-", "--svg"]])
def test_exports_dev_full_is_a_one_line_error(built_store, tmp_path, args):
    from click.testing import CliRunner

    from kg.cli import cli

    # Through a link to /dev/full: the same write path, but a regression would replace the link
    # in tmp_path, not the machine's /dev/full (as root, a rename onto /dev/full succeeds).
    full = tmp_path / "full"
    full.symlink_to("/dev/full")
    result = CliRunner().invoke(cli, [*args, str(full), "--store", str(built_store)]
                                if args[-1] == "--svg" else
                                [*args, "--out", str(full), "--store", str(built_store)])
    assert result.exit_code != 0 and result.exit_code != 70
    lines = result.stderr.splitlines()
    assert lines[-1] == f"kg: error: {full}: cannot write: No space left on device"
    assert [line for line in lines if not line.startswith("wrote ")] == [lines[-1]]
    assert full.is_symlink() and list(tmp_path.iterdir()) == [full]


def test_exports_csv_tables_go_through_a_fifo_as_one_stream(seed_store, tmp_path):
    fifo = tmp_path / "contacts.csv"
    network = official_network(read_contacts(seed_store))
    received = written_through_a_fifo(fifo, lambda path: export_network(network, path, "csv"))
    # As on standard output: the nodes table, an empty line, the edges table; no file beside it.
    nodes, edges = received.split(b"\r\n\r\n")
    assert nodes.startswith(b"id,") and edges.startswith(b"source,target,")
    assert list(tmp_path.iterdir()) == [fifo]


@pytest.mark.parametrize(("args", "marker"), [
    (["export", "-f", "ttl"], b"foaf:name"), (["export", "-f", "nq"], b"<http"),
    (["export", "-f", "jsonld"], b'"@context"'), (["export", "-f", "gexf"], b"<gexf"),
    (["export", "-f", "graphml"], b"<graphml"), (["export", "-f", "json"], b'"links"'),
    (["export", "-f", "csv"], b"id,"), (["viz"], b"<!DOCTYPE html>"),
])
def test_exports_dash_means_standard_output(built_store, args, marker):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, [*args, "--out", "-", "--store", str(built_store)])
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout_bytes
    assert b"wrote -" not in result.stdout_bytes and "wrote" not in result.stderr
    assert not Path("-").exists()
