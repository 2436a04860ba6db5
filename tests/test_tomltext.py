"""Tests for ceclog.store.tomlscan, tomledit and tomlwrite: comment-preserving surgery on TOML
text, and the text of new values and tables."""

from __future__ import annotations

import datetime as dt
import random
import re
import tomllib
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceclog.store.tomledit import (
    append_array_table,
    remove_array_table,
    update_array_table,
    update_table,
)
from ceclog.store.tomlscan import TomlTextError, line_of, scan
from ceclog.store.tomlwrite import format_table, format_value

DOC = '''\
# My CEC ledger — hand comments allowed anywhere
version = 1

[holder]
name = "Dana Reyes"   # as on the IICRC profile
registrant_id = "1234567"
tracking_since = 2024-01-15

[[certifications]]
code = "WRT"
earned = 2022-06-01

# ---- classes ----
[[entries]]
id = 1
date = 2023-03-14
title = "Applied Structural Drying"
hours = 21.0            # three days
certifications = ["WRT", "ASD"]
notes = """multi
[[entries]] inside a string is not a header"""

[[entries.evidence]]
file = "evidence/x.pdf"
sha256 = "ab12"

[[entries]]
id = 2
date = 2024-05-01
title = 'literal # not a comment'
hours = 7

# comment below the entries, must stay below them
'''


def load(text: str) -> dict[str, Any]:
    return tomllib.loads(text, parse_float=Decimal)


def same(a: object, b: object) -> bool:
    """Equality that tells bools from numbers and strings/dates apart (numbers compare by value)."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | Decimal) and isinstance(b, int | Decimal):
        return a == b
    return type(a) is type(b) and a == b


# ------------------------------------------------------------------------------ format_value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ('a"b\\c\n\t\x00\x1f\x7fé😀', '"a\\"b\\\\c\\n\\t\\u0000\\u001F\\u007Fé😀"'),
        (True, "true"),
        (-12, "-12"),
        (Decimal("21"), "21.0"),
        (Decimal("1E+1"), "10.0"),
        (Decimal("1.50"), "1.50"),
        (Decimal("-0"), "-0.0"),
        (Decimal("1.5E+40"), "1.5e40"),
        (Decimal("2E-30"), "2e-30"),
        (2.5, "2.5"),
        (dt.date(2024, 1, 5), "2024-01-05"),
        (["WRT", "ASD"], '["WRT", "ASD"]'),
        ([], "[]"),
        ({"a": 1, "b c": "x", "n": None}, '{ a = 1, "b c" = "x" }'),
        ({}, "{}"),
        ([{"a": 1}, {"b": [2]}], "[{ a = 1 }, { b = [2] }]"),
    ],
)
def test_format_value_examples(value: object, text: str) -> None:
    assert format_value(value) == text
    parsed = tomllib.loads("v = " + text, parse_float=float if value == 2.5 else Decimal)["v"]
    assert same(parsed, {"a": 1, "b c": "x"} if isinstance(value, dict) and value else value)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (Decimal("NaN"), ValueError),
        (Decimal("-Infinity"), ValueError),
        (float("inf"), ValueError),
        (dt.datetime(2024, 1, 1, 12, 0), ValueError),
        (None, TypeError),
        (dt.time(12, 0), TypeError),
        ((1, 2), TypeError),
        ({1: "x"}, TypeError),
    ],
)
def test_format_value_rejects(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        format_value(value)


TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="@"), max_size=10)
TEXT = TEXT | st.sampled_from(
    ['a"""b', 'x"', "x''", "# no", "[[entries]]", "it's", "'''", "\\", "a\nb\r\n", "\x00\x7f"]
)
SCALARS = st.one_of(
    TEXT,
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(),
)
KEYS = st.text(st.characters(exclude_categories=["Cs"]), max_size=6) | st.sampled_from(
    ["id", "a-b_9", "a.b", "a b", "ключ"]
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=8,
)


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(VALUES)
def test_format_value_round_trips(value: Any) -> None:
    assert same(load("v = " + format_value(value))["v"], value)


