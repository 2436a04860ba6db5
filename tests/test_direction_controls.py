"""Direction controls (U+202A-U+202E, U+2066-U+2069) in a ledger's text: kept in the ledger and
in `--json`, shown as a visible `<U+202E>` everywhere people read them, so that an override
cannot reorder the rest of a line ("Drying <U+202E>fdp.exe" shown as "Drying exe.pdf")."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import LEDGER_HEAD, Ceclog

RLO, RLI, LRO = "\u202e", "\u2067", "\u202d"
CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}

LEDGER = (
    LEDGER_HEAD.format(rules="iicrc", since="2020-01-01").replace(
        'name = "Dana Reyes"', 'name = "Dana \\u2067Reyes\\u2069"'
    )
    + """
[[certifications]]
code = "WRT"
earned = 2023-01-01

[[entries]]
id = 1
date = 2026-03-01
title = "Drying \\u202Efdp.exe"
provider = "Acme \\u202DLtd"
hours = 2

[[entries]]
id = 2
date = 2027-02-01
title = "Booked \\u202Eclass"
hours = 1
planned = true
"""
)


def _shown(text: str) -> None:
    """`text` carries no direction control, and shows the title's override as a mark."""
    assert not CONTROLS & set(text), [c for c in text if c in CONTROLS]
    assert "Drying <U+202E>fdp.exe" in text or "Drying &lt;U+202E&gt;fdp.exe" in text, text


def test_direction_controls_are_shown_as_marks_in_every_output(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    ledger_path.write_text(LEDGER, encoding="utf-8")
    listed = ceclog("list")
    assert listed.code == 0, listed.err
    _shown(listed.out)
    assert " 1  2026-03-01  Drying <U+202E>fdp.exe" in listed.out
    assert "Dana <U+2067>Reyes<U+2069>" in ceclog("holder").out
    for fmt in ("md", "html", "csv"):
        r = ceclog("export", "--format", fmt, "--cycle", "all")
        assert r.code == 0, (fmt, r.err)
        _shown(r.out)
    rows = list(csv.DictReader(io.StringIO(ceclog("export", "--format", "csv").out[1:])))
    assert (rows[0]["title"], rows[0]["provider"]) == ("Drying <U+202E>fdp.exe", "Acme <U+202D>Ltd")
    html = ceclog("export", "--format", "html").out
    assert "Drying &lt;U+202E&gt;fdp.exe" in html and "Dana &lt;U+2067&gt;Reyes" in html
    assert "Drying &lt;U+202E&gt;fdp.exe" in ceclog("export", "--format", "md").out
    pdf = tmp_path / "t.pdf"
    assert ceclog("export", "--format", "pdf", "--output", str(pdf)).code == 0
    import pypdf

    _shown(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages))
    eml = tmp_path / "s.eml"
    assert ceclog("export", "--format", "eml", "--output", str(eml)).code == 0
    _shown(eml.read_text(encoding="utf-8"))
    calendar = ceclog("calendar").out
    assert "Booked <U+202E>class" in calendar and not CONTROLS & set(calendar)
    for page in ([], ["--format", "csv"], ["--format", "md"], ["--format", "html"]):
        r = ceclog("team", str(tmp_path), *page)  # the firm's view: the holder's name
        assert r.code in (0, 3) and not CONTROLS & set(r.out), (page, r.out)
        assert "Dana <U+2067>Reyes" in r.out or "Dana &lt;U+2067&gt;Reyes" in r.out, r.out
    # the ledger and the data keep the text as it is
    (first, _) = json.loads(ceclog("list", "--json").out)
    assert (first["title"], first["provider"]) == (f"Drying {RLO}fdp.exe", f"Acme {LRO}Ltd")
    assert json.loads(ceclog("holder", "--json").out)["name"] == f"Dana {RLI}Reyes\u2069"
