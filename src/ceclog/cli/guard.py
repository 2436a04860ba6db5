"""What guards the end of a run: a reader that goes away (`ceclog list | head -1`) must not
change what the command does or its exit code; Ctrl-C must unwind it, never show a traceback."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from typing import Any


class PipeSafe:
    """A stream whose reader may close it.  Once a write or flush fails with EPIPE, the file
    descriptor is pointed at /dev/null, so the command finishes as it would have, printing
    nothing more, and keeps its own exit code (click would turn the error into exit 1)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def _reader_gone(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # ValueError: a stream with no fd
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._stream.fileno())
            finally:
                os.close(devnull)

    def write(self, data: Any) -> int:
        try:
            return int(self._stream.write(data))
        except BrokenPipeError:
            self._reader_gone()
            return len(data)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._reader_gone()

    @property
    def buffer(self) -> PipeSafe:  # `sys.stdout.buffer.write(...)` for binary output
        return PipeSafe(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def pipe_safe() -> Iterator[None]:
    """sys.stdout and sys.stderr as `PipeSafe` streams for the block."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PipeSafe(saved[0]), PipeSafe(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


class Interrupts:
    """The SIGINT handler while `run()` runs: the first Ctrl-C raises KeyboardInterrupt, which
    unwinds the command through its context managers (lock, temp files, evidence roll-back);
    later ones, and any after `disarm`, are ignored, so the clean-up and the report finish."""

    def __init__(self) -> None:
        self.armed = True
        self.seen = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.armed:
            self.armed = False
            self.seen = True
            raise KeyboardInterrupt

    def disarm(self) -> None:
        self.armed = False

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """This handler for SIGINT during the block; the previous one after it, whatever
        happens (asked for first: a Ctrl-C may land as soon as this one is installed)."""
        import threading

        if threading.current_thread() is not threading.main_thread():  # no signals there
            yield
            return
        previous = signal.getsignal(signal.SIGINT)
        hook = sys.unraisablehook
        try:
            sys.unraisablehook = _quiet_interrupts(hook)
            signal.signal(signal.SIGINT, self)
            yield
        finally:
            signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
            sys.unraisablehook = hook


def _quiet_interrupts(hook: Any) -> Any:
    """`hook` (sys.unraisablehook) but for a Ctrl-C that lands in a callback Python cannot
    raise from (an import lock's, during a lazy import): CPython would print it as "Exception
    ignored in ..." with a traceback, and the interrupt is the command's to report."""

    def quiet(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, KeyboardInterrupt):
            hook(unraisable)

    return quiet
