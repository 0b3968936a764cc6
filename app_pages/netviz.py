"""Draw a networkx graph with vis-network (the copy shipped inside pyvis), fully offline.

pyvis' own page template links Bootstrap from a CDN, so this module builds the nodes and
edges with pyvis' ``Network`` and renders them with its own small template: vis-network is
inlined, nothing is fetched from outside.

Safety: labels are drawn on a canvas and vis-network shows string tooltips as text
(``innerText``), the side panel is filled with ``textContent``, and the JSON data is
embedded with ``<``, ``>`` and ``&`` escaped — so names from documents can never become
markup. Clicking a node opens a side panel; its link (or a double click) opens the
organisation page in the top window.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

#: 22 distinguishable colours (Tableau 10, then lighter and darker companions)
PALETTE = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#17becf", "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d",
    "#499894", "#86bcb6", "#d37295", "#fabfd2", "#79706e", "#d4a6c8", "#1f4e79",
    "#7f3c00",
]  # fmt: skip
UNKNOWN_COLOUR = "#c7c7c7"
#: above this many nodes the layout is computed here and physics starts switched off
PHYSICS_LIMIT = 300


def colour_map(values: list[str]) -> dict[str, str]:
    """A stable colour per distinct value, most frequent first; "unknown" is grey."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    ordered = sorted((v for v in counts if v != "unknown"), key=lambda v: (-counts[v], v))
    colours = {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(ordered)}
    if "unknown" in counts:
        colours["unknown"] = UNKNOWN_COLOUR
    return colours


@cache
def _vis_js() -> str:
    lib = resources.files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.min.js")
    return lib.read_text("utf-8")


def _json(data: Any) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _layout(g: nx.Graph) -> dict[Any, tuple[float, float]]:
    n = g.number_of_nodes()
    pos = nx.spring_layout(g, seed=7, iterations=40 if n > 1000 else 60, k=2 / math.sqrt(n))
    scale = 60 * math.sqrt(n)
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in pos.items()}


def network_html(
    g: nx.Graph,
    colour_by: str = "actor_type",
    size_by: str = "projects",
    physics: bool | None = None,
    height: int = 650,
    focus: str | None = None,
    colours: dict[str, str] | None = None,
    value_names: dict[str, str] | None = None,
    link_page: str = "/organisation",
) -> str:
    """Self-contained HTML page drawing ``g``; no request leaves the machine.

    Node attributes used: ``label``, ``actor_type``, ``country``, ``projects`` and whatever
    ``colour_by``/``size_by`` name (missing values count as "unknown" / 0).
    """
    from pyvis.network import Network

    n_nodes = g.number_of_nodes()
    if physics is None:
        physics = n_nodes <= PHYSICS_LIMIT
    values = [str(g.nodes[n].get(colour_by) or "unknown") for n in g.nodes]
    colours = colours or colour_map(values)
    names = value_names or {}
    sizes = [float(g.nodes[n].get(size_by) or 0) for n in g.nodes]
    top = max(sizes, default=0) or 1.0
    positions = _layout(g) if not physics and n_nodes > 1 else {}

    net = Network(height=f"{height}px", width="100%", notebook=False)
    for node, size in zip(g.nodes, sizes, strict=True):
        data = g.nodes[node]
        label = str(data.get("label") or node)
        value = str(data.get(colour_by) or "unknown")
        tip = "\n".join(
            [
                label,
                f"type: {data.get('actor_type_name') or data.get('actor_type') or '?'}",
                f"country: {data.get('country') or '?'}",
                f"projects: {data.get('projects', 0)}",
                f"links: {g.degree(node)}",
            ]
        )
        extra: dict[str, Any] = {}
        if node in positions:
            extra["x"], extra["y"] = positions[node]
        if node == focus:
            extra["borderWidth"] = 4
        net.add_node(
            str(node),
            label=label if len(label) <= 40 else label[:39] + "…",
            title=tip,
            color=colours.get(value, UNKNOWN_COLOUR),
            size=8 + 32 * math.sqrt(size / top),
            group_name=names.get(value, value),
            **extra,
        )
    for a, b, data in g.edges(data=True):
        w = int(data.get("weight", 1))
        net.add_edge(str(a), str(b), value=w, title=f"{w} shared project(s)")
    options = {
        "physics": {
            "enabled": bool(physics),
            "solver": "forceAtlas2Based",
            "stabilization": {"iterations": 150},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"shape": "dot", "font": {"size": 14}},
        "edges": {"color": {"color": "#9aa5b1", "highlight": "#333"}, "smooth": False},
    }
    return _TEMPLATE.format(
        height=height,
        vis=_vis_js(),
        nodes=_json(net.nodes),
        edges=_json(net.edges),
        options=_json(options),
        focus=_json(str(focus) if focus else None),
        link_page=_json(link_page),
    )


