"""How the holder's certificates write a numeric date (`holder --dates`, `init --dates`): a
date the page does not settle ("3/11/26") is read that way by `add --from`, the page's own
evidence and today first; without it `--yes` says how to set it.  Driven through the command
line on real files, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

PAGE: list[fx.Row] = [
    "#Certificate of Completion",
    "Name: Dana Reyes",
    "Course Title: Mold Remediation Basics",
    "Contact Hours: 4",
]


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _date(ceclog: Ceclog, tmp_path: Path, *rows: fx.Row) -> dict[str, object]:
    fields = fx.fields_read(ceclog, tmp_path, [*PAGE, *rows])
    return fields["date"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("dates", "rows", "want", "note"),
    [
        (  # nothing says: read month first, for the user to confirm
            None,
            ["Completed: 3/11/26"],
            "2026-03-11",
            "month first: the US way, as nothing on the page says (day first it is 2026-11-03)",
        ),
        (
            "month-first",
            ["Completed: 3/11/26"],
            "2026-03-11",
            "month first: your ledger's holder dates = 'month-first'",
        ),
        (
            "day-first",
            ["Completed: 3/11/26"],
            "2026-11-03",
            "day first: your ledger's holder dates = 'day-first'",
        ),
        (  # the page says where it is from: that wins
            "month-first",
            ["Completed: 3/11/26", "12 Market Street, Leeds LS1 6DT"],
            "2026-11-03",
            "day first: a UK postcode on the page (LS1 6DT)",
        ),
        (  # one way is after today (2026-11-22 in the tests): the other is read
            "day-first",
            ["Completed: 11/12/2026"],
            "2026-11-12",
            "month first: the other way, 2026-12-11, is after today",
        ),
    ],
)
def test_a_date_the_page_does_not_settle_is_read_as_the_holder_says(
    ceclog: Ceclog,
    ledger: Path,
    tmp_path: Path,
    dates: str | None,
    rows: list[fx.Row],
    want: str | None,
    note: str | None,
) -> None:
    if dates:
        assert ceclog("holder", "--dates", dates).code == 0
        assert f'dates = "{dates}"' in ledger.read_text()
        assert "version = 8" in ledger.read_text()
    date = _date(ceclog, tmp_path, *rows)
    assert date["prefilled"] == want
    if note:
        assert any(note in n for c in date["candidates"] for n in c["notes"])  # type: ignore[attr-defined]
    unsure = [c["unconfirmed"] for c in date["candidates"]]  # type: ignore[attr-defined]
    assert any(unsure) is (dates is None)


def test_without_it_yes_says_how_to_set_it(ceclog: Ceclog, ledger: Path, tmp_path: Path) -> None:
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(fx.pdf_bytes(fx.Spec("made", [[*PAGE, "Completed: 3/11/26"]], [])))
    before = ledger.read_bytes()
    result = ceclog("add", "--from", str(cert), "--yes")
    assert result.code == 1
    assert "`ceclog holder --dates month-first` reads such dates that way" in result.err
    assert ledger.read_bytes() == before
    assert ceclog("holder", "--dates", "month-first").code == 0
    result = ceclog("add", "--from", str(cert), "--yes")
    assert result.code == 0, result.err
    assert "date = 2026-03-11" in ledger.read_text()


def test_the_setting_is_checked_shown_and_cleared(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    before = ledger.read_bytes()
    bad = ceclog("holder", "--dates", "sideways")
    assert bad.code != 0
    assert "--dates 'sideways' is no way of writing dates" in bad.err
    assert "month-first" in bad.err  # how to fix it
    assert ledger.read_bytes() == before
    assert ceclog("holder", "--dates", "Day First").code == 0
    shown = json.loads(ceclog("holder", "--json").out)
    assert shown["dates"] == "day-first"
    assert ceclog("holder", "--dates", "none").code == 0
    assert "dates" not in ledger.read_text()
    assert json.loads(ceclog("holder", "--json").out)["dates"] is None


def test_init_takes_it_and_a_hand_edit_is_checked(ceclog: Ceclog, tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    made = ceclog("--ledger", str(path), "init", "--name", "Ana Ruiz", "--dates", "day-first")
    assert made.code == 0, made.err
    text = path.read_text()
    assert 'dates = "day-first"' in text
    path.write_text(text.replace('"day-first"', '"sideways"'))
    line = next(n for n, ln in enumerate(path.read_text().splitlines(), 1) if "dates" in ln)
    result = ceclog("--ledger", str(path), "status")
    assert result.code != 0
    assert f"new.toml:{line}: holder.dates" in result.err
    assert "Traceback" not in result.err
