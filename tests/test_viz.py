"""The HTML view in a real browser, and the static images."""

from __future__ import annotations

import re
import time

import pytest

from kg.network import official_network, read_contacts, records_by_iri
from kg.viz import render_html, write_html, write_image
from tests.browser import CHROMEDRIVER, CHROMIUM, console_errors, headless_chromium, requested_urls

needs_browser = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                   reason="Debian chromium and chromium-driver are not installed")


def wait_for(driver, script: str, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {script}")


def open_view(driver, path):
    driver.get_log("performance")  # drop what the browser itself loaded at start-up
    driver.get(path.as_uri())
    wait_for(driver, "return typeof network !== 'undefined' && network !== null;")
    return {
        "nodes": driver.execute_script("return nodes.length;"),
        "edges": driver.execute_script("return edges.length;"),
        "painted": wait_for(driver, """
            var canvas = document.querySelector('#mynetwork canvas');
            if (!canvas) return 0;
            var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            var painted = 0;
            for (var i = 3; i < data.length; i += 4) { if (data[i] > 0) painted++; }
            return painted;"""),
    }


def test_viz_html_has_no_external_reference(seed_store):
    graph = official_network(read_contacts(seed_store))
    page = render_html(graph, title="Seed")
    assert re.findall(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page) == []
    assert page.count("<h1>") == 0
    assert "vis.DataSet" in page and "Israel" in page


@needs_browser
def test_viz_renders_offline_in_chromium(seed_store, tmp_path):
    contacts = read_contacts(seed_store)
    graph = official_network(contacts)
    graph = graph.subgraph([n for n, d in graph.degree() if d > 0]).copy()
    path = write_html(graph, tmp_path / "view" / "contacts.html", records=records_by_iri(contacts))
    with headless_chromium() as driver:
        shown = open_view(driver, path)
        assert (shown["nodes"], shown["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
        assert shown["painted"] > 1000
        assert driver.execute_script("return network.physics.options.enabled;") is True
        assert console_errors(driver) == []
        urls = requested_urls(driver)
        assert path.as_uri() in urls
        # chrome:// pages are the browser's own; anything that could leave the machine counts.
        assert [u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))] == []
        tooltip = driver.execute_script("return edges.get()[0].title;")
        assert "Wednesday" in tooltip and "Blinken speaks with Abbas" in tooltip


@needs_browser
def test_viz_large_network_draws_without_physics(tmp_path):
    import networkx as nx

    graph = nx.barabasi_albert_graph(2000, 2, seed=1)
    graph = nx.relabel_nodes(graph, {n: f"n{n}" for n in graph})
    for node in graph:
        graph.nodes[node].update(name=node, government=f"G{int(node[1:]) % 7}")
    for a, b in graph.edges:
        graph.edges[a, b].update(weight=1, communications=[], first=None, last=None)
    path = write_html(graph, tmp_path / "big.html")
    assert re.search(r'"physics":\s*\{\s*"enabled":\s*false', path.read_text())
    with headless_chromium() as driver:
        shown = open_view(driver, path)
        assert (shown["nodes"], shown["edges"]) == (2000, graph.number_of_edges())
        assert shown["painted"] > 1000


@needs_browser
def test_viz_article_text_cannot_inject_script(tmp_path):
    import networkx as nx

    hostile = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    graph = nx.Graph(level="official")
    graph.add_node("a", name=hostile, government=hostile, post="javascript:window.pwned=3")
    graph.add_node("b", name="B", government="Y")
    graph.add_edge("a", "b", weight=1, communications=[], first=None, last=None)
    path = write_html(graph, tmp_path / "hostile.html", title=hostile)
    with headless_chromium() as driver:
        open_view(driver, path)
        assert driver.execute_script("return window.pwned === undefined;")
        assert driver.execute_script("return nodes.get('a').label;") == hostile


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_viz_static_images(seed_store, tmp_path, suffix):
    graph = official_network(read_contacts(seed_store))
    path = write_image(graph, tmp_path / f"contacts.{suffix}")
    head = path.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in path.read_bytes()
