"""Interactive HTML views and static images of contact networks.

The HTML page is kg's own: vis-network (the library pyvis ships) inlined, the network as JSON, and
a header with title, legend and filters. pyvis's template loads Bootstrap from a CDN, prints the
heading twice and, when any tooltip contains "href", shows tooltips as HTML (so an article's text
could run script); writing the page here avoids all three. A Content-Security-Policy forbids every
request, so the page works offline and cannot leak. Positions are computed in Python (the same
layout as the static image) and vis-network's physics is off: the browser draws at once, the view
is the same every time, and labels can be read at the first zoom (physics spread the development
corpus's view so far that none could).

Colours come from :mod:`kg.palette` (one stable, distinguishable colour per government; the long
tail shares "other"). Officials without ties are left out, and the page says so.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", name="A", government="X"); g.add_node("b", name="B", government="Y")
>>> g.add_edge("a", "b", weight=2, communications=[], modes={}, first=None, last=None)
>>> html = render_html(g, title="Demo")
>>> EXTERNAL.search(html) is None
True
"""

from __future__ import annotations

import html as html_lib
import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.errors import QueryError
from kg.network import (
    CommunicationRecord,
    Window,
    collection_paused,
    project,
    read_shown_contacts,
    records_by_iri,
)
from kg.palette import OTHER, assign_colours, distinct_palette

#: How many nodes the static image labels (the largest by the size metric).
LABELLED = 30
EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=\"(?:https?:)?//[^\"]*\"",
                      re.IGNORECASE)
#: Every request the page could make is refused: it is self-contained by construction.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; "
                           "style-src 'unsafe-inline'; img-src data:")


@collection_paused()
def network_view(store, level: str = "official", window: Window = Window(),
                 government: str | None = None) -> tuple[nx.Graph, dict[str, CommunicationRecord]]:
    """The network a view of ``store`` draws, and the records its tooltips and subtitle cite:
    what ``kg viz`` shows, read with only the evidence a view shows
    (:func:`kg.network.read_shown_contacts`).

    The projection at ``level`` ("official" or "government") in ``window``; with ``government``,
    only that government's officials (or, at government level, the government of that name)
    and their partners. Nodes without ties stay in the graph: the page and the image leave them
    out and say how many (:func:`with_ties`).

    >>> from kg.articles import read_article
    >>> from kg.build import build_in_memory
    >>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
    >>> graph, records = network_view(store)
    >>> page = render_html(graph, records=records, title="Contacts")
    >>> with_ties(graph)[0].number_of_nodes(), "Antony Blinken" in page
    (3, True)

    Raises:
        QueryError: no node belongs to ``government``.
    """
    contacts = read_shown_contacts(store)
    graph = project(contacts, level, window)
    if government:
        graph = around(graph, government)
    return graph, records_by_iri(contacts)


def around(graph: nx.Graph, government: str) -> nx.Graph:
    """The nodes of ``government`` (officials representing it, or the government of that name)
    that have ties, and their neighbours.

    Raises:
        QueryError: no node belongs to ``government``.
    """
    keep = {n for n, ties in graph.degree() if ties and (
        graph.nodes[n].get("government") == government or graph.nodes[n].get("name") == government)}
    if not keep:
        raise QueryError(f"--government {government!r}: no such government in the network")
    keep |= {m for n in keep for m in graph.neighbors(n)}
    return _part(graph, keep)


def _part(graph: nx.Graph, nodes) -> nx.Graph:
    """The subgraph on ``nodes``, coloured as the whole ``graph`` is (:func:`colour_order`)."""
    part = graph.subgraph(nodes).copy()
    part.graph["colour_order"] = colour_order(graph)
    return part


def group_of(graph: nx.Graph, node) -> str:
    """The colour group of a node: its government, or its own name at government level."""
    data = graph.nodes[node]
    if graph.graph.get("level") == "government":
        return data.get("name", str(node))
    return data.get("government") or "unknown"


