"""Network projections of the seed and metrics on small graphs with values computed by hand."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from kg import metrics
from kg.metrics import (
    brokerage_roles,
    constraint,
    effective_size,
    initiative,
    metrics_table,
    network_metrics,
    windowed_metrics,
)
from kg.network import (
    CommunicationRecord,
    Contacts,
    Window,
    government_network,
    official_network,
    read_contacts,
)

ID = "https://w3id.org/kg-diplo/id/"


def official(slug):
    return f"{ID}official/{slug}"


def government(slug):
    return f"{ID}government/{slug}"


def test_metrics_seed_official_level(seed_store):
    graph = official_network(read_contacts(seed_store))
    assert graph.has_edge(official("antony-blinken"), official("mahmoud-abbas"))
    assert graph.has_edge(official("antony-blinken"), official("benjamin-netanyahu"))
    edge = graph.edges[official("antony-blinken"), official("mahmoud-abbas")]
    assert (edge["weight"], edge["first"], edge["last"]) == (1, dt.date(2021, 5, 12),
                                                             dt.date(2021, 5, 12))
    assert graph.nodes[official("antony-blinken")]["statements"] == 2
    table = network_metrics(read_contacts(seed_store), "official")
    assert table.rows[0]["name"] == "Antony Blinken"
    assert table.rows[0]["degree"] == max(r["degree"] for r in table.rows) == 2
    assert table.rows[0]["betweenness"] == 1.0


def test_metrics_seed_government_level(seed_store):
    graph = government_network(read_contacts(seed_store))
    assert graph.has_edge(government("united-states"), government("israel"))
    assert graph.has_edge(government("united-states"), government("palestinian-authority"))
    assert graph.edges[government("united-states"), government("israel")]["weight"] == 2


def test_metrics_window_and_status_filter_the_ties(seed_store):
    contacts = read_contacts(seed_store)
    assert official_network(contacts, Window(since=dt.date(2021, 5, 13))).number_of_edges() == 0
    planned = government_network(contacts, Window(status="planned"))
    assert sorted(graph_edge_names(planned)) == [("Israel", "Palestinian Authority"),
                                                 ("Israel", "United States"),
                                                 ("Palestinian Authority", "United States")]
    occurred = government_network(contacts, Window(status="occurred"))
    assert len(graph_edge_names(occurred)) == 2


def graph_edge_names(graph):
    return [tuple(sorted((graph.nodes[a]["name"], graph.nodes[b]["name"]))) for a, b in graph.edges]


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        ({"a": 1, "b": 1, "c": 1}, "coordinator"),
        ({"a": 1, "b": 2, "c": 1}, "itinerant"),
        ({"a": 1, "b": 1, "c": 2}, "representative"),
        ({"a": 1, "b": 2, "c": 2}, "gatekeeper"),
        ({"a": 1, "b": 2, "c": 3}, "liaison"),
    ],
)
def test_metrics_brokerage_roles_by_definition(groups, role):
    graph = nx.DiGraph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(graph, groups, "gov")
    roles = brokerage_roles(graph, "gov")
    assert roles["b"] == {r: int(r == role) for r in metrics.ROLES}
    assert sum(roles["a"].values()) == sum(roles["c"].values()) == 0


def test_metrics_brokerage_ignores_closed_triads():
    graph = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    nx.set_node_attributes(graph, {"a": 1, "b": 2, "c": 3}, "gov")
    assert sum(brokerage_roles(graph, "gov")["b"].values()) == 0


def test_metrics_constraint_and_effective_size_by_hand():
    star = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c")])
    triangle = nx.Graph([("x", "y"), ("y", "z"), ("z", "x")])
    assert constraint(star, weight=None)["hub"] == pytest.approx(1 / 3)
    assert constraint(star, weight=None)["a"] == pytest.approx(1.0)
    assert constraint(triangle, weight=None)["x"] == pytest.approx(9 / 8)
    assert effective_size(star)["hub"] == 3
    assert effective_size(triangle)["x"] == 1


def test_metrics_large_networks_use_igraph_with_the_same_values(monkeypatch):
    graph = nx.gnm_random_graph(60, 150, seed=3)
    for a, b in graph.edges:
        # Weights 1, 2 and 4 keep distances (1/weight) exact in binary, so ties between
        # equally short paths do not depend on rounding.
        graph.edges[a, b]["weight"] = 2 ** ((a + b) % 3)
    expected_constraint = nx.constraint(graph, weight="weight")
    expected_between, _ = metrics.betweenness(graph)
    expected_close = metrics.closeness(graph)
    monkeypatch.setattr(metrics, "EXACT_LIMIT", 10)
    got_between, note = metrics.betweenness(graph)
    got_constraint = constraint(graph)
    got_close = metrics.closeness(graph)
    assert note is None
    for node in graph:
        assert got_between[node] == pytest.approx(expected_between[node], abs=1e-9)
        assert got_constraint[node] == pytest.approx(expected_constraint[node], rel=1e-6)
        for key in ("closeness", "harmonic"):
            assert got_close[key][node] == pytest.approx(expected_close[key][node], rel=1e-6)


def test_metrics_very_large_networks_are_estimated_and_say_so(monkeypatch):
    graph = nx.barabasi_albert_graph(400, 3, seed=2)
    for a, b in graph.edges:
        graph.edges[a, b]["weight"] = 1
    exact, _ = metrics.betweenness(graph)
    monkeypatch.setattr(metrics, "EXACT_LIMIT", 10)
    monkeypatch.setattr(metrics, "SAMPLE_LIMIT", 100)
    monkeypatch.setattr(metrics, "SAMPLE_SOURCES", 120)
    estimate, note = metrics.betweenness(graph)
    assert "estimated from 120 sampled sources" in note
    hub = max(exact, key=exact.get)
    assert estimate[hub] == pytest.approx(exact[hub], rel=0.35)
    assert metrics_table(graph).notes == (note,)


def test_metrics_initiative_balance_and_reciprocity():
    directed = nx.DiGraph()
    directed.add_edge("a", "b", weight=2)
    directed.add_edge("b", "a", weight=1)
    directed.add_edge("a", "c", weight=1)
    result = initiative(directed)
    assert result["a"]["initiative_balance"] == pytest.approx((3 - 1) / 4)
    assert result["c"]["initiative_balance"] == -1
    assert result["b"]["reciprocity"] == 1.0 and result["c"]["reciprocity"] == 0.0


def test_metrics_table_betweenness_uses_inverse_counts_as_distance():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=1)
    graph.add_edge("b", "c", weight=1)
    graph.add_edge("a", "d", weight=10)
    graph.add_edge("d", "c", weight=10)
    rows = {row["id"]: row for row in metrics_table(graph).rows}
    # The strong path a-d-c (distance 0.2) carries the shortest path between a and c.
    assert rows["d"]["betweenness"] > 0 and rows["b"]["betweenness"] == 0


def _record(iri, date, participants):
    return CommunicationRecord(iri=iri, kind="contact", mode="meeting", status="occurred",
                               date=date, participants=participants)


def test_metrics_windows_give_one_row_per_official_and_window():
    people = {p: {"name": p, "post": "", "government": "", "government_iri": ""} for p in "abc"}
    contacts = Contacts((
        _record("c1", dt.date(2022, 1, 1), ("a", "b")),
        _record("c2", dt.date(2022, 1, 20), ("b", "c")),
    ), people, {})
    table = windowed_metrics(contacts, "official", days=10)
    assert [(r["window_start"], r["id"]) for r in table.rows] == [
        (dt.date(2022, 1, 1), "a"), (dt.date(2022, 1, 1), "b"),
        (dt.date(2022, 1, 11), "b"), (dt.date(2022, 1, 11), "c"),
    ]
