"""The progress charts as inline SVG (no script, nothing fetched): a requirement's credits
over its cycle (`core.reports.progress_chart`) and the firm's timeline of due dates and lapses
(`core.firm.timeline`).  A viewBox sized for a phone (320 units: 390 px wide, less the page's
margins), so the text stays readable there and the drawing scales up to its `max-width`
elsewhere; a <title> names what it shows for a screen reader.  Every text is escaped."""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from ceclog.core.firm.timeline import Mark, Timeline
from ceclog.core.reports.progress_chart import Chart, chart
from ceclog.core.reports.transcript import Transcript
from ceclog.core.schedule.credits import fmt
from ceclog.output import bidi
from ceclog.output.chart_place import Box, Segment, required_spot, segments
from ceclog.output.document import requirement_view

WIDTH, HEIGHT = 320, 196  # the requirement chart's viewBox
LEFT, RIGHT, TOP, BOTTOM = 30.0, 308.0, 16.0, 150.0  # its plot area
COUNTED, PACE, DUE, TODAY, GRID = "#3b6ea8", "#777777", "#a00000", "#333333", "#bbbbbb"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, Arial, sans-serif"'
STATE_COLOURS = {
    "overdue": "#9b0000",
    "due_soon": "#8a4b00",
    "to_submit": "#8a4b00",
    "behind": "#6b5800",
    "on_track": "#1f6a31",
    "met": "#145224",
    "exempt": "#145224",
}


def e(value: str) -> str:
    """Text as XML that shows it literally (markup escaped, direction controls as marks)."""
    return html.escape(bidi.shown(value), quote=True)


def n(value: float) -> str:
    """A coordinate: one decimal, no `-0.0`."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


class Frame(NamedTuple):
    """Days and values to coordinates in a plot area."""

    first: dt.date
    last: dt.date
    top: Decimal
    left: float = LEFT
    right: float = RIGHT
    upper: float = TOP
    lower: float = BOTTOM

    def x(self, day: dt.date) -> float:
        span = max(1, (self.last - self.first).days)
        return self.left + (day - self.first).days / span * (self.right - self.left)

    def y(self, value: Decimal | Fraction) -> float:
        return self.lower - float(value) / float(self.top) * (self.lower - self.upper)


def step_points(
    frame: Frame, steps: Sequence[tuple[dt.date, Decimal]], end: dt.date
) -> list[tuple[float, float]]:
    """A step line's points: flat until each step's day, then up; flat again to `end`."""
    first_day, total = steps[0]
    out = [(frame.x(first_day), frame.y(total))]
    for day, value in steps[1:]:
        out += [(frame.x(day), frame.y(total)), (frame.x(day), frame.y(value))]
        total = value
    if end > steps[-1][0]:
        out.append((frame.x(end), frame.y(total)))
    return out


def points(frame: Frame, steps: Sequence[tuple[dt.date, Decimal]], end: dt.date) -> str:
    """The step line's points as SVG writes them: `x,y x,y ...`."""
    return " ".join(f"{n(x)},{n(y)}" for x, y in step_points(frame, steps, end))


def line_end(c: Chart) -> dt.date:
    """Where the counted line ends: today (the due date, for an ended cycle), or its last
    step when that is later."""
    return max(c.counted[-1].day, min(c.today, c.due))


def chart_lines(c: Chart, f: Frame) -> list[Segment]:
    """Every line drawn across the plot of `c`: the counted and planned steps, the pace, today
    and the due date (the axes and the required level are not: labels sit on them)."""
    base, req, due, today = f.y(Decimal(0)), f.y(c.required), f.x(c.due), f.x(c.today)
    out = segments(step_points(f, c.counted, line_end(c)))
    if c.planned:
        out += segments(step_points(f, c.planned, c.planned[-1].day))
    return [
        *out,
        ((f.x(c.start), base), (due, req)),
        ((today, f.upper), (today, base)),
        ((due, f.upper), (due, base)),
    ]


def text_box(x: float, y: float, words: str, anchor: str = "start", size: float = 10) -> Box:
    """The room a text of the SVG takes (an estimate on the wide side: 0.6 of the font's size
    a character, as DejaVu Sans' digits; 0.75 above the baseline, 0.25 under it)."""
    width = 0.6 * size * len(words)
    left = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    return Box(left, y - 0.75 * size, left + width, y + 0.25 * size)


