"""`ceclog plan`: what is still needed, what planned classes cover, the pace, the quarter table,
planned entries to fix, and suggestions through the rules.  Every figure worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import docs_pages
from ceclog.core.ledger.models import Certification, Entry, Holder, Ledger
from ceclog.core.reports.plan import plan_report, window
from ceclog.core.reports.suggest import suggest
from ceclog.core.schedule.credits import entry_credit
from ceclog.core.schedule.engine import evaluate
from ceclog.store.rules import load_rules
from conftest import Ceclog, make_ledger, undone

TODAY = "2026-11-30"

# WRT earned 2023-05-10: technician cycle 2023-05-10 to 2027-05-09 (48 months), 14 CECs.
# Counted: 6 h online on 2026-03-10 = 6.0 (in the last 12 months) + 3.5 h on 2024-06-01 = 3.5
# -> 9.5 counted, 4.5 needed.  Planned from today to the due date: a booth visit on 2027-02-20
# (fixed 2.0) and a 1 h workshop on 2027-04-15 (1.0) -> cover 3.0, short 1.5.  Entry 5 is
# planned but dated before today; entry 6 is planned after the due date.
BODY = """
[[entries]]
id = 1
date = 2026-03-10
title = "Drying online"
kind = "online"
hours = 6

[[entries]]
id = 2
date = 2024-06-01
title = "Mold basics"
hours = 3.5

[[entries]]
id = 3
date = 2027-02-20
title = "Booth at the Experience"
kind = "booth"
planned = true

[[entries]]
id = 4
date = 2027-04-15
title = "Meter workshop"
kind = "workshop"
hours = 1
planned = true

[[entries]]
id = 5
date = 2026-10-01
title = "Forgotten webinar"
kind = "online"
hours = 2
planned = true

