"""The HTML view in a real browser, and the static images."""

from __future__ import annotations

import itertools
import re
import time

import networkx as nx
import pytest

from kg.articles import load_articles
from kg.build import build_in_memory
from kg.network import official_network, project, read_contacts, records_by_iri
from kg.palette import MIN_DISTANCE, OTHER, assign_colours, colour_distance, distinct_palette
from kg.viz import (
    around,
    colour_order,
    colours,
    group_sizes,
    legend,
    render_html,
    with_ties,
    write_html,
    write_image,
)
from tests.browser import CHROMEDRIVER, CHROMIUM, console_errors, headless_chromium, requested_urls
from tests.conftest import DEV

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
        # Positions come from Python (physics off), so the page shows the layout it was given.
        assert driver.execute_script("return network.physics.options.enabled;") is False
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


@pytest.fixture(scope="module")
def dev_contacts():
    """The development corpus (65 articles, ~70 governments) built into a store in memory."""
    return read_contacts(build_in_memory(load_articles([DEV])))


@pytest.fixture(scope="module")
def dev_network(dev_contacts):
    return project(dev_contacts, "official")


def governments_with(graph, at_least: int) -> set[str]:
    counts = {}
    for node, degree in graph.degree():
        if degree:
            government = graph.nodes[node].get("government") or "unknown"
            counts[government] = counts.get(government, 0) + 1
    return {g for g, n in counts.items() if n >= at_least and g != "unknown"}


@needs_browser
def test_viz_dev_governments_get_distinct_colours_in_chromium(dev_network, dev_contacts, tmp_path):
    path = write_html(dev_network, tmp_path / "dev.html", records=records_by_iri(dev_contacts))
    with headless_chromium() as driver:
        open_view(driver, path)
        shown = driver.execute_script(
            "return nodes.get().map(function (n) { return [n.group_name, n.color]; });")
        keys = driver.execute_script(
            "return Array.from(document.querySelectorAll('.kg-key')).map(function (k) {"
            "  return [k.textContent, k.querySelector('.kg-dot').style.backgroundColor]; });")
    colour_of = {}
    for government, colour in shown:
        assert colour_of.setdefault(government, colour) == colour  # one colour per government
    own = {g: c for g, c in colour_of.items() if c != OTHER}
    # Every government of the view has a colour of its own (while the palette lasts)…
    everyone = governments_with(dev_network, 1)
    assert (governments_with(dev_network, 2) if len(everyone) > len(distinct_palette())
            else everyone) <= set(own)
    assert len(own) >= 40
    # …that can be told from every other one and from the grey of "other".
    for (a, colour_a), (b, colour_b) in itertools.combinations([*own.items(), ("other", OTHER)], 2):
        assert colour_distance(colour_a, colour_b) >= MIN_DISTANCE, (a, b)
    # The legend lists each coloured government once, then "other" or "unknown" for the rest.
    labels = [label for label, _ in keys]
    coloured = [label for label in labels if not label.startswith(("other (", "unknown"))]
    assert sorted(coloured) == sorted(own) and len(labels) <= len(own) + 1


def test_viz_government_keeps_its_colour_across_views(dev_network, dev_contacts):
    import datetime as dt

    from kg.network import Window

    full = colours(with_ties(dev_network)[0])
    # Every view of one store colours each government alike: a time window (which changes the
    # sizes of the groups with ties), a government's neighbourhood, the two together.
    largest = max(group_sizes(dev_network).items(), key=lambda item: item[1])[0]
    later = project(dev_contacts, "official", Window(since=dt.date(2015, 1, 1)))
    views = [with_ties(later)[0], with_ties(around(dev_network, "Ethiopia"))[0],
             with_ties(around(later, largest))[0]]
    assert len(group_sizes(views[0])) < len(full) and len(group_sizes(views[1])) < len(full) / 3
    # (The groups beyond the palette in the whole network are free to take what is left.)
    stable = {g for g, c in assign_colours(colour_order(dev_network)).items() if c != OTHER}
    assert len(stable) == len(distinct_palette())
    for view in views:
        palette = colours(view)
        assert {g: full[g] for g in palette if g in stable} == {
            g: c for g, c in palette.items() if g in stable}
        coloured = [c for c in palette.values() if c != OTHER]
        assert len(coloured) == len(set(coloured))  # distinct within the view
    # The largest government takes its own colour (a hash of its name), as in any corpus.
    assert full[largest] == assign_colours([largest])[largest]
    # Nothing but the view's content decides: not the order in which nodes were added.
    reordered = nx.Graph(**dev_network.graph)
    reordered.add_nodes_from(reversed(list(dev_network.nodes(data=True))))
    reordered.add_edges_from(reversed(list(dev_network.edges(data=True))))
    assert colours(with_ties(reordered)[0]) == full


def test_viz_government_beyond_the_palette_takes_a_free_colour_in_a_small_view():
    many = nx.Graph(level="official")
    for i in range(len(distinct_palette()) + 5):
        many.add_edge(f"a{i}", f"b{i}")
        many.nodes[f"a{i}"]["government"] = many.nodes[f"b{i}"]["government"] = f"Land {i:03}"
    whole = colours(many)
    grey = sorted(g for g, c in whole.items() if c == OTHER)
    assert len(grey) == 5
    # In the part around one of them, it is the only grey of the whole, and gets a colour.
    part = colours(with_ties(around(many, grey[0]))[0])
    assert part[grey[0]] != OTHER


