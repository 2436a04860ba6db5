"""NO_COLOR and --color change the colour only: at a terminal the layout follows its width
either way (NO_COLOR used to print the plain pipe layout, whose long lines the terminal then cut
mid-word at 80 columns); `--color always` colours a pipe, `--color never` a terminal not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import Ceclog

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ledger.toml"
ESC = "\x1b["


def at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is a terminal 80 columns wide (from inside the test: pytest swaps sys.stdout for
    the test itself)."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")


def _fits(text: str, width: int) -> bool:
    return all(len(line) <= width for line in text.splitlines())


def test_no_color_at_a_terminal_keeps_its_width_and_whole_words(
    ceclog: Ceclog, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_80_columns(monkeypatch)
    monkeypatch.setenv("NO_COLOR", "1")
    r = ceclog("list", ledger=EXAMPLE)
    assert r.code == 0
    assert ESC not in r.out
    assert _fits(r.out, 80), max(r.out.splitlines(), key=len)
    # the long title wraps between its words, each word whole on a line
    words = {word for line in r.out.splitlines() for word in line.split()}
    assert {"Applied", "Structural", "Drying", "refresher"} <= words


def test_no_color_and_colour_draw_the_same_layout(
    ceclog: Ceclog, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_80_columns(monkeypatch)
    import re

    coloured = ceclog("status", ledger=EXAMPLE)
    monkeypatch.setenv("NO_COLOR", "1")
    plain = ceclog("status", ledger=EXAMPLE)
    assert ESC in coloured.out and ESC not in plain.out
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.out) == plain.out


def test_color_never_at_a_terminal_has_no_escape_codes(
    ceclog: Ceclog, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_80_columns(monkeypatch)
    r = ceclog("--color", "never", "status", ledger=EXAMPLE)
    assert r.code == 0
    assert ESC not in r.out
    assert "─" in r.out and _fits(r.out, 80)  # still the terminal's table


def test_color_always_colours_a_pipe_even_with_no_color(
    ceclog: Ceclog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # the option given says more than the environment
    r = ceclog("status", "--color=always", ledger=EXAMPLE)
    assert r.code == 0
    assert ESC in r.out


def test_a_pipe_stays_plain_by_default_and_with_color_auto(ceclog: Ceclog) -> None:
    for args in ([], ["--color", "auto"]):
        r = ceclog(*args, "status", ledger=EXAMPLE)
        assert r.code == 0
        assert ESC not in r.out and "─" not in r.out


def test_a_wrong_color_word_is_a_usage_error(ceclog: Ceclog) -> None:
    r = ceclog("--color", "sometimes", "status", ledger=EXAMPLE)
    assert r.code == 2
    assert "'sometimes' is not one of 'auto', 'always', 'never'" in r.err
