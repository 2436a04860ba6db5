"""Start-up time is a feature: what a command does not need is never imported.  Each test runs
a fresh interpreter and looks at what it imported (`sys.modules`); no test times anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import make_ledger

HEAVY = ("pydantic", "rich", "openpyxl", "pypdf", "fpdf", "platformdirs")


def imported_by(code: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh interpreter has imported after running `code` (which may print)."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_top_level_help_imports_no_command_and_no_model() -> None:
    """`ceclog --help` lists every command from `cli.listing`: no command module, no record
    definitions, nothing heavy."""
    code = "from ceclog.cli import run\nrun(['--help'])"
    modules = imported_by(code)
    commands = sorted(m for m in modules if m.startswith("ceclog.cli.") and m != "ceclog.cli.guard")
    assert commands == ["ceclog.cli.context", "ceclog.cli.listing"]
    assert not [m for m in modules if m.startswith(("ceclog.core", "ceclog.store"))]
    assert heavy(modules) == []


def test_importing_the_cli_imports_nothing_heavy() -> None:
    modules = imported_by("import ceclog.cli")
    assert heavy(modules) == [] and "ceclog.core.ledger.models" not in modules


def test_help_lists_what_the_commands_themselves_say() -> None:
    """The listing from `cli.listing` is the listing of the commands once all are imported:
    the same names, order and summaries, at a narrow and a wide terminal."""
    for columns in ("60", "200"):
        env = {"COLUMNS": columns}
        lazy = "from ceclog.cli import run\nrun(['--help'])"
        full = "from ceclog.cli import load_commands, run\nload_commands()\nrun(['--help'])"
        outs = [
            subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, **env},
            ).stdout
            for code in (lazy, full)
        ]
        assert outs[0] == outs[1]
        assert "  team-calendar  One calendar for the firm" in outs[0]


def test_status_from_the_cache_imports_no_validation(tmp_path: Path) -> None:
    """A ledger read before is rebuilt from the parse cache: Pydantic (the validation) and the
    TOML scanner are not imported, nor anything else heavy."""
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"))
    env = {"CECLOG_TODAY": "2026-11-22", "CECLOG_CACHE_DIR": str(tmp_path / "cache")}
    env["CECLOG_NO_CACHE"] = ""
    code = f"from ceclog.cli import run\nrun(['--ledger', {str(ledger)!r}, 'status'])"
    first = imported_by(code, env)
    assert "pydantic" in first  # validated the first time
    modules = imported_by(code, env)
    assert heavy(modules) == [] and "ceclog.store.tomlscan" not in modules
    # what only some ledgers need: no assertion to reconcile, no certificate to look for, no
    # text given to check (--today is a date)
    for module in (
        "ceclog.core.reconcile.compare",
        "ceclog.store.evidence",
        "ceclog.core.ledger.text",
    ):
        assert module not in modules
    assert "ceclog.core.imports.names" not in modules  # what a sheet's words mean: import only


def test_status_from_the_cache_finds_and_keys_it_without_platformdirs_or_openssl(
    tmp_path: Path,
) -> None:
    """The cache folder is the user's (XDG) one, found without platformdirs; a file's key is
    its SHA-256, hashlib's own, computed without importing hashlib (which loads OpenSSL): a
    few milliseconds of every start-up."""
    import hashlib

    from ceclog.store import cache

    assert cache._sha256(b"ledger") == hashlib.sha256(b"ledger").hexdigest()
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"))
    env = {"CECLOG_TODAY": "2026-11-22", "HOME": str(tmp_path), "CECLOG_CACHE_DIR": ""}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    code = f"from ceclog.cli import run\nrun(['--ledger', {str(ledger)!r}, 'status'])"
    imported_by(code, env)  # validated, and cached
    assert list((tmp_path / "cache" / "ceclog").iterdir()) != []
    modules = imported_by(code, env)
    assert "pydantic" not in modules  # read from the cache
    assert sorted({"platformdirs", "hashlib", "_hashlib"} & modules) == []


def test_an_add_after_an_add_neither_validates_nor_scans_the_file(tmp_path: Path) -> None:
    """The second add of a run of adds reads the records from the cache and puts the new
    entry where the cache says the entries end: no Pydantic, no TOML scanner."""
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"))
    env = {"CECLOG_TODAY": "2026-11-22", "CECLOG_CACHE_DIR": str(tmp_path / "cache")}
    env["CECLOG_NO_CACHE"] = ""
    code = (
        "from ceclog.cli import run\n"
        f"assert run(['--ledger', {str(ledger)!r}, 'add', 'Class', '--hours', '2']) == 0"
    )
    first = imported_by(code, env)  # the first: validated, and the file scanned
    assert "pydantic" in first and "ceclog.store.tomlscan" in first
    imported_by(code, env)  # the second add remembers where the entries end
    modules = imported_by(code, env)
    assert heavy(modules) == [] and "ceclog.store.tomlscan" not in modules
    assert ledger.read_text().count("[[entries]]") == 3


def test_records_compare_hash_and_show_as_dataclass_would_without_writing_it_per_class() -> None:
    """The record classes leave equality, hash and repr to one base (dataclass would compile
    them for each class at import), which behaves as dataclass's own."""
    import dataclasses
    import datetime as dt
    from decimal import Decimal

    from ceclog.core.ledger import models

    classes = [c for c in vars(models).values() if dataclasses.is_dataclass(c)]
    assert len(classes) >= 12
    for cls in classes:
        assert not {"__eq__", "__hash__", "__repr__"} & set(vars(cls)), cls.__name__
    ev = models.Evidence(file="evidence/a.pdf", name="a.pdf", sha256="0" * 64)
    twin = models.Evidence(file="evidence/a.pdf", name="a.pdf", sha256="0" * 64)
    assert ev == twin and hash(ev) == hash(twin) and ev is not twin
    assert ev != dataclasses.replace(ev, name="b.pdf")
    assert repr(ev) == f"Evidence(file='evidence/a.pdf', name='a.pdf', sha256='{'0' * 64}')"
    day = dt.date(2024, 1, 10)
    entry = models.Entry(id=1, date=day, title="Class", hours=Decimal("7.5"), evidence=[ev])
    assert entry == models.Entry(
        id=1, date=day, title="Class", hours=Decimal("7.50"), evidence=[twin]
    )
    assert repr(entry).startswith("Entry(id=1, date=datetime.date(2024, 1, 10), title='Class'")
    cert = models.Certification(code="WRT", earned=day)
    assert cert != models.Exemption(name="x", fact="y", since=day)  # another class: not equal
    assert (cert == "WRT") is False and cert != ("WRT", day, None, None, None)


