"""Reading a file of classes into `Table`s of text cells: an Excel workbook (each sheet), a
spreadsheet's CSV, or ceclog's own JSON export.  What the file is comes from its first bytes,
never its name: a ZIP is a workbook (`store.workbook`), an old binary .xls is refused with
what to save it as.

Reads the CSV spreadsheets really write: UTF-8 with or without a byte-order mark, else cp1252
(said in a note); `,`, `;` or tab separators (the most frequent in the first lines, unless the
mapping says); CRLF; quoted newlines; empty rows (skipped).  Where each sheet's header is,
is the core's rule (`core.imports.header`)."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import Any

from ceclog.core.imports.header import Csv, table_from
from ceclog.core.imports.names import FIELDS
from ceclog.core.imports.table import Mapping, Table
from ceclog.core.ledger.vocabulary import header_key
from ceclog.errors import InputError, Location
from ceclog.store.files import NotRegular, read_regular

MAX_BYTES = 50 * 1024 * 1024
EXPORT_HEADERS = {"id", "counted", "explanation", "credits stated"}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an Excel 97-2003 .xls (or an encrypted .xlsx)


def read_bytes(path: Path) -> bytes:
    """The bytes of a sheet or mapping file the user named: a regular file, never a pipe or a
    device (read without blocking), at most 50 MB."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise InputError("no such file", where=Location(path)) from None
    except IsADirectoryError:
        raise InputError(
            "is a folder", where=Location(path), hint="give a workbook (.xlsx) or CSV file"
        ) from None
    except NotRegular as exc:
        raise InputError(
            f"is {exc.what}, not a file", where=Location(path), hint="save it to a file first"
        ) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", where=Location(path)) from None
    if len(raw) > MAX_BYTES:
        raise InputError("is larger than 50 MB: is it the right file?", where=Location(path))
    return raw


def decode(raw: bytes, path: Path, encoding: str | None) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"the mapping names an unknown encoding {encoding!r}") from None
        try:
            return raw.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError as exc:
            raise InputError(
                f"byte {exc.start + 1} is not {encoding} text", where=Location(path)
            ) from None
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[3:].decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            raise InputError(f"byte {exc.start + 4} is not UTF-8", where=Location(path)) from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError(
            "is not a spreadsheet ceclog reads: neither a workbook (.xlsx) nor UTF-8 or cp1252 "
            "text",
            where=Location(path),
            hint="save it from the spreadsheet as an Excel workbook (.xlsx) or as CSV UTF-8; "
            'a CSV in another encoding: name it in a mapping file, encoding = "latin-1"',
        ) from None


def sniff(raw: bytes, path: Path) -> str:
    """What the file is, from its first bytes: "workbook", or "text"."""
    if raw.startswith(b"PK\x03\x04"):
        return "workbook"
    if raw.startswith(OLE2):
        raise InputError(
            "is an old Excel workbook (.xls, Excel 97-2003) or a password-protected one, "
            "which ceclog does not read",
            where=Location(path),
            hint="open it in Excel and save it as an Excel Workbook (.xlsx) without a password, "
            "or as CSV UTF-8, and import that",
        )
    if raw.startswith(b"%PDF"):
        raise InputError(
            "is a PDF, not a spreadsheet",
            where=Location(path),
            hint="a certificate is recorded with `ceclog add --from FILE`",
        )
    return "text"


def read_tables(path: Path, mapping: Mapping) -> tuple[list[Table], list[str]]:
    """The file's tables (a workbook: each sheet with a header, or the mapping's sheet) and
    notes on how it was read (the sheets read past, an encoding)."""
    raw = read_bytes(path)
    if sniff(raw, path) == "workbook":
        from ceclog.store.workbook import read_workbook

        tables, notes = [], []
        for name, rows in read_workbook(raw, path, mapping.sheet):
            table, found = table_from(rows, mapping, path.name, name)
            if found or mapping.sheet is not None:
                tables.append(table)
            elif rows:
                notes.append(f"sheet {name!r} is not read: no row names a date and a title")
        if not tables:
            raise InputError(
                "has no sheet with a header ceclog reads (a row naming the date, the title, "
                "the hours...)",
                where=Location(path),
                hint="name the sheet with --sheet NAME and its columns in a mapping file "
                '(--map MAP.toml): [columns] date = "..."',
            )
        return tables, notes
    if mapping.sheet is not None:
        raise InputError(
            f"--sheet {mapping.sheet}: is a CSV file, with no sheets", where=Location(path)
        )
    text, encoding = decode(raw, path, mapping.encoding)
    notes = []
    if encoding == "cp1252" and mapping.encoding is None:
        notes.append(f"{path} is not UTF-8: read it as cp1252 (Windows)")
    if "\x00" in text:
        raise InputError(
            "is not a text file (it holds NUL bytes)",
            where=Location(path),
            hint="give an Excel workbook (.xlsx) or a CSV file",
        )
    if text.lstrip().startswith("{"):
        return [json_table(path, text)], notes
    return [csv_table(path, text, encoding, mapping)], notes


def read_table(path: Path, mapping: Mapping) -> Table:
    """The file's first table (a transcript: one sheet)."""
    return read_tables(path, mapping)[0][0]


def csv_table(path: Path, text: str, encoding: str, mapping: Mapping) -> Table:
    lines = [line for line in text.splitlines() if line.strip(" ,;\t")][:10]
    separator = mapping.separator or max(
        (",", ";", "\t"), key=lambda s: sum(line.count(s) for line in lines)
    )
    if len(separator) != 1:
        raise InputError(f"the separator must be one character, not {separator!r}")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as exc:
        raise InputError(f"is not CSV a spreadsheet writes: {exc}", where=Location(path)) from None
    numbered = [(n, cells) for n, cells in enumerate(records, 1) if any(c.strip() for c in cells)]
    if not numbered:
        raise InputError("is empty: no header row", where=Location(path))
    export = {header_key(h) for h in numbered[0][1]} >= EXPORT_HEADERS
    how = Csv(separator, "," if separator == ";" else ".", encoding, export)
    return table_from(numbered, mapping, path.name, csv=how)[0]


def json_table(path: Path, text: str) -> Table:
    """ceclog's own `export --format json` as a table: one row per entry (row = its place)."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"is not JSON: {exc}", where=Location(path)) from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("format") != "ceclog-export":
        raise InputError(
            "is JSON but not a ceclog export (`ceclog export --format json`)",
            where=Location(path),
        )
    rows = []
    for number, item in enumerate(entries, 1):
        if not isinstance(item, dict):
            raise InputError(f"entry {number} is not an object", where=Location(path))
        rows.append((number, [cell(item.get(name)) for name in FIELDS]))
    return Table(name=path.name, headers=list(FIELDS), rows=rows, encoding="utf-8", own=True)


def cell(value: Any) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):  # topic_hours: as the CSV export writes it
        return "; ".join(f"{k}={v}" for k, v in value.items())
    return str(value)
