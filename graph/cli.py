"""``praxis``: a thin command line over the library (each verb calls one function)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from graph.store import GraphStore, StoreError, open_store

SKIPPED_EXIT = 3  # ingest finished but skipped at least one file


def store_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--store",
        "store_spec",
        default=None,
        envvar="PRAXIS_STORE",
        show_default="var/store",
        help="Store directory, or sparql+http://host:port/path for a SPARQL 1.1 server.",
    )(fn)


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)


def emit(data: Any, as_json: bool, human: Callable[[Any], None] | None = None) -> None:
    if as_json or human is None:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        human(data)


def opened(store_spec: str | None, read_only: bool = False) -> GraphStore:
    """The store, its RDF model checked (graph/model.py: a store written by an older version
    is upgraded when opened for writing, refused with the reason when read-only)."""
    from graph.model import ensure_model

    try:
        store = open_store(store_spec, read_only=read_only)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        ensure_model(store)
    except StoreError as exc:
        store.close()
        raise click.ClickException(str(exc)) from exc
    return store


@click.group()
@click.version_option(package_name="praxisgraph")
def cli() -> None:
    """praxisgraph: a knowledge graph of good-practice initiatives."""


#: a batch of at most this many files is reported file by file
PER_FILE_LINES = 20


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--jobs", default=1, show_default=True, help="Worker processes.")
@json_option
def ingest(paths: tuple[Path, ...], store_spec: str | None, jobs: int, as_json: bool) -> None:
    """Ingest files or folders (txt, md, html, pdf, docx; csv/xlsx project tables) into the store.

    Example: praxis ingest data/docs --store var/store
    """
    from ingest.pipeline import ingest_paths

    with opened(store_spec) as store:
        summary = ingest_paths(paths, store, progress=not as_json, jobs=jobs)

    def human(s: Any) -> None:
        click.echo(
            f"files read: {s.files_read}  skipped: {len(s.skipped)}  projects: {s.projects}  "
            f"organisations: {s.organisations}  triples: {s.triples}"
        )
        for info in s.per_file:  # every file of a small batch; tables (many projects) always
            projects = info.get("projects", 1)
            if projects != 1 or len(s.per_file) <= PER_FILE_LINES:
                click.echo(
                    f"  {info['path']}: {projects} projects, {info['organisations']} organisations"
                )
        for path, reason in s.skipped:
            click.echo(f"  skipped {path}: {reason}", err=True)

    emit(summary.as_dict() if as_json else summary, as_json, human)
    if summary.skipped:
        sys.exit(SKIPPED_EXIT)


@cli.command()
@click.argument("n", type=click.IntRange(min=0))
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder for text files, or the .nq file with --rdf.",
)
@click.option("--seed", default=0, show_default=True, help="Same seed, same corpus.")
@click.option("--rdf", is_flag=True, help="Write N-Quads in the store's model (for bulk load).")
def synth(n: int, out: Path, seed: int, rdf: bool) -> None:
    """Generate a synthetic multilingual corpus of N projects (for scale tests).

    Example: praxis synth 1000 --out var/synth ; praxis synth 100000 --rdf --out var/synth.nq
    """
    from graph.synth import write_nquads, write_texts

    if rdf:
        target = out / "synth.nq" if out.is_dir() else out
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as fh:
            count = write_nquads(n, fh, seed=seed, base=target.parent / "synth")
    else:
        target = out
        count = write_texts(n, out, seed=seed)
    click.echo(f"wrote {count} projects to {target}")


@cli.command()
@click.argument("targets", nargs=-1, required=True)
@store_option
@click.option("--dry-run", is_flag=True, help="Only report what would be removed.")
@json_option
def remove(targets: tuple[str, ...], store_spec: str | None, dry_run: bool, as_json: bool) -> None:
    """Remove ingested documents: by file or folder path, document id or file name.

    All their graphs go in one transaction; the search index follows. A target that
    matches nothing is an error and nothing is removed.

    Example: praxis remove data/docs/withdrawn-report.pdf --dry-run
    """
    from ingest.remove import RemovalError, remove_documents

    with opened(store_spec, read_only=dry_run) as store:
        try:
            summary = remove_documents(store, targets, dry_run=dry_run)
        except RemovalError as exc:
            raise click.ClickException(str(exc)) from exc

    def human(s: Any) -> None:
        verb = "would remove" if s.dry_run else "removed"
        click.echo(
            f"{verb} {len(s.documents)} documents, {len(s.projects_removed)} projects, "
            f"{len(s.organisations_removed)} organisations no other document mentions"
            + ("" if s.dry_run else f"; store version {s.version}")
        )
        for d in s.documents:
            rows = f" ({d.rows} rows)" if d.rows > 1 else ""
            click.echo(f"  document {d.path}{rows}")
        for _iri, title in s.projects_removed:
            click.echo(f"  project gone: {title}")
        for _iri, title, files in s.projects_kept:
            click.echo(f"  project kept (still from {', '.join(files)}): {title}")
        for _iri, label in s.organisations_removed:
            click.echo(f"  organisation gone: {label}")

    emit(summary.as_dict() if as_json else summary, as_json, human)


@cli.command(name="load")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@store_option
@click.option("--jobs", default=0, show_default="one per CPU", help="Loader threads.")
@click.option(
    "--force", is_flag=True, help="Load into a store that already holds documents (adds quads)."
)
@click.option("--lenient", is_flag=True, help="Skip IRI checks (for files praxis wrote).")
@click.option("--index/--no-index", default=True, show_default=True, help="Rebuild search index.")
@json_option
def load(
    files: tuple[Path, ...],
    store_spec: str | None,
    jobs: int,
    force: bool,
    lenient: bool,
    index: bool,
    as_json: bool,
) -> None:
    """Bulk-load RDF files (N-Quads from `praxis synth --rdf`, a `praxis export`) fast.

    Not transactional: quads are added (a named graph already in the store is merged, not
    replaced) and a file that fails part-way leaves what was read before the error. So a
    store that already holds documents is refused unless --force; use `praxis ingest` for
    documents. Stamps a new store version (caches follow) and rebuilds the search index.

    Example: praxis synth 100000 --rdf --out var/synth.nq ; praxis load var/synth.nq --lenient
    """
    import time

    from ingest.pipeline import ensure_ontology

    t0 = time.perf_counter()
    with opened(store_spec) as store:
        if store.has_documents() and not force:
            raise click.ClickException(
                f"the store at {store.location} already holds documents; bulk loading adds "
                "quads without replacing graphs and is not transactional (--force to do it "
                "anyway, or load into an empty store)"
            )
        try:
            version = store.bulk_load(files, jobs=jobs, lenient=lenient)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        load_s = time.perf_counter() - t0
        ensure_ontology(store)
        from graph.model import ensure_model

        ensure_model(store, look=True)  # the files may be an older store's dump
        if index:
            from graph.search import rebuild_index

            rebuild_index(store)
        version = store.version()
    result = {
        "files": [str(f) for f in files],
        "bytes": sum(f.stat().st_size for f in files),
        "load_s": round(load_s, 1),
        "total_s": round(time.perf_counter() - t0, 1),
        "version": version,
    }
    emit(
        result,
        as_json,
        lambda r: click.echo(
            f"loaded {len(r['files'])} file(s), {r['bytes'] / 2**20:.0f} MB in {r['load_s']} s "
            f"({r['total_s']} s with ontology and index); store version {r['version']}"
        ),
    )


@cli.command()
@store_option
@json_option
def migrate(store_spec: str | None, as_json: bool) -> None:
    """Upgrade a store written by an older praxisgraph to the current RDF model, in place.

    Any command that opens the store for writing does it too; read-only commands and the
    app refuse an older store with this advice. Nothing happens to a current store.

    Example: praxis migrate --store var/store
    """
    from graph.model import MODEL_VERSION, ensure_model, has_old_model
    from graph.model import migrate as upgrade

    try:
        store = open_store(store_spec)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        counts = upgrade(store) if has_old_model(store) else {}
        ensure_model(store)  # stamps a current store that has no stamp yet
    result = {"store": store.location, "model": MODEL_VERSION, "upgraded": bool(counts), **counts}
    emit(
        result,
        as_json,
        lambda r: click.echo(
            f"upgraded {r['store']} to RDF model {r['model']}: {r['evidence']} evidence nodes "
            f"now name one of {r['methods']} methods, {r['participations']} project links "
            "to participations dropped"
            if r["upgraded"]
            else f"{r['store']} is already in RDF model {r['model']}"
        ),
    )


@cli.command(name="eval")
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the predictions read back from the store (JSON Lines).",
)
@json_option
def eval_(docs_dir: Path, gold: Path, predictions: Path | None, as_json: bool) -> None:
    """Score extraction against gold annotations (ingests into a fresh temporary store).

    Example: praxis eval ../shared/seeds ../shared/eval/seeds.gold.jsonl --json
    """
    from graph.evaluate import LIST_CATEGORIES, evaluate

    result = evaluate(docs_dir, gold, predictions, progress=not as_json)
    if as_json:
        result = {k: v for k, v in result.items() if k != "per_document"}

    def human(r: dict[str, Any]) -> None:
        click.echo(f"{'category':<16}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
        for c in (*LIST_CATEGORIES, "organisations"):
            m = r[c]
            click.echo(
                f"{c:<16}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
                f"{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}"
            )
        click.echo(
            f"micro F1 (5 lists): {r['micro_f1']:.3f}   organisation type accuracy: "
            f"{r['organisation_type_accuracy']:.3f}"
        )
        for lang, m in r["per_language"].items():
            click.echo(f"  {lang}: micro F1 {m['micro_f1']:.3f}")

    emit(result, as_json, human)


@cli.command()
@click.argument("query", default="")
@store_option
@click.option("--funder", multiple=True, help="Funder notation, e.g. erasmus-plus.")
@click.option("--actor-type", multiple=True)
@click.option("--target-group", multiple=True)
@click.option("--activity", multiple=True)
@click.option("--country", multiple=True)
@click.option("--limit", default=20, show_default=True)
@json_option
def search(
    query: str,
    store_spec: str | None,
    funder: tuple[str, ...],
    actor_type: tuple[str, ...],
    target_group: tuple[str, ...],
    activity: tuple[str, ...],
    country: tuple[str, ...],
    limit: int,
    as_json: bool,
) -> None:
    """Search projects in any of the six languages, with facet filters.

    Example: praxis search "věznice" --funder erasmus-plus --json
    """
    from dataclasses import asdict

    from graph.search import search as run_search

    filters = {
        "funder": list(funder),
        "actor-type": list(actor_type),
        "target-group": list(target_group),
        "activity-type": list(activity),
        "country": list(country),
    }
    with opened(store_spec, read_only=True) as store:
        result = run_search(store, query, {k: v for k, v in filters.items() if v}, limit=limit)
    data = {
        "total": result.total,
        "hits": [asdict(h) for h in result.hits],
        "facets": {k: dict(v.most_common()) for k, v in result.facets.items()},
    }

    def human(d: dict[str, Any]) -> None:
        click.echo(f"{d['total']} projects")
        for h in d["hits"]:
            click.echo(f"  {h['score']:7.2f}  [{h['lang']}] {h['title'][:90]}  ({h['file']})")

    emit(data, as_json, human)


@cli.command()
@click.argument("sparql")
@store_option
@click.option("--limit", default=1000, show_default=True, help="Row limit.")
def query(sparql: str, store_spec: str | None, limit: int) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); prints JSON.

    Example: praxis query "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    """
    from graph.sparql import ReadOnlyQueryError, run_read_only

    with opened(store_spec, read_only=True) as store:
        try:
            result = run_read_only(store, sparql, max_rows=limit)
        except ReadOnlyQueryError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "trig", "nq", "jsonld"]),
    default="nq",
    show_default=True,
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@store_option
def export(fmt: str, out: Path | None, store_spec: str | None) -> None:
    """Dump the whole graph (all named graphs) as TriG, N-Quads or JSON-LD.

    Example: praxis export --format nq --out graph.nq
    """
    from graph.export import dump_rdf

    with opened(store_spec, read_only=True) as store:
        if out is None:
            dump_rdf(store, fmt, sys.stdout.buffer)
        else:
            with open(out, "wb") as fh:
                dump_rdf(store, fmt, fh)


