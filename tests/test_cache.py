"""The parse cache saves time and can never change an answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger

BODY = """
[[entries]]
id = 1
date = 2024-01-10
title = "Class"
hours = 7.5
"""


def _cache_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "xdg-cache" / "ceclog"
    return sorted(folder.glob("*.json")) if folder.exists() else []


def test_second_run_reads_the_cache_and_prints_the_same(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    first = ceclog("status", "--json")
    files = _cache_files(tmp_path)
    # the records every read needs, apart from the raw TOML only an edit needs
    assert [f.name.split("-")[0] for f in files] == ["ledger", "rules", "toml"]
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    second = ceclog("status", "--json")
    assert second.out == first.out and second.code == first.code == 0
    assert json.loads(second.out)["requirements"][0]["counted"] == 7.5


def test_an_edited_ledger_is_validated_afresh(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    assert ceclog("status").code == 0
    ledger_path.write_text(ledger_path.read_text().replace("hours = 7.5", "hours = -7.5"))
    r = ceclog("status")
    assert r.code == 1 and "entry 1: hours: must be at least 0" in r.err


def test_a_corrupt_or_foreign_cache_is_ignored(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    expected = ceclog("status", "--json").out
    for f in _cache_files(tmp_path):
        f.write_text('{"key": "x"')  # truncated
    assert ceclog("status", "--json").out == expected
    for f in _cache_files(tmp_path):
        doc = json.loads(f.read_text())
        doc.pop("ledger", None)
        doc.pop("rules", None)  # right key, wrong layout
        f.write_text(json.dumps(doc))
    assert ceclog("status", "--json").out == expected


def test_writes_refresh_the_cache(ceclog: Ceclog, ledger_path: Path, tmp_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    ceclog("add", "Second", "--date", "2024-02-01", "--hours", "2")
    (ledger_file,) = [f for f in _cache_files(tmp_path) if f.name.startswith("ledger-")]
    cached = json.loads(ledger_file.read_text())
    # the entries column by column: [tag, values] ("" for strings written as they are)
    assert cached["ledger"]["entries"]["columns"]["title"] == ["", ["Class", "Second"]]
    assert json.loads(ceclog("status", "--json").out)["requirements"][0]["counted"] == 9.5


def test_no_cache_env(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CECLOG_NO_CACHE", "1")
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    assert ceclog("status").code == 0
    assert _cache_files(tmp_path) == []


def test_an_edit_after_a_cached_read_keeps_the_layout_without_the_toml_cache(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body="# my classes\n" + BODY)
    assert ceclog("status").code == 0
    for f in _cache_files(tmp_path):
        if f.name.startswith("toml-"):
            f.unlink()  # the edit reads the raw TOML from the text again
    assert ceclog("add", "Second class", "--date", "2024-02-01", "--hours", "2").code == 0
    text = ledger_path.read_text()
    assert "# my classes" in text and 'title = "Second class"' in text
    r = ceclog("status", "--json")
    assert json.loads(r.out)["requirements"][0]["counted"] == 9.5


EVERY_FIELD = """
version = 7

[holder]
name = "Ana Lima"
rules = "iicrc"
tracking_since = 2020-01-01

[[certifications]]
code = "WRT"
earned = 2020-01-01

[[entries]]
id = 1
date = 2024-01-10
title = "Every field"
kind = "course"
hours = 7.50
credits = 2
provider = "Restoration Training Co."
approval = "C-1"
topics = ["water"]
certifications = ["WRT"]
notes = "line one\\nline two"
planned = true
submitted = 2024-01-20
posted = 2024-02-01
for_cycle = 2023-12-31
imported = "log.csv:2"
event = "Expo"
topic_hours = { water = 1.5, odor = 1 }

[[entries.evidence]]
file = "evidence/a.pdf"
name = "a.pdf"
sha256 = "{sha}"

