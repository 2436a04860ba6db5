"""Nothing outside the ledger's own files, ever: a ledger that is a symbolic link is read but
never written through (no lock, temp file or backup beside its target); a certificate is read
only inside evidence/; a pipe, a device or an empty file is refused as input before anything is
read or written; another user's ledger is named as theirs.  Every target is inside tmp_path."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_safety import BODY

from conftest import TODAY, Ceclog, make_ledger

PASSWD = "root:x:0:0:root:/root:/bin/bash\n"  # what a system account file holds; a copy in tmp


def _tree(folder: Path) -> dict[str, bytes | str]:
    """Every name under `folder` (hidden ones too) with its bytes, or its link's target; the
    test's own cache and data folders aside."""
    out: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        name = str(p.relative_to(folder))
        if name.startswith("xdg-"):
            continue
        out[name] = os.readlink(p) if p.is_symlink() else p.read_bytes() if p.is_file() else "/"
    return out


def _ledger(path: Path, body: str = BODY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return make_ledger(path, ("WRT", "2023-01-01"), body=body)


# -- a ledger that is a symbolic link --------------------------------------------------------

CHANGES = [
    ("add", "X", "--date", "2024-01-01", "--hours", "1"),
    ("edit", "1", "--title", "Y"),
    ("rm", "1", "--yes"),
    ("holder", "--email", "a@b.co"),
    ("cert", "add", "ASD", "--earned", "2024-01-01"),
    ("attach", "1", "{cert}"),
    ("undo",),
    ("export", "--format", "csv", "--mark-submitted", "--output", "{out}"),
]


@pytest.mark.parametrize("args", CHANGES, ids=lambda a: "-".join(a[:2]))
def test_a_symlinked_ledger_is_read_but_never_written_through(
    ceclog: Ceclog, tmp_path: Path, args: tuple[str, ...]
) -> None:
    target = _ledger(tmp_path / "elsewhere" / "target.toml")
    assert ceclog("edit", "1", "--hours", "4", ledger=target).code == 0  # a backup for undo
    home = tmp_path / "home"
    home.mkdir()
    link = home / "ledger.toml"
    link.symlink_to(target)
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF certificate")
    before = _tree(tmp_path)
    assert ceclog("status", ledger=link).code == 0  # reading through the link is fine
    r = ceclog(*[a.format(cert=cert, out=home / "out.csv") for a in args], ledger=link)
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        f"error: {link}: the ledger is a symbolic link to {target}; ceclog never changes a "
        "ledger through a link, so nothing was changed\n"
        f"  hint: give the file itself: --ledger {target} (or link its folder instead of the "
        "file)\n"
    )
    assert _tree(tmp_path) == before  # no lock, temp file or backup anywhere; the link kept


def test_a_link_to_a_system_file_leaves_nothing_beside_it(ceclog: Ceclog, tmp_path: Path) -> None:
    """The test suite once left a lock file beside a real system file: a refused write took its
    lock beside the link's target.  Here the 'system file' is a copy inside tmp_path."""
    system = tmp_path / "system"
    system.mkdir()
    (system / "accounts").write_text(PASSWD)
    link = tmp_path / "ledger.toml"
    link.symlink_to(system / "accounts")
    before = _tree(tmp_path)
    for args in (["add", "X", "--hours", "1"], ["undo"], ["init", "--name", "X"]):
        r = ceclog(*args, ledger=link)
        assert _tree(tmp_path) == before  # not even a lock file beside the target
        assert r.code == 1 and r.err.startswith(f"error: {link}: "), r.err
    r = ceclog("add", "X", "--hours", "1", ledger=link)
    assert r.err.endswith(  # no hint to name the target itself
        "\n  hint: that file is not a ceclog ledger (no [holder] table): give your ledger's path\n"
    )
    r = ceclog("status", ledger=link)
    assert r.code == 1 and r.err.startswith(f"error: {link}:1: not valid TOML")
    assert _tree(tmp_path) == {
        "system": "/",
        "system/accounts": PASSWD.encode(),
        "ledger.toml": str(system / "accounts"),
    }