@settings(max_examples=50, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_value_floats(value: float) -> None:
    assert tomllib.loads("v = " + format_value(value))["v"] == value


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=4), st.booleans())
def test_format_table_round_trips(table: dict[str, Any], array: bool) -> None:
    text = format_table('t."x y"', table, array=array)
    assert text.endswith("\n")
    data = load(text)["t"]["x y"]
    assert same(data[0] if array else data, table)


def test_format_table_layout() -> None:
    table = {
        "id": 3,
        "evidence": [{"file": "a"}, {"file": "b"}],
        "meta": {"k": 1},
        "skip": None,
        "tags": [],
    }
    assert format_table("entries", table, array=True) == (
        "[[entries]]\nid = 3\ntags = []\n"
        '\n[[entries.evidence]]\nfile = "a"\n'
        '\n[[entries.evidence]]\nfile = "b"\n'
        "\n[entries.meta]\nk = 1\n"
    )
    assert format_table("holder", {}, array=False) == "[holder]\n"


# ------------------------------------------------------------------------------------ scan


def test_scan_example() -> None:
    lay = scan(DOC)
    assert [(h.kind, h.name, h.line + 1) for h in lay.headers] == [
        ("table", ("holder",), 4),
        ("array", ("certifications",), 9),
        ("array", ("entries",), 14),
        ("array", ("entries", "evidence"), 23),
        ("array", ("entries",), 27),
    ]
    keys = {(kv.table, kv.key): kv for kv in lay.keys}
    notes = keys[(2, ("notes",))]
    assert (notes.line + 1, notes.end + 1) == (20, 21)
    hours = keys[(2, ("hours",))]
    assert DOC[hours.vstart : hours.vend] == "21.0"
    assert hours.comment is not None and DOC[hours.comment :].startswith("# three days\n")
    title = keys[(4, ("title",))]
    assert DOC[title.vstart : title.vend] == "'literal # not a comment'"
    assert title.comment is None
    assert keys[(-1, ("version",))].line == 1


def test_scan_tricky_forms() -> None:
    text = (
        'a = """x""""  # four quotes: x" then the delimiter\n'
        "b = '''\n[[not]]\n'''''\n"
        'c = [ # comment [ ] "\n  1, # ]\n  [2, """\n[x]"""], { k = "v" },\n]\n'
        '"quoted.key" . bare = { x = [1, {y = 2}] }\n'
        "d = 1979-05-27 07:32:00Z # space-separated datetime\n"
        '[ "sec.tion" . sub ] # comment\n'
        '"\\u0041" = "\\"# not a comment"\n'
        "[[ arr . x ]]\n"
        'v = "\\\\"'
    )
    lay = scan(text)
    assert [(h.kind, h.name, h.line) for h in lay.headers] == [
        ("table", ("sec.tion", "sub"), 11),
        ("array", ("arr", "x"), 13),
    ]
    assert [(kv.key, kv.line, kv.end) for kv in lay.keys] == [
        (("a",), 0, 0),
        (("b",), 1, 3),
        (("c",), 4, 8),
        (("quoted.key", "bare"), 9, 9),
        (("d",), 10, 10),
        (("A",), 12, 12),
        (("v",), 14, 14),
    ]
    assert [kv.comment is not None for kv in lay.keys] == [1, 0, 0, 0, 1, 0, 0]
    data = load(text)
    for kv in lay.keys:
        value = load("v = " + text[kv.vstart : kv.vend])["v"]
        node: Any = data
        for hpart in lay.headers[kv.table].name if kv.table >= 0 else ():
            node = node[hpart]
            node = node[-1] if isinstance(node, list) else node
        for part in kv.key:
            node = node[part]
        assert same(value, node)


