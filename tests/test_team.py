"""`ceclog team`: a firm's folder of ledgers read as the owner would, on real files.

Figures worked out by hand from rules/iicrc.toml (1 CEC = 1 hour, steps of 0.5, 14 CECs every
48 months for technicians and 24 for masters, due soon within 90 days, pace in 12-month steps),
on 2026-11-30:

- ana (WRT 2024-03-01): cycle 2024-03-01..2028-02-29, 14 h counted: met, 456 days left.
- ben (WRT 2025-06-01): cycle to 2029-05-31; 1 full year, pace 14 x 12/48 = 3.5; 4 h counted
  (not submitted) >= 3.5: on track; 3 h planned: projected 7.0, 7.0 still to plan.  His
  "conflicted copy" is the same ledger under another name: both rows are flagged.
- cara (WRT 2024-06-01): cycle to 2028-05-31; 2 full years, pace 7.0; 5 h counted: behind.
- dev (WRT 2023-01-15): cycle to 2027-01-14, 45 days left: due soon; 10 counted + 4 planned.
- eve (MWR 2024-05-10): master cycle 2024-05-10..2026-05-09 ended with 6 of 14: overdue,
  renewal by email before 2028-05-09 (+24 months); current cycle to 2028-05-09, 526 days.
- finn (MRS only): no requirement.
- hana/ledger.toml (ASD 2022-12-01, rules from her own folder): cycle to 2026-11-30, 0 days
  left; 7 h + a booth visit (fixed 2, not submitted) = 9.0: due soon, 5.0 to plan.
- broken.toml: an unknown kind, an error row at its line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import Ceclog, make_ledger

TODAY = "2026-11-30"
ROOT = Path(__file__).resolve().parents[1]
CECLOG = str(Path(sys.executable).parent / "ceclog")


def ledger(name: str, rid: str, code: str, earned: str, *entries: str, rules: str = "iicrc") -> str:
    text = (
        f'version = 1\n\n[holder]\nname = "{name}"\nregistrant_id = "{rid}"\nrules = "{rules}"\n'
        f'tracking_since = 2020-01-01\n\n[[certifications]]\ncode = "{code}"\nearned = {earned}\n'
    )
    for i, entry in enumerate(entries, 1):
        text += f"\n[[entries]]\nid = {i}\n{entry}\n"
    return text


def make_team(folder: Path) -> Path:
    """The firm's shared folder: eight technicians' ledgers (one in a subfolder), a conflicted
    copy, a broken ledger, and what must be passed over."""
    folder.mkdir(parents=True, exist_ok=True)
    c = 'date = {}\ntitle = "{}"\nhours = {}'
    sent = "\nsubmitted = {}".format
    files = {
        "ana.toml": ledger(
            "Ana Lima",
            "1001",
            "WRT",
            "2024-03-01",
            c.format("2025-01-10", "Water restoration", 14) + sent("2025-01-20"),
        ),
        "ben.toml": ledger(
            "Ben Okafor",
            "1002",
            "WRT",
            "2025-06-01",
            c.format("2026-02-01", "Odor control", 4),
            c.format("2027-03-01", "Drying webinar", 3) + "\nplanned = true",
        ),
        "cara.toml": ledger(
            "Cara Nguyen",
            "1003",
            "WRT",
            "2024-06-01",
            c.format("2025-03-03", "Mold basics", 5) + sent("2025-03-10"),
        ),
        "dev.toml": ledger(
            "Dev Patel",
            "1004",
            "WRT",
            "2023-01-15",
            c.format("2024-05-05", "Structural drying", 10) + sent("2024-05-20"),
            c.format("2026-12-10", "Fire and smoke", 4) + "\nplanned = true",
        ),
        "eve.toml": ledger(
            "Eve Martin",
            "1005",
            "MWR",
            "2024-05-10",
            c.format("2025-01-01", "Advanced drying", 6) + sent("2025-01-05"),
        ),
        "finn.toml": ledger("Finn Berg", "1006", "MRS", "2022-02-02"),
        "broken.toml": ledger(
            "Gil Ross",
            "1007",
            "WRT",
            "2023-09-15",
            c.format("2024-02-09", "Seminar", 3) + '\nkind = "seminar"',
        ),
        "hana/ledger.toml": ledger(
            "Hana Sato",
            "1008",
            "ASD",
            "2022-12-01",
            c.format("2023-05-01", "ASD refresher", 7) + sent("2023-05-02"),
            'date = 2026-10-01\ntitle = "IICRC booth"\nkind = "booth"',
            rules="firm-rules.toml",
        ),
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text)
    shutil.copy(folder / "ben.toml", folder / "ben (conflicted copy 2026-11-20).toml")
    shutil.copy(ROOT / "rules" / "iicrc.toml", folder / "hana" / "firm-rules.toml")
    # never reports: backups, broken copies, locks, temp files, evidence, .git, non-ledger TOML
    shutil.copy(folder / "ana.toml", folder / "ana.toml.bak")
    shutil.copy(folder / "ana.toml", folder / "ana.toml.bak-20261120T101010")
    shutil.copy(folder / "broken.toml", folder / "broken.toml.broken-20261120T101010")
    (folder / ".ana.toml.lock").write_text("")
    (folder / ".ana.toml.abcd1234.tmp").write_text(files["ana.toml"])
    for sub in ("evidence", ".git"):
        (folder / sub).mkdir()
        shutil.copy(folder / "ana.toml", folder / sub / "copy.toml")
    (folder / "pyproject.toml").write_text('[project]\nname = "not-a-ledger"\n')
    return folder


@pytest.fixture
def team_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_team(tmp_path / "team")


def run(ceclog: Ceclog, *args: str) -> tuple[int, str, str]:
    r = ceclog(*args, ledger=None, today=TODAY)
    return r.code, r.out, r.err


# Eve's lapse (the cycle 2024-05-10 to 2026-05-09, 6.0 of 14.0): 8.0 short, 205 days overdue
EVE_ALERT = (
    "at risk: Eve Martin (team/eve.toml): overdue since 2026-05-09 (205 days), 8.0 CECs short "
    "for the cycle 2024-05-10 to 2026-05-09; renew by email before 2028-05-09"
)
BEN_ACTION = "plan 7.0 CECs by 2029-05-31; attach and submit 1 certificate"
ROWS = [  # (file, name, due, days_left, counted, remaining, state, next_action)
    (
        "team/broken.toml",
        None,
        None,
        None,
        None,
        None,
        "error",
        "did you mean course? kinds: course, online, webinar, workshop, event, conference, "
        "booth, other",
    ),
    (
        "team/eve.toml",
        "Eve Martin",
        "2028-05-09",
        526,
        0.0,
        14.0,
        "overdue",
        "lapsed: take 8.0 CECs for the cycle ending 2026-05-09 and renew by email before "
        "2028-05-09; plan 14.0 CECs by 2028-05-09",
    ),
    (
        "team/hana/ledger.toml",
        "Hana Sato",
        "2026-11-30",
        0,
        9.0,
        5.0,
        "due_soon",
        "plan 5.0 CECs by 2026-11-30; attach and submit 1 certificate",
    ),
    (
        "team/dev.toml",
        "Dev Patel",
        "2027-01-14",
        45,
        10.0,
        4.0,
        "due_soon",
        "take the planned classes before 2027-01-14",
    ),
    (
        "team/cara.toml",
        "Cara Nguyen",
        "2028-05-31",
        548,
        5.0,
        9.0,
        "behind",
        "plan 9.0 CECs by 2028-05-31",
    ),
    (
        "team/ben (conflicted copy 2026-11-20).toml",
        "Ben Okafor",
        "2029-05-31",
        913,
        4.0,
        10.0,
        "on_track",
        "same registrant ID as team/ben.toml: a copy? keep one; " + BEN_ACTION,
    ),
    (
        "team/ben.toml",
        "Ben Okafor",
        "2029-05-31",
        913,
        4.0,
        10.0,
        "on_track",
        "same registrant ID as team/ben (conflicted copy 2026-11-20).toml: a copy? keep one; "
        + BEN_ACTION,
    ),
    (
        "team/ana.toml",
        "Ana Lima",
        "2028-02-29",
        456,
        14.0,
        0.0,
        "met",
        "nothing until the cycle ending 2028-02-29 ends",
    ),
    (
        "team/finn.toml",
        "Finn Berg",
        None,
        None,
        None,
        None,
        "none",
        "no certification with a requirement is held",
    ),
]
COUNTS = {"error": 1, "overdue": 1, "due_soon": 2, "behind": 1, "on_track": 2, "met": 1, "none": 1}


def test_rows_in_order_of_urgency_with_every_figure(ceclog: Ceclog, team_dir: Path) -> None:
    code, out, _ = run(ceclog, "team", "team", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["today"] == TODAY and doc["counts"] == COUNTS
    got = [
        (
            r["file"],
            r["name"],
            r["due"],
            r["days_left"],
            r["counted"],
            r["remaining"],
            r["state"],
            r["next_action"],
        )
        for r in doc["rows"]
    ]
    assert got == ROWS
    broken = doc["rows"][0]
    assert broken["error"] == (
        "team/broken.toml:18: entry 1 has kind 'seminar', unknown to the iicrc rules"
    )
    assert doc["rows"][5]["duplicates"] == ["team/ben.toml"]
    assert doc["rows"][6]["duplicates"] == ["team/ben (conflicted copy 2026-11-20).toml"]
    eve = doc["rows"][1]
    assert eve == {
        "file": "team/eve.toml",
        "name": "Eve Martin",
        "registrant_id": "1005",
        "certifications": ["MWR"],
        "track": "master",
        "cycle_start": "2026-05-10",
        "due": "2028-05-09",
        "days_left": 526,
        "required": 14.0,
        "counted": 0.0,
        "remaining": 14.0,
        "planned": 0.0,
        "projected": 0.0,
        "unsubmitted": 0.0,
        "state": "overdue",
        "next_action": ROWS[1][7],
        "error": None,
        "duplicates": [],
        "lapse": {
            "cycle_start": "2024-05-10",
            "due": "2026-05-09",
            "required": 14.0,
            "counted": 6.0,
            "remaining": 8.0,
            "days_overdue": 205,
            "reinstate_by": "2028-05-09",
        },
        "to_submit": None,
        "exempt": None,
    }
    ben = doc["rows"][6]
    assert (ben["planned"], ben["projected"], ben["unsubmitted"]) == (3.0, 7.0, 4.0)
    assert doc["rows"][3]["planned"] == 4.0 and doc["rows"][3]["projected"] == 14.0


def test_table_and_footer(ceclog: Ceclog, team_dir: Path) -> None:
    code, out, err = run(ceclog, "team", "team")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"ceclog team: 9 ledgers read; today {TODAY}"
    names = [line.split("  ")[0] for line in lines[4:13]]
    assert names == [
        "team/broken.toml",
        "Eve Martin",
        "Hana Sato",
        "Dev Patel",
        "Cara Nguyen",
        "Ben Okafor",
        "Ben Okafor",
        "Ana Lima",
        "Finn Berg",
    ]
    assert "OVERDUE" in lines[5] and "2028-05-09" in lines[5]
    assert lines[-1] == (
        "1 error, 1 overdue, 2 due soon, 1 behind, 2 on track, 1 met, 1 no requirement; "
        "7 technicians in 9 files"
    )
    assert "1 of 9 ledgers could not be read or is invalid" in err


def test_csv_for_an_hr_system(ceclog: Ceclog, team_dir: Path) -> None:
    (team_dir / "finn.toml").write_text(
        ledger("=HYPERLINK(1)", "@1006", "MRS", "2022-02-02")
    )  # a name a spreadsheet would run
    code, out, _ = run(ceclog, "team", "team", "--format", "csv", "--at-risk")
    assert code == 0
    head = (
        "file,name,registrant_id,certifications,track,cycle_start,due,days_left,required,"
        "counted,remaining,planned,projected,unsubmitted,state,next_action,error,lapse_due,"
        "days_overdue,lapse_missing,reinstate_by,to_send,send_by,exempt"
    )
    expected = [
        head,
        "team/broken.toml,,,,,,,,,,,,,,error,did you mean course? kinds: course, online, "
        "webinar, workshop, event, conference, booth, other,team/broken.toml:18: entry 1 has "
        "kind 'seminar', unknown to the iicrc rules",
        "team/eve.toml,Eve Martin,1005,MWR,master,2026-05-10,2028-05-09,526,14.0,0.0,14.0,0.0,"
        f"0.0,0.0,overdue,{ROWS[1][7]},,2026-05-09,205,8.0,2028-05-09,,,",
        "team/hana/ledger.toml,Hana Sato,1008,ASD,technician,2022-12-01,2026-11-30,0,14.0,9.0,"
        "5.0,0.0,9.0,2.0,due_soon,plan 5.0 CECs by 2026-11-30; attach and submit 1 certificate,"
        ",,,,,,,",
        "team/dev.toml,Dev Patel,1004,WRT,technician,2023-01-15,2027-01-14,45,14.0,10.0,4.0,4.0,"
        "14.0,0.0,due_soon,take the planned classes before 2027-01-14,,,,,,,,",
        "team/cara.toml,Cara Nguyen,1003,WRT,technician,2024-06-01,2028-05-31,548,14.0,5.0,9.0,"
        "0.0,5.0,0.0,behind,plan 9.0 CECs by 2028-05-31,,,,,,,,",
    ]
    # the broken row's action has commas: quoted, as the error is
    expected[1] = (
        'team/broken.toml,,,,,,,,,,,,,,error,"did you mean course? kinds: course, online, '
        'webinar, workshop, event, conference, booth, other","team/broken.toml:18: entry 1 '
        "has kind 'seminar', unknown to the iicrc rules\",,,,,,,"
    )
    assert out == "\ufeff" + "".join(line + "\r\n" for line in expected)
    code, out, _ = run(ceclog, "team", "team/finn.toml", "--format", "csv")
    assert out.splitlines()[1].startswith("team/finn.toml,'=HYPERLINK(1),'@1006,MRS,,,,,")


def test_filters(ceclog: Ceclog, team_dir: Path) -> None:
    def files(*args: str) -> list[str]:
        code, out, _ = run(ceclog, "team", "team", "--json", *args)
        assert code == 0
        return [r["file"].removeprefix("team/") for r in json.loads(out)["rows"]]

    assert files("--at-risk") == [
        "broken.toml",
        "eve.toml",
        "hana/ledger.toml",
        "dev.toml",
        "cara.toml",
    ]
    # overdue is within any window: its lapsed cycle's due date has passed
    assert files("--due-within", "45") == [
        "broken.toml",
        "eve.toml",
        "hana/ledger.toml",
        "dev.toml",
    ]
    assert files("--due-within", "0") == ["broken.toml", "eve.toml", "hana/ledger.toml"]
    assert files("--cert", "mwr") == ["broken.toml", "eve.toml"]  # error rows hide nothing
    _, out, _ = run(ceclog, "team", "team", "--at-risk")
    assert out.splitlines()[-1] == (
        "1 error, 1 overdue, 2 due soon, 1 behind; 4 technicians in 5 files "
        "(of 9 read; the others are filtered out)"
    )


@pytest.mark.parametrize(
    ("names", "flags", "code", "stderr"),
    [
        (["ana", "ben"], [], 0, []),
        (["ana", "cara"], [], 3, ["at risk: Cara Nguyen (team/cara.toml): behind, due 2028-05-31"]),
        (["dev"], [], 3, ["at risk: Dev Patel (team/dev.toml): due soon, due 2027-01-14"]),
        (
            ["cara", "eve"],
            [],
            4,
            [EVE_ALERT, "at risk: Cara Nguyen (team/cara.toml): behind, due 2028-05-31"],
        ),
        (["ana", "broken"], [], 0, []),
        (
            ["ana", "broken"],
            ["--strict"],
            1,
            ["error: team/broken.toml:18: entry 1 has kind 'seminar', unknown to the iicrc rules"],
        ),
        (
            ["eve", "broken"],
            ["--strict"],
            4,
            [
                "error: team/broken.toml:18: entry 1 has kind 'seminar', unknown to the iicrc "
                "rules",
                EVE_ALERT,
            ],
        ),
    ],
)
def test_check_exit_codes_for_cron(
    ceclog: Ceclog, team_dir: Path, names: list[str], flags: list[str], code: int, stderr: list[str]
) -> None:
    args = [f"team/{n}.toml" for n in names]
    got, _, err = run(ceclog, "team", "--check", *flags, *args)
    assert got == code
    assert [line for line in err.splitlines() if not line.startswith("warning:")] == stderr


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    return {
        str(p.relative_to(folder)): (
            p.read_bytes() if p.is_file() else b"",
            p.stat().st_mtime_ns,
            p.stat().st_mode,
        )
        for p in sorted(folder.rglob("*"))
    }


def test_a_run_changes_no_byte_mtime_or_file(ceclog: Ceclog, team_dir: Path) -> None:
    before = snapshot(team_dir)
    for fmt in ("table", "json", "csv", "md", "html"):
        assert run(ceclog, "team", "team", "--format", fmt, "--check")[0] == 4
    assert run(ceclog, "team", "team/*.toml", "team/hana")[0] == 0
    assert snapshot(team_dir) == before


def test_arguments_globs_and_the_current_folder(
    ceclog: Ceclog, team_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def files(*args: str) -> list[str]:
        code, out, err = run(ceclog, "team", "--json", *args)
        assert code == 0, err
        return [r["file"] for r in json.loads(out)["rows"]]

    assert sorted(files("team/*.toml")) == sorted(r[0] for r in ROWS if "hana" not in r[0])
    # the same file twice (two names, a symlink): one row
    (team_dir.parent / "link.toml").symlink_to(team_dir / "ana.toml")
    assert files("team/ana.toml", "link.toml", "team/ana.toml") == ["team/ana.toml"]
    # a file named on its own is read even if it is not a ledger: it says so
    code, out, _ = run(ceclog, "team", "--json", "team/pyproject.toml")
    row = json.loads(out)["rows"][0]
    assert (row["state"], row["error"]) == (
        "error",
        "team/pyproject.toml: not a ceclog ledger: no [holder] table",
    )
    for args, message in [
        (["team/nomatch*.toml"], "error: the pattern 'team/nomatch*.toml' matches nothing"),
        (["team/missing.toml"], "error: team/missing.toml: no such file or folder"),
        (["team/empty"], "error: no ceclog ledger in the folder team/empty"),
    ]:
        (team_dir / "empty").mkdir(exist_ok=True)
        (team_dir / "empty" / "notes.txt").write_text("[holder]\n")
        code, _, err = run(ceclog, "team", *args)
        assert (code, err.splitlines()[0]) == (1, message)
        assert "hint:" in err
    monkeypatch.chdir(team_dir / "hana")
    assert files() == ["ledger.toml"]


def test_output_file_and_usage(ceclog: Ceclog, team_dir: Path) -> None:
    code, out, _ = run(ceclog, "team", "team", "--format", "html", "--output", "report.html")
    assert (code, out) == (0, "")
    page = Path("report.html").read_text()
    assert Path("report.html").stat().st_mode & 0o777 == 0o644
    assert "Content-Security-Policy" in page and "<script" not in page
    assert 'class="state s-overdue"' in page and 'class="bar' in page
    before = (team_dir / "ana.toml").read_bytes()
    for target in ("team/ana.toml", "team/ana.toml.bak"):
        code, _, err = run(ceclog, "team", "team", "--json", "--output", target)
        assert code == 1 and "--output names the ledger" in err
    assert (team_dir / "ana.toml").read_bytes() == before
    assert run(ceclog, "team", "team", "--json", "--format", "csv")[0] == 2
    assert run(ceclog, "team", "team", "--due-within", "-1")[0] == 2
    assert run(ceclog, "team", "team", "--strict")[0] == 2
    code, out, _ = run(ceclog, "team", "team", "--format", "md", "--at-risk")
    assert out.startswith("# CEC status of the team\n") and "| Eve Martin | 1005 |" in out


def test_html_escapes_what_ledgers_and_file_names_hold(ceclog: Ceclog, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    Path("<i>x.toml").write_text(ledger("<script>alert(1)</script>", "1", "WRT", "2024-01-01"))
    code, out, _ = run(ceclog, "team", ".", "--format", "html")
    assert code == 0
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;i&gt;x.toml" in out and "<i>" not in out


@pytest.mark.slow
def test_permission_denied_is_a_row_with_its_remedy(tmp_path: Path) -> None:
    """The owner may not read one technician's ledger (made by `init` without --shared).
    Root reads every file whatever its mode, and this venv's Python lives where an unprivileged
    user cannot run it, so as root the run drops the capabilities that let root ignore file
    modes (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) with util-linux's `setpriv`."""
    team = make_team(tmp_path / "team")
    (team / "ivy.toml").write_text(ledger("Ivy Chen", "1009", "WRT", "2025-01-01"))
    (team / "ivy.toml").chmod(0o000)
    command = [CECLOG, "team", "team", "--json"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root ignores file modes, and setpriv (util-linux) is not installed")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "--", *command]
    env = {**os.environ, "CECLOG_TODAY": TODAY}
    proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    (team / "ivy.toml").chmod(0o600)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["rows"]
    assert [(r["file"], r["state"]) for r in rows[:2]] == [
        ("team/broken.toml", "error"),
        ("team/ivy.toml", "error"),
    ]
    ivy = rows[1]
    assert ivy["error"] == "team/ivy.toml: permission denied"
    assert ivy["next_action"] == (
        "ask its owner to run `chmod g+r team/ivy.toml`, or create shared ledgers with "
        "`ceclog init --shared`"
    )
    assert [(r["file"], r["state"]) for r in rows[2:]] == [(r[0], r[6]) for r in ROWS[1:]]
    assert "2 of 10 ledgers could not be read or are invalid" in proc.stderr


def test_shared_ledger_stays_group_readable(ceclog: Ceclog, tmp_path: Path) -> None:
    path = tmp_path / "sam" / "ledger.toml"

    def modes() -> dict[str, int]:
        return {
            str(p.relative_to(path.parent)): p.stat().st_mode & 0o777
            for p in sorted(path.parent.rglob("*"))
            if not p.name.startswith(".")
        }

    def do(*args: str) -> None:
        r = ceclog(*args, ledger=path)
        assert r.code == 0, r.err

    do("init", "--name", "Sam Ortiz", "--shared")
    assert modes() == {"evidence": 0o750, "ledger.toml": 0o640}
    assert path.parent.stat().st_mode & 0o777 == 0o750
    certificate = tmp_path / "cert.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    do("cert", "add", "WRT", "--earned", "2024-01-01")
    do("add", "Drying", "--date", "2026-10-01", "--hours", "7")
    do("add", "Odor", "--date", "2026-10-02", "--hours", "3", "--evidence", str(certificate))
    do("edit", "1", "--hours", "8")
    do("attach", "1", str(certificate))
    do("rm", "2", "--yes")
    do("undo")
    do("undo")
    shared = {name: mode for name, mode in modes().items()}
    assert shared == {
        "evidence": 0o750,
        "evidence/2026-10-01_1_drying.pdf": 0o640,
        "evidence/2026-10-02_2_odor.pdf": 0o640,
        "ledger.toml": 0o640,
        "ledger.toml.bak": 0o640,
    }
    private = tmp_path / "pat.toml"
    assert ceclog("init", "--name", "Pat", ledger=private).code == 0
    assert private.stat().st_mode & 0o777 == 0o600


def _row(doc: dict[str, Any], file: str) -> dict[str, Any]:
    return next(r for r in doc["rows"] if r["file"] == file)


def test_remembered_rows_follow_every_change(
    ceclog: Ceclog, team_dir: Path, tmp_path: Path
) -> None:
    """The rows of an unchanged ledger come from the cache; a changed ledger, a changed rules
    file or another day are computed afresh, and the answer is the one without the cache."""
    first = run(ceclog, "team", "team", "--json")[1]
    assert len(list((tmp_path / "xdg-cache" / "ceclog").glob("team-*.json"))) == 8
    assert run(ceclog, "team", "team", "--json")[1] == first
    # Cara records a 4-hour class: 9.0 counted >= the 7.0 of two years' pace: on track
    cara = team_dir / "cara.toml"
    cara.write_text(
        cara.read_text() + '\n[[entries]]\nid = 2\ndate = 2026-11-02\ntitle = "Mold"\nhours = 4\n'
    )
    doc = json.loads(run(ceclog, "team", "team", "--json")[1])
    assert (_row(doc, "team/cara.toml")["counted"], _row(doc, "team/cara.toml")["state"]) == (
        9.0,
        "on_track",
    )
    # Hana's own rules file now gives a booth visit 1: 7.0 + 1.0 = 8.0 counted
    rules = team_dir / "hana" / "firm-rules.toml"
    text = rules.read_text()
    assert text.count("fixed = 2\n") == 1
    rules.write_text(text.replace("fixed = 2\n", "fixed = 1\n"))
    doc = json.loads(run(ceclog, "team", "team", "--json")[1])
    assert _row(doc, "team/hana/ledger.toml")["counted"] == 8.0
    # the next day: one day less for everyone
    r = ceclog("team", "team", "--json", ledger=None, today="2026-12-01")
    assert _row(json.loads(r.out), "team/ana.toml")["days_left"] == 455
    # and every answer is the one computed without the cache
    for today in (TODAY, "2026-12-01"):
        cached = ceclog("team", "team", "--json", ledger=None, today=today).out
        os.environ["CECLOG_NO_CACHE"] = "1"
        try:
            fresh = ceclog("team", "team", "--json", ledger=None, today=today).out
        finally:
            del os.environ["CECLOG_NO_CACHE"]
        assert cached == fresh


def test_plan_year_adds_each_rows_quarters(ceclog: Ceclog, team_dir: Path) -> None:
    """`--plan 2027`, as `ceclog plan --year 2027` for each row (today 2026-11-30):
    - Cara: 9.0 needed by 2028-05-31, nothing planned; 7 quarters left (2026-Q4 to 2028-Q2):
      9 / 7 = 1.29 -> 1.5 a quarter, 36 / 7 = 5.14 -> 5.5 a year.
    - Ben: 10.0 needed by 2029-05-31, 3.0 planned on 2027-03-01 (Q1): 7.0 short; 11 quarters:
      10 / 11 -> 1.0 a quarter, 40 / 11 = 3.6 -> 4.0 a year.
    - Dev: 4.0 needed by 2027-01-14, 4.0 planned on 2026-12-10: nothing short; 2 quarters:
      2.0 a quarter; in 2027 only Q1 is before the due date, and nothing is planned in it.
    - Eve: 14.0 by 2028-05-09 (the lapse aside); 7 quarters: 2.0 a quarter, 8.0 a year."""
    code, out, _ = run(ceclog, "team", "team", "--json", "--plan", "2027")
    assert code == 0
    doc = json.loads(out)
    assert doc["plan_year"] == 2027
    plans = {r["file"]: r["plan"] for r in doc["rows"]}
    assert plans["team/broken.toml"] is None and plans["team/finn.toml"] is None

    def q(*cells: tuple[float, float | None]) -> list[dict[str, Any]]:
        return [
            {"quarter": f"2027-Q{i}", "planned": p, "needed": n}
            for i, (p, n) in enumerate(cells, 1)
        ]

    assert plans["team/cara.toml"] == {
        "needed": 9.0,
        "planned": 0.0,
        "short": 9.0,
        "per_quarter": 1.5,
        "per_year": 5.5,
        "quarters": q((0.0, 1.5), (0.0, 1.5), (0.0, 1.5), (0.0, 1.5)),
    }
    assert plans["team/ben.toml"] == {
        "needed": 10.0,
        "planned": 3.0,
        "short": 7.0,
        "per_quarter": 1.0,
        "per_year": 4.0,
        "quarters": q((3.0, 1.0), (0.0, 1.0), (0.0, 1.0), (0.0, 1.0)),
    }
    assert plans["team/dev.toml"] == {
        "needed": 4.0,
        "planned": 4.0,
        "short": 0.0,
        "per_quarter": 2.0,
        "per_year": 4.0,
        "quarters": q((0.0, 2.0), (0.0, None), (0.0, None), (0.0, None)),
    }
    assert (plans["team/eve.toml"]["per_quarter"], plans["team/eve.toml"]["per_year"]) == (2.0, 8.0)
    # the rows themselves are those without --plan, which has no plan keys
    plain = json.loads(run(ceclog, "team", "team", "--json")[1])
    assert "plan_year" not in plain and all("plan" not in r for r in plain["rows"])
    assert [{k: v for k, v in r.items() if k != "plan"} for r in doc["rows"]] == plain["rows"]
    # the CSV gains the shortfall and each quarter's planned and needed credits
    lines = run(ceclog, "team", "team", "--format", "csv", "--plan", "2027")[1].split("\r\n")
    assert lines[0].endswith(
        ",send_by,exempt,plan_short,q1_planned,q1_needed,q2_planned,q2_needed,q3_planned,q3_needed,"
        "q4_planned,q4_needed"
    )
    cara = next(line for line in lines if line.startswith("team/cara.toml"))
    assert cara.endswith(",9.0,0.0,1.5,0.0,1.5,0.0,1.5,0.0,1.5")
    dev = next(line for line in lines if line.startswith("team/dev.toml"))
    assert dev.endswith(",0.0,0.0,2.0,0.0,,0.0,,0.0,")
    # the table and the page show them too
    table = run(ceclog, "team", "team", "--plan", "2027")[1]
    assert "plan for 2027: Q1-Q4 show the credits planned in each quarter" in table
    page = run(ceclog, "team", "team", "--format", "html", "--plan", "2027")[1]
    assert '<th class="num">2027&nbsp;Q1</th>' in page and ">3.0/1.0<" in page
    assert run(ceclog, "team", "team", "--plan", "27")[0] == 2


def test_mistakes_a_firm_owner_makes(ceclog: Ceclog, team_dir: Path) -> None:
    code, _, err = run(ceclog, "team", "team", "--cert", "WTR")  # a typo is not a quiet team
    assert code == 2 and "--cert WTR is not a certification the ledgers' rules know" in err
    assert "did you mean WRT" in err
    code, _, err = run(ceclog, "team", "team", "--plan", "abc")
    assert code == 2 and "--plan takes a year such as 2027, not 'abc'" in err
    # --check without --strict: the broken ledger is still said on stderr
    code, _, err = run(ceclog, "team", "team", "--check")
    assert code == 4 and "warning: 1 of 9 ledgers could not be read or is invalid" in err
    code, _, err = run(ceclog, "team", "team", "--check", "--strict")
    assert code == 4 and "error: team/broken.toml:18: entry 1 has kind 'seminar'" in err


def test_a_planned_class_past_its_date_in_an_earlier_cycle_is_named(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    """A planned class dated 2022-03-01, in the cycle that ended 2022-05-31, seen on 2024-01-01:
    the row says it is past its date, as `check` does (only the current cycle's were named)."""
    ledger = tmp_path / "maria.toml"
    body = (
        '\n[[entries]]\nid = 1\ndate = 2019-01-10\ntitle = "Met"\nhours = 14\n'
        "submitted = 2019-01-20\n"
        '\n[[entries]]\nid = 2\ndate = 2022-03-01\ntitle = "Booked"\nhours = 4\nplanned = true\n'
    )
    make_ledger(ledger, ("WRT", "2018-06-01"), since="2018-06-01", body=body)
    (row,) = json.loads(ceclog("team", str(ledger), "--json", today="2024-01-01").out)["rows"]
    assert "1 planned class past its date: mark taken or move" in row["next_action"]
