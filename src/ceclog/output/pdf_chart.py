"""The progress charts in the transcript's PDF, drawn with fpdf2's own lines (its SVG import
leaves out text): the same `Chart` and scale as the HTML's SVG (output/svg_chart.py), in mm."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ceclog.core.reports.progress_chart import Chart
from ceclog.core.schedule.credits import fmt
from ceclog.output.chart_place import Box, required_spot
from ceclog.output.svg_chart import Frame, chart_lines, line_end, step_points, summary

if TYPE_CHECKING:
    from fpdf import FPDF

WIDTH, HEIGHT = 120.0, 42.0  # mm: the plot area
LABELS = 34.0  # mm: the caption above it and the dates and legend below it

RGB = tuple[int, int, int]
COUNTED: RGB = (59, 110, 168)
PACE: RGB = (119, 119, 119)
DUE: RGB = (160, 0, 0)
DARK: RGB = (51, 51, 51)
GRID: RGB = (187, 187, 187)


def draw(
    pdf: FPDF, family: str, charts: Sequence[Chart], units: str, clean: Callable[[str], str]
) -> None:
    """Each chart under the last line written, on a new page when it would not fit."""
    for c in charts:
        if pdf.will_page_break(HEIGHT + LABELS):
            pdf.add_page()
        _one(pdf, family, c, units, clean)


def _one(pdf: FPDF, family: str, c: Chart, units: str, clean: Callable[[str], str]) -> None:
    pdf.ln(3)
    pdf.set_font(family, "", 8)
    pdf.multi_cell(0, 4, clean(summary(c, units)), align="L", new_x="LMARGIN", new_y="NEXT")
    left = pdf.l_margin + 12
    upper = pdf.get_y() + 5
    f = Frame(c.first, c.last, c.top, left, left + WIDTH, upper, upper + HEIGHT)
    base, req, due, today = f.y(Decimal(0)), f.y(c.required), f.x(c.due), f.x(c.today)
    with pdf.local_context(line_width=0.25, draw_color=DARK):
        pdf.line(f.left, base, f.right, base)
        pdf.line(f.left, upper, f.left, base)
    with pdf.local_context(line_width=0.2, draw_color=GRID, dash_pattern={"dash": 1, "gap": 1}):
        pdf.line(f.left, req, f.right, req)
    with pdf.local_context(line_width=0.2, draw_color=DARK, dash_pattern={"dash": 0.5, "gap": 1}):
        pdf.line(today, upper, today, base)
    with pdf.local_context(line_width=0.35, draw_color=PACE):
        pdf.line(f.x(c.start), base, due, req)
    with pdf.local_context(line_width=0.35, draw_color=DUE):
        pdf.line(due, upper, due, base)
    with pdf.local_context(line_width=0.7, draw_color=COUNTED):
        pdf.polyline(step_points(f, c.counted, line_end(c)), style="D")
    if c.planned:
        dashes = {"dash": 1.6, "gap": 1}
        with pdf.local_context(line_width=0.5, draw_color=COUNTED, dash_pattern=dashes):
            pdf.polyline(step_points(f, c.planned, c.planned[-1].day), style="D")
    pdf.set_font(family, "", 7)
    _label(pdf, f.left - 1.5, base + 1, "0", "end")
    _label(pdf, f.left - 1.5, req + 1, fmt(c.required), "end")
    required = clean(f"required {fmt(c.required)} {units}")
    said = f"today {fmt(c.total)}"
    high = pdf.font_size  # 7 pt in mm: a text's room above its baseline, with the accents
    wide = pdf.get_string_width(said)
    spot = required_spot(
        req,
        chart_lines(c, f),
        (pdf.get_string_width(required), high * 0.8, high * 0.25),
        1.2,
        Box(f.left, upper, f.right, base),
        upper - 4.5,  # under the caption
        [Box(today - wide / 2, upper - 1.5 - high * 0.8, today + wide / 2, upper - 1.2)],
    )
    _label(pdf, *spot, required)
    _label(pdf, today, upper - 1.5, said, "middle")
    _label(pdf, f.left, base + 4, str(c.first))
    with pdf.local_context(text_color=DUE):
        _label(pdf, due, base + 8, f"due {c.due}", "end" if due > f.left + 40 else "start")
    _legend(pdf, f.left, base + 13)
    pdf.set_y(base + 16)


def _label(pdf: FPDF, x: float, y: float, text: str, anchor: str = "start") -> None:
    width = pdf.get_string_width(text)
    shift = {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    pdf.text(x - shift, y, text)


def _legend(pdf: FPDF, x: float, y: float) -> None:
    samples: list[tuple[str, RGB, float, dict[str, float] | None]] = [
        ("counted", COUNTED, 0.7, None),
        ("planned", COUNTED, 0.5, {"dash": 1.6, "gap": 1}),
        ("pace", PACE, 0.35, None),
    ]
    for words, colour, width, dashes in samples:
        with pdf.local_context(line_width=width, draw_color=colour, dash_pattern=dashes):
            pdf.line(x, y - 1, x + 6, y - 1)
        _label(pdf, x + 7.5, y, words)
        x += 26