def group_sizes(graph: nx.Graph) -> Counter:
    """Number of nodes per colour group."""
    return Counter(group_of(graph, node) for node in graph)


def colour_order(graph: nx.Graph) -> tuple[str, ...]:
    """The groups of ``graph`` in the order they choose colours: largest first, by name among
    equals; for a part cut from a larger network (:func:`with_ties`, :func:`around`), the
    larger network's order."""
    if "colour_order" in graph.graph:
        return graph.graph["colour_order"]
    sizes = group_sizes(graph)
    return tuple(sorted((g for g in sizes if g != "unknown"), key=lambda g: (-sizes[g], g)))


def colours(graph: nx.Graph) -> dict[str, str]:
    """A colour per group of ``graph``; officials of unknown government, and groups that cannot
    be told apart, get :data:`kg.palette.OTHER`.

    The groups choose (:func:`kg.palette.assign_colours`) in :func:`colour_order`, which for a
    part of a network is the whole network's: a projection has every official (or government)
    of the store as a node whatever its time window, so each government keeps its colour in
    every view of one store. Groups beyond the palette in the whole network take the colours
    left free in the part, if any.
    """
    sizes = group_sizes(graph)
    whole = assign_colours(colour_order(graph))
    palette = {g: whole[g] for g in sizes if whole.get(g, OTHER) != OTHER}
    tail = sorted((g for g in sizes if g not in palette and g != "unknown"),
                  key=lambda g: (-sizes[g], g))
    free = tuple(c for c in distinct_palette() if c not in set(palette.values()))
    palette.update(assign_colours(tail, free) if free else dict.fromkeys(tail, OTHER))
    if "unknown" in sizes:
        palette["unknown"] = OTHER
    return palette


def legend(graph: nx.Graph, palette: Mapping[str, str]) -> list[tuple[str, str, list[str]]]:
    """Legend entries ``(label, colour, groups)``: one per coloured group, largest first, then
    one "other" entry for every group drawn in :data:`kg.palette.OTHER`."""
    sizes = group_sizes(graph)
    ordered = sorted(palette, key=lambda g: (-sizes[g], g))
    entries = [(group, palette[group], [group]) for group in ordered if palette[group] != OTHER]
    rest = sorted(g for g in ordered if palette[g] == OTHER)
    if rest:
        label = "unknown" if rest == ["unknown"] else f"other ({len(rest)})"
        entries.append((label, OTHER, rest))
    return entries


def with_ties(graph: nx.Graph) -> tuple[nx.Graph, int]:
    """The nodes with at least one tie, and how many were left out."""
    kept = [n for n, d in graph.degree() if d > 0]
    return _part(graph, kept), graph.number_of_nodes() - len(kept)


def describe(graph: nx.Graph, records: Mapping[str, CommunicationRecord] | None = None) -> str:
    """What a figure shows, for its subtitle: level, articles behind the ties, date range.

    >>> import datetime as dt
    >>> g = nx.Graph(level="official")
    >>> g.add_edge("a", "b", first=dt.date(2021, 5, 12), last=dt.date(2021, 6, 1))
    >>> describe(g)
    'officials · 2021-05-12 – 2021-06-01'
    """
    parts = [f"{graph.graph.get('level', 'official')}s"]
    if records:
        articles = {evidence.article for _, _, data in graph.edges(data=True)
                    for iri in data.get("communications", ()) if iri in records
                    for evidence in records[iri].evidence}
        parts.append(f"{len(articles)} article{'s' if len(articles) != 1 else ''}")
    firsts = [d["first"] for _, _, d in graph.edges(data=True) if d.get("first")]
    lasts = [d.get("last") or d["first"] for _, _, d in graph.edges(data=True) if d.get("first")]
    if firsts:
        parts.append(f"{min(firsts).isoformat()} – {max(lasts).isoformat()}")
    else:
        parts.append("undated")
    return " · ".join(parts)


