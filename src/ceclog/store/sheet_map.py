"""The mapping file that says how to read a sheet (`--map MAP.toml`), and writing the one in
effect beside the sheet (`--save-map`)."""

from __future__ import annotations

import json
from pathlib import Path

from ceclog.core.imports.dates import check_format
from ceclog.core.imports.names import DATE_FIELDS, SHEET_FIELDS
from ceclog.core.imports.table import Mapping
from ceclog.errors import InputError, Location
from ceclog.store.files import atomic_write
from ceclog.store.journal import Journal, writing
from ceclog.store.parsing import parse_toml
from ceclog.store.sheets import read_bytes

MAP_KEYS = ("columns", "dates", "constants", "separator", "decimal", "encoding", "skip", "sheet")


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
            allowed = DATE_FIELDS if key == "dates" else SHEET_FIELDS
            if k not in allowed:
                raise InputError(
                    f"[{key}] names {k!r}, which is not a {'date ' if key == 'dates' else ''}field",
                    where=Location(path),
                    hint=f"fields: {', '.join(allowed)}",
                )
        return {k: str(v) for k, v in value.items()}

    def text_key(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{key} must be text in quotes", where=Location(path))
        return value

    skip = data.get("skip")
    if skip is not None and (isinstance(skip, bool) or not isinstance(skip, int)):
        skip = -1
    if skip is not None and not 0 <= skip <= 1000:
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
        sheet=text_key("sheet"),
    )


def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string


def mapping_text(mapping: Mapping) -> str:
    lines = ["# How `ceclog import` reads this file (see docs/spreadsheet.md: the mapping file)."]
    for key in ("sheet", "encoding", "separator", "decimal"):
        value = getattr(mapping, key)
        if value is not None:
            lines.append(f"{key} = {quoted(value)}")
    if mapping.skip is not None:
        lines.append(f"skip = {mapping.skip}")
    for key, note in (
        ("columns", "field = column header"),
        ("dates", "date field = its order (MM/DD/YYYY or DD/MM/YYYY), or excel"),
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
