"""What the Markdown, HTML and PDF transcripts show, as plain strings: one view of a Transcript
that the three renderers lay out (and escape) each in their own way.  Strings here are NOT
escaped: every one that comes from the ledger or the rules file is untrusted."""

from __future__ import annotations

from dataclasses import dataclass

from ceclog.core.ledger.words import plural
from ceclog.core.reports.transcript import Row, Summary, Transcript
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.progress import percent

TITLE = "Continuing-education transcript"
NO_ENTRIES = "No entries in this period."
NOT_RECORDED = "not recorded"
# A document sent to the body says whether a cycle's requirement was met, never an internal
# pace judgement (behind, on track).
MET, NOT_MET, IN_PROGRESS = "met", "not met", "in progress"
ENTRY_HEADINGS = (
    "Date",
    "Title",
    "Notes",
    "Kind",
    "Provider",
    "Approval",
    "Hours",
    "Counted",
    "How counted",
    "Certifications",
    "Submitted",
    "Posted",
    "Evidence",
)

REQUIREMENT_HEADINGS = (
    "Requirement",
    "Covers",
    "Cycle start",
    "Due",
    "Required",
    "Counted",
    "Remaining",
    "Submitted",
    "Posted",
    "Status",
    "Progress",
)
NO_REQUIREMENTS = (
    "No requirement applies: no certification with a continuing-education requirement is recorded."
)
NO_CERTIFICATIONS = "No certifications recorded."


@dataclass(frozen=True)
class CertificationView:
    code: str
    title: str
    earned: str


@dataclass(frozen=True)
class RequirementView:
    title: str
    covers: str  # "WRT, ASD"
    start: str
    due: str
    required: str
    counted: str
    remaining: str
    submitted: str
    posted: str
    state: str  # "met", "not met" (an ended cycle), "in progress" (the running one), "exempt …"
    percent: int  # counted / required, 0..100, rounded down (100 only when met)
    days_left: int

    def cells(self, progress: str) -> tuple[str, ...]:
        """One string per REQUIREMENT_HEADINGS column; `progress` is the format's own bar."""
        return (
            self.title,
            self.covers,
            self.start,
            self.due,
            self.required,
            self.counted,
            self.remaining,
            self.submitted,
            self.posted,
            self.state,
            progress,
        )


@dataclass(frozen=True)
class EntryView:
    date: str
    title: str
    notes: str  # "" when none
    kind: str
    provider: str
    approval: str
    hours: str  # "" when none recorded
    credits: str  # what the entry counts
    explanation: str
    certifications: str
    submitted: str
    posted: str
    evidence: tuple[str, ...]

    def cells(self) -> tuple[str, ...]:
        """One string per ENTRY_HEADINGS column (evidence names joined with "; ")."""
        return (
            self.date,
            self.title,
            self.notes,
            self.kind,
            self.provider,
            self.approval,
            self.hours,
            self.credits,
            self.explanation,
            self.certifications,
            self.submitted,
            self.posted,
            "; ".join(self.evidence),
        )


@dataclass(frozen=True)
class Document:
    title: str
    holder_name: str
    registrant_id: str
    facts: tuple[tuple[str, str], ...]  # (label, value): holder, date, period, rules
    unit: str  # "CEC"
    units: str  # "CECs"
    certifications: tuple[CertificationView, ...]
    requirements: tuple[RequirementView, ...]
    entries: tuple[EntryView, ...]
    total: str

    @property
    def requirements_heading(self) -> str:
        return f"Requirements (credits in {self.units})"

    @property
    def entries_heading(self) -> str:
        return f"Entries (credits in {self.units})"

    @property
    def total_line(self) -> str:
        count = len(self.entries)
        return f"Total: {self.total} {self.units} from {plural(count, 'entry')}"


def _day(value: object) -> str:
    return "" if value is None else str(value)


def entry_view(row: Row) -> EntryView:
    e = row.entry
    return EntryView(
        date=str(e.date),
        title=e.title,
        notes=e.notes or "",
        kind=e.kind,
        provider=e.provider or "",
        approval=e.approval or "",
        hours="" if e.hours is None else fmt(e.hours),
        credits=fmt(row.counted),
        explanation=row.explanation,
        certifications=", ".join(e.certifications),
        submitted=_day(e.submitted),
        posted=_day(e.posted),
        evidence=tuple(ev.name for ev in e.evidence),
    )


def requirement_view(s: Summary) -> RequirementView:
    """The exported cycle's own figures: for an ended cycle whether it was met, for the running
    one what is counted so far of what is required, by its due date."""
    r = s.result
    state = MET if r.met else (NOT_MET if s.ended else IN_PROGRESS)
    exempt = s.requirement.exempt
    if exempt is not None and not s.ended:  # the body's exemption, with what it rests on
        state = f"exempt since {exempt.since} ({exempt.name}: {exempt.fact})"
    return RequirementView(
        title=r.cycle.track.title,
        covers=", ".join(s.covers),
        start=str(r.cycle.start),
        due="none (exempt)" if exempt is not None and not s.ended else str(r.cycle.due),
        required=fmt(r.required),
        counted=fmt(r.counted),
        remaining=fmt(r.remaining),
        submitted=fmt(r.submitted),
        posted=fmt(r.posted),
        state=state,
        percent=percent(r.counted, r.required),
        days_left=(r.cycle.due - s.requirement.today).days,
    )


def build_document(t: Transcript) -> Document:
    holder, rules = t.ledger.holder, t.rules
    facts: list[tuple[str, str]] = [
        ("Name", holder.name),
        ("Registrant ID", holder.registrant_id or NOT_RECORDED),
        ("Email", holder.email or NOT_RECORDED),
        ("Produced", str(t.today)),
        ("Period", t.period),
        ("Rules", f"{rules.name}: {rules.title}"),
        ("Rules checked", str(rules.checked)),
    ]
    if rules.submission_email:
        facts.append(("Submit to", rules.submission_email))
    requirements = tuple(requirement_view(s) for s in t.summaries)
    return Document(
        title=TITLE,
        holder_name=holder.name,
        registrant_id=holder.registrant_id or NOT_RECORDED,
        facts=tuple(facts),
        unit=rules.unit,
        units=rules.units,
        certifications=tuple(
            CertificationView(c.code, t.certification_title(c.code), str(c.earned))
            for c in t.certifications
        ),
        requirements=requirements,
        entries=tuple(entry_view(row) for row in t.rows),
        total=fmt(t.total),
    )