def _text(x: float, y: float, words: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{n(x)}" y="{n(y)}" text-anchor="{anchor}"{extra}>{e(words)}</text>'


def _anchor(x: float, left: float, right: float) -> str:
    """Where a label at `x` is anchored, so that it stays inside the drawing."""
    if x - left < 40:
        return "start"
    return "end" if right - x < 40 else "middle"


def summary(c: Chart, units: str) -> str:
    """The chart in words: its <title>, and the PDF's caption."""
    planned = f", {fmt(c.projected)} with the planned classes" if c.planned else ""
    return (
        f"{c.title}: {fmt(c.total)} of {fmt(c.required)} {units} counted by {c.today}"
        f"{planned}; cycle {c.start} to {c.due}; {c.state}"
    )


def requirement_svg(c: Chart, units: str) -> str:
    """The chart of one requirement's cycle: the counted credits as a solid step line, the
    planned classes dashed after today, the pace line from the start to the required credits
    on the due date, the required level, the due date and today."""
    f = Frame(c.first, c.last, c.top)
    end = line_end(c)
    base, req, due, today = f.y(Decimal(0)), f.y(c.required), f.x(c.due), f.x(c.today)
    required = f"required {fmt(c.required)} {units}"
    today_label = f"today {fmt(c.total)}", _anchor(today, LEFT, RIGHT)
    label = text_box(0, 0, required)
    spot = required_spot(
        req,
        chart_lines(c, f),
        (label.right, -label.top, label.bottom),
        3.0,
        Box(LEFT, TOP, RIGHT, base),
        2.0,
        [text_box(today, TOP - 4, *today_label)],
    )
    parts = [
        f'<line x1="{n(LEFT)}" y1="{n(base)}" x2="{n(RIGHT)}" y2="{n(base)}" stroke="{TODAY}"/>',
        f'<line x1="{n(LEFT)}" y1="{n(TOP)}" x2="{n(LEFT)}" y2="{n(base)}" stroke="{TODAY}"/>',
        f'<line class="required" x1="{n(LEFT)}" y1="{n(req)}" x2="{n(RIGHT)}" y2="{n(req)}" '
        f'stroke="{GRID}" stroke-dasharray="2 2"/>',
        _text(LEFT - 3, base + 3.5, "0", "end"),
        _text(LEFT - 3, req + 3.5, fmt(c.required), "end"),
        _text(*spot, required, extra=' class="required"'),
        f'<line class="pace" x1="{n(f.x(c.start))}" y1="{n(base)}" x2="{n(due)}" '
        f'y2="{n(req)}" stroke="{PACE}" stroke-width="1.2"/>',
        f'<line class="due" x1="{n(due)}" y1="{n(TOP)}" x2="{n(due)}" y2="{n(base)}" '
        f'stroke="{DUE}" stroke-width="1.2"/>',
        _text(due, base + 24, f"due {c.due}", _anchor(due, LEFT, RIGHT), f' fill="{DUE}"'),
        f'<line class="today" x1="{n(today)}" y1="{n(TOP)}" x2="{n(today)}" y2="{n(base)}" '
        f'stroke="{TODAY}" stroke-dasharray="1 2"/>',
        _text(today, TOP - 4, *today_label),
        _text(LEFT, base + 12, str(c.first)),
        f'<polyline class="counted" points="{points(f, c.counted, end)}" fill="none" '
        f'stroke="{COUNTED}" stroke-width="2.2" stroke-linejoin="round"/>',
    ]
    if c.planned:
        parts.append(
            f'<polyline class="planned" points="{points(f, c.planned, c.planned[-1].day)}" '
            f'fill="none" stroke="{COUNTED}" stroke-width="1.8" stroke-dasharray="5 3"/>'
        )
    parts += _legend(HEIGHT - 8)
    return _svg(WIDTH, HEIGHT, summary(c, units), parts)


def _legend(y: float) -> list[str]:
    samples = [
        ("counted", COUNTED, ' stroke-width="2.2"'),
        ("planned", COUNTED, ' stroke-width="1.8" stroke-dasharray="5 3"'),
        ("pace", PACE, ' stroke-width="1.2"'),
    ]
    out, x = [], LEFT
    for words, colour, style in samples:
        out.append(
            f'<line x1="{n(x)}" y1="{n(y - 3.5)}" x2="{n(x + 16)}" y2="{n(y - 3.5)}" '
            f'stroke="{colour}"{style}/>'
        )
        out.append(_text(x + 20, y, words))
        x += 72
    return out


def _svg(width: int, height: int, title: str, parts: list[str]) -> str:
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" {FONT} font-size="10" '
        f'style="max-width: {width * 3 // 2}px; height: auto; display: block">\n'
        f"<title>{e(title)}</title>\n{body}\n</svg>"
    )


ROW, HEAD, NAMES = 26.0, 30.0, 104.0  # the timeline: row height, axis band, name column


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "\u2026"


def _mark_title(m: Mark, words: str) -> str:
    lapse = f", lapsed {m.lapsed}" if m.lapsed else ""
    return f"{m.name} ({', '.join(m.certifications)}): due {m.due}{lapse}; {words}"