[[entries]]
id = 2
date = 2024-03-01
title = "Defaults only"
"""


def test_cached_entries_are_the_ones_read_from_the_file(tmp_path: Path) -> None:
    """Each field of an entry, at its default and not, comes back from the cache exactly as
    the file gives it: the same values of the same types (7.50 stays 7.50)."""
    from ceclog.store import reading

    path = tmp_path / "ledger.toml"
    path.write_text(EVERY_FIELD.replace("{sha}", "0" * 64), encoding="utf-8")
    parsed = reading.load(path)  # validated, then cached
    cached = reading.load(path)  # from the cache
    assert parsed.data is not None and cached.ledger == parsed.ledger
    for a, b in zip(parsed.ledger.entries, cached.ledger.entries, strict=True):
        assert vars(a) == vars(b)
        assert [type(v) for v in vars(a).values()] == [type(v) for v in vars(b).values()]
    assert str(cached.ledger.entries[0].hours) == "7.50"
    assert cached.ledger.entries[1].topics == [] and cached.ledger.entries[1].evidence == []
    assert cached.ledger.entries[0].topics is not cached.ledger.entries[1].topics


def test_a_column_every_entry_shares_is_cached_once_and_read_back_as_each_ones_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column whose value every entry shares (kind "course", no credits) is cached once, one
    of empty lists or tables as the empty value; read back, every entry has its own list and
    table (they are mutable), and a cache that gives a shared list is not believed."""
    from ceclog.store import reading

    head = EVERY_FIELD.split("[[entries]]")[0]
    body = "".join(
        f'\n[[entries]]\nid = {i}\ndate = 2024-0{i}-10\ntitle = "Class {i}"\nhours = 2\n'
        for i in (1, 2, 3)
    )
    path = tmp_path / "ledger.toml"
    path.write_text(head + body, encoding="utf-8")
    parses: list[str] = []
    parse = reading.parse_ledger
    monkeypatch.setattr(reading, "parse_ledger", lambda t, p: parses.append(t) or parse(t, p))
    parsed = reading.load(path)  # validated, then cached
    cached = reading.load(path)  # from the cache
    assert len(parses) == 1
    (ledger_file,) = [f for f in _cache_files(tmp_path) if f.name.startswith("ledger-")]
    doc = json.loads(ledger_file.read_text())
    columns = doc["ledger"]["entries"]["columns"]
    assert columns["kind"] == ["=", "course"] and columns["credits"] == ["=", None]
    assert columns["topics"] == ["0", []] and columns["topic_hours"] == ["0", {}]
    assert columns["title"] == ["", ["Class 1", "Class 2", "Class 3"]]
    for a, b in zip(parsed.ledger.entries, cached.ledger.entries, strict=True):
        assert vars(a) == vars(b)
    for name in ("topics", "certifications", "topic_hours", "evidence"):
        assert len({id(getattr(e, name)) for e in cached.ledger.entries}) == 3, name
    columns["kind"] = ["=", ["course"]]  # not a value entries may share
    ledger_file.write_text(json.dumps(doc))
    again = reading.load(path)
    assert len(parses) == 2  # validated afresh
    assert [e.kind for e in again.ledger.entries] == ["course"] * 3


LAST_ENTRY = """
[[entries]]
id = 1
date = 2024-01-10
title = "Class"
hours = 7.5

[[entries.evidence]]
file = "evidence/a.pdf"
name = "a.pdf"
sha256 = "{sha}"
"""


@pytest.mark.parametrize(
    ("newline", "after"),
    [
        ("\n", "\n# my notes at the end\n\n"),
        ("\r\n", '\n[[assertions]]\ndate = 2024-02-01\ntrack = "technician"\nposted = 7.5\n'),
        ("\n", None),  # no entry yet
    ],
)
def test_appends_from_the_remembered_place_write_what_a_scan_writes(
    ceclog: Ceclog,
    ledger_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    newline: str,
    after: str | None,
) -> None:
    """After an add, the cache remembers where the next entries go: later adds insert there
    without scanning the file, and write exactly what adds that scan it (no cache) write."""
    from ceclog.store import tomledit

    body = "" if after is None else LAST_ENTRY.replace("{sha}", "0" * 64) + after
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=body)
    text = ledger_path.read_text().replace("\n", newline)
    scanned = tmp_path / "scanned.toml"
    for path in (ledger_path, scanned):
        path.write_bytes(text.encode())
    adds = [("Second", "2024-02-01"), ("Third", "2024-03-01"), ("Fourth", "2024-04-01")]
    for title, day in adds:
        assert ceclog("add", title, "--date", day, "--hours", "2").code == 0
        (doc,) = [f for f in _cache_files(tmp_path) if f.name.startswith("ledger-")]
        hint = json.loads(doc.read_text())["append"]
        now = ledger_path.read_bytes().decode()
        assert (hint["at"], hint["newline"]) == tomledit.append_point(now, "entries")
    monkeypatch.setenv("CECLOG_NO_CACHE", "1")
    for title, day in adds:
        assert ceclog("add", title, "--date", day, "--hours", "2", ledger=scanned).code == 0
    assert ledger_path.read_bytes() == scanned.read_bytes()
    assert ledger_path.read_bytes().count(b"[[entries]]") == 3 + (after is not None)
