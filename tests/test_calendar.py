"""`ceclog calendar` and `ceclog team-calendar`: the exact events of a fixture ledger, worked out
by hand, read back with icalendar, with vobject and with a strict RFC 5545 line reader; the same
bytes on every run of a day; an edit changes only the events it concerns."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
import vobject  # type: ignore[import-untyped]

from conftest import Ceclog, make_ledger

# Sam Ortiz, WRT earned 2022-06-01 (technician: 14 CECs every 48 months; iicrc: due soon 90
# days, reinstatement 24 months).  Cycles: 2022-06-01..2026-05-31 (3 h: lapsed, 11.0 missing),
# 2026-06-01..2030-05-31 (7 h counted; 21 h planned on 2027-03-10).  Today 2026-11-22.
BODY = """
[[entries]]
id = 1
date = 2024-05-01
title = "Mold remediation update"
hours = 3

[[entries]]
id = 2
date = 2026-07-10
title = "Water Damage Restoration"
hours = 7

[[entries]]
id = 3
date = 2027-03-10
title = "Applied Structural Drying"
hours = 21
provider = "Restoration Training Co."
planned = true
"""

ME = "2209911.ceclog"
ALARMS = ["-P90D", "-P30D", "-P7D"]
EXPECTED = [  # (UID, day, summary, alarms), by day
    (f"fee-2027@{ME}", "2027-02-28", "Annual renewal fee due", ALARMS),  # 02-29: Feb's last day
    (f"planned-entry-3@{ME}", "2027-03-10", "Planned class: Applied Structural Drying", []),
    (
        f"reinstate-technician-2026-05-31@{ME}",  # lapse 2026-05-31 + 24 months
        "2028-05-31",
        "Last day to renew, else reinstatement: technician (WRT)",
        ALARMS,
    ),
    (
        f"due-soon-technician-2030-05-31@{ME}",
        "2030-03-02",
        "CECs due in 90 days: technician (WRT)",
        [],
    ),
    (f"due-technician-2030-05-31@{ME}", "2030-05-31", "CEC due date: technician (WRT)", ALARMS),
]


@pytest.fixture
def sam(ledger_path: Path) -> Path:
    path = make_ledger(ledger_path, ("WRT", "2022-06-01"), body=BODY)
    text = path.read_text().replace('registrant_id = "1234567"', 'registrant_id = "2209911"')
    text = text.replace('name = "Dana Reyes"', 'name = "Sam Ortiz"\nfee_due = "02-29"')
    path.write_text(text.replace("version = 1", "version = 3"))
    return path


def calendar_bytes(ceclog: Ceclog, *args: str) -> bytes:
    r = ceclog("calendar", *args)
    assert r.code == 0, r.err
    return r.out.encode("utf-8")


def events_of(data: bytes) -> list[tuple[str, str, str, list[str]]]:
    cal = icalendar.Calendar.from_ical(data)
    out = []
    for ev in cal.walk("VEVENT"):
        alarms = [a.decoded("trigger") for a in ev.walk("VALARM")]
        out.append(
            (
                str(ev["uid"]),
                ev.decoded("dtstart").isoformat(),
                str(ev["summary"]),
                [f"-P{-t.days}D" for t in alarms],
            )
        )
    return out


def strict_lines(data: bytes) -> list[str]:
    """A strict RFC 5545 reading: CRLF line ends, physical lines of at most 75 octets, each
    valid UTF-8 (folding never splits a character), unfolded into content lines."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    assert all(b"\r" not in line and b"\n" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical), max(physical, key=len)
    logical: list[str] = []
    for raw in physical:
        line = raw.decode("utf-8")
        if line.startswith((" ", "\t")):
            logical[-1] += line[1:]
        else:
            assert ":" in line, line
            logical.append(line)
    return logical


def components(lines: list[str]) -> list[tuple[str, dict[str, str]]]:
    """Each component (by name) with its properties (name -> value), BEGIN/END balanced."""
    stack: list[tuple[str, dict[str, str]]] = []
    done: list[tuple[str, dict[str, str]]] = []
    for line in lines:
        head, _, value = line.partition(":")
        name = head.split(";")[0].upper()
        if name == "BEGIN":
            stack.append((value, {}))
        elif name == "END":
            assert stack and stack[-1][0] == value, f"END:{value} does not close {stack[-1:]}"
            done.append(stack.pop())
        else:
            assert stack, line
            assert name not in stack[-1][1], f"{name} twice in {stack[-1][0]}"
            stack[-1][1][name] = line
    assert not stack
    return done


