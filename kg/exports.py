"""Write the graph to standard RDF files under ``exports/``.

Every file is written beside its target and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import KgError
from kg.namespaces import FILE_PREFIXES
from kg.store import GraphStore, temporary_output

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
#: The prefixes a JSON-LD reader needs for kg's graphs: kg's own, not every namespace rdflib binds.
JSONLD_CONTEXT = dict(FILE_PREFIXES)


def write_graph_exports(store: GraphStore, folder: Path) -> tuple[Path, ...]:
    """Write ``graph.ttl`` (union of all article graphs) and ``graph.jsonld`` (named graphs)."""
    turtle = export_rdf(store, folder / "graph.ttl", "ttl")
    jsonld = export_rdf(store, folder / "graph.jsonld", "jsonld")
    return turtle, jsonld


def export_rdf(store: GraphStore, path: Path, rdf_format: str) -> Path:
    """Write the store as ``rdf_format`` (ttl, nt, nq, trig, jsonld) to ``path``."""
    with temporary_output(path) as partial:
        if rdf_format == "jsonld":
            _write_jsonld(store, partial)
        else:
            store.dump(partial, RDF_FORMATS[rdf_format], FILE_PREFIXES)
    return path


def _write_jsonld(store: GraphStore, path: Path) -> None:
    """Compact JSON-LD, one named graph at a time, so memory stays bounded by the largest graph
    however large the store is."""
    with path.open("w", encoding="utf-8") as stream:
        stream.write('{\n  "@context": ' + json.dumps(JSONLD_CONTEXT, indent=4) + ',\n  "@graph": [')
        for index, name in enumerate(store.graph_names()):
            graph = store.named_graph(name)
            compact = json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT,
                                                 auto_compact=True))
            nodes = compact.get("@graph", [compact] if "@id" in compact else [])
            for node in nodes:
                node.pop("@context", None)
            entry = {"@id": str(name), "@graph": nodes}
            stream.write(("," if index else "") + "\n    " + json.dumps(entry, ensure_ascii=False))
        stream.write("\n  ]\n}\n")


def triples_to_turtle(triples) -> str:
    """Triples from a CONSTRUCT or DESCRIBE query as Turtle text with kg's prefixes."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=FILE_PREFIXES).decode("utf-8")


NETWORK_FORMATS = ("graphml", "gexf", "csv", "json")


def scalar_network(graph: nx.Graph, dynamic: bool = False) -> nx.Graph:
    """A copy of ``graph`` whose attributes are scalars (dates as ISO text, lists and counts
    joined with ";"), as GraphML, GEXF and CSV require. ``dynamic`` adds GEXF start/end."""
    copy = graph.__class__()
    copy.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float))})
    for node, data in graph.nodes(data=True):
        copy.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for a, b, data in graph.edges(data=True):
        attributes = {k: _scalar(v) for k, v in data.items() if k != "distance"}
        if dynamic and data.get("first"):
            attributes["start"] = data["first"].isoformat()
            attributes["end"] = (data.get("last") or data["first"]).isoformat()
        copy.add_edge(a, b, **attributes)
    if dynamic:
        copy.graph["mode"] = "dynamic"
    return copy


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Counter):
        return ";".join(f"{k}:{v}" for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def export_network(graph: nx.Graph, path: Path, network_format: str) -> tuple[Path, ...]:
    """Write a network as GraphML, GEXF (dynamic edges), CSV (nodes and edges files) or
    node-link JSON. Returns the files written."""
    if network_format == "csv":
        nodes_path = path.with_name(f"{path.stem}-nodes.csv")
        edges_path = path.with_name(f"{path.stem}-edges.csv")
        flat = scalar_network(graph)
        node_columns = sorted({k for _, d in flat.nodes(data=True) for k in d})
        edge_columns = sorted({k for _, _, d in flat.edges(data=True) for k in d})
        with temporary_output(nodes_path) as partial, partial.open("w", newline="",
                                                                    encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["id", *node_columns])
            for node, data in flat.nodes(data=True):
                writer.writerow([node, *(data.get(c, "") for c in node_columns)])
        with temporary_output(edges_path) as partial, partial.open("w", newline="",
                                                                    encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["source", "target", *edge_columns])
            for a, b, data in flat.edges(data=True):
                writer.writerow([a, b, *(data.get(c, "") for c in edge_columns)])
        return nodes_path, edges_path
    with temporary_output(path) as partial:
        if network_format == "graphml":
            nx.write_graphml(scalar_network(graph), partial)
        elif network_format == "gexf":
            nx.write_gexf(scalar_network(graph, dynamic=True), partial)
        elif network_format == "json":
            data = nx.node_link_data(scalar_network(graph), edges="links")
            partial.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                               encoding="utf-8")
        else:
            raise KgError(f"unknown network format {network_format!r}")
    return (path,)
