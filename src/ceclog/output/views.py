"""What `status`, `list`, `add` and `edit` show people: the report laid out as tables and
sentences (drawn by `terminal.Out`, with Rich on a terminal and as plain text elsewhere)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from ceclog.core.ledger.words import listing, plural
from ceclog.core.schedule.credits import fmt, num
from ceclog.core.schedule.engine import Report, Requirement
from ceclog.core.schedule.progress import percent
from ceclog.core.schedule.requirement import Row
from ceclog.core.schedule.results import ended_unsent_words, to_submit_words
from ceclog.output.terminal import Bar, Cell, Column, Out, Styled

if TYPE_CHECKING:
    from ceclog.core.ledger.models import Entry, Holder, Ledger, LoadedRules, Rules

STATE_STYLE = {
    "exempt": "bold green",
    "met": "bold green",
    "to_submit": "bold yellow",
    "on_track": "green",
    "behind": "bold yellow",
    "due_soon": "bold yellow",
    "overdue": "bold red",
}
STATE_WORDS = {
    "exempt": "exempt",
    "met": "met",
    "to_submit": "to submit",
    "on_track": "on track",
    "behind": "behind",
    "due_soon": "due soon",
    "overdue": "OVERDUE",
}
MAX_LISTED = 5  # entries named one by one under `status` before "and N more"

STATUS_COLUMNS = [
    Column("Requirement"),
    Column("Cycle"),
    Column("Days left", "right"),
    Column("Required", "right", optional=True),
    Column("Counted", "right"),
    Column("Remaining", "right"),
    Column("Projected", "right", optional=True),
    Column("Progress", optional=True),
    Column("State", whole=True),
]


def _row_name(req: Requirement, row: Row) -> str:
    """A status row's name: the requirement for its current cycle, else what the cycle is."""
    if row.kind == "current":
        return f"{req.track.name} ({', '.join(req.certifications)})"
    what = "LAPSED cycle" if row.kind == "lapsed" else "ended, NOT SENT"
    return f"{row.result.cycle.track.name}: {what}"


def _state(state: str) -> Styled:
    return Styled(STATE_WORDS[state], STATE_STYLE[state])


def who(holder: Holder) -> str:
    """The holder as every report names them: `Dana Reyes (registrant IICRC-104233)`."""
    return holder.name + (f" (registrant {holder.registrant_id})" if holder.registrant_id else "")


def status(
    out: Out, report: Report, ledger: Ledger, loaded: LoadedRules, chart: bool = False
) -> None:
    rules = loaded.rules
    out.print(f"{who(ledger.holder)}; rules {rules.name}: {rules.title}; today {report.today}\n")
    if not report.requirements:
        out.print(no_requirement(ledger, loaded, report))
        return
    rows: list[list[Cell]] = []
    for req in report.requirements:
        for row in req.rows:
            cycle = row.result.cycle
            days = (cycle.due - report.today).days
            rows.append(
                [
                    _row_name(req, row),
                    f"{cycle.start} to {cycle.due}",
                    "-" if row.state == "exempt" else str(days),
                    fmt(row.result.required),
                    fmt(row.result.counted),
                    fmt(row.result.remaining),
                    fmt(req.projected) if row.kind == "current" else "",
                    Bar(percent(row.result.counted, row.result.required)),
                    _state(row.state),
                ]
            )
    out.table(STATUS_COLUMNS, rows)
    if chart:  # `status --chart`: a line per requirement, named as the lines under the table
        from ceclog.output.sparkline import chart_lines

        named = [(label(r, report), STATE_WORDS[r.cycle_state], r) for r in report.requirements]
        for line in chart_lines(out, named, ledger, rules.units):
            out.print(line)
    for req in report.requirements:
        for line in notes(req, report, ledger, rules):
            out.print(
                line, style="bold red" if line.startswith(f"{label(req, report)}: OVERDUE") else ""
            )


def no_requirement(ledger: Ledger, loaded: LoadedRules, report: Report) -> str:
    rules = loaded.rules
    tracked = [c for c in ledger.certifications if rules.track_of(c.code)]
    later = [c for c in tracked if c.earned > report.today]
    if later:
        first = min(later, key=lambda c: c.earned)
        return (
            f"No requirement applies yet: {first.code} is dated {first.earned}, after today; "
            "its requirement starts then."
        )
    if tracked:
        return "No requirement applies: every certification with a requirement has ended."
    return (
        "No requirement applies: no certification with a continuing-education requirement "
        "is recorded (ceclog cert add CODE --earned DATE)."
    )


def label(req: Requirement, report: Report) -> str:
    """How the lines under a table name a requirement: its track, and with one requirement per
    certification (several of one track), the certification too: `licence (MAC)`."""
    if len(report.requirements) > 1 and req.certifications:
        return f"{req.track.name} ({', '.join(req.certifications)})"
    return req.track.name


