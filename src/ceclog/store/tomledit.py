"""Comment-preserving textual edits of a TOML document (the ledger).

Instead of re-serialising the whole file, the functions here change only the lines of the table
being edited, so hand-written comments, blank lines and layout elsewhere survive; new values
and tables are rendered by ``tomlwrite``.  The functions are pure (text in, text out) and raise
``TomlTextError`` when the document uses a form they cannot edit in place.  Table names are
dotted strings ("entries", "holder") or tuples of key parts.  Callers should verify the result
with ``tomllib`` and fall back to a full rewrite if it differs.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from typing import Any

from ceclog.store.tomlscan import KeyValue, Layout, TomlTextError, scan
from ceclog.store.tomlwrite import (
    array_tables,
    clean,
    format_key,
    format_name,
    format_table,
    format_value,
    tableish,
)

__all__ = [
    "TomlTextError",
    "append_array_table",
    "remove_array_table",
    "update_array_table",
    "update_table",
]

_Edit = tuple[int, int, list[str]]  # replace lines[a:b] by the given strings


def _apply(lay: Layout, edits: list[_Edit]) -> str:
    edits.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    cur = 0
    for a, b, repl in edits:
        if a > cur:
            out.append(lay.text[lay.starts[cur] : lay.starts[a]])
        if repl:
            if out and not out[-1].endswith("\n"):
                out[-1] += lay.newline
            out.extend(repl)
        cur = max(cur, b)
    out.append(lay.text[lay.starts[cur] :])
    return "".join(out)


def _parts(name: str | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.split(".")) if isinstance(name, str) and name else tuple(name)


def _blank(lay: Layout, i: int) -> bool:
    return 0 <= i < len(lay.lines) and not lay.lines[i].strip()


def _content_end(lay: Layout, h: int) -> int:
    """Last content line (header or key/value) of the header's own region."""
    keys = lay.table_keys(h)
    return keys[-1].end if keys else lay.headers[h].line


def _subs(lay: Layout, h: int) -> list[int]:
    """Headers of sub-tables that belong to the table opened by header h."""
    name = lay.headers[h].name
    out = []
    for j in range(h + 1, len(lay.headers)):
        other = lay.headers[j].name
        if other[: len(name)] == name:
            if len(other) == len(name):
                break
            out.append(j)
        elif name[: len(other)] == other:
            break
    return out


def _block(lay: Layout, name: tuple[str, ...], index: int) -> int:
    blocks = [j for j, hd in enumerate(lay.headers) if hd.kind == "array" and hd.name == name]
    if not -len(blocks) <= index < len(blocks):
        raise TomlTextError(f"no [[{format_name(name)}]] block number {index}")
    return blocks[index]


def _same(old: object, new: object) -> bool:
    """Data equality that tells bools, strings, dates and numbers apart."""
    if isinstance(old, dict):
        return (
            isinstance(new, dict)
            and old.keys() == new.keys()
            and all(_same(v, new[k]) for k, v in old.items())
        )
    if isinstance(old, list):
        return isinstance(new, list) and len(old) == len(new) and all(map(_same, old, new))
    numbers = (int, float, Decimal)
    if isinstance(old, numbers) and isinstance(new, numbers):
        return isinstance(old, bool) == isinstance(new, bool) and old == new
    return type(old) is type(new) and old == new


def _chunk(lay: Layout, a: int, b: int) -> str:
    text = lay.text[lay.starts[a] : lay.starts[b + 1]]
    return text if text.endswith("\n") else text + "\n"


def _old_value(lay: Layout, h: int, key: str, kvs: list[KeyValue], subs: list[int]) -> Any:
    """Parse the current value of one top-level key of a table from its own lines."""
    chunks = [_chunk(lay, lay.headers[h].line, lay.headers[h].line)] if h >= 0 else []
    chunks += [_chunk(lay, kv.line, kv.end) for kv in kvs]
    chunks += [_chunk(lay, lay.headers[j].line, _content_end(lay, j)) for j in subs]
    try:
        node: Any = tomllib.loads("".join(chunks), parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise TomlTextError(f"cannot read the old value of {key!r}") from exc
    for part in lay.headers[h].name if h >= 0 else ():
        node = node[part]
        node = node[-1] if isinstance(node, list) else node
    return node.get(key)


def _sub_text(name: tuple[str, ...], value: Any, newline: str) -> str:
    header = format_name(name)
    if isinstance(value, dict):
        text = format_table(header, value, array=False)
    else:
        text = "\n".join(format_table(header, item, array=True) for item in value)
    return text.replace("\n", newline)


def _update_edits(lay: Layout, h: int, new: dict[str, Any]) -> list[_Edit]:
    """Key-level edits that give table h (-1: root) the data ``new``."""
    new, nl = clean(new), lay.newline
    if h >= 0:
        hd = lay.headers[h]
        name, kvs, subs = hd.name, lay.table_keys(h), _subs(lay, h)
        kv_at = kvs[-1].end + 1 if kvs else hd.line + 1
    else:
        name, kvs, subs = (), lay.table_keys(-1), []
        kv_at = kvs[-1].end + 1 if kvs else lay.headers[0].line if lay.headers else len(lay.lines)
    groups: dict[str, tuple[list[KeyValue], list[int]]] = {}
    for kv in kvs:
        groups.setdefault(kv.key[0], ([], []))[0].append(kv)
    for j in subs:
        groups.setdefault(lay.headers[j].name[len(name)], ([], []))[1].append(j)
    edits: list[_Edit] = []
    for key, (kvg, sg) in groups.items():
        value = new.get(key)
        if value is not None and _same(_old_value(lay, h, key, kvg, sg), value):
            continue
        if value is not None and len(kvg) == 1 and not sg and kvg[0].key == (key,):
            kv = kvg[0]  # plain `key = value`: rewrite the value, keep the rest of the line
            before = lay.text[lay.starts[kv.line] : kv.vstart]
            after = lay.text[kv.vend : lay.starts[kv.end + 1]]
            edits.append((kv.line, kv.end + 1, [before + format_value(value) + after]))
            continue
        edits += [(kv.line, kv.end + 1, []) for kv in kvg]
        as_table = value is not None and bool(sg) and tableish(value)
        for n, j in enumerate(sg):
            a, b = lay.headers[j].line, _content_end(lay, j) + 1
            if n == 0 and as_table:
                edits.append((a, b, [_sub_text((*name, key), value, nl)]))
            else:
                edits.append((a - _blank(lay, a - 1), b, []))
        if value is not None and not as_table:
            line = f"{format_key(key)} = {format_value(value)}{nl}"
            edits.append((kvg[0].line if kvg else kv_at, kvg[0].line if kvg else kv_at, [line]))
    top = {hd.name[0] for hd in lay.headers} if h < 0 else set()
    kv_new: list[str] = []
    sub_new: list[str] = []
    for key, value in new.items():
        if key in groups or key in top:
            continue
        if h >= 0 and tableish(value):
            sub_new.append(nl + _sub_text((*name, key), value, nl))
        else:
            kv_new.append(f"{format_key(key)} = {format_value(value)}{nl}")
    if kv_new:
        if h < 0 and not kvs and lay.headers:
            kv_new.append(nl)
        edits.append((kv_at, kv_at, kv_new))
    if sub_new:
        end = max(_content_end(lay, j) for j in (h, *subs)) + 1
        edits.append((end, end, sub_new))
    return edits


def append_array_table(text: str, name: str | tuple[str, ...], table: dict[str, Any]) -> str:
    """Add a ``[[name]]`` block after the last existing one (or at the end of the file)."""
    return append_array_tables(text, name, [table])


def append_array_tables(
    text: str, name: str | tuple[str, ...], tables: list[dict[str, Any]]
) -> str:
    """Add ``[[name]]`` blocks, in order, after the last existing one (or at the end of the
    file): one scan of the text for all of them (an import adds a thousand at once)."""
    return appended(text, name, tables)[0] if tables else text


def appended(
    text: str, name: str | tuple[str, ...], tables: list[dict[str, Any]]
) -> tuple[str, int | None, str]:
    """`append_array_tables`, and where the next blocks go in its text (`append_point` of it,
    found without a second scan; None when not known) and with which line ending."""
    lay, parts = scan(text), _parts(name)
    body = array_tables(parts, tables, lay.newline)
    at = _after_last(lay, parts)
    if at is not None:
        new = _apply(lay, [(at, at, [lay.newline, body])])
        whole = at > 0 and lay.lines[at - 1].endswith("\n")  # else _apply adds a line break
        following = lay.starts[at] + len(lay.newline) + len(body) if whole else None
        return new, following if body.endswith("\n") else None, lay.newline
    if any(hd.name[: len(parts)] == parts for hd in lay.headers) or any(
        kv.key[: len(parts)] == parts[: len(kv.key)] for kv in lay.table_keys(-1)
    ):
        raise TomlTextError(f"{format_name(parts)} is not written as [[{format_name(parts)}]]")
    at = len(lay.lines)
    lead = [lay.newline] if lay.lines and lay.lines[-1].strip() else []
    new = _apply(lay, [(at, at, [*lead, body])])
    return new, len(new) if body.endswith("\n") else None, lay.newline


def _after_last(lay: Layout, parts: tuple[str, ...]) -> int | None:
    """The line after the last ``[[parts]]`` block (its sub-tables included), if there is one."""
    blocks = [j for j, hd in enumerate(lay.headers) if hd.kind == "array" and hd.name == parts]
    if not blocks:
        return None
    return max(_content_end(lay, j) for j in (blocks[-1], *_subs(lay, blocks[-1]))) + 1


def append_point(text: str, name: str | tuple[str, ...]) -> tuple[int, str] | None:
    """Where `append_array_tables` inserts new ``[[name]]`` blocks into `text` (an offset at a
    line start) and the line ending it writes them with; None when there is no such block yet
    or the last one ends the file without a line break (the insert then adds one)."""
    lay = scan(text)
    at = _after_last(lay, _parts(name))
    if at is None or at == 0 or not lay.lines[at - 1].endswith("\n"):
        return None
    return lay.starts[at], lay.newline


def update_array_table(
    text: str, name: str | tuple[str, ...], index: int, new: dict[str, Any]
) -> str:
    """Give the index-th ``[[name]]`` block the data ``new`` (key-level edit)."""
    lay = scan(text)
    return _apply(lay, _update_edits(lay, _block(lay, _parts(name), index), new))


def remove_array_table(text: str, name: str | tuple[str, ...], index: int) -> str:
    """Remove the index-th ``[[name]]`` block; comments above its header stay."""
    lay = scan(text)
    h = _block(lay, _parts(name), index)
    subs = _subs(lay, h)
    last = subs[-1] if subs else h
    if last - h != len(subs):
        raise TomlTextError("the block is interleaved with other tables")
    a, b = lay.headers[h].line, _content_end(lay, last) + 1
    if _blank(lay, b):
        b += 1
    elif b >= len(lay.lines) and _blank(lay, a - 1):
        a -= 1
    return _apply(lay, [(a, b, [])])


def update_table(text: str, name: str | tuple[str, ...], new: dict[str, Any]) -> str:
    """Key-level update of the standard table ``[name]``; name "" is the root table.

    For the root table only keys written before the first header are compared, changed or
    removed; keys of ``new`` that name a header-defined table are ignored.
    """
    lay, parts = scan(text), _parts(name)
    h = -1
    if parts:
        found = [j for j, hd in enumerate(lay.headers) if hd.name == parts]
        if len(found) != 1 or lay.headers[found[0]].kind != "table":
            raise TomlTextError(f"no single [{format_name(parts)}] table header")
        h = found[0]
    return _apply(lay, _update_edits(lay, h, new))
