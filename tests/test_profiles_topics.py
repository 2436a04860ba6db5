"""Topic minimums with hours split between topics (`topic_hours`, ledger format 5) and topic
aliases in the rules; the shipped florida-mold and acac profiles, each with a worked example
computed by hand (rules/*.toml say where each fact comes from, with its source)."""

from __future__ import annotations

import json
from pathlib import Path

from ceclog.core.ledger.models import LEDGER_VERSION
from ceclog.core.ledger.rules_refs import rules_problems
from ceclog.store import migrations
from conftest import Ceclog, make_ledger


def _status(ceclog: Ceclog, today: str) -> list[dict[str, object]]:
    r = ceclog("status", "--json", today=today)
    assert r.code == 0, r.err
    requirements: list[dict[str, object]] = json.loads(r.out)["requirements"]
    return requirements


def _topics(req: dict[str, object]) -> dict[str, tuple[float, float]]:
    rows = req["topics"]
    assert isinstance(rows, list)
    return {t["topic"]: (t["counted"], t["remaining"]) for t in rows}


def _entry(i: int, date: str, title: str, extra: str) -> str:
    return f'\n[[entries]]\nid = {i}\ndate = {date}\ntitle = "{title}"\n{extra}\n'


def test_florida_mold_one_requirement_split_hours_and_aliases(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """MRSA earned 2024-08-01 (the first day of the fixed period 2024-08-01 to 2026-07-31:
    Florida renews every even year by 31 July) and MRSR 2025-06-01: one requirement (pool =
    holder), 14 h.  A 6 h class split water = 4, mold = 2; 2 h tagged "report", 2 h
    "standards", 4 h "safety".  Counted 6 + 2 + 2 + 4 = 14.0 of 14.0, but water has 4 of 6
    (mold and safety both count toward mold-safety: 2 + 4 = 6 of 4): not met.  Without the
    split ceclog divides the 6 h class itself: mold-safety already has 4 of 4 from the
    respirator class, so all 6 go to water, and the cycle is met.  On 2025-12-01: 242 days
    left (to 2026-07-31), on track."""
    body = (
        _entry(
            1, "2025-03-01", "Water and mold", "hours = 6\ntopic_hours = { water = 4, mold = 2 }"
        )
        + _entry(2, "2025-04-01", "Writing reports", 'hours = 2\ntopics = ["report"]')
        + _entry(3, "2025-05-01", "Standards", 'hours = 2\ntopics = ["standards"]')
        + _entry(4, "2025-07-01", "Respirators", 'hours = 4\ntopics = ["safety"]')
    )
    make_ledger(
        ledger_path, ("MRSA", "2024-08-01"), ("MRSR", "2025-06-01"), rules="florida-mold", body=body
    )
    (req,) = _status(ceclog, "2025-12-01")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2024-08-01", "2026-07-31", 242)
    assert (req["required"], req["counted"], req["state"]) == (14.0, 14.0, "on_track")
    assert _topics(req) == {
        "water": (4.0, 2.0),
        "mold-safety": (6.0, 0.0),
        "report-writing": (2.0, 0.0),
        "standards-of-practice": (2.0, 0.0),
    }
    # without topic_hours ceclog divides the entry's value so that the least is missing: the
    # 6 h go to water (mold-safety is met by entry 4), each hour counted once
    text = ledger_path.read_text().replace(
        "topic_hours = { water = 4, mold = 2 }", 'topics = ["water", "mold"]'
    )
    ledger_path.write_text(text)
    (req,) = _status(ceclog, "2025-12-01")
    assert _topics(req)["water"] == (6.0, 0.0) and req["state"] == "met"
    assert _topics(req)["mold-safety"] == (4.0, 0.0)


def test_acac_two_credit_categories(ceclog: Ceclog, ledger_path: Path) -> None:
    """CIEC earned 2024-03-01: a term 2024-03-01 to 2026-02-28, 40 credits, of which 10 field
    experience and 30 professional development.  Field experience is a flat 10 credits on
    attestation: 10 h of site visits recorded as kind `field` count 0 (capped at 0); the
    attestation counts 10; a second one in the same term 0 (cycle_cap 10).  A 20 h conference
    ("pd"), an 8 h workshop with pd = 5 (the other 3 h count toward the total only) and a
    class stating 2 credits with pd = 5 (its topic part cannot exceed the 2 it counts).
    Counted 0 + 10 + 0 + 20 + 8 + 2 = 40.0 of 40.0; field experience 10.0; professional
    development 20 + 5 + 2 = 27.0, 3.0 to go: not met, and with 89 days left on 2025-12-01,
    due soon."""
    cert = '\ncertifications = ["CIEC"]'
    body = (
        _entry(1, "2024-05-01", "Site visits", 'kind = "field"\nhours = 10\ntopics = ["fe"]' + cert)
        + _entry(2, "2024-06-01", "Still active", 'kind = "attestation"\ntopics = ["fe"]' + cert)
        + _entry(3, "2025-01-01", "Attested again", 'kind = "attestation"\ntopics = ["fe"]' + cert)
        + _entry(4, "2024-09-01", "Conference", 'hours = 20\ntopics = ["pd"]' + cert)
        + _entry(5, "2025-02-01", "Workshop", "hours = 8\ntopic_hours = { pd = 5 }" + cert)
        + _entry(6, "2025-06-01", "Webinar", "credits = 2\ntopic_hours = { pd = 5 }" + cert)
    )
    make_ledger(ledger_path, ("CIEC", "2024-03-01"), rules="acac", body=body)
    (req,) = _status(ceclog, "2025-12-01")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2024-03-01", "2026-02-28", 89)
    assert (req["required"], req["counted"], req["state"]) == (40.0, 40.0, "due_soon")
    assert _topics(req) == {
        "field-experience": (10.0, 0.0),
        "professional-development": (27.0, 3.0),
    }
    rows = json.loads(ceclog("list", "--json", today="2025-12-01").out)
    counted = [(row["id"], row["counted"]) for row in rows]
    assert counted == [(1, 0.0), (2, 10.0), (4, 20.0), (3, 0.0), (5, 8.0), (6, 2.0)]
    how = {row["id"]: row["explanation"] for row in rows}
    assert how[1] == (
        "10 h ÷ 1 h per credit = 10.0; field counts nothing under these rules: hours of field "
        "work: not credited by ACAC (record the attestation instead)"
    )
    assert how[2] == "attestation: fixed 10 credits"
    assert how[3] == (
        "attestation: fixed 10 credits; attestation credits capped at 10 per cycle: 0.0 of 10.0 "
        "counted"
    )


def test_topic_hours_on_the_command_line_and_format_5(ceclog: Ceclog, ledger_path: Path) -> None:
    """`add --topic-hours` records the split (the file becomes version 5 with it); `edit`
    replaces it; `edit --clear topic_hours` removes it."""
    make_ledger(ledger_path, ("MRSA", "2024-08-01"), rules="florida-mold")
    add = ("add", "Water and mold", "--date", "2025-03-01", "--hours", "6")
    r = ceclog(*add, "--topic-hours", "water=4", "--topic-hours", "mold=2", today="2025-12-01")
    assert r.code == 0, r.err
    text = ledger_path.read_text()
    assert "version = 5" in text and "water = 4" in text and "mold = 2" in text
    (req,) = _status(ceclog, "2025-12-01")
    assert _topics(req)["water"] == (4.0, 2.0) and _topics(req)["mold-safety"] == (2.0, 2.0)
    assert ceclog("edit", "1", "--topic-hours", "water=6", today="2025-12-01").code == 0
    (req,) = _status(ceclog, "2025-12-01")
    assert _topics(req)["water"] == (6.0, 0.0) and _topics(req)["mold-safety"] == (0.0, 4.0)
    assert ceclog("edit", "1", "--clear", "topic_hours", today="2025-12-01").code == 0
    assert "topic_hours" not in ledger_path.read_text()
    r = ceclog(*add, "--topic-hours", "water", today="2025-12-01")
    assert r.code != 0 and "TOPIC=HOURS" in r.err


def test_version_4_to_5() -> None:
    assert LEDGER_VERSION >= 5
    assert migrations.upgrade({"version": 4}, "", Path("x")) == {"version": LEDGER_VERSION}
    assert migrations.version_needed({"entries": [{"topic_hours": {"water": 4}}]}) == 5
    assert migrations.version_needed({"entries": [{"event": "Expo"}]}) == 4


def test_a_topic_alias_must_name_a_track_topic() -> None:
    data = {
        "tracks": [{"name": "t", "topics": {"water": 6}}],
        "topic_aliases": {"wet": "water", "mold": "mold-safety", "water": "water"},
    }
    problems = [message for _, message, _ in rules_problems(data)]
    assert problems == [
        "topic alias 'mold' names 'mold-safety', which no track has a minimum for",
        "topic alias 'water' is itself a topic of a track",
    ]


def test_iicrc_and_florida_are_two_ledgers_one_firm_view(ceclog: Ceclog, tmp_path: Path) -> None:
    """One person, two bodies: a ledger per body (each names its own profile, its own ID and
    its own submission), read together by `team`.  The same 6 h water class is recorded in
    both: under iicrc it is 6.0 CECs of 14 (WRT earned 2023-05-10, cycle to 2027-05-09); under
    florida-mold 6 h of 14 with water = 6 (MRSA earned 2024-08-01: the period 2026-08-01 to
    2028-07-31)."""
    folder = tmp_path / "dana"
    folder.mkdir()
    iicrc = make_ledger(
        folder / "iicrc.toml",
        ("WRT", "2023-05-10"),
        body=_entry(1, "2026-09-02", "Water damage", "hours = 6"),
    )
    florida = make_ledger(
        folder / "florida.toml",
        ("MRSA", "2024-08-01"),
        rules="florida-mold",
        body=_entry(1, "2026-09-02", "Water damage", 'hours = 6\ntopics = ["water"]'),
    )
    florida.write_text(
        florida.read_text().replace('registrant_id = "1234567"', 'registrant_id = "MRSA4711"')
    )
    r = ceclog("team", str(folder), "--json", ledger=None, today="2026-11-30")
    assert r.code == 0, r.err
    rows = {row["file"].rsplit("/", 1)[-1]: row for row in json.loads(r.out)["rows"]}
    assert (rows["iicrc.toml"]["track"], rows["iicrc.toml"]["counted"]) == ("technician", 6.0)
    assert (rows["florida.toml"]["due"], rows["florida.toml"]["counted"]) == ("2028-07-31", 6.0)
    assert rows["florida.toml"]["duplicates"] == [] and rows["iicrc.toml"]["duplicates"] == []
    r = ceclog("status", "--json", ledger=florida, today="2026-11-30")
    (req,) = json.loads(r.out)["requirements"]
    assert _topics(req)["water"] == (6.0, 0.0)
    assert iicrc.exists()


def test_status_names_the_minimums_still_short_when_the_total_is_there(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """Florida, MRSA earned 2024-08-01 (the period to 2026-07-31): 6 h split water 4 / mold 2,
    then 8 h on no topic: 14 of 14 hours, but water 4 of 6, mold-safety 2 of 4, report-writing
    and standards 0 of 2.  On 2026-06-20, 41 days are left."""
    body = _entry(1, "2026-03-02", "Water", "hours = 6\ntopic_hours = { water = 4, mold = 2 }")
    body += _entry(2, "2026-04-02", "Other", "hours = 8")
    make_ledger(ledger_path, ("MRSA", "2024-08-01"), rules="florida-mold", body=body)
    r = ceclog("status", today="2026-06-20")
    assert (
        "licence: the 14.0 hours are counted, but not every minimum is met by 2026-07-31 (in 41 "
        "days): still 2.0 in water, 2.0 in mold-safety, 2.0 in report-writing, 2.0 in "
        "standards-of-practice." in r.out
    )


def test_event_names_match_as_a_person_means_them(ceclog: Ceclog, ledger_path: Path) -> None:
    """iicrc-2012: 7 h = 1.0, at most 2 per event; "Expo" and "expo " are one event: four
    7 h days count 1.0 + 1.0 + 0 + 0 = 2.0."""
    body = "".join(
        _entry(i, f"2026-03-0{i}", f"Day {i}", f'hours = 7\nevent = "{name}"')
        for i, name in enumerate(["Expo", "Expo", "expo ", "EXPO"], 1)
    )
    make_ledger(ledger_path, ("WRT", "2024-02-01"), rules="iicrc-2012", body=body)
    (req,) = _status(ceclog, "2026-11-30")
    assert req["counted"] == 2.0
