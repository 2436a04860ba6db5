"""Shell completion without the start-up: a TAB runs `ceclog` with `_CECLOG_COMPLETE` set, and
`__main__` hands it here before Typer, Rich or Pydantic are imported.  What each command takes
comes from `completion.json`, written from the command definitions by `python -m
ceclog.cli.reference` (a test keeps it up to date); the values that live in the ledger (entry
IDs, certification codes) or its rules (kinds, the codes the rules know) are read with a plain
TOML parse, and a ledger that cannot be read completes nothing, silently.  The answers are
printed in the form the scripts of `ceclog --show-completion SHELL` (Typer's) read.

Standard library only at import, and outside `ceclog.cli` (whose package imports Typer): this
module is the whole cost of a TAB."""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from pathlib import Path
from typing import Any

COMPLETE_VAR = "_CECLOG_COMPLETE"
TABLE = Path(__file__).with_name("completion.json")
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
PROBE = "\x00kind:"  # asked of a callback by `reference`: which values it completes

# the values read from the ledger or its rules, by the name the table gives them
DYNAMIC = {
    "@entry": "the ledger's entry IDs",
    "@held": "the codes of the ledger's certifications",
    "@cert": "the certification codes its rules know",
    "@kind": "the kinds its rules know",
    "@rules": "the shipped rules profiles",
}

Item = tuple[str, str]  # a value and its help


# --- the callbacks the command definitions name (`autocompletion=`) -------------------------


def _callback(kind: str) -> Any:
    def complete(ctx: Any, incomplete: str) -> list[Item]:
        if incomplete.startswith(PROBE):
            return [(PROBE + kind, "")]
        root = ctx.find_root().params if ctx is not None else {}
        ledger = ledger_path(root.get("ledger"))
        return [v for v in values(kind, ledger) if v[0].startswith(incomplete)]

    complete.__name__ = f"complete_{kind[1:]}"
    return complete


entry_ids = _callback("@entry")
held_codes = _callback("@held")
rules_codes = _callback("@cert")
kinds = _callback("@kind")
rules_names = _callback("@rules")


# --- reading the ledger and its rules, cheaply ------------------------------------------------


def ledger_path(option: str | os.PathLike[str] | None) -> Path:
    """--ledger, else $CECLOG_LEDGER, else the user data folder's ledger.toml."""
    if option:
        return Path(option).expanduser()
    if env := os.environ.get("CECLOG_LEDGER"):
        return Path(env).expanduser()
    from ceclog.store.places import default_ledger  # standard library only: no store loaded

    return default_ledger()


def _toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
        return data
    except (OSError, ValueError):
        return {}


def _rules_dir() -> Path:
    from ceclog.store.places import shipped_rules

    return shipped_rules()


