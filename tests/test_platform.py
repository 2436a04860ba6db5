"""The platform layer (store/platform.py) on each of its paths: fcntl (Linux, macOS), msvcrt
(Windows: its module and os.name substituted here), and neither (a marker file); a rename
refused while another program has the target open, retried; and no OS-specific call anywhere
else in the sources."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from ceclog.errors import LockError
from ceclog.store import files, platform
from conftest import Ceclog, make_ledger

SRC = Path(__file__).resolve().parents[1] / "src" / "ceclog"
OS_SPECIFIC = re.compile(
    r"\b(fcntl|msvcrt|os\.name|sys\.platform|pthread_sigmask|geteuid|fchmod|pwd)\b"
)


def test_only_the_platform_module_makes_os_specific_calls() -> None:
    found = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "platform.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OS_SPECIFIC.search(line)
    ]
    assert found == []


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: a byte of a file locked by one open file at a time
    (another open file asking for it is refused with EACCES); every call recorded."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int, int, int]] = []
        self.held: dict[tuple[int, int], int] = {}  # (file, byte) -> fd

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((fd, mode, nbytes, position))
        key = (os.fstat(fd).st_ino, position)
        if mode == self.LK_UNLCK:
            del self.held[key]
        elif self.held.setdefault(key, fd) != fd:
            raise OSError(errno.EACCES, "Permission denied")


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # never reached for on Windows
    monkeypatch.setattr(os, "name", "nt")
    return fake


def test_windows_locks_the_first_byte_and_unlocks_it(windows: FakeMsvcrt, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.toml"
    with files.locked(ledger):
        assert len(windows.calls) == 1
        fd = windows.calls[0][0]
        assert windows.calls == [(fd, FakeMsvcrt.LK_NBLCK, 1, 0)]
    assert windows.calls == [(fd, FakeMsvcrt.LK_NBLCK, 1, 0), (fd, FakeMsvcrt.LK_UNLCK, 1, 0)]
    assert windows.held == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ledger.toml.lock"]


def test_windows_lock_held_by_another_ceclog(windows: FakeMsvcrt, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.toml"
    with (
        files.locked(ledger),
        pytest.raises(LockError) as caught,
        files.locked(ledger, timeout=0.1),
    ):
        pass  # pragma: no cover - the lock is held
    assert caught.value.message == "another ceclog has held the ledger's lock for 0 s"
    assert caught.value.hint == "wait for it to finish and try again"
    assert len([c for c in windows.calls if c[1] == FakeMsvcrt.LK_NBLCK]) > 2  # it waited
    assert windows.held == {}  # the first one's released too
    with files.locked(ledger):  # and it can be taken again
        pass


def test_fcntl_lock_held_by_another_ceclog(tmp_path: Path) -> None:
    if os.name == "nt" or os.environ.get("CECLOG_TEST_NO_FCNTL"):
        pytest.skip("fcntl is not available")
    ledger = tmp_path / "ledger.toml"
    with files.locked(ledger), pytest.raises(LockError), files.locked(ledger, timeout=0.1):
        pass  # pragma: no cover - the lock is held
    with files.locked(ledger):
        assert not (tmp_path / ".ledger.toml.lock-held").exists()  # flock, no marker


def test_the_run_without_fcntl_locks_with_the_marker(tmp_path: Path) -> None:
    """.ci/run's second run (CECLOG_TEST_NO_FCNTL=1, see conftest.py) really has no fcntl."""
    if not os.environ.get("CECLOG_TEST_NO_FCNTL"):
        pytest.skip("only in the run without fcntl (CECLOG_TEST_NO_FCNTL=1)")
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401
    with files.locked(tmp_path / "ledger.toml"):
        assert (tmp_path / ".ledger.toml.lock-held").exists()


