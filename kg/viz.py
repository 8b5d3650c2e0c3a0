"""Interactive HTML views (pyvis) and static images of contact networks.

The HTML is self-contained and works offline: pyvis's ``in_line`` mode still loads Bootstrap from a
CDN and its template prints the heading twice, so :func:`render_html` removes every external
reference, inlines vis-network, and adds its own heading, legend and filters. Positions are
computed in Python and physics is switched off for large networks, so the browser draws at once.

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
import math
import re
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from kg.network import CommunicationRecord

#: Above this many nodes the browser gets fixed positions and no physics simulation.
PHYSICS_LIMIT = 300
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
)
EXTERNAL = re.compile(r"<(?:script|link)\b[^>]*(?:src|href)=\"(?:https?:)?//[^\"]*\"[^>]*>(?:</script>)?",
                      re.IGNORECASE)


def group_of(graph: nx.Graph, node) -> str:
    """The colour group of a node: its government, or its own name at government level."""
    data = graph.nodes[node]
    if graph.graph.get("level") == "government":
        return data.get("name", str(node))
    return data.get("government") or "unknown"


def colours(graph: nx.Graph) -> dict[str, str]:
    """A stable colour per group, largest groups first."""
    counts: dict[str, int] = {}
    for node in graph:
        group = group_of(graph, node)
        counts[group] = counts.get(group, 0) + 1
    ordered = sorted(counts, key=lambda g: (-counts[g], g))
    return {group: PALETTE[i % len(PALETTE)] for i, group in enumerate(ordered)}


def layout(graph: nx.Graph, seed: int = 42) -> dict:
    """Node positions in pixels (spring layout, seeded, so a view is the same every time)."""
    if graph.number_of_nodes() == 0:
        return {}
    positions = nx.spring_layout(graph, seed=seed, weight="weight",
                                 iterations=50 if graph.number_of_nodes() < 2000 else 30)
    scale = 120 * math.sqrt(graph.number_of_nodes()) + 200
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in positions.items()}


def edge_tooltip(graph: nx.Graph, a, b, records: Mapping[str, CommunicationRecord],
                 limit: int = 12) -> str:
    """Plain text (vis-network shows tooltips as text): each communication with date, mode,
    evidence sentence and article title."""
    data = graph.edges[a, b]
    lines = [f"{graph.nodes[a].get('name', a)} — {graph.nodes[b].get('name', b)}: "
             f"{data.get('weight', 1)} contact(s)"]
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
    data = graph.nodes[node]
    parts = [data.get("name", str(node))]
    if data.get("post"):
        parts.append(data["post"])
    if data.get("government"):
        parts.append(data["government"])
    parts.append(f"{graph.degree(node)} contact partner(s); {data.get('statements', 0)} statement(s)")
    return "\n".join(parts)


def render_html(graph: nx.Graph, records: Mapping[str, CommunicationRecord] | None = None,
                size_by: Mapping | None = None, title: str = "Contacts", seed: int = 42) -> str:
    """A self-contained interactive HTML page of ``graph`` (no request leaves the file).

    Nodes are coloured by government (with a legend) and sized by ``size_by`` (a metric per node,
    default weighted degree); edges are as wide as their number of contacts. A select box filters
    the view to one government's officials and their partners.
    """
    from pyvis.network import Network

    records = records or {}
    palette = colours(graph)
    sizes = dict(size_by) if size_by else dict(graph.degree(weight="weight"))
    biggest = max([v for v in sizes.values() if isinstance(v, (int, float))] or [1]) or 1
    positions = layout(graph, seed)
    physics = graph.number_of_nodes() <= PHYSICS_LIMIT
    net = Network(height="88vh", width="100%", cdn_resources="in_line", notebook=False,
                  heading="", directed=graph.is_directed())
    # pyvis's add_edge scans all edges (quadratic); filling its lists directly is linear.
    for node in graph:
        x, y = positions.get(node, (0.0, 0.0))
        value = sizes.get(node, 0) or 0
        net.nodes.append({
            "id": str(node),
            "label": graph.nodes[node].get("name", str(node)),
            "title": node_tooltip(graph, node),
            "color": palette[group_of(graph, node)],
            "group_name": group_of(graph, node),
            "size": 10 + 30 * math.sqrt(value / biggest) if value else 10,
            "x": x, "y": y, "shape": "dot",
        })
        net.node_ids.append(str(node))
        net.node_map[str(node)] = net.nodes[-1]
    for a, b, data in graph.edges(data=True):
        net.edges.append({
            "from": str(a), "to": str(b),
            "width": 1 + 2 * math.log2(data.get("weight", 1)),
            "title": edge_tooltip(graph, a, b, records),
            "first": str(data.get("first") or ""), "last": str(data.get("last") or ""),
        })
    net.toggle_physics(physics)
    page = net.generate_html(notebook=False)
    return _finish(page, palette, title, graph)


def _finish(page: str, palette: dict[str, str], title: str, graph: nx.Graph) -> str:
    page = EXTERNAL.sub("", page)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>", "", page)
    legend = "".join(
        f'<span class="kg-key"><span class="kg-dot" style="background:{colour}"></span>'
        f"{html_lib.escape(group)}</span>"
        for group, colour in palette.items()
    )
    options = "".join(f'<option value="{html_lib.escape(g, quote=True)}">{html_lib.escape(g)}</option>'
                      for g in sorted(palette))
    header = f"""
