"""The HTML pages on paper: `ceclog team --format html` (landscape) and the transcript
(`export --format html`, upright) printed by headless Chromium on US Letter and on A4, every
column of every table present.  The test reads the PDF's text back (pypdf) and finds in it every
column heading as often as the page shows it (a heading may also be a word of the page): a column
cut at the page's edge, or hidden behind a scroll bar, loses its heading.  Skipped without
Chromium; the four prints run side by side."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from test_team import TODAY, make_team

from conftest import Ceclog

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (chromium) to print"),
    pytest.mark.slow,  # about 7 s a page
]
PAPERS = ("letter", "A4")


class Text(HTMLParser):
    """The page's headings (<th>) and all its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.text: list[str] = []
        self.skip = self.heading = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip = tag in ("style", "title")
        if tag == "th":
            self.heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        self.skip = False
        self.heading = self.heading and tag != "th"

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)
            if self.heading:
                self.headings[-1] += data


def squeezed(text: str) -> str:
    """Without spaces, line breaks, hyphens and ligatures ("ﬁ"): a heading as the PDF gives it
    back, wrapped (`Unsub`, U+2010 hyphen, `mitted`)."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", unicodedata.normalize("NFKC", text))


def print_pdfs(page: Path, orientation: str, tmp_path: Path) -> dict[str, bytes]:
    """`page` printed on each paper (the size a print dialog would choose), side by side."""
    assert CHROMIUM is not None
    html = page.read_text(encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # Chromium writes only in tmp_path
    running = {}
    for paper in PAPERS:
        sized = tmp_path / f"{page.stem}-{paper}.html"
        size = f"<style>@page {{ size: {paper} {orientation}; }}</style></head>"
        sized.write_text(html.replace("</head>", size, 1), encoding="utf-8")
        out = tmp_path / f"{page.stem}-{paper}.pdf"
        args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
        args += ["--disable-background-networking", "--disable-component-update"]
        args += ["--disable-sync", f"--user-data-dir={tmp_path / f'profile-{paper}'}"]
        args += [f"--print-to-pdf={out}", "--no-pdf-header-footer", sized.as_uri()]
        process = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        running[paper] = (process, out)
    pdfs = {}
    for paper, (process, out) in running.items():
        assert process.wait(timeout=120) == 0
        pdfs[paper] = out.read_bytes()
    return pdfs


def check_every_column(page: Path, orientation: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    parsed = Text()
    parsed.feed(page.read_text(encoding="utf-8"))
    shown = squeezed("".join(parsed.text))
    headings = {squeezed(h) for h in parsed.headings}
    assert len(headings) >= 10
    points = {"letter": (612, 792), "A4": (595, 842)}
    for paper, data in print_pdfs(page, orientation, tmp_path).items():
        reader = PdfReader(BytesIO(data))
        width, height = points[paper]
        if orientation == "landscape":
            width, height = height, width
        size = (
            round(float(reader.pages[0].mediabox.width)),
            round(float(reader.pages[0].mediabox.height)),
        )
        assert size == (width, height), paper
        printed = squeezed("".join(p.extract_text() for p in reader.pages))
        missing = [h for h in headings if printed.count(h) < shown.count(h)]
        assert missing == [], (paper, missing)


def example_transcript(ceclog: Ceclog, tmp_path: Path) -> Path:
    """The sample ledger's transcript of all cycles as an HTML page in `tmp_path`."""
    ledger = tmp_path / "ledger.toml"
    shutil.copy(ROOT / "examples" / "ledger.toml", ledger)
    shutil.copytree(ROOT / "examples" / "evidence", tmp_path / "evidence")
    out = tmp_path / "transcript.html"
    r = ceclog("export", "--format", "html", "--cycle", "all", "-o", str(out), ledger=ledger)
    assert r.code == 0, r.err
    return out


def test_team_page_prints_every_column(ceclog: Ceclog, tmp_path: Path) -> None:
    team = make_team(tmp_path / "team")
    out = tmp_path / "team.html"
    r = ceclog(
        "team", str(team), "--format", "html", "--output", str(out), ledger=None, today=TODAY
    )
    assert r.code == 0, r.err
    check_every_column(out, "landscape", tmp_path)


def test_transcript_page_prints_every_column(ceclog: Ceclog, tmp_path: Path) -> None:
    out = example_transcript(ceclog, tmp_path)
    check_every_column(out, "portrait", tmp_path)


def hidden_widths(page: Path, width: int, tmp_path: Path) -> list[int]:
    """How many pixels of each sideways-scrolling table are hidden in a browser window `width`
    pixels wide: the page as written, with a script that measures it (the page's own policy,
    which lets nothing run, taken out of this copy), loaded by headless Chromium."""
    assert CHROMIUM is not None
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text())
    probe = (
        '<script>document.body.setAttribute("data-hidden", [...document.querySelectorAll('
        '".scroll")].map(e => e.scrollWidth - e.clientWidth).join(" "))</script></body>'
    )
    measured = tmp_path / f"measured-{width}.html"
    measured.write_text(html.replace("</body>", probe, 1), encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    args += [f"--user-data-dir={tmp_path / f'profile-{width}'}", f"--window-size={width},1400"]
    out = subprocess.run(
        [*args, "--dump-dom", measured.as_uri()], env=env, capture_output=True, text=True
    )
    found = re.search(r'data-hidden="([^"]*)"', out.stdout)
    assert found is not None, out.stderr[-500:]
    return [int(n) for n in found.group(1).split()]


def test_transcript_shows_every_column_in_a_laptop_window(ceclog: Ceclog, tmp_path: Path) -> None:
    """A new user's report: in a 1000-pixel browser window the requirements' Progress and the
    entries' Posted were hidden behind a sideways scroll.  From 800 pixels up, the tables (the
    certifications, the requirements, the entries) show every column."""
    out = example_transcript(ceclog, tmp_path)
    for width in (800, 1000, 1280):
        assert hidden_widths(out, width, tmp_path) == [0, 0, 0], width


def test_team_page_shows_every_column_in_a_laptop_window(ceclog: Ceclog, tmp_path: Path) -> None:
    """The team's 13 columns: at 1000 px, 185 px of them were behind the sideways scroll; from
    1000 px up every column shows (a narrower window scrolls; a phone gets cards)."""
    team = make_team(tmp_path / "team")
    out = tmp_path / "team.html"
    r = ceclog(
        "team", str(team), "--format", "html", "--output", str(out), ledger=None, today=TODAY
    )
    assert r.code == 0, r.err
    for width in (1000, 1280):
        assert hidden_widths(out, width, tmp_path) == [0], width
