"""`--show-completion [SHELL]` and `--install-completion [SHELL]`: the completion script for
the shell named after the option (bash, zsh, fish, powershell, pwsh), else for the shell ceclog
runs in.  Typer's own options take no value, so `ceclog --show-completion zsh` from bash
printed bash's script: ceclog reads the shell itself.  The scripts are Typer's; a TAB is
answered by `ceclog.completion`."""

from __future__ import annotations

import sys

from ceclog.cli import _GLOBAL_WITH_VALUE as GLOBAL_WITH_VALUE
from ceclog.cli import COMMAND_MODULES as COMMANDS
from ceclog.completion import COMPLETE_VAR, SHELLS
from ceclog.errors import UsageError

OPTIONS = ("--show-completion", "--install-completion")


def requested(args: list[str]) -> tuple[str, str | None] | None:
    """The option asked for in `args` before the command, and the shell named after it."""
    for i, arg in enumerate(args):
        name, eq, value = arg.partition("=")
        if i and args[i - 1] in GLOBAL_WITH_VALUE:
            continue  # --ledger's path, --today's date
        if name in OPTIONS:
            if eq:
                return name, value
            after = args[i + 1] if i + 1 < len(args) else None
            named = after is not None and not after.startswith("-") and after not in COMMANDS
            return name, after if named else None
        if not arg.startswith("-"):
            return None  # a command: its own options are its own
    return None


def _shell(shell: str | None) -> str:
    if shell is None:
        from typer._completion_shared import _get_shell_name

        shell = _get_shell_name() or ""
    if shell not in SHELLS:
        raise UsageError(
            f"no completion for the shell {shell!r}"
            if shell
            else "could not tell which shell this is",
            hint=f"name it: ceclog --show-completion SHELL, SHELL one of {', '.join(SHELLS)}",
        )
    return shell


def run(option: str, shell: str | None) -> int:
    """Print the script (`--show-completion`) or add it to the shell's start-up files."""
    from typer._completion_shared import get_completion_script, install

    name = _shell(shell)
    if option == "--show-completion":
        print(get_completion_script(prog_name="ceclog", complete_var=COMPLETE_VAR, shell=name))
        return 0
    used, path = install(shell=name, prog_name="ceclog", complete_var=COMPLETE_VAR)
    print(f"{used} completion installed in {path}", file=sys.stderr)
    print("Completion will take effect once you restart the terminal", file=sys.stderr)
    return 0
