"""`ceclog export`: the record to attach to a submission, in csv, json, md, html, pdf or eml."""

import contextlib
import os
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, emit, require_evidence, require_valid, warn
from ceclog.cli.entry_options import OnlyCertOpt
from ceclog.core.checks.certifications import known_code
from ceclog.core.checks.entries import evidence_finding
from ceclog.core.ledger.words import plural
from ceclog.core.reports.paper import default_paper
from ceclog.core.reports.transcript import Transcript, build, marked_submitted
from ceclog.errors import InputError, UsageError
from ceclog.output.exports import render_pdf, render_text
from ceclog.store import evidence, files
from ceclog.store import ledger as storage
from ceclog.store.reading import Loaded

if TYPE_CHECKING:
    from ceclog.output.eml import Attachment


@contextlib.contextmanager
def _ledger(c: Context, write: bool) -> Iterator[tuple[Loaded, storage.Session | None]]:
    """The ledger, locked for the whole export when it will be changed (--mark-submitted)."""
    if write:
        with storage.editing(c.ledger_path, c.journal) as session:
            yield session.loaded, session
    else:
        loaded, _ = c.load()
        yield loaded, None


SENT = {  # what a submission needs, for each finding that stops it
    "evidence-refused": "a submission carries only files inside evidence/",
    "evidence-missing": "restore the file or re-attach the certificate",
    "evidence-changed": "a submission must carry the original certificate",
}


def _attachments(t: Transcript, base: Path, attach: str, paper: str) -> "list[Attachment]":
    """Every certificate of the exported entries, checked against its recorded hash, after
    the transcript itself (PDF or CSV)."""
    from ceclog.output.eml import Attachment

    certificates: list[Attachment] = []
    for row in t.rows:
        for ev in row.entry.evidence:
            data = evidence.content(base, ev.file)  # checked before; read again to send
            actual = evidence.sha256_of(data) if isinstance(data, bytes) else data
            wrong = evidence_finding(row.entry, ev, actual)
            if wrong is not None:
                raise InputError(wrong.message, hint=f"run `ceclog check`; {SENT[wrong.code]}")
            assert isinstance(data, bytes)  # a file not read is one of the findings
            certificates.append(Attachment(ev.file.rsplit("/", 1)[-1], data))
    name = evidence.slug(t.ledger.holder.name) + f"_cec-transcript_{t.today}"
    if attach == "pdf":
        transcript = Attachment(f"{name}.pdf", render_pdf(t, paper)[0])
    else:
        transcript = Attachment(f"{name}.csv", render_text("csv", t).encode("utf-8"))
    return [transcript, *certificates]


class Format(StrEnum):
    csv = "csv"
    json = "json"
    md = "md"
    html = "html"
    pdf = "pdf"
    eml = "eml"


class Period(StrEnum):
    current = "current"
    previous = "previous"
    all = "all"


class Attach(StrEnum):
    pdf = "pdf"
    csv = "csv"


class Paper(StrEnum):
    letter = "letter"
    a4 = "a4"


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", case_sensitive=False, help="The format.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default stdout).")
    ] = None,
    cycle: Annotated[
        Period, typer.Option(case_sensitive=False, help="Which cycle's entries.")
    ] = Period.current,
    unsubmitted: Annotated[
        bool, typer.Option("--unsubmitted", help="Only entries not yet submitted.")
    ] = False,
    cert: OnlyCertOpt = None,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="ADDRESS", help="eml: the recipient (default: the rules')."),
    ] = None,
    attach: Annotated[
        Attach, typer.Option(case_sensitive=False, help="eml: the transcript to attach.")
    ] = Attach.pdf,
    paper: Annotated[
        Paper | None,
        typer.Option(
            case_sensitive=False,
            help="pdf, eml: the PDF's paper (default: letter where the locale's territory is "
            "the US, Canada, Mexico, the Philippines... else a4).",
        ),
    ] = None,
    mark_submitted: Annotated[
        bool,
        typer.Option("--mark-submitted", help="Mark the exported entries submitted today."),
    ] = False,
) -> None:
    """Export entries and the requirement summary: the record for your submission email."""
    c: Context = ctx.obj
    if fmt == "pdf" and output is None:
        raise UsageError("a PDF is binary: give --output FILE.pdf")
    if mark_submitted and output is None:
        # on a screen or into a pipe (`| head`), ceclog cannot know the export was kept and
        # sent: marking it would record a submission that may never happen
        given = [f"--format {fmt}"] + ([f"--cycle {cycle}"] if cycle != Period.current else [])
        given += (["--unsubmitted"] if unsubmitted else []) + ([f"--cert {cert}"] if cert else [])
        given += [f"--to {to}"] if to else []
        raise UsageError(
            "--mark-submitted marks entries sent, but this export would only go to standard "
            f"output (the screen or a pipe): give --output FILE.{fmt} and send that file",
            hint=f"ceclog export {' '.join(given)} --mark-submitted --output submission.{fmt}",
        )
    if to is not None and fmt != "eml":
        raise UsageError("--to goes with --format eml")
    if paper is not None and fmt not in ("pdf", "eml"):
        raise UsageError("--paper goes with --format pdf (or eml, whose transcript is a PDF)")
    sheet = paper.value if paper is not None else default_paper(os.environ)
    today = c.today
    with _ledger(c, mark_submitted) as (loaded, session):
        rules = c.rules_for(loaded)
        checked = require_valid(loaded, rules, today)
        require_evidence(loaded)
        code = known_code(cert.strip().upper(), rules.rules) if cert else None
        period: Literal["current", "previous", "all"] = cycle.value
        t = build(
            loaded.ledger,
            rules.rules,
            str(rules.path),
            today,
            cycle=period,
            unsubmitted=unsubmitted,
            cert=code,
            report=checked.report,
        )
        warnings: list[str] = []
        if fmt == "pdf":
            data, warnings = render_pdf(t, sheet)
        elif fmt == "eml":
            from ceclog.output.eml import address, render

            recipient = to or rules.rules.submission_email
            if not recipient:
                raise UsageError("the rules name no submission address: give --to ADDRESS")
            address(recipient, "--to" if to else "the rules' submission_email")
            attachments = _attachments(t, evidence.folder_of(loaded.path), attach, sheet)
            data, warnings = render(t, recipient, attachments)
        else:
            data = render_text(fmt, t).encode("utf-8")
        emit(data, output, c.journal, {files.real_path(loaded.path)})
        if session is not None:
            session.save(marked_submitted(loaded.ledger, t, today))
    warn(warnings + (session.warnings if session else []))
    entries = plural(len(t.rows), "entry")
    if output is not None:
        _note(f"wrote {output}: {entries}, {len(data):,} bytes")
    if session is not None:
        _note(f"marked {entries} submitted on {today}")


def _note(message: str) -> None:
    from ceclog.output.terminal import console

    console(stderr=True).hang(message)