def timeline_svg(t: Timeline, words: dict[str, str]) -> str:
    """One row per technician x requirement: the due date as a dot in the colour of the
    state, a lapse as a cross joined to today in red, today as a line across every row;
    `words`: each state in words (the table's)."""
    height = HEAD + ROW * len(t.marks) + 22
    f = Frame(t.first, t.last, Decimal(1), NAMES + 6, WIDTH - 42.0)
    today = f.x(t.today)
    bottom = HEAD + ROW * len(t.marks)
    parts = [
        f'<line x1="{n(f.left)}" y1="{n(HEAD)}" x2="{n(f.right)}" y2="{n(HEAD)}" stroke="{GRID}"/>',
        *_years(f),
        f'<line class="today" x1="{n(today)}" y1="13.0" x2="{n(today)}" '
        f'y2="{n(bottom)}" stroke="{TODAY}" stroke-dasharray="2 2"/>',
        _text(today, 10, f"today {t.today}", _anchor(today, f.left, WIDTH)),
    ]
    seen = Counter(m.name for m in t.marks)
    for i, m in enumerate(t.marks):
        y = HEAD + ROW * i + ROW / 2
        colour = STATE_COLOURS.get(m.state, "#555555")
        # under the name, its certifications; the file for a name on several ledgers
        under = m.file if seen[m.name] > 1 else ", ".join(m.certifications)
        row = [
            f"<title>{e(_mark_title(m, words.get(m.state, m.state)))}</title>",
            _text(4, y - 1, _short(m.name, 18)),
            _text(4, y + 8, _short(under, 24), extra=' font-size="7.5" fill="#555555"'),
            f'<line x1="{n(f.left)}" y1="{n(y)}" x2="{n(f.right)}" y2="{n(y)}" '
            f'stroke="{GRID}" stroke-width="0.5"/>',
        ]
        if m.lapsed is not None:
            lx = f.x(m.lapsed)
            row += [
                f'<line class="overdue" x1="{n(lx)}" y1="{n(y)}" x2="{n(today)}" y2="{n(y)}" '
                f'stroke="{DUE}" stroke-width="2"/>',
                f'<path class="lapse" d="M{n(lx - 4)},{n(y - 4)} l8,8 m0,-8 l-8,8" '
                f'stroke="{DUE}" stroke-width="2"/>',
            ]
        dx = f.x(m.due)
        row += [
            f'<circle class="due" cx="{n(dx)}" cy="{n(y)}" r="4.5" fill="{colour}"/>',
            _text(dx + 7, y + 3.5, str(m.due)[:7], extra=f' fill="{colour}" font-size="9"')
            if dx + 45 < WIDTH
            else _text(dx - 7, y + 3.5, str(m.due)[:7], "end", f' fill="{colour}" font-size="9"'),
        ]
        parts.append('<g class="mark">' + "".join(row) + "</g>")
    parts += _timeline_legend(bottom + 16)
    title = f"Due dates and lapses of the team, today {t.today}"
    return _svg(WIDTH, int(height), title, parts)


def _years(f: Frame) -> list[str]:
    """A tick and label on each 1 January of the axis (or its ends, within one year)."""
    days = [dt.date(y, 1, 1) for y in range(f.first.year + 1, f.last.year + 1)]
    if not days:
        days = [f.first, f.last] if f.last > f.first else [f.first]
    step = max(1, len(days) // 5)  # at most about five labels
    out = []
    for day in days[::step]:
        x = f.x(day)
        label = str(day.year) if day.month == 1 and day.day == 1 else str(day)
        out.append(
            f'<line x1="{n(x)}" y1="{n(HEAD - 3)}" x2="{n(x)}" y2="{n(HEAD)}" stroke="{TODAY}"/>'
        )
        out.append(_text(x, HEAD - 5, label, "middle", ' font-size="8" fill="#555555"'))
    return out


def _timeline_legend(y: float) -> list[str]:
    return [
        f'<circle cx="8" cy="{n(y - 3.5)}" r="4" fill="{STATE_COLOURS["on_track"]}"/>',
        _text(16, y, "due date (colour: state)"),
        f'<path d="M150,{n(y - 7.5)} l8,8 m0,-8 l-8,8" stroke="{DUE}" stroke-width="2"/>',
        _text(162, y, "lapsed, overdue since"),
    ]


def charts_of(t: Transcript) -> list[Chart]:
    """The transcript's charts: one per exported requirement, named and judged as its table."""
    out = []
    for s in t.summaries:
        view = requirement_view(s)
        title = f"{view.title} ({view.covers})" if view.covers else view.title
        out.append(chart(s.result, t.ledger, t.today, title, view.state))
    return out


def transcript_figures(t: Transcript) -> str:
    """The transcript's charts as HTML figures (already escaped)."""
    units = t.rules.units
    return "\n".join(
        '<figure class="chart" style="margin: 14px 0; break-inside: avoid; '
        f'page-break-inside: avoid">\n{requirement_svg(c, units)}\n'
        f"<figcaption>{e(summary(c, units))}</figcaption>\n</figure>"
        for c in charts_of(t)
    )