_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8">
<style>
body {{ margin: 0; font-family: sans-serif; font-size: 13px; }}
#wrap {{ position: relative; height: {height}px; border: 1px solid #ddd; }}
#net {{ position: absolute; inset: 0; }}
#bar {{ position: absolute; top: 6px; left: 6px; z-index: 5; display: flex; gap: 4px; }}
#bar input, #bar button {{ font-size: 12px; padding: 3px 6px; }}
#panel {{ position: absolute; top: 6px; right: 6px; width: 240px; z-index: 5; display: none;
  background: #fff; border: 1px solid #bbb; border-radius: 4px; padding: 8px;
  box-shadow: 0 2px 6px rgba(0,0,0,.15); }}
#panel h4 {{ margin: 0 0 4px 0; font-size: 14px; word-wrap: break-word; }}
#panel a {{ display: inline-block; margin-top: 6px; }}
div.vis-tooltip {{ position: absolute; visibility: hidden; padding: 5px; white-space: pre-wrap;
  font-size: 12px; background: #fffff0; border: 1px solid #999; border-radius: 3px;
  pointer-events: none; z-index: 10; max-width: 320px; }}
</style>
<script>{vis}</script>
</head><body>
<div id="wrap">
  <div id="bar">
    <input id="find" list="names" placeholder="find an organisation" size="24">
    <datalist id="names"></datalist>
    <button id="fit" title="show everything">fit</button>
    <button id="png" title="download the drawing as PNG">PNG</button>
  </div>
  <div id="net"></div>
  <div id="panel"><h4 id="p-name"></h4><div id="p-info"></div>
    <a id="p-open" href="#">Open organisation page</a>
    <div><button id="p-close">close</button></div></div>
</div>
<script>
(function () {{
  var nodes = new vis.DataSet({nodes});
  var edges = new vis.DataSet({edges});
  var options = {options};
  var focus = {focus};
  var linkPage = {link_page};
  var network = new vis.Network(document.getElementById("net"),
                                {{nodes: nodes, edges: edges}}, options);
  window.praxisNetwork = network;
  window.praxisNodeCount = nodes.length;
  var byLabel = {{}};
  var list = document.getElementById("names");
  nodes.forEach(function (n) {{
    byLabel[n.label] = n.id;
    var o = document.createElement("option"); o.value = n.label; list.appendChild(o);
  }});
  function pageUrl(id) {{ return linkPage + "?iri=" + encodeURIComponent(id); }}
  function openTop(url) {{
    try {{
      var doc = window.top.document;
      var a = doc.createElement("a");
      a.href = url; a.target = "_self"; doc.body.appendChild(a); a.click();
    }} catch (e) {{ window.open(url, "_blank"); }}
  }}
  function show(id) {{
    var n = nodes.get(id); if (!n) return;
    document.getElementById("p-name").textContent = n.label;
    document.getElementById("p-info").textContent = n.title.split("\\n").slice(1).join(" · ");
    var a = document.getElementById("p-open");
    a.setAttribute("href", pageUrl(id));
    a.onclick = function (ev) {{ ev.preventDefault(); openTop(pageUrl(id)); }};
    document.getElementById("panel").style.display = "block";
  }}
  function focusOn(id) {{
    network.selectNodes([id]);
    network.focus(id, {{scale: 1.2, animation: {{duration: 400}}}});
    show(id);
  }}
  network.on("click", function (p) {{
    if (p.nodes.length) show(p.nodes[0]);
    else document.getElementById("panel").style.display = "none";
  }});
  network.on("doubleClick", function (p) {{ if (p.nodes.length) openTop(pageUrl(p.nodes[0])); }});
  document.getElementById("p-close").onclick = function () {{
    document.getElementById("panel").style.display = "none";
  }};
  document.getElementById("find").addEventListener("change", function (ev) {{
    var id = byLabel[ev.target.value]; if (id !== undefined) focusOn(id);
  }});
  document.getElementById("fit").onclick = function () {{ network.fit(); }};
  document.getElementById("png").onclick = function () {{
    var canvas = document.querySelector("#net canvas");
    var ctx = document.createElement("canvas");
    ctx.width = canvas.width; ctx.height = canvas.height;
    var c = ctx.getContext("2d"); c.fillStyle = "#fff"; c.fillRect(0, 0, ctx.width, ctx.height);
    c.drawImage(canvas, 0, 0);
    var a = document.createElement("a");
    a.download = "praxisgraph-network.png"; a.href = ctx.toDataURL("image/png"); a.click();
  }};
  var done = false;
  function afterLayout() {{
    if (done) return; done = true;
    window.praxisReady = true;
    if (focus !== null && nodes.get(focus)) focusOn(focus);
  }}
  network.once("stabilizationIterationsDone", afterLayout);
  setTimeout(afterLayout, options.physics.enabled ? 4000 : 50);
}})();
</script>
</body></html>
"""
