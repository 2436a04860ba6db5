"""The text to write for a changed ledger: the changed tables edited in place, so the user's
comments and layout survive, and verified to read back as exactly the intended ledger (a
pure append is verified locally; anything else by reading the whole new text back).  Pure:
text in, text out; `storage` does the writing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ceclog.core.ledger.models import Ledger
from ceclog.core.ledger.records import ledger_to_toml, plain
from ceclog.errors import LedgerError
from ceclog.store.migrations import upgrade, version_needed
from ceclog.store.parsing import toml_reader
from ceclog.store.tomlwrite import array_tables

if TYPE_CHECKING:
    from ceclog.store.reading import Loaded


class Edited(NamedTuple):
    """A changed ledger's text, its parsed data (None: not at hand; read when an edit needs
    it), and where the next `[[entries]]` go in it (`_appended`), when known."""

    text: str
    data: dict[str, Any] | None
    append: dict[str, Any] | None = None


HEADER = (
    "# ceclog ledger: your continuing-education record.\n"
    "# You may edit this file by hand; run `ceclog check` afterwards.\n"
    "# Comments and layout are kept when ceclog changes the file.\n"
)


def render(ledger: Ledger) -> str:
    """A whole ledger as fresh text (used for a new ledger, or when an edit in place fails)."""
    from ceclog.store.tomlwrite import format_table, format_value

    data = ledger_to_toml(ledger)
    out = [HEADER, f"version = {format_value(version_needed(data))}\n"]
    out.append("\n" + format_table("holder", data["holder"], array=False))
    for name in ("certifications", "entries", "assertions", "exemptions"):
        for table in data[name]:
            out.append("\n" + format_table(name, table, array=True))
    return "".join(out)


def _row(raw: dict[str, Any], old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What to write for a changed table: the keys the file already has, plus those whose
    value changes, so defaults the user left out stay out."""
    return {k: v for k, v in new.items() if k in raw or old.get(k) != v}


def _edit_in_place(old: Loaded, new: Ledger) -> str:
    """The textual edits that turn the ledger `old` into `new`, table by table."""
    from ceclog.store import tomledit

    before, after = ledger_to_toml(old.ledger), ledger_to_toml(new)
    text = old.text
    version = max(old.data.get("version", 1), version_needed(after))
    if old.data.get("version") != version:  # the change uses a key of a newer format
        text = tomledit.update_table(text, "", {"version": version})
    if before["holder"] != after["holder"]:
        raw = old.data.get("holder", {})
        text = tomledit.update_table(text, "holder", _row(raw, before["holder"], after["holder"]))
    for name, key in (("certifications", "code"), ("entries", "id")):
        old_rows = before[name]
        raw_rows = old.data.get(name, [])
        new_rows = {row[key]: row for row in after[name]}
        kept_keys = {row[key] for row in old_rows}
        for index, row in enumerate(old_rows):
            if row[key] in new_rows and new_rows[row[key]] != row:
                change = _row(raw_rows[index], row, new_rows[row[key]])
                text = tomledit.update_array_table(text, name, index, change)
        for index in reversed(range(len(old_rows))):
            if old_rows[index][key] not in new_rows:
                text = tomledit.remove_array_table(text, name, index)
        added = [row for row in after[name] if row[key] not in kept_keys]
        text = tomledit.append_array_tables(text, name, added)
    for name in ("assertions", "exemptions"):
        text = _by_position(text, old, name, before[name], after[name])
    return text


