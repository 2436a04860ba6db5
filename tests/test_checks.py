"""Every check, triggered: each code of `ceclog.core.ledger.findings.CODES` has a ledger below that
makes `ceclog check --json` report it (a new check without a case here fails the last test).
Also: `check CODE...` runs only those, `check --list`, and `status` summarising by code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceclog.core.ledger.findings import CODES
from conftest import Ceclog, make_ledger, write

SHA = "ab" * 32
HEAD = """\
version = 1

[holder]
name = "D"
tracking_since = 2020-01-01
{holder}
[[certifications]]
code = "WRT"
earned = 2023-09-15
{certs}
"""


def entry(n: int = 1, extra: str = "", date: str = "2026-11-01", hours: str = "hours = 2") -> str:
    return f'\n[[entries]]\nid = {n}\ndate = {date}\ntitle = "Class {n}"\n{hours}\n{extra}\n'


SUBMITTED = "submitted = 2026-11-02\n[[entries.evidence]]\n" + (
    f'file = "evidence/a.pdf"\nname = "a.pdf"\nsha256 = "{SHA}"\n'
)
OK = "submitted = 2026-11-02\n"  # an entry that triggers nothing else (evidence aside)
ENDED = '\n[[certifications]]\ncode = "ASD"\nearned = 2024-01-01\nended = 2023-01-01\n'

EXEMPTION = '\n[[exemptions]]\nname = "ten-years"\nfact = "no discipline"\nsince = 2026-01-01\n'
ASSERTION = '\n[[assertions]]\ndate = 2026-11-10\ntrack = "technician"\nposted = 5\n'

RULES_DIR = Path(__file__).parent.parent / "rules"

# code -> (holder keys, extra certifications, entries); today is 2026-11-22
CASES: dict[str, tuple[str, str, str]] = {
    "unreadable": ("", "", ""),
    "toml-syntax": ("", "", "\n[[entries]\n"),
    "unknown-key": ("colour = 1\n", "", ""),
    "missing-key": ("", "", '\n[[entries]]\nid = 1\ntitle = "No date"\nhours = 1\n'),
    "invalid-value": ("", "", entry(hours="hours = -1")),
    "duplicate": ("", "", entry(1, OK) + entry(1, OK)),
    "version": ("", "", "VERSION3"),
    "rules-file": ('rules = "no-such-profile"\n', "", ""),
    "unknown-code": ("", '\n[[certifications]]\ncode = "XYZ"\nearned = 2020-01-01\n', ""),
    "unknown-kind": ("", "", entry(1, OK + 'kind = "seminar"')),
    "no-amount": ("", "", entry(1, OK, hours="")),
    "ended-before-earned": ("", ENDED, ""),
    "notice-before-earned": ("cec_due = 2023-01-01\ncec_due_noted = 2023-01-01\n", "", ""),
    "evidence-missing": ("", "", entry(1, SUBMITTED)),
    "evidence-changed": ("", "", entry(1, SUBMITTED)),
    "evidence-refused": ("", "", entry(1, SUBMITTED)),
    "future-certification": ("", '\n[[certifications]]\ncode = "ASD"\nearned = 2027-01-01\n', ""),
    "not-held": ("", "", entry(1, OK + 'certifications = ["ASD"]')),
    "future-entry": ("", "", entry(1, "", date="2026-12-01")),
    "planned-past": ("", "", entry(1, "planned = true", date="2026-11-01")),
    "tracking-in-future": ("", "", "TRACKING"),
    "notice-not-noted": ("cec_due = 2027-09-14\n", "", ""),
    "noted-in-future": ("cec_due = 2027-09-14\ncec_due_noted = 2026-12-01\n", "", ""),
    "unused-cec-due": ("", "", "CERT_DUE"),
    "no-requirement": ("", "", "NO_REQUIREMENT"),
    "date-in-future": ("", "", entry(1, "submitted = 2026-12-01")),
    "date-order": ("", "", entry(1, "submitted = 2026-10-01")),
    "planned-submitted": ("", "", entry(1, "planned = true\nsubmitted = 2026-11-02", "2026-12-01")),
    "late-planned": ("", "", entry(1, "planned = true\nfor_cycle = 2023-09-14", "2026-12-01")),
    "late-entry-moved": ("", "", entry(1, OK + "for_cycle = 2020-06-30")),
    "late-entry-inside": ("", "", entry(1, OK + "for_cycle = 2027-09-14")),
    "late-in-future": ("", "", entry(1, "for_cycle = 2026-11-01", date="2026-12-01")),
    "unsubmitted": ("", "", entry(1, "", date="2026-09-01")),
    "no-evidence": ("", "", entry(1, OK)),
    "duplicate-entry": ("", "", entry(1, OK) + entry(2, OK).replace("Class 2", "class  1")),
    "duplicate-certificate": (
        "",
        "",
        entry(1, SUBMITTED) + entry(2, SUBMITTED, "2026-11-02").replace("Class 2", "Class 1"),
    ),
    "topic-hours-over": ("", "", entry(1, OK + "topic_hours = { water = 1.5, odor = 1 }")),
    "unknown-topic": ("", "", "FLORIDA"),
    "which-certification": ("", "", "PER_CERTIFICATION"),
    "unknown-exemption": ("", "", EXEMPTION),
    "exemption-not-yet": ("", "", "TEN_YEARS"),
    "assertion-failed": ("", "", entry(1, OK + "posted = 2026-11-03") + ASSERTION),
}


def ledger_for(code: str, path: Path) -> Path:
    holder, certs, body = CASES[code]
    text = HEAD.format(holder=holder, certs=certs)
    if body == "VERSION3":
        text = text.replace("version = 1", "version = 99")
    elif body == "TRACKING":
        text = text.replace("tracking_since = 2020-01-01", "tracking_since = 2027-01-01")
    elif body == "CERT_DUE":
        text = text.replace("earned = 2023-09-15", "earned = 2023-09-15\ncec_due = 2027-01-01")
    elif body == "FLORIDA":  # rules with topic minimums; "moisture" is none of them
        text = text.replace('code = "WRT"', 'code = "MRSA"').replace(
            "[holder]", '[holder]\nrules = "florida-mold"'
        )
        text += entry(1, OK + 'topics = ["water", "moisture"]')
    elif body == "PER_CERTIFICATION":  # a class counted for one licence, naming none of two
        rules = (RULES_DIR / "texas-mold.toml").read_text(encoding="utf-8")
        flag = 'pool = "certification"\nentries_per_certification = true'
        if "entries_per_certification" not in rules:
            rules = rules.replace('pool = "certification"', flag)
        (path.parent / "per-cert.toml").write_text(rules, encoding="utf-8")
        text = text.replace('code = "WRT"', 'code = "MAC"').replace(
            "[holder]", '[holder]\nrules = "per-cert.toml"'
        )
        text += '\n[[certifications]]\ncode = "MRC"\nearned = 2023-09-15\n' + entry(1, OK)
    elif body == "TEN_YEARS":  # allowed after 10 years held: WRT earned 2023-09-15, not yet
        rules = (RULES_DIR / "iicrc.toml").read_text(encoding="utf-8")
        rules += '\n[exemptions.ten-years]\ndescription = "10 years held"\nheld_years = 10\n'
        (path.parent / "ten.toml").write_text(rules, encoding="utf-8")
        text = text.replace("[holder]", '[holder]\nrules = "ten.toml"') + EXEMPTION
    elif body == "NO_REQUIREMENT":
        text = text.replace('code = "WRT"', 'code = "MRS"')
    else:
        text += body
    path.write_text(text, encoding="utf-8")
    if code == "unreadable":  # not UTF-8
        path.write_bytes(text.encode() + b"# \xff\xfe\n")
    if code == "evidence-changed":
        (path.parent / "evidence").mkdir()
        (path.parent / "evidence" / "a.pdf").write_bytes(b"not the attached file")
    if code == "evidence-refused":  # a link out of the folder, to a file inside tmp_path
        (path.parent / "evidence").mkdir()
        (path.parent / "outside.pdf").write_bytes(b"not the attached file")
        (path.parent / "evidence" / "a.pdf").symlink_to(path.parent / "outside.pdf")
    return path


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_check_is_triggered_with_its_code(
    code: str, ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger_for(code, ledger_path)
    r = ceclog("check", "--json")
    found = json.loads(r.out)
    assert code in {f["code"] for f in found}, found
    finding = next(f for f in found if f["code"] == code)
    assert finding["severity"] == CODES[code].severity
    assert finding["file"] == str(ledger_path)
    assert r.code == (1 if any(f["severity"] == "error" for f in found) else 0)


def test_every_code_has_a_case() -> None:
    assert sorted(CASES) == sorted(CODES)


def test_check_codes_runs_only_those(ceclog: Ceclog, ledger_path: Path) -> None:
    write(
        ledger_path,
        HEAD.format(holder="", certs="")
        + entry(1, "", date="2026-09-01")  # unsubmitted, no-evidence
        + entry(2, "submitted = 2026-10-01", date="2026-10-05"),  # date-order, no-evidence
    )
    everything = {f["code"] for f in json.loads(ceclog("check", "--json").out)}
    assert everything == {"unsubmitted", "no-evidence", "date-order"}
    r = ceclog("check", "date-order", "UNSUBMITTED", "--json")
    assert [f["code"] for f in json.loads(r.out)] == ["unsubmitted", "date-order"]  # by line
    r = ceclog("check", "date-order")
    assert r.code == 0
    assert r.out.splitlines() == [
        f"{ledger_path}:24: warning: entry 2 is submitted 2026-10-01, before the class (2026-10-05)"
    ]
    r = ceclog("check", "date-ordr")
    assert r.code == 2
    assert "no check has the code 'date-ordr'" in r.err and "did you mean date-order?" in r.err


def test_check_list_names_every_code(ceclog: Ceclog) -> None:
    rows = json.loads(ceclog("check", "--list", "--json").out)
    assert [r["code"] for r in rows] == list(CODES)
    text = ceclog("check", "--list").out
    assert "unsubmitted" in text and "a completed entry not submitted 30 days" in text


def test_status_summarises_warnings_by_code(ceclog: Ceclog, ledger_path: Path) -> None:
    write(
        ledger_path,
        HEAD.format(holder="", certs="")
        + entry(1, "", date="2026-09-01")
        + entry(2, "submitted = 2026-10-01", date="2026-10-05")
        + entry(3, "submitted = 2026-10-01", date="2026-10-06"),
    )
    r = ceclog("status")
    assert r.code == 0
    assert r.err.splitlines() == [  # in the order of the registry of checks
        "warning: 2 findings of date-order (submitted or posted before the class, or posted "
        "before submitted): ceclog check date-order",
        "warning: 1 completed entry is not submitted after 30 days: ceclog export --format eml "
        "--cycle all --unsubmitted --mark-submitted --output submission.eml, then send that draft",
        "warning: 3 completed entries have no certificate attached: ceclog attach ID FILE",
    ]
    warnings = json.loads(ceclog("status", "--json").out)["warnings"]
    assert {w["code"] for w in warnings} == {"unsubmitted", "no-evidence", "date-order"}


def test_unsubmitted_from_the_thirty_first_day(ceclog: Ceclog, ledger_path: Path) -> None:
    """Today 2026-11-22: a class of 2026-10-23 (30 days ago) is not yet late to submit, one of
    2026-10-22 (31 days) is; a planned one never is."""
    write(
        ledger_path,
        HEAD.format(holder="", certs="")
        + entry(1, "", date="2026-10-23")
        + entry(2, "", date="2026-10-22")
        + entry(3, "planned = true", date="2026-10-01"),
    )
    found = json.loads(ceclog("check", "unsubmitted", "--json").out)
    assert [(f["line"], f["message"], f["hint"]) for f in found] == [
        (
            19,
            "entry 2 (2026-10-22) is not submitted after 31 days",
            "send it: ceclog export --format eml --cycle all --unsubmitted --mark-submitted "
            "--output submission.eml, then send that draft (or, if already sent: ceclog submit 2 "
            "--on DATE)",
        )
    ]


def test_a_finding_worded_later_says_what_one_worded_now_says() -> None:
    """`Finding.later` words a finding only when it is read (status only counts them): it is
    equal to the finding worded at once, a located copy is still worded once, when read."""
    from ceclog.core.ledger.findings import Finding
    from ceclog.errors import Location

    calls: list[int] = []

    def words(entry_id: int) -> tuple[str, str]:
        calls.append(entry_id)
        return f"entry {entry_id} has no evidence", f"ceclog attach {entry_id} FILE"

    later = Finding.later("no-evidence", ("entries", 6), words, 7)
    located = later._replace(where=Location("ledger.toml", 40))
    assert calls == [] and located.path == ("entries", 6) and later.where is None
    assert str(located) == (
        "ledger.toml:40: warning: entry 7 has no evidence\n  hint: ceclog attach 7 FILE"
    )
    now = Finding("no-evidence", "entry 7 has no evidence", ("entries", 6), "ceclog attach 7 FILE")
    assert later == now and hash(later) == hash(now) and later != located
    assert (later.message, later.hint, calls) == (now.message, now.hint, [7, 7])
    assert later._replace(strict=True).severity == "error" and later.severity == "warning"
    assert later._replace(message="other").message == "other" and calls == [7, 7]


def test_checked_splits_the_findings_by_their_severity() -> None:
    """`Checked.errors` and `.warnings` split the findings as each one's severity says: the
    registry's, or an error for a warning `check --strict` counts as one."""
    import datetime as dt

    from ceclog.core.checks.ledger import Checked
    from ceclog.core.ledger.findings import Finding

    found = [Finding(code, f"a finding of {code}") for code in CODES]
    found.append(Finding("assertion-failed", "strict", strict=True))
    checked = Checked(found, None, None, dt.date(2026, 11, 22))  # type: ignore[arg-type]
    errors = [f.code for f in found if CODES[f.code].severity == "error"] + ["assertion-failed"]
    assert [f.code for f in checked.errors] == errors
    assert [f.severity for f in checked.errors] == ["error"] * len(errors)
    assert [f.code for f in checked.warnings] == [
        code for code in CODES if CODES[code].severity == "warning"
    ]
    assert {f.severity for f in checked.warnings} == {"warning"}


