"""Output for people.  On a terminal it is drawn with Rich, imported only then: tables fitted
and lines wrapped between words at the terminal's width, in colour unless NO_COLOR is set or
`--color never` is given (NO_COLOR changes only the colour, never the layout).  In pipes it is
plain ASCII text written without Rich, which also keeps scripted runs fast, unless `--color
always` asks for the terminal's drawing and colours there too."""

from __future__ import annotations

import os
import re
import sys
from typing import IO, Any, NamedTuple

from ceclog.core.schedule.progress import filled, text_bar
from ceclog.output import bidi

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """User text made safe for a terminal: no escape sequences or other control characters,
    and direction controls shown as marks (`bidi`)."""
    return bidi.shown(_CONTROL.sub("?", text))


class Styled(NamedTuple):
    text: str
    style: str = ""


class Bar(NamedTuple):
    percent: int  # 0..100, rounded down (ceclog.core.schedule.progress)


Cell = str | Styled | Bar


class Column(NamedTuple):
    """A table column.  On a narrow terminal `optional` columns are left out (last first) and
    the others wrap between words; no word (a date) is ever cut, and a `whole` column (a state)
    never wraps at all."""

    name: str
    justify: str = "left"
    optional: bool = False
    whole: bool = False


COLOR_MODES = ("auto", "always", "never")
_color_mode = "auto"  # set by the command line's --color for the run


def use_color(mode: str) -> None:
    """`auto` (colour on a terminal unless NO_COLOR is set), `always` or `never`."""
    global _color_mode
    _color_mode = mode if mode in COLOR_MODES else "auto"


def colored(stream: IO[str]) -> bool:
    """Whether output to `stream` is in colour: `--color`, else a terminal without NO_COLOR
    (set and not empty, as no-color.org says)."""
    if _color_mode != "auto":
        return _color_mode == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


