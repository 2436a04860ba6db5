"""Sheets as spreadsheet programs save them, written by the tests into their tmp folder.

- Excel "CSV UTF-8": a byte-order mark, CRLF, `,`, quotes only where needed, cells as shown
  (US dates 3/14/2025).
- Excel "CSV" on a European Windows: cp1252, `;` between cells, a decimal comma, CRLF.
- Google Sheets "Download as CSV": UTF-8 without a byte-order mark, `,`, CRLF.
- LibreOffice Calc "Text CSV": UTF-8 without a byte-order mark, `,`, LF.
- Excel workbooks (.xlsx) written with openpyxl: real date cells (shown m/d/yyyy), numbers,
  time cells (h:mm), merged cells, hidden sheets.

And `entries`: what a ledger holds after an import, to compare with the truth.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from conftest import Ceclog

Rows = list[list[str]]


def _csv(rows: Rows, separator: str, newline: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator=newline)
    writer.writerows(rows)
    return out.getvalue()


def excel_utf8(path: Path, rows: Rows) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + _csv(rows, ",", "\r\n").encode("utf-8"))
    return path


def excel_cp1252(path: Path, rows: Rows) -> Path:
    path.write_bytes(_csv(rows, ";", "\r\n").encode("cp1252"))
    return path


def google(path: Path, rows: Rows) -> Path:
    path.write_bytes(_csv(rows, ",", "\r\n").encode("utf-8"))
    return path


def libreoffice(path: Path, rows: Rows) -> Path:
    path.write_bytes(_csv(rows, ",", "\n").encode("utf-8"))
    return path


def workbook(
    path: Path,
    sheets: dict[str, list[list[Any]]],
    merged: dict[str, list[str]] | None = None,
    hidden: tuple[str, ...] = (),
) -> Path:
    """A workbook of `sheets` (name -> rows of cell values); `merged`: ranges per sheet
    ("C1:D1"); `hidden`: sheets saved hidden.  Dates show as Excel shows them in the US."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, dt.datetime | dt.date):
                    cell.number_format = "m/d/yyyy"
                elif isinstance(cell.value, dt.time):
                    cell.number_format = "h:mm"
        for area in (merged or {}).get(name, []):
            sheet.merge_cells(area)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def entries(ceclog: Ceclog) -> list[tuple[Any, ...]]:
    """What the ledger holds, by id: date, title, hours, credits, kind, planned, provider,
    approval."""
    found = sorted(json.loads(ceclog("list", "--json").out), key=lambda e: e["id"])
    keys = ("date", "title", "hours", "credits", "kind", "planned", "provider", "approval")
    return [tuple(e.get(k) for k in keys) for e in found]