def test_credits_stated_in_another_unit_than_the_hours_are_counted_as_stated_with_a_word(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """A new user's report: "21 classroom hours / 3 CECs" counts 3.0 (the credits as stated),
    where the same class typed with --hours 21 counts 21.0 under 1 CEC = 1 hour, and nothing
    said so.  Credits under half or over twice what the hours make get a warning with the edit
    that counts the hours; 8 contact hours for 7 CECs (breaks included) get none."""
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    r = ceclog("add", "AMRT", "--date", "2026-09-18", "--hours", "21", "--credits", "3")
    assert r.code == 0 and "counts 3.0 CECs: 3 CECs as stated on the certificate" in r.out
    assert r.err.splitlines()[-1] == (
        "warning: entry 1 states 3 CECs for 21 h; at 1 h per CEC the hours make 21.0. ceclog "
        "counts the 3 stated (the IICRC's earlier unit was 1 CEC = 7 hours); if your body counts "
        "the hours: ceclog edit 1 --credits 21.0"
    )
    r = ceclog("add", "Drying day", "--date", "2026-09-19", "--hours", "8", "--credits", "7")
    assert r.code == 0 and "states" not in r.err
    r = ceclog("edit", "2", "--credits", "16.5")
    assert "warning: entry 2 states 16.5 CECs for 8 h; at 1 h per CEC the hours make 8.0." in r.err
