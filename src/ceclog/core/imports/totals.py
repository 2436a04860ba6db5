"""Rows of a sheet that are no class: totals and subtotals, headings between groups of rows, the
header printed again.  A total is never a class, nor a person, dated or not.

The rules, each row read by its label — its title cell, or its first cell holding a letter
(where a spreadsheet's subtotal writes its label, in whatever column it groups by):
- a label that says it is a total is one, dated or not: a total word (Total, Subtotal, Sum,
  Running total, Year to date, YTD, Cumulative; Total, Suma, Acumulado; Gesamt, Summe,
  Insgesamt) with nothing but words of amounts and periods ("Total CEC's", "Total completed",
  "Q1 total", "Total hours 2025"); a class named "Total Drying Solutions" is not one;
- an undated row whose label, in any column, ends or starts with a total word is a subtotal of
  a group, as Excel's Data > Subtotal writes them ("Carlos Rivera Total", "Carlos Rivera
  Count", "Total Carlos Rivera", "Gesamtergebnis");
- a row whose title says nothing but amounts and periods (or is empty) and whose hours or
  credits equal the sum of the two or more rows above it is a total (`no_class_title`, used
  where the row's amounts are read);
- a row of one cell of text, or of a year alone ("Spring 2025", "2024", "03/2025"), is a
  heading between groups of rows, too little to be a class."""

from __future__ import annotations

import re

from ceclog.core.imports.table import cell_at
from ceclog.core.ledger.vocabulary import header_key

# Words that say a row is a total (keyed as `header_key` writes them: "Sub-total" is "sub total").
TOTAL_WORDS = frozenset(
    (
        *("total", "totals", "subtotal", "subtotals", "sum", "ytd", "cumulative", "grandtotal"),
        *("totales", "subtotales", "suma", "acumulado", "acumulada", "acumulados"),
        *("gesamt", "summe", "zwischensumme", "gesamtsumme", "insgesamt", "gesamtergebnis"),
        *("zwischenergebnis", "kumuliert", "kumulativ", "bisher"),
    )
)
TOTAL_PHRASES = ("year to date", "to date", "so far", "a la fecha", "hasta la fecha", "bis heute")
# Words that may go with a total word in its label: amounts, periods, and what they count.
FILLERS = frozenset(
    (
        *("hours", "hour", "hrs", "hr", "h", "cec", "cecs", "ce", "ces", "ceu", "ceus", "s"),
        *("credits", "credit", "units", "points", "horas", "hora", "creditos", "credito"),
        *("stunden", "std", "punkte", "for", "the", "year", "years", "to", "date", "so", "far"),
        *("cycle", "period", "renewal", "of", "all", "this", "in", "at", "as", "on", "by"),
        *("through", "thru", "now", "today", "current", "overall", "grand", "running", "sub"),
        *("final", "count", "earned", "taken", "classes", "courses", "completed", "complete"),
        *("done", "attended", "required", "needed", "remaining", "left", "due", "quarter"),
        *("month", "months", "q1", "q2", "q3", "q4", "del", "de", "la", "el", "los", "las"),
        *("ano", "anos", "a", "hasta", "hoy", "fecha", "general", "cursos", "des", "der"),
        *("die", "jahr", "jahres", "bis", "heute", "im", "pro", "per", "kurse"),
        *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct"),
        *("nov", "dec", "january", "february", "march", "april", "june", "july", "august"),
        *("september", "october", "november", "december"),
    )
)
# How a spreadsheet's subtotal of a group is labelled: "<group> Total" (Excel, English and
# German: "<group> Ergebnis"), "Total <group>" (Spanish, French), and the other functions'.
SUBTOTAL_LAST = frozenset(
    ("total", "totals", "subtotal", "count", "average", "sum", "summe", "ergebnis", "suma")
)
SUBTOTAL_FIRST = frozenset(("total", "subtotal", "suma", "summe", "gesamt", "totales"))
YEARISH = re.compile(r"(19|20)\d\d|\d{1,2}\s*[/.-]\s*(19|20)\d\d|(19|20)\d\d\s*[/.-]\s*\d{1,2}")


def _only_totals(words: list[str]) -> bool:
    return all(w in TOTAL_WORDS or w in FILLERS or w.isdigit() for w in words)


def total_label(text: str) -> bool:
    """A label saying the row is a total: "Total", "TOTAL:", "Total CEC's", "Total completed",
    "Running total", "Year to date", "YTD total", "Q1 total", "Gesamt", "Suma"... (not "Total
    Drying Solutions", a class)."""
    words = header_key(text).split()
    said = f" {' '.join(words)} "
    strong = any(w in TOTAL_WORDS for w in words) or any(f" {p} " in said for p in TOTAL_PHRASES)
    return strong and _only_totals(words)


def subtotal_label(text: str) -> bool:
    """A group's subtotal as a spreadsheet labels it: "Carlos Rivera Total", "Carlos Rivera
    Count", "Total Carlos Rivera" (read so only in an undated row: a class is dated)."""
    words = header_key(text).split()
    return len(words) >= 2 and (words[-1] in SUBTOTAL_LAST or words[0] in SUBTOTAL_FIRST)


def no_class_title(title: str) -> bool:
    """A title that names no class: empty, or only words of amounts, periods and totals
    ("CECs earned", "Hours 2025")."""
    return _only_totals(header_key(title).split())


def is_heading(cells: list[str]) -> bool:
    """A heading between groups of rows: one cell of text ("Spring 2025", "Online classes") or
    a year alone ("2024", "03/2025"), and nothing else: too little to be a class."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) != 1:
        return False
    return not re.fullmatch(r"[\d\s.,:/-]+", filled[0]) or bool(YEARISH.fullmatch(filled[0]))


def labels(cells: list[str], title: int | None) -> list[int]:
    """Where a row's label is: its title cell, and its first cell holding a letter."""
    out = [title] if title is not None and cell_at(cells, title).strip() else []
    first = next((i for i, c in enumerate(cells) if re.search(r"[^\W\d_]", c)), None)
    return out + ([first] if first is not None and first != title else [])


def not_class(cells: list[str], heads: list[str], columns: dict[str, int]) -> str | None:
    """Why a row is no class (a total, a heading, the header again), or None.  `heads`: the
    header's keys; `columns`: where each field is (a row of one cell is a heading only where
    a column holds the date: not when the mapping gives every row's)."""
    keys = [header_key(c) for c in cells]
    if keys[: len(heads)] == heads and not any(keys[len(heads) :]):
        return "the header again"
    date = columns.get("date")
    at = labels(cells, columns.get("title"))
    undated = date is not None and not cell_at(cells, date).strip()
    if undated:  # a total's label may be in any column of a row that is no dated class
        at += [i for i, c in enumerate(cells) if i not in at and re.search(r"[^\W\d_]", c)]
    for i in at:
        if total_label(cells[i]):
            return f"a total ({cells[i].strip()})"
    for i in at:
        if (undated or i == date) and subtotal_label(cells[i]):
            return f"a total ({cells[i].strip()})"
    if date is not None and is_heading(cells):
        return "a heading (" + next(c.strip() for c in cells if c.strip()) + ")"
    return None
