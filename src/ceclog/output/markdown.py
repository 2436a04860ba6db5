"""The transcript as GitHub-flavoured Markdown: facts as a list, the rest as tables.

Every string from the ledger or the rules is untrusted: `text()` makes it literal text, so a
title cannot end a table cell, start a heading, emphasise, link or embed HTML."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from ceclog.core.reports.transcript import Transcript
from ceclog.core.schedule.progress import text_bar
from ceclog.output import bidi
from ceclog.output.document import (
    ENTRY_HEADINGS,
    NO_CERTIFICATIONS,
    NO_ENTRIES,
    NO_REQUIREMENTS,
    REQUIREMENT_HEADINGS,
    Document,
    build_document,
)

# backslash-escaped wherever they appear (CommonMark escapes any ASCII punctuation)
_BACKSLASHED = frozenset("\\`*_[]|~$!")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# at the start of a line these open a block (heading, list, quote, setext underline, list)
_LEADING = re.compile(r"^([#+=-]|\d+[.)](?= |$))")


def _one_line(value: str) -> str:
    """Control characters (newlines, tabs...) become spaces; runs of spaces become one."""
    chars = (" " if unicodedata.category(c) == "Cc" else c for c in value)
    return " ".join("".join(chars).split())


def text(value: str) -> str:
    """`value` as literal Markdown text on one line, safe in a table cell."""
    flat = _one_line(bidi.shown(value))
    out = "".join("\\" + c if c in _BACKSLASHED else _ENTITIES.get(c, c) for c in flat)
    match = _LEADING.match(out)
    if match:
        end = match.end() - 1  # escape the punctuation that opens the block
        out = out[:end] + "\\" + out[end:]
    return out


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(headings: Sequence[str], rows: Iterable[Sequence[str]], right: set[int]) -> list[str]:
    """A GFM table; `headings` and `rows` are already escaped; `right` aligns columns."""
    rule = ("---:" if i in right else "---" for i in range(len(headings)))
    return [_row(headings), _row(rule), *(_row(r) for r in rows)]


def _facts(doc: Document) -> list[str]:
    lines = [f"- **{label}:** {text(value)}" for label, value in doc.facts]
    return lines


def _certifications(doc: Document) -> list[str]:
    if not doc.certifications:
        return [text(NO_CERTIFICATIONS)]
    rows = ([text(c.code), text(c.title), c.earned] for c in doc.certifications)
    return table(["Code", "Certification", "Earned"], rows, set())


def _requirements(doc: Document) -> list[str]:
    if not doc.requirements:
        return [text(NO_REQUIREMENTS)]
    rows = (
        [*(text(cell) for cell in req.cells("")[:-1]), f"`{text_bar(req.percent)}` {req.percent}%"]
        for req in doc.requirements
    )
    return table(REQUIREMENT_HEADINGS, rows, {4, 5, 6, 7, 8})


def _entries(doc: Document) -> list[str]:
    if not doc.entries:
        return [text(NO_ENTRIES)]
    rows = ([text(cell) for cell in entry.cells()] for entry in doc.entries)
    right = {ENTRY_HEADINGS.index("Hours"), ENTRY_HEADINGS.index("Counted")}
    return [*table(ENTRY_HEADINGS, rows, right), "", f"**{text(doc.total_line)}**"]


def render(t: Transcript) -> str:
    doc = build_document(t)
    lines = [
        f"# {text(doc.title)}",
        "",
        *_facts(doc),
        "",
        "## Certifications held",
        "",
        *_certifications(doc),
        "",
        f"## {text(doc.requirements_heading)}",
        "",
        *_requirements(doc),
        "",
        f"## {text(doc.entries_heading)}",
        "",
        *_entries(doc),
    ]
    return "\n".join(lines) + "\n"
