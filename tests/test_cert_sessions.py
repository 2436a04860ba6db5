"""A convention's transcript lists the sessions a person attended, each approved by its own
number: the page gives one certificate per session, its title, date, credits and approval from
its row (never the transcript's total, nor the event's dates), the attendee and the provider
from the page.  Sessions with no numbers of their own (an event's, under one approval, or a
class's agenda) stay one class.  Each page is made as a PDF in our own words and read through
the command line, as a user would."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


HEADS = [(20, "Session"), (140, "Date"), (190, "CECs"), (215, "IICRC Course #")]
SESSIONS = [
    ("Drying Hardwood Stairs", "May 4, 2026", "2", "26-1101"),
    ("Carpet Pad Decisions", "May 5, 2026", "1.5", "26-1102"),
    ("Odor Control Basics", "May 6, 2026", "1", "26-1103"),
]


def _transcript(
    heads: list[tuple[int, str]], title: str = "#Continuing Education Transcript"
) -> list[fx.Row]:
    rows: list[fx.Row] = [
        "#Lakeshore Restoration Expo 2026",
        "Lakeshore Convention Center - May 4-6, 2026",
        title,
        [(20, "Attendee"), (70, "Dana Reyes")],
        [(20, "Badge #"), (70, "LX26-40117")],
        [(x, text) for x, text in heads],
    ]
    for session in SESSIONS:
        rows.append([(x, cell) for (x, _), cell in zip(heads, session[: len(heads)], strict=True)])
    rows += [[(170, "Total CECs"), (215, "4.5")], "Lakeshore Restoration Expo is produced by us."]
    return rows


def _read(ceclog: Ceclog, tmp_path: Path, rows: list[fx.Row]) -> list[dict[str, object]]:
    path = tmp_path / "transcript.pdf"
    path.write_bytes(fx.pdf_bytes(fx.Spec("made", [rows], [])))
    result = ceclog("add", "--from", str(path), "--json")
    assert result.code == 0, result.err
    return [
        {name: f["prefilled"] for name, f in cert["fields"].items()}
        for cert in json.loads(result.out)["certificates"]
    ]


def test_a_transcript_gives_a_certificate_per_session(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    certs = _read(ceclog, tmp_path, _transcript(HEADS))
    got = [(c["title"], c["date"], c["credits"], c["approval"]) for c in certs]
    assert got == [
        ("Drying Hardwood Stairs", "2026-05-04", "2", "26-1101"),
        ("Carpet Pad Decisions", "2026-05-05", "1.5", "26-1102"),
        ("Odor Control Basics", "2026-05-06", "1", "26-1103"),
    ]
    assert {c["attendee"] for c in certs} == {"Dana Reyes"}
    assert {c["provider"] for c in certs} == {"Lakeshore Restoration Expo 2026"}


@pytest.mark.parametrize(
    "title", ["#Continuing Education Transcript", "#Certificate of Attendance"]
)
def test_sessions_without_numbers_of_their_own_are_one_class(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, title: str
) -> None:
    # an event's sessions under one approval, or a class's agenda: the class is the event,
    # and the page's total is the event's
    certs = _read(ceclog, tmp_path, _transcript(HEADS[:3], title))
    assert len(certs) == 1
    assert (certs[0]["title"], certs[0]["credits"]) == ("Lakeshore Restoration Expo 2026", "4.5")


@pytest.mark.parametrize(
    ("event", "title"),
    [
        (
            "Lakeshore Cleaning & Restoration Convention 2026",
            "Lakeshore Cleaning & Restoration Convention 2026",
        ),
        ("Lakeshore Restoration Summit", "Lakeshore Restoration Summit"),
        ("Lakeshore Restoration Association", None),  # a host, no event
    ],
)
def test_an_event_s_sessions_under_one_approval_are_the_event_s_class(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, event: str, title: str | None
) -> None:
    rows = [row for row in _transcript(HEADS[:3]) if row != "#Lakeshore Restoration Expo 2026"]
    rows[0] = event  # the event's name over the page's table of sessions
    rows.append([(20, "IICRC Approval No.:"), (70, "CE-26-0931")])
    (cert,) = _read(ceclog, tmp_path, rows)
    assert (cert["title"], cert["credits"], cert["approval"]) == (title, "4.5", "CE-26-0931")


def test_one_session_of_a_transcript_is_written_with_pick(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    path = tmp_path / "transcript.pdf"
    path.write_bytes(fx.pdf_bytes(fx.Spec("made", [_transcript(HEADS)], [])))
    result = ceclog("add", "--from", str(path), "--yes")
    assert result.code == 1
    assert "holds 3 certificates" in result.err
    result = ceclog("add", "--from", str(path), "--pick", "2", "--yes")
    assert result.code == 0, result.err
    (entry,) = tomllib.loads(ledger.read_text())["entries"]
    assert (entry["title"], entry["date"], entry["credits"]) == (
        "Carpet Pad Decisions",
        dt.date(2026, 5, 5),
        1.5,
    )
