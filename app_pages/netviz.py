"""Draw a networkx graph with pyvis, fully offline (vis-network inlined, no CDN links).

Labels and tooltips come from documents, so they are HTML-escaped here: pyvis renders
``title`` as HTML.
"""

from __future__ import annotations

import html
import re

import networkx as nx

PALETTE = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#1f77b4",
    "#2ca02c",
    "#d62728",
    "#9467bd",
]
_CDN = re.compile(r"<(link|script)[^>]+(https?:)?//[^>]*>(\s*</script>)?", re.IGNORECASE)


def colour_map(values: list[str]) -> dict[str, str]:
    return {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(sorted(set(values)))}


def network_html(
    g: nx.Graph, colour_by: str = "actor_type", physics: bool = True, height: int = 650
) -> str:
    """Self-contained HTML page drawing ``g``; no request leaves the machine."""
    from pyvis.network import Network

    net = Network(height=f"{height}px", width="100%", cdn_resources="in_line", notebook=False)
    values = [str(g.nodes[n].get(colour_by) or "unknown") for n in g.nodes]
    colours = colour_map(values)
    for node in g.nodes:
        data = g.nodes[node]
        label = str(data.get("label") or node)
        tip = "\n".join(
            filter(
                None,
                [
                    label,
                    f"type: {data.get('actor_type') or '?'}",
                    f"country: {data.get('country') or '?'}",
                    f"projects: {data.get('projects', 0)}",
                ],
            )
        )
        net.add_node(
            node,
            label=html.escape(label[:40]),
            title=html.escape(tip),
            color=colours[str(data.get(colour_by) or "unknown")],
            size=10 + 4 * min(int(data.get("projects", 1)), 10),
        )
    for a, b, data in g.edges(data=True):
        w = int(data.get("weight", 1))
        net.add_edge(a, b, value=w, title=html.escape(f"{w} shared project(s)"))
    net.toggle_physics(physics)
    page = net.generate_html(notebook=False)
    return _CDN.sub("", page)