def test_the_fixture_ledger_gives_exactly_these_events(ceclog: Ceclog, sam: Path) -> None:
    data = calendar_bytes(ceclog)
    assert events_of(data) == EXPECTED
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["x-wr-calname"]) == "ceclog: Sam Ortiz"
    for ev in cal.walk("VEVENT"):  # all-day, one day long, stamped with the given day
        assert ev.decoded("dtend") - ev.decoded("dtstart") == dt.timedelta(days=1)
        assert ev.decoded("dtstamp") == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    by_uid = {str(ev["uid"]): ev for ev in cal.walk("VEVENT")}
    due = str(by_uid[f"due-technician-2030-05-31@{ME}"]["description"])
    assert "14.0 CECs required for the cycle 2026-06-01 to 2030-05-31; 7.0 counted" in due
    lapse = str(by_uid[f"reinstate-technician-2026-05-31@{ME}"]["description"])
    assert "ended with 11.0 CECs missing; after 2028-05-31" in lapse
    planned = str(by_uid[f"planned-entry-3@{ME}"]["description"])
    assert "with Restoration Training Co.: 21.0 CECs planned" in planned


def test_it_is_valid_rfc5545_for_a_strict_reader_and_for_vobject(ceclog: Ceclog, sam: Path) -> None:
    long_title = "Réparation après sinistre: séchage des structures — " * 3  # folds mid-text
    r = ceclog("add", long_title.strip(), "--date", "2027-04-01", "--hours", "7", "--planned")
    assert r.code == 0, r.err
    data = calendar_bytes(ceclog)
    found = components(strict_lines(data))
    cal = [props for name, props in found if name == "VCALENDAR"]
    assert len(cal) == 1 and {"PRODID", "VERSION"} <= set(cal[0])
    events = [props for name, props in found if name == "VEVENT"]
    assert len(events) == 6
    for props in events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} <= set(props)
        assert props["DTSTART"].startswith("DTSTART;VALUE=DATE:")
    alarms = [props for name, props in found if name == "VALARM"]
    assert len(alarms) == 9 and all({"ACTION", "TRIGGER", "DESCRIPTION"} <= set(a) for a in alarms)
    # vobject, an independent parser, reads the same events
    parsed = vobject.readOne(data.decode("utf-8"))
    seen = sorted((ev.uid.value, ev.dtstart.value.isoformat()) for ev in parsed.vevent_list)
    assert seen == sorted(
        [(u, d) for u, d, _, _ in EXPECTED] + [(f"planned-entry-4@{ME}", "2027-04-01")]
    )
    title = next(ev.summary.value for ev in parsed.vevent_list if "entry-4" in ev.uid.value)
    assert title == "Planned class: " + long_title.strip()


def test_same_bytes_every_run_and_output_writes_them(
    ceclog: Ceclog, sam: Path, tmp_path: Path
) -> None:
    first = calendar_bytes(ceclog)
    assert calendar_bytes(ceclog) == first
    out = tmp_path / "cal" / "ceclog.ics"
    out.parent.mkdir()
    r = ceclog("calendar", "--output", str(out))
    assert r.code == 0 and r.out == "", r.err
    assert out.read_bytes() == first
    assert out.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in out.parent.iterdir()] == ["ceclog.ics"]  # no temp file left
    assert calendar_bytes(ceclog, "--output", str(out)) == b""  # replaced, same bytes
    assert out.read_bytes() == first
    # on 1 March 2027 the next fee is 29 February 2028 (a leap year): a new event
    later = ceclog("calendar", today="2027-03-01").out.encode()
    assert b"DTSTAMP:20270301T000000Z" in later
    assert b"UID:fee-2028@" in later and b"DTSTART;VALUE=DATE:20280229" in later


def _blocks(data: bytes) -> dict[str, bytes]:
    """Each VEVENT's bytes by its UID."""
    out = {}
    for block in data.split(b"BEGIN:VEVENT")[1:]:
        body = block.split(b"END:VEVENT")[0]
        uid = next(line for line in body.split(b"\r\n") if line.startswith(b"UID:"))
        out[uid[4:].decode()] = body
    return out


