"""The review of many certificates (`add --from *.pdf`): one row per certificate, what was
read, what is missing, what holds it back; as lines for the terminal and as `--json`."""

from __future__ import annotations

from typing import Any

from ceclog.core.imports.cert_batch import Reviewed
from ceclog.output.terminal import Column, Out, clean, fit

# On a terminal the table is fitted to its width as `status` and `list` are: the provider,
# then the title, are left out when the rest does not fit (a line under the table says so),
# and the sign, file, date, amount and why a row is held back always show, each in its column.
COLUMNS = [
    Column("", whole=True),  # +N written, -N held back
    Column("File"),
    Column("Date", whole=True),
    Column("Title", optional=True),
    Column("Amount", whole=True),  # "7 CEC (7 h)" never broken inside
    Column("Provider", optional=True),
    Column("Why not"),
]
TITLE, AMOUNT, PROVIDER = (
    3,
    4,
    5,
)  # cut with an ellipsis to their column, so that a row keeps one line
LONGEST_WORD = 20  # on a terminal a longer word (a file name, a path) is shortened in the middle
SHORTEST_CUT = 10  # a title or provider cut shorter than this says too little
WHY_WIDTH = 32  # the reason gets up to this much from them; a longer one wraps
WHY_LEAST = 20  # narrower than this, they are left out ("duplicate of entry 12" on a line)


def _amount(values: dict[str, str | None]) -> str:
    """The amount as the certificate states it: its credits, with its hours beside them when
    it states both ("3 CEC (21 h)": the credits count), else its hours."""
    hours, credits = values.get("hours"), values.get("credits")
    if credits:
        return f"{credits} CEC" + (f" ({hours} h)" if hours else "")
    return f"{hours} h" if hours else "-"


def _cells(n: int, item: Reviewed) -> list[str]:
    row = item.row
    name = row.file + (f" #{row.number}" if row.number > 1 else "")
    v = row.values
    return [
        f"{'+' if item.why_not is None else '-'}{n}",
        name,
        v.get("date") or "-",
        v.get("title") or "-",
        _amount(v),
        v.get("provider") or "-",
        item.why_not or "",
    ]


def _middle(word: str, width: int) -> str:
    """`word` in `width` characters: its start and end, an ellipsis between."""
    if len(word) <= width:
        return word
    tail = (width - 1) // 2
    return word[: width - 1 - tail] + "…" + word[len(word) - tail :]


def show(out: Out, items: list[Reviewed]) -> None:
    """The review: a row per certificate, `+N` written, `-N` held back (the last column says
    why).  In a pipe every cell is whole, a row a line; on a terminal the table is fitted to
    its width (the title and provider cut with an ellipsis, the other cells wrapped in their
    column) and a line under it names the columns left out."""
    rows = [_cells(n, item) for n, item in enumerate(items, 1)]
    if not out.rich:
        out.table(COLUMNS, [[*r] for r in rows])
        return
    rows = [[" ".join(_middle(w, LONGEST_WORD) for w in c.split(" ")) for c in r] for r in rows]
    width = out.console.width
    keep, widths = _layout(rows, width)
    if sum(widths) + 3 * len(widths) - 1 > width:  # too narrow for a table: a block per row
        out.table(COLUMNS, [[*r] for r in rows])
        return
    _draw(out, [COLUMNS[i] for i in keep], widths, [[r[i] for i in keep] for r in rows])
    dropped = [COLUMNS[i].name.lower() for i in (TITLE, PROVIDER) if i not in keep]
    if dropped:
        out.print(
            f"{' and '.join(dropped)} not shown at {width} columns: "
            "widen the terminal or use --json"
        )


def _layout(rows: list[list[str]], width: int) -> tuple[list[int], list[int]]:
    """The columns shown and their widths, as `fit` finds them for the terminal, except that
    the reason a row is held back takes room from the title and provider (cut with an
    ellipsis) first, and they are left out, the provider first, rather than squeeze it.  When
    no row is held back, the reason's column is left out and its room is theirs."""
    # an ellipsis may cut the title and provider anywhere: as narrow as a short word
    cuttable = [
        [*r[:TITLE], _chunks(r[TITLE]), r[AMOUNT], _chunks(r[PROVIDER]), r[6]] for r in rows
    ]
    need = max(len(r[-1]) for r in rows)
    if not need:
        return fit(COLUMNS[:-1], [r[:-1] for r in cuttable], width)
    keep, widths = fit(COLUMNS, cuttable, width)
    for cut in [c for c in (PROVIDER, TITLE) if c in keep]:
        at = keep.index(cut)
        moved = max(min(widths[at] - SHORTEST_CUT, min(need, WHY_WIDTH) - widths[-1]), 0)
        widths[at] -= moved
        widths[-1] += moved
        if widths[-1] < min(need, WHY_LEAST):
            freed = widths.pop(at) + 3
            keep.remove(cut)
            amount = keep.index(AMOUNT)  # the amount whole first ("3 CEC (21 h)")
            more = min(freed, max(len(r[AMOUNT]) for r in rows) - widths[amount])
            widths[amount] += max(more, 0)
            widths[-1] += freed - max(more, 0)
    return keep, widths


def _chunks(text: str, size: int = 10) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def _draw(out: Out, columns: list[Column], widths: list[int], rows: list[list[str]]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for column, width in zip(columns, widths, strict=True):
        cut = column.name in ("Title", "Provider")
        table.add_column(
            column.name, width=width, no_wrap=cut, overflow="ellipsis" if cut else "fold"
        )
    for row in rows:
        sign = Text(row[0], style="green" if row[0].startswith("+") else "yellow")
        table.add_row(sign, *(Text(clean(c)) for c in row[1:]))
    out.console.print(table)


def as_data(items: list[Reviewed], written: bool) -> dict[str, Any]:
    """The `--json` document of `add --from` with several certificates."""
    return {
        "written": written,
        "certificates": [
            {
                "row": n,
                "file": item.row.file,
                "number": item.row.number,
                "fields": dict(item.row.values),
                "missing": list(item.row.missing),
                "duplicate_of": item.duplicate_of,
                "like": item.like,
                "repeat_of": item.repeat_of,
                "why_not": item.why_not,
            }
            for n, item in enumerate(items, 1)
        ],
    }