def notes(req: Requirement, report: Report, ledger: Ledger, rules: Rules) -> list[str]:
    """The sentences under the status table for one requirement."""
    name = label(req, report)
    units = rules.units
    out: list[str] = []
    if req.lapse is not None:
        lapse = req.lapse
        line = (
            f"{name}: OVERDUE: the cycle {lapse.cycle.start} to {lapse.cycle.due} ended "
            f"{plural(req.days_overdue or 0, 'day')} ago, {lapse.missing(units)} short"
        )
        late = req.reinstate_by is None or report.today < req.reinstate_by
        if req.reinstate_by is not None and late:
            line += (
                f"; renew by email before {req.reinstate_by}, after that the body requires "
                "reinstatement"
            )
        elif req.reinstate_by is not None:
            line += f"; since {req.reinstate_by} the body requires reinstatement, not renewal"
        out.append(line + ".")
        if late:
            out.append(
                f"{name}: take the missing classes and record each with "
                "`ceclog add TITLE --date DATE --hours H --for-cycle previous`; when the body "
                "sends a new renewal notice: `ceclog holder --cec-due DATE`."
            )
        else:
            out.append(
                f"{name}: ask the body how to reinstate; when it sends a new renewal notice: "
                "`ceclog holder --cec-due DATE`."
            )
    if req.unsent is not None:
        out.append(f"{name}: {ended_unsent_words(req.unsent, rules)}.")
    out += [f"{name}: {notice}." for notice in req.notices]
    cur = req.current
    for topic in cur.topics:
        left = f", {fmt(topic.remaining)} to go" if topic.remaining else " (met)"
        out.append(
            f"{name}: topic {topic.topic}: {fmt(topic.counted)} of {fmt(topic.required)} "
            f"{units}{left}"
        )
    divided = [i for i in dict.fromkeys(s.entry_id for s in cur.shares) if i in report.topic_notes]
    titles = {e.id: e.title for e in ledger.entries}
    for entry_id in divided[:MAX_LISTED]:
        out.append(
            f"{name}: entry {entry_id} ({titles[entry_id]}): {report.topic_notes[entry_id]}."
        )
    if len(divided) > MAX_LISTED:
        out.append(f"{name}: and {len(divided) - MAX_LISTED} more divided entries (ceclog list).")
    if any(not s.split for s in cur.shares if s.entry_id in divided):
        out.append(
            f"{name}: an entry's own split of its hours between topics replaces ceclog's: "
            "ceclog edit ID --topic-hours TOPIC=HOURS (once per topic)."
        )
    if cur.course is not None:
        course = cur.course
        done = " (met)" if course.met else ", not yet"
        out.append(
            f"{name}: one class of at least {fmt(course.required_hours)} hours: the longest "
            f"counted is {fmt(course.longest_hours)}{done}"
        )
    for kind in cur.kinds:
        left = f", {fmt(kind.remaining)} to go" if kind.remaining else " (met)"
        out.append(
            f"{name}: at least {fmt(kind.required)} {units} from {kind.kind} entries: "
            f"{fmt(kind.counted)}{left}"
        )
    if cur.carried_in:
        out.append(
            f"{name}: {fmt(cur.carried_in)} {units} carried over from the previous cycle "
            f"(met, with a surplus) and {fmt(cur.counted)} counted in this one: "
            f"{fmt(cur.counted + cur.carried_in)} of {fmt(cur.required)}."
        )
    due = cur.cycle.due
    if req.exempt is not None:
        out.append(
            f"{name}: {req.exempt.words()}. No deadline is owed; the figures are shown for your "
            "record."
        )
    elif req.cycle_state == "to_submit":
        out.append(f"{name}: {to_submit_words(cur, rules)}.")
    elif cur.met:
        out.append(f"{name}: requirement met for the cycle ending {due}.")
    else:
        when = f"in {req.days_left} days" if req.days_left else "today"
        line = f"{name}: {fmt(req.remaining)} {units} still needed by {due} ({when})"
        short = [f"{fmt(t.remaining)} in {t.topic}" for t in cur.topics if t.remaining > 0]
        if cur.course is not None and not cur.course.met:
            short.append(f"one class of {fmt(cur.course.required_hours)} hours")
        if req.remaining == 0:  # the total is there, a minimum is not (named above)
            line = f"{name}: the {fmt(cur.required)} {units} are counted, but not every minimum"
            line += f" is met by {due} ({when})"
        if short:
            line += (
                f"; of them, at least: {', '.join(short)}"
                if req.remaining
                else (f": still {', '.join(short)}")
            )
        if cur.planned:
            line += f"; with your planned classes: {fmt(req.projected)}"
        out.append(line + ".")
    since = ledger.holder.tracking_since
    dates = {e.id: e.date for e in ledger.entries}
    if (  # a ledger started well into a cycle, in its first year: earlier classes?
        req.exempt is None
        and not cur.met
        and (since - cur.cycle.start).days > 30
        and (report.today - since).days <= 365
        and not any(dates[i] < since for i in cur.counted_ids)
    ):
        out.append(
            f"{name}: this ledger starts on {since}, inside the cycle that began "
            f"{cur.cycle.start}: record the classes you took before then (ceclog add TITLE "
            "--date DATE --hours H), or the figures above leave them out."
        )
    if req.counted:
        out.append(
            f"{name}: of {fmt(req.counted)} counted, {fmt(cur.submitted)} submitted and "
            f"{fmt(cur.posted)} posted by the certifying body."
        )
    for entry_id, why in cur.excluded[:MAX_LISTED]:
        counts = report.placements[entry_id].counts
        verb = "counts elsewhere" if counts else "counts toward no cycle"
        out.append(f"{name}: entry {entry_id} ({dates[entry_id]}) {verb}: {why}.")
    if len(cur.excluded) > MAX_LISTED:
        more = len(cur.excluded) - MAX_LISTED
        out.append(f"{name}: and {more} more such entries (ceclog list shows why).")
    out += _uncounted(req, {i for i, _ in cur.excluded}, dates)
    prev = req.previous
    if prev is not None and (req.lapse is None or prev.cycle != req.lapse.cycle):
        window = f"{prev.cycle.start} to {prev.cycle.due}"
        if req.previous_judged or prev.met:
            verdict = "met" if prev.met else "NOT met"
            out.append(
                f"{name}: previous cycle {window}: {fmt(prev.counted)} of "
                f"{fmt(prev.required)} {units}, {verdict}."
            )
        else:  # nothing is owed for it: no "not met" to alarm anyone
            out.append(
                f"{name}: previous period {window}: {fmt(prev.counted)} {units} counted; not "
                f"judged ({prev.cycle.unjudged})."
            )
            if prev.cycle.due < ledger.holder.tracking_since:
                start = prev.cycle.start
                out.append(
                    f"{name}: if this ledger holds every class you took since {start}, "
                    f"`ceclog holder --tracking-since {start}` judges that period."
                )
    return out


