"""The run's output streams: a reader that goes away (`ceclog list | head -1`) must not change
what the command does or the code it exits with."""

from __future__ import annotations

import contextlib
import os
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