def component_layout(graph: nx.Graph, seed: int = 42) -> dict:
    """Node positions (seeded, so a view is the same every time): the largest connected
    component by a spring layout in the middle, the smaller ones each laid out on its own and
    packed in rows beneath it. (One spring layout of everything pushes the small components to
    the edges and shrinks the main one to a knot in the centre.)

    >>> g = nx.Graph(); g.add_edges_from([("a", "b"), ("b", "c"), ("x", "y")])
    >>> sorted(component_layout(g))
    ['a', 'b', 'c', 'x', 'y']
    """
    components = sorted((sorted(c, key=str) for c in nx.connected_components(graph)),
                        key=lambda c: (-len(c), str(c[0])))
    positions: dict = {}
    if not components:
        return positions
    iterations = 100 if graph.number_of_nodes() < 2000 else 30
    main_radius = math.sqrt(len(components[0]))
    for node, (x, y) in _spring(graph, components[0], seed, iterations).items():
        positions[node] = (x * main_radius, y * main_radius)
    xs = [x for x, _ in positions.values()]
    row_width, gap = max(max(xs) - min(xs), 6.0), 0.6
    lowest = min(y for _, y in positions.values())
    x0, y0, row_height = min(xs), lowest - 1.0, 0.0
    for members in components[1:]:
        radius = max(0.5, 0.45 * math.sqrt(len(members)))
        if x0 + 2 * radius > min(xs) + row_width:
            x0, y0, row_height = min(xs), y0 - row_height - gap, 0.0
        centre = (x0 + radius, y0 - radius)
        for node, (x, y) in _spring(graph, members, seed, iterations).items():
            positions[node] = (centre[0] + x * radius, centre[1] + y * radius)
        x0 += 2 * radius + gap
        row_height = max(row_height, 2 * radius)
    return positions


def _spring(graph: nx.Graph, members: list, seed: int, iterations: int) -> dict:
    """A spring layout of ``members`` with four in five nodes inside the unit circle: scaling
    by the farthest node would let one long chain squeeze the dense core into a knot."""
    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    layout_ = nx.spring_layout(graph.subgraph(members), seed=seed, weight="weight",
                               iterations=iterations, k=2 / math.sqrt(len(members)))
    cx = sum(x for x, _ in layout_.values()) / len(layout_)
    cy = sum(y for _, y in layout_.values()) / len(layout_)
    reaches = sorted(math.hypot(x - cx, y - cy) for x, y in layout_.values())
    reach = reaches[int(0.8 * (len(reaches) - 1))] or reaches[-1] or 1.0
    return {node: ((float(x) - cx) / reach, (float(y) - cy) / reach)
            for node, (x, y) in layout_.items()}


def layout(graph: nx.Graph, seed: int = 42) -> dict:
    """Node positions in pixels for the HTML view (:func:`component_layout`, scaled so that
    neighbours sit about two node widths apart)."""
    scale = 40.0
    return {node: (x * scale, -y * scale)
            for node, (x, y) in component_layout(graph, seed).items()}


def edge_tooltip(graph: nx.Graph, a, b, records: Mapping[str, CommunicationRecord],
                 limit: int = 12) -> str:
    """Plain text (vis-network shows tooltips as text): each communication with date, mode,
    evidence sentence and article title."""
    data = graph.edges[a, b]
    lines = [(f"{graph.nodes[a].get('name', a)} — {graph.nodes[b].get('name', b)}: "
              f"{data.get('weight', 1)} contact(s)")]
    for iri in data.get("communications", [])[:limit]:
        record = records.get(iri)
        if record is None:
            continue
        lines.append(f"• {record.date or 'undated'} {record.mode} ({record.status})")
        for evidence in record.evidence[:1]:
            lines.append(f"  “{evidence.sentence or evidence.text}”")
            lines.append(f"  — {evidence.title or evidence.article}")
    hidden = len(data.get("communications", [])) - limit
    if hidden > 0:
        lines.append(f"… and {hidden} more")
    return "\n".join(lines)


