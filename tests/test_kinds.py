"""Rules breadth: a cap per kind per cycle (`cycle_cap`), a minimum per kind (`cycle_min`), and
entries grouped into one event for the per-event cap.  Each figure is worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_engine import RULES_2012, RULES_NOW, entry, ledger

from ceclog.core.ledger.models import KindRule, Rules
from ceclog.core.schedule.engine import evaluate
from conftest import Ceclog, make_ledger

D = dt.date.fromisoformat


def with_kind(rules: Rules, name: str, **kw: Any) -> Rules:
    values = {k: Decimal(str(v)) for k, v in kw.items()}
    kinds = {**rules.kinds, name: replace(rules.kinds.get(name, KindRule()), **values)}
    return replace(rules, kinds=kinds)


ONLINE_CAP = with_kind(RULES_NOW, "online", cycle_cap=4)


# --- a cap per kind per cycle -----------------------------------------------------------------


def test_a_kind_counts_in_date_order_until_its_cycle_cap() -> None:
    # WRT 2022-06-01: the cycle runs 2022-06-01 to 2026-05-31 (1 h = 1 CEC, steps of 0.5)
    entries = [
        entry(1, "2023-03-01", kind="online", hours=3.5),  # later: 4 - 2.5 = 1.5 left
        entry(2, "2023-01-10", kind="online", hours=2.5),  # first by date: 2.5
        entry(3, "2023-05-01", kind="course", hours=7),  # another kind: 7.0
        entry(4, "2024-02-01", kind="online", hours=2),  # nothing left: 0.0
        entry(5, "2025-06-01", kind="online", hours=2, planned=True),  # projection: 0.0
    ]
    report = evaluate(ledger([("WRT", "2022-06-01")], entries), ONLINE_CAP, D("2025-01-01"))
    assert [report.counted(i) for i in (1, 2, 3, 4)] == [
        Decimal(x) for x in ("1.5", "2.5", "7", "0")
    ]
    assert report.explanation(1) == (
        "3.5 h ÷ 1 h per CEC = 3.5; online credits capped at 4 per cycle: 1.5 of 3.5 counted"
    )
    assert report.explanation(2) == "2.5 h ÷ 1 h per CEC = 2.5"
    assert report.credits[5].value == 0
    cur = report.requirements[0].current
    assert (cur.counted, cur.planned) == (Decimal(11), Decimal(0))  # 2.5 + 1.5 + 7 + 0


def test_the_cycle_cap_starts_again_each_cycle_and_completed_entries_come_first() -> None:
    entries = [
        entry(1, "2021-01-10", kind="online", hours=5),  # cycle 2018-06-01 to 2022-05-31: 4.0
        entry(2, "2023-01-10", kind="online", hours=3, planned=True),  # planned, earlier: 1.0
        entry(3, "2023-02-10", kind="online", hours=3),  # completed: counts first, 3.0
    ]
    report = evaluate(ledger([("WRT", "2018-06-01")], entries), ONLINE_CAP, D("2023-03-01"))
    assert report.counted(1) == 4
    assert report.counted(3) == 3
    assert report.credits[2].value == 1
    cur = report.requirements[0].current
    assert (cur.counted, cur.planned) == (Decimal(3), Decimal(1))
    assert report.requirements[0].previous is not None
    assert report.requirements[0].previous.counted == 4


def test_a_cycle_cap_does_nothing_below_it() -> None:
    entries = [entry(1, kind="online", hours=3), entry(2, kind="online", hours=1)]
    report = evaluate(ledger([("WRT", "2022-06-01")], entries), ONLINE_CAP, D("2024-06-01"))
    assert report.explanation(2) == "1 h ÷ 1 h per CEC = 1.0"
    assert report.requirements[0].counted == 4


# --- a minimum per kind -----------------------------------------------------------------------

COURSE_MIN = with_kind(RULES_NOW, "course", cycle_min=4)


def test_a_kind_minimum_keeps_the_cycle_unmet_until_reached() -> None:
    entries = [entry(1, kind="course", hours=3), entry(2, kind="online", hours=14)]
    report = evaluate(ledger([("WRT", "2022-06-01")], entries), COURSE_MIN, D("2024-06-01"))
    cur = report.requirements[0].current
    assert cur.counted == 17 and not cur.met  # 17 >= 14, but only 3.0 of 4 from courses
    (kind,) = cur.kinds
    assert (kind.kind, kind.required, kind.counted, kind.remaining) == ("course", 4, 3, 1)
    more = [*entries, entry(3, "2024-02-01", kind="course", hours=1)]
    report = evaluate(ledger([("WRT", "2022-06-01")], more), COURSE_MIN, D("2024-06-01"))
    assert report.requirements[0].current.met
    assert report.requirements[0].state == "met"


def test_a_minimum_above_the_cap_of_the_same_kind_is_refused() -> None:
    try:
        with_kind(RULES_NOW, "course", cycle_min=5, cycle_cap=4)
    except ValueError as exc:
        assert "no cycle could be met" in str(exc)
    else:
        raise AssertionError("accepted")


# --- one event over several entries -----------------------------------------------------------


def test_entries_of_one_event_share_the_event_cap() -> None:
    # 2012 rules: 7 h per CEC, steps of 0.5, at most 2 per event
    entries = [
        entry(1, "2024-03-12", kind="conference", hours=10.5, event="Experience 2026"),  # 1.5
        entry(2, "2024-03-13", kind="conference", hours=7, event="Experience 2026"),  # 0.5 left
        entry(3, "2024-03-14", kind="conference", hours=7, event="Experience 2026"),  # 0.0 left
        entry(4, "2024-03-14", kind="course", hours=7),  # no event: 1.0
    ]
    report = evaluate(ledger([("WRT", "2022-06-01")], entries), RULES_2012, D("2024-06-01"))
    assert [report.counted(i) for i in (1, 2, 3, 4)] == [
        Decimal(x) for x in ("1.5", "0.5", "0", "1")
    ]
    assert report.explanation(2) == (
        "7 h ÷ 7 h per CEC = 1.0; event Experience 2026: capped at 2 per event, 0.5 left for "
        "this day"
    )
    assert report.explanation(3).endswith("capped at 2 per event, 0.0 left for this day")
    assert report.requirements[0].counted == Decimal("3.0")


def test_an_event_shares_a_kinds_per_entry_cap_too() -> None:
    rules = with_kind(RULES_NOW, "conference", cap=3)
    entries = [
        entry(1, "2024-03-12", kind="conference", hours=2, event="Expo"),
        entry(2, "2024-03-13", kind="conference", hours=2, event="Expo"),  # 1.0 left
        entry(3, "2024-03-13", kind="conference", hours=2, event="Other"),  # its own: 2.0
    ]
    report = evaluate(ledger([("WRT", "2022-06-01")], entries), rules, D("2024-06-01"))
    assert [report.counted(i) for i in (1, 2, 3)] == [2, 1, 2]
    assert report.explanation(2).endswith(
        "event Expo: capped at 3 per conference, 1.0 left for this day"
    )


# --- properties -------------------------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2018, 6, 1), max_value=dt.date(2026, 11, 1))
ROW = st.tuples(
    DAYS,
    st.sampled_from(["online", "course", "conference"]),
    st.decimals(min_value=0, max_value=30, places=1),
    st.sampled_from([None, "A", "B"]),
    st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, max_size=12), st.sampled_from([RULES_2012, RULES_NOW]))
def test_caps_hold_over_random_ledgers(rows: list[Any], base: Rules) -> None:
    rules = with_kind(replace(base, event_cap=Decimal(2)), "online", cycle_cap=3)
    entries = [
        entry(i + 1, day.isoformat(), kind=kind, hours=hours, event=event, planned=planned)
        for i, (day, kind, hours, event, planned) in enumerate(rows)
    ]
    report = evaluate(ledger([("WRT", "2018-06-01")], entries), rules, D("2026-11-22"))
    for result in report.requirements[0].history:
        window = [e for e in entries if result.cycle.start <= e.date <= result.cycle.due]
        online = sum((report.credits[e.id].value for e in window if e.kind == "online"), Decimal(0))
        assert online <= 3
        for name in ("A", "B"):
            got = sum((report.credits[e.id].value for e in window if e.event == name), Decimal(0))
            assert got <= 2
        assert result.counted == sum((report.counted(i) for i in result.counted_ids), Decimal(0))


# --- the command line ---------------------------------------------------------------------------

RULES_FILE = Path(__file__).parent.parent / "rules" / "iicrc.toml"


def capped_rules(tmp: Path) -> Path:
    text = RULES_FILE.read_text(encoding="utf-8")
    text = text.replace("[kinds.online]\n", "[kinds.online]\ncycle_cap = 4\n", 1)
    text = text.replace("[kinds.course]\n", "[kinds.course]\ncycle_min = 4\n", 1)
    assert "cycle_cap = 4" in text and "cycle_min = 4" in text
    path = tmp / "my-rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_list_status_and_events_on_the_command_line(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    capped_rules(tmp_path)
    make_ledger(ledger_path, ("WRT", "2023-09-15"), rules="my-rules.toml")
    assert (
        ceclog("add", "Web 1", "--date", "2024-01-10", "--hours", "2.5", "--kind", "online").code
        == 0
    )
    r = ceclog("add", "Web 2", "--date", "2024-02-10", "--hours", "3.5", "--kind", "online")
    assert r.code == 0, r.err
    assert (
        "counts 1.5 CECs" in r.out and "online credits capped at 4 per cycle: 1.5 of 3.5" in r.out
    )
    assert "version = 1" in ledger_path.read_text()  # no new key used yet
    r = ceclog("export", "--format", "md")
    assert r.code == 0, r.err
    assert "1.5 of 3.5 counted" in r.out  # the transcript shows the capped figure
    listed = {e["id"]: e for e in json.loads(ceclog("list", "--json").out)}
    assert listed[2]["counted"] == 1.5 and "event" not in listed[2]
    req = json.loads(ceclog("status", "--json").out)["requirements"][0]
    assert req["counted"] == 4.0 and not req["met"]
    assert req["kinds"] == [{"kind": "course", "required": 4.0, "counted": 0.0, "remaining": 4.0}]
    out = ceclog("status").out
    assert "at least 4.0 CECs from course entries: 0.0, 4.0 to go" in out
    r = ceclog("add", "Day 1", "--date", "2024-03-12", "--hours", "3", "--event", "Experience 2026")
    assert r.code == 0, r.err
    text = ledger_path.read_text()
    assert 'event = "Experience 2026"' in text and "version = 4" in text
    assert json.loads(ceclog("list", "--json").out)[2]["event"] == "Experience 2026"
    assert ceclog("edit", "3", "--clear", "event").code == 0
    assert "event =" not in ledger_path.read_text()
    assert ceclog("check").code == 0
    assert ceclog("add", "X", "--hours", "1", "--event", " ").code != 0  # empty: refused


def test_rules_show_and_check_say_the_kind_limits(ceclog: Ceclog, tmp_path: Path) -> None:
    path = capped_rules(tmp_path)
    out = ceclog("rules", "show", str(path), ledger=None).out
    assert "at most 4 CECs per cycle" in out and "at least 4 CECs per cycle" in out
    path.write_text(
        path.read_text().replace(
            "[kinds.online]\ncycle_cap = 4\n", "[kinds.online]\ncycle_cap = 4\ncycle_min = 5\n"
        )
    )
    r = ceclog("rules", "check", str(path), ledger=None)
    assert "kind 'online' has cycle_min = 5, more than its cycle_cap = 4" in r.out
