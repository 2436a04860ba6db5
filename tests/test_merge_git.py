"""The git merge driver on a real repository: two clones edit one ledger apart, and `git pull`
merges them by meaning (the lines in docs/firms.md, "A git merge driver")."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import make_ledger

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DRIVER = f"{shlex.quote(sys.executable)} -m ceclog merge-driver %O %A %B %P"


def entry(id_: int, date: str, title: str, hours: int) -> str:
    return f'\n[[entries]]\nid = {id_}\ndate = {date}\ntitle = "{title}"\nhours = {hours}\n'


@pytest.fixture
def git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """git with no configuration but the test's own."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Test\n\temail = test@example.com\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path))

    def run(folder: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, check=False
        )
        assert not ok or done.returncode == 0, done.stderr + done.stdout
        return done

    return run


def _clones(tmp_path: Path, git: object) -> tuple[Path, Path]:
    """A shared repository holding ledger.toml (entries 1 Water 7 h, 2 Drying 4 h, 3 Mold 3 h)
    with the attributes line, and two clones, each with the driver configured."""
    run = git
    assert callable(run)
    origin = tmp_path / "origin.git"
    run(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    seed = tmp_path / "seed"
    run(tmp_path, "clone", "-q", str(origin), str(seed))
    make_ledger(
        seed / "ledger.toml",
        ("WRT", "2024-03-01"),
        body=entry(1, "2025-05-04", "Water damage basics", 7)
        + entry(2, "2025-06-09", "Drying refresher", 4)
        + entry(3, "2025-07-01", "Mold class", 3),
    )
    (seed / ".gitattributes").write_text("*.toml merge=ceclog\n", encoding="utf-8")
    run(seed, "add", ".")
    run(seed, "commit", "-q", "-m", "the ledger")
    run(seed, "push", "-q", "origin", "HEAD:main")
    clones = []
    for name in ("sam", "dana"):
        clone = tmp_path / name
        run(tmp_path, "clone", "-q", str(origin), str(clone))
        run(clone, "config", "merge.ceclog.name", "ceclog ledger merge")
        run(clone, "config", "merge.ceclog.driver", DRIVER)
        clones.append(clone)
    return clones[0], clones[1]


def _commit(git: object, clone: Path, text: str) -> None:
    assert callable(git)
    (clone / "ledger.toml").write_text(text, encoding="utf-8")
    git(clone, "commit", "-q", "-am", "edit")


def rows(path: Path) -> list[tuple[int, str, float]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(e["id"], e["title"], float(e["hours"])) for e in data["entries"]]


def test_git_pull_of_two_clones_edits_merges_by_meaning(tmp_path: Path, git: object) -> None:
    """Sam removes 3 and adds 4 Fire 6 h; Dana edits 2 to 5 h and adds 4 Odor 2 h: both
    appended a table at the end of the same file, a text conflict for git's own merge."""
    assert callable(git)
    sam, dana = _clones(tmp_path, git)
    text = (sam / "ledger.toml").read_text(encoding="utf-8")
    mold = entry(3, "2025-07-01", "Mold class", 3)
    _commit(git, sam, text.replace(mold, "") + entry(4, "2026-05-05", "Fire restoration", 6))
    git(sam, "push", "-q", "origin", "HEAD:main")
    mine = text.replace("hours = 4", "hours = 5") + entry(4, "2026-03-10", "Odor control", 2)
    _commit(git, dana, mine)
    pulled = git(dana, "pull", "-q", "--no-rebase", "origin", "main")
    assert pulled.returncode == 0
    assert rows(dana / "ledger.toml") == [
        (1, "Water damage basics", 7.0),
        (2, "Drying refresher", 5.0),
        (4, "Odor control", 2.0),
        (5, "Fire restoration", 6.0),
    ]
    assert git(dana, "status", "--porcelain").stdout == ""  # merged and committed
    assert "<<<<<<<" not in (dana / "ledger.toml").read_text(encoding="utf-8")


def test_a_field_changed_on_both_sides_stops_git_with_a_valid_ledger(
    tmp_path: Path, git: object
) -> None:
    assert callable(git)
    sam, dana = _clones(tmp_path, git)
    text = (sam / "ledger.toml").read_text(encoding="utf-8")
    _commit(git, sam, text.replace("hours = 4", "hours = 6"))
    git(sam, "push", "-q", "origin", "HEAD:main")
    _commit(git, dana, text.replace("hours = 4", "hours = 5") + entry(4, "2026-03-10", "Odor", 2))
    pulled = git(dana, "pull", "--no-rebase", "origin", "main", ok=False)
    assert pulled.returncode != 0
    said = pulled.stdout + pulled.stderr
    assert "entry 2 (2025-06-09 Drying refresher): hours: mine 5, theirs 6" in said
    assert "ceclog --ledger ledger.toml merge theirs.toml --base base.toml --yes" in said
    assert git(dana, "status", "--porcelain").stdout.startswith("UU ledger.toml")
    assert rows(dana / "ledger.toml") == [  # parses: this side's hours, the add kept
        (1, "Water damage basics", 7.0),
        (2, "Drying refresher", 5.0),
        (3, "Mold class", 3.0),
        (4, "Odor", 2.0),
    ]
    # the recipe it printed: choose theirs for the one field
    for stage, name in ((1, "base.toml"), (3, "theirs.toml")):
        shown = git(dana, "show", f":{stage}:ledger.toml").stdout
        (dana / name).write_text(shown, encoding="utf-8")
    choose = ["merge", "theirs.toml", "--base", "base.toml", "--prefer", "theirs", "--yes"]
    done = subprocess.run(
        [sys.executable, "-m", "ceclog", "--ledger", "ledger.toml", *choose],
        cwd=dana,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert rows(dana / "ledger.toml")[1] == (2, "Drying refresher", 6.0)
    assert len(rows(dana / "ledger.toml")) == 4