@cli.command()
@store_option
@click.option("--port", default=8501, show_default=True)
@click.option("--headless/--no-headless", default=True, show_default=True)
def app(store_spec: str | None, port: int, headless: bool) -> None:
    """Start the Streamlit app on the store.

    Example: praxis app --store var/store --port 8501
    """
    app_py = Path(__file__).resolve().parent.parent / "app.py"
    env = dict(
        os.environ, PRAXIS_STORE=str(store_spec or os.environ.get("PRAXIS_STORE", "var/store"))
    )
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_py),
        "--server.port",
        str(port),
        "--server.headless",
        str(headless).lower(),
        "--browser.gatherUsageStats",
        "false",
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
    ]
    # become the server process, so stopping `praxis app` stops Streamlit (no orphan)
    os.execve(sys.executable, cmd, env)


# the analytics verbs (network, communities, brokers, precedents, gaps) register on `cli`
import graph.analytics_cli  # noqa: E402, F401


# ---------------------------------------------------------------------------- organisations
@cli.group()
def orgs() -> None:
    """Organisation identity: list, show, merge, split, rename (curation survives re-ingest)."""


def organisation_iri(store: GraphStore, text: str) -> str:
    """The organisation an ``orgs`` argument names: an IRI as given, else an exact label,
    acronym or unique part of a label (as ``network --org``); a clear error otherwise."""
    from graph.projection import projection, resolve_organisation

    if "://" in text:
        return text.strip()
    try:
        return resolve_organisation(projection(store), text)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc


def _curate(
    store_spec: str | None,
    action: Callable[..., Any],
    as_json: bool,
    orgs: tuple[str, ...] = (),
) -> None:
    """Run a curation ``action(store, *organisation IRIs)`` with ``orgs`` resolved."""
    from graph.curation import CurationError

    with opened(store_spec) as store:
        iris = [organisation_iri(store, text) for text in orgs]
        try:
            result = action(store, *iris)
        except CurationError as exc:
            raise click.ClickException(str(exc)) from exc
    emit(result, as_json, lambda r: click.echo(" ".join(f"{k}: {v}" for k, v in r.items())))


@orgs.command(name="list")
@store_option
@click.option("--limit", default=50, show_default=True)
@click.option("--duplicates", is_flag=True, help="List possible duplicates instead.")
@json_option
def orgs_list(store_spec: str | None, limit: int, duplicates: bool, as_json: bool) -> None:
    """Organisations by number of documents (or possible duplicates for review).

    Example: praxis orgs list --duplicates
    """
    from graph.resolve import list_organisations, possible_duplicates

    with opened(store_spec, read_only=True) as store:
        rows = possible_duplicates(store, limit=limit) if duplicates else list_organisations(store)
    rows = rows[:limit]

    def human(data: list[dict[str, Any]]) -> None:
        for r in data:
            if duplicates:
                click.echo(f"{r['score']:5.1f}  {r['a_label']}  ~  {r['b_label']}")
                click.echo(f"       {r['a']}\n       {r['b']}")
            else:
                mark = "*" if r["authority"] else " "
                click.echo(f"{r['documents']:4d} {mark} {r['label']}  <{r['iri']}>")

    emit(rows, as_json, human)


