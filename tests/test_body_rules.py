"""The rules as the bodies write them (issue 19; the bodies' texts as each rules file cites
them, checked again 2026-12-07): for each body a worked example from its published rule,
through the CLI on the shipped profile, every figure worked out by hand in the docstring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Ceclog, make_ledger


def _entry(n: int, date: str, title: str, extra: str) -> str:
    return f'\n[[entries]]\nid = {n}\ndate = {date}\ntitle = "{title}"\n{extra}\n'


def _status(ceclog: Ceclog, today: str) -> list[dict[str, Any]]:
    r = ceclog("status", "--json", today=today)
    assert r.code == 0, r.err
    return json.loads(r.out)["requirements"]  # type: ignore[no-any-return]


def _topics(req: dict[str, Any]) -> dict[str, tuple[float, float]]:
    return {t["topic"]: (t["counted"], t["remaining"]) for t in req["topics"]}


# --- Florida: a fixed biennium, by 31 July of even years --------------------------------------


def test_florida_assessor_in_the_biennium_ending_2026_07_31(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """Licensed 2019-05-20, ledger kept since 2024-09-01; 14 h taken between 2024-09 and
    2026-03: water 6, mold 4 + 1, standards 2, report writing 1.  Florida renews every licence
    in even years by 31 July, whatever the licence date: the cycle is 2024-08-01 to 2026-07-31
    (not 2025-05-20 to 2027-05-19, and no invented lapse of a cycle 2023-05-20 to 2025-05-19).
    On 2026-06-15: 46 days left, 14.0 of 14.0 counted, but report writing has 1.0 of 2.0: not
    met, due soon."""
    body = (
        _entry(1, "2024-09-12", "Water intrusion", 'hours = 6\ntopics = ["water"]')
        + _entry(2, "2025-02-10", "Mold safety", 'hours = 4\ntopics = ["mold"]')
        + _entry(3, "2025-06-01", "Standards of practice", 'hours = 2\ntopics = ["standards"]')
        + _entry(4, "2025-11-01", "Respirators", 'hours = 1\ntopics = ["safety"]')
        + _entry(5, "2026-03-05", "Writing reports", 'hours = 1\ntopics = ["report"]')
    )
    make_ledger(
        ledger_path, ("MRSA", "2019-05-20"), rules="florida-mold", since="2024-09-01", body=body
    )
    (req,) = _status(ceclog, "2026-06-15")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2024-08-01", "2026-07-31", 46)
    assert (req["required"], req["counted"], req["remaining"]) == (14.0, 14.0, 0.0)
    assert (req["state"], req["met"], req["lapse"]) == ("due_soon", False, None)
    assert _topics(req) == {
        "water": (6.0, 0.0),
        "mold-safety": (5.0, 0.0),
        "report-writing": (1.0, 1.0),
        "standards-of-practice": (2.0, 0.0),
    }
    assert (req["previous"]["cycle_start"], req["previous"]["due"]) == ("2022-08-01", "2024-07-31")
    assert req["previous"]["judged"] is False  # it ended before the ledger was started
    out = ceclog("status", today="2026-06-15").out
    assert "still 1.0 in report-writing" in out


def test_florida_a_first_period_begun_partway_asks_the_full_hours_and_says_why(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """Licensed 2025-03-01, inside the period 2024-08-01 to 2026-07-31: no source says what such
    a licensee owes at the first renewal, so ceclog asks the full 14 hours (the earlier
    deadline) and says the profile does not know."""
    make_ledger(ledger_path, ("MRSA", "2025-03-01"), rules="florida-mold", since="2025-03-01")
    (req,) = _status(ceclog, "2025-06-01")
    assert (req["cycle_start"], req["due"], req["required"]) == ("2024-08-01", "2026-07-31", 14.0)
    (notice,) = req["notices"]
    assert notice.startswith(
        "you were first certified on 2025-03-01, partway through the period 2024-08-01 to "
        "2026-07-31: the florida-mold profile does not know what the body asks in such a first "
        "period (UNCONFIRMED: "
    )
    assert notice.endswith(
        "so ceclog asks the full 14.0 hours, the earlier deadline; check your renewal notice"
    )


def test_florida_exempt_after_ten_years_of_licensure(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """Licensed 2014-03-01, nothing taken: on 2026-06-15, 0 of 14 with 46 days left, due soon.
    From 1 July 2024 a licensee who has held the licence continuously for 10 years without
    discipline owes none (SB 382): recorded with the fact it rests on, the requirement is
    exempt, with the reason, in status, JSON and team, and no deadline is in the calendar.  A
    licensee of 2019-05-20 cannot record it before 2029-05-20."""
    make_ledger(ledger_path, ("MRSA", "2014-03-01"), rules="florida-mold", since="2024-09-01")
    (req,) = _status(ceclog, "2026-06-15")
    assert (req["state"], req["exempt"]) == ("due_soon", None)
    fact = "licensed continuously since 2014-03-01, no discipline"
    r = ceclog("holder", "--exempt", "ten-years", "--fact", fact, today="2026-06-15")
    assert r.code == 0, r.err
    assert "Recorded the exemption ten-years, in force from 2026-06-15." in r.out
    (req,) = _status(ceclog, "2026-06-15")
    assert req["state"] == "exempt"
    assert (req["exempt"]["name"], req["exempt"]["fact"], req["exempt"]["since"]) == (
        "ten-years",
        fact,
        "2026-06-15",
    )
    r = ceclog("status", "--check", today="2026-06-15")
    assert r.code == 0
    assert "licence (MRSA)  2024-08-01 to 2026-07-31          -" in r.out
    assert "licence: exempt since 2026-06-15 (ten-years: " in r.out
    assert "No deadline is owed" in r.out and "still needed" not in r.out
    (row,) = json.loads(ceclog("team", str(ledger_path), "--json", today="2026-06-15").out)["rows"]
    assert (row["state"], row["due"], row["days_left"]) == ("exempt", None, None)
    assert row["next_action"].startswith("exempt since 2026-06-15 (ten-years: ")
    calendar = ceclog("calendar", today="2026-06-15").out
    assert "BEGIN:VEVENT" not in calendar  # no deadline, no planned class: nothing to remind
    young = tmp_path / "young.toml"
    make_ledger(young, ("MRSA", "2019-05-20"), rules="florida-mold", since="2024-09-01")
    r = ceclog("holder", "--exempt", "ten-years", "--fact", fact, ledger=young, today="2026-06-15")
    assert r.code == 1
    assert "exemption ten-years applies only from 2029-05-20" in r.err


# --- Texas: per licence, one 4-hour course, due on the anniversary ----------------------------


def test_texas_worker_needs_one_course_of_four_hours_by_the_anniversary(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """A remediation worker registered 2024-03-01: the registration expires on the second
    anniversary, 2026-03-01 (the last valid day), and needs one course of 4 hours within it,
    not two of 2.  On 2025-06-01 (273 days left), two 2-hour courses: 4.0 of 4.0 hours, not
    met; one 4-hour course on 2025-07-01 meets it.  The next cycle starts 2026-03-02."""
    body = _entry(1, "2024-06-01", "Worker update 1", "hours = 2") + _entry(
        2, "2024-09-01", "Worker update 2", "hours = 2"
    )
    make_ledger(
        ledger_path, ("MRW", "2024-03-01"), rules="texas-mold", since="2024-03-01", body=body
    )
    (req,) = _status(ceclog, "2025-06-01")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2024-03-01", "2026-03-01", 273)
    assert (req["required"], req["counted"], req["remaining"], req["met"]) == (4.0, 4.0, 0.0, False)
    assert req["course"] == {"required_hours": 4.0, "longest_hours": 2.0, "met": False}
    out = ceclog("status", today="2025-06-01").out
    assert "worker: one class of at least 4.0 hours: the longest counted is 2.0, not yet" in out
    assert "still one class of 4.0 hours" in out
    r = ceclog("add", "Worker course", "--date", "2025-07-01", "--hours", "4", today="2025-07-02")
    assert r.code == 0, r.err
    (req,) = _status(ceclog, "2025-07-02")
    assert (req["met"], req["course"]["met"]) == (True, True)
    (later,) = _status(ceclog, "2026-03-02")
    assert (later["cycle_start"], later["due"]) == ("2026-03-02", "2028-03-01")


def test_texas_a_worker_class_does_not_count_toward_a_consultant_licence(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """A worker (MRW) who is also a mold assessment consultant (MAC), both from 2024-03-01: a
    4-hour worker course (for MRW) counts toward MRW only, "in the subject area for which the
    renewal is sought"; MAC has 0 of 8.  A 2-hour class naming no licence counts toward none
    until its licence is named (before: toward both, each in full)."""
    body = _entry(1, "2024-06-01", "Worker course", 'hours = 4\ncertifications = ["MRW"]')
    body += _entry(2, "2024-09-01", "Mold update", "hours = 2")
    make_ledger(
        ledger_path,
        ("MRW", "2024-03-01"),
        ("MAC", "2024-03-01"),
        rules="texas-mold",
        since="2024-03-01",
        body=body,
    )
    reqs = {r["certifications"][0]: r for r in _status(ceclog, "2025-06-01")}
    assert (reqs["MRW"]["counted"], reqs["MRW"]["met"]) == (4.0, True)
    assert (reqs["MAC"]["counted"], reqs["MAC"]["remaining"]) == (0.0, 8.0)
    listed = {e["id"]: e for e in json.loads(ceclog("list", "--json", today="2025-06-01").out)}
    assert listed[2]["counted"] == 0.0
    assert "it names no certification, and you hold MRW, MAC" in listed[2]["explanation"]
    found = json.loads(ceclog("check", "--json", today="2025-06-01").out)
    assert "which-certification" in {f["code"] for f in found}
    assert ceclog("edit", "2", "--cert", "MAC", today="2025-06-01").code == 0
    reqs = {r["certifications"][0]: r for r in _status(ceclog, "2025-06-01")}
    assert (reqs["MRW"]["counted"], reqs["MAC"]["counted"]) == (4.0, 2.0)


# --- ACAC: a flat field credit on attestation ----------------------------------------------


def test_acac_flat_field_credit_and_professional_development(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """CIEC from 2024-03-01: the term 2024-03-01 to 2026-02-28, 40 credits, of which 10 field
    experience and 30 professional development.  The attestation of being active in the field
    gives the flat 10 (hours of field work count 0: ACAC does not credit them); 15 + 8 = 23
    hours of PD courses.  On 2025-12-01: 33.0 of 40.0, field experience 10 of 10, PD 23 of 30
    (7.0 to go), 89 days left: due soon."""
    body = (
        _entry(1, "2024-05-01", "IAQ conference", 'hours = 15\ntopics = ["pd"]')
        + _entry(2, "2024-08-01", "Site work", 'kind = "field"\nhours = 120')
        + _entry(3, "2025-01-15", "Active in the field", 'kind = "attestation"')
        + _entry(4, "2025-05-01", "Sampling course", 'hours = 8\ntopics = ["pd"]')
    )
    make_ledger(ledger_path, ("CIEC", "2024-03-01"), rules="acac", since="2024-03-01", body=body)
    (req,) = _status(ceclog, "2025-12-01")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2024-03-01", "2026-02-28", 89)
    assert (req["required"], req["counted"], req["remaining"]) == (40.0, 33.0, 7.0)
    assert _topics(req) == {
        "field-experience": (10.0, 0.0),
        "professional-development": (23.0, 7.0),
    }
    assert req["state"] == "due_soon"
    listed = {e["id"]: e["counted"] for e in json.loads(ceclog("list", "--json").out)}
    assert (listed[2], listed[3]) == (0.0, 10.0)


# --- RIA: 48 contact hours per 3 years from 1 July, set by the CR date -----------------------


def test_ria_cr_holder_three_years_from_the_first_july(ceclog: Ceclog, ledger_path: Path) -> None:
    """WLS earned 2021-08-01, CR 2023-03-15: the cycle starts on the first 1 July after CR,
    2023-07-01, and ends 2026-06-30.  A 3-day course (19.5 h, 2024-05-01) and a 12 h course
    (2025-02-01): 31.5 of 48, 16.5 to go, 211 days left on 2025-12-01; two full years passed,
    so the pace is 48 x 24/36 = 32 > 31.5: behind."""
    body = _entry(1, "2024-05-01", "Applied microbial remediation", "hours = 19.5") + _entry(
        2, "2025-02-01", "Structural drying", "hours = 12"
    )
    make_ledger(
        ledger_path,
        ("WLS", "2021-08-01"),
        ("CR", "2023-03-15"),
        rules="ria",
        since="2021-08-01",
        body=body,
    )
    (req,) = _status(ceclog, "2025-12-01")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2023-07-01", "2026-06-30", 211)
    assert (req["required"], req["counted"], req["remaining"]) == (48.0, 31.5, 16.5)
    assert req["state"] == "behind"


# --- what an independent check of 39 scenarios found -----------------------------------------


def test_acac_a_course_counts_toward_professional_development_untagged(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """CIEC from 2024-10-01: an attestation (10 field experience) and 10 + 12 + 8 h of courses
    that name no topic: 40.0 of 40.0, professional development 30 of 30, met (they counted
    toward no minimum, and status asked for 30 hours more of professional development)."""
    body = (
        _entry(1, "2025-03-01", "Indoor air quality seminar", "hours = 10")
        + _entry(2, "2025-10-01", "Sampling course", "hours = 12")
        + _entry(3, "2026-05-01", "Conference sessions", "hours = 8")
        + _entry(4, "2026-06-01", "Field attestation", 'kind = "attestation"')
    )
    make_ledger(ledger_path, ("CIEC", "2024-10-01"), rules="acac", since="2024-10-01", body=body)
    (req,) = _status(ceclog, "2026-08-15")
    assert (req["counted"], req["met"]) == (40.0, True)
    assert _topics(req) == {
        "field-experience": (10.0, 0.0),
        "professional-development": (30.0, 0.0),
    }


def test_acac_field_hours_and_a_misspelt_topic_are_said_when_added(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("CIEC", "2024-10-01"), rules="acac", since="2024-10-01")
    r = ceclog("add", "Site work", "--kind", "field", "--hours", "120", today="2025-01-10")
    assert r.code == 0, r.err
    assert "field counts nothing under these rules: hours of field work" in r.out
    assert "warning: entry 1 is of kind field, which counts nothing" in r.err
    r = ceclog("add", "Seminar", "--hours", "3", "--topic", "profesional", today="2025-01-10")
    assert "warning: entry 2's topic 'profesional' counts toward none" in r.err


def test_florida_the_ten_years_must_hold_for_every_licence_covered(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """MRSA since 2012-01-10 and MRSR since 2021-05-01, one requirement for both: the remediator
    licence is held 10 years only on 2031-05-01, and it still renews with continuing
    education (the rule is per licence): the exemption is refused until then, naming it."""
    make_ledger(
        ledger_path,
        ("MRSA", "2012-01-10"),
        ("MRSR", "2021-05-01"),
        rules="florida-mold",
        since="2024-09-01",
    )
    r = ceclog("holder", "--exempt", "ten-years", "--fact", "MRSA since 2012", today="2026-04-01")
    assert r.code == 1
    assert (
        "exemption ten-years applies only from 2031-05-01 (MRSR, earned 2021-05-01, is held 10 "
        "years then: every certification the requirement covers must be)" in r.err
    )


def test_florida_classes_are_not_nagged_to_be_sent_30_days_on(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """Florida publishes no submission address: certificates go with the renewal, so a class of
    2024-09-12 is not 'not submitted after 30 days' in 2025; near the due date (2026-07-31)
    the requirement, once met, is to submit."""
    body = _entry(1, "2024-09-12", "Water intrusion", 'hours = 14\ntopics = ["water"]')
    make_ledger(
        ledger_path, ("MRSA", "2024-08-01"), rules="florida-mold", since="2024-08-01", body=body
    )
    r = ceclog("status", today="2025-03-01")
    assert "not submitted after 30 days" not in r.err
    found = json.loads(ceclog("check", "--json", today="2025-03-01").out)
    assert "unsubmitted" not in {f["code"] for f in found}
