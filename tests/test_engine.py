"""The numbers: each expected value below is worked out by hand from the rules files."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from ceclog.core.ledger.models import Certification, Entry, Holder, Ledger, Rules
from ceclog.core.ledger.records import as_dict
from ceclog.core.schedule.credits import entry_credit, fmt
from ceclog.core.schedule.cycles import add_months
from ceclog.core.schedule.engine import evaluate
from ceclog.store import schema
from ceclog.store.rules import load_rules

D = dt.date.fromisoformat
RULES_2012 = load_rules("iicrc-2012").rules
RULES_NOW = load_rules("iicrc").rules


def entry(n: int = 1, day: str = "2024-01-10", **kw: Any) -> Entry:
    fields: dict[str, Any] = {"id": n, "date": D(day), "title": f"class {n}"}
    for key in ("hours", "credits"):
        if key in kw:
            kw[key] = Decimal(str(kw[key]))
    fields.update(kw)
    return Entry(**fields)


def ledger(
    certs: list[tuple[str, str]],
    entries: list[Entry],
    since: str = "2020-01-01",
    cec_due: str | None = None,
) -> Ledger:
    return Ledger(
        version=1,
        holder=Holder(
            name="T",
            tracking_since=D(since),
            cec_due=D(cec_due) if cec_due else None,
        ),
        certifications=[Certification(code=c, earned=D(e)) for c, e in certs],
        entries=entries,
    )


# --- credits of one entry: the worked examples of docs/numbers.md (earlier IICRC rules) ----------


@pytest.mark.parametrize(
    ("hours", "value", "explanation"),
    [
        ("7", "1", "7 h ÷ 7 h per CEC = 1.0"),
        ("3.5", "0.5", "3.5 h ÷ 7 h per CEC = 0.5"),
        ("21", "2", "21 h ÷ 7 h per CEC = 3.0; capped at 2 per event"),
        (
            "10",
            "1",
            "10 h ÷ 7 h per CEC = 1.43; rounded down to 1.0 (steps of 0.5, UNCONFIRMED: no "
            "source states it)",
        ),
        ("0", "0", "0 h ÷ 7 h per CEC = 0.0"),
        (
            "13.9",
            "1.5",
            "13.9 h ÷ 7 h per CEC = 1.99; rounded down to 1.5 (steps of 0.5, UNCONFIRMED: no "
            "source states it)",
        ),
    ],
)
def test_worked_examples_2012(hours: str, value: str, explanation: str) -> None:
    credit = entry_credit(entry(hours=hours), RULES_2012)
    assert credit.value == Decimal(value)
    assert credit.explanation == explanation


def test_booth_visit_counts_fixed_value_whatever_the_hours() -> None:
    credit = entry_credit(entry(kind="booth", hours="0.5"), RULES_NOW)
    assert credit.value == 2
    assert credit.explanation == "booth: fixed 2 CECs"


def test_stated_credits_win_over_hours() -> None:
    credit = entry_credit(entry(hours="21", credits="3"), RULES_2012)
    assert credit.value == 2  # 3 stated, capped at 2 per event
    assert credit.explanation == "3 CECs as stated on the certificate; capped at 2 per event"


def test_current_policy_one_hour_per_cec_rounded_down_to_halves() -> None:
    assert entry_credit(entry(hours="21"), RULES_NOW).value == 21
    credit = entry_credit(entry(hours="2.75"), RULES_NOW)
    assert credit.value == Decimal("2.5")
    assert credit.explanation == (
        "2.75 h ÷ 1 h per CEC = 2.75; rounded down to 2.5 (steps of 0.5, UNCONFIRMED: no source "
        "states it)"
    )


def test_the_lower_of_kind_cap_and_event_cap_applies() -> None:
    kinds = {**RULES_2012.kinds}
    kinds["webinar"] = replace(kinds["webinar"], cap=Decimal("0.5"))
    rules = replace(RULES_2012, kinds=kinds)
    credit = entry_credit(entry(kind="webinar", hours="14"), rules)
    assert credit.value == Decimal("0.5")
    assert credit.explanation == "14 h ÷ 7 h per CEC = 2.0; capped at 0.5 per webinar"
    kinds["webinar"] = replace(kinds["webinar"], cap=Decimal("5"))
    rules = replace(RULES_2012, kinds=kinds)
    assert entry_credit(entry(kind="webinar", hours="21"), rules).explanation.endswith(
        "capped at 2 per event"
    )


def test_fmt() -> None:
    assert [fmt(Decimal(x)) for x in ("2", "1.5", "0.25", "14", "1.005")] == [
        "2.0",
        "1.5",
        "0.25",
        "14.0",
        "1.0",
    ]


# --- cycles ---------------------------------------------------------------------------------


def test_add_months_clamps_day() -> None:
    assert add_months(D("2024-01-31"), 1) == D("2024-02-29")
    assert add_months(D("2023-01-31"), 1) == D("2023-02-28")
    assert add_months(D("2022-06-01"), 48) == D("2026-06-01")
    assert add_months(D("2022-06-01"), -1) == D("2022-05-01")


def test_due_date_is_last_day_of_cycle() -> None:
    # docs/numbers.md: earned 2022-06-01, 48 months: due 2026-05-31
    led = ledger([("WRT", "2022-06-01")], [])
    req = evaluate(led, RULES_NOW, D("2024-01-01")).requirements[0]
    assert (req.current.cycle.start, req.current.cycle.due) == (D("2022-06-01"), D("2026-05-31"))
    assert req.days_left == (D("2026-05-31") - D("2024-01-01")).days == 881


def test_entry_counts_only_in_its_own_cycle_window_both_ends_included() -> None:
    entries = [
        entry(1, "2022-05-31", hours="7"),  # before the cycle: not counted
        entry(2, "2022-06-01", hours="7"),  # first day: counted
        entry(3, "2026-05-31", hours="1"),  # due date: counted
        entry(4, "2026-06-01", hours="5"),  # next cycle
    ]
    led = ledger([("WRT", "2022-06-01")], entries)
    req = evaluate(led, RULES_NOW, D("2026-05-31")).requirements[0]
    assert req.counted == 8
    assert req.current.entry_ids == (2, 3)
    assert req.remaining == 6
    assert req.days_left == 0
    assert req.state == "due_soon"


def test_states_in_order() -> None:
    start = "2022-06-01"  # cycle to 2026-05-31, 48 months; pace in whole steps of 12 months
    # met: 14 counted
    led = ledger([("WRT", start)], [entry(1, "2023-01-01", hours="14")])
    assert evaluate(led, RULES_NOW, D("2023-06-01")).requirements[0].state == "met"
    # 2024-06-01: two full years -> expected 14 * 24/48 = 7.0; 7.0 counted is on track
    led = ledger([("WRT", start)], [entry(1, "2023-01-01", hours="7")])
    req = evaluate(led, RULES_NOW, D("2024-06-01")).requirements[0]
    assert req.state == "on_track"
    # behind: 6.5 < 7.0
    led = ledger([("WRT", start)], [entry(1, "2023-01-01", hours="6.5")])
    assert evaluate(led, RULES_NOW, D("2024-06-01")).requirements[0].state == "behind"
    # the day before, one full year: expected 3.5; 6.5 is on track
    assert evaluate(led, RULES_NOW, D("2024-05-31")).requirements[0].state == "on_track"
    # due soon: 90 days before the due date, not met (even though "on track" by pace)
    led = ledger([("WRT", start)], [entry(1, "2023-01-01", hours="13.5")])
    assert evaluate(led, RULES_NOW, D("2026-03-02")).requirements[0].state == "due_soon"
    assert evaluate(led, RULES_NOW, D("2026-03-01")).requirements[0].state == "on_track"
    # overdue: the previous cycle ended unmet
    req = evaluate(led, RULES_NOW, D("2026-06-01")).requirements[0]
    assert req.state == "overdue"
    assert req.previous is not None and req.previous.counted == Decimal("13.5")
    assert req.current.cycle.start == D("2026-06-01")


def test_planned_entries_count_only_in_projection() -> None:
    entries = [
        entry(1, "2023-01-01", hours="6"),
        entry(2, "2025-01-01", hours="4", planned=True),
        entry(3, "2027-01-01", hours="4", planned=True),  # next cycle: not projected
    ]
    req = evaluate(ledger([("WRT", "2022-06-01")], entries), RULES_NOW, D("2024-01-01"))
    r = req.requirements[0]
    assert (r.counted, r.projected, r.remaining) == (6, 10, 8)


def test_cycles_ended_before_tracking_are_not_judged() -> None:
    led = ledger([("WRT", "2018-06-01")], [], since="2023-01-01")
    req = evaluate(led, RULES_NOW, D("2023-01-02")).requirements[0]
    assert req.previous is not None and not req.previous_judged
    assert req.state == "on_track"  # the first year of the cycle 2022-06-01 to 2026-05-31
    # a previous cycle that ended after tracking started is judged
    led = ledger([("WRT", "2018-06-01")], [], since="2022-05-31")
    assert evaluate(led, RULES_NOW, D("2023-01-02")).requirements[0].state == "overdue"


def test_renewal_notice_due_date_reanchors_the_schedule() -> None:
    led = ledger([("WRT", "2018-06-01")], [], since="2020-01-01", cec_due="2027-03-31")
    req = evaluate(led, RULES_NOW, D("2026-11-22")).requirements[0]
    assert (req.current.cycle.start, req.current.cycle.due) == (D("2023-04-01"), D("2027-03-31"))
    assert req.state == "behind"  # cycles before the notice's are not judged
    assert not req.previous_judged
    later = evaluate(led, RULES_NOW, D("2027-04-01")).requirements[0]
    assert later.state == "overdue"
    assert later.current.cycle.start == D("2027-04-01")


def test_strictest_track_governs_holder_pool() -> None:
    led = ledger([("WRT", "2019-03-01"), ("MWR", "2024-05-10"), ("MRS", "2020-01-01")], [])
    req = evaluate(led, RULES_NOW, D("2025-01-01")).requirements
    assert len(req) == 1
    assert req[0].track.name == "master"
    assert req[0].certifications == ("WRT", "MWR")  # MRS has no CEC requirement
    # WRT's second cycle runs from 2023-03-01 (due 2027-02-28); MWR, earned inside it, ends it
    # on the earlier of that and 2024-05-10 + 24 months - 1 day
    assert (req[0].current.cycle.start, req[0].current.cycle.due) == (
        D("2023-03-01"),
        D("2026-05-09"),
    )


def test_no_requirement_without_a_tracked_certification() -> None:
    assert (
        evaluate(ledger([("MRS", "2020-01-01")], []), RULES_NOW, D("2025-01-01")).requirements == ()
    )


def _custom_rules(**changes: Any) -> Rules:
    data = as_dict(RULES_NOW)
    data.update(changes)
    return schema.validate(Rules, data)


def test_certification_pool_and_topic_minimums() -> None:
    tracks = [
        {
            "name": "mold",
            "title": "Mold licence",
            "certifications": ["AMRT"],
            "credits": Decimal(14),
            "cycle_months": 24,
            "topics": {"water": Decimal(6), "mold": Decimal(4)},
        },
        {
            "name": "water",
            "title": "Water",
            "certifications": ["WRT"],
            "credits": Decimal(2),
            "cycle_months": 12,
            "topics": {},
        },
    ]
    rules = _custom_rules(pool="certification", tracks=tracks)
    entries = [
        entry(1, "2024-03-01", hours="10", topics=["water"], certifications=["AMRT"]),
        entry(2, "2024-04-01", hours="4", topics=["safety"]),  # no codes: counts for both
    ]
    led = ledger([("AMRT", "2024-01-01"), ("WRT", "2024-02-01")], entries)
    mold, water = evaluate(led, rules, D("2024-06-01")).requirements
    assert (mold.counted, water.counted) == (14, 4)
    assert [(t.topic, t.counted, t.remaining) for t in mold.current.topics] == [
        ("water", 10, 0),
        ("mold", 0, 4),
    ]
    assert mold.state == "on_track"  # 14 counted but the mold topic minimum is not met
    assert water.state == "met"


def test_calendar_anchor() -> None:
    rules = _custom_rules(anchor="calendar", cycle_start="07-01")
    led = ledger([("WRT", "2024-03-15")], [])
    req = evaluate(led, rules, D("2025-01-01")).requirements[0]
    # the first 07-01 on or after the earned date
    assert (req.current.cycle.start, req.current.cycle.due) == (D("2024-07-01"), D("2028-06-30"))
