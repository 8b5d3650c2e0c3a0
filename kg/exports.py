"""Write the graph to standard RDF files and the contact network to network files.

Every output goes through :func:`output_path`: a regular file is written beside its target and
renamed into place, so a reader never sees half a file; a FIFO, a device or a symbolic link is
written through (never replaced by a regular file); ``-`` is standard output.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import shutil
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import KgError
from kg.namespaces import FILE_PREFIXES
from kg.network import collection_paused
from kg.store import GraphStore
from kg.tabular import spreadsheet_safe

#: The name that means standard output wherever kg takes an output file.
STDOUT = "-"


def is_stdout(target) -> bool:
    """Whether ``target`` names standard output (``-``).

    >>> is_stdout("-"), is_stdout(Path("-")), is_stdout("out.ttl")
    (True, True, False)
    """
    return str(target) == STDOUT


@contextlib.contextmanager
def output_path(target: Path | str) -> Iterator[Path]:
    """Yield a path to write ``target``'s content to, and put it in place afterwards.

    - a regular file (or a new one): a temporary file beside it, renamed onto it once written (a
      reader never sees half a file; a failed write leaves the old file); its mode is kept;
    - a symbolic link: the same, on the file it points to, so the link stays a link;
    - a FIFO, a character device (``/dev/full``, ``/dev/null``, a terminal) or a socket: written
      through, never replaced by a regular file;
    - ``-``: standard output.

    Writers (Oxigraph's dump, matplotlib, networkx) take paths, and some of them sync or seek
    the file, which a pipe or a device refuses; so the last two are written to a temporary file
    first and copied to the target.

    Raises:
        KgError: the output cannot be written (no space, no permission, ...), in one line.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with output_path(folder / "new" / "a.txt") as path:
    ...     _ = path.write_text("hello")
    >>> (folder / "new" / "a.txt").read_text()
    'hello'
    """
    try:
        if is_stdout(target):
            with _copied(_standard_output) as path:
                yield path
            return
        target = Path(target)
        if _is_special(target):
            with _copied(lambda: target.open("wb")) as path:
                yield path
            return
        with _replaced(Path(os.path.realpath(target))) as path:
            yield path
    except BrokenPipeError:
        raise  # the reader of a pipe went away: the CLI ends quietly
    except OSError as error:
        raise KgError(f"{target}: cannot write: {error.strerror or error}") from None


def _is_special(target: Path) -> bool:
    """An existing output that is not a regular file once links are followed (FIFO, device)."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        return False  # new file, or a dangling link: created where it points


@contextlib.contextmanager
def _replaced(path: Path) -> Iterator[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    # The process id keeps two kg processes writing the same file from sharing a partial file.
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield partial
        if path.exists():
            shutil.copymode(path, partial)
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()


@contextlib.contextmanager
def _standard_output():
    sys.stdout.flush()
    yield sys.stdout.buffer
    sys.stdout.buffer.flush()


@contextlib.contextmanager
def _copied(open_sink) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="kg-out-") as folder:
        path = Path(folder) / "output"
        yield path
        with path.open("rb") as source, open_sink() as sink:
            shutil.copyfileobj(source, sink)


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
    with output_path(path) as partial:
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
#: What every node of a network file carries besides its own attributes, so a Gephi user can
#: colour (community, government) and size (the centralities) at once.
NODE_METRICS = ("degree", "weighted_degree", "betweenness", "pagerank", "community")


def node_metrics(graph: nx.Graph, seed: int = 42) -> dict[str, dict[str, object]]:
    """Degree, weighted degree, betweenness, PageRank and Louvain community per node.

    Computed as ``kg metrics`` computes them, on the nodes with at least one tie (so the figures
    are equal); a node without ties has 0 everywhere and community -1.

    >>> g = nx.Graph(); g.add_edge("a", "b", weight=2); g.add_node("c")
    >>> node_metrics(g)["a"]["weighted_degree"], node_metrics(g)["c"]["community"]
    (2, -1)
    """
    from kg.metrics import betweenness, communities
    from kg.network import active_subgraph

    active = active_subgraph(graph)
    metrics = {node: {"degree": 0, "weighted_degree": 0, "betweenness": 0.0, "pagerank": 0.0,
                      "community": -1} for node in graph}
    if active.number_of_nodes() == 0:
        return metrics
    between, _ = betweenness(active, seed)
    try:
        pagerank = nx.pagerank(active, weight="weight")
    except nx.PowerIterationFailedConvergence:
        pagerank = {}
    community = communities(active, seed)
    weighted = dict(active.degree(weight="weight"))
    for node, degree in active.degree():
        metrics[node] = {"degree": degree, "weighted_degree": weighted[node],
                         "betweenness": round(between[node], 6),
                         "pagerank": round(pagerank.get(node, 0.0), 6),
                         "community": community[node]}
    return metrics


def scalar_network(graph: nx.Graph, dynamic: bool = False) -> nx.Graph:
    """A copy of ``graph`` for network files: attributes are scalars (dates as ISO text, lists
    and counts joined with ";"), each node has a ``label`` (its name: Gephi shows labels, not
    IRIs), its ``government`` and the :data:`NODE_METRICS`. ``dynamic`` adds GEXF start/end."""
    copy = graph.__class__()
    copy.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float))})
    metrics = node_metrics(graph)
    government_level = graph.graph.get("level") == "government"
    for node, data in graph.nodes(data=True):
        attributes = {k: _scalar(v) for k, v in data.items()}
        name = attributes.get("name") or str(node)
        attributes["label"] = name
        attributes["government"] = name if government_level else attributes.get("government", "")
        attributes.update(metrics[node])
        copy.add_node(node, **attributes)
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


