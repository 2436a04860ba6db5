"""Comment-preserving textual edits of a TOML document (the ledger).

Instead of re-serialising the whole file, the functions here change only the lines of the table
being edited, so hand-written comments, blank lines and layout elsewhere survive.

``scan`` is linear: possessive (non-backtracking) regexes consume runs of ordinary lines and
whole values, a small recursive scanner handles the rest (nested arrays, inline tables), and
the key/values of a table are scanned only when asked for.  The surgery functions are pure (text
in, text out) and raise ``TomlTextError`` when the document uses a form they cannot edit in
place.  Table names are dotted strings ("entries", "holder") or tuples of key parts.  Callers
should verify the result with ``tomllib`` and fall back to a full rewrite if it differs.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from typing import Any


class TomlTextError(ValueError):
    """The requested edit cannot be done in place (missing block or unsupported form)."""


# ---------------------------------------------------------------------------------- formatting

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)} | {
    ord(c): "\\" + e for c, e in zip('\b\t\n\f\r"\\', 'btnfr"\\', strict=True)
}


def format_key(key: str) -> str:
    """One key part: bare when possible, else a basic string."""
    if not isinstance(key, str):
        raise TypeError(f"TOML keys must be str, not {type(key).__name__}")
    return key if _BARE.fullmatch(key) else '"' + key.translate(_ESCAPES) + '"'


def _format_name(name: tuple[str, ...]) -> str:
    return ".".join(format_key(part) for part in name)


def _format_decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"cannot write non-finite number {value} to TOML")
    if -20 <= value.adjusted() <= 20:
        text = format(value, "f")
        return text if "." in text else text + ".0"
    sign, digits, _ = value.as_tuple()
    mantissa = "".join(map(str, digits))
    mantissa = mantissa[0] + ("." + mantissa[1:] if len(mantissa) > 1 else "")
    return f"{'-' if sign else ''}{mantissa}e{value.adjusted()}"


def format_value(value: object) -> str:
    """TOML text of one value (single line; dicts become inline tables)."""
    if isinstance(value, str):
        return '"' + value.translate(_ESCAPES) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, Decimal):
        return _format_decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write non-finite number {value} to TOML")
        return repr(float(value))
    if isinstance(value, dt.datetime):
        raise ValueError("datetime values are not supported, only dates")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = [f"{format_key(k)} = {format_value(v)}" for k, v in value.items() if v is not None]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _tableish(value: object) -> bool:
    """True for values written as sub-tables by format_table: dicts and lists of dicts."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, dict) for item in value)
    return isinstance(value, dict)


def format_table(header: str, table: dict[str, Any], *, array: bool) -> str:
    """A whole table block: header line, ``key = value`` lines, then sub-tables."""
    out = [f"[[{header}]]\n" if array else f"[{header}]\n"]
    subs: list[str] = []
    for key, value in table.items():
        if value is None:
            continue
        if not _tableish(value):
            out.append(f"{format_key(key)} = {format_value(value)}\n")
        elif isinstance(value, dict):
            subs.append("\n" + format_table(f"{header}.{format_key(key)}", value, array=False))
        else:
            name = f"{header}.{format_key(key)}"
            subs.extend("\n" + format_table(name, item, array=True) for item in value)
    return "".join(out + subs)


# ------------------------------------------------------------------------------------ scanning


@dataclass(slots=True)
class Header:
    """A ``[name]`` or ``[[name]]`` header on (0-based) line ``line``."""

    kind: str  # "table" or "array"
    name: tuple[str, ...]
    line: int


@dataclass(slots=True)
class KeyValue:
    """A key/value item: lines ``line..end`` (0-based), value at text[vstart:vend]."""

    key: tuple[str, ...]  # relative to its table
    line: int
    end: int
    vstart: int
    vend: int
    comment: int | None  # offset of a trailing comment on the last line
    table: int  # index into Layout.headers, -1 for the root table


