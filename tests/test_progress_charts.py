"""The progress charts (issue 22): the chart's data from a ledger with entries on known dates
(core.reports.progress_chart), drawn as SVG (the transcript's HTML, the team page's timeline),
in the PDF and as one terminal line (`status --chart`).  Every figure is worked out by hand
from the dates below."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

from ceclog.core.firm.timeline import Mark, Timeline
from ceclog.core.ledger.models import Certification, Entry, Holder, Ledger
from ceclog.core.reports.progress_chart import Chart, Step, requirement_chart, spark_levels
from ceclog.core.reports.transcript import build
from ceclog.core.schedule.engine import evaluate
from ceclog.output import html as html_export
from ceclog.output import pdf
from ceclog.output.sparkline import chart_line, sparkline, unicode_ok
from ceclog.output.svg_chart import requirement_svg, timeline_svg
from ceclog.output.terminal import Out
from ceclog.store.rules import load_rules
from conftest import Ceclog, make_ledger

D = dt.date.fromisoformat
TODAY = D("2026-11-22")
LOADED = load_rules("iicrc")
SVG = "{http://www.w3.org/2000/svg}"


def hours(i: int, day: str, value: str, planned: bool = False) -> Entry:
    return Entry(id=i, date=D(day), title=f"class {i}", hours=Decimal(value), planned=planned)


# WRT earned 2024-01-01: one cycle 2024-01-01 to 2027-12-31 (1461 days), 14 CECs required
LEDGER = Ledger(
    version=1,
    holder=Holder(name="Dana Reyes", tracking_since=D("2024-01-01")),
    certifications=[Certification(code="WRT", earned=D("2024-01-01"))],
    entries=[
        hours(1, "2024-03-01", "2"),
        hours(2, "2024-03-01", "1.5"),  # the same day: one step of 3.5
        hours(3, "2025-06-10", "3"),
        hours(4, "2026-01-01", "1", planned=True),  # its day has passed: not drawn
        hours(5, "2026-12-01", "4", planned=True),
    ],
)


def the_chart() -> Chart:
    report = evaluate(LEDGER, LOADED.rules, TODAY)
    return requirement_chart(report.requirements[0], LEDGER, "on track")


def test_the_steps_are_the_cumulative_sums_by_date() -> None:
    c = the_chart()
    assert (c.start, c.due, c.required) == (D("2024-01-01"), D("2027-12-31"), Decimal(14))
    assert c.counted == (
        Step(D("2024-01-01"), Decimal(0)),
        Step(D("2024-03-01"), Decimal("3.5")),  # 2 + 1.5
        Step(D("2025-06-10"), Decimal("6.5")),  # 3.5 + 3
    )
    # from today's total; the planned class of 2026-01-01 is before today
    assert c.planned == (Step(TODAY, Decimal("6.5")), Step(D("2026-12-01"), Decimal("10.5")))
    assert (c.total, c.projected, c.top) == (Decimal("6.5"), Decimal("10.5"), Decimal(14))
    assert (c.first, c.last) == (D("2024-01-01"), D("2027-12-31"))
    # the pace line: 14 x 731 / 1460 on 2026-01-01 (731 days after the start)
    assert c.pace(D("2026-01-01")) * 1460 == 14 * 731
    assert (c.pace(c.start), c.pace(c.due), c.pace(D("2030-01-01"))) == (0, 14, 14)
    assert c.total_on(D("2024-02-29")) == 0 and c.total_on(D("2024-03-01")) == Decimal("3.5")


def test_the_sparkline_of_a_known_ledger() -> None:
    # 24 stretches of 1461 / 24 days; stretch i starts on day 1461 * i // 24 and ends the day
    # before the next starts.  Day 60 (2024-03-01) ends stretch 0 at day 59: 0; stretches 1-7
    # hold 3.5 (7 x 3.5 / 14 = 1.75: 1); day 526 (2025-06-10) is in stretch 8 (487-546):
    # 6.5 (3.25: 3) through stretch 17 (day 1034 on); today is day 1056, stretch 18 starts
    # on day 1095: after today
    levels = spark_levels(the_chart())
    assert levels == [0] + [1] * 7 + [3] * 10 + [None] * 6
    assert sparkline(the_chart(), unicode=True) == "|▁▂▂▂▂▂▂▂▄▄▄▄▄▄▄▄▄▄······|"
    assert sparkline(the_chart(), unicode=False) == "|_.......::::::::::      |"
    line = chart_line("technician", the_chart(), "CECs", unicode=False)
    assert line == "technician  |_.......::::::::::      |  6.5/14.0 CECs, due 2027-12-31"


def test_the_sparkline_is_full_only_once_met_and_stays_within_80_columns() -> None:
    c = the_chart()._replace(required=Decimal("6.5"))
    assert spark_levels(c)[8:18] == [7] * 10 and spark_levels(c)[1] == 3  # 3.5 x 7 / 6.5
    long = chart_line("x" * 90, c, "CECs", unicode=True)
    assert len(long) == 80 and long.startswith("x" * 19 + "...  |▁▄")  # 58 after the name


def test_blocks_only_on_a_utf8_terminal() -> None:
    class Stream(io.StringIO):
        def __init__(self, encoding: str) -> None:
            super().__init__()
            self._encoding = encoding

        @property
        def encoding(self) -> str:  # type: ignore[override]
            return self._encoding

    assert unicode_ok(Out(Stream("UTF-8"), rich=True))
    assert not unicode_ok(Out(Stream("UTF-8"), rich=False))  # a pipe, or NO_COLOR
    assert not unicode_ok(Out(Stream("cp1252"), rich=True))


def test_status_chart_is_one_plain_line_under_the_table(ceclog: Ceclog, ledger_path: Path) -> None:
    body = (
        '\n[[entries]]\nid = 1\ndate = 2024-03-01\ntitle = "a"\nhours = 3.5\n'
        '\n[[entries]]\nid = 2\ndate = 2025-06-10\ntitle = "b"\nhours = 3\n'
    )
    make_ledger(ledger_path, ("WRT", "2024-01-01"), since="2024-01-01", body=body)
    plain = ceclog("status").out
    r = ceclog("status", "--chart")
    assert r.code == 0
    lines = r.out.splitlines()
    at = lines.index("technician  |_.......::::::::::      |  6.5/14.0 CECs, due 2027-12-31")
    assert lines[at - 1].startswith("technician ") and lines[:at] + lines[at + 1 :] == (
        plain.splitlines()
    )
    assert "|" not in plain  # without --chart, no chart


def points(svg: ET.Element, cls: str) -> str:
    found = [p for p in svg.iter(f"{SVG}polyline") if p.get("class") == cls]
    assert len(found) == 1
    return found[0].get("points", "")


def test_the_svg_is_well_formed_with_the_points_of_the_data() -> None:
    svg = ET.fromstring(requirement_svg(the_chart(), "CECs"))
    assert svg.get("viewBox") == "0 0 320 196"
    # x = 30 + days since 2024-01-01 / 1460 x 278; y = 150 - credits / 14 x 134
    # 2024-03-01: day 60, x 41.4; 3.5: y 116.5; 2025-06-10: day 526, x 130.2; 6.5: y 87.8;
    # today: day 1056, x 231.1 (the line runs flat to today)
    assert points(svg, "counted") == (
        "30.0,150.0 41.4,150.0 41.4,116.5 130.2,116.5 130.2,87.8 231.1,87.8"
    )
    # 2026-12-01: day 1065, x 232.8; 10.5: y 49.5
    assert points(svg, "planned") == "231.1,87.8 232.8,87.8 232.8,49.5"
    pace = next(line for line in svg.iter(f"{SVG}line") if line.get("class") == "pace")
    assert [pace.get(k) for k in ("x1", "y1", "x2", "y2")] == ["30.0", "150.0", "308.0", "16.0"]
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "required 14.0 CECs" in texts and "due 2027-12-31" in texts
    assert svg.findtext(f"{SVG}title") == (
        "technician (WRT): 6.5 of 14.0 CECs counted by 2026-11-22, 10.5 with the planned "
        "classes; cycle 2024-01-01 to 2027-12-31; on track"
    )


def test_svg_escapes_names() -> None:
    name = 'Ana <b>"&"</b> Lima'
    svg = ET.fromstring(requirement_svg(the_chart()._replace(title=name), "<CECs>"))
    assert (svg.findtext(f"{SVG}title") or "").startswith(name + ": 6.5 of 14.0 <CECs>")
    mark = Mark(name, ("WRT",), D("2027-12-31"), D("2023-12-31"), "overdue")
    timeline = timeline_svg(Timeline(TODAY, D("2023-12-31"), D("2027-12-31"), (mark,)), {})
    assert "<b>" not in timeline
    group = ET.fromstring(timeline).find(f"{SVG}g")
    assert group is not None
    assert (group.findtext(f"{SVG}title") or "").startswith(name)


def test_the_transcript_html_holds_the_chart() -> None:
    t = build(LEDGER, LOADED.rules, str(LOADED.path), TODAY)
    page = html_export.render(t)
    start, end = page.index("<svg"), page.index("</svg>") + len("</svg>")
    svg = ET.fromstring(page[start:end])
    assert points(svg, "counted").startswith("30.0,150.0 41.4,150.0 41.4,116.5")
    assert "<figcaption>Technician certifications (WRT): 6.5 of 14.0 CECs counted" in page


def test_the_pdf_draws_the_chart() -> None:
    from pypdf import PdfReader

    t = build(LEDGER, LOADED.rules, str(LOADED.path), TODAY)
    data, _ = pdf.render(t)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "required 14.0 CECs" in text and "due 2027-12-31" in text and "today 6.5" in text
    assert "counted" in text and "planned" in text and "pace" in text


def test_the_team_page_shows_due_dates_and_lapses_on_one_axis(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    os.chdir(tmp_path)
    # Ana: 2020-01-01 to 2023-12-31 passed without a credit (lapsed), now due 2027-12-31;
    # Ben: due 2029-05-31.  The axis: 2023-12-31 to 2029-05-31, from x 110 to x 278
    make_ledger(tmp_path / "ana.toml", ("WRT", "2020-01-01"))
    make_ledger(tmp_path / "ben.toml", ("WRT", "2025-06-01"), since="2025-06-01")
    for path, name in (("ana.toml", "Ana <Lima>"), ("ben.toml", "Ben & Co")):
        text = (tmp_path / path).read_text().replace('"Dana Reyes"', f'"{name}"')
        (tmp_path / path).write_text(text.replace('"1234567"', f'"{len(name)}"'))
    r = ceclog("team", ".", "--format", "html", ledger=None)
    assert r.code == 0
    start = r.out.index("<svg")
    svg = ET.fromstring(r.out[start : r.out.index("</svg>", start) + len("</svg>")])
    span = (D("2029-05-31") - D("2023-12-31")).days

    def x(day: str) -> str:
        return f"{110 + (D(day) - D('2023-12-31')).days / span * 168:.1f}"

    groups = list(svg.iter(f"{SVG}g"))
    assert [g.findtext(f"{SVG}title") for g in groups] == [
        "Ana <Lima> (WRT): due 2027-12-31, lapsed 2023-12-31; OVERDUE",
        "Ben & Co (WRT): due 2029-05-31; behind",  # nothing counted after a pace step
    ]
    dots = [(c.get("cx"), c.get("class")) for g in groups for c in g.iter(f"{SVG}circle")]
    assert dots == [(x("2027-12-31"), "due"), (x("2029-05-31"), "due")]
    lapse = [p for p in groups[0].iter(f"{SVG}line") if p.get("class") == "overdue"]
    assert [(p.get("x1"), p.get("x2")) for p in lapse] == [("110.0", x(str(TODAY)))]
    assert not [p for p in groups[1].iter(f"{SVG}path") if p.get("class") == "lapse"]
    # the rows come back from the cache the second time: the same page
    assert ceclog("team", ".", "--format", "html", ledger=None).out == r.out
    # rows remembered by a ceclog without the lapse's date are computed afresh, not read
    # back without it (the cache never changes an answer)
    remembered = list((tmp_path / "xdg-cache").rglob("team-*.json"))
    assert len(remembered) == 2
    for cached in remembered:
        doc = json.loads(cached.read_text())
        for row in doc["rows"]:
            del row["lapse"]
        cached.write_text(json.dumps(doc))
    assert ceclog("team", ".", "--format", "html", ledger=None).out == r.out


def test_the_docs_samples_are_what_status_chart_prints(ceclog: Ceclog) -> None:
    page = (Path(__file__).parents[1] / "docs" / "charts.md").read_text(encoding="utf-8")
    r = ceclog("status", "--chart", ledger=Path(__file__).parents[1] / "examples" / "ledger.toml")
    plain = "technician  |__----:::=====++++++    |  11.5/14.0 CECs, due 2027-09-14"
    assert plain in r.out.splitlines() and f"```\n{plain}\n```" in page
    # the same chart in blocks: the stretches that are not after today, drawn by level
    name, bar, figures = plain.split("|")
    bar = bar.translate(str.maketrans("_.-:=+*# ", "▁▂▃▄▅▆▇█·"))
    blocks = f"{name}|{bar}|{figures}"
    assert f"```\n{blocks}\n```" in page


# 8 h on 2024-02-10 and 8 more on 2024-04-01: the 14 CECs passed in the cycle's fourth month
EARLY = Ledger(
    version=1,
    holder=Holder(name="Dana Reyes", tracking_since=D("2024-01-01")),
    certifications=[Certification(code="WRT", earned=D("2024-01-01"))],
    entries=[hours(1, "2024-02-10", "8"), hours(2, "2024-04-01", "8")],
)


Point = tuple[float, float]


def _crosses(box: tuple[float, float, float, float], a: Point, b: Point) -> bool:
    """Whether the segment a-b passes through the box, by points every 0.1 unit along it."""
    left, top, right, bottom = box
    steps = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) * 10))
    for i in range(steps + 1):
        x = a[0] + (b[0] - a[0]) * i / steps
        y = a[1] + (b[1] - a[1]) * i / steps
        if left <= x <= right and top <= y <= bottom:
            return True
    return False


def test_the_required_label_is_clear_of_a_counted_line_that_passed_it_early() -> None:
    report = evaluate(EARLY, LOADED.rules, TODAY)
    c = requirement_chart(report.requirements[0], EARLY, "met")
    svg = ET.fromstring(requirement_svg(c, "CECs"))
    # y = 150 - credits / 16 x 134 (the axis's top: 16 counted): 14 at y 32.8, 16 at 16.0;
    # 2024-04-01 (day 91): x 30 + 91 / 1460 x 278 = 47.3
    counted = points(svg, "counted")
    assert counted == "30.0,150.0 37.6,150.0 37.6,83.0 47.3,83.0 47.3,16.0 231.1,16.0"
    line = [(float(p.split(",")[0]), float(p.split(",")[1])) for p in counted.split()]
    label = next(t for t in svg.iter(f"{SVG}text") if t.text == "required 14.0 CECs")
    assert label.get("text-anchor") == "start"
    x, y = float(label.get("x", "")), float(label.get("y", ""))
    # its box: 18 characters of at most 6 units (font-size 10), 8 above the baseline, 3 under
    box = (x, y - 8, x + 18 * 6, y + 3)
    assert box[0] > 30 and box[2] < 308  # inside the plot
    assert abs(y - 32.8) < 14  # beside the required line
    crossed = [(a, b) for a, b in itertools.pairwise(line) if _crosses(box, a, b)]
    assert crossed == []