def test_scan_crlf_and_escapes_in_multiline_strings() -> None:
    text = 'e = """a \\\r\n  b \\""" [x]""""\r\n[t]\r\nx = 1 # c\r\ny = 2'
    assert load(text) == {"e": 'a b """ [x]"', "t": {"x": 1, "y": 2}}
    lay = scan(text)
    assert lay.newline == "\r\n"
    assert [(h.name, h.line) for h in lay.headers] == [(("t",), 2)]
    assert [(kv.key, kv.line, kv.end) for kv in lay.keys] == [
        (("e",), 0, 1),
        (("x",), 3, 3),
        (("y",), 4, 4),
    ]
    x = lay.keys[1]
    assert x.comment is not None and text[x.comment : x.comment + 4] == "# c\r"


def test_scan_rejects_garbage() -> None:
    for bad in ['a = "unterminated\n', "[table\n", 'a = """open\n', "a = [1, 2\n", "= 1\n"]:
        with pytest.raises(TomlTextError):
            scan(bad)


# ---------------------------------------------------------------------------- exact surgery

NEW = {"id": 3, "date": dt.date(2025, 1, 2), "hours": Decimal("2"), "notes": None}


def test_append_after_last_block() -> None:
    out = append_array_table(DOC, "entries", NEW)
    assert out == DOC.replace(
        "hours = 7\n\n# comment below",
        "hours = 7\n\n[[entries]]\nid = 3\ndate = 2025-01-02\nhours = 2.0\n\n# comment below",
    )


def test_append_after_sub_tables_of_last_block() -> None:
    doc = "[[entries]]\nid = 1\n\n# ev\n[[entries.evidence]]\nfile = 'a'\n# tail\n"
    out = append_array_table(doc, "entries", {"id": 2})
    assert out == doc.replace("'a'\n", "'a'\n\n[[entries]]\nid = 2\n")


def test_append_without_blocks() -> None:
    assert append_array_table("", "entries", {"id": 1}) == "[[entries]]\nid = 1\n"
    out = append_array_table("version = 1\n# end", "entries", {"id": 1})
    assert out == "version = 1\n# end\n\n[[entries]]\nid = 1\n"
    out = append_array_table("a = 1\n\n", "x y", {"id": 1})
    assert out == 'a = 1\n\n[["x y"]]\nid = 1\n'


def test_update_key_level() -> None:
    data = load(DOC)
    new = dict(data["entries"][0])
    new.update(title="New title", hours=Decimal("22.5"), provider="P")
    del new["certifications"]
    out = update_array_table(DOC, "entries", 0, new)
    assert out == DOC.replace(
        '"Applied Structural Drying"\nhours = 21.0            # three days\n'
        'certifications = ["WRT", "ASD"]\n',
        '"New title"\nhours = 22.5            # three days\n',
    ).replace('header"""\n', 'header"""\nprovider = "P"\n')
    assert same(load(out)["entries"][0], new)


def test_update_unchanged_is_identity() -> None:
    data = load(DOC)
    for i, entry in enumerate(data["entries"]):
        assert update_array_table(DOC, "entries", i, entry) == DOC
    assert update_table(DOC, "holder", data["holder"]) == DOC
    assert update_table(DOC, "", data) == DOC
    # numerically equal numbers keep their text
    assert update_array_table(DOC, "entries", 1, {**data["entries"][1], "hours": Decimal(7)}) == DOC