@dataclass
class Layout:
    """Headers of a document in order; key/values are scanned per table on demand."""

    text: str
    lines: list[str]  # with their line endings
    starts: list[int]  # offset of each line, plus len(text)
    newline: str
    headers: list[Header]
    cache: dict[int, list[KeyValue]] = field(default_factory=dict, repr=False)
    instances: dict[tuple[str | int, ...], tuple[int, bool]] | None = field(default=None)

    def table_keys(self, h: int) -> list[KeyValue]:
        """Key/values written under header h (-1: before the first header, the root table)."""
        if h not in self.cache:
            self.cache[h] = _scan_keys(self, h)
        return self.cache[h]

    @property
    def keys(self) -> list[KeyValue]:
        """All key/values of the document, in order."""
        return [kv for h in range(-1, len(self.headers)) for kv in self.table_keys(h)]


_BASIC = r'"[^"\\\r\n]*+(?:\\.[^"\\\r\n]*+)*+"'
_LITERAL = r"'[^'\r\n]*+'"
_SCALAR = r"[0-9A-Za-z_+.:-]++(?: [0-9]{2}:[0-9A-Za-z_+.:-]*+)?+"
_ATOM = f"(?:{_BASIC}|{_LITERAL}|{_SCALAR})"
_TAIL = r"[ \t]*+(#[^\n]*+)?\r?(?:\n|\Z)"
_FAST_KV = re.compile(
    rf"[ \t]*+([A-Za-z0-9_-]++)[ \t]*+=[ \t]*+({_ATOM}|\[(?:[ \t,]|{_ATOM})*+\]){_TAIL}"
)
_DOTTED = r"[A-Za-z0-9_-]++(?:[ \t]*+\.[ \t]*+[A-Za-z0-9_-]++)*+"
# Phase one of scan: a run of lines that are not headers and whose values need no recursion.
_PART = rf"(?:[A-Za-z0-9_-]++|{_BASIC}|{_LITERAL})"
_KEY = rf"{_PART}(?:[ \t]*+\.[ \t]*+{_PART})*+"
_ML = r'"{3}(?:[^"\\]++|\\[\s\S]|"{1,2}+(?!"))*+"{3,5}+' + r"|'{3}(?:[^']++|'{1,2}+(?!'))*+'{3,5}+"
_ITEM = rf"(?:{_ML}|{_ATOM})"
_INLINE = rf"\{{[ \t]*+(?:{_KEY}[ \t]*+=[ \t]*+{_ITEM}[ \t]*+,?+[ \t]*+)*+\}}"
_IN_ARRAY = rf"[ \t\r\n]++|#[^\n]*+|,|{_ITEM}|{_INLINE}"
_ARRAY = rf"\[(?:{_IN_ARRAY}|\[(?:{_IN_ARRAY})*+\])*+\]"
_STEP = re.compile(  # non-header lines that need no recursion, then maybe a simple header
    rf"(?:[ \t]*+(?:{_KEY}[ \t]*+=[ \t]*+(?:{_ITEM}|{_ARRAY}|{_INLINE})[ \t]*+)?"
    rf"(?:#[^\n]*+)?\r?(?:\n|\Z))*+(?:[ \t]*+(\[\[?)[ \t]*+({_DOTTED})[ \t]*+(\]\]?){_TAIL})?"
)
_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_RE_BASIC, _RE_LITERAL, _RE_SCALAR, _RE_ML = map(re.compile, (_BASIC, _LITERAL, _SCALAR, _ML))
_RE_WS = re.compile(r"[ \t]*")
_RE_GAP = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")


def _skip(rx: re.Pattern[str], text: str, pos: int) -> int:
    m = rx.match(text, pos)
    return m.end() if m else pos


def _key_at(text: str, pos: int) -> tuple[tuple[str, ...], int]:
    """Parse a (dotted) key at pos; returns its parts and the offset after trailing blanks."""
    parts: list[str] = []
    while True:
        pos = _skip(_RE_WS, text, pos)
        c = text[pos : pos + 1]
        m = (_RE_BASIC if c == '"' else _RE_LITERAL if c == "'" else _BARE).match(text, pos)
        if m is None:
            raise TomlTextError(f"cannot parse key at offset {pos}")
        raw = m.group()
        if c == '"' and "\\" in raw:
            parts.append(next(iter(tomllib.loads(raw + " = 0"))))
        else:
            parts.append(raw[1:-1] if c in ('"', "'") else raw)
        pos = _skip(_RE_WS, text, m.end())
        if text[pos : pos + 1] != ".":
            return tuple(parts), pos
        pos += 1


