"""Commands about classes and other education: add, list, edit, rm."""

import shlex
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from ceclog import completion
from ceclog.cli import added, app
from ceclog.cli.changed import print_changes
from ceclog.cli.context import Context, JsonOpt, find_entry, warn
from ceclog.cli.entry_options import (
    ApprovalOpt,
    CertOpt,
    CreditsOpt,
    DateOpt,
    EventOpt,
    ForCycleOpt,
    HoursOpt,
    KindOpt,
    NoteOpt,
    OnlyCertOpt,
    ProviderOpt,
    TopicHoursOpt,
    TopicOpt,
)
from ceclog.core.checks import edits as operations
from ceclog.core.checks.certifications import known_code
from ceclog.core.checks.duplicates import looks_like
from ceclog.core.ledger.duplicates import duplicate_of
from ceclog.core.ledger.fields import check_text, entry_fields, parse_date, parse_topic_hours
from ceclog.core.ledger.models import Entry, Rules
from ceclog.core.schedule.credits import num
from ceclog.core.schedule.engine import evaluate
from ceclog.errors import CeclogError, Declined, InputError, UsageError
from ceclog.output import data, terminal, views
from ceclog.store import evidence
from ceclog.store import ledger as storage


def _for_cycle(value: str | None) -> bool:
    if value is None:
        return False
    if value.strip().lower() != "previous":
        raise UsageError(f"--for-cycle takes 'previous', not {value!r}")
    return True


def _build(fields: dict[str, Any]) -> Entry:
    """The entry from fields every one of which the command line has checked with the rules
    the file schema uses (`text.text_problem`, `NAME_RE`, `parse_amount`, the rules' codes
    and kinds): no Pydantic on this path, which keeps `add` fast."""
    return Entry(**fields)


def by_hand(entry: Entry, file: Path) -> str:
    """The `ceclog add` that writes `entry` as typed, with `file` attached."""
    amount = [f"--credits {num(entry.credits)}"] if entry.credits is not None else []
    amount += [f"--hours {num(entry.hours)}"] if entry.hours is not None else []
    words = ["ceclog add", shlex.quote(entry.title), f"--date {entry.date}", *amount]
    return " ".join([*words, f"--evidence {shlex.quote(str(file))}"])