def test_update_sub_tables() -> None:
    data = load(DOC)
    entry = data["entries"][0]
    out = update_array_table(DOC, "entries", 0, {**entry, "evidence": [{"file": "y"}, {"n": 2}]})
    assert out == DOC.replace(
        'file = "evidence/x.pdf"\nsha256 = "ab12"\n',
        'file = "y"\n\n[[entries.evidence]]\nn = 2\n',
    )
    out = update_array_table(DOC, "entries", 0, {**entry, "evidence": None})
    assert out == DOC.replace(
        '\n[[entries.evidence]]\nfile = "evidence/x.pdf"\nsha256 = "ab12"\n', ""
    )
    out = update_array_table(DOC, "entries", 1, {**data["entries"][1], "evidence": [{"f": 1}]})
    assert out == DOC.replace("hours = 7\n", "hours = 7\n\n[[entries.evidence]]\nf = 1\n")
    out = update_array_table(DOC, "entries", 1, {**data["entries"][1], "meta": {"a": 1}})
    assert out == DOC.replace("hours = 7\n", "hours = 7\n\n[entries.meta]\na = 1\n")
    # a sub-table whose data did not change is left alone, whatever its layout
    doc = "[[entries]]\nid = 1\n\n[entries.meta]  # m\nk   =   'v'  # c\n\n# tail\n"
    assert update_array_table(doc, "entries", 0, {"id": 2, "meta": {"k": "v"}}) == doc.replace(
        "id = 1", "id = 2"
    )
    out = update_array_table(doc, "entries", 0, {"id": 1, "meta": {"k": "w"}})
    assert out == '[[entries]]\nid = 1\n\n[entries.meta]\nk = "w"\n\n# tail\n'


def test_update_multiline_value_and_dotted_keys() -> None:
    doc = (
        "[[entries]]\n"
        "tags = [\n  'a', # first\n  'b',\n]  # keep me\n"
        "meta.a = 1  # dotted\n"
        "# between\n"
        "meta.b = 2\n"
        "id = 1\n"
    )
    out = update_array_table(doc, "entries", 0, {"tags": ["c"], "meta": {"a": 1, "b": 3}, "id": 1})
    assert out == (
        '[[entries]]\ntags = ["c"]  # keep me\nmeta = { a = 1, b = 3 }\n# between\nid = 1\n'
    )
    out = update_array_table(doc, "entries", 0, {"id": 1, "meta": {"a": 1, "b": 2}})
    assert out == "[[entries]]\nmeta.a = 1  # dotted\n# between\nmeta.b = 2\nid = 1\n"


def test_update_quoted_keys_and_new_key_order() -> None:
    doc = "[[entries]] # hdr\n\"a b\" = 1\n'c' = 2 # two\n\n[[entries.evidence]]\nf = 1\n"
    out = update_array_table(
        doc, "entries", 0, {"z": True, "c": 3, "a b": 1, "y": "x", "evidence": [{"f": 1}]}
    )
    assert out == (
        '[[entries]] # hdr\n"a b" = 1\n\'c\' = 3 # two\nz = true\ny = "x"\n'
        "\n[[entries.evidence]]\nf = 1\n"
    )
    assert update_array_table("[[entries]]\n", "entries", 0, {"a": 1}) == "[[entries]]\na = 1\n"


def test_remove_blocks() -> None:
    first = remove_array_table(DOC, "entries", 0)
    start = DOC.index("[[entries]]\nid = 1")
    assert first == DOC[:start] + DOC[DOC.index("[[entries]]\nid = 2") :]
    last = remove_array_table(DOC, "entries", -1)
    assert last == DOC.replace("[[entries]]\nid = 2\ndate = 2024-05-01\n", "").replace(
        "title = 'literal # not a comment'\nhours = 7\n\n", ""
    )
    assert "# comment below the entries" in last
    only = remove_array_table("a = 1\n\n[[x]]\nb = 2\n", "x", 0)
    assert only == "a = 1\n"
    doc = "[[x]]\na = 1\n\n# above\n[[x]]\n# inside\nb = 2\n[[x]]\nc = 3"
    assert remove_array_table(doc, "x", 1) == "[[x]]\na = 1\n\n# above\n[[x]]\nc = 3"
    assert remove_array_table(doc, "x", 2) == "[[x]]\na = 1\n\n# above\n[[x]]\n# inside\nb = 2\n"


def test_update_tables() -> None:
    out = update_table(DOC, "holder", {"name": "X", "tracking_since": dt.date(2024, 1, 15)})
    assert out == DOC.replace('"Dana Reyes"', '"X"').replace('registrant_id = "1234567"\n', "")
    out = update_table(DOC, "", {"version": 2, "note": "n", "holder": {"ignored": 1}})
    assert out == DOC.replace("version = 1\n", 'version = 2\nnote = "n"\n')
    out = update_table("# top\n\n[holder]\na = 1\n", "", {"version": 1})
    assert out == "# top\n\nversion = 1\n\n[holder]\na = 1\n"
    doc = "[ holder ]  # h\n[holder.address]\ncity = 'x'\n\n[other]\n"
    out = update_table(doc, "holder", {"name": "n", "address": {"city": "y"}})
    assert out == '[ holder ]  # h\nname = "n"\n[holder.address]\ncity = "y"\n\n[other]\n'


def test_crlf_is_preserved() -> None:
    crlf = DOC.replace("\n", "\r\n")
    data = load(DOC)
    entry = {**data["entries"][0], "title": "T", "evidence": [{"a": 1}], "new": [1]}
    ops = [
        lambda t: append_array_table(t, "entries", NEW),
        lambda t: update_array_table(t, "entries", 0, entry),
        lambda t: remove_array_table(t, "entries", 0),
        lambda t: remove_array_table(t, "entries", 1),
        lambda t: update_table(t, "holder", {"name": "X", "email": "e"}),
        lambda t: update_table(t, "", {"version": 3, "x": 1}),
    ]
    for op in ops:
        out = op(crlf)
        assert out == op(DOC).replace("\n", "\r\n")
        assert "\n" not in out.replace("\r\n", "")


def test_unsupported_forms_raise() -> None:
    with pytest.raises(TomlTextError):
        update_array_table(DOC, "entries", 2, {})
    with pytest.raises(TomlTextError):
        remove_array_table(DOC, "nothing", 0)
    with pytest.raises(TomlTextError):
        update_table(DOC, "missing", {})
    with pytest.raises(TomlTextError):
        update_table(DOC, "entries", {})  # an array of tables, not a table
    inline = "entries = [\n  { id = 1 },\n]\nholder.name = 'x'\n"
    with pytest.raises(TomlTextError):
        append_array_table(inline, "entries", {"id": 2})
    with pytest.raises(TomlTextError):
        update_array_table(inline, "entries", 0, {"id": 2})
    with pytest.raises(TomlTextError):
        update_table(inline, "holder", {"name": "y"})
    with pytest.raises(TomlTextError):
        append_array_table("[entries]\na = 1\n", "entries", {})
    with pytest.raises(TomlTextError):  # sub-table of the block placed after another table
        remove_array_table("[[e]]\n[x]\n[e.s]\na = 1\n", "e", 0)


def test_line_of() -> None:
    lay = scan(DOC)
    assert line_of(DOC, ("entries", 1, "hours")) == 31
    assert line_of(lay, ("entries", 1)) == 27
    assert line_of(lay, ("entries", 1, "missing_key")) == 27
    assert line_of(lay, ("entries", 0, "certifications", 1)) == 19
    assert line_of(lay, ("entries", 0, "evidence", 0, "sha256")) == 25
    assert line_of(lay, ("entries", 0, "evidence")) == 23
    assert line_of(lay, ("entries",)) == 14
    assert line_of(lay, ("entries", 7, "hours")) == 14
    assert line_of(lay, ("holder", "name")) == 5
    assert line_of(lay, ("holder",)) == 4
    assert line_of(lay, ("version",)) == 2
    assert line_of(lay, ("nope", 1)) is None
    assert line_of(lay, ()) is None
    inline = 'a = 1\nholder = { name = "x" }\nentries = [\n  { id = 1 },\n]\n[t.u]\nv.w = 1\n'
    assert line_of(inline, ("holder", "name")) == 2
    assert line_of(inline, ("entries", 0, "id")) == 3
    assert line_of(inline, ("t", "u", "v", "w")) == 7
    assert line_of(inline, ("t", "x")) == 6


@pytest.mark.slow
def test_operations_on_a_large_ledger() -> None:
    """Correct far from the start of a long file (speed is measured in bench/, not here)."""
    block = (
        '# entry\n[[entries]]\nid = {i}\ndate = 2023-03-14\ntitle = "Drying {i}"\n'
        'hours = 21.0  # c\ncertifications = ["WRT", "ASD"]\nnotes = """a\nb"""\n\n'
        '[[entries.evidence]]\nfile = "x{i}.pdf"\n\n'
    )
    doc = DOC + "".join(block.replace("{i}", str(i)) for i in range(1000))
    base = tomllib.loads(doc, parse_float=Decimal)
    n = len(base["entries"])
    clean = {k: v for k, v in NEW.items() if v is not None}
    out = tomllib.loads(append_array_table(doc, "entries", NEW), parse_float=Decimal)
    assert out["entries"][:n] == base["entries"] and out["entries"][n] == clean
    out = tomllib.loads(update_array_table(doc, "entries", 500, NEW), parse_float=Decimal)
    assert out["entries"][500] == clean
    assert out["entries"][:500] + out["entries"][501:] == (
        base["entries"][:500] + base["entries"][501:]
    )
    out = tomllib.loads(remove_array_table(doc, "entries", 500), parse_float=Decimal)
    assert out["entries"] == base["entries"][:500] + base["entries"][501:]
    line = line_of(doc, ("entries", 900, "hours"))
    assert line is not None and doc.splitlines()[line - 1] == "hours = 21.0  # c"
    assert doc.splitlines()[line - 4] == "id = 898"


# ------------------------------------------------------------------ generated documents

INLINE = st.dictionaries(st.sampled_from(["p", "q r"]), SCALARS, max_size=2)
LIST_OR_SCALAR = st.one_of(
    SCALARS, st.lists(SCALARS, max_size=3), INLINE, st.lists(INLINE, min_size=1, max_size=2)
)
ENTRY_KEYS = ["id", "date", "title", "hours", "certifications", "notes", "a b", "x.y", "ключ"]
ENTRY = st.fixed_dictionaries(
    {},
    optional={k: LIST_OR_SCALAR for k in ENTRY_KEYS}
    | {
        "meta": st.dictionaries(st.sampled_from(["k", "a b", "z"]), LIST_OR_SCALAR, max_size=3),
        "evidence": st.lists(
            st.dictionaries(st.sampled_from(["file", "sha256", "n"]), SCALARS, max_size=2),
            min_size=1,
            max_size=2,
        ),
    },
)
HOLDER = st.dictionaries(st.sampled_from(["name", "registrant_id", "a b"]), LIST_OR_SCALAR)
ROOT = st.dictionaries(st.sampled_from(["version", "title", "ü"]), LIST_OR_SCALAR, max_size=2)
NOISE = ["", "[[entries]]", 'x = "y"', "'''", '"""', "ü [holder]", "a = [", "}"]
MARK = re.compile(r"@c(\d+)@")


def _plain(s: str, extra: str = "") -> bool:
    return all(c == "\t" or c in extra or (c >= " " and c != "\x7f") for c in s)