def node_tooltip(graph: nx.Graph, node) -> str:
    """Plain text: name, post, government, partners and statements."""
    data = graph.nodes[node]
    parts = [data.get("name", str(node))]
    if data.get("post"):
        parts.append(data["post"])
    if data.get("government"):
        parts.append(data["government"])
    parts.append(f"{graph.degree(node)} contact partner(s); {data.get('statements', 0)} statement(s)")
    return "\n".join(parts)


def node_sizes(graph: nx.Graph, size_by: Mapping | None) -> dict:
    """The size metric per node (default: weighted degree), 0 where it is missing."""
    sizes = dict(size_by) if size_by else dict(graph.degree(weight="weight"))
    return {node: sizes.get(node) if isinstance(sizes.get(node), (int, float)) else 0
            for node in graph}


def view_options() -> dict:
    """vis-network options: node and label size follow the node's value; labels smaller than
    ``drawThreshold`` pixels on screen are hidden until one zooms in."""
    return {
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 6, "max": 40,
                        "label": {"enabled": True, "min": 10, "max": 32, "drawThreshold": 10,
                                  "maxVisible": 32}},
        },
        "edges": {"color": {"inherit": "both", "opacity": 0.55}, "smooth": {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 150},
        "physics": {"enabled": False},
    }


def _json_for_script(value) -> str:
    """JSON that cannot end the surrounding ``<script>`` element, whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet, as pyvis ships them."""
    folder = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    return (folder.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
            folder.joinpath("vis-network.css").read_text(encoding="utf-8"))


def render_html(graph: nx.Graph, records: Mapping[str, CommunicationRecord] | None = None,
                size_by: Mapping | None = None, title: str = "Contacts", seed: int = 42) -> str:
    """A self-contained interactive HTML page of ``graph`` (no request leaves the file).

    Nodes are coloured by government (with a legend) and sized, with their labels, by ``size_by``
    (a metric per node, default weighted degree); edges are as wide as their number of contacts.
    Filters by government and dates re-fit the view. Nodes without ties are left out.
    """
    records = records or {}
    view, left_out = with_ties(graph)
    palette = colours(view)
    sizes = node_sizes(view, size_by)
    biggest = max(sizes.values(), default=0) or 1
    positions = layout(view, seed)
    nodes = []
    for node in view:
        x, y = positions.get(node, (0.0, 0.0))
        nodes.append({
            "id": str(node), "label": view.nodes[node].get("name", str(node)),
            "title": node_tooltip(view, node), "color": palette[group_of(view, node)],
            "group_name": group_of(view, node),
            # Area, not radius, should follow the metric: scale by its square root.
            "value": math.sqrt(max(sizes[node], 0) / biggest), "x": x, "y": y,
        })
    edges = [{
        "from": str(a), "to": str(b), "width": 1 + 2 * math.log2(data.get("weight", 1)),
        "title": edge_tooltip(view, a, b, records),
        "first": str(data.get("first") or ""), "last": str(data.get("last") or ""),
    } for a, b, data in view.edges(data=True)]
    return _page(view, nodes, edges, view_options(), palette, title,
                 describe(view, records), left_out)


def _page(view: nx.Graph, nodes: list, edges: list, options: dict, palette: Mapping[str, str],
          title: str, subtitle: str, left_out: int) -> str:
    script, style = _vis_assets()
    esc = html_lib.escape
    keys = "".join(
        f'<span class="kg-key" title="{esc(", ".join(groups), quote=True)}">'
        f'<span class="kg-dot" style="background:{colour}"></span>{esc(label)}</span>'
        for label, colour, groups in legend(view, palette))
    choices = "".join(f'<option value="{esc(g, quote=True)}">{esc(g)}</option>'
                      for g in sorted(palette))
    kind = "governments" if view.graph.get("level") == "government" else "officials"
    note = (f"{kind.capitalize()} without ties are left out"
            + (f" ({left_out} here)." if left_out else "."))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>{style}</style>
