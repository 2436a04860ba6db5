"""The business rules that once lived in the command line, each as one core function: its
cases worked out by hand, and the command that says it in the words `ceclog check` uses."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ceclog.core.checks import certifications, entry_rules
from ceclog.core.ledger.fields import parse_amount
from ceclog.core.ledger.models import Assertion, Certification, Entry, Holder, Ledger
from ceclog.core.reconcile import compare as reconcile
from ceclog.core.reconcile import transcript as reconcile_transcript
from ceclog.core.schedule.engine import evaluate
from ceclog.core.schedule.results import urgency
from ceclog.errors import InputError, UsageError
from ceclog.store.rules import load_rules
from conftest import Ceclog, make_ledger

D = dt.date.fromisoformat
RULES = load_rules("iicrc").rules
TODAY = D("2026-11-22")


def entry(n: int = 1, day: str = "2026-11-22", **kw: Any) -> Entry:
    return Entry(id=n, date=D(day), title=f"class {n}", hours=Decimal(2), **kw)


def ledger(*codes: str, entries: list[Entry] | None = None, **kw: Any) -> Ledger:
    return Ledger(
        version=6,
        holder=Holder(name="T", tracking_since=D("2020-01-01")),
        certifications=[Certification(code=c, earned=D("2023-09-15")) for c in codes],
        entries=entries or [],
        **kw,
    )


# --- entries: not-held, future-entry, planned-past ---------------------------------------------


def test_an_entry_for_a_code_not_held_is_said_per_code_and_only_for_known_codes() -> None:
    e = entry(certifications=["WRT", "ASD", "XYZ"])
    found = entry_rules.not_held(e, ["WRT"], RULES.certifications, ("entries", 4))
    assert [(f.code, f.message, f.path, f.hint) for f in found] == [
        (
            "not-held",
            "entry 1 is for ASD, a certification you do not hold",
            ("entries", 4, "certifications", 1),
            "record it with `ceclog cert add ASD --earned DATE`",
        )
    ]


@pytest.mark.parametrize(
    ("day", "planned", "code"),
    [
        ("2026-11-23", False, "future-entry"),  # completed, the day after today
        ("2026-11-22", False, None),  # completed today
        ("2026-11-21", True, "planned-past"),  # planned, the day before today
        ("2026-11-22", True, None),  # planned for today: not past yet
        ("2026-11-23", True, None),
    ],
)
def test_an_entry_s_date_against_today(day: str, planned: bool, code: str | None) -> None:
    e = entry(day=day, planned=planned)
    found = [
        f for f in (entry_rules.future_entry(e, TODAY), entry_rules.planned_past(e, TODAY)) if f
    ]
    assert [f.code for f in found] == ([code] if code else [])


def test_the_warnings_for_a_written_entry_are_check_s_findings_in_a_line() -> None:
    e = entry(day="2026-12-01", certifications=["ASD"])
    assert entry_rules.written_warnings(ledger("WRT"), e, RULES.certifications, TODAY) == [
        "entry 1 is for ASD, a certification you do not hold (record it with "
        "`ceclog cert add ASD --earned DATE`)",
        "entry 1 is completed but dated 2026-12-01, in the future (fix the date, or mark it "
        "planned: ceclog edit 1 --planned)",
    ]


def test_add_and_edit_warn_in_check_s_words(ceclog: Ceclog, ledger_path: Path) -> None:
    """`add` said "entry 1 is dated ..., after today: add --planned if not taken" and `edit`
    nothing at all, where `check` says "completed but dated ..., in the future": one wording."""
    make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2023-09-15")
    r = ceclog("add", "Drying", "--date", "2026-12-01", "--hours", "2")
    assert r.code == 0, r.err
    found = json.loads(ceclog("check", "--json").out)
    future = next(f for f in found if f["code"] == "future-entry")
    assert f"warning: {future['message']} ({future['hint']})" in r.err
    r = ceclog("edit", "1", "--date", "2026-12-02")
    assert r.code == 0, r.err
    assert (
        "warning: entry 1 is completed but dated 2026-12-02, in the future (fix the date, or "
        "mark it planned: ceclog edit 1 --planned)" in r.err
    )
    r = ceclog("edit", "1", "--cert", "ASD", "--date", "2026-11-01")
    assert r.err == (
        "warning: entry 1 is for ASD, a certification you do not hold (record it with "
        "`ceclog cert add ASD --earned DATE`)\n"
    )


# --- certifications ------------------------------------------------------------------------------


def test_a_certification_is_recorded_once_under_the_code_the_rules_know() -> None:
    new, cert = certifications.add_certification(ledger("WRT"), RULES, "CMT", D("2024-01-01"))
    assert cert == Certification(code="CCMT", earned=D("2024-01-01"))  # CMT is an alias
    assert new.held_codes() == ["WRT", "CCMT"]
    with pytest.raises(InputError, match=r"WRT is already recorded \(earned 2023-09-15\)"):
        certifications.add_certification(ledger("WRT"), RULES, "WRT", D("2024-01-01"))
    with pytest.raises(InputError, match="XYZ is not a certification known to the iicrc rules"):
        certifications.known_code("XYZ", RULES)


def test_what_certifications_leave_said() -> None:
    late = Certification(code="MWR", earned=D("2026-11-23"))
    found = certifications.future_certification(late, TODAY, ("certifications", 1))
    assert found is not None and found.path == ("certifications", 1, "earned")
    assert certifications.future_certification(replace(late, earned=TODAY), TODAY) is None
    used = ledger("WRT", entries=[entry(1), entry(2, certifications=["WRT"]), entry(3)])
    assert certifications.left_naming(used, "WRT") == [
        "entries 2 name WRT, which you no longer hold"
    ]
    assert certifications.left_naming(used, "ASD") == []
    assert certifications.notice_passed(TODAY, TODAY) == []  # due today: not passed yet
    assert certifications.notice_passed(None, TODAY) == []
    assert certifications.notice_passed(D("2026-11-21"), TODAY) == [
        "the notice's due date 2026-11-21 has passed: ceclog judges the cycle that ended then; "
        "if the notice gives a later year, record it again"
    ]


# --- reconcile -----------------------------------------------------------------------------------


def test_the_requirement_a_reconcile_names() -> None:
    one = ledger("WRT")
    report = evaluate(one, RULES, TODAY)
    named = reconcile.named_requirement(report, RULES, one, None, None)  # the only one
    assert (named.target.label, named.track, named.cert) == ("technician", "technician", None)
    named = reconcile.named_requirement(report, RULES, one, None, " wrt ")
    assert (named.track, named.cert) == (None, "WRT")
    with pytest.raises(UsageError, match="track 'wizard' is not one of the iicrc rules") as exc:
        reconcile.named_requirement(report, RULES, one, "wizard", None)
    assert exc.value.hint == "see your requirements: ceclog status"
    with pytest.raises(UsageError, match="name the requirement with --track NAME or --cert CODE"):
        reconcile.named_requirement(evaluate(ledger(), RULES, TODAY), RULES, ledger(), None, None)


def test_one_figure_per_day_and_requirement() -> None:
    said = Assertion(date=D("2026-11-01"), track="technician", posted=Decimal("4.5"))
    book = ledger("WRT", assertions=[said])
    named = reconcile.named_requirement(evaluate(book, RULES, TODAY), RULES, book, None, None)
    day = D("2026-11-01")
    assert reconcile.recorded_figure(book, day, named, Decimal("4.5"), "CECs") == said
    assert reconcile.recorded_figure(book, D("2026-11-02"), named, Decimal(5), "CECs") is None
    with pytest.raises(InputError, match=r"already says the body showed 4\.5 CECs"):
        reconcile.recorded_figure(book, day, named, Decimal(5), "CECs")
    assert reconcile.day_looked(None, TODAY) == TODAY
    assert reconcile.day_looked(day, TODAY) == day
    with pytest.raises(UsageError, match=r"--on 2026-11-23 is after today \(2026-11-22\)"):
        reconcile.day_looked(D("2026-11-23"), TODAY)


def test_a_transcript_is_compared_with_the_cycle_holding_the_day() -> None:
    """WRT earned 2023-09-15: the cycle 2023-09-15 to 2027-09-14 holds 2026-11-01; a line of
    2023-09-01 is before it, one of 2026-11-05 after the day looked: only 3 CECs count."""
    book = ledger("WRT", entries=[entry(1, "2024-05-01"), entry(2, "2026-11-05")])
    report = evaluate(book, RULES, TODAY)
    line = reconcile_transcript.Line
    lines = [
        line(i + 2, D(day), "x", Decimal(n), None)
        for i, (day, n) in enumerate([("2023-09-01", 1), ("2024-05-01", 3), ("2026-11-05", 2)])
    ]
    window = reconcile_transcript.window(lines, book, report.requirements[0], D("2026-11-01"))
    assert window.posted == 3
    assert [e.id for e in window.entries] == [1]
    assert window.period == (D("2023-09-15"), D("2026-11-01"))
    before = reconcile_transcript.window(lines, book, report.requirements[0], D("2020-01-01"))
    assert before == (Decimal(0), [], None)


def test_the_body_s_figure_is_a_number_of_any_decimals() -> None:
    assert parse_amount("8.333", "--portal", places=None) == Decimal("8.333")
    with pytest.raises(InputError, match="use at most 2 decimals"):
        parse_amount("8.333", "--hours")
    with pytest.raises(InputError, match="--portal cannot be negative, got -1"):
        parse_amount("-1", "--portal", places=None)


@pytest.mark.parametrize(
    ("states", "level"),
    [
        ({"met", "overdue", "behind"}, "overdue"),
        ({"met", "to_submit"}, "attention"),
        ({"due_soon"}, "attention"),
        ({"behind"}, "attention"),
        ({"met", "on_track", "exempt"}, None),
        (set(), None),
    ],
)
def test_what_the_states_call_for(states: set[str], level: str | None) -> None:
    assert urgency(states) == level


# --- a change: no new error ------------------------------------------------------------------


def test_a_change_is_refused_only_for_an_error_it_brings(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error the ledger already had does not block a change (the user may fix one at a
    time); a new one does.  The old ledger is checked only when the new one has an error: a
    clean change (most of them) checks the ledger once, not twice."""
    from ceclog.core.checks import edits

    checked: list[Ledger] = []
    real = edits.run_checks

    def counted(led: Ledger, *args: Any) -> Any:
        checked.append(led)
        return real(led, *args)

    monkeypatch.setattr(edits, "run_checks", counted)
    clean = ledger("WRT", entries=[entry(1)])
    edits.no_new_errors(clean, replace(clean, entries=[entry(1), entry(2)]), RULES, TODAY)
    assert len(checked) == 1  # the new ledger only
    odd = entry(2, kind="seminar")  # an unknown kind: an error
    had = replace(clean, entries=[entry(1), odd])
    checked.clear()
    edits.no_new_errors(had, replace(had, entries=[entry(1), odd, entry(3)]), RULES, TODAY)
    assert checked == [replace(had, entries=[entry(1), odd, entry(3)]), had]
    with pytest.raises(InputError, match=r"^entry 3 has kind 'seminar', unknown to the iicrc"):
        edits.no_new_errors(
            had, replace(had, entries=[entry(1), odd, entry(3, kind="seminar")]), RULES, TODAY
        )
