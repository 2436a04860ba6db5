"""docs/json.md describes each command's `--json` document by a table of its fields; each
command is run here on real files and held to its table both ways: every field the table lists
is in the output, and every field the output has, at a level the table describes, is listed.

In a table, `a.b` is the field `b` of the object `a`, `a[].b` that of each item of the list
`a`, `a.*.b` that of each value of the object `a`, and `[]` the document itself when it is a
list; a field whose type says "only when" may be absent."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import docs_pages
from conftest import Ceclog

EXAMPLES = docs_pages.ROOT / "examples"

Path_ = tuple[str, ...]


def _tokens(path: str) -> Path_:
    """`requirements[].cycles[].due` -> ("requirements", "[]", "cycles", "[]", "due")."""
    out: list[str] = []
    for part in path.split("."):
        name = part.removesuffix("[]")
        if name:
            out.append(name)
        out += ["[]"] * ((len(part) - len(name)) // 2)
    return tuple(out)


def _tables() -> dict[str, dict[Path_, bool]]:
    """Each `## ceclog …` section's documented fields, each with whether it must be present."""
    sections: dict[str, dict[Path_, bool]] = {}
    current: dict[Path_, bool] | None = None
    for line in docs_pages.page("json.md").splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].replace("`", "").strip(), {})
        elif current is not None and (m := re.match(r"\| `([^`]+)` \| ([^|]+) \|", line)):
            current[_tokens(m.group(1))] = "only when" not in m.group(2)
    return sections


def _name(path: Path_) -> str:
    """("rows", "[]", "due") -> `rows[].due`, as the tables write it."""
    return "".join(t if t == "[]" or i == 0 else "." + t for i, t in enumerate(path))


def _at(docs: list[Any], path: Path_) -> list[Any]:
    """Every value found at `path` in the documents (a missing key: none)."""
    values = docs
    for token in path:
        if token == "[]":
            values = [item for v in values if isinstance(v, list) for item in v]
        elif token == "*":
            values = [item for v in values if isinstance(v, dict) for item in v.values()]
        else:
            values = [v[token] for v in values if isinstance(v, dict) and token in v]
    return values


def problems(documented: dict[Path_, bool], docs: list[Any]) -> list[str]:
    """What the documents and the table disagree on, in words (empty: they agree)."""
    found: list[str] = []
    children: dict[Path_, set[str]] = {}
    for path, required in documented.items():
        parent, name = path[:-1], path[-1]
        children.setdefault(parent, set()).add(name)
        if name == "[]":
            items = _at(docs, parent)
            if not items or not all(isinstance(v, list) and v for v in items):
                found.append(f"{_name(path)}: not a list with items in the output")
            continue
        holders = [v for v in _at(docs, parent) if isinstance(v, dict)]
        if not holders:
            found.append(f"{_name(path)}: the output has no {_name(parent)!r} to check")
        elif required and (lacking := sum(name not in v for v in holders)):
            found.append(f"{_name(path)}: documented, missing from {lacking} of {len(holders)}")
    for parent, names in children.items():
        for value in _at(docs, parent):
            if isinstance(value, dict):
                for key in sorted(set(value) - names):
                    found.append(f"{_name((*parent, key))}: emitted, not documented")
    return sorted(set(found))


# --- the files each section's commands run on ----------------------------------------------

IMPORT_CSV = """\
Technician,Date,Course,Hours,Kind,Status
Dana Reyes,2026-05-04,Water damage basics,7,course,Completed
Dana Reyes,2026-05-04,Water damage basics,7,course,Completed
Dana Reyes,2024-02-09,Applied Structural Drying refresher,4,workshop,Completed
Dana Reyes,2026-06-01,Mold class,3,course,In progress
Dana Reyes,,Total,17,,
Ben Okafor,2026-01-10,Fire restoration,5,course,Completed
Dana Reyes,2024-02-09,Applied Structural Drying refresher,6,workshop,Completed
"""

TRANSCRIPT = """\
Date,Course,Credits
2024-02-09,Applied Structural Drying refresher,4
2026-01-05,Something else,2
"""

Run = Callable[[Path], list[tuple[str, ...]]]


def _certificate(folder: Path) -> str:
    import cert_fixtures as fx

    return str(fx.write(folder, "centred"))


def _write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def _other(folder: Path) -> str:
    """A copy of the ledger with one more class."""
    text = (folder / "ledger.toml").read_text(encoding="utf-8")
    extra = '\n[[entries]]\nid = 90\ndate = 2026-10-02\ntitle = "Odor control"\nhours = 2\n'
    return _write(folder, "copy.toml", text + extra)


def _team(folder: Path) -> str:
    team = folder / "team"
    team.mkdir()
    shutil.copy(folder / "ledger.toml", team / "dana.toml")
    return str(team)


