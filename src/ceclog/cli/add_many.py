"""`ceclog add --from A.pdf B.pdf …` (or a folder): every certificate read, one review table
(what was read, what is missing, duplicates of entries already in the ledger), then one
confirmation and one locked write for all, undone by one `ceclog undo`; each certificate is
attached as `add --from` attaches one.  With --yes (no person to confirm) a row takes only
values read by a label or a phrase, never a guess, a letterhead the page does not confirm or
a low-confidence OCR value."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ceclog.cli.context import Context
    from ceclog.core.certificates.decided import Certificate
    from ceclog.core.imports.cert_batch import BatchRow, Reviewed
    from ceclog.core.ledger.models import Rules
    from ceclog.store.evidence import Incoming

SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")


def spread(args: list[str]) -> list[str]:
    """`add --from *.pdf` as the shell gives it (`--from a.pdf b.pdf`): each certificate file
    or folder after `--from`'s value is given its own `--from`; the first word that is neither
    (a title, an option) ends them."""
    out: list[str] = []
    spreading = False
    for arg in args:
        path = Path(arg)
        if spreading and (path.is_dir() or (path.suffix.lower() in SUFFIXES and path.is_file())):
            out += ["--from", arg]
            continue
        spreading = bool(out) and out[-1] == "--from"
        out.append(arg)
    return out


@dataclass(frozen=True)
class Options:
    kind: str | None
    certs: list[str] | None
    topics: list[str] | None
    note: str | None
    yes: bool
    as_json: bool


def files_of(given: list[Path]) -> list[Path]:
    """The certificates: each file given, and a folder's certificate files, by name."""
    out: list[Path] = []
    for path in given:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        else:
            out.append(path)
    return out


def _taken(cert: Certificate, yes: bool) -> dict[str, str | None]:
    from ceclog.core.certificates.registry import ENTRY_FIELDS

    values: dict[str, str | None] = {}
    for field in ENTRY_FIELDS:
        chosen = cert.fields[field].prefill
        unsure = chosen is not None and (chosen.low or chosen.unconfirmed is not None)
        values[field] = None if chosen is None or (yes and unsure) else chosen.value
    return values


def _row(
    file: Path, number: int, values: dict[str, str | None], rules: Rules, o: Options
) -> BatchRow:
    from ceclog.core.imports.cert_batch import BatchRow
    from ceclog.core.ledger.fields import check_text, entry_fields
    from ceclog.core.ledger.models import Entry
    from ceclog.errors import CeclogError

    missing = [f for f in ("title", "date") if not values.get(f)]
    kind = (o.kind or rules.default_kind).strip().lower()
    fixed = kind in rules.kinds and rules.kinds[kind].fixed is not None
    if not fixed and not values.get("hours") and not values.get("credits"):
        missing.append("hours or credits")
    if missing:
        return BatchRow(file.name, number, values, None, tuple(missing))
    try:
        fields = entry_fields(
            rules,
            date=values["date"],
            hours=values.get("hours"),  # both recorded when both are stated: the credits count
            credits=values.get("credits"),
            kind=o.kind,
            provider=values.get("provider"),
            approval=values.get("approval"),
            certs=o.certs,
            topics=o.topics,
            note=o.note,
        )
        fields.setdefault("kind", rules.default_kind)
        fields["title"] = check_text(str(values["title"]), "the title")
    except CeclogError as exc:
        return BatchRow(file.name, number, values, None, problem=exc.message)
    return BatchRow(file.name, number, values, Entry(id=0, **fields))


