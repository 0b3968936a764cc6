"""``praxis network|communities|brokers|precedents|gaps``: the analytics verbs.

Registered on the ``praxis`` click group by :mod:`graph.cli`; each verb calls one library
function (:mod:`graph.network`, :mod:`graph.precedents`, :mod:`graph.gaps`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from graph.cli import cli, emit, json_option, opened, store_option


def _filter_options(fn: Any) -> Any:
    for decorator in reversed(
        [
            click.option("--funder", multiple=True, help="Funder notation, e.g. erasmus-plus."),
            click.option("--country", multiple=True, help="ISO code of project or partner."),
            click.option("--actor-type", multiple=True, help="Keep organisations of this type."),
            click.option("--target-group", multiple=True),
            click.option("--activity", multiple=True),
            click.option("--years", help="Period, e.g. 2014-2020 (projects with a known year)."),
            click.option("--rollup", is_flag=True, help="Merge sub-organisations into parents."),
            click.option(
                "--no-mentioned", is_flag=True, help="Leave out organisations only named."
            ),
        ]
    ):
        fn = decorator(fn)
    return fn


def _make_filter(opts: dict[str, Any]) -> Any:
    from graph.network import NetworkFilter

    years = None
    if opts.get("years"):
        try:
            lo, _, hi = str(opts["years"]).partition("-")
            years = (int(lo), int(hi or lo))
        except ValueError as exc:
            msg = "use YEAR or FROM-TO, e.g. 2014-2020"
            raise click.BadParameter(msg, param_hint="--years") from exc
    return NetworkFilter(
        funders=tuple(opts.get("funder") or ()),
        countries=tuple(opts.get("country") or ()),
        actor_types=tuple(opts.get("actor_type") or ()),
        target_groups=tuple(opts.get("target_group") or ()),
        activities=tuple(opts.get("activity") or ()),
        years=years,
        include_mentioned=not opts.get("no_mentioned"),
        rollup=bool(opts.get("rollup")),
    )


@cli.command()
@store_option
@click.option("--org", help="Centre of an ego network: IRI, exact label or part of a label.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 2))
@_filter_options
@click.option("--limit", default=50, show_default=True, help="Nodes/edges/partners listed.")
@click.option("--gexf", type=click.Path(dir_okay=False, path_type=Path), help="Write GEXF.")
@click.option("--graphml", type=click.Path(dir_okay=False, path_type=Path), help="Write GraphML.")
@click.option(
    "--csv",
    "csv_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the edge list with roles as CSV.",
)
@json_option
def network(
    store_spec: str | None,
    org: str | None,
    depth: int,
    limit: int,
    gexf: Path | None,
    graphml: Path | None,
    csv_out: Path | None,
    as_json: bool,
    **opts: Any,
) -> None:
    """Collaboration network (weight = shared projects), or the ego network of --org.

    Example: praxis network --org "Volonté" --depth 2 --json
    """
    from graph.network import ego_network, graph_bytes, graph_summary
    from graph.network import network as build_network

    flt = _make_filter(opts)
    with opened(store_spec, read_only=True) as store:
        if org:
            try:
                ego = ego_network(store, org, depth=depth, flt=flt)
            except LookupError as exc:
                raise click.ClickException(str(exc)) from exc
            g = ego.graph(store, flt)
            data: dict[str, Any] = ego.as_dict()
            data["partners"] = data["partners"][:limit]
        else:
            g = build_network(store, flt)
            data = graph_summary(g, limit)
    for path, fmt in ((gexf, "gexf"), (graphml, "graphml"), (csv_out, "csv")):
        if path is not None:
            path.write_bytes(graph_bytes(g, fmt))
            if not as_json:
                click.echo(
                    f"wrote {path} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)",
                    err=True,
                )
    if not as_json and any((gexf, graphml, csv_out)):
        return

    def human(d: dict[str, Any]) -> None:
        if "centre" in d:
            click.echo(
                f"{d['label']}: {len(d['projects'])} projects, {len(d['partners'])} partners shown"
            )
            for p in d["partners"]:
                click.echo(
                    f"  d{p['distance']} {p['ties']:>4}  {p['label']} "
                    f"({p['actor_type'] or '?'}, {p['country'] or '?'})"
                )
        else:
            click.echo(f"{d['nodes_total']} organisations, {d['edges_total']} links")
            for e in d["edges"]:
                click.echo(f"  {e['weight']:>4}  {e['source_label']} — {e['target_label']}")

    emit(data, as_json, human)


@cli.command()
@store_option
@_filter_options
@click.option("--seed", default=42, show_default=True, help="Louvain random seed.")
@click.option("--resolution", default=1.0, show_default=True)
@click.option("--members", default=10, show_default=True, help="Members listed per community.")
@json_option
def communities(
    store_spec: str | None, seed: int, resolution: float, members: int, as_json: bool, **opts: Any
) -> None:
    """Louvain communities with their sector-mixing matrices.

    Example: praxis communities --json
    """
    from graph.network import communities as find_communities
    from graph.network import network as build_network

    flt = _make_filter(opts)
    with opened(store_spec, read_only=True) as store:
        found = find_communities(build_network(store, flt), seed=seed, resolution=resolution)
    data = []
    for c in found:
        d = c.as_dict()
        d["members"] = d["members"][:members]
        data.append(d)

    def human(rows: list[dict[str, Any]]) -> None:
        for c in rows:
            names = ", ".join(m["label"] for m in c["members"][:5])
            click.echo(f"#{c['index']} ({c['size']}): {names}")

    emit(data, as_json, human)


@cli.command()
@store_option
@_filter_options
@click.option("--limit", default=25, show_default=True)
@json_option
def brokers(store_spec: str | None, limit: int, as_json: bool, **opts: Any) -> None:
    """Organisations bridging actor-type sectors and countries.

    Example: praxis brokers --json
    """
    from graph.network import brokers as find_brokers
    from graph.network import network as build_network

    flt = _make_filter(opts)
    with opened(store_spec, read_only=True) as store:
        found = find_brokers(build_network(store, flt), limit=limit)
    data = [b.as_dict() for b in found]

    def human(rows: list[dict[str, Any]]) -> None:
        for b in rows:
            click.echo(f"{b['score']:6.2f}  {b['label']}: {b['explanation']}")

    emit(data, as_json, human)


@cli.command()
@click.argument("text")
@store_option
@click.option("--funder", help="Funder notation you plan to apply to (boosts, not a filter).")
@click.option("--country", help="ISO country code (boosts, not a filter).")
@click.option("--limit", default=10, show_default=True)
@json_option
def precedents(
    text: str,
    store_spec: str | None,
    funder: str | None,
    country: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Existing projects like an idea, why, and organisations that often take part.

    Example: praxis precedents "vocational training for prisoners with employers" --json
    """
    from graph.precedents import find_precedents

    with opened(store_spec, read_only=True) as store:
        try:
            result = find_precedents(store, text, funder=funder, country=country, limit=limit)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    data = result.as_dict()
    data["idea"].pop("lemmas", None)

    def human(d: dict[str, Any]) -> None:
        idea = d["idea"]
        click.echo(
            f"idea [{idea['lang']}]: target groups {', '.join(idea['target_groups']) or '-'}; "
            f"activities {', '.join(idea['activities']) or '-'}"
        )
        for h in d["hits"]:
            click.echo(f"  {h['score']:.3f}  {h['title'][:80]}\n         {h['explanation']}")
        if d["partners"]:
            click.echo("potential partners:")
            for p in d["partners"]:
                click.echo(
                    f"  {p['label']} ({p['actor_type'] or '?'}): {p['precedents']} precedent(s)"
                )

    emit(data, as_json, human)