def test_an_edit_changes_only_the_events_it_concerns(ceclog: Ceclog, sam: Path) -> None:
    before = _blocks(calendar_bytes(ceclog))
    assert ceclog("edit", "3", "--title", "ASD refresher", "--date", "2027-04-02").code == 0
    after = _blocks(calendar_bytes(ceclog))
    assert after.keys() == before.keys()
    changed = {uid for uid in before if before[uid] != after[uid]}
    assert changed == {f"planned-entry-3@{ME}"}
    assert b"SUMMARY:Planned class: ASD refresher" in after[f"planned-entry-3@{ME}"]
    assert b"DTSTART;VALUE=DATE:20270402" in after[f"planned-entry-3@{ME}"]
    # a class taken counts toward the current cycle: only the due-date events change
    assert ceclog("add", "Drying", "--date", "2026-11-01", "--hours", "2").code == 0
    again = _blocks(calendar_bytes(ceclog))
    assert {uid for uid in after if after[uid] != again[uid]} == {
        f"due-technician-2030-05-31@{ME}",
        f"due-soon-technician-2030-05-31@{ME}",
    }


def test_a_removed_planned_class_never_lends_its_uid(ceclog: Ceclog, sam: Path) -> None:
    assert ceclog("rm", "3", "--yes").code == 0  # the highest ID
    assert f"planned-entry-3@{ME}" not in _blocks(calendar_bytes(ceclog))
    r = ceclog("add", "Another class", "--date", "2027-05-01", "--hours", "7", "--planned")
    assert r.code == 0 and r.out.startswith("Entry 4:"), r.out
    uids = _blocks(calendar_bytes(ceclog))
    assert f"planned-entry-4@{ME}" in uids and f"planned-entry-3@{ME}" not in uids


def test_without_registrant_id_the_name_makes_the_uids(ceclog: Ceclog, sam: Path) -> None:
    text = sam.read_text().replace('registrant_id = "2209911"\n', "")
    sam.write_text(text.replace('name = "Sam Ortiz"', 'name = "Sám Ortíz"'))
    uids = list(_blocks(calendar_bytes(ceclog)))
    assert uids and all(u.endswith("@name-sam-ortiz.ceclog") for u in uids), uids


def test_no_calendar_from_a_broken_ledger_and_never_over_it(
    ceclog: Ceclog, sam: Path, ledger_path: Path
) -> None:
    r = ceclog("calendar", "--output", str(ledger_path))
    assert r.code == 1 and "--output names the ledger itself" in r.err
    sam.write_text(sam.read_text().replace("hours = 21", 'hours = "lots"'))
    r = ceclog("calendar")
    assert r.code == 1 and r.out == "" and "error" in r.err


def test_team_calendar(ceclog: Ceclog, sam: Path, tmp_path: Path) -> None:
    folder = sam.parent
    other = make_ledger(folder / "dana.toml", ("WRT", "2023-09-15"), body=BODY)
    (folder / "broken.toml").write_text("[holder]\nname = 3\n")
    out = tmp_path / "team.ics"
    r = ceclog("team-calendar", str(folder), "--output", str(out), ledger=None)
    assert r.code == 0, r.err
    assert "broken.toml" in r.err and "left out" in r.err
    data = out.read_bytes()
    strict_lines(data)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["x-wr-calname"]) == "ceclog: team"
    evs = {str(e["uid"]): str(e["summary"]) for e in cal.walk("VEVENT")}
    assert evs[f"planned-entry-3@{ME}"] == "Sam Ortiz: Planned class: Applied Structural Drying"
    assert evs["planned-entry-3@1234567.ceclog"].startswith("Dana Reyes: Planned class:")
    assert len(evs) == len(EXPECTED) + 3  # Dana: planned, due soon, due (no lapse, no fee)
    days = [e.decoded("dtstart") for e in cal.walk("VEVENT")]
    assert days == sorted(days)
    # the same registrant ID in two ledgers: each keeps its own UIDs
    other.write_text(other.read_text().replace('"1234567"', '"2209911"'))
    r = ceclog("team-calendar", str(folder), ledger=None)
    uids = [str(e["uid"]) for e in icalendar.Calendar.from_ical(r.out.encode()).walk("VEVENT")]
    assert len(uids) == len(set(uids))
    # `ceclog team PATH` is unchanged
    r = ceclog("team", str(folder), "--json", ledger=None)
    assert r.code == 0 and json.loads(r.out)


def test_calendar_and_team_calendar_help(ceclog: Ceclog) -> None:
    for command in ("calendar", "team-calendar"):
        r = ceclog(command, "--help", ledger=None)
        assert r.code == 0 and "--output" in r.out
