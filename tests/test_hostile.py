"""Hostile input: broken ledgers and rules files, random bytes.  Every one gives an error with
its location and a non-zero exit; never a traceback, never a write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Ceclog, make_ledger

GOOD = (Path(__file__).parents[1] / "examples" / "ledger.toml").read_text()
HEAD = 'version = 1\n[holder]\nname = "D"\ntracking_since = 2023-01-01\n'
ENTRY = '[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = "t"\nhours = 1\n'


def _entry(**changes: str) -> str:
    text = ENTRY
    for key, value in changes.items():
        if f"{key} = " in text:
            start = text.index(f"{key} = ")
            text = text[:start] + f"{key} = {value}" + text[text.index("\n", start) :]
        else:
            text += f"{key} = {value}\n"
    return HEAD + text


def _cut_inside_strings(text: str, n: int) -> list[bytes]:
    quotes = [i for i, ch in enumerate(text) if ch == '"'][::2]
    step = max(1, len(quotes) // n)
    return [text[: q + 3].encode() for q in quotes[::step][:n]]


CORPUS: dict[str, bytes] = {
    **{f"truncated-{i}": cut for i, cut in enumerate(_cut_inside_strings(GOOD, 6))},
    "wrong-type-hours": _entry(hours='"seven"').encode(),
    "wrong-type-date": _entry(date='"2024-01-01"').encode(),
    "wrong-type-id": _entry(id="1.5").encode(),
    "wrong-type-planned": _entry(planned='"yes"').encode(),
    "wrong-type-codes": _entry(certifications='"WRT"').encode(),
    "wrong-type-holder": b"version = 1\nholder = 3\n",
    "huge-hours": _entry(hours="1e400").encode(),
    "huge-id": _entry(id="99999999999999999999").encode(),
    "huge-credits": _entry(credits="10000000").encode(),
    "nan-hours": _entry(hours="nan").encode(),
    "inf-credits": _entry(credits="inf").encode(),
    "minus-inf": _entry(hours="-inf").encode(),
    "negative-hours": _entry(hours="-3").encode(),
    "date-feb-30": _entry(date="2023-02-30").encode(),
    "date-month-13": _entry(date="2023-13-01").encode(),
    "datetime-not-date": _entry(date="2023-01-01T10:00:00").encode(),
    "duplicate-ids": (_entry() + ENTRY).encode(),
    "duplicate-key": (_entry() + 'title = "again"\n').encode(),
    "duplicate-cert": (
        HEAD + '[[certifications]]\ncode = "WRT"\nearned = 2023-01-01\n' * 2
    ).encode(),
    "unknown-entry-key": _entry(titel='"x"').encode(),
    "unknown-root-key": (b"foo = 1\n" + HEAD.encode()),
    "unknown-holder-key": HEAD.replace("name", "nmae").encode(),
    "lowercase-code": (HEAD + '[[certifications]]\ncode = "wrt"\nearned = 2023-01-01\n').encode(),
    "evidence-outside": (
        _entry() + '[[entries.evidence]]\nfile = "../outside/accounts.txt"\n'
        'name = "x"\nsha256 = "' + "0" * 64 + '"\n'
    ).encode(),
    "version-99": HEAD.replace("version = 1", "version = 99").encode(),  # newer than this ceclog
    "version-missing": HEAD.replace("version = 1\n", "").encode(),
    "version-text": HEAD.replace("version = 1", 'version = "1"').encode(),
    "empty": b"",
    "whitespace": b"  \n\n\t\n",
    "comments-only": b"# just a comment\n",
    "nul-bytes": HEAD.encode() + b"\x00\x00\x00",
    "binary-garbage": bytes(range(256)) * 4,
    "utf16": HEAD.encode("utf-16"),
    "deep-nesting": b"version = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "unterminated-multiline": HEAD.encode() + b'[[entries]]\nnotes = """never closed\n',
}


def _check_rejected(ceclog: Ceclog, ledger: Path, before: bytes | None, *args: str) -> None:
    out = ledger.parent / "export.out"
    r = ceclog(*args)
    assert r.code != 0, (args, r.out)
    first = (r.out if args[0] == "check" else r.err).splitlines()[0]
    assert first.startswith("error: ") or ": error: " in first, first
    assert str(ledger) in first, first  # the location: the file, and its line where known
    assert "Traceback" not in r.err + r.out
    if before is not None:
        assert ledger.read_bytes() == before
    assert not out.exists()
    assert [p.name for p in ledger.parent.iterdir() if p.name.endswith(".bak")] == []


COMMANDS = [
    ["status"],
    ["status", "--json"],
    ["list"],
    ["check"],
    ["add", "X", "--hours", "1"],
    ["cert", "add", "ASD", "--earned", "2024-01-01"],
    ["submit", "--all"],
    ["holder", "--email", "a@b.co"],
    ["export", "--format", "csv", "--output", "{out}"],
    ["export", "--format", "json", "--output", "{out}"],
    ["export", "--format", "html", "--output", "{out}"],
    ["export", "--format", "pdf", "--output", "{out}"],
    ["export", "--format", "eml", "--output", "{out}"],
    ["calendar"],
    ["calendar", "--output", "{out}"],
]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_broken_ledger_corpus(ceclog: Ceclog, ledger_path: Path, name: str) -> None:
    ledger_path.write_bytes(CORPUS[name])
    out = ledger_path.parent / "export.out"
    for args in COMMANDS:
        _check_rejected(
            ceclog, ledger_path, CORPUS[name], *[a.replace("{out}", str(out)) for a in args]
        )