<style>
  body {{ font-family: system-ui, sans-serif; margin: 0; color: #222; }}
  .kg-bar {{ padding: 6px 12px; border-bottom: 1px solid #ddd; }}
  .kg-sub {{ color: #555; font-size: 13px; margin-left: 8px; }}
  .kg-note {{ color: #555; font-size: 12px; }}
  .kg-key {{ margin-right: 12px; white-space: nowrap; font-size: 13px; }}
  .kg-dot {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%;
             margin-right: 4px; }}
  #mynetwork {{ width: 100%; height: 82vh; }}
  div.vis-tooltip {{ white-space: pre-wrap; max-width: 520px; font: 13px/1.4 system-ui,
    sans-serif; color: #222; background: #fffef8; border: 1px solid #bbb; border-radius: 6px;
    padding: 8px 10px; box-shadow: 0 3px 12px rgba(0, 0, 0, 0.18); }}
</style>
</head>
<body>
<div class="kg-bar">
  <strong>{esc(title)}</strong><span class="kg-sub">{esc(subtitle)}</span> —
  <span id="kg-counts">{view.number_of_nodes()} nodes, {view.number_of_edges()} ties</span>
  <label style="margin-left:16px">government
    <select id="kg-government"><option value="">all</option>{choices}</select></label>
  <label style="margin-left:16px">from <input id="kg-since" type="date"></label>
  <label>to <input id="kg-until" type="date"></label>
  <div class="kg-note" id="kg-note">{esc(note)} Labels of small nodes appear as you zoom in;
    hover a node or a tie for details.</div>
  <div id="kg-legend">{keys}</div>
</div>
<div id="mynetwork"></div>
<script>{script}</script>
<script>
var nodes = new vis.DataSet({_json_for_script(nodes)});
var edges = new vis.DataSet({_json_for_script(edges)});
var options = {_json_for_script(options)};
var network = new vis.Network(document.getElementById('mynetwork'),
                              {{nodes: nodes, edges: edges}}, options);
{_FILTER_SCRIPT}
</script>
</body>
</html>
"""


_FILTER_SCRIPT = """
(function () {
  var allNodes = nodes.get(), allEdges = edges.get();
  function hideTooltip() {
    // vis-network keeps its tooltip open until the pointer moves; a filter change must close it.
    var popup = network.interactionHandler && network.interactionHandler.popup;
    if (popup) popup.hide();
    document.querySelectorAll('div.vis-tooltip').forEach(function (t) {
      t.style.visibility = 'hidden';
    });
  }
  function apply() {
    hideTooltip();
    var government = document.getElementById('kg-government').value;
    var since = document.getElementById('kg-since').value;
    var until = document.getElementById('kg-until').value;
    var keptEdges = allEdges.filter(function (e) {
      if (since && (!e.last || e.last < since)) return false;
      if (until && (!e.first || e.first > until)) return false;
      return true;
    });
    var keep = {};
    if (government) {
      allNodes.forEach(function (n) { if (n.group_name === government) keep[n.id] = true; });
      keptEdges = keptEdges.filter(function (e) { return keep[e.from] || keep[e.to]; });
    }
    keptEdges.forEach(function (e) { keep[e.from] = true; keep[e.to] = true; });
    var keptNodes = allNodes.filter(function (n) {
      return (!government && !since && !until) || keep[n.id];
    });
    nodes.clear(); edges.clear(); nodes.add(keptNodes); edges.add(keptEdges);
    document.getElementById('kg-counts').textContent =
      keptNodes.length + ' nodes, ' + keptEdges.length + ' ties';
    network.fit({animation: false});
  }
  ['kg-government', 'kg-since', 'kg-until'].forEach(function (id) {
    document.getElementById(id).addEventListener('change', apply);
  });
})();
"""


def write_html(graph: nx.Graph, path: Path | str, **options) -> Path:
    """Render ``graph`` with :func:`render_html` and write it to ``path`` (``-``: standard
    output) through :func:`kg.exports.output_path`."""
    from kg.exports import output_path

    with output_path(path) as partial:
        partial.write_text(render_html(graph, **options), encoding="utf-8")
    return Path(path)


def labelled_nodes(graph: nx.Graph, sizes: Mapping, top: int = LABELLED) -> list:
    """The ``top`` nodes by size metric (ties broken by name), largest first."""
    return sorted(graph, key=lambda n: (-sizes.get(n, 0),
                                        str(graph.nodes[n].get("name", n))))[:top]


def _overlaps(box, boxes, pad: float = 7.0) -> bool:
    # ``pad`` (pixels at 150 dpi) exceeds the two labels' white backgrounds (1.2 pt each).
    return any(box.x0 < b.x1 + pad and b.x0 < box.x1 + pad and box.y0 < b.y1 + pad
               and b.y0 < box.y1 + pad for b in boxes)


#: Directions tried around a node, in order: right, left, above, below, then the diagonals.
_DIRECTIONS = ((1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top"))


def place_labels(axes, positions: Mapping, labels: Mapping, radii: Mapping, fontsize: float = 8,
                 obstacles: list | None = None) -> list:
    """Put each label next to its node, in the order given, where it overlaps no label already
    placed, no node in ``obstacles`` and stays inside the axes: first beside the node, then
    further out on rings (with a thin leader line). A label with no free place is left out.

    Returns the text artists placed (their ``gid`` is ``kg-label-N``).
    """
    renderer = axes.figure.canvas.get_renderer()
    frame = axes.get_window_extent(renderer)
    placed, texts = [], []
    blocked = list(obstacles or [])
    for index, (node, text) in enumerate(labels.items()):
        artist = axes.annotate(text, xy=positions[node], xytext=(0, 0),
                               textcoords="offset points", fontsize=fontsize, zorder=5,
                               bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                     "alpha": 0.75})
        artist.set_gid(f"kg-label-{index}")
        found = None
        for ring in range(12):
            distance = radii[node] + 2 + ring * 9
            for dx, dy, ha, va in _DIRECTIONS:
                scale = distance / math.hypot(dx, dy)
                artist.xyann = (dx * scale, dy * scale)
                artist.set_horizontalalignment(ha)
                artist.set_verticalalignment(va)
                box = artist.get_window_extent(renderer)
                inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and \
                    frame.y0 <= box.y0 and box.y1 <= frame.y1
                if inside and not _overlaps(box, placed) and not _overlaps(box, blocked, 0):
                    found = (box, ring)
                    break
            if found:
                break
        if not found:
            artist.remove()
            continue
        box, ring = found
        if ring:
            axes.annotate("", xy=positions[node], xytext=artist.xyann,
                          textcoords="offset points",
                          arrowprops={"arrowstyle": "-", "color": "#777", "lw": 0.5,
                                      "shrinkA": 0, "shrinkB": radii[node]})
        placed.append(box)
        texts.append(artist)
    return texts


def write_image(graph: nx.Graph, path: Path | str, size_by: Mapping | None = None,
                seed: int = 42, title: str | None = None,
                records: Mapping[str, CommunicationRecord] | None = None,
                top: int = LABELLED, image_format: str | None = None) -> Path:
    """A static image of the network for reports: nodes coloured and sized as in the HTML view,
    the ``top`` largest labelled without overlap, a complete legend, and a title with level,
    articles and dates. ``image_format`` (png, svg, pdf) defaults to the file's suffix, or PNG
    (``-`` is standard output)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kg.exports import is_stdout, output_path

    view, _ = with_ties(graph)
    palette = colours(view)
    sizes = node_sizes(view, size_by)
    biggest = max(sizes.values(), default=0) or 1
    positions = component_layout(view, seed)
    areas = {n: 40 + 700 * max(sizes[n], 0) / biggest for n in view}  # points²
    figure, axes = plt.subplots(figsize=(14, 10), dpi=150)
    axes.set_axis_off()
    nx.draw_networkx_edges(view, positions, ax=axes, alpha=0.35, edge_color="#888888",
                           width=[0.6 + math.log2(d.get("weight", 1))
                                  for _, _, d in view.edges(data=True)])
    nx.draw_networkx_nodes(view, positions, ax=axes, node_size=[areas[n] for n in view],
                           node_color=[palette[group_of(view, n)] for n in view],
                           edgecolors="#333333", linewidths=0.4)
    axes.set_aspect("equal")
    axes.margins(0.05)
    axes.set_xlim(axes.get_xlim())
    axes.set_ylim(axes.get_ylim())
    # Freeze limits and aspect (applied at draw time) before measuring: labels are placed in
    # display coordinates, which move if the axes box changes afterwards.
    figure.canvas.draw()
    radii = {n: math.sqrt(areas[n]) / 2 for n in view}  # points
    order = labelled_nodes(view, sizes, top)
    place_labels(axes, positions, {n: view.nodes[n].get("name", str(n)) for n in order},
                 radii, obstacles=_node_boxes(axes, positions, radii, order))
    entries = legend(view, palette)
    handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=6, color=colour,
                          markeredgecolor="#333333", markeredgewidth=0.4, label=label)
               for label, colour, _ in entries]
    if handles:
        columns = max(1, math.ceil(len(handles) / 32))
        key = axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                          fontsize=7, frameon=False, ncols=columns, title_fontsize=8,
                          title="government" if view.graph.get("level") != "government" else None)
        for index, text in enumerate(key.get_texts()):
            text.set_gid(f"kg-legend-{index}")
    heading = title or "kg contacts"
    subtitle = describe(view, records)
    figure.text(0.02, 0.99, heading, fontsize=14, va="top", gid="kg-title")
    figure.text(0.02, 0.955, subtitle, fontsize=9, va="top", color="#555555", gid="kg-subtitle")
    suffix = "" if is_stdout(path) else Path(path).suffix.lower().lstrip(".")
    image_format = image_format or (suffix if suffix in ("png", "svg", "pdf") else "png")
    try:
        with output_path(path) as partial:
            figure.savefig(partial, format=image_format, bbox_inches="tight",
                           metadata={"Title": f"{heading} — {subtitle}"})
    finally:
        plt.close(figure)
    return Path(path)


def _node_boxes(axes, positions: Mapping, radii: Mapping, nodes) -> list:
    """Display boxes of the labelled nodes' markers, so no label covers a labelled node."""
    from matplotlib.transforms import Bbox

    pixels_per_point = axes.figure.dpi / 72
    boxes = []
    for node in nodes:
        x, y = axes.transData.transform(positions[node])
        r = radii[node] * pixels_per_point
        boxes.append(Bbox([[x - r, y - r], [x + r, y + r]]))
    return boxes


def screenshot(page: Path, image: Path, width: int = 1400, height: int = 1000) -> Path:
    """A PNG of an HTML view as headless Chromium draws it (Debian's ``chromium`` package).

    Raises:
        KgError: no chromium on this machine, the view is not in a file, or chromium failed.
    """
    import shutil
    import subprocess
    import tempfile

    from kg.errors import KgError
    from kg.exports import is_stdout, output_path

    if is_stdout(page):
        raise KgError("--screenshot needs the HTML view in a file: give --out FILE")
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which(
        "google-chrome")
    if browser is None:
        raise KgError("--screenshot needs chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, \
            output_path(image) as partial:
        shot = Path(profile) / "shot.png"
        command = [
            browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync", f"--user-data-dir={profile}", f"--window-size={width},{height}",
            "--virtual-time-budget=15000", f"--screenshot={shot}",
            Path(page).resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0 or not shot.exists():
            raise KgError(f"chromium could not take the screenshot: {done.stderr.strip()[-200:]}")
        partial.write_bytes(shot.read_bytes())
    return Path(image)
