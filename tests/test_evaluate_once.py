"""A command evaluates a ledger once: the checks that need its evaluation (assertions, late
entries) hand it back, and the command's figures reuse it.  Counted by wrapping the engine's
`evaluate` everywhere it is bound, in-process."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ceclog.core.schedule import engine
from conftest import Ceclog, make_ledger

# WRT earned 2018-06-01: its first cycle ended 2022-05-31 with 9 of 14 h; a 5 h class of
# 2023-05-01 is applied to it (a late entry), and the body's portal figure of 2026-10-01 is
# kept as an assertion
BODY = """
[[entries]]
id = 1
date = 2020-01-01
title = "Class 1"
hours = 9

[[entries]]
id = 2
date = 2023-05-01
title = "Class 2"
hours = 5
for_cycle = 2022-05-31

[[entries]]
id = 3
date = 2026-07-01
title = "Class 3"
hours = 2
submitted = 2026-07-02
posted = 2026-08-01

[[assertions]]
date = 2026-10-01
track = "technician"
posted = 2
"""


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Any, ...]]]:
    """Every call of the engine's `evaluate`, by whatever name a module holds it."""
    seen: list[tuple[Any, ...]] = []
    real = engine.evaluate

    def counted(*args: Any, **kwargs: Any) -> engine.Report:
        seen.append(args)
        return real(*args, **kwargs)

    counted.__wrapped__ = real  # type: ignore[attr-defined]
    monkeypatch.setattr(engine, "evaluate", counted)
    for name, module in list(sys.modules.items()):
        held = getattr(module, "evaluate", None)
        # a module first imported while an earlier test's counter was in place holds that one
        if name.startswith("ceclog.") and real in (held, getattr(held, "__wrapped__", None)):
            monkeypatch.setattr(module, "evaluate", counted)
    yield seen


def _twice(seen: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The calls that evaluated a ledger already evaluated under the same rules and day."""
    return [args for i, args in enumerate(seen) if args in seen[:i]]


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["status", "--json"],
        ["status", "--rules", "iicrc-2012"],
        ["plan"],
        ["calendar"],
        ["reconcile", "--track", "technician", "--portal", "2"],
        ["export", "--format", "md"],
        ["team", "LEDGER"],
    ],
    ids=" ".join,
)
def test_a_command_evaluates_the_same_ledger_once(
    ceclog: Ceclog, ledger_path: Path, calls: list[tuple[Any, ...]], args: list[str]
) -> None:
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=BODY)
    r = ceclog(*[str(ledger_path) if a == "LEDGER" else a for a in args])
    assert r.code in (0, 1), r.err
    assert calls, "the command evaluated nothing: the counter is not wired"
    assert _twice(calls) == [], f"{len(calls)} evaluations, {len(_twice(calls))} repeated"


def test_status_evaluates_the_ledger_once(
    ceclog: Ceclog, ledger_path: Path, calls: list[tuple[Any, ...]]
) -> None:
    """The count itself: the late entry's check, the assertion's check and the figures share
    one evaluation (before: two, the checks' and the figures')."""
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=BODY)
    assert ceclog("status").code == 0
    assert len(calls) == 1