@cli.command()
@store_option
@click.option("--project", help="Project IRI, id (e.g. 000) or exact title.")
@click.option("--org", help="Organisation (its ego network).")
@click.option("--theme", help="Target-group / activity-type notation or theme name.")
@click.option("--community", type=int, help="Community number from `praxis communities`.")
@click.option("--country", help="ISO code: alone = a region; with --theme = that theme there.")
@click.option(
    "--min-share",
    default=0.3,
    show_default=True,
    help="Data-driven: share of similar projects a type must reach.",
)
@click.option("--similar", default=50, show_default=True, help="Similar projects compared.")
@json_option
def gaps(
    store_spec: str | None,
    project: str | None,
    org: str | None,
    theme: str | None,
    community: int | None,
    country: str | None,
    min_share: float,
    similar: int,
    as_json: bool,
) -> None:
    """Missing stakeholders: expected actor types that are absent, why, and candidates.

    Example: praxis gaps --project 000 --json
    """
    from graph import gaps as g

    chosen = [x for x in (project, org, theme, community) if x is not None]
    if len(chosen) > 1 or (not chosen and not country):
        raise click.UsageError("give one of --project, --org, --theme, --community (or --country)")
    options = {"min_share": min_share, "similar": similar}
    with opened(store_spec, read_only=True) as store:
        try:
            if project:
                report = g.gaps_for_project(store, project, **options)
            elif org:
                report = g.gaps_for_org(store, org, **options)
            elif theme:
                report = g.gaps_for_theme(store, theme, country, **options)
            elif community is not None:
                report = g.gaps_for_community(store, community, **options)
            else:
                report = g.gaps_for_country(store, str(country), **options)
        except LookupError as exc:
            raise click.ClickException(str(exc)) from exc
    data = report.as_dict()

    def human(d: dict[str, Any]) -> None:
        click.echo(f"{d['subject']['kind']}: {d['subject']['label']} ({d['projects']} projects)")
        click.echo("themes: " + (", ".join(t["theme"] for t in d["themes"]) or "-"))
        for m in d["missing"]:
            why = "; ".join(r["reason"] for r in m["reasons"])[:160]
            cands = ", ".join(c["label"] for c in m["candidates"][:3]) or "none in projects"
            known = ", ".join(b["label"] for b in m["reference_bodies"])
            click.echo(
                f"  {m['score']:.2f} {m['actor_type']} [{m['status']}]: {why}\n"
                f"       candidates: {cands}" + (f"; known bodies: {known}" if known else "")
            )
        for note in d["notes"]:
            click.echo(f"note: {note}")

    emit(data, as_json, human)