@pytest.fixture
def no_fcntl(monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name == "nt":
        pytest.skip("Windows uses msvcrt")
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError


def test_without_fcntl_a_marker_is_the_lock(no_fcntl: None, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.toml"
    marker = tmp_path / ".ledger.toml.lock-held"
    with files.locked(ledger):
        import socket

        assert marker.read_text(encoding="utf-8") == f"{os.getpid()} {socket.gethostname()}"
        with pytest.raises(LockError), files.locked(ledger, timeout=0.1):
            pass  # pragma: no cover - the lock is held
        assert marker.exists()  # the refused one did not take it away
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ledger.toml.lock"]


def test_without_fcntl_a_marker_left_by_a_killed_ceclog_is_taken_over(
    no_fcntl: None, tmp_path: Path
) -> None:
    import socket

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    marker = tmp_path / ".ledger.toml.lock-held"
    marker.write_text(f"{ended} {socket.gethostname()}", encoding="utf-8")
    with files.locked(tmp_path / "ledger.toml", timeout=0.1):
        assert marker.read_text(encoding="utf-8").startswith(f"{os.getpid()} ")
    assert not marker.exists()


def test_without_fcntl_another_hosts_marker_is_respected(no_fcntl: None, tmp_path: Path) -> None:
    marker = tmp_path / ".ledger.toml.lock-held"
    marker.write_text("1 another-pc-on-the-share", encoding="utf-8")
    with pytest.raises(LockError), files.locked(tmp_path / "ledger.toml", timeout=0.1):
        pass  # pragma: no cover - the lock is held
    assert marker.read_text(encoding="utf-8") == "1 another-pc-on-the-share"


class Refusing:
    """os.replace refused (as Windows refuses while the target is open) the first `times` it is
    asked to replace a file in `folder` (not one in the parse cache, a folder of its own)."""

    def __init__(self, times: int, folder: Path) -> None:
        self.times, self.folder, self.refused = times, folder, 0
        self.real = os.replace

    def __call__(self, src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).parent == self.folder and self.refused < self.times:
            self.refused += 1
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        self.real(src, dst)


def refusing(monkeypatch: pytest.MonkeyPatch, times: int, folder: Path) -> list[float]:
    """`Refusing` in place of os.replace; the waits between tries, recorded, not slept."""
    waits: list[float] = []
    monkeypatch.setattr(os, "replace", Refusing(times, folder))
    monkeypatch.setattr(platform.time, "sleep", waits.append)
    return waits


ADD = ("add", "Drying Basics", "--date", "2026-10-01", "--hours", "3", "--kind", "course")


def test_a_replace_refused_a_few_times_is_retried(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ledger(ledger_path, ("WRT", "2024-03-01"))
    waits = refusing(monkeypatch, 3, ledger_path.parent)
    result = ceclog(*ADD)
    assert result.code == 0, result.err
    assert 'title = "Drying Basics"' in ledger_path.read_text(encoding="utf-8")
    assert waits == [0.1, 0.2, 0.4]  # the backup's rename refused 3 times, the 4th went


def test_a_replace_refused_for_good_is_a_clear_message(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = make_ledger(ledger_path, ("WRT", "2024-03-01")).read_bytes()
    waits = refusing(monkeypatch, 99, ledger_path.parent)
    result = ceclog(*ADD)
    assert result.code == 1
    assert result.err.splitlines()[:2] == [
        f"error: {ledger_path}: could not save the ledger: permission denied replacing "
        "ledger.toml.bak: another program may have it open, or the folder may not let you "
        "replace it; nothing was changed",
        "  hint: close it in the program that has it open (an editor, Excel, a sync or backup "
        "tool), then run the command again",
    ]
    assert waits == [0.1, 0.2, 0.4, 0.8]
    assert ledger_path.read_bytes() == before
    assert sorted(p.name for p in ledger_path.parent.iterdir() if not p.is_dir()) == [
        ".ledger.toml.lock",
        "ledger.toml",
    ]


def test_a_certificate_refused_for_good_is_a_clear_message(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2024-03-01"))
    assert ceclog(*ADD).code == 0
    certificate = tmp_path / "cert.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    refusing(monkeypatch, 99, tmp_path / "evidence")
    result = ceclog("attach", "1", str(certificate))
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        f"error: {tmp_path / 'evidence'}: could not copy the certificate into evidence/: "
        "permission denied replacing 2026-10-01_1_drying-basics.pdf: another program may have "
        "it open, or the folder may not let you replace it; nothing was changed"
    )
    assert list((tmp_path / "evidence").iterdir()) == []
    assert result.err.splitlines()[1] == f"  hint: {platform.Busy.hint}"


def test_init_shared_where_there_are_no_file_modes_says_so(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platform, "POSIX_MODES", False)  # as on Windows
    result = ceclog("init", "--name", "Sam Ortiz", "--shared")
    assert result.code == 1
    assert result.err.splitlines() == [
        "error: --shared makes the ledger readable by your group through file modes (640), "
        "which Windows does not have; nothing was created",
        "  hint: run `ceclog init` without --shared, and share the folder itself (its "
        "Properties, Sharing and Security): whoever may read the folder may read the ledgers "
        "in it",
    ]
    assert not ledger_path.exists()
    assert ceclog("init", "--name", "Sam Ortiz").code == 0


def test_a_read_only_ledger_on_windows_is_made_writable_with_attrib(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ledger(ledger_path, ("WRT", "2024-03-01")).chmod(0o444)
    monkeypatch.setattr(platform, "POSIX_MODES", False)
    result = ceclog(*ADD)
    assert result.code == 1
    assert result.err.splitlines()[1] == (
        f"  hint: make it writable (attrib -r {ledger_path}, or untick Read-only in its "
        "Properties) or work on a copy"
    )


def test_a_new_files_lock_removed_while_another_waits_is_taken_afresh(tmp_path: Path) -> None:
    """`locked(new=True)` removes the lock of a file never written; one waiting on that lock
    file meanwhile must not hold a lock on a file no longer there (a third would lock anew)."""
    import threading
    import time

    path = tmp_path / "dan-wu.toml"
    lock = tmp_path / ".dan-wu.toml.lock"
    seen: list[bool] = []
    entered = threading.Event()

    def waiter() -> None:
        entered.set()
        with files.locked(path, new=True):
            seen.append(lock.exists())

    with files.locked(path, new=True):
        other = threading.Thread(target=waiter)
        other.start()
        entered.wait()
        time.sleep(0.2)  # the waiter has opened the lock file and waits on it
    other.join(5)
    assert seen == [True]  # it holds a lock file that is there, made afresh
    assert not lock.exists()  # and removed again: dan-wu.toml was never written


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders: Linux")
def test_the_user_folders_are_platformdirs_s_without_importing_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where the cache and the data live: platformdirs's answer for every $XDG_... and $HOME
    (absolute, relative, unset, with a trailing slash), found without importing platformdirs
    (3-4 ms of every start-up) when the XDG rules say where."""
    import platformdirs

    asks = {"cache": platformdirs.user_cache_dir, "data": platformdirs.user_data_dir}
    homes = [str(tmp_path / "home"), str(tmp_path / "home") + "/", "relative/home", None]
    for kind, (variable, _) in platform.XDG_FOLDERS.items():
        for base in [str(tmp_path / "xdg"), "relative/xdg", "", None]:
            for home in homes:
                for name, value in ((variable, base), ("HOME", home)):
                    if value is None:
                        monkeypatch.delenv(name, raising=False)
                    else:
                        monkeypatch.setenv(name, value)
                want = Path(asks[kind]("ceclog", appauthor=False))
                assert platform.user_folder(kind, "ceclog") == want, (kind, base, home)
    code = (
        "import sys; from ceclog.store import cache, places; cache.folder(); "
        "places.default_ledger(); print('platformdirs' in sys.modules)"
    )
    env = {"PATH": "", "HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr
