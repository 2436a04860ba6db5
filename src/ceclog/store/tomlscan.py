"""Where things are in a TOML document (the ledger): its table headers and key/values, by line.

Used for ``file:line`` in messages (``line_of``) and by the layout-preserving edits of
``tomledit``.  ``scan`` is linear: possessive (non-backtracking) regexes consume runs of ordinary
lines and whole values, a small recursive scanner handles the rest (nested arrays, inline
tables), and the key/values of a table are scanned only when asked for.  It raises
``TomlTextError`` on a form it cannot follow.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate


class TomlTextError(ValueError):
    """A form the scanner cannot follow, or an edit that cannot be done in place (missing block
    or unsupported form)."""


_BARE = re.compile(r"[A-Za-z0-9_-]+")

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
