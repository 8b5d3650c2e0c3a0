"""Write the graph to standard RDF files under ``exports/``.

Every file is written beside its target and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

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
            dataset = store.to_dataset()
            text = dataset.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True)
            # Re-dump through json for stable, readable output.
            partial.write_text(json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n",
                               encoding="utf-8")
        else:
            store.dump(partial, RDF_FORMATS[rdf_format], FILE_PREFIXES)
    return path


def triples_to_turtle(triples) -> str:
    """Triples from a CONSTRUCT or DESCRIBE query as Turtle text with kg's prefixes."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=FILE_PREFIXES).decode("utf-8")
