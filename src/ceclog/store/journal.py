"""What a run wrote, so that an error or a Ctrl-C afterwards can say so truthfully.

The command passes its journal (a list on the run's Context) to storage, which records each
file once it is written.  A file and its record go together: Ctrl-C waits (SIGINT is blocked)
until both are done, so the journal is never behind the disk."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ceclog.store.platform import interrupts_blocked


class Written(NamedTuple):
    """A file the run wrote: "ledger" (saved), "created", "restored" (undo), "evidence" or
    "export"."""

    what: str
    path: Path


Journal = list[Written]


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C during the block takes effect when it ends (as a KeyboardInterrupt)."""
    with interrupts_blocked():
        yield


@contextlib.contextmanager
def writing(journal: Journal, what: str, path: Path) -> Iterator[None]:
    """Write `path` in the block; once the block succeeds, it is recorded in `journal`."""
    with interrupts_deferred():
        yield
        journal.append(Written(what, path))
