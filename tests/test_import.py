"""`ceclog import`: a spreadsheet's CSV as written by real spreadsheets, dedupe, near matches,
ambiguous dates, the mapping file, and rebuilding a ledger from ceclog's own exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from conftest import Ceclog, make_ledger

# cp1252 accents, `;` separators with `,` decimals, CRLF, a quoted newline in a title,
# trailing empty rows; the provider comes from the mapping (a roster: one provider for all).
SHEET = (
    "Date completed;Course;Hours;CECs;Type;Notes\r\n"
    "05.03.2024;Odor control;3,5;;;\r\n"
    '12.03.2024;"Water Damage\r\nRestoration";7;;course;Café notes\r\n'
    "12.03.2024;Water damage  restoration;7;;;\r\n"
    "20.04.2024;Séchage structural;;1,5;webinar;Répétition\r\n"
    ";;;;;\r\n"
    ";;;;;\r\n"
)
MAP = '[constants]\nprovider = "Restoration Académie"\n'
LEDGER_BODY = """
[[entries]]
id = 1
date = 2024-03-05
title = "Odor Control"
hours = 7
"""
IMPORTED: list[dict[str, Any]] = [
    {
        "id": 2,
        "date": "2024-03-12",
        "title": "Water Damage Restoration",
        "hours": 7.0,
        "credits": None,
        "kind": "course",
        "provider": "Restoration Académie",
        "notes": "Café notes",
        "imported": "classes.csv:3",
    },
    {
        "id": 3,
        "date": "2024-03-12",
        "title": "Water damage restoration",
        "hours": 7.0,
        "credits": None,
        "kind": "course",
        "provider": "Restoration Académie",
        "notes": None,
        "imported": "classes.csv:4",
    },
    {
        "id": 4,
        "date": "2024-04-20",
        "title": "Séchage structural",
        "hours": None,
        "credits": 1.5,
        "kind": "webinar",
        "provider": "Restoration Académie",
        "notes": "Répétition",
        "imported": "classes.csv:5",
    },
]


def _setup(tmp_path: Path, ledger_path: Path) -> tuple[Path, Path]:
    make_ledger(ledger_path, ("WRT", "2022-06-01"), body=LEDGER_BODY)
    sheet = tmp_path / "classes.csv"
    sheet.write_bytes(SHEET.encode("cp1252"))
    mapping = tmp_path / "roster.toml"
    mapping.write_text(MAP, encoding="utf-8")
    return sheet, mapping


def _entries(ceclog: Ceclog) -> list[dict[str, Any]]:
    result = ceclog("list", "--json")
    assert result.code == 0, result.err
    keys = ("id", "date", "title", "hours", "credits", "kind", "provider", "notes", "imported")
    found = json.loads(result.out)
    rows = found if isinstance(found, list) else found["entries"]
    return [{k: e.get(k) for k in keys} for e in rows]


def _imported(ledger_path: Path) -> dict[int, str]:
    import tomllib

    data = tomllib.loads(ledger_path.read_text(encoding="utf-8"))
    return {e["id"]: e.get("imported") for e in data["entries"]}


def test_a_real_spreadsheet_imports_once_holds_repeats_and_near_matches(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    sheet, mapping = _setup(tmp_path, ledger_path)
    before = ledger_path.read_bytes()

    dry = ceclog("import", str(sheet), "--map", str(mapping))
    assert dry.code == 0, dry.err
    assert "dry run" in dry.err and "--yes" in dry.err and "cp1252" in dry.err
    assert "Would add 2 entries" in dry.out and "row 2:" in dry.out and "--accept 2" in dry.out
    assert "  row 4: 2024-03-12 Water damage restoration (7 h, course, provider" in dry.out
    assert "    repeats row 3 (the same class as an earlier row of the file" in dry.out
    assert ledger_path.read_bytes() == before

    # row 4 is row 3 again (case and spacing aside): held back until accepted
    first = ceclog("import", str(sheet), "--map", str(mapping), "--accept", "4", "--yes", "--json")
    assert first.code == 0, first.err
    report = json.loads(first.out)
    assert [r["row"] for r in report["added"]] == [3, 4, 5]
    assert report["skipped"] == [] and report["errors"] == [] and report["written"] is True
    held = [(h["row"], h["why"], h["resembles"]["id"]) for h in report["held"]]
    assert held == [(2, "near", 1)]

    got = _entries(ceclog)  # list --json says where each imported entry came from
    assert got[1:] == IMPORTED
    listed = json.loads(ceclog("list", "--json").out)
    assert [e["id"] for e in listed if "imported" not in e] == [1]  # only when it has one

    # the same file again: nothing added, the file untouched
    after = ledger_path.read_bytes()
    second = ceclog("import", str(sheet), "--map", str(mapping), "--yes", "--json")
    assert second.code == 0, second.err
    again = json.loads(second.out)
    assert again["added"] == [] and [s["row"] for s in again["skipped"]] == [3, 4, 5]
    assert [s["matches"] for s in again["skipped"]] == [2, 3, 4]
    assert ledger_path.read_bytes() == after

    # the near match, accepted; then it too is already there
    accepted = ceclog("import", str(sheet), "--map", str(mapping), "--accept", "2", "--yes")
    assert accepted.code == 0, accepted.err
    assert "row 2: entry 5: 2024-03-05 Odor control (3.5 h, course, provider Restoration Acad" in (
        accepted.out
    )
    assert _imported(ledger_path)[5] == "classes.csv:2"
    third = ceclog("import", str(sheet), "--map", str(mapping), "--yes", "--json")
    assert json.loads(third.out)["added"] == [] and json.loads(third.out)["held"] == []

    # one undo reverts one whole import
    assert ceclog("undo").code == 0
    assert [e["id"] for e in _entries(ceclog)] == [1, 2, 3, 4]

    # the same sheet saved as UTF-8 with a byte-order mark reads the same: nothing new
    utf8 = tmp_path / "classes-utf8.csv"
    utf8.write_bytes(b"\xef\xbb\xbf" + SHEET.encode("utf-8"))
    bom = ceclog("import", str(utf8), "--map", str(mapping), "--json")
    assert json.loads(bom.out)["added"] == [], bom.err


def test_repeats_beyond_the_ledgers_count_are_held_back_until_accepted(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """A row pasted twice counted twice (issue 20): the file's repeats of a class are held
    back, and added only when accepted; accepted, they are kept on the next import too."""
    make_ledger(ledger_path, ("WRT", "2022-06-01"), body=LEDGER_BODY)
    sheet = tmp_path / "two.csv"
    sheet.write_text(
        "Date,Class,Hours\n2024-03-05,odor  CONTROL,7\n2024-03-05,Odor Control,7\n"
        "2024-03-05,Odor Control,7\n"
    )
    result = ceclog("import", str(sheet), "--yes", "--json")
    report = json.loads(result.out)
    assert [s["row"] for s in report["skipped"]] == [2]
    assert report["added"] == []
    assert [(h["row"], h["why"], h["repeats"]) for h in report["held"]] == [
        (3, "repeat", "2"),
        (4, "repeat", "2"),
    ]
    assert [e["id"] for e in _entries(ceclog)] == [1]
    result = ceclog("import", str(sheet), "--accept", "3", "--accept", "4", "--yes", "--json")
    assert [a["row"] for a in json.loads(result.out)["added"]] == [3, 4]
    assert [e["id"] for e in _entries(ceclog)] == [1, 2, 3]
    again = json.loads(ceclog("import", str(sheet), "--yes", "--json").out)
    assert again["added"] == again["held"] == [] and len(again["skipped"]) == 3


def test_an_ambiguous_date_column_is_refused_and_nothing_is_written(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"), body=LEDGER_BODY)
    before = ledger_path.read_bytes()
    sheet = tmp_path / "us.csv"
    sheet.write_text("Completed,Course,CEC\n03/04/2024,Mold basics,1\n01/02/2024,Drying,2\n")
    result = ceclog("import", str(sheet), "--yes")
    assert result.code == 1
    assert "2024-03-04 as MM/DD/YYYY" in result.err and "2024-04-03 as DD/MM/YYYY" in result.err
    assert 'date = "MM/DD/YYYY"' in result.err and "[dates]" in result.err
    assert ledger_path.read_bytes() == before
    mapping = tmp_path / "us.toml"
    mapping.write_text('[dates]\ndate = "DD/MM/YYYY"\n')
    settled = ceclog("import", str(sheet), "--map", str(mapping), "--yes", "--json")
    assert settled.code == 0, settled.err
    assert [a["date"] for a in json.loads(settled.out)["added"]] == ["2024-04-03", "2024-02-01"]


def test_a_bad_row_is_named_and_nothing_is_written(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"), body=LEDGER_BODY)
    before = ledger_path.read_bytes()
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "Date,Course,Hours,Kind\n2024-01-02,Fine,7,course\n2024-01-03,Bad,-1,course\n"
        "2024-01-04,,2,course\n2024-01-05,Odd,2,retreat\n"
    )
    result = ceclog("import", str(sheet), "--yes", "--json")
    assert result.code == 1
    assert f"{sheet}:3: 'Hours' cannot be negative" in result.err
    assert f"{sheet}:4: 'Course' cannot be empty" in result.err
    assert f"{sheet}:5: 'Kind' 'retreat' is no kind of activity the iicrc rules have" in result.err
    assert "nothing was written" in result.err
    assert [e["row"] for e in json.loads(result.out)["errors"]] == [3, 4, 5]
    assert ledger_path.read_bytes() == before


def test_excel_serial_dates_and_a_saved_mapping(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = tmp_path / "serial.csv"
    sheet.write_text("Training log\n\nWhen,What,Length\n45292,New year class,7\n")
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        'skip = 2\n[columns]\ndate = "When"\ntitle = "What"\nhours = "Length"\n'
        '[dates]\ndate = "excel"\n'
    )
    result = ceclog("import", str(sheet), "--map", str(mapping), "--save-map", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["added"][0]["date"] == "2024-01-01"
    saved = tmp_path / "serial.map.toml"
    assert 'date = "excel"' in saved.read_text() and "skip = 2" in saved.read_text()
    again = ceclog("import", str(sheet), "--yes", "--json")  # reads the saved mapping
    assert again.code == 0, again.err
    assert "serial.map.toml" in again.err
    assert json.loads(again.out)["added"][0]["title"] == "New year class"


ROUND_TRIP = """
[[entries]]
id = 1
date = 2024-03-05
title = "Odor Control"
hours = 7
provider = "ABC, Inc."
approval = "A-123"
certifications = ["WRT"]
topics = ["odor"]
notes = "two\\nlines"
submitted = 2024-04-01
posted = 2024-05-01

