"""Metrics of contact networks: pure functions that take a networkx graph first.

Cheap metrics come from networkx; the path-based ones (betweenness, closeness, harmonic
centrality) and Burt's constraint come from igraph's C core when the network is large, because
networkx needs minutes there (see FINDINGS). Every table says which metrics were approximated.

>>> import networkx as nx
>>> star = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c")])
>>> nx.set_node_attributes(star, {"hub": "X", "a": "Y", "b": "Y", "c": "Z"}, "government")
>>> brokerage_roles(star.to_directed(), "government")["hub"]["liaison"]
4
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from kg.network import Contacts, Window, active_subgraph, project

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
#: Above this many nodes, path-based metrics and constraint come from igraph's C core (networkx's
#: pure-Python versions take minutes at a few thousand nodes with dense ties).
EXACT_LIMIT = 100
#: Above this many nodes, betweenness, closeness and harmonic centrality are estimated from
#: shortest paths out of a seeded sample of source nodes (weighted exact runs take a minute at
#: 10k nodes and 100k ties); the table says so in its notes.
SAMPLE_LIMIT = 3000
SAMPLE_SOURCES = 200


@dataclass(frozen=True)
class MetricsTable:
    """One row per node, in descending order of weighted degree; ``notes`` says what is estimated."""

    columns: tuple[str, ...]
    rows: tuple[dict, ...]
    notes: tuple[str, ...] = ()


def brokerage_roles(graph: nx.DiGraph, group: str) -> dict[str, dict[str, int]]:
    """Gould–Fernandez brokerage: for every path a → b → c with no tie a → c, b is a broker whose
    role depends on the groups of a, b and c.

    Roles: *coordinator* (all three in one group), *itinerant* or consultant (a and c share a
    group, b is outside), *representative* (b shares a's group, c is outside), *gatekeeper*
    (b shares c's group, a is outside), *liaison* (three different groups). Undirected graphs
    should be passed as ``graph.to_directed()`` (mutual ties).

    >>> g = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(g, {"a": 1, "b": 1, "c": 2}, "gov")
    >>> brokerage_roles(g, "gov")["b"]
    {'coordinator': 0, 'itinerant': 0, 'representative': 1, 'gatekeeper': 0, 'liaison': 0}
    """
    groups = nx.get_node_attributes(graph, group)
    roles = {node: dict.fromkeys(ROLES, 0) for node in graph}
    for broker in graph:
        for source in graph.predecessors(broker):
            for target in graph.successors(broker):
                if source == target or source == broker or target == broker:
                    continue
                if graph.has_edge(source, target):
                    continue
                role = _role(groups.get(source), groups.get(broker), groups.get(target))
                roles[broker][role] += 1
    return roles


def _role(a, b, c) -> str:
    if a == b == c:
        return "coordinator"
    if a == c:
        return "itinerant"
    if a == b:
        return "representative"
    if b == c:
        return "gatekeeper"
    return "liaison"


def effective_size(graph: nx.Graph) -> dict[str, float]:
    """Burt's effective size, in Borgatti's form for unweighted ties: n − 2t/n, where n is the
    number of neighbours and t the number of ties among them.

    >>> effective_size(nx.Graph([("a", "b"), ("a", "c"), ("b", "c"), ("a", "d")]))["a"]
    2.3333333333333335
    """
    triangles = nx.triangles(graph)
    sizes = {}
    for node, degree in graph.degree():
        sizes[node] = degree - 2 * triangles[node] / degree if degree else math.nan
    return sizes


def constraint(graph: nx.Graph, weight: str = "weight") -> dict[str, float]:
    """Burt's constraint with tie weights (igraph for large networks, same definition)."""
    if graph.number_of_nodes() > EXACT_LIMIT and _igraph() is not None:
        ig_graph, nodes = _to_igraph(graph, weight)
        values = ig_graph.constraint(weights="weight")
        return dict(zip(nodes, values))
    return nx.constraint(graph, weight=weight)


def betweenness(graph: nx.Graph, seed: int = 42) -> tuple[dict[str, float], str | None]:
    """Normalised betweenness with distance = 1 / number of contacts; a note when estimated."""
    _set_distance(graph)
    n = graph.number_of_nodes()
    if n <= EXACT_LIMIT or _igraph() is None:
        return nx.betweenness_centrality(graph, weight="distance", normalized=True), None
    ig_graph, nodes = _to_igraph(graph, "distance")
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1
    if n <= SAMPLE_LIMIT:
        raw = ig_graph.betweenness(weights="weight", directed=False)
        return {node: value * scale for node, value in zip(nodes, raw)}, None
    sources = _sample(n, seed)
    # Brandes–Pich: dependencies from k random sources, scaled by n / k.
    raw = ig_graph.betweenness(weights="weight", directed=False, sources=sources)
    factor = scale * n / len(sources)
    return ({node: value * factor for node, value in zip(nodes, raw)},
            (f"betweenness, closeness and harmonic centrality estimated from {len(sources)} "
            f"sampled sources ({n} nodes > {SAMPLE_LIMIT})"))


def closeness(graph: nx.Graph, seed: int = 42) -> dict[str, dict[str, float]]:
    """Closeness (over the nodes each node reaches) and normalised harmonic centrality, on
    distance = 1 / number of contacts."""
    _set_distance(graph)
    n = graph.number_of_nodes()
    if n <= EXACT_LIMIT or _igraph() is None:
        harmonic = nx.harmonic_centrality(graph, distance="distance")
        return {
            "closeness": nx.closeness_centrality(graph, distance="distance", wf_improved=False),
            "harmonic": {k: v / (n - 1) if n > 1 else 0.0 for k, v in harmonic.items()},
        }
    ig_graph, nodes = _to_igraph(graph, "distance")
    if n <= SAMPLE_LIMIT:
        close = ig_graph.closeness(weights="weight")
        harmonic = ig_graph.harmonic_centrality(weights="weight", normalized=True)
        return {"closeness": dict(zip(nodes, close)), "harmonic": dict(zip(nodes, harmonic))}
    sources = _sample(n, seed)
    distances = ig_graph.distances(source=sources, weights="weight")
    close, harmonic = {}, {}
    for column, node in enumerate(nodes):
        reach = [row[column] for row, s in zip(distances, sources)
                 if s != column and math.isfinite(row[column])]
        close[node] = len(reach) / sum(reach) if reach and sum(reach) else 0.0
        harmonic[node] = sum(1 / d for d in reach if d) / len(sources)
    return {"closeness": close, "harmonic": harmonic}


def _sample(n: int, seed: int) -> list[int]:
    import random

    return sorted(random.Random(seed).sample(range(n), min(SAMPLE_SOURCES, n)))


def communities(graph: nx.Graph, seed: int = 42) -> dict[str, int]:
    """Louvain communities (weighted, seeded): node -> community number, largest first."""
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: index for index, members in enumerate(ordered) for node in members}


def initiative(directed: nx.DiGraph) -> dict[str, dict[str, float]]:
    """Reciprocity and initiative balance per node of the directed (initiator → other) network.

    Initiative balance is (initiated − received) / (initiated + received), from −1 (always
    contacted by others) to 1 (always the caller, visitor or sender).
    """
    reciprocity = nx.reciprocity(directed, directed.nodes) if directed.number_of_edges() else {}
    result = {}
    for node in directed:
        out_weight = directed.out_degree(node, weight="weight")
        in_weight = directed.in_degree(node, weight="weight")
        total = out_weight + in_weight
        result[node] = {
            "reciprocity": reciprocity.get(node) if reciprocity else None,
            "initiative_balance": (out_weight - in_weight) / total if total else None,
        }
    return result


def metrics_table(graph: nx.Graph, directed: nx.DiGraph | None = None, group: str | None = None,
                  seed: int = 42) -> MetricsTable:
    """Every metric for every node with at least one tie.

    ``directed`` (initiator → other) adds reciprocity and initiative balance; ``group`` (a node
    attribute such as "government") adds the Gould–Fernandez brokerage roles.
    """
    active = active_subgraph(graph)
    notes: list[str] = []
    if active.number_of_nodes() == 0:
        return MetricsTable(("name",), (), ("no ties in this window",))
    degree = dict(active.degree())
    weighted = dict(active.degree(weight="weight"))
    between, note = betweenness(active, seed)
    if note:
        notes.append(note)
    close = closeness(active, seed)
    eigen = _safe(lambda: nx.eigenvector_centrality_numpy(active, weight="weight"), active) or _safe(
        lambda: nx.eigenvector_centrality(active, weight="weight", max_iter=1000, tol=1e-6), active)
    pagerank = _safe(lambda: nx.pagerank(active, weight="weight"), active)
    clustering = nx.clustering(active, weight="weight")
    community = communities(active, seed)
    burt = constraint(active)
    size = effective_size(active)
    brokerage = brokerage_roles(active.to_directed(), group) if group else None
    turns = initiative(directed.subgraph(active.nodes)) if directed is not None else None
    rows = []
    for node in sorted(active, key=lambda n: (-weighted[n], -degree[n], str(n))):
        data = active.nodes[node]
        row = {
            "id": node,
            "name": data.get("name", node),
            "post": data.get("post", ""),
            "government": data.get("government", ""),
            "degree": degree[node],
            "weighted_degree": weighted[node],
            "statements": data.get("statements", 0),
            "betweenness": round(between[node], 6),
            "closeness": round(close["closeness"][node], 6),
            "harmonic": round(close["harmonic"][node], 6),
            "eigenvector": _round(eigen.get(node)),
            "pagerank": _round(pagerank.get(node)),
            "clustering": round(clustering[node], 6),
            "community": community[node],
            "constraint": _round(burt.get(node)),
            "effective_size": _round(size.get(node)),
        }
        if turns is not None:
            row.update({k: _round(v) for k, v in turns.get(node, {}).items()})
        if brokerage is not None:
            row.update({f"broker_{role}": brokerage[node][role] for role in ROLES})
        rows.append(row)
    return MetricsTable(tuple(rows[0]), tuple(rows), tuple(notes))


def network_metrics(contacts: Contacts, level: str, window: Window = Window(),
                    seed: int = 42) -> MetricsTable:
    """The metrics table of the projection at ``level`` in ``window``."""
    from kg.network import directed_official_network

    graph = project(contacts, level, window)
    if level == "official":
        table = metrics_table(graph, directed_official_network(contacts, window), "government", seed)
    else:
        table = metrics_table(graph, None, None, seed)
    if level == "government":
        table = MetricsTable(tuple(c for c in table.columns if c not in ("post", "government")),
                             tuple({k: v for k, v in r.items() if k not in ("post", "government")}
                                   for r in table.rows), table.notes)
    return table


def windowed_metrics(contacts: Contacts, level: str, days: int, window: Window = Window(),
                     seed: int = 42) -> MetricsTable:
    """Metrics per consecutive window of ``days`` days: one row per node active in a window."""
    dates = [r.date for r in contacts.communications if r.date and window.admits(r)]
    if not dates:
        return MetricsTable(("window_start", "window_end"), (), ("no dated contacts",))
    start = window.since or min(dates)
    end = window.until or max(dates)
    rows: list[dict] = []
    notes: set[str] = set()
    columns: tuple[str, ...] = ()
    cursor = start
    while cursor <= end:
        stop = min(cursor + dt.timedelta(days=days - 1), end)
        table = network_metrics(contacts, level, Window(cursor, stop, window.status), seed)
        notes.update(n for n in table.notes if n != "no ties in this window")
        for row in table.rows:
            rows.append({"window_start": cursor, "window_end": stop, **row})
        if table.rows and not columns:
            columns = ("window_start", "window_end", *table.columns)
        cursor = stop + dt.timedelta(days=1)
    return MetricsTable(columns or ("window_start", "window_end"), tuple(rows), tuple(sorted(notes)))


def _set_distance(graph: nx.Graph) -> None:
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data.get("weight", 1)


def _safe(compute: Callable[[], dict], graph: nx.Graph) -> dict:
    try:
        return compute()
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException, ValueError, TypeError):
        return {}


def _round(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(value, 6)


def _igraph():
    try:
        import igraph
    except ImportError:  # optional: networkx sampling is the fallback
        return None
    return igraph


def _to_igraph(graph: nx.Graph, weight: str):
    igraph = _igraph()
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in graph.edges]
    ig_graph = igraph.Graph(n=len(nodes), edges=edges, directed=False)
    ig_graph.es["weight"] = [data.get(weight, 1.0) for _, _, data in graph.edges(data=True)]
    return ig_graph, nodes


__all__ = [
    "MetricsTable",
    "betweenness",
    "brokerage_roles",
    "closeness",
    "communities",
    "constraint",
    "effective_size",
    "initiative",
    "metrics_table",
    "network_metrics",
    "windowed_metrics",
]
