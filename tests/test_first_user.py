"""Defects a new user found in their first hour: a summary after `add` that said `on track` for
an overdue technician, a class of 0 hours taken without a word, messages that named the wrong
mistake, an export marked submitted although it went into a pipe, an email that announced
certificates it did not attach."""

from __future__ import annotations

from pathlib import Path

from conftest import Ceclog, make_ledger


def _eve(ceclog: Ceclog) -> None:
    """Eve: WRT earned 2022-10-01, so 14.0 CECs were due by 2026-09-30 and none were taken."""
    assert ceclog("init", "--name", "Eve", today="2023-01-15").code == 0
    assert ceclog("cert", "add", "WRT", "--earned", "2022-10-01", today="2023-01-15").code == 0


def test_add_and_edit_show_an_overdue_requirement_as_status_does(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """5 h on 2024-03-01 count toward the cycle 2022-10-01..2026-09-30, which ended unmet:
    5.0 of 14.0, 9.0 short, OVERDUE; the current cycle 2026-10-01..2030-09-30 has 0.0."""
    _eve(ceclog)
    r = ceclog("add", "Drying basics", "--date", "2024-03-01", "--hours", "5", today="2026-12-07")
    assert r.code == 0, r.err
    assert r.out.splitlines()[2:] == [
        "  technician, LAPSED cycle 2022-10-01 to 2026-09-30: 5.0 of 14.0 CECs counted, "
        "9.0 remaining, was due 2026-09-30 (OVERDUE)",
        "  technician, current cycle 2026-10-01 to 2030-09-30: 0.0 of 14.0 CECs counted, "
        "14.0 remaining, due 2030-09-30 (on track)",
    ]
    status = ceclog("status", today="2026-12-07").out
    assert "technician: LAPSED cycle  2022-10-01 to 2026-09-30" in status
    r = ceclog("edit", "1", "--hours", "6", today="2026-12-07")
    assert r.code == 0, r.err
    assert r.out.splitlines()[2] == (
        "  technician, LAPSED cycle 2022-10-01 to 2026-09-30: 6.0 of 14.0 CECs counted, "
        "8.0 remaining, was due 2026-09-30 (OVERDUE)"
    )


def test_a_class_of_0_hours_or_0_credits_is_warned_about_but_a_booth_visit_is_not(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    _eve(ceclog)
    r = ceclog("add", "Drying basics", "--date", "2026-11-01", "--hours", "0", today="2026-12-07")
    assert r.code == 0, r.err
    assert "  counts 0.0 CECs: 0 h ÷ 1 h per CEC = 0.0" in r.out
    assert (
        "warning: entry 1 has 0 hours, so it counts nothing: did you mean to record it as "
        "planned (ceclog edit 1 --planned), or give its hours (ceclog edit 1 --hours N)?"
    ) in r.err
    r = ceclog("add", "Mold", "--date", "2026-11-02", "--credits", "0", today="2026-12-07")
    assert "warning: entry 2 has 0 credits, so it counts nothing" in r.err
    r = ceclog("edit", "2", "--credits", "1", today="2026-12-07")
    assert r.code == 0 and "counts nothing" not in r.err, r.err
    # a booth visit counts its fixed 2.0 CECs with no hours, or 0 hours, given
    for n, extra in ((3, ()), (4, ("--hours", "0"))):
        r = ceclog("add", "Booth", "--kind", "booth", "--date", "2026-11-03", *extra)
        assert r.code == 0 and r.err == "", r.err
        assert r.out.splitlines()[:2] == [
            f"Entry {n}: 2026-11-03 Booth",
            "  counts 2.0 CECs: booth: fixed 2 CECs",
        ]


def test_submit_says_not_both_only_when_both_are_given(ceclog: Ceclog, ledger_path: Path) -> None:
    _eve(ceclog)
    assert ceclog("add", "Drying", "--date", "2026-11-01", "--hours", "2").code == 0
    r = ceclog("submit")
    assert (r.code, r.err.splitlines()[0]) == (2, "error: give entry IDs or --all")
    r = ceclog("submit", "1", "--all")
    assert (r.code, r.err.splitlines()[0]) == (2, "error: give entry IDs or --all, not both")
    assert "submitted" not in ledger_path.read_text()


def test_mark_submitted_into_a_pipe_is_refused_and_nothing_is_marked(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """`export --format csv --unsubmitted --mark-submitted | head -2` marked 3 entries submitted
    although the export was thrown away: not a terminal, yet no file either."""
    _eve(ceclog)
    for n in (1, 2, 3):
        assert ceclog("add", f"Class {n}", "--date", f"2026-10-0{n}", "--hours", "2").code == 0
    before = ledger_path.read_bytes()
    r = ceclog("export", "--format", "csv", "--unsubmitted", "--mark-submitted")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "error: --mark-submitted marks entries sent, but this export would only go to standard "
        "output (the screen or a pipe): give --output FILE.csv and send that file\n"
        "  hint: ceclog export --format csv --unsubmitted --mark-submitted "
        "--output submission.csv\n"
    )
    assert ledger_path.read_bytes() == before
    out = ledger_path.parent / "submission.csv"
    r = ceclog("export", "--format", "csv", "--unsubmitted", "--mark-submitted", "-o", str(out))
    assert r.code == 0, r.err
    assert r.err.endswith("marked 3 entries submitted on 2026-11-22\n")
    assert ledger_path.read_text().count("submitted = 2026-11-22") == 3


def test_the_email_says_what_it_attaches_and_lists_entries_without_a_certificate_in_order(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """Entries 3, 1, 2 by date, none with a certificate: the email attaches only the
    transcript, and says so; once entry 1 has one, it says the transcript and 1 certificate."""
    _eve(ceclog)
    assert ceclog("holder", "--registrant-id", "123").code == 0
    for title, date in (("B", "2026-03-01"), ("C", "2026-05-01"), ("A", "2026-01-01")):
        assert ceclog("add", title, "--date", date, "--hours", "2").code == 0
    out = ledger_path.parent / "x.eml"
    r = ceclog("export", "--format", "eml", "--cycle", "all", "--attach", "csv", "-o", str(out))
    assert r.code == 0, r.err
    assert r.err.splitlines()[0] == (
        "warning: entries 1, 2 and 3 have no certificate attached: the body may not credit them "
        "without one (ceclog attach ID FILE)"
    )
    body = out.read_bytes()
    assert b"Please find attached the continuing-education transcript of:\r\n" in body
    assert b"certificates" not in body
    (ledger_path.parent / "c.pdf").write_bytes(b"%PDF-1.4 x")
    assert ceclog("attach", "1", str(ledger_path.parent / "c.pdf")).code == 0
    r = ceclog("export", "--format", "eml", "--cycle", "all", "--attach", "csv", "-o", str(out))
    assert r.err.splitlines()[0] == (
        "warning: entries 2 and 3 have no certificate attached: the body may not credit them "
        "without one (ceclog attach ID FILE)"
    )
    body = out.read_bytes()
    assert b"Please find attached the continuing-education transcript and 1 certificate of:" in body


def _broken(path: Path, hours: str, date: str) -> dict[str, int]:
    """A ledger whose entry 1 has `hours` and entry 2 `date`; the line of each."""
    body = f'\n[[entries]]\nid = 1\ndate = 2026-01-01\ntitle = "A"\nhours = {hours}\n'
    body += f'\n[[entries]]\nid = 2\ndate = {date}\ntitle = "B"\nhours = 2\n'
    lines = make_ledger(path, ("WRT", "2022-10-01"), body=body).read_text().splitlines()
    return {"hours": lines.index(f"hours = {hours}") + 1, "date": lines.index(f"date = {date}") + 1}


def test_a_ledger_with_several_errors_points_to_check_and_an_impossible_date_is_named(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    line = _broken(ledger_path, "-14", '"2026-11-31"')
    r = ceclog("status")
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        f"error: {ledger_path}:{line['hours']}: entry 1: hours: must be at least 0, got -14 "
        "(and 1 more problem)\n  hint: run `ceclog check` to see all 2 problems\n"
    )
    _broken(ledger_path, "14", '"2026-11-31"')
    r = ceclog("status")
    assert r.err == (
        f"error: {ledger_path}:{line['date']}: entry 2: date: must be a date, got "
        '"2026-11-31"\n'
        "  hint: 2026-11-31 does not exist (November 2026 has 30 days): write a date that does, "
        "without quotes, like 2026-11-30\n"
    )
    _broken(ledger_path, "14", '"2026-11-20"')
    assert ceclog("status").err.endswith(
        "  hint: write a TOML date without quotes, like 2024-03-15\n"
    )