def _value_end(text: str, pos: int) -> int:
    """Offset just after the value starting at pos (may span lines)."""
    c = text[pos : pos + 1]
    if c in ("[", "{"):
        close, pos = ("]" if c == "[" else "}"), pos + 1
        while True:
            pos = _skip(_RE_GAP, text, pos)
            c2 = text[pos : pos + 1]
            if c2 == close:
                return pos + 1
            if c2 == ",":
                pos += 1
                continue
            if not c2:
                raise TomlTextError("unterminated array or inline table")
            if close == "}":
                pos = _key_at(text, pos)[1]
                if text[pos : pos + 1] != "=":
                    raise TomlTextError(f"expected '=' at offset {pos}")
                pos = _skip(_RE_WS, text, pos + 1)
            pos = _value_end(text, pos)
    rx = _RE_SCALAR
    if c in ('"', "'"):
        rx = _RE_ML if text.startswith(c * 3, pos) else _RE_BASIC if c == '"' else _RE_LITERAL
    m = rx.match(text, pos)
    if m is None:
        raise TomlTextError(f"cannot parse value at offset {pos}")
    return m.end()


def _line_rest(text: str, pos: int) -> int | None:
    """Check that only blanks and an optional comment follow pos; return the comment offset."""
    pos = _skip(_RE_WS, text, pos)
    if text[pos : pos + 1] == "#":
        return pos
    if text[pos : pos + 1] not in ("", "\n") and text[pos : pos + 2] != "\r\n":
        raise TomlTextError(f"unexpected text at offset {pos}")
    return None


def _key_value(text: str, pos: int) -> tuple[tuple[str, ...], int, int, int | None]:
    """Parse ``key = value [# comment]`` at pos: key, value start, value end, comment offset."""
    key, pos = _key_at(text, pos)
    if text[pos : pos + 1] != "=":
        raise TomlTextError(f"expected '=' at offset {pos}")
    vs = _skip(_RE_WS, text, pos + 1)
    ve = _value_end(text, vs)
    return key, vs, ve, _line_rest(text, ve)


def scan(text: str) -> Layout:
    """Find the table headers of a document (linear; skips multi-line values and comments)."""
    lines = _LINES.findall(text)
    starts = list(accumulate(map(len, lines), initial=0))
    first_nl = text.find("\n")
    newline = "\r\n" if first_nl > 0 and text[first_nl - 1] == "\r" else "\n"
    headers: list[Header] = []
    pos = line = 0
    try:
        while pos < len(text):
            m = _STEP.match(text, pos)
            assert m is not None
            if m[1] and len(m[1]) == len(m[3]):  # a simple header
                line += text.count("\n", pos, m.start(1))
                name = tuple(m[2].replace(" ", "").replace("\t", "").split("."))
                headers.append(Header("array" if len(m[1]) == 2 else "table", name, line))
                line += text.count("\n", m.start(1), m.end())
                pos = m.end()
                continue
            end = m.start(1) if m[1] else m.end()
            line += text.count("\n", pos, end)
            if end >= len(text):
                break
            pos = _skip(_RE_WS, text, end)
            if text[pos] != "[":
                pos = _key_value(text, pos)[2]
            else:
                array = text.startswith("[[", pos)
                name, pos = _key_at(text, pos + 1 + array)
                if not text.startswith("]]" if array else "]", pos):
                    raise TomlTextError(f"bad table header on line {line + 1}")
                _line_rest(text, pos + 1 + array)
                headers.append(Header("array" if array else "table", name, line))
            pos = text.find("\n", pos) + 1 or len(text)
            line += text.count("\n", end, pos)
    except (IndexError, RecursionError) as exc:
        raise TomlTextError(f"cannot scan line {line + 1}") from exc
    return Layout(text, lines, starts, newline, headers)


def _scan_keys(lay: Layout, h: int) -> list[KeyValue]:
    i = lay.headers[h].line + 1 if h >= 0 else 0
    stop = lay.headers[h + 1].line if h + 1 < len(lay.headers) else len(lay.lines)
    keys: list[KeyValue] = []
    while i < stop:
        line, base = lay.lines[i], lay.starts[i]
        m = _FAST_KV.fullmatch(line)
        if m and '"""' not in m[2] and "'''" not in m[2]:
            comment = None if m.start(3) < 0 else base + m.start(3)
            keys.append(KeyValue((m[1],), i, i, base + m.start(2), base + m.end(2), comment, h))
            i += 1
            continue
        stripped = line.lstrip(" \t")
        if stripped[:1] in ("", "#", "\r", "\n"):
            i += 1
            continue
        key, vs, ve, comment = _key_value(lay.text, base + len(line) - len(stripped))
        end = i + lay.text.count("\n", vs, ve)
        keys.append(KeyValue(key, i, end, vs, ve, comment, h))
        i = end + 1
    return keys


