"""The command line: parse, call the core and the store, render with output.  `run()` is the one
exit point: it turns every error into a message on stderr and an exit code (0 ok, 1 bad input
or data, 2 usage, 3/4 from `status --check`, 130 interrupted); a traceback is shown only with
--debug.  A command module holds no business rule: it parses options, asks `ceclog.core`
whether and what to change, has `ceclog.store` read or write, and `ceclog.output` show it.

May import: every other layer, Typer and click."""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ceclog import __version__
from ceclog.cli.context import Context
from ceclog.cli.guard import Interrupts, pipe_safe
from ceclog.cli.listing import COMMANDS, Listing
from ceclog.errors import EXIT_DATA, CeclogError, NoLedger

if TYPE_CHECKING:
    from ceclog.store.journal import Journal

app = typer.Typer(
    name="ceclog",
    help="A logbook for continuing-education credits (IICRC CECs and others).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,  # ceclog's own options: they take the shell (shell_setup)
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=Listing,
)

EXIT_INTERNAL = 70


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def _completion(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> None:
    """Reached only when `_run` did not answer first (it always does: see shell_setup)."""
    if value and not ctx.resilient_parsing:
        from ceclog.cli.shell_setup import run as setup

        raise typer.Exit(setup(str(param.opts[0]), None))


def _version(value: bool) -> None:
    if value:
        print(f"ceclog {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger",
            help="The ledger file. Default: $CECLOG_LEDGER, else ledger.toml in your user data "
            "folder.",
            show_default=False,
            readable=False,  # ceclog's own read says what is wrong, in one line, exit 1
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            help="Compute as if today were this date (also $CECLOG_TODAY).",
            show_default=False,
        ),
    ] = None,
    color: Annotated[
        Color,
        typer.Option(
            "--color",
            help="Colour: auto (on a terminal, unless NO_COLOR is set), always (also in a pipe) "
            "or never. Only the colour: the layout follows the terminal's width either way.",
            show_default=False,
        ),
    ] = Color.auto,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            callback=_completion,
            is_eager=True,
            expose_value=False,
            help="Install completion for the current shell, or for the SHELL named after it "
            "(bash, zsh, fish, powershell).",
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            callback=_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script for the current shell, or for the SHELL named "
            "after it (`ceclog --show-completion zsh`), to copy or customize.",
        ),
    ] = False,
) -> None:
    """Record certifications and classes; see what you still need, and by when."""
    c = ctx.ensure_object(Context)  # run() passes its own, to read the journal afterwards
    c.ledger_option, c.today_option, c.debug = ledger, today, debug
    from ceclog.output.terminal import use_color

    use_color(color.value)


# The module that defines each command.  A run imports only the module of the command it
# runs (Typer inspects the signature of every registered command on each run: importing all of
# them cost ~25 ms per run here); the top-level help lists them from `listing` without
# importing any; an unknown command, and shell completion, load them all.
COMMAND_MODULES = {name: module for name, (module, _) in COMMANDS.items()}
_GLOBAL_WITH_VALUE = ("--ledger", "--today", "--color")
COMPLETE_ENV = "_CECLOG_COMPLETE"  # set by the shell's completion script


