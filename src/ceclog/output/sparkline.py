"""The progress chart in one terminal line (`status --chart`): the current cycle from its start
to its due date in equal stretches, each a block as high as the credits counted by its end
(`core.reports.progress_chart.spark_levels`), the stretches after today as dots.  Unicode blocks
on a UTF-8 terminal; ASCII in plain output (a pipe, NO_COLOR) or another encoding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ceclog.core.reports.progress_chart import Chart, requirement_chart, spark_levels
from ceclog.core.schedule.credits import fmt
from ceclog.output.terminal import Out

if TYPE_CHECKING:
    from ceclog.core.ledger.models import Ledger
    from ceclog.core.schedule.engine import Requirement

BLOCKS = "▁▂▃▄▅▆▇█"
ASCII_BLOCKS = "_.-:=+*#"
LATER = {True: "·", False: " "}  # a stretch after today
WIDTH = 80  # the line never runs wider


def sparkline(c: Chart, unicode: bool) -> str:
    """`|▁▂▂▃▅▅▆·····|`: the lowest block before any credit, the full one only once the
    required credits are counted."""
    blocks = BLOCKS if unicode else ASCII_BLOCKS
    cells = "".join(LATER[unicode] if v is None else blocks[v] for v in spark_levels(c))
    return f"|{cells}|"


def chart_line(name: str, c: Chart, units: str, unicode: bool) -> str:
    """`technician  |▁▂▂▃▅▅▆·····|  11.5/14.0 CECs, due 2027-09-14`, the name shortened when
    the line would run past 80 columns."""
    rest = f"  {sparkline(c, unicode)}  {fmt(c.total)}/{fmt(c.required)} {units}, due {c.due}"
    room = max(8, WIDTH - len(rest))
    if len(name) > room:
        name = name[: room - 3] + "..."
    return name + rest


def unicode_ok(out: Out) -> bool:
    """Blocks only where a person reads them on a terminal that can show them: Rich output
    (a terminal without NO_COLOR) whose encoding is UTF-8."""
    encoding = (getattr(out.stream, "encoding", None) or "").lower().replace("-", "")
    return out.rich and encoding == "utf8"


def chart_lines(
    out: Out, named: list[tuple[str, str, Requirement]], ledger: Ledger, units: str
) -> list[str]:
    """`status --chart`: a line for each (name, state in words, requirement)."""
    unicode = unicode_ok(out)
    return [
        chart_line(name, requirement_chart(req, ledger, state), units, unicode)
        for name, state, req in named
    ]
