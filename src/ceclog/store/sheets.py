"""Reading a spreadsheet's CSV (or ceclog's own JSON export) into text cells, and the mapping
file that says how to read one (`--map MAP.toml`, written by `--save-map`).

Reads what spreadsheets really write: UTF-8 with or without a byte-order mark, else cp1252
(said in a note); `,`, `;` or tab separators (the header line decides unless the mapping
says); CRLF; quoted newlines; empty rows (skipped)."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import Any

from ceclog.core.import_dates import check_format
from ceclog.core.import_names import ENTRY_FIELDS, FIELDS, header_key
from ceclog.core.import_rows import Mapping, Table
from ceclog.errors import InputError, Location
from ceclog.store.files import NotRegular, atomic_write, read_regular
from ceclog.store.journal import Journal, writing
from ceclog.store.parsing import parse_toml

MAX_BYTES = 50 * 1024 * 1024
MAP_KEYS = ("columns", "dates", "constants", "separator", "decimal", "encoding", "skip")
EXPORT_HEADERS = {"id", "counted", "explanation", "credits stated"}


def read_bytes(path: Path) -> bytes:
    """The bytes of a sheet or mapping file the user named: a regular file, never a pipe or a
    device (read without blocking), at most 50 MB."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise InputError("no such file", where=Location(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder", where=Location(path), hint="give a CSV file") from None
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
        return raw[3:].decode("utf-8", errors="strict"), "utf-8"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError(
            "is neither UTF-8 nor cp1252 text",
            where=Location(path),
            hint='name its encoding in a mapping file: encoding = "latin-1" (--map FILE)',
        ) from None


def read_table(path: Path, mapping: Mapping) -> Table:
    raw = read_bytes(path)
    try:
        text, encoding = decode(raw, path, mapping.encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"byte {exc.start + 1} is not UTF-8", where=Location(path)) from None
    if "\x00" in text:
        raise InputError(
            "is not a text file (it holds NUL bytes)",
            where=Location(path),
            hint="save the spreadsheet as CSV first",
        )
    if text.lstrip().startswith("{"):
        return json_table(path, text)
    lines = text.splitlines()
    header_line = lines[mapping.skip] if mapping.skip < len(lines) else ""
    separator = mapping.separator or max((",", ";", "\t"), key=header_line.count)
    if len(separator) != 1:
        raise InputError(f"the separator must be one character, not {separator!r}")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as exc:
        raise InputError(f"is not CSV a spreadsheet writes: {exc}", where=Location(path)) from None
    numbered = [(n, cells) for n, cells in enumerate(records, 1)][mapping.skip :]
    numbered = [(n, cells) for n, cells in numbered if any(c.strip() for c in cells)]
    if not numbered:
        raise InputError("is empty: no header row", where=Location(path))
    (_, headers), rows = numbered[0], numbered[1:]
    keys = {header_key(h) for h in headers}
    return Table(
        name=path.name,
        headers=[h.strip() for h in headers],
        rows=rows,
        ceclog_export=keys >= EXPORT_HEADERS,
        separator=separator,
        decimal="," if separator == ";" else ".",
        encoding=encoding,
    )


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
        rows.append((number, [cell(item.get(name)) for name in ENTRY_FIELDS]))
    return Table(name=path.name, headers=list(ENTRY_FIELDS), rows=rows, encoding="utf-8")


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


def read_mapping(path: Path) -> Mapping:
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", where=Location(path)) from None
    data = parse_toml(text, path, InputError)
    unknown = [k for k in data if k not in MAP_KEYS]
    if unknown:
        raise InputError(
            f"unknown key {unknown[0]!r} in the mapping",
            where=Location(path),
            hint=f"keys: {', '.join(MAP_KEYS)}",
        )

    def table(key: str) -> dict[str, str]:
        value = data.get(key, {})
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str | int) and not isinstance(v, bool)
            for k, v in value.items()
        ):
            raise InputError(f'[{key}] must hold  field = "text"  lines', where=Location(path))
        for k in value:
            if k not in FIELDS:
                raise InputError(
                    f"[{key}] names {k!r}, which is not a field",
                    where=Location(path),
                    hint=f"fields: {', '.join(FIELDS)}",
                )
        return {k: str(v) for k, v in value.items()}

    def text_key(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{key} must be text in quotes", where=Location(path))
        return value

    skip = data.get("skip", 0)
    if not isinstance(skip, int) or isinstance(skip, bool) or not 0 <= skip <= 1000:
        raise InputError("skip must be a whole number of rows (0-1000)", where=Location(path))
    decimal = text_key("decimal")
    if decimal not in (None, ".", ","):
        raise InputError('decimal must be "." or ","', where=Location(path))
    dates = table("dates")
    try:
        dates = {k: check_format(v) for k, v in dates.items()}
    except InputError as exc:
        exc.where = Location(path)
        raise
    return Mapping(
        columns=table("columns"),
        dates=dates,
        constants=table("constants"),
        separator=text_key("separator"),
        decimal=decimal,
        encoding=text_key("encoding"),
        skip=skip,
    )


def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string


def mapping_text(mapping: Mapping) -> str:
    lines = [
        "# How `ceclog import` reads this file's CSV (see the README: Moving from a spreadsheet)."
    ]
    for key in ("encoding", "separator", "decimal"):
        value = getattr(mapping, key)
        if value is not None:
            lines.append(f"{key} = {quoted(value)}")
    lines.append(f"skip = {mapping.skip}")
    for key, note in (
        ("columns", "field = column header"),
        ("dates", "date field = its one format (YYYY, YY, MM, DD; or excel)"),
        ("constants", "field = the value of every row"),
    ):
        lines += ["", f"[{key}]  # {note}"]
        lines += [f"{k} = {quoted(v)}" for k, v in getattr(mapping, key).items()]
    return "\n".join(lines) + "\n"


def save_mapping(path: Path, mapping: Mapping, journal: Journal) -> None:
    try:
        with writing(journal, "map", path):
            atomic_write(path, mapping_text(mapping).encode("utf-8"), 0o644)
    except OSError as exc:
        raise InputError(f"could not write it: {exc.strerror}", where=Location(path)) from None