# Each section of docs/json.md: the commands whose documents its table describes (run in a
# folder holding a copy of examples/: ledger.toml and its evidence/).
RUNS: dict[str, Run] = {
    "ceclog status --json": lambda d: [("status", "--json")],
    "ceclog status --rules NAME --json (what if)": lambda d: [
        ("status", "--rules", "iicrc-2012", "--json")
    ],
    "ceclog status --rules NAME --compare --json": lambda d: [
        ("status", "--rules", "iicrc-2012", "--compare", "--json")
    ],
    "ceclog list --json": lambda d: [("list", "--json")],
    "ceclog add --json and ceclog edit --json": lambda d: [
        ("add", "Drying webinar", "--hours", "2", "--kind", "webinar", "--json"),
        ("edit", "1", "--note", "refresher", "--json"),
    ],
    "ceclog add --from CERT --json": lambda d: [("add", "--from", _certificate(d), "--json")],
    "ceclog add --from CERT CERT... --json": lambda d: [
        ("add", "--from", _certificate(d), "--from", _certificate(d), "--json")
    ],
    "ceclog check --json": lambda d: [("check", "--json")],
    "ceclog check --list --json": lambda d: [("check", "--list", "--json")],
    "ceclog rules check FILE --json": lambda d: [
        ("rules", "check", _write(d, "bad.toml", 'name = "x"\nunit = 3\n'), "--json")
    ],
    "ceclog cert list --json": lambda d: [("cert", "list", "--json")],
    "ceclog holder --json": lambda d: [("holder", "--json")],
    "ceclog init, holder, cert, rm, attach, submit, posted, undo with --json (what changed)": (
        lambda d: [
            ("init", "--name", "Sam Ortiz", "--ledger", str(d / "new.toml"), "--json"),
            ("holder", "--cec-due", "2027-09-14", "--json"),
            ("cert", "add", "AMRT", "--earned", "2025-01-01", "--json"),
            ("cert", "end", "AMRT", "--json"),
            ("cert", "rm", "AMRT", "--json"),
            ("attach", "4", _write(d, "cat3.pdf", "%PDF-1.4"), "--json"),
            ("submit", "--all", "--json"),
            ("posted", "4", "--json"),
            ("rm", "5", "--yes", "--json"),
            ("undo", "--json"),
        ]
    ),
    "ceclog rules list --json": lambda d: [("rules", "list", "--json")],
    "ceclog rules show NAME --json": lambda d: [("rules", "show", "iicrc", "--json")],
    "ceclog plan --json": lambda d: [("plan", "--json"), ("plan", "--suggest", "--json")],
    "ceclog import FILE --json": lambda d: [
        ("import", _write(d, "classes.csv", IMPORT_CSV), "--json"),
        ("import", _write(d, "bad.csv", IMPORT_CSV + "Dana Reyes,2026-07-01,X,-1,,\n"), "--json"),
    ],
    "ceclog import FILE --team FOLDER --json": lambda d: [
        ("import", _write(d, "classes.csv", IMPORT_CSV), "--team", _team(d), "--create", "--json")
    ],
    "ceclog merge OTHER --json": lambda d: [("merge", _other(d), "--json")],
    "ceclog reconcile --json": lambda d: [
        ("reconcile", "--portal", "8.5", "--on", "2026-11-20", "--json"),
        ("reconcile", "--transcript", _write(d, "transcript.csv", TRANSCRIPT), "--json"),
    ],
    "ceclog team --json": lambda d: [
        ("team", _team(d), "--json"),
        ("team", str(d / "team"), "--plan", "2027", "--json"),
    ],
    "ceclog export --format json": lambda d: [("export", "--format", "json")],
}


def test_every_section_of_the_json_page_has_its_commands() -> None:
    assert sorted(_tables()) == sorted(RUNS)


@pytest.mark.parametrize("section", sorted(RUNS))
def test_the_documented_fields_are_the_emitted_fields(
    section: str, ceclog: Ceclog, tmp_path: Path
) -> None:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLES, folder)
    ledger = folder / "ledger.toml"
    docs = []
    for args in RUNS[section](folder):
        r = ceclog(*args, ledger=None if "--team" in args else ledger)
        assert r.code in (0, 1), r.err  # reconcile and check exit 1 on what they find
        docs.append(json.loads(r.out))
    documented = _tables()[section]
    assert documented, f"docs/json.md: no table of fields under {section!r}"
    assert problems(documented, docs) == []


def test_a_field_documented_but_not_emitted_or_emitted_but_not_documented_is_caught() -> None:
    """The comparison itself: a field the table lists that the output lacks, and one the output
    has that the table does not list, each found; an optional field may be absent."""
    table = {("[]",): True, ("[]", "id"): True, ("[]", "event"): False, ("[]", "gone"): True}
    assert problems(table, [[{"id": 1, "new": 2}]]) == [
        "[].gone: documented, missing from 1 of 1",
        "[].new: emitted, not documented",
    ]
    assert problems(table, [[]]) == [
        "[].event: the output has no '[]' to check",
        "[].gone: the output has no '[]' to check",
        "[].id: the output has no '[]' to check",
        "[]: not a list with items in the output",
    ]
