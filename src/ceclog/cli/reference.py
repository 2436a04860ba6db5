"""The command line's reference, read from the command definitions themselves: every command,
its help, options and arguments, and what completes each value.  `python -m
ceclog.cli.manpage` writes from it the man page (man/ceclog.1) and the completion table
(ceclog/completion.json, which a TAB reads without loading the command line);
tests/test_reference.py checks that both are what the definitions give today."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ceclog.completion import PROBE

ROOT = Path(__file__).resolve().parents[3]
MAN_PAGE = ROOT / "man" / "ceclog.1"


@dataclass
class Option:
    names: list[str]  # --kind; -y and --yes
    shown: str  # as --help shows it: "--kind TEXT"
    help: str
    value: Any  # None: a flag; "text", "path", a list of choices, or a DYNAMIC kind


@dataclass
class Command:
    path: list[str]  # ["cert", "add"]; [] for ceclog itself
    usage: str  # "ceclog cert add [OPTIONS] CODE"
    short: str
    help: str
    options: list[Option] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    repeat: bool = False  # the last argument takes many values
    commands: list[Command] = field(default_factory=list)


def _value(param: Any, ctx: Any) -> Any:
    """What completes `param`'s value: None for a flag, else what the completer offers."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if getattr(param, "_custom_shell_complete", None) is not None:
        items = param.shell_complete(ctx, PROBE)
        if items and items[0].value.startswith(PROBE):
            return items[0].value[len(PROBE) :]
        return [item.value for item in param.shell_complete(ctx, "")]
    if hasattr(param.type, "choices"):
        return [str(choice) for choice in param.type.choices]
    return "path" if param.type.name in ("path", "filename") else "text"


def describe(command: Any, ctx: Any, path: list[str]) -> Command:
    """The command `command` (a click command or group) in `ctx`, and those under it."""
    import typer

    usage = " ".join(["ceclog", *path, *command.collect_usage_pieces(ctx)])
    text = (command.help or "").strip()
    out = Command(path, usage, command.get_short_help_str(limit=80), text)
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            out.args.append(_value(param, ctx))
            out.repeat = param.nargs == -1
            continue
        record = param.get_help_record(ctx)
        shown, help_text = record if record else (", ".join(param.opts), "")
        names = [*param.opts, *param.secondary_opts]
        out.options.append(Option(names, shown, help_text, _value(param, ctx)))
    names = list(getattr(command, "commands", {}))
    if not path:  # the order the table of COMMAND_MODULES gives, whatever loaded first
        from ceclog.cli import COMMAND_MODULES

        order = list(COMMAND_MODULES)
        names.sort(key=lambda name: order.index(name) if name in order else len(order))
    for name in names:
        sub = command.commands[name]
        if not sub.hidden:
            sub_ctx = typer.Context(sub, info_name=name, parent=ctx)
            out.commands.append(describe(sub, sub_ctx, [*path, name]))
    return out


def commands() -> Command:
    """`ceclog` and every command under it, in the order of `ceclog --help`."""
    import typer

    from ceclog.cli import app, load_commands

    load_commands()
    root = typer.main.get_command(app)
    return describe(root, typer.Context(root, info_name="ceclog"), [])


def _first_line(text: str) -> str:
    return text.split("\n\n")[0].replace("\n", " ").strip()


def table(command: Command) -> dict[str, Any]:
    """The completion table of `command` (see `ceclog.cli.completion`)."""
    out: dict[str, Any] = {
        "help": command.short,
        "options": {
            name: [o.value, _first_line(o.help)] for o in command.options for name in o.names
        },
    }
    if command.args:
        out["args"] = command.args
        out["repeat"] = command.repeat
    if command.commands:
        out["commands"] = {c.path[-1]: table(c) for c in command.commands}
    return out


def completion_json(command: Command) -> str:
    return json.dumps(table(command), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