[[entries]]
id = 2
date = 2025-06-10
title = "-20 °F freezer drying"
credits = 1.5
kind = "webinar"

[[entries]]
id = 3
date = 2025-06-10
title = "-20 °F freezer drying"
credits = 1.5
kind = "webinar"

[[entries]]
id = 4
date = 2025-09-10
title = "Experience day 1"
hours = 7
event = "Experience 2025"

[[entries]]
id = 5
date = 2025-09-11
title = "Experience day 2"
hours = 6.5
event = "Experience 2025"
topics = ["water", "mold"]
topic_hours = { water = 4, mold = 2.5 }
"""


def test_a_ledger_is_rebuilt_from_its_own_exports(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"), body=ROUND_TRIP)
    keys = (
        "date",
        "title",
        "hours",
        "credits",
        "kind",
        "provider",
        "approval",
        "certifications",
        "topics",
        "notes",
        "submitted",
        "posted",
        "planned",
        "counted",
        "event",
        "topic_hours",
    )

    def entries(ledger: Path) -> list[dict[str, Any]]:
        out = json.loads(ceclog("list", "--json", ledger=ledger).out)
        rows = out if isinstance(out, list) else out["entries"]
        return [{k: e.get(k) for k in keys} for e in rows]

    original = entries(ledger_path)
    # the event and the hours per topic travel too (they change what an entry counts)
    assert original[3]["event"] == original[4]["event"] == "Experience 2025"
    assert original[4]["topic_hours"] == {"water": 4, "mold": 2.5}
    for fmt in ("csv", "json"):
        export = tmp_path / f"export.{fmt}"
        made = ceclog("export", "--format", fmt, "--cycle", "all", "--output", str(export))
        assert made.code == 0, made.err
        fresh = tmp_path / f"rebuilt-{fmt}.toml"
        assert ceclog("init", "--name", "Dana Reyes", ledger=fresh).code == 0
        assert ceclog("cert", "add", "WRT", "--earned", "2022-06-01", ledger=fresh).code == 0
        result = ceclog("import", str(export), "--yes", ledger=fresh)
        assert result.code == 0, result.err
        assert entries(fresh) == original, fmt
        again = ceclog("import", str(export), "--yes", "--json", ledger=fresh)
        assert json.loads(again.out)["added"] == []


def test_files_that_are_not_sheets_are_refused_in_one_line(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    cases = {
        "list.json": b"[1, 2]",
        "other.json": b'{"a": 1}',
        "empty.csv": b"",
        "nul.csv": b"\x00\x01",
        "junk.csv": bytes(range(128, 256)),
    }
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw)
        result = ceclog("import", str(tmp_path / name))
        assert result.code == 1 and result.err.startswith("error: "), (name, result.err)
    assert ceclog("import", str(tmp_path / "missing.csv")).code == 1


def test_dry_run_says_the_whole_command_and_future_rows_come_in_planned(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    sheet = tmp_path / "next.csv"
    sheet.write_text(
        "Date,Title,Hours\n2026-11-02,Done class,3\n2026-12-10,Booked webinar,2\n",
        encoding="utf-8",
    )
    r = ceclog("import", str(sheet))  # today 2026-11-22: a dry run
    assert r.code == 0
    assert (
        f"to import: ceclog --ledger {ledger_path} --today 2026-11-22 import {sheet} --yes" in r.err
    )
    r = ceclog("import", str(sheet), "--yes")
    assert "row 3 dated after today: imported as planned" in r.err
    entries = json.loads(ceclog("list", "--json").out)
    assert [(e["title"], e["planned"]) for e in entries] == [
        ("Done class", False),
        ("Booked webinar", True),
    ]
    r = ceclog("status", "--json")
    req = json.loads(r.out)["requirements"][0]
    assert (req["counted"], req["planned"]) == (3.0, 2.0)


def _classes(path: Path, first: int, count: int) -> Path:
    """Classes on days in a row from 2024-01-01 (no two on one day: none a duplicate)."""
    start = dt.date(2024, 1, 1)
    rows = [f"{start + dt.timedelta(days=i)},Class {i},{1 + i % 7}" for i in range(count)]
    path.write_text("Date,Title,Hours\n" + "".join(f"{r}\n" for r in rows[first:]), "utf-8")
    return path


def test_an_import_into_a_ledger_ceclog_wrote_scans_its_text_once(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path, monkeypatch: Any
) -> None:
    """The new rows of an import into a ledger written by ceclog (version 3, with `imported`
    keys) are appended with one scan of the text, not one per row (1,000 rows into 2,000
    entries took 13 s, 10,000 never finished)."""
    from ceclog.store import tomledit, tomlscan

    assert ceclog("init", "--name", "Dana Reyes").code == 0
    assert ceclog("cert", "add", "WRT", "--earned", "2022-06-01").code == 0
    assert ceclog("import", str(_classes(tmp_path / "a.csv", 0, 300)), "--yes").code == 0
    scans: list[int] = []
    real = tomlscan.scan

    def counted(text: str) -> tomlscan.Layout:
        scans.append(len(text))
        return real(text)

    monkeypatch.setattr(tomledit, "scan", counted)
    monkeypatch.setattr(tomlscan, "scan", counted)
    r = ceclog("import", str(_classes(tmp_path / "b.csv", 300, 500)), "--yes")
    assert r.code == 0, r.err
    assert "200 entries imported" in r.err
    assert len(scans) == 1
    titles = {e["id"]: e["title"] for e in json.loads(ceclog("list", "--json").out)}
    assert sorted(titles) == list(range(1, 501))
    assert (titles[301], titles[500]) == ("Class 300", "Class 499")
    assert _imported(ledger_path)[500] == "b.csv:201"
    assert ledger_path.read_text(encoding="utf-8").startswith("# ceclog ledger")


def test_a_wrapped_cell_comes_in_on_one_line_and_an_escape_code_is_refused(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = tmp_path / "wrapped.csv"
    sheet.write_text(
        'Date,Title,Hours,Provider\n2024-01-05,Drying,7,"Restoration\nAcademy"\n', "utf-8"
    )
    assert ceclog("import", str(sheet), "--yes").code == 0
    (entry,) = json.loads(ceclog("list", "--json").out)
    assert (entry["title"], entry["provider"]) == ("Drying", "Restoration Academy")
    bad = tmp_path / "escape.csv"
    bad.write_text("Date,Title,Hours\n2024-02-05,Odor\x1b[31m,3\n", "utf-8")
    before = ledger_path.read_bytes()
    r = ceclog("import", str(bad), "--yes")
    assert r.code == 1
    assert (
        f"{bad}:2: 'Title' must not contain control characters: it has an escape code (U+001B)"
        in r.err
    )
    assert ledger_path.read_bytes() == before