def test_writing_the_real_path_keeps_lock_and_backup_beside_it(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    target = _ledger(tmp_path / "elsewhere" / "target.toml", body="")
    target.chmod(0o640)
    (tmp_path / "ledger.toml").symlink_to(target)
    assert ceclog("add", "X", "--date", "2024-01-01", "--hours", "1", ledger=target).code == 0
    assert sorted(p.name for p in target.parent.iterdir()) == [
        ".target.toml.lock",
        "target.toml",
        "target.toml.bak",
    ]
    assert target.stat().st_mode & 0o777 == 0o640
    r = ceclog("list", ledger=tmp_path / "ledger.toml")  # the link reads the new version
    assert r.code == 0 and "X" in r.out


def test_a_lock_file_planted_as_a_link_creates_nothing_elsewhere(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    lock = tmp_path / ".ledger.toml.lock"
    lock.symlink_to(tmp_path / "elsewhere" / "planted")
    (tmp_path / "elsewhere").mkdir()
    before = _tree(tmp_path)
    r = ceclog("add", "X", "--date", "2024-01-01", "--hours", "1")
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        f"error: {ledger_path}: cannot create the lock file .ledger.toml.lock: Too many levels "
        "of symbolic links\n  hint: .ledger.toml.lock is a symbolic link, not ceclog's: remove it\n"
    )
    assert _tree(tmp_path) == before  # elsewhere/planted was not created


def test_a_dangling_link_is_named_and_never_created_through(ceclog: Ceclog, tmp_path: Path) -> None:
    link = tmp_path / "ledger.toml"
    link.symlink_to(tmp_path / "synced" / "ledger.toml")
    r = ceclog("status", ledger=link)
    assert r.code == 1
    assert r.err == (
        f"error: {link}: is a symbolic link to {tmp_path}/synced/ledger.toml, which does not "
        f"exist\n  hint: restore {tmp_path}/synced/ledger.toml, or point at the ledger file "
        "itself\n"
    )
    r = ceclog("init", "--name", "Dana", ledger=link)
    assert r.code == 1
    assert r.err == (
        f"error: {link}: is a symbolic link to {tmp_path}/synced/ledger.toml, which does not "
        f"exist; nothing was written\n  hint: to start a ledger there: ceclog --ledger "
        f"{tmp_path}/synced/ledger.toml init; or remove the link\n"
    )
    assert list(_tree(tmp_path)) == ["ledger.toml"]  # no lock file


def test_init_on_a_link_to_a_ledger_says_it_exists_and_leaves_no_lock(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    target = _ledger(tmp_path / "elsewhere" / "target.toml", body="")
    link = tmp_path / "ledger.toml"
    link.symlink_to(target)
    r = ceclog("init", "--name", "Dana", ledger=link)
    assert r.code == 1 and "a ledger already exists here; ceclog init never replaces one" in r.err
    assert list(_tree(tmp_path)) == ["elsewhere", "elsewhere/target.toml", "ledger.toml"]


# -- certificates: only inside evidence/ -----------------------------------------------------


def _hostile_evidence(ceclog: Ceclog, tmp_path: Path) -> tuple[Path, Path]:
    """A ledger whose certificate was replaced by a link to a file outside its folder, the
    recorded SHA-256 changed to match (a ledger handed over by someone else)."""
    ledger = _ledger(tmp_path / "books" / "ledger.toml")
    (tmp_path / "cert.pdf").write_bytes(b"%PDF certificate")
    ceclog("submit", "1", "--on", "2024-01-03", ledger=ledger)
    assert ceclog("attach", "1", str(tmp_path / "cert.pdf"), ledger=ledger).code == 0
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSWD)
    copy = ledger.parent / "evidence" / "2024-01-02_1_water-class.pdf"
    copy.unlink()
    copy.symlink_to(secret)
    text = ledger.read_text()
    old = hashlib.sha256(b"%PDF certificate").hexdigest()
    ledger.write_text(text.replace(old, hashlib.sha256(PASSWD.encode()).hexdigest()))
    return ledger, secret


def test_a_certificate_linked_out_of_evidence_is_an_error(ceclog: Ceclog, tmp_path: Path) -> None:
    ledger, secret = _hostile_evidence(ceclog, tmp_path)
    line = ledger.read_text().splitlines().index("[[entries.evidence]]") + 1
    r = ceclog("check", ledger=ledger)
    assert r.code == 1
    assert r.out.splitlines()[:2] == [
        f"{ledger}:{line}: error: evidence of entry 1 is refused: "
        f"evidence/2024-01-02_1_water-class.pdf leads outside the evidence/ folder, to {secret}",
        "  hint: ceclog reads a certificate only as a file inside the ledger's evidence/ "
        "folder: put the certificate itself there (ceclog attach 1 FILE) and remove this table",
    ]
    r = ceclog("status", ledger=ledger)
    assert r.code == 0 and "evidence of entry 1 is refused" in r.err


def test_export_never_attaches_a_file_from_outside_evidence(ceclog: Ceclog, tmp_path: Path) -> None:
    ledger, _ = _hostile_evidence(ceclog, tmp_path)
    out = tmp_path / "out.eml"
    r = ceclog("export", "--format", "eml", "--to", "a@b.co", "--output", str(out), ledger=ledger)
    assert r.code == 1 and "evidence of entry 1 is refused" in r.err
    assert not out.exists()


def test_a_linked_evidence_folder_is_the_ledgers_own(ceclog: Ceclog, tmp_path: Path) -> None:
    """A user may keep evidence/ elsewhere through a link of the folder: files inside it are
    read (only links that leave it are refused)."""
    ledger = _ledger(tmp_path / "books" / "ledger.toml")
    (tmp_path / "scans").mkdir()
    (ledger.parent / "evidence").symlink_to(tmp_path / "scans")
    (tmp_path / "cert.pdf").write_bytes(b"%PDF certificate")
    assert ceclog("attach", "1", str(tmp_path / "cert.pdf"), ledger=ledger).code == 0
    assert [p.name for p in (tmp_path / "scans").iterdir()] == ["2024-01-02_1_water-class.pdf"]
    r = ceclog("check", "--json", ledger=ledger)
    assert r.code == 0 and [f["code"] for f in json.loads(r.out)] == ["unsubmitted"]


# -- pipes, devices and empty files given as input -------------------------------------------


@contextlib.contextmanager
def _unblocked(fifo: Path) -> Iterator[None]:
    """While the block runs, keep opening the pipe's other end without blocking, so that a
    reader stuck on it gets an end of file instead of hanging the test for ever."""
    done = threading.Event()

    def writer() -> None:
        while not done.wait(0.05):
            with contextlib.suppress(OSError):  # ENXIO: nobody is reading it
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


INPUTS = [
    ("attach", "1", "{f}"),
    ("add", "Y", "--hours", "1", "--evidence", "{f}"),
    ("import", "{f}"),
    ("import", "{m}", "--map", "{f}"),
    ("reconcile", "--transcript", "{f}"),
    ("reconcile", "--portal", "3", "--record", "--evidence", "{f}"),
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize(
    "args", INPUTS, ids=lambda a: "-".join(a[:3]).replace("{", "").replace("}", "")
)
def test_a_pipe_given_as_input_is_refused_without_waiting(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    (tmp_path / "m.csv").write_text("date,title,hours\n2024-02-01,Mold class,2\n")
    fifo = tmp_path / "cert.pdf"
    os.mkfifo(fifo)
    before = _tree(tmp_path)
    with _unblocked(fifo):
        r = ceclog(*[a.format(f=fifo, m=tmp_path / "m.csv") for a in args])
    assert (r.code, r.out) == (1, "")
    assert r.err.startswith(f"error: {fifo}: is a named pipe (FIFO), not a file\n"), r.err
    assert _tree(tmp_path) == before


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
@pytest.mark.parametrize("args", INPUTS[:3], ids=lambda a: a[0])
def test_a_device_given_as_input_is_refused(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    before = _tree(tmp_path)
    r = ceclog(*[a.format(f="/dev/null") for a in args])
    assert (r.code, r.out) == (1, "")
    assert r.err.startswith("error: /dev/null: is a device, not a file\n"), r.err
    assert _tree(tmp_path) == before


def test_an_empty_certificate_is_refused(ceclog: Ceclog, ledger_path: Path, tmp_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    before = _tree(tmp_path)
    for args in (
        ("attach", "1", str(empty)),
        ("add", "Y", "--hours", "1", "--evidence", str(empty)),
    ):
        r = ceclog(*args)
        assert (r.code, r.err) == (
            1,
            f"error: {empty}: is empty\n  hint: attach the certificate file itself\n",
        )
    assert _tree(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_as_ledger_or_rules_file_is_refused(ceclog: Ceclog, tmp_path: Path) -> None:
    fifo = tmp_path / "ledger.toml"
    os.mkfifo(fifo)
    with _unblocked(fifo):
        r = ceclog("status", ledger=fifo)
        assert (r.code, r.err) == (1, f"error: {fifo}: is a named pipe (FIFO), not a ledger file\n")
        r = ceclog("rules", "show", str(fifo), ledger=None)
        assert (r.code, r.err) == (1, f"error: {fifo}: is a named pipe (FIFO), not a rules file\n")


# -- another user's ledger -------------------------------------------------------------------


def test_another_users_ledger_is_named_as_theirs() -> None:
    from ceclog.store.files import read_only_error

    path = Path("ledger.toml")
    error = read_only_error(path, 0o644, "root", "dana", writable=False)
    assert error is not None and str(error) == (
        "ledger.toml: the ledger belongs to root (mode 644) and you (dana) may not change it; "
        "nothing was changed\n"
        "  hint: ask root or an administrator to let you write it, or work on a copy of it "
        "(copy the file, then use --ledger COPY)"
    )
    assert read_only_error(path, 0o644, None, "dana", writable=True) is None
    error = read_only_error(path, 0o444, None, "dana", writable=False)  # your own: chmod works
    assert error is not None and "read-only (mode 444)" in str(error) and "chmod u+w" in str(error)
    error = read_only_error(path, 0o644, None, "dana", writable=False)  # an access list
    assert error is not None and "chmod" not in str(error)


def _can_drop_privileges() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe = ["setpriv", "--bounding-set=-dac_override", "--inh-caps=-all", "true"]
    return subprocess.run(probe, capture_output=True).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _can_drop_privileges(), reason="needs root and setpriv to drop rights")
def test_another_users_ledger_for_real(tmp_path: Path) -> None:
    """A ledger owned by `nobody`, mode 644, changed by a process that may not write it (root
    without the rights that override file permissions: the same check an ordinary user meets)."""
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"), body=BODY)
    ledger.chmod(0o644)
    os.chown(ledger, 65534, 65534)
    owner = __import__("pwd").getpwuid(65534).pw_name
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--inh-caps=-all"]
    argv = [sys.executable, "-m", "ceclog", "--ledger", str(ledger), "--today", TODAY]
    before = _tree(tmp_path)
    r = subprocess.run([*drop, *argv, "add", "X", "--hours", "1"], capture_output=True, text=True)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == (
        f"error: {ledger}: the ledger belongs to {owner} (mode 644) and you (root) may not "
        "change it; nothing was changed\n"
        f"  hint: ask {owner} or an administrator to let you write it, or work on a copy of it "
        "(copy the file, then use --ledger COPY)\n"
    )
    assert _tree(tmp_path) == before
    r = subprocess.run([*drop, *argv, "list"], capture_output=True, text=True)
    assert r.returncode == 0 and "Water class" in r.stdout


@pytest.mark.slow
def test_collecting_the_suite_writes_nothing_in_the_users_folders(tmp_path: Path) -> None:
    """Test modules load the shipped rules when they are imported, before any test's own
    folders are set: that must not fill the real user cache (~/.cache/ceclog)."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    tests = Path(__file__).parent
    argv = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    r = subprocess.run([*argv, str(tests)], env=env, cwd=tests.parent, capture_output=True)
    assert r.returncode == 0, r.stdout[-2000:]
    assert [str(p.relative_to(home)) for p in home.rglob("*")] == []