class Out:
    """Lines and tables for people, on stdout or stderr: drawn with Rich (`rich`) at the
    terminal's width, in colour or not (`color`), or plain."""

    def __init__(self, stream: IO[str], rich: bool, color: bool | None = None) -> None:
        self.stream = stream
        self.rich = rich
        self.color = color  # None: as Rich finds the stream (a terminal or not)
        self._console: Any = None

    @property
    def console(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(
                file=self.stream,
                highlight=False,
                markup=False,
                emoji=False,
                soft_wrap=False,
                no_color=self.color is False,  # NO_COLOR is read once, by `colored`
                color_system=None if self.color is False else "auto",  # never: no escape codes
                force_terminal=True if self.color else None,  # --color always, into a pipe too
            )
        return self._console

    def print(self, text: str = "", style: str = "", soft_wrap: bool = False) -> None:
        if self.rich:
            self.console.print(clean(text), style=style or None, soft_wrap=soft_wrap)
        else:
            self.stream.write(clean(text) + "\n")

    def hang(self, text: str, indent: int | None = None) -> None:
        """Lines for a person at a terminal, each wrapped at word boundaries with a hanging
        indent (`indent` columns, else under the text after a leading "error: " or
        "  hint: "), instead of being cut mid-word by the terminal.  Elsewhere (a pipe, a
        file) each stays one line, for grep and scripts."""
        import shutil
        import textwrap

        if not self.stream.isatty():
            self.stream.write(clean(text) + "\n")
            return
        width = shutil.get_terminal_size().columns
        for line in clean(text).split("\n"):
            label = re.match(r"\s*[a-z]+: ", line)
            lead = line[: len(line) - len(line.lstrip())]
            hang = indent if indent is not None else (label.end() if label else 2)
            hang = max(hang, len(lead) + 2)  # never left of where the line itself starts
            wrapped = textwrap.wrap(
                line,
                width=max(width - 1, 20),
                subsequent_indent=" " * min(hang, width // 2),
                break_long_words=False,
                break_on_hyphens=False,
                drop_whitespace=True,
            )
            if wrapped and lead and not wrapped[0].startswith(lead):
                wrapped[0] = lead + wrapped[0]
            self.stream.write("\n".join(wrapped or [""]) + "\n")

    def table(self, columns: list[Column], rows: list[list[Cell]]) -> None:
        if self.rich:
            self._rich_table(columns, rows)
            return
        cells = [[_plain_cell(c) for c in row] for row in rows]
        widths = _widths(columns, cells)

        def line(values: list[str]) -> str:
            parts = [
                v.rjust(w) if column.justify == "right" else v.ljust(w)
                for v, w, column in zip(values, widths, columns, strict=True)
            ]
            return "  ".join(parts).rstrip()

        self.stream.write(line([c.name for c in columns]) + "\n")
        self.stream.write("  ".join("-" * w for w in widths) + "\n")
        for row in cells:
            self.stream.write(line(row) + "\n")

    def _records(self, columns: list[Column], rows: list[list[Cell]]) -> None:
        """Each row as a block: its first cell, then `name  value` lines, so that nothing is
        cut on a terminal too narrow for the table."""
        from rich.text import Text

        width = max(len(c.name) for c in columns[1:])
        for row in rows:
            self.console.print(_cell_text(row[0]))
            for column, cell in zip(columns[1:], row[1:], strict=True):
                self.console.print(Text(f"  {column.name.ljust(width)}  ") + _cell_text(cell))

    def _rich_table(self, columns: list[Column], rows: list[list[Cell]]) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        plain = [[_plain_cell(c) for c in row] for row in rows]
        keep, widths = fit(columns, plain, self.console.width)
        if sum(widths) + 3 * len(widths) - 1 > self.console.width:
            self._records(columns, rows)  # too narrow for a table: one block per row
            return
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        for i, width in zip(keep, widths, strict=True):
            table.add_column(
                columns[i].name,
                justify=columns[i].justify,  # type: ignore[arg-type]
                width=width,
                overflow="fold",
            )
        for full in rows:
            row = [full[i] for i in keep]
            out: list[Any] = []
            for cell in row:
                if isinstance(cell, Bar):
                    width = 10
                    done = filled(cell.percent, width)
                    style = "green" if cell.percent >= 100 else "cyan"
                    out.append(
                        Text("█" * done, style=style)
                        + Text("░" * (width - done), style="dim")
                        + Text(f" {cell.percent:3d}%")
                    )
                elif isinstance(cell, Styled):
                    out.append(Text(clean(cell.text), style=cell.style))
                else:
                    out.append(Text(clean(cell)))
            table.add_row(*out)
        self.console.print(table)


def _cell_text(cell: Cell) -> Any:
    from rich.text import Text

    if isinstance(cell, Styled):
        return Text(clean(cell.text), style=cell.style)
    return Text(_plain_cell(cell))


def fit(columns: list[Column], cells: list[list[str]], width: int) -> tuple[list[int], list[int]]:
    """Which columns to show in `width` characters, and how wide each is: every column as wide
    as its longest cell if that fits; else the widest ones wrap between words, never narrower
    than their longest word (so a date or a state is never cut); when even that does not fit,
    optional columns are left out, the last first.  Each column also takes 3 characters of
    padding and rule (one less for the last)."""
    natural = _widths(columns, cells)
    least = [
        max(
            len(part)
            for text in [c.name, *(row[i] for row in cells)]
            for part in ([text] if c.whole and text is not c.name else text.split())
        )
        for i, c in enumerate(columns)
    ]
    keep = list(range(len(columns)))
    optional = [i for i, c in enumerate(columns) if c.optional]
    while optional and sum(least[i] + 3 for i in keep) - 1 > width:
        keep.remove(optional.pop())
    sizes = {i: natural[i] for i in keep}
    while sum(sizes.values()) + 3 * len(keep) - 1 > width:
        shrinkable = [i for i in keep if sizes[i] > least[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: sizes[i] - least[i])
        sizes[widest] -= 1
    return keep, [sizes[i] for i in keep]


def _widths(columns: list[Column], cells: list[list[str]]) -> list[int]:
    return [max([len(c.name), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]


def _plain_cell(cell: Cell) -> str:
    if isinstance(cell, Bar):
        return f"{text_bar(cell.percent)} {cell.percent:3d}%"
    text = cell.text if isinstance(cell, Styled) else cell
    return clean(text.replace("\r\n", " ").replace("\n", " "))


def console(stderr: bool = False) -> Out:
    stream = sys.stderr if stderr else sys.stdout
    color = colored(stream)
    return Out(stream, rich=color or stream.isatty(), color=color)


def key_values(out: Out, rows: list[tuple[str, Any]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        out.print(f"{key.ljust(width)}  {value}")
