"""Commands about rules profiles: rules list, show and check."""

from pathlib import Path
from typing import Annotated

import typer

from ceclog import completion
from ceclog.cli import app
from ceclog.cli.context import JsonOpt, show_findings
from ceclog.core.ledger.words import plural
from ceclog.output import data, rules_text, terminal
from ceclog.store.rules import check_rules_file, load_rules, shipped_names

rules_app = typer.Typer(help="List, show and check rules profiles.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def rules_list(as_json: JsonOpt = False) -> None:
    """The shipped rules profiles."""
    rows = []
    for name in shipped_names():
        loaded = load_rules(name)
        rows.append(
            {
                "name": name,
                "title": loaded.rules.title,
                "effective": loaded.rules.effective,
                "checked": loaded.rules.checked.isoformat(),
            }
        )
    if as_json:
        print(data.dumps(rows))
        return
    out = terminal.console()
    for row in rows:
        out.print(f"{row['name']:<12} {row['title']}")
        out.print(f"{'':<12} effective: {row['effective']}; checked {row['checked']}")


@rules_app.command("show")
def rules_show(
    spec: Annotated[
        str,
        typer.Argument(
            metavar="NAME|PATH",
            help="A profile name or a file.",
            autocompletion=completion.rules_names,
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Show a rules profile as ceclog understands it."""
    loaded = load_rules(spec)
    if as_json:
        print(data.dumps(data.rules(loaded)))
        return
    rules_text.show(terminal.console(), loaded)


@rules_app.command("check")
def rules_check(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A rules file.")],
    as_json: JsonOpt = False,
) -> None:
    """Validate a rules file: prints FILE:LINE: every problem; exit 1 if there is any."""
    rules, found = check_rules_file(path)
    show_findings(found, as_json)
    if not as_json:
        if rules is not None:
            terminal.console().print(
                f"{path}: valid rules profile {rules.name} ({plural(len(rules.tracks), 'track')}, "
                f"{plural(len(rules.certifications), 'certification')})",
                soft_wrap=True,
            )
        else:
            terminal.console(stderr=True).print(plural(len(found), "error"))
    if rules is None:
        raise typer.Exit(1)