def read_rows(
    files: list[Path],
    rules: Rules,
    holder: str | None,
    c: Context,
    o: Options,
    dates: str | None = None,
) -> tuple[list[BatchRow], dict[str, Incoming]]:
    """A row per certificate (a file that cannot be read is a row saying why)."""
    from ceclog.cli import add_memory
    from ceclog.core.certificates.fields import read_certificates
    from ceclog.core.imports.cert_batch import BatchRow
    from ceclog.errors import CeclogError
    from ceclog.store.certificate import load_patterns, read_certificate
    from ceclog.store.evidence import read_incoming

    patterns = load_patterns()
    rows: list[BatchRow] = []
    items: dict[str, Incoming] = {}
    for file in files:
        try:
            item = read_incoming(file)
            text = read_certificate(item)
        except CeclogError as exc:
            rows.append(BatchRow(file.name, 1, {}, None, problem=exc.message))
            continue
        items[file.name] = item
        certs = read_certificates(text.lines, patterns, holder, c.today, text.second, dates)
        if not certs:
            rows.append(BatchRow(file.name, 1, {}, None, problem="nothing read"))
        for cert in certs:
            cert, _ = add_memory.recall(cert, text.lines, patterns, o.yes)
            row = _row(file, cert.number, _taken(cert, o.yes), rules, o)
            rows.append(replace(row, sha256=item.sha256, several=len(certs) > 1))
    return rows, items


def _confirm(count: int) -> bool:
    from ceclog.cli.add_from import ask

    answer = ask(f"Write the {count} entries marked +? [y]es, [n]o: ").lower()
    return answer in ("y", "yes")


def add_many(c: Context, given: list[Path], o: Options, others: list[Any]) -> None:
    from ceclog.cli.add_from import interactive, say
    from ceclog.core.imports.cert_batch import review
    from ceclog.errors import Declined, InputError, UsageError
    from ceclog.output import cert_batch, data
    from ceclog.output.terminal import console

    if any(v not in (None, False, [], ()) for v in others):
        raise UsageError(
            "with several certificates, only --kind, --cert, --topic, --note, --yes and --json "
            "apply (to all); add one certificate alone to give its fields"
        )
    if o.as_json and o.yes:
        raise UsageError("--json with --from only shows what was read; drop --json to write")
    files = files_of(given)
    if not files:
        raise InputError(f"no certificate (PDF, JPEG, PNG) in {', '.join(map(str, given))}")
    loaded, loaded_rules = c.load()
    holder = loaded.ledger.holder
    rows, items = read_rows(files, loaded_rules.rules, holder.name, c, o, holder.dates)
    reviewed = review(loaded.ledger, rows)
    ready = [r for r in reviewed if r.why_not is None]
    if o.as_json:
        print(data.dumps(cert_batch.as_data(reviewed, False)))
        return
    cert_batch.show(console(stderr=True), reviewed)
    if not ready:
        raise InputError("no certificate makes a complete new entry; nothing was written")
    if not o.yes:
        if not interactive():
            raise InputError(
                "not run in a terminal, so nothing was written",
                hint="--yes writes the rows marked + (values read by a label or a phrase)",
            )
        if not _confirm(len(ready)):
            raise Declined()
    _write(c, ready, items)
    for n, item in enumerate(reviewed, 1):
        if item.why_not is not None:
            say(f"skipped row {n}, {item.row.file}: {item.why_not}")


def _write(c: Context, ready: list[Reviewed], items: dict[str, Incoming]) -> None:
    from ceclog.cli.context import warn
    from ceclog.core.checks import edits as operations
    from ceclog.output.terminal import console
    from ceclog.store import evidence
    from ceclog.store import ledger as storage

    with storage.editing(c.ledger_path, c.journal) as session:
        rules = c.rules_for(session.loaded).rules
        before = session.ledger
        next_id = before.next_id()
        entries = []
        for n, item in enumerate(ready):
            assert item.row.entry is not None
            entries.append(replace(item.row.entry, id=next_id + n))
        operations.no_new_errors(
            before, replace(before, entries=[*before.entries, *entries]), rules, c.today
        )
        with contextlib.ExitStack() as stack:
            done = []
            for entry, item in zip(entries, ready, strict=True):
                incoming = [items[item.row.file]] if item.row.file in items else []
                records = stack.enter_context(evidence.placed(session, entry, incoming))
                done.append(replace(entry, evidence=records))
            session.save(replace(before, entries=[*before.entries, *done]))
    warn(session.warnings)
    out = console()
    for entry in done:
        out.print(f"Entry {entry.id}: {entry.date} {entry.title}")