<style>
  body {{ font-family: system-ui, sans-serif; margin: 0; }}
  .kg-bar {{ padding: 6px 12px; border-bottom: 1px solid #ddd; }}
  .kg-key {{ margin-right: 12px; white-space: nowrap; font-size: 13px; }}
  .kg-dot {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }}
  #mynetwork {{ border: 0 !important; }}
  div.vis-tooltip {{ white-space: pre-wrap; max-width: 520px; }}
</style>
<div class="kg-bar">
  <strong>{html_lib.escape(title)}</strong> —
  <span id="kg-counts">{graph.number_of_nodes()} nodes, {graph.number_of_edges()} ties</span>
  <label style="margin-left:16px">government
    <select id="kg-government"><option value="">all</option>{options}</select></label>
  <label style="margin-left:16px">from <input id="kg-since" type="date"></label>
  <label>to <input id="kg-until" type="date"></label>
  <div id="kg-legend">{legend}</div>
</div>
"""
    script = """
<script>
(function () {
  var allNodes = nodes.get(), allEdges = edges.get();
  function apply() {
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
  }
  ['kg-government', 'kg-since', 'kg-until'].forEach(function (id) {
    document.getElementById(id).addEventListener('change', apply);
  });
})();
</script>
"""
    page = page.replace("<body>", "<body>" + header, 1)
    page = page.replace("</body>", script + "</body>", 1)
    return page


def write_html(graph: nx.Graph, path: Path, **options) -> Path:
    """Render ``graph`` with :func:`render_html` and write it (atomically) to ``path``."""
    from kg.store import temporary_output

    with temporary_output(path) as partial:
        partial.write_text(render_html(graph, **options), encoding="utf-8")
    return path


def write_image(graph: nx.Graph, path: Path, size_by: Mapping | None = None, seed: int = 42) -> Path:
    """A static PNG or SVG (by the file's suffix) of the same network, for reports and papers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kg.store import temporary_output

    palette = colours(graph)
    sizes = dict(size_by) if size_by else dict(graph.degree(weight="weight"))
    biggest = max([v for v in sizes.values() if isinstance(v, (int, float))] or [1]) or 1
    positions = nx.spring_layout(graph, seed=seed, weight="weight") if len(graph) else {}
    figure, axes = plt.subplots(figsize=(12, 9), dpi=150)
    axes.set_axis_off()
    axes.margins(0.12)
    nx.draw_networkx_edges(graph, positions, ax=axes, alpha=0.4,
                           width=[1 + math.log2(d.get("weight", 1)) for _, _, d in graph.edges(data=True)])
    nx.draw_networkx_nodes(graph, positions, ax=axes,
                           node_color=[palette[group_of(graph, n)] for n in graph],
                           node_size=[80 + 900 * (sizes.get(n, 0) or 0) / biggest for n in graph])
    if len(graph) <= 150:
        nx.draw_networkx_labels(graph, positions, ax=axes, font_size=7,
                                labels={n: graph.nodes[n].get("name", n) for n in graph})
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=g)
               for g, c in list(palette.items())[:16]]
    if handles:
        axes.legend(handles=handles, loc="lower left", fontsize=7, frameon=False)
    suffix = path.suffix.lower().lstrip(".")
    with temporary_output(path) as partial:
        figure.savefig(partial, format=suffix, bbox_inches="tight")
    plt.close(figure)
    return path



def screenshot(page: Path, image: Path, width: int = 1400, height: int = 1000) -> Path:
    """A PNG of an HTML view as headless Chromium draws it (Debian's ``chromium`` package).

    Raises:
        KgError: no chromium on this machine, or it failed.
    """
    import shutil
    import subprocess
    import tempfile

    from kg.errors import KgError

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which(
        "google-chrome")
    if browser is None:
        raise KgError("--screenshot needs chromium (apt-get install chromium)")
    image.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        command = [
            browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync", f"--user-data-dir={profile}", f"--window-size={width},{height}",
            "--virtual-time-budget=15000", f"--screenshot={image.resolve()}",
            page.resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0 or not image.exists():
        raise KgError(f"chromium could not take the screenshot: {done.stderr.strip()[-200:]}")
    return image