class Writer:
    """Renders data as hand-edited-looking TOML and remembers where each comment went."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.lines: list[str] = []
        self.zones: dict[int, tuple[Any, ...]] = {}  # comment number -> where it is

    def comment(self, zone: tuple[Any, ...]) -> str:
        self.zones[len(self.zones)] = zone
        return f"# @c{len(self.zones) - 1}@ {self.rnd.choice(NOISE)}"

    def gap(self, zone: tuple[Any, ...]) -> None:
        for _ in range(self.rnd.choice([0, 0, 1, 2])):
            blank = self.rnd.choice(["", "", "  ", "\t"])
            self.lines.append(self.comment(zone) if self.rnd.random() < 0.6 else blank)

    def trail(self, zone: tuple[Any, ...]) -> str:
        return self.rnd.choice(["", "", "  " + self.comment(zone), "\t" + self.comment(zone)])

    def key(self, k: str) -> str:
        forms = [format_value(k)] + ([f"'{k}'"] if "'" not in k else [])
        return self.rnd.choice(forms + [k] * 3 if re.fullmatch(r"[\w-]+", k, re.A) else forms)

    def value(self, v: Any, zone: tuple[Any, ...]) -> str:
        rnd = self.rnd
        if isinstance(v, str):
            ml = "".join("\n" if c == "\n" else format_value(c)[1:-1] for c in v)
            forms = [format_value(v), f'"""\n{ml}"""']
            forms += [f"'{v}'"] if _plain(v) and "'" not in v else []
            forms += [f"'''\n{v}'''"] if _plain(v, "\n") and "'''" not in v else []
            return rnd.choice(forms)
        if isinstance(v, int) and not isinstance(v, bool):
            return rnd.choice([str(v), f"{v:_}"])
        if isinstance(v, list):
            items = [self.value(x, zone) for x in v]
            if rnd.random() < 0.5:
                return "[" + ", ".join(items) + "]"
            lines = [f"\n  {x}," + rnd.choice(["", "  " + self.comment(zone)]) for x in items]
            return "[" + "".join(lines) + "\n]"
        if isinstance(v, dict):
            items = [f"{self.key(k)} = {self.value(x, zone)}" for k, x in v.items()]
            return "{ " + ", ".join(items) + " }" if items else "{}"
        return format_value(v)

    def table(self, header: str, chunks: list[str], zone: tuple[Any, ...]) -> None:
        """Header (if any) and content chunks, with comments inside and after them."""
        if header:
            chunks = [header + self.trail((*zone, True)), *chunks]
        for i, chunk in enumerate(chunks):
            self.lines.append(chunk)
            self.gap((*zone, i < len(chunks) - 1))

    def kv(self, k: str, v: Any, zone: tuple[Any, ...]) -> str:
        eq = self.rnd.choice([" = ", "=", "   =  "])
        return f"{self.key(k)}{eq}{self.value(v, zone)}{self.trail(zone)}"

    def entry(self, j: int, entry: dict[str, Any]) -> None:
        zone, rnd = ("entry", j, True), self.rnd
        chunks, subs = [], []
        for k, v in entry.items():
            if k == "evidence":
                subs.append([])
                for item in v:
                    subs[-1] += ["[[entries.evidence]]"] + [
                        self.kv(a, b, zone) for a, b in item.items()
                    ]
            elif k == "meta" and v and rnd.random() < 0.6:
                if rnd.random() < 0.5:
                    dot = rnd.choice(["meta.", "meta . ", "'meta'\t.\t"])
                    chunks += [dot + self.kv(a, b, zone) for a, b in v.items()]
                else:
                    subs.append(
                        ["[ entries . meta ]"] + [self.kv(a, b, zone) for a, b in v.items()]
                    )
            else:
                chunks.append(self.kv(k, v, zone))
        rnd.shuffle(subs)
        header = rnd.choice(["[[entries]]", "[[ entries ]]", "[['entries']]"])
        self.table(header, chunks + [c for sub in subs for c in sub], ("entry", j))


Zones = dict[int, tuple[Any, ...]]


def build(
    rnd: random.Random, root: dict[str, Any], holder: dict[str, Any], entries: list[Any]
) -> tuple[str, dict[str, Any], Zones]:
    """A document holding the data, with random layout, comments and line endings."""
    w = Writer(rnd)
    w.gap(("top", False))
    w.table("", [w.kv(k, v, ("root", True)) for k, v in root.items()], ("root",))
    holder_header = rnd.choice(["[holder]", "[ holder ]  ", '["holder"]'])
    w.table(holder_header, [w.kv(k, v, ("holder", True)) for k, v in holder.items()], ("holder",))
    w.table("[[certifications]]", ["code = 'WRT'"], ("cert",))
    for j, entry in enumerate(entries):
        w.entry(j, entry)
    text = "\n".join(w.lines) + rnd.choice(["\n", "\n", ""])
    if rnd.random() < 0.3:
        text = text.replace("\n", "\r\n")
    data = {**root, "holder": holder, "certifications": [{"code": "WRT"}]}
    return text, (data | {"entries": entries} if entries else data), w.zones


def _comment_ids(text: str) -> list[int]:
    return [int(m) for m in MARK.findall(text)]


@pytest.mark.slow
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROOT, HOLDER, st.lists(ENTRY, max_size=4), st.randoms(use_true_random=False), st.data())
def test_operations_on_generated_documents(
    root: dict[str, Any],
    holder: dict[str, Any],
    entries: list[dict[str, Any]],
    rnd: random.Random,
    data: st.DataObject,
) -> None:
    text, expected, zones = build(rnd, root, holder, entries)
    assert same(load(text), expected)
    lay = scan(text)
    assert [h.name for h in lay.headers if h.name[-1] != "evidence"] == [
        ("holder",),
        ("certifications",),
    ] + [n for h in lay.headers if (n := h.name)[0] == "entries" and n[-1] != "evidence"]
    assert sum(h.name == ("entries",) for h in lay.headers) == len(entries)
    for j, entry in enumerate(entries):
        header = line_of(lay, ("entries", j))
        assert header is not None and "entries" in lay.lines[header - 1]
        for k in entry:
            line = line_of(lay, ("entries", j, k, 0))
            assert line is not None and k.split(".")[0] in lay.lines[line - 1]
    for kv in lay.keys:
        if kv.table >= 0 and lay.headers[kv.table].name == ("entries",) and len(kv.key) == 1:
            j = sum(h.name == ("entries",) for h in lay.headers[: kv.table + 1]) - 1
            value = load("v = " + text[kv.vstart : kv.vend])["v"]
            assert same(value, entries[j][kv.key[0]])

    for _ in range(data.draw(st.integers(1, 3))):
        n = len(expected.get("entries", []))
        op = data.draw(
            st.sampled_from(["append", "holder", "root"] + ["update", "remove"] * (n > 0))
        )
        present = _comment_ids(text)
        lost: tuple[Any, ...] = ("none",)
        if op == "append":
            new = data.draw(ENTRY)
            result = append_array_table(text, "entries", new)
            expected["entries"] = [*expected.get("entries", []), new]
        elif op in ("update", "remove"):
            j = data.draw(st.integers(0, n - 1))
            lost = ("entry", j, True)
            if op == "remove":
                result = remove_array_table(text, "entries", j)
                del expected["entries"][j]
                if not expected["entries"]:
                    del expected["entries"]
                zones = {
                    c: (z[0], z[1] - 1, z[2]) if z[0] == "entry" and z[1] > j else z
                    for c, z in zones.items()
                }
            else:
                old = expected["entries"][j]
                new = {k: v for k, v in old.items() if data.draw(st.booleans())}
                new |= data.draw(ENTRY)
                result = update_array_table(text, "entries", j, new)
                assert result != text or same(new, old)
                expected["entries"][j] = new
        elif op == "holder":
            lost = ("holder", True)
            new = {k: v for k, v in expected["holder"].items() if data.draw(st.booleans())}
            new |= data.draw(HOLDER)
            result = update_table(text, "holder", new)
            expected["holder"] = new
        else:
            lost = ("root", True)
            new = data.draw(ROOT)
            result = update_table(text, "", new)
            expected = {k: v for k, v in expected.items() if k not in root} | new
            root = new
        assert same(load(result), expected), (op, text, result)
        after = _comment_ids(result)
        assert after == [c for c in present if c in set(after)], "comments duplicated or reordered"
        assert {c for c in present if zones[c] != lost} <= set(after), (op, text, result)
        if "\r\n" in text:
            assert "\n" not in result.replace("\r\n", "")
        text = result