def test_records_are_made_as_dataclass_would_without_compiling_per_class() -> None:
    """The record classes share one `__init__` made from their fields (dataclass would write
    and compile one per class at import, and a `__setattr__` and `__delattr__`): each takes its
    fields by name only, gives every record a new list or dict for a `default_factory`, runs
    `__post_init__`, says what is wrong as dataclass's would, and refuses any change."""
    import dataclasses
    import datetime as dt

    import pytest

    from ceclog.core.ledger import models

    classes = [c for c in vars(models).values() if dataclasses.is_dataclass(c)]
    codes = {c.__init__.__code__ for c in classes}  # type: ignore[misc]
    assert len(classes) >= 12 and len(codes) == 1
    day = dt.date(2024, 1, 10)
    one, two = models.Entry(id=1, date=day, title="A"), models.Entry(id=2, date=day, title="B")
    assert one.topics == [] and one.topics is not two.topics and one.topic_hours == {}
    assert (one.kind, one.planned, one.hours) == ("course", False, None)
    assert list(vars(one)) == [f.name for f in dataclasses.fields(one)]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'title'"):
        one.title = "C"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'title'"):
        del one.title  # type: ignore[misc]
    with pytest.raises(TypeError, match=r"^Entry.__init__\(\) got an unexpected keyword .*'x'$"):
        models.Entry(id=3, date=day, title="C", x=1)  # type: ignore[call-arg]
    with pytest.raises(
        TypeError,
        match=r"^Holder.__init__\(\) missing 2 required keyword-only arguments: 'name' and "
        r"'tracking_since'$",
    ):
        models.Holder()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional"):
        models.Certification("WRT", day)  # type: ignore[misc]
    holder = models.Holder(name="A", tracking_since=day)
    with pytest.raises(ValueError, match="two entries have id = 1"):  # its __post_init__
        models.Ledger(version=7, holder=holder, entries=[one, dataclasses.replace(two, id=1)])


def test_the_command_runs_without_the_cyclic_collector(tmp_path: Path) -> None:
    """The console script runs its one command with the cyclic collector off: the records of a
    ledger live until the process exits, and walking them again and again was a fifth of a
    `status` on 10,000 entries.  (In-process callers, such as this suite, keep collecting.)"""
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"))
    code = (
        "import gc, sys\n"
        "import ceclog.cli\n"
        "run = ceclog.cli.run\n"
        "ceclog.cli.run = lambda: print('collector', gc.isenabled()) or run()\n"
        f"sys.argv = ['ceclog', '--ledger', {str(ledger)!r}, 'status']\n"
        "from ceclog.__main__ import main\n"
        "main()\n"
    )
    env = {**os.environ, "CECLOG_TODAY": "2026-11-22", "CECLOG_CACHE_DIR": str(tmp_path / "c")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "collector False"
    assert "technician (WRT)" in out.stdout