[[entries]]
id = 6
date = 2027-06-01
title = "Summer conference"
kind = "conference"
hours = 3
planned = true
"""


def _ledger(path: Path) -> Path:
    return make_ledger(path, ("WRT", "2023-05-10"), body=BODY)


def test_plan_figures_by_hand(ceclog: Ceclog, ledger_path: Path) -> None:
    _ledger(ledger_path)
    r = ceclog("plan", "--json", today=TODAY)
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["today"] == TODAY and doc["year"] is None
    (req,) = doc["requirements"]
    assert req["track"] == "technician" and req["certifications"] == ["WRT"]
    assert req["due"] == "2027-05-09"
    assert (req["needed"], req["planned"], req["short"]) == (4.5, 3.0, 1.5)
    # 2026-Q4, 2027-Q1, 2027-Q2: 3 quarters; 4.5 / 3 = 1.5 a quarter; 4.5 x 4 / 3 = 6.0 a
    # year, but never more than the 4.5 needed
    assert (req["quarters_left"], req["per_quarter"], req["per_year"]) == (3, 1.5, 4.5)
    # last 12 months (2025-11-30, 2026-11-30]: 6.0 counted; 4.5 / 6.0 x 365 = 273.75 -> 274
    # days after 2026-11-30 = 2027-08-31
    assert (req["recent"], req["at_recent_pace"]) == (6.0, "2027-08-31")
    assert req["take_by"] == "2027-02-08"  # 90 days (due_soon_days) before the due date
    assert req["sentence"] == (
        "need 4.5 CECs by 2027-05-09; planned classes cover 3.0; 1.5 short: a short online "
        "course or webinar (1.5 hours) before 2027-02-08"
    )
    # the booth in Q1; the workshop in Q2 (the conference on 2027-06-01 is after the due date)
    assert req["quarters"] == [
        {"quarter": "2026-Q4", "planned": 0.0, "needed": 1.5},
        {"quarter": "2027-Q1", "planned": 2.0, "needed": 1.5},
        {"quarter": "2027-Q2", "planned": 1.0, "needed": 1.5},
        {"quarter": "2027-Q3", "planned": 0.0, "needed": None},
    ]
    assert [(p["entry"], p["problem"]) for p in req["problems"]] == [
        (5, "past"),
        (6, "after_due"),
    ]
    assert "`ceclog edit 5 --completed`" in req["problems"][0]["message"]
    assert "`ceclog edit 6 --date YYYY-MM-DD`" in req["problems"][1]["message"]
    assert "suggestions" not in req


def test_plan_text_says_it_in_one_sentence_first(ceclog: Ceclog, ledger_path: Path) -> None:
    _ledger(ledger_path)
    r = ceclog("plan", "--year", "2027", today=TODAY)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[2] == (
        "technician (WRT): need 4.5 CECs by 2027-05-09; planned classes cover 3.0; 1.5 short: "
        "a short online course or webinar (1.5 hours) before 2027-02-08."
    )
    assert lines[3] == (
        "  pace needed: 1.5 CECs a quarter, 4.5 a year (3 quarters left, this one included); "
        "at the pace of the last 12 months (6.0 CECs) it would be reached on 2027-08-31, after "
        "the due date."
    )
    assert lines[5:11] == [
        "Quarter  Planned  Pace needed",
        "-------  -------  -----------",
        "2027-Q1      2.0          1.5",
        "2027-Q2      1.0          1.5",
        "2027-Q3      0.0            -",
        "2027-Q4      0.0            -",
    ]
    assert "\nfix: entry 5 (2026-10-01, Forgotten webinar, 2.0 CECs) is still planned" in r.out


def test_suggest_fills_the_shortfall_in_the_seed_rhythm(ceclog: Ceclog, ledger_path: Path) -> None:
    _ledger(ledger_path)
    before = ledger_path.read_bytes()
    # the four quarters from today: 2026-Q4 (its seed step is the Q4 catch-up, 2 h, shortened
    # to the 1.5 h that count 1.5), dated two weeks from today
    r = ceclog("plan", "--suggest", "--json", today=TODAY)
    assert r.code == 0, r.err
    (req,) = json.loads(r.out)["requirements"]
    assert req["suggestions"] == [
        {
            "date": "2026-12-14",
            "title": "Catch-up: online course",
            "kind": "online",
            "hours": 1.5,
            "credits": None,
            "counts": 1.5,
            "explanation": "1.5 h ÷ 1 h per CEC = 1.5",
        }
    ]
    assert req["unsuggested"] == 0.0
    # --year 2027: only Q1 starts before 2027-02-08; its online course (4.0) and booth visit
    # (2.0) are worth more than the 1.5 short, so the catch-up (2 h) makes it up, shortened to
    # 1.5 h, in Q1
    r = ceclog("plan", "--suggest", "--year", "2027", "--json", today=TODAY)
    (req,) = json.loads(r.out)["requirements"]
    assert [(s["date"], s["title"], s["hours"], s["counts"]) for s in req["suggestions"]] == [
        ("2027-02-08", "Catch-up: online course", 1.5, 1.5)
    ]
    assert ledger_path.read_bytes() == before  # --suggest alone writes nothing


def test_suggest_add_records_planned_entries_in_one_undoable_write(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # counted 7.0 of 14 (one 7 h class), nothing planned: 7.0 short by 2027-05-09
    body = '\n[[entries]]\nid = 1\ndate = 2026-01-10\ntitle = "WRT refresher"\nhours = 7\n'
    make_ledger(ledger_path, ("WRT", "2023-05-10"), body=body)
    before = ledger_path.read_bytes()
    r = ceclog("plan", "--suggest", "--year", "2027", "--json", today=TODAY)
    (req,) = json.loads(r.out)["requirements"]
    # Q1 only (2027-02-08 is 90 days before the due date): online 4 h = 4.0, booth = fixed 2.0,
    # then the seed's catch-up (2 h), shortened to 1 h = 1.0: 7.0 in all
    assert [(s["title"], s["kind"], s["hours"], s["counts"]) for s in req["suggestions"]] == [
        ("Online course", "online", 4.0, 4.0),
        ("Trade-show visit: register at the IICRC booth", "booth", None, 2.0),
        ("Catch-up: online course", "online", 1.0, 1.0),
    ]
    assert req["suggestions"][1]["explanation"] == "booth: fixed 2 CECs"
    assert {s["date"] for s in req["suggestions"]} == {"2027-02-08"}
    r = ceclog("plan", "--suggest", "--add", "--year", "2027", today=TODAY)
    assert r.code == 0, r.err
    assert "recorded 3 suggested classes as planned (entries 2-4); `ceclog undo`" in r.err
    assert "planned classes cover 7.0: nothing short" in r.out
    r = ceclog("list", "--json", today=TODAY)
    entries = json.loads(r.out)
    assert [(e["id"], e["planned"], e["date"]) for e in entries[1:]] == [
        (2, True, "2027-02-08"),
        (3, True, "2027-02-08"),
        (4, True, "2027-02-08"),
    ]
    r = ceclog("status", "--json", today=TODAY)
    assert json.loads(r.out)["requirements"][0]["projected"] == 14.0
    assert ceclog("undo", today=TODAY).code == 0
    assert ledger_path.read_bytes() == undone(before, 4)  # IDs 2-4 stay taken
    # nothing short: --add writes nothing and says so
    ceclog("plan", "--suggest", "--add", "--year", "2027", today=TODAY)
    after = ledger_path.read_bytes()
    r = ceclog("plan", "--suggest", "--add", "--year", "2027", today=TODAY)
    assert "nothing to suggest" in r.err
    assert ledger_path.read_bytes() == after


def test_suggestions_apply_the_event_cap(ceclog: Ceclog, ledger_path: Path) -> None:
    rules = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_text()
    firm = rules.replace('name = "iicrc"', 'name = "firm"').replace(
        "# event_cap = 14 ", "event_cap = 2    "
    )
    assert "\nevent_cap = 2 " in firm
    (ledger_path.parent / "firm.toml").write_text(firm)
    # MWR (master: 14 per 24 months) earned 2025-08-01: cycle to 2027-07-31, nothing counted:
    # 14.0 short; take them by 2027-05-02 (90 days before).  --year 2027: Q1 and Q2 start by
    # then.  Q1: the online course, 4 h = 4.0, capped at 2 per event = 2.0; the booth visit,
    # fixed 2.0.  Q2: manufacturer training, 3 h capped = 2.0.  Then the catch-up (2 h = 2.0)
    # four times in Q2: 2 + 2 + 2 + 4 x 2 = 14.  Dated mid-quarter: 2027-02-15; Q2's 05-15 is
    # after 2027-05-02, so 2027-05-02.
    make_ledger(ledger_path, ("MWR", "2025-08-01"), rules="firm.toml")
    r = ceclog("plan", "--suggest", "--year", "2027", "--json", today=TODAY)
    assert r.code == 0, r.err
    (req,) = json.loads(r.out)["requirements"]
    assert (req["needed"], req["short"], req["take_by"]) == (14.0, 14.0, "2027-05-02")
    catch_up = ("2027-05-02", "Catch-up: online course", 2.0, 2.0)
    assert [(s["date"], s["title"], s["hours"], s["counts"]) for s in req["suggestions"]] == [
        ("2027-02-15", "Online course", 4.0, 2.0),
        ("2027-02-15", "Trade-show visit: register at the IICRC booth", None, 2.0),
        ("2027-05-02", "Manufacturer training", 3.0, 2.0),
        *[catch_up] * 4,
    ]
    assert req["suggestions"][0]["explanation"] == (
        "4 h ÷ 1 h per CEC = 4.0; capped at 2 per event"
    )
    assert (req["unsuggested"], req["later"]) == (0.0, 0.0)
    assert req["sentence"].endswith(
        "14.0 short: about 2 days of classes (14 hours), at least 7 events (at most 2.0 per "
        "event) before 2027-05-02"
    )


def test_due_soon_gets_catch_up_classes_now(ceclog: Ceclog, ledger_path: Path) -> None:
    # the ledger of the first tests on 2027-03-01: 69 days before 2027-05-09, due soon.  The
    # booth visit of 2027-02-20 is past (a problem, not a cover); the 1 h workshop of
    # 2027-04-15 covers 1.0 of the 4.5 needed: 3.5 short.  No time for the year's rhythm: the
    # catch-up, 2 h = 2.0, then 1.5 h = 1.5, both two weeks from today.
    _ledger(ledger_path)
    r = ceclog("plan", "--suggest", "--json", today="2027-03-01")
    (req,) = json.loads(r.out)["requirements"]
    assert (req["needed"], req["planned"], req["short"], req["take_by"]) == (
        4.5,
        1.0,
        3.5,
        "2027-05-09",
    )
    assert [(s["date"], s["title"], s["hours"], s["counts"]) for s in req["suggestions"]] == [
        ("2027-03-15", "Catch-up: online course", 2.0, 2.0),
        ("2027-03-15", "Catch-up: online course", 1.5, 1.5),
    ]
    assert [p["entry"] for p in req["problems"]] == [5, 3, 6]


def test_a_years_share_and_the_rest_for_later(ceclog: Ceclog, ledger_path: Path) -> None:
    # WRT earned 2024-06-01: cycle to 2028-05-31; 5 h counted, 9.0 needed, 2.0 planned (a
    # booth visit on 2027-03-01): 7.0 short.  Quarters left 2026-Q4 to 2028-Q2: 7.  --year
    # 2027: 4 quarters with a pace: 9 x 4 / 7 = 5.14 -> 5.5 a year (per_year), less the 2.0
    # planned in them: 3.5 for 2027, the other 3.5 later.  Q1: the online course (4.0) is more
    # than 3.5: passed over; the booth visit, 2.0; Q2's workshop and Q3's conference (3.0
    # each) are more than the 1.5 left; Q4's catch-up (2 h), shortened to 1.5 h = 1.5.
    body = '\n[[entries]]\nid = 1\ndate = 2025-03-03\ntitle = "Mold"\nhours = 5\n'
    body += '\n[[entries]]\nid = 2\ndate = 2027-03-01\ntitle = "Booth"\nkind = "booth"\n'
    body += "planned = true\n"
    make_ledger(ledger_path, ("WRT", "2024-06-01"), body=body)
    r = ceclog("plan", "--suggest", "--year", "2027", "--json", today=TODAY)
    (req,) = json.loads(r.out)["requirements"]
    assert (req["short"], req["per_quarter"], req["per_year"]) == (7.0, 1.5, 5.5)
    assert [(s["date"], s["title"], s["hours"], s["counts"]) for s in req["suggestions"]] == [
        ("2027-02-15", "Trade-show visit: register at the IICRC booth", None, 2.0),
        ("2027-11-15", "Catch-up: online course", 1.5, 1.5),
    ]
    assert (req["unsuggested"], req["later"]) == (0.0, 3.5)
    r = ceclog("plan", "--suggest", "--year", "2027", today=TODAY)
    assert "the other 3.5 CECs of the shortfall are for the quarters after 2027-Q4" in r.out


def test_plan_met_and_bad_input(ceclog: Ceclog, ledger_path: Path) -> None:
    body = '\n[[entries]]\nid = 1\ndate = 2026-01-10\ntitle = "Big class"\nhours = 14\n'
    make_ledger(ledger_path, ("WRT", "2023-05-10"), body=body)
    r = ceclog("plan", today=TODAY)  # met, but nothing sent: earned is not done
    assert (
        "technician (WRT): 14.0 of 14.0 CECs counted: met, but only 0.0 of the 14.0 CECs are "
        "marked submitted, and the body counts only what it received: send 14.0 more before "
        "2027-05-09 (ceclog export --format eml --unsubmitted --mark-submitted --output "
        "submission.eml, then send that draft)." in r.out
    )
    make_ledger(ledger_path, ("WRT", "2023-05-10"), body=body + "submitted = 2026-02-01\n")
    r = ceclog("plan", today=TODAY)
    assert r.code == 0
    assert (
        "technician (WRT): met: 14.0 of 14.0 CECs counted for the cycle ending 2027-05-09; "
        "nothing more is needed until then." in r.out
    )
    assert "2026-Q4      0.0            -" in r.out
    r = ceclog("plan", "--add", today=TODAY)
    assert r.code == 2 and "use it with --suggest" in r.err
    r = ceclog("plan", "--year", "20x7", today=TODAY)
    assert r.code == 2 and "--year takes a year such as 2027, not '20x7'" in r.err
    # a planned class dated before today: said when it is added
    r = ceclog(
        "add", "Old webinar", "--date", "2026-11-01", "--hours", "1", "--planned", today=TODAY
    )
    assert r.code == 0
    assert (
        "warning: planned entry 2 was due on 2026-11-01: it does not count yet (taken? "
        "ceclog edit 2 --completed; else ceclog rm 2)" in r.err
    )


def test_docs_plan_sample_is_what_ceclog_prints(ceclog: Ceclog, ledger_path: Path) -> None:
    sample = docs_pages.sample("$ ceclog --today 2026-11-30 plan --year 2027\n")
    _ledger(ledger_path)
    r = ceclog("plan", "--year", "2027", today=TODAY)
    assert r.out.split() == sample.split()  # docs/plan.md wraps the long lines
    assert [line for line in r.out.splitlines() if line.startswith(("Quarter", "2027"))] == [
        line for line in sample.splitlines() if line.startswith(("Quarter", "2027"))
    ]


@settings(max_examples=150, deadline=None)
@given(
    earned=st.dates(dt.date(2018, 1, 1), dt.date(2026, 6, 1)),
    today=st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)),
    classes=st.lists(
        st.tuples(st.integers(0, 3000), st.integers(1, 16), st.booleans(), st.booleans()),
        max_size=12,
    ),
    year=st.one_of(st.none(), st.integers(2025, 2030)),
    rules_name=st.sampled_from(["iicrc", "iicrc-2012"]),
)
def test_plan_invariants(
    earned: dt.date,
    today: dt.date,
    classes: list[tuple[int, int, bool, bool]],
    year: int | None,
    rules_name: str,
) -> None:
    """Whatever the ledger: short = needed - planned (never below 0); the pace covers what is
    needed; suggestions are dated from today to the take-by date, each worth what the rules
    say, and together (with what they could not place) at least what the year must bring."""
    rules = load_rules(rules_name).rules
    entries = [
        Entry(
            id=i + 1,
            date=earned + dt.timedelta(days=offset),
            title=f"class {i}",
            kind="booth" if booth else "course",
            hours=Decimal(hours),
            planned=planned,
        )
        for i, (offset, hours, planned, booth) in enumerate(classes)
    ]
    ledger = Ledger(
        version=2,
        holder=Holder(name="T", rules=rules_name, tracking_since=earned),
        certifications=[Certification(code="WRT", earned=earned)],
        entries=entries,
    )
    report = evaluate(ledger, rules, today)
    for plan in plan_report(report, ledger, rules, year):
        assert plan.short == max(Decimal(0), plan.needed - plan.planned)
        assert plan.per_quarter * plan.quarters_left >= plan.needed
        assert plan.per_year <= plan.needed
        with_suggestions = suggest(plan, rules, year)
        total = sum((s.counts for s in with_suggestions.suggestions), Decimal(0))
        assert total + with_suggestions.unsuggested >= (plan.short if plan.short else 0) or (
            plan.due > window(today, year)[-1].end  # a year's share only
        )
        for s in with_suggestions.suggestions:
            assert today <= s.date <= plan.take_by
            entry = Entry(id=1, date=s.date, title=s.title, kind=s.kind, hours=s.hours)
            assert entry_credit(entry, rules).value == s.counts > 0
        if plan.short == 0:
            assert with_suggestions.suggestions == ()


def test_credits_reached_but_a_topic_minimum_not(ceclog: Ceclog, ledger_path: Path) -> None:
    rules = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_text()
    topics = rules.replace('name = "iicrc"', 'name = "topics"').replace(
        "credits = 14\ncycle_months = 48", "credits = 14\ncycle_months = 48\ntopics = { water = 4 }"
    )
    assert "topics = { water = 4 }" in topics
    (ledger_path.parent / "topics.toml").write_text(topics)
    body = '\n[[entries]]\nid = 1\ndate = 2026-01-10\ntitle = "Mold"\nhours = 14\n'
    body += 'topics = ["mold"]\n'
    make_ledger(ledger_path, ("WRT", "2023-05-10"), rules="topics.toml", body=body)
    r = ceclog("plan", "--json", today=TODAY)
    (req,) = json.loads(r.out)["requirements"]
    assert req["needed"] == 0.0
    assert req["sentence"] == (
        "14.0 of 14.0 CECs counted, but the topic minimums are not met: 4.0 in water still "
        "needed by 2027-05-09"
    )
    # the firm's view says the same
    r = ceclog("team", str(ledger_path), "--json", ledger=None, today=TODAY)
    (row,) = json.loads(r.out)["rows"]
    assert (
        row["next_action"]
        == "take 4.0 in water by 2027-05-09 (topic minimums); attach and submit 1 certificate"
    )


def test_team_agrees_with_plan_on_what_planned_classes_cover(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # entry 5 (planned, 2026-10-01) is past: it covers nothing, and the row says so
    _ledger(ledger_path)
    r = ceclog("team", str(ledger_path), "--json", ledger=None, today=TODAY)
    (row,) = json.loads(r.out)["rows"]
    assert (row["planned"], row["projected"]) == (3.0, 12.5)
    assert row["next_action"] == (
        "plan 1.5 CECs by 2027-05-09; 1 planned class past its date: mark taken or move; "
        "attach and submit 2 certificates"
    )