@app.command()
def add(
    ctx: typer.Context,
    title: Annotated[
        str | None,
        typer.Argument(
            help="The class title, as on the certificate (read by --from if not given)."
        ),
    ] = None,
    date: DateOpt = None,
    hours: HoursOpt = None,
    credits: CreditsOpt = None,
    kind: KindOpt = None,
    provider: ProviderOpt = None,
    approval: ApprovalOpt = None,
    cert: CertOpt = None,
    topic: TopicOpt = None,
    topic_hours: TopicHoursOpt = None,
    note: NoteOpt = None,
    event: EventOpt = None,
    planned: Annotated[bool, typer.Option("--planned", help="Not taken yet.")] = False,
    for_cycle: ForCycleOpt = None,
    evidence_files: Annotated[
        list[Path] | None,
        typer.Option("--evidence", metavar="FILE", help="A certificate to keep with it (repeat)."),
    ] = None,
    from_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--from",
            metavar="CERT",
            help="Read the fields from a certificate (PDF, JPEG, PNG), confirm, attach it; "
            "several (or a folder): a review table, then one write.",
        ),
    ] = None,
    forget: Annotated[
        str | None,
        typer.Option("--forget", metavar="SCHOOL", help="Forget how a school's certificates read."),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", help="With --from and no terminal: write what was read.")
    ] = False,
    pick: Annotated[
        int | None,
        typer.Option("--pick", metavar="N", help="With --from: the Nth certificate in the file."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a class (or a booth visit, webinar...): prints what it counts and why.

    --date defaults to today.  --from CERT reads the fields from the certificate (you confirm
    them; --json only shows them)."""
    c: Context = ctx.obj
    today = c.today
    after = None
    amount_why = ""  # what a certificate read of the hours and credits, when none was taken
    if forget is not None:
        from ceclog.cli import add_memory

        add_memory.forget(forget)
        return

    def make(rules: Rules, next_id: int, v: dict[str, str | None]) -> Entry:
        """The entry of `v` (title, date, hours, credits, provider, approval) and the options."""
        fields = entry_fields(
            rules,
            date=v["date"],
            hours=v["hours"],
            credits=v["credits"],
            kind=kind,
            provider=v["provider"],
            approval=v["approval"],
            certs=cert,
            topics=topic,
            note=note,
        )
        fields.setdefault("date", today)
        fields.setdefault("kind", rules.default_kind)
        if rules.kinds[fields["kind"]].fixed is None and not (v["hours"] or v["credits"]):
            raise UsageError(amount_why or "give --hours H or --credits C")
        fields["title"] = check_text(v["title"] or "", "the title")
        if event is not None:
            fields["event"] = check_text(event, "--event")
        if topic_hours:
            fields["topic_hours"] = parse_topic_hours(topic_hours)
        fields["planned"] = planned
        fields["id"] = next_id
        return _build(fields)

    from_file = from_files[0] if from_files else None
    one = True  # each file given holds one certificate (as far as anyone knows)
    if from_files and (len(from_files) > 1 or from_files[0].is_dir()):
        from ceclog.cli import add_many

        options = add_many.Options(kind, cert, topic, note, yes, as_json)
        alone = [title, date, hours, credits, provider, approval, pick, event, topic_hours]
        add_many.add_many(c, from_files, options, [*alone, evidence_files, planned, for_cycle])
        return
    incoming = [evidence.read_incoming(p) for p in evidence_files or []]
    if from_file is not None:
        from ceclog.cli import add_from

        given = dict(
            title=title,
            date=date,
            hours=hours,
            credits=credits,
            provider=provider,
            approval=approval,
        )
        loaded = c.load_ledger()
        holder = loaded.ledger.holder.name  # whom the certificate's attendee should be

        def seems(values: dict[str, str | None], sha256: str, one: bool) -> str | None:
            """What the entry of `values` repeats, said: "this looks like entry 9 (...)"."""
            ledger = loaded.ledger
            try:
                entry = make(c.rules_for(loaded).rules, ledger.next_id(), values)
            except CeclogError:  # incomplete yet: no entry to compare
                return None
            found = duplicate_of(ledger.entries, entry, [sha256], one=one)
            return None if found is None else looks_like(None, found)

        got = add_from.read_fields(
            from_file,
            given,
            holder,
            today,
            dates=loaded.ledger.holder.dates,
            yes=yes,
            pick=pick,
            as_json=as_json,
            seems=seems,
        )
        if got is None:
            return
        read, item, after, amount_why, one = got
        title, date, hours, credits = read["title"], read["date"], read["hours"], read["credits"]
        provider, approval = read["provider"], read["approval"]
        incoming.insert(0, item)
    elif yes or pick is not None:
        raise UsageError("--yes and --pick go with --from CERT")
    if title is None:
        raise UsageError("give the class's TITLE (or --from CERT to read it)")
    with storage.editing(c.ledger_path, c.journal) as session:
        rules = c.rules_for(session.loaded).rules
        typed = dict(title=title, date=date, hours=hours, credits=credits)
        typed.update(provider=provider, approval=approval)
        entry = make(rules, session.ledger.next_id(), typed)
        files = [i.sha256 for i in incoming]
        found = duplicate_of(session.ledger.entries, entry, files, one=one)
        if found is not None and from_file is not None and yes:
            raise InputError(
                f"{from_file}: {looks_like(None, found)}; nothing was written",
                hint="if it truly is another class (taken twice, or the file holds both), add "
                f"it by hand: {by_hand(entry, from_file)}",
            )
        if _for_cycle(for_cycle):
            entry = operations.with_late_target(session.ledger, rules, today, entry)
        new = replace(session.ledger, entries=[*session.ledger.entries, entry])
        operations.no_new_errors(session.ledger, new, rules, today)
        with evidence.placed(session, entry, incoming) as records:
            entry = replace(entry, evidence=records)
            new = replace(session.ledger, entries=[*session.ledger.entries, entry])
            session.save(new)
    warn(session.warnings)
    if found is not None and from_file is None:  # else confirmed at the terminal
        warn([f"{looks_like(entry.id, found)}; if it is the same class, `ceclog rm {entry.id}`"])
    if after is not None:  # what the certificate taught of its school, once it is written
        after()
    added.warn_written(new, entry, rules, today)
    added.print_result(new, rules, today, entry, as_json)


@app.command("list")
def list_entries(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD")] = None,
    cert: OnlyCertOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List entries with what each counts and why."""
    c: Context = ctx.obj
    loaded, loaded_rules = c.load()
    rules = loaded_rules.rules
    start = parse_date(since, "--since") if since else None
    end = parse_date(until, "--until") if until else None
    code = known_code(cert.strip().upper(), rules) if cert else None
    report = evaluate(loaded.ledger, rules, c.today)
    rows = [
        e
        for e in sorted(loaded.ledger.entries, key=lambda e: (e.date, e.id))
        if (start is None or e.date >= start)
        and (end is None or e.date <= end)
        and (code is None or code in e.certifications)
    ]
    if as_json:
        print(data.dumps([data.report_entry(e, report) for e in rows]))
        return
    views.entries(terminal.console(), rows, report, rules.units)


CLEARABLE = (
    "hours",
    "credits",
    "provider",
    "approval",
    "topics",
    "certifications",
    "notes",
    "for_cycle",
    "event",
    "topic_hours",
    "submitted",
    "posted",
)


@app.command()
def edit(
    ctx: typer.Context,
    entry_id: Annotated[
        int,
        typer.Argument(
            metavar="ID", help="The entry's ID (ceclog list).", autocompletion=completion.entry_ids
        ),
    ],
    title: Annotated[str | None, typer.Option("--title", help="A new title.")] = None,
    date: DateOpt = None,
    hours: HoursOpt = None,
    credits: CreditsOpt = None,
    kind: KindOpt = None,
    provider: ProviderOpt = None,
    approval: ApprovalOpt = None,
    cert: CertOpt = None,
    topic: TopicOpt = None,
    topic_hours: TopicHoursOpt = None,
    note: NoteOpt = None,
    event: EventOpt = None,
    planned: Annotated[
        bool | None,
        typer.Option("--planned/--completed", help="Mark as planned, or as completed."),
    ] = None,
    for_cycle: ForCycleOpt = None,
    clear: Annotated[
        list[str] | None,
        typer.Option("--clear", metavar="FIELD", help=f"Remove a field: {', '.join(CLEARABLE)}."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change an entry; only the options given change (--cert/--topic replace the list)."""
    c: Context = ctx.obj
    today = c.today
    with storage.editing(c.ledger_path, c.journal) as session:
        loaded_rules = c.rules_for(session.loaded)
        rules = loaded_rules.rules
        old = find_entry(session.ledger, entry_id)
        cleared: dict[str, Any] = {}
        for name in clear or []:
            key = name.strip().lower()
            if key not in CLEARABLE:
                raise UsageError(f"--clear takes one of {', '.join(CLEARABLE)}")
            empty: Any = {} if key == "topic_hours" else []
            cleared[key] = empty if key in ("topics", "certifications", "topic_hours") else None
        changes = entry_fields(
            rules,
            date=date,
            hours=hours,
            credits=credits,
            kind=kind,
            provider=provider,
            approval=approval,
            certs=cert,
            topics=topic,
            note=note,
        )
        if title is not None:
            changes["title"] = check_text(title, "--title")
        if event is not None:
            changes["event"] = check_text(event, "--event")
        if topic_hours:
            changes["topic_hours"] = parse_topic_hours(topic_hours)
        if planned is not None:
            changes["planned"] = planned
        if not changes and not cleared and for_cycle is None:
            raise UsageError("nothing to change: give at least one option (see --help)")
        # the old entry with only these fields replaced: its evidence records (and every
        # other field) stay the very objects the ledger was read with
        entry = replace(old, **{**cleared, **changes})
        late = _for_cycle(for_cycle)
        entry, notes = operations.edited(session.ledger, rules, today, entry, changes, late)
        new = session.ledger.with_entry(entry)
        operations.no_new_errors(session.ledger, new, rules, today)
        session.save(new)
    warn(session.warnings + notes)
    added.warn_written(new, entry, rules, today)
    added.print_result(new, rules, today, entry, as_json)


@app.command()
def rm(
    ctx: typer.Context,
    entry_id: Annotated[
        int,
        typer.Argument(
            metavar="ID", help="The entry's ID (ceclog list).", autocompletion=completion.entry_ids
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Remove an entry (asks first unless --yes)."""
    c: Context = ctx.obj
    with storage.editing(c.ledger_path, c.journal) as session:
        entry = find_entry(session.ledger, entry_id)
        if not yes:
            if not sys.stdin.isatty():
                raise InputError(
                    f"refusing to remove entry {entry_id} without confirmation",
                    hint="add --yes to remove it without a question",
                )
            from ceclog.cli.add_from import ask  # on stderr: a question is no data

            answer = ask(f"Remove entry {entry_id}: {entry.date} {entry.title}? [y/N]: ")
            if answer.lower() not in ("y", "yes"):
                raise Declined()
        new = operations.remove_entry(session.ledger, entry_id)
        session.save(new)
    warn(session.warnings)
    if as_json:
        print_changes(c, "rm", session.ledger, new)
        return
    terminal.console().print(f"Removed entry {entry_id}: {entry.date} {entry.title}.")