@pytest.mark.slow
def test_ten_megabyte_string(ceclog: Ceclog, ledger_path: Path) -> None:
    data = _entry(title='"' + "x" * 10_000_000 + '"').encode()
    ledger_path.write_bytes(data)
    _check_rejected(ceclog, ledger_path, data, "status")
    r = ceclog("status")
    assert f"{ledger_path}:8: entry 1: title: too long: at most 2000 characters" in r.err


def _names(folder: Path) -> list[str]:
    """Every path under `folder`, the test's cache and data folders aside."""
    names = (str(p.relative_to(folder)) for p in folder.rglob("*"))
    return sorted(n for n in names if not n.startswith("xdg-"))


@pytest.mark.parametrize("kind", ["system-file", "folder", "dangling", "loop"])
def test_symlinked_ledger_pointing_elsewhere(ceclog: Ceclog, tmp_path: Path, kind: str) -> None:
    system = tmp_path / "system" / "accounts"  # a stand-in for a system file, inside tmp_path
    system.parent.mkdir()
    system.write_text("root:x:0:0:root:/root:/bin/bash\n")
    link = tmp_path / "ledger.toml"
    target = {
        "system-file": system,
        "folder": tmp_path,
        "dangling": tmp_path / "nowhere.toml",
        "loop": link,
    }[kind]
    link.symlink_to(target)
    names = _names(tmp_path)
    for args in (["status"], ["add", "X", "--hours", "1"], ["undo"], ["init", "--name", "X"]):
        r = ceclog(*args, ledger=link)
        assert r.code != 0 and "Traceback" not in r.err
        assert r.err.startswith("error: ") and str(link) in r.err.splitlines()[0]
    assert system.read_text() == "root:x:0:0:root:/root:/bin/bash\n"
    assert link.is_symlink()
    # nothing was created anywhere: no lock, temp file or backup beside the link or its target
    assert _names(tmp_path) == names


RULES_CORPUS = {
    "truncated": b'name = "x"\ntitle = "unterminated\n',
    "wrong-types": b'name = "x"\ntitle = "t"\nsource = "one"\nchecked = 2026-01-01\n',
    "nan": None,
    "binary": bytes(range(256)),
    "empty": b"",
    "unknown-key": None,
}


@pytest.mark.parametrize("name", sorted(RULES_CORPUS))
def test_broken_rules_files(ceclog: Ceclog, ledger_path: Path, tmp_path: Path, name: str) -> None:
    shipped = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_bytes()
    data = RULES_CORPUS[name]
    if name == "nan":
        data = shipped.replace(b"increment = 0.5", b"increment = nan")
    if name == "unknown-key":
        data = shipped.replace(b"due_soon_days = 90", b"due_soon_dayz = 90")
    assert data is not None
    rules = tmp_path / "rules.toml"
    rules.write_bytes(data)
    make_ledger(ledger_path, ("WRT", "2023-01-01"), rules="rules.toml")
    before = ledger_path.read_bytes()
    for args in (
        ["status"],
        ["add", "X", "--hours", "1"],
        ["check"],
        ["export", "--format", "csv"],
    ):
        r = ceclog(*args)
        assert r.code == 1 and "Traceback" not in r.err
        first = (r.out if args[0] == "check" else r.err).splitlines()[0]
        assert str(rules) in first, first
        assert ledger_path.read_bytes() == before
    r = ceclog("rules", "show", str(rules), ledger=None)
    assert r.code == 1 and r.err.startswith(f"error: {rules}")


@pytest.mark.slow
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_fuzz_random_bytes(ceclog: Ceclog, ledger_path: Path, data: bytes) -> None:
    ledger_path.write_bytes(data)
    for args in (["status"], ["add", "X", "--hours", "1"]):
        r = ceclog(*args)
        assert r.code == 1 and "Traceback" not in r.err
        assert r.err.startswith(f"error: {ledger_path}")
        assert ledger_path.read_bytes() == data
    if (bak := Path(f"{ledger_path}.bak")).exists():
        os.unlink(bak)


@pytest.mark.slow
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_fuzz_mutated_ledger(ceclog: Ceclog, ledger_path: Path, data: st.DataObject) -> None:
    """Random edits of a good ledger: whatever the result, no traceback and no write by a
    command that only reads; an error always names the file."""
    raw = bytearray(GOOD.encode())
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos : pos + data.draw(st.integers(0, 3))] = data.draw(st.binary(max_size=3))
    ledger_path.write_bytes(bytes(raw))
    (ledger_path.parent / "evidence").mkdir(exist_ok=True)
    for args in (["status"], ["check"], ["list", "--json"]):
        r = ceclog(*args)
        assert r.code in (0, 1), r.err
        assert "Traceback" not in r.err
        if r.code == 1 and args[0] != "check":
            assert r.err.startswith(f"error: {ledger_path}"), r.err
        assert ledger_path.read_bytes() == bytes(raw)