@collection_paused()
def export_network(graph: nx.Graph, path: Path | str, network_format: str) -> tuple[Path, ...]:
    """Write a network as GraphML, GEXF (dynamic edges), CSV or node-link JSON. Returns the
    files written. CSV writes ``NAME-nodes.csv`` and ``NAME-edges.csv`` beside ``path``; to
    standard output (``-``), a FIFO or a device, one stream: the nodes table, an empty line and
    the edges table.

    Every string cell of the CSV files goes through :func:`kg.tabular.spreadsheet_safe`, so a
    name or title that starts like a formula stays text in a spreadsheet.
    """
    if network_format not in NETWORK_FORMATS:
        raise KgError(f"unknown network format {network_format!r}")
    if network_format == "csv":
        return _export_csv(scalar_network(graph), path)
    with output_path(path) as partial:
        if network_format == "graphml":
            nx.write_graphml(scalar_network(graph), partial)
        elif network_format == "gexf":
            nx.write_gexf(scalar_network(graph, dynamic=True), partial)
        else:
            data = nx.node_link_data(scalar_network(graph), edges="links")
            partial.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                               encoding="utf-8")
    return (Path(path),)


def network_tables(flat: nx.Graph) -> tuple[list[list], list[list]]:
    """The nodes table (id first) and the edges table (source, target first) of a scalar network,
    header rows included, every cell safe to open in a spreadsheet.

    >>> g = nx.Graph(); g.add_node("a", name="=HYPERLINK(1)"); g.add_node("b", name="B")
    >>> g.add_edge("a", "b", weight=1)
    >>> network_tables(g)[0][1]
    ['a', "'=HYPERLINK(1)"]
    """
    node_columns = sorted({k for _, d in flat.nodes(data=True) for k in d})
    edge_columns = sorted({k for _, _, d in flat.edges(data=True) for k in d})
    nodes = [["id", *node_columns]]
    nodes += [[node, *(data.get(c, "") for c in node_columns)]
              for node, data in flat.nodes(data=True)]
    edges = [["source", "target", *edge_columns]]
    edges += [[a, b, *(data.get(c, "") for c in edge_columns)]
              for a, b, data in flat.edges(data=True)]
    safe = [[spreadsheet_safe(cell) for cell in row] for row in nodes], \
        [[spreadsheet_safe(cell) for cell in row] for row in edges]
    return safe


def _export_csv(flat: nx.Graph, path: Path | str) -> tuple[Path, ...]:
    nodes, edges = network_tables(flat)
    if is_stdout(path) or _is_special(Path(path)):
        with output_path(path) as partial, partial.open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(nodes)
            out.write("\r\n")
            csv.writer(out).writerows(edges)
        return (Path(path),)
    path = Path(path)
    written = []
    for table, suffix in ((nodes, "nodes"), (edges, "edges")):
        target = path.with_name(f"{path.stem}-{suffix}.csv")
        with output_path(target) as partial, partial.open("w", newline="",
                                                          encoding="utf-8") as out:
            csv.writer(out).writerows(table)
        written.append(target)
    return tuple(written)