def _by_position(
    text: str, old: Loaded, name: str, before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> str:
    """Assertions and exemptions have no key of their own: they are edited by position (a new
    one is appended: `reconcile --record`, `holder --exempt`)."""
    from ceclog.store import tomledit

    raw_rows = old.data.get(name, [])
    for index in range(min(len(before), len(after))):
        if before[index] != after[index]:
            change = _row(raw_rows[index], before[index], after[index])
            text = tomledit.update_array_table(text, name, index, change)
    for index in reversed(range(len(after), len(before))):
        text = tomledit.remove_array_table(text, name, index)
    return tomledit.append_array_tables(text, name, after[len(before) :])


def _reads_back_as(text: str, ledger: Ledger) -> dict[str, Any] | None:
    """The parsed data of `text` if it validates as exactly `ledger`, else None."""
    from ceclog.store import schema

    reader = toml_reader()
    try:
        data = reader.loads(text, parse_float=Decimal)
        upgraded = upgrade(data, text, Path("ledger"))
        return data if schema.validate(Ledger, upgraded) == ledger else None
    except (reader.TOMLDecodeError, ValueError, LedgerError):  # ValidationError: a ValueError
        return None


def _split_point(old: str, new: str) -> int:
    """The length of the longest common prefix of two texts (binary search on slices)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _appended(old: Loaded, new: Ledger) -> dict[str, Any] | None:
    """When `new` only adds entries after the old ones: the text for it, made by inserting
    their blocks, and verified without re-reading the whole file: the old file is unchanged
    around one inserted run of text, which starts a line, reads back on its own as exactly the
    new entries, and is followed by text that reads back on its own with no entries.  (The old
    file was parsed whole when it was read.)  None when this does not apply or does not hold:
    the caller then reads the whole new file back.

    Where the blocks go is `tomledit.append_point`: found by a scan of the text, or given by
    `old.append` (remembered with the cached records when the last change was such an append:
    no scan, and no raw data read or written).  Also returns where the next append goes."""
    toml = toml_reader()  # tomli's compiled build: quicker to import and to read

    n = len(old.ledger.entries)
    rows = [plain(e) for e in new.entries[n:]]
    hint = old.append
    if (
        len(new.entries) <= n
        or new.entries[:n] != old.ledger.entries
        or new.holder != old.ledger.holder
        or new.certifications != old.ledger.certifications
        or new.assertions != old.ledger.assertions
    ):
        return None
    version = hint["version"] if hint is not None else old.data.get("version", 1)
    if version_needed({"entries": rows}) > version:
        return None
    try:
        if hint is not None:
            at, newline = hint["at"], hint["newline"]
            inserted = newline + array_tables(("entries",), rows, newline)
            text = old.text[:at] + inserted + old.text[at:]
        else:
            text, following, newline = _scanned_append(old.text, rows)
            at = _split_point(old.text, text)
            at = old.text.rfind("\n", 0, at) + 1  # the insertion starts a line
            inserted = text[at : at + len(text) - len(old.text)]
        tail = old.text[at:]
        if text[at + len(inserted) :] != tail:
            return None
        block = toml.loads(inserted, parse_float=Decimal)
        if block != {"entries": rows} or "entries" in toml.loads(tail):
            return None
    except (ValueError, KeyError, TypeError):  # TomlTextError, TOMLDecodeError: ValueErrors
        return None
    if hint is not None:
        return {"text": text, "data": None, "append": {**hint, "at": at + len(inserted)}}
    data = {**old.data, "entries": [*old.data.get("entries", []), *rows]}
    nxt = None if following is None else {"at": following, "newline": newline, "version": version}
    return {"text": text, "data": data, "append": nxt}


def _scanned_append(text: str, rows: list[dict[str, Any]]) -> tuple[str, int | None, str]:
    from ceclog.store import tomledit

    return tomledit.appended(text, "entries", rows)  # one scan for all


def edited(old: Loaded, new: Ledger) -> Edited | None:
    """The text for `new` made by editing `old`'s in place (its comments and layout kept) and
    its parsed data (None: not at hand, read again when needed), verified to read back as
    exactly `new`; None when that cannot be done."""
    fast = _appended(old, new)
    if fast is not None:
        return Edited(fast["text"], fast["data"], fast["append"])
    from ceclog.store.tomledit import TomlTextError

    try:
        text = _edit_in_place(old, new)
        data = _reads_back_as(text, new)
    except TomlTextError:
        return None
    return None if data is None else Edited(text, data)


def new_text_for(old: Loaded, new: Ledger) -> tuple[Edited, list[str]]:
    """The text to write for `new`, edited in place when possible; verified to read back as
    exactly `new`.  Falls back to a full rewrite, with a warning, when the in-place edit cannot
    be made (for example tables written inline)."""
    done = edited(old, new)
    if done is not None:
        return done, []
    text = render(new)
    data = _reads_back_as(text, new)
    if data is None:  # pragma: no cover - a bug, never a silent write
        raise LedgerError("internal error: the ledger would not read back; nothing was written")
    return (
        Edited(text, data),
        [
            f"{old.path}: the change could not be made in place, so the ledger was rewritten and "
            f"its comments and layout were not kept; the previous version is in {old.path.name}.bak"
        ],
    )