@needs_browser
def test_viz_page_title_note_and_labels_sized_with_nodes(dev_network, tmp_path):
    path = write_html(dev_network, tmp_path / "dev.html", title="Dev contacts")
    left_out = sum(1 for _, d in dev_network.degree() if d == 0)
    with headless_chromium() as driver:
        open_view(driver, path)
        assert driver.title == "Dev contacts"
        note = driver.find_element("id", "kg-note").text
        assert "without ties are left out" in note and f"({left_out} here)" in note
        fonts = driver.execute_script("""
            network.redraw();
            var out = {};
            nodes.getIds().forEach(function (id) {
              var node = network.body.nodes[id];
              out[id] = [node.options.value, node.labelModule.fontOptions.size];
            });
            return [out, network.getScale(),
                    network.body.nodes[nodes.getIds()[0]].options.scaling.label.drawThreshold];""")
        sizes, scale, threshold = fonts
        largest = max(sizes, key=lambda n: sizes[n][0])
        smallest = min(sizes, key=lambda n: sizes[n][0])
        assert sizes[largest][1] > sizes[smallest][1] + 8  # the label grows with the node
        # At the fitted zoom the largest label is drawn and the smallest is not…
        assert sizes[largest][1] * scale >= threshold > sizes[smallest][1] * scale
        # …and zooming in shows it.
        zoomed = driver.execute_script(
            "network.moveTo({scale: arguments[0]}); return network.getScale();",
            threshold / sizes[smallest][1] * 1.2)
        assert sizes[smallest][1] * zoomed >= threshold


@needs_browser
def test_viz_filter_refits_view_and_closes_tooltip(dev_network, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import Select

    path = write_html(dev_network, tmp_path / "dev.html")
    with headless_chromium() as driver:
        open_view(driver, path)
        canvas = driver.find_element("css selector", "#mynetwork canvas")
        width, height = canvas.size["width"], canvas.size["height"]
        largest = driver.execute_script("""
            var best = null;
            nodes.get().forEach(function (n) { if (!best || n.value > best.value) best = n; });
            return best.id;""")
        x, y = (driver.execute_script(
            "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
            "return [p.x, p.y];", largest))
        ActionChains(driver).move_to_element_with_offset(
            canvas, int(x - width / 2), int(y - height / 2)).perform()
        ActionChains(driver).move_by_offset(1, 1).perform()
        tooltip = "var t = document.querySelector('div.vis-tooltip');" \
                  "return t && getComputedStyle(t).visibility === 'visible' ? t.innerText : '';"
        assert wait_for(driver, tooltip)  # hovering shows the (styled) tooltip
        assert driver.execute_script(
            "return getComputedStyle(document.querySelector('div.vis-tooltip')).borderRadius;"
        ) == "6px"
        Select(driver.find_element("id", "kg-government")).select_by_value("Kuwait")
        assert driver.execute_script(tooltip) == ""
        points = driver.execute_script("""
            var ids = nodes.getIds(), positions = network.getPositions(ids);
            return ids.map(function (id) {
              var p = network.canvasToDOM(positions[id]); return [p.x, p.y]; });""")
    assert 2 <= len(points) < dev_network.number_of_nodes() / 4
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    assert min(xs) >= 0 and max(xs) <= width and min(ys) >= 0 and max(ys) <= height
    # Re-fitted: the kept nodes spread over the view instead of staying a knot in a corner.
    assert max(xs) - min(xs) > 0.4 * width or max(ys) - min(ys) > 0.4 * height


@needs_browser
def test_viz_static_svg_labels_top_nodes_without_overlap(dev_network, dev_contacts, tmp_path):
    path = write_image(dev_network, tmp_path / "dev.svg", records=records_by_iri(dev_contacts),
                       title="Dev contacts")
    with headless_chromium() as driver:
        driver.get(path.as_uri())
        boxes = driver.execute_script("""
            return Array.from(document.querySelectorAll('g[id^="kg-label-"]')).map(function (g) {
              var r = g.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });""")
        legend_entries = driver.execute_script(
            "return document.querySelectorAll('g[id^=\"kg-legend-\"]').length;")
        titles = driver.execute_script(
            "return ['kg-title', 'kg-subtitle'].map(function (id) {"
            "  var r = document.getElementById(id).getBoundingClientRect(); return r.width; });")
    assert len(boxes) == 30
    for a, b in itertools.combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    assert legend_entries == len(legend(dev_network.subgraph(
        [n for n, d in dev_network.degree() if d]), colours(dev_network.subgraph(
            [n for n, d in dev_network.degree() if d]))))
    assert legend_entries > 30 and all(width > 0 for width in titles)
    text = path.read_text()
    assert re.search(r"<dc:title>Dev contacts — officials · \d+ articles · "
                     r"\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d</dc:title>", text)


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_viz_static_images(seed_store, tmp_path, suffix):
    graph = official_network(read_contacts(seed_store))
    path = write_image(graph, tmp_path / f"contacts.{suffix}")
    head = path.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in path.read_bytes()
