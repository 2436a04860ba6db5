"""The review of many certificates (`add --from *.pdf`): one row per certificate, what was
read, what is missing, what holds it back; as lines for the terminal and as `--json`."""

from __future__ import annotations

from typing import Any

from ceclog.core.imports.cert_batch import Reviewed

HEADS = ("", "file", "date", "title", "amount", "provider", "why not")


def _amount(values: dict[str, str | None]) -> str:
    """The amount as the certificate states it: its credits, with its hours beside them when
    it states both ("3 CEC (21 h)": the credits count), else its hours."""
    hours, credits = values.get("hours"), values.get("credits")
    if credits:
        return f"{credits} CEC" + (f" ({hours} h)" if hours else "")
    return f"{hours} h" if hours else "-"


def _cells(n: int, item: Reviewed) -> tuple[str, ...]:
    row = item.row
    name = row.file + (f" #{row.number}" if row.number > 1 else "")
    v = row.values
    return (
        f"{'+' if item.why_not is None else '-'}{n}",
        name,
        v.get("date") or "-",
        v.get("title") or "-",
        _amount(v),
        v.get("provider") or "-",
        item.why_not or "",
    )


def table(items: list[Reviewed]) -> list[str]:
    """The rows as text columns: `+N` is written, `-N` held back (the last column says why)."""
    rows = [HEADS, *(_cells(n, item) for n, item in enumerate(items, 1))]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADS) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) for r in rows]
    return [
        f"{line}  {r[-1]}" if r[-1] else line.rstrip() for line, r in zip(lines, rows, strict=True)
    ]


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
