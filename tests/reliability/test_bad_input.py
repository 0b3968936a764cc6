"""A corpus of bad and odd inputs, generated here (no binary blobs committed).

Every input is either ingested correctly or skipped with a one-line reason in the summary;
the rest of the batch is ingested, nothing crashes, and ``praxis ingest`` exits with 3 when
anything was skipped.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode

from graph.cli import SKIPPED_EXIT, cli
from graph.store import GraphStore, open_store
from ingest.documents import IngestError
from ingest.pipeline import ingest_paths, iter_files
from ingest.rdf import document_iri
from ingest.readers import doc_id_for, read_file
from ontology.namespaces import SCHEMA
from tests.helpers import make_pdf

CZECH = (
    "Vězeňská služba České republiky a Probační a mediační služba připravily projekt "
    "pro odsouzené ženy. Příliš žluťoučký kůň úpěl ďábelské ódy. Město Brno, Kuřim a "
    "Olomoucký kraj spolupracují s Ministerstvem spravedlnosti na resocializaci vězňů.\n"
)
POLISH = (
    "Fundacja Sławek i Służba Więzienna realizują projekt dla osadzonych w Polsce. "
    "Zażółć gęślą jaźń. Stowarzyszenie Śląskie współpracuje z Ministerstwem "
    "Sprawiedliwości i Żandarmerią przy reintegracji skazanych kobiet.\n"
)
ENGLISH = (
    "The Municipality of Brno and the Probation and Mediation Service run a project for "
    "prisoners funded by Erasmus+.\n"
)


def stored_text(store: GraphStore, path: Path) -> str:
    """schema:text of the document graph of ``path`` (what evidence offsets point into)."""
    rows = store.select(
        "SELECT ?t WHERE { GRAPH ?g { ?d ?p ?t } }",
        d=document_iri(doc_id_for(path)),
        p=NamedNode(str(SCHEMA.text)),
    )
    assert rows, f"{path.name} has no stored text"
    value = rows[0]["t"]
    assert isinstance(value, Literal)
    return value.value


# ---------------------------------------------------------------- generated inputs
def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(ENGLISH.split(". ")))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def corrupt_docx_xml() -> bytes:
    """A zip with the DOCX parts, but document.xml cut off mid-element."""
    good = docx_bytes([POLISH])
    src = zipfile.ZipFile(io.BytesIO(good))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)
    return buf.getvalue()


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def zip_not_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        out.writestr("hello.txt", "not an office document")
    return buf.getvalue()


@dataclass
class Case:
    """One bad input: how to make it, and what must happen to it."""

    name: str
    make: Callable[[Path], None]
    expect: str  # "ingest" or a regex the skip reason must match
    check: Callable[[str], None] | None = None  # on the stored text when ingested


def write(data: bytes | str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))

    return make


def contains(*needles: str, absent: tuple[str, ...] = ()) -> Callable[[str], None]:
    def check(text: str) -> None:
        for needle in needles:
            assert needle in text, f"{needle!r} missing from {text[:300]!r}"
        for bad in absent:
            assert bad not in text, f"{bad!r} leaked into {text[:300]!r}"

    return check


def long_single_line(path: Path) -> None:
    words = (ENGLISH.strip() + " ") * 1200  # ~140 kB, no newline at all
    path.write_text(words + "x" * 50_000, encoding="utf-8")


HTML_WITH_SCRIPTS = f"""<!doctype html><html><head><title>Projekt Sławek</title>
<style>body {{ color: red }} .STYLE_MARKER {{ display: none }}</style>
<script>alert("SCRIPT_MARKER"); document.write("SCRIPT_MARKER")</script>
<script type="application/ld+json">{{"name": "JSONLD_MARKER"}}</script>
</head><body onload="alert('ONLOAD_MARKER')">
<nav><a href="javascript:alert('HREF_MARKER')">menu</a></nav>
<article><h1>Projekt Sławek</h1><p>{POLISH}</p><p>{POLISH}</p>
<noscript>NOSCRIPT_MARKER enable javascript</noscript>
<img src=x onerror="alert('IMG_MARKER')">
<!-- COMMENT_MARKER -->
<p>{CZECH}</p></article>
<script>var x = "SCRIPT_MARKER_2";</script></body></html>"""

CASES: list[Case] = [
    Case("good_cs.txt", write(CZECH), "ingest", contains("Vězeňská služba", "žluťoučký")),
    Case("good_en.md", write("# Reading inside\n\n" + ENGLISH), "ingest", contains("Brno")),
    Case("empty.txt", write(b""), r"^empty file$"),
    Case("whitespace.txt", write(" \n\t\r\n   \u00a0\n"), r"^no text"),
    Case("garbage.txt", write(random.Random(9).randbytes(8192)), r"binary content"),
    Case("garbage.md", write(bytes(range(256)) * 30), r"binary content"),
    Case("zeros.txt", write(b"\x00" * 4096), r"binary content"),
    Case(
        "invalid_utf8.txt",
        write(POLISH.encode("utf-8") + b"\xff\xfe\xc3(" + POLISH.encode("utf-8")),
        "ingest",
        contains("Zażółć gęślą jaźń", "Sławek"),
    ),
    Case(
        "utf16_bom_le.txt",
        write(b"\xff\xfe" + POLISH.encode("utf-16-le")),
        "ingest",
        contains("Zażółć gęślą jaźń"),
    ),
    Case(
        "utf16_bom_be.txt",
        write(b"\xfe\xff" + CZECH.encode("utf-16-be")),
        "ingest",
        contains("Příliš žluťoučký kůň"),
    ),
    Case(
        "utf8_bom.txt",
        write(b"\xef\xbb\xbf" + CZECH.encode("utf-8")),
        "ingest",
        contains("Vězeňská"),
    ),
    Case(
        "cp1250_cs.txt",
        write(CZECH * 3, "cp1250"),
        "ingest",
        contains("Vězeňská služba", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
    ),
    Case(
        "iso8859_2_cs.txt",
        write(CZECH * 3, "iso8859_2"),
        "ingest",
        contains("Vězeňská služba", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
    ),
    Case(
        "cp1250_pl.txt",
        write(POLISH * 3, "cp1250"),
        "ingest",
        contains("Zażółć gęślą jaźń", "Stowarzyszenie Śląskie"),
    ),
    Case(
        "iso8859_2_pl.txt",
        write(POLISH * 3, "iso8859_2"),
        "ingest",
        contains("Zażółć gęślą jaźń", "Stowarzyszenie Śląskie", "Żandarmerią"),
    ),
    Case("huge_20mb.txt", write((ENGLISH * 200_000)[: 20 * 1024 * 1024]), r"too long|too large"),
    Case("long_line.txt", long_single_line, "ingest", contains("Erasmus+")),
    Case(
        "scripts.html",
        write(HTML_WITH_SCRIPTS),
        "ingest",
        contains(
            "Zażółć gęślą jaźń",
            absent=(
                "SCRIPT_MARKER",
                "STYLE_MARKER",
                "JSONLD_MARKER",
                "ONLOAD_MARKER",
                "HREF_MARKER",
                "IMG_MARKER",
                "COMMENT_MARKER",
                "alert(",
                "color: red",
            ),
        ),
    ),
    Case(
        "tiny_scripts.html",
        write("<html><body><script>alert('SCRIPT_MARKER')</script>Fundacja Sławek</body></html>"),
        "ingest",
        contains("Fundacja Sławek", absent=("SCRIPT_MARKER", "alert(")),
    ),
    Case(
        "only_script.html",
        write("<html><head><script>alert('SCRIPT_MARKER')</script></head><body></body></html>"),
        r"no text",
    ),
    Case(
        "cp1250_meta.html",
        write(
            '<html><head><meta charset="windows-1250"><title>Projekt</title></head>'
            f"<body><article><p>{CZECH}</p><p>{CZECH}</p></article></body></html>",
            "cp1250",
        ),
        "ingest",
        contains("Příliš žluťoučký kůň"),
    ),
    Case(
        "deep_nesting.html",
        write("<html><body>" + "<div>" * 20_000 + CZECH + "</div>" * 20_000 + "</body></html>"),
        "ingest",
        contains("Příliš žluťoučký kůň"),
    ),
    Case("not_html.html", write("just words, no markup at all"), r"not HTML"),
    Case("good.pdf", write(make_pdf(ENGLISH.split(". "))), "ingest", contains("Erasmus+")),
    Case("truncated.pdf", write(make_pdf(ENGLISH.split(". "))[:200]), r"(?i)pdf"),
    Case("header_only.pdf", write(b"%PDF-1.7\n"), r"(?i)pdf"),
    Case("encrypted.pdf", write(encrypted_pdf("secret")), r"encrypted PDF \(password required\)"),
    Case(
        "encrypted_no_user_password.pdf",
        write(encrypted_pdf("")),
        "ingest",
        contains("Probation and Mediation Service"),
    ),
    Case("blank.pdf", write(make_pdf([])), r"no text layer"),
    Case("good.docx", write(docx_bytes([POLISH, CZECH])), "ingest", contains("Sławek")),
    Case("corrupt.docx", write(b"PK\x03\x04 definitely not a zip"), r"(?i)corrupt DOCX"),
    Case("truncated.docx", write(docx_bytes([POLISH])[:900]), r"(?i)corrupt DOCX"),
    Case("broken_xml.docx", write(corrupt_docx_xml()), r"(?i)corrupt DOCX"),
    Case("zip_not_docx.docx", write(zip_not_docx()), r"(?i)corrupt DOCX|not a Word"),
    Case("pdf_named.txt", write(make_pdf(ENGLISH.split(". "))), r"^content is PDF, not text"),
    Case("png_named.md", write(b"\x89PNG\r\n\x1a\n" + bytes(64)), r"^content is a PNG image"),
    # tables (readers of issue 10): malformed variants get a reason, never a crash
    Case("empty.csv", write(b""), r"^empty file$"),
    Case("garbage.csv", write(random.Random(3).randbytes(3000)), r"binary content"),
    Case("unknown_columns.csv", write("a,b,c\n1,2,3\n"), r"no known table layout"),
    Case(
        "formula_cells.csv",
        write('Project Title;Coordinator\n=HYPERLINK("http://x");@SUM(1)\n'),
        r"no known table layout",
    ),
    Case("one_column.csv", write("just one line of words\n"), r"no known table layout|CSV"),
    Case("corrupt.xlsx", write(b"PK\x03\x04 nope"), r"corrupt XLSX"),
    Case("empty.xlsx", write(xlsx_bytes([])), r"no known table layout"),
    Case("formulas.xlsx", write(xlsx_bytes([["x", "y"], ["=1+1", "@A1"]])), r"no known table"),
    Case("docx_named.xlsx", write(docx_bytes([POLISH])), r"(?i)xlsx|no known table|sheet"),
    Case("a b  c.txt", write(ENGLISH), "ingest"),
    Case("ünï cödé – Žluťoučký.txt", write(CZECH), "ingest"),
    Case("semi;colon $(touch pwned) `id` 'q' \"d\" & | > <.txt", write(POLISH), "ingest"),
    Case("-leading-dash.txt", write(ENGLISH), "ingest"),
    Case("new\nline\tname.txt", write(ENGLISH), "ingest"),
    Case("*?[glob].txt", write(CZECH), "ingest"),
]

SPECIAL_NAMES = {
    "loop": "symlink loop or folder seen twice",  # dir symlink pointing at its parent
    "ping.txt": "broken symlink",  # ping.txt -> pong.txt -> ping.txt
    "pong.txt": "broken symlink",
    "dangling.txt": "broken symlink",
    "fifo.txt": "not a regular file",
    "dev_zero.txt": "not a regular file",  # symlink to /dev/zero: never read
    "locked.txt": "ingest-or-unreadable",  # chmod 000 (root can still read it)
}


def build_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        case.make(folder / case.name)
    os.symlink(folder, folder / "loop")
    os.symlink(folder / "pong.txt", folder / "ping.txt")
    os.symlink(folder / "ping.txt", folder / "pong.txt")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "fifo.txt")
    os.symlink("/dev/zero", folder / "dev_zero.txt")
    locked = folder / "locked.txt"
    locked.write_text(ENGLISH, encoding="utf-8")
    locked.chmod(0)
    (folder / ".hidden.txt").write_text("hidden files are not ours", encoding="utf-8")
    (folder / "notes.xyz").write_text("unknown suffix inside a folder: ignored", encoding="utf-8")


@pytest.fixture(scope="module")
def corpus_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GraphStore, dict]:
    root = tmp_path_factory.mktemp("bad")
    folder = root / "batch"
    build_corpus(folder)
    store = open_store(root / "store")
    summary = ingest_paths([folder], store, progress=False)
    outcome: dict[str, tuple[str, str]] = {}
    for item in summary.per_file:
        outcome[Path(str(item["path"])).name] = ("ingested", "")
    for path, reason in summary.skipped:
        name = Path(path).name
        assert name not in outcome, f"{name} both ingested and skipped"
        outcome[name] = ("skipped", reason)
    yield folder, store, {"summary": summary, "outcome": outcome}
    store.close()
    (folder / "locked.txt").chmod(0o644)


def test_every_input_has_an_outcome(corpus_result) -> None:  # type: ignore[no-untyped-def]
    _folder, _store, result = corpus_result
    outcome = result["outcome"]
    expected = {c.name for c in CASES} | set(SPECIAL_NAMES)
    assert set(outcome) == expected, set(outcome) ^ expected
    ingested = sum(1 for kind, _ in outcome.values() if kind == "ingested")
    skipped = len(outcome) - ingested
    print(f"\nbad-input corpus: {len(outcome)} inputs, {ingested} ingested, {skipped} skipped")
    for name, (kind, reason) in sorted(outcome.items()):
        print(f"  {kind:8} {name!r}: {reason}")


def test_reasons_are_one_clear_line(corpus_result) -> None:  # type: ignore[no-untyped-def]
    _folder, _store, result = corpus_result
    for name, (kind, reason) in result["outcome"].items():
        if kind == "skipped":
            assert reason.strip() and "\n" not in reason, (name, reason)
            assert len(reason) <= 200, (name, reason)
            assert "Traceback" not in reason, (name, reason)


@pytest.mark.parametrize(
    "case", CASES, ids=[c.name.encode("unicode_escape").decode() for c in CASES]
)
def test_case_outcome(corpus_result, case: Case) -> None:  # type: ignore[no-untyped-def]
    folder, store, result = corpus_result
    kind, reason = result["outcome"][case.name]
    if case.expect == "ingest":
        assert kind == "ingested", f"{case.name} skipped: {reason}"
    elif kind == "ingested":
        assert re.search(case.expect, "ingest"), f"{case.name} should be skipped"
    else:
        assert re.search(case.expect, reason), f"{case.name}: {reason!r}"
    if kind == "ingested" and case.check is not None:
        case.check(stored_text(store, folder / case.name))


@pytest.mark.parametrize("name", sorted(SPECIAL_NAMES))
def test_special_entries(corpus_result, name: str) -> None:  # type: ignore[no-untyped-def]
    _folder, _store, result = corpus_result
    kind, reason = result["outcome"][name]
    want = SPECIAL_NAMES[name]
    if want == "ingest-or-unreadable":
        assert kind == "ingested" or "unreadable" in reason, reason
    else:
        assert kind == "skipped" and want in reason, (kind, reason)


def test_rest_of_batch_is_in_the_store(corpus_result) -> None:  # type: ignore[no-untyped-def]
    _folder, store, result = corpus_result
    summary = result["summary"]
    ingested = [n for n, (k, _) in result["outcome"].items() if k == "ingested"]
    assert summary.files_read == len(ingested) >= 15
    doc_graphs = [g for g in store.named_graphs() if "/doc/" in g.value]
    assert len(doc_graphs) == summary.files_read


def test_vanishing_entry_is_a_reason(tmp_path: Path) -> None:
    """A file listed, then deleted before it is read, is skipped with a clear reason."""
    keep = tmp_path / "keep.txt"
    gone = tmp_path / "gone.txt"
    keep.write_text(CZECH, encoding="utf-8")
    gone.write_text(POLISH, encoding="utf-8")
    from ingest.pipeline import IngestSummary

    listed = list(iter_files([tmp_path], IngestSummary()))
    assert gone in listed
    gone.unlink()
    with pytest.raises(IngestError, match=r"unreadable: No such file"):
        read_file(gone)
    summary = ingest_paths(listed, open_store(":memory:"), progress=False)
    assert summary.files_read == 1
    assert summary.skipped == [(str(gone), "no such file or folder")]


def test_fifo_given_explicitly_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match="not a regular file"):
        read_file(fifo)
    summary = ingest_paths([fifo], open_store(":memory:"), progress=False)
    assert summary.skipped and "not a regular file" in summary.skipped[0][1]


def test_cli_exit_status_says_something_was_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(CZECH, encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_text(POLISH, encoding="utf-8")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "broken.pdf").write_bytes(b"%PDF-1.4 nope")
    runner = CliRunner()
    ok = runner.invoke(cli, ["ingest", str(good), "--store", str(tmp_path / "s1"), "--json"])
    assert ok.exit_code == 0, ok.output
    res = runner.invoke(cli, ["ingest", str(bad), "--store", str(tmp_path / "s2"), "--json"])
    assert res.exit_code == SKIPPED_EXIT == 3, res.output
    data = json.loads(res.stdout)
    assert data["files_read"] == 1
    reasons = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert reasons["empty.txt"] == "empty file" and "pdf" in reasons["broken.pdf"].lower()