def _uncounted(req: Requirement, shown: set[int], dates: dict[int, dt.date]) -> list[str]:
    """Completed entries that count toward none of the requirement's cycles (dated before the
    first one, say), grouped by reason: no credit leaves the figures without a word."""
    by_reason: dict[str, list[int]] = {}
    for entry_id, why in req.uncounted:
        if entry_id not in shown:
            by_reason.setdefault(why, []).append(entry_id)
    out: list[str] = []
    for why, ids in by_reason.items():
        if len(out) == MAX_LISTED:
            left = sum(len(v) for v in by_reason.values()) - sum(
                len(v) for v in list(by_reason.values())[:MAX_LISTED]
            )
            out.append(
                f"{req.track.name}: and {plural(left, 'more entry', 'more entries')} counting "
                "toward no cycle (ceclog list shows why)."
            )
            break
        named = listing([f"{i} ({dates[i]})" for i in ids])
        verb = "counts" if len(ids) == 1 else "count"
        label = "entry" if len(ids) == 1 else "entries"
        out.append(f"{req.track.name}: {label} {named} {verb} toward no cycle: {why}.")
    return out


def requirement_lines(req: Requirement, report: Report, units: str) -> list[str]:
    """The lines after `add` and `edit`: one per cycle `status` shows as a row, with the same
    figures and state, so a lapse is never hidden behind the current cycle's `on track`."""
    name = label(req, report)
    rows = req.rows
    out = []
    for row in rows:
        result, cycle = row.result, row.result.cycle
        what = name
        if len(rows) > 1:
            kind = {"lapsed": "LAPSED", "unsent": "ended, NOT SENT", "current": "current"}
            what = f"{name}, {kind[row.kind]} cycle {cycle.start} to {cycle.due}"
        due = "was due" if row.kind != "current" else "due"
        out.append(
            f"  {what}: {fmt(result.counted)} of {fmt(result.required)} {units} counted, "
            f"{fmt(result.remaining)} remaining, {due} {cycle.due} ({STATE_WORDS[row.state]})"
        )
    return out


ENTRY_COLUMNS = [
    Column("ID", "right"),
    Column("Date"),
    Column("Title"),
    Column("Kind", optional=True),
    Column("Hours", "right", optional=True),
    Column("", "right"),  # the unit, filled in
    Column("How it counts"),
]


def entries(out: Out, rows: list[Entry], report: Report, units: str) -> None:
    if not rows:
        out.print("No entries.")
        return
    cells: list[list[Cell]] = []
    total = Decimal(0)
    for entry in rows:
        counted = report.counted(entry.id)
        title = entry.title + (" (planned)" if entry.planned else "")
        how = report.explanation(entry.id)
        if entry.planned:
            how += "; planned: counts once completed"
        cells.append(
            [
                str(entry.id),
                str(entry.date),
                title,
                entry.kind,
                num(entry.hours) if entry.hours is not None else "",
                fmt(counted),
                how,
            ]
        )
        if not entry.planned:
            total += counted
    # the counted column is named by the unit, unless the unit is the hour: not "Hours" twice
    heading = "Counted" if units.casefold() == "hours" else units
    columns = [c._replace(name=heading) if not c.name else c for c in ENTRY_COLUMNS]
    out.table(columns, cells)
    count = plural(len(rows), "entry")
    out.print(f"{count}; completed ones count {fmt(total)} {units}.")