def command_of(args: list[str]) -> str | None:
    """The command named in `args`, after the global options."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _GLOBAL_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
        elif arg in ("-h", "--help", "--version"):
            return None
    return None


def globals_first(args: list[str]) -> list[str]:
    """`args` with the global options given after the command (`ceclog status --today D`, as
    people type them) moved before it, where the command line reads them; no command has an
    option of the same name.  Nothing after `--` is moved."""
    command = command_of(args)
    if command is None or command not in args:
        return args
    at = args.index(command)
    head, tail, moved = args[:at], [], []
    rest = args[at:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--":
            tail += rest[i:]
            break
        name = arg.split("=", 1)[0]
        if name in _GLOBAL_WITH_VALUE and "=" in arg:
            moved.append(arg)
        elif arg in _GLOBAL_WITH_VALUE and i + 1 < len(rest):
            moved += [arg, rest[i + 1]]
            i += 1
        elif arg == "--debug":
            moved.append(arg)
        else:
            tail.append(arg)
        i += 1
    return head + moved + tail


def load_commands(args: list[str] | None = None) -> None:
    """Register the commands `args` needs (all of them when `args` is None): none for the
    top-level help, the usage or the version (`Listing` lists them all); all of them for a
    command ceclog does not know (to suggest one) and for shell completion."""
    from importlib import import_module

    name = command_of(args) if args is not None else None
    if args is not None and name is None and COMPLETE_ENV not in os.environ:
        return
    wanted = [COMMAND_MODULES[name]] if name in COMMAND_MODULES else COMMAND_MODULES.values()
    for module in dict.fromkeys(wanted):
        import_module(f"ceclog.cli.{module}")


def _print_error(exc: CeclogError) -> None:
    from ceclog.errors import Declined
    from ceclog.output.terminal import console

    console(stderr=True).hang(exc.message if isinstance(exc, Declined) else f"error: {exc}")


_WRITTEN = {  # what a journal entry means to the user, in the order they are told
    "ledger": "the ledger {} was saved",
    "created": "the new ledger {} was created",
    "restored": "the ledger {} was restored from its backup",
    "evidence": "the certificate {} was copied",
    "export": "the export {} was written",
    "map": "the mapping {} was saved",
}


def written(journal: "Journal", event: str) -> str:
    """The truth about what the run wrote before an error or an interrupt."""
    if not journal:
        return "nothing was written"
    done = sorted(journal, key=lambda w: list(_WRITTEN).index(w.what))
    parts = list(dict.fromkeys(_WRITTEN[w.what].format(w.path) for w in done))
    text = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    text += f" before the {event}"
    if any(w.what in ("ledger", "restored") for w in journal):
        text += " (`ceclog undo` restores the previous version)"
    return text


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; never lets a traceback reach the user."""
    args = sys.argv[1:] if argv is None else argv
    context = Context()
    interrupts = Interrupts()
    with pipe_safe():  # a closed stdout never changes the exit code
        try:
            try:
                with interrupts.installed():
                    code = _run(args, context)
            finally:
                interrupts.disarm()  # from here on, a Ctrl-C no longer interrupts the report
        except KeyboardInterrupt:  # outside typer: while loading the command, or reporting
            code = 130
        if interrupts.seen:  # typer turns KeyboardInterrupt into a silent exit 130
            print(f"ceclog: interrupted; {written(context.journal, 'interrupt')}", file=sys.stderr)
            code = 130
    return code


def _run(args: list[str], context: Context) -> int:
    debug = "--debug" in args or bool(os.environ.get("CECLOG_DEBUG"))
    args = globals_first(args)
    if command_of(args) == "add" and "--from" in args:  # `add --from *.pdf`: each its --from
        from ceclog.cli.add_many import spread

        args = spread(args)
    try:
        if any(arg.startswith(("--show-completion", "--install-completion")) for arg in args):
            from ceclog.cli import shell_setup

            if asked := shell_setup.requested(args):
                return shell_setup.run(*asked)
        load_commands(args)
        app(args=args, prog_name="ceclog", standalone_mode=True, obj=context)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_DATA)
    except CeclogError as exc:
        if debug:
            raise
        if isinstance(exc, NoLedger) and exc.where is not None:
            exc.hint = context.create_hint(Path(exc.where.path), exc.hint)
        _print_error(exc)
        if context.journal:
            print(f"  note: {written(context.journal, 'error')}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # the last line of defence: a bug must not print a traceback
        if debug:
            raise
        print(
            f"ceclog: internal error: {type(exc).__name__}: {exc}\n"
            f"  This is a bug in ceclog; {written(context.journal, 'error')}. "
            + (
                "Please report it."
                if context.journal
                else "Run the command again with --debug and report what it prints."
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return 0