# ------------------------------------------------------------------------------------- surgery

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
        raise TomlTextError(f"no [[{_format_name(name)}]] block number {index}")
    return blocks[index]


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    return [_clean(v) for v in value] if isinstance(value, list) else value


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
    header = _format_name(name)
    if isinstance(value, dict):
        text = format_table(header, value, array=False)
    else:
        text = "\n".join(format_table(header, item, array=True) for item in value)
    return text.replace("\n", newline)


def _update_edits(lay: Layout, h: int, new: dict[str, Any]) -> list[_Edit]:
    """Key-level edits that give table h (-1: root) the data ``new``."""
    new, nl = _clean(new), lay.newline
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
        as_table = value is not None and bool(sg) and _tableish(value)
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
        if h >= 0 and _tableish(value):
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
    lay, parts = scan(text), _parts(name)
    body = format_table(_format_name(parts), _clean(table), array=True).replace("\n", lay.newline)
    blocks = [j for j, hd in enumerate(lay.headers) if hd.kind == "array" and hd.name == parts]
    if blocks:
        at = max(_content_end(lay, j) for j in (blocks[-1], *_subs(lay, blocks[-1]))) + 1
        return _apply(lay, [(at, at, [lay.newline, body])])
    if any(hd.name[: len(parts)] == parts for hd in lay.headers) or any(
        kv.key[: len(parts)] == parts[: len(kv.key)] for kv in lay.table_keys(-1)
    ):
        raise TomlTextError(f"{_format_name(parts)} is not written as [[{_format_name(parts)}]]")
    at = len(lay.lines)
    lead = [lay.newline] if lay.lines and lay.lines[-1].strip() else []
    return _apply(lay, [(at, at, [*lead, body])])


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
            raise TomlTextError(f"no single [{_format_name(parts)}] table header")
        h = found[0]
    return _apply(lay, _update_edits(lay, h, new))


# ---------------------------------------------------------------------------------- locations


def _instances(lay: Layout) -> dict[tuple[str | int, ...], tuple[int, bool]]:
    """Map data paths of tables to (header index, exact) -- exact False for implicit parents."""
    if lay.instances is None:
        found: dict[tuple[str | int, ...], tuple[int, bool]] = {}
        counters: dict[tuple[str, ...], int] = {}
        for j, hd in enumerate(lay.headers):
            if hd.kind == "array":
                counters[hd.name] = counters.get(hd.name, -1) + 1
                for deeper in [n for n in counters if len(n) > len(hd.name)]:
                    if deeper[: len(hd.name)] == hd.name:
                        del counters[deeper]
            path: list[str | int] = []
            for k, part in enumerate(hd.name):
                path.append(part)
                if k + 1 < len(hd.name) or hd.kind == "array":
                    found.setdefault(tuple(path), (j, False))
                if hd.name[: k + 1] in counters:
                    path.append(counters[hd.name[: k + 1]])
                    if k + 1 < len(hd.name):
                        found.setdefault(tuple(path), (j, False))
            found[tuple(path)] = (j, True)
        lay.instances = found
    return lay.instances


def _common(a: tuple[str | int, ...], b: tuple[str | int, ...]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def line_of(source: str | Layout, path: Sequence[str | int]) -> int | None:
    """1-based line for a data path (as in Pydantic error locations), or of its nearest ancestor."""
    lay = scan(source) if isinstance(source, str) else source
    found, path = _instances(lay), tuple(path)
    for k in range(len(path), -1, -1):
        if k and path[:k] not in found:
            continue
        h, exact = found[path[:k]] if k else (-1, True)
        rest = path[k:]
        if exact and rest:
            best = max(lay.table_keys(h), key=lambda kv: _common(kv.key, rest), default=None)
            if best is not None and _common(best.key, rest):
                return best.line + 1
        return lay.headers[h].line + 1 if h >= 0 else None
    return None