@orgs.command(name="show")
@click.argument("org")
@store_option
@json_option
def orgs_show(org: str, store_spec: str | None, as_json: bool) -> None:
    """Names (with source files), aliases, parent and units of one organisation (IRI,
    exact label, acronym or a unique part of a label).

    Example: praxis orgs show "Mezikrok"
    """
    from graph.resolve import show_organisation

    with opened(store_spec, read_only=True) as store:
        data = show_organisation(store, organisation_iri(store, org))
    if not (data["names"] or data["authority"] or data["documents"]):
        raise click.ClickException(f"no organisation {data['requested']}")

    def human(d: dict[str, Any]) -> None:
        click.echo(f"{d['label']}  <{d['iri']}>")
        for key in ("aliases", "parent", "units", "types", "countries", "documents"):
            if d[key]:
                click.echo(f"  {key}: {d[key]}")
        for n in d["names"]:
            click.echo(f"  name: {n['name']}  ({n['file']})")

    emit(data, as_json, human)


@orgs.command(name="merge")
@click.argument("source")
@click.argument("target")
@store_option
@json_option
def orgs_merge(source: str, target: str, store_spec: str | None, as_json: bool) -> None:
    """Merge organisation SOURCE into TARGET (SOURCE stays an owl:sameAs alias); both are
    IRIs, exact labels or unique parts of labels.

    Example: praxis orgs merge .../org/veznice-plzen-bory .../org/veznice-plzen
    """
    from graph.curation import merge

    _curate(store_spec, merge, as_json, (source, target))