def _rules(ledger: Path, data: dict[str, Any]) -> dict[str, Any]:
    holder = data.get("holder")
    spec = holder.get("rules", "iicrc") if isinstance(holder, dict) else "iicrc"
    if not isinstance(spec, str):
        return {}
    if "/" in spec or "\\" in spec or spec.endswith(".toml"):
        return _toml(ledger.parent / Path(spec).expanduser())
    return _toml(_rules_dir() / f"{spec}.toml")


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _records(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _described(kind: Any) -> str:
    return str(kind.get("description", "")) if isinstance(kind, dict) else ""


def values(kind: str, ledger: Path) -> list[Item]:
    """The values of `kind` (see DYNAMIC), each with a few words of help."""
    if kind == "@rules":
        return [(name, "") for name in sorted(p.stem for p in _rules_dir().glob("*.toml"))]
    data = _toml(ledger)
    if kind == "@entry":
        return [
            (str(e["id"]), f"{e.get('date', '')} {e.get('title', '')}".strip())
            for e in _records(data, "entries")
            if isinstance(e.get("id"), int) and not isinstance(e.get("id"), bool)
        ]
    if kind == "@held":
        return [
            (str(c["code"]), f"earned {c.get('earned', '?')}")
            for c in _records(data, "certifications")
            if isinstance(c.get("code"), str)
        ]
    rules = _rules(ledger, data)
    if kind == "@cert":
        return [(str(k), str(v)) for k, v in _table(rules, "certifications").items()]
    if kind == "@kind":
        described = _table(rules, "kinds").items()
        return [(str(k), _described(v)) for k, v in described]
    return []


# --- what is being completed -------------------------------------------------------------------


def complete(table: dict[str, Any], args: list[str], incomplete: str) -> list[Item]:
    """The completions of `incomplete` after `args` (the words typed after `ceclog`)."""
    node, globals_ = table, table["options"]
    options = dict(globals_)
    positional: list[str] = []
    ledger: str | None = None
    pending: Any = None  # the option whose value comes next
    for arg in args:
        if pending is not None:
            if pending == "--ledger":
                ledger = arg
            pending = None
        elif arg.startswith("-") and arg != "-":
            name, eq, value = arg.partition("=")
            spec = options.get(name)
            if spec is not None and spec[0] is not None and not eq:
                pending = name
            if name == "--ledger" and eq:
                ledger = value
        elif node.get("commands") and arg in node["commands"] and not positional:
            node = node["commands"][arg]
            options = {**node.get("options", {}), **globals_}
        else:
            positional.append(arg)
    if pending is None and incomplete.startswith("--") and "=" in incomplete:
        name, _, incomplete_value = incomplete.partition("=")
        if name in options and options[name][0] is not None:
            found = _values(options[name][0], incomplete_value, ledger)
            return [(f"{name}={v}", h) for v, h in found]
    if pending is not None:
        return _values(options[pending][0], incomplete, ledger)
    if incomplete.startswith("-"):
        names = {**options, "--help": [None, "Show the help and exit."]}
        return [(n, spec[1]) for n, spec in names.items() if n.startswith(incomplete)]
    if node.get("commands") and not positional:
        subs = node["commands"].items()
        return [(name, sub.get("help", "")) for name, sub in subs if name.startswith(incomplete)]
    arguments = node.get("args", [])
    if not arguments:
        return []
    at = min(len(positional), len(arguments) - 1)
    if len(positional) >= len(arguments) and not node.get("repeat"):
        return []
    given = set(positional) if node.get("repeat") else set()  # `submit 3 4 ` offers 4 no more
    return [v for v in _values(arguments[at], incomplete, ledger) if v[0] not in given]


def _values(spec: Any, incomplete: str, ledger: str | None) -> list[Item]:
    if isinstance(spec, list):
        return [(str(v), "") for v in spec if str(v).startswith(incomplete)]
    if spec in DYNAMIC:
        found = values(spec, ledger_path(ledger))
        return [(v, h) for v, h in found if v.startswith(incomplete)]
    return []  # free text, or a file: the shell's own completion of file names


# --- the shells' side -------------------------------------------------------------------------


def _split(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError:  # an open quote: complete the words before it
        return line.split()


def _words(shell: str) -> tuple[list[str], str]:
    if shell == "bash":
        words = _split(os.environ.get("COMP_WORDS", ""))
        at = int(os.environ.get("COMP_CWORD", "0") or 0)
        return words[1:at], words[at] if at < len(words) else ""
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    words = _split(line)[1:]
    if shell in ("powershell", "pwsh"):
        incomplete = os.environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (words[:-1] if incomplete and words else words), incomplete
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


def _zsh(value: str) -> str:
    for old, new in (('"', '""'), ("'", "''"), ("$", "\\$"), ("`", "\\`"), (":", r"\\:")):
        value = value.replace(old, new)
    return value


def _one_line(text: str) -> str:
    return re.sub(r"\s", " ", text)


def answer(instruction: str) -> tuple[str, int]:
    """What a TAB prints, and the exit code, for `_CECLOG_COMPLETE=<instruction>`."""
    action, _, shell = instruction.partition("_")
    if action != "complete" or shell not in SHELLS:
        return "", 1  # click's other instructions (source_bash...): `--show-completion SHELL`
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    args, incomplete = _words(shell)
    items = complete(table, args, incomplete)
    if shell == "bash":
        return "\n".join(v for v, _ in items), 0
    if shell == "zsh":
        if not items:
            return "_files", 0
        lines = [f'"{_zsh(v)}":"{_zsh(h)}"' if h else f'"{_zsh(v)}"' for v, h in items]
        return "_arguments '*: :((" + "\n".join(lines) + "))'", 0
    if shell == "fish":
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            return "", 0 if items else 1
        return "\n".join(f"{v}\t{_one_line(h)}" if h else v for v, h in items), 0
    return "\n".join(f"{v}:::{h or ' '}" for v, h in items), 0


def main() -> int:
    """Answer a TAB: never a traceback, at worst no completions."""
    try:
        text, code = answer(os.environ.get(COMPLETE_VAR, ""))
    except Exception:  # a TAB must never print a traceback into the command line
        return 1
    if text:
        sys.stdout.write(text + "\n")
    return code