@orgs.command(name="split")
@click.argument("iri")
@click.argument("name")
@click.option("--new-iri", default=None, help="IRI for the split-off organisation.")
@store_option
@json_option
def orgs_split(
    iri: str, name: str, new_iri: str | None, store_spec: str | None, as_json: bool
) -> None:
    """Move the mentions called NAME off organisation IRI to an organisation of their own.

    Example: praxis orgs split .../org/cz-prison-service "Vězeňská služba" --new-iri ...
    """
    from graph.curation import split

    _curate(store_spec, lambda s, org: split(s, org, name, new_iri), as_json, (iri,))


@orgs.command(name="rename")
@click.argument("iri")
@click.argument("label")
@store_option
@json_option
def orgs_rename(iri: str, label: str, store_spec: str | None, as_json: bool) -> None:
    """Set the display name of an organisation.

    Example: praxis orgs rename .../org/veznice-plzen "Věznice Plzeň"
    """
    from graph.curation import rename

    _curate(store_spec, lambda s, org: rename(s, org, label), as_json, (iri,))


@orgs.command(name="resolve")
@store_option
@click.option("--dry-run", is_flag=True, help="Only list the merges.")
@json_option
def orgs_resolve(store_spec: str | None, dry_run: bool, as_json: bool) -> None:
    """Merge organisations whose names are variants of one name (across documents).

    Example: praxis orgs resolve --dry-run
    """
    from graph.resolve import resolve_store

    with opened(store_spec, read_only=dry_run) as store:
        result = resolve_store(store, apply=not dry_run)

    def human(r: dict[str, Any]) -> None:
        for m in r["merged"]:
            click.echo(f"{m['merged']}  ->  {m['into']}")
        click.echo(f"{len(r['merged'])} merges among {r['organisations']} organisations")

    emit(result, as_json, human)


@orgs.command(name="curation")
@store_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Save the rules.")
@click.option(
    "--load", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Load rules."
)
@json_option
def orgs_curation(
    store_spec: str | None, out: Path | None, load: Path | None, as_json: bool
) -> None:
    """Save the curation rules to a file, or load them (e.g. into a fresh store before ingest).

    Example: praxis orgs curation --out curation.nt
    """
    from graph.curation import export_curation, import_curation

    if load is not None:
        text = load.read_text("utf-8", errors="replace")
        _curate(store_spec, lambda s: import_curation(s, text), as_json)
        return
    with opened(store_spec, read_only=True) as store:
        data = export_curation(store)
    if out is None:
        click.echo(data, nl=False)
    else:
        out.write_text(data, "utf-8")


if __name__ == "__main__":
    cli()
