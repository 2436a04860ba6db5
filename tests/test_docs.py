"""Docs that cannot rot: the commands, command list and sample output of the README and of the
pages of docs/ are checked against what ceclog prints."""

from __future__ import annotations

from pathlib import Path

import pytest

import docs_pages
from conftest import Ceclog

ROOT = Path(__file__).parents[1]
README = docs_pages.page("README.md")


def _blocks(lang: str) -> list[str]:
    """The fenced code blocks of the README and of every page of docs/ whose fence names `lang`
    ("" for none)."""
    return docs_pages.blocks(lang)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = [b.strip() for b in docs_pages.blocks("sh", README) if "pytest" in b]
    assert commands, "the README shows no test command"
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert commands[0] in ci


def _commands() -> list[tuple[str, str | None]]:
    from ceclog.cli import app, load_commands

    load_commands()

    out: list[tuple[str, str | None]] = []
    for info in app.registered_commands:
        assert info.callback is not None
        out.append((info.name or info.callback.__name__, info.callback.__doc__))
    for group in app.registered_groups:
        assert group.typer_instance is not None
        for info in group.typer_instance.registered_commands:
            assert info.callback is not None
            out.append((f"{group.name} {info.name}", info.callback.__doc__))
    return out


def test_every_command_has_help_and_is_documented() -> None:
    commands = _commands()
    assert len(commands) >= 12
    reference = docs_pages.page("commands.md")
    for name, doc in commands:
        assert doc and doc.strip(), f"ceclog {name} has no help text"
        assert f"`ceclog {name}" in reference, f"ceclog {name} is not in docs/commands.md"


def test_docs_sample_status_is_what_ceclog_prints(ceclog: Ceclog) -> None:
    block = next(b for b in _blocks("") if "Requirement" in b and "Dana Reyes" in b)
    r = ceclog("status", ledger=ROOT / "examples" / "ledger.toml")
    printed = "\n".join(line.rstrip() for line in r.out.splitlines())
    assert printed.strip() == block.strip()


@pytest.mark.parametrize(
    ("name", "fixture", "answer"),
    [("drying-certificate.pdf", "centred", "a"), ("odor-control.pdf", "ambiguous", None)],
)
def test_docs_samples_of_add_from_are_what_ceclog_prints(
    name: str,
    fixture: str,
    answer: str | None,
    ceclog: Ceclog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The "Adding from a certificate" examples (docs/adding.md), from the generated
    certificates they were made from: a holder whose WRT (earned 2024-05-01) is due 2028-04-30;
    `a` typed at the prompt of the first, the second run with --yes and no terminal."""
    import io
    import sys

    import cert_fixtures as fx

    block = next(b for b in _blocks("") if b.startswith(f"$ ceclog add --from {name}"))
    command, *expected = block.strip().splitlines()
    fx.write(tmp_path, fixture).rename(tmp_path / name)
    ledger = tmp_path / "ledger.toml"
    assert ceclog("init", "--name", "Jane Smith", ledger=ledger).code == 0
    assert ceclog("cert", "add", "WRT", "--earned", "2024-05-01", ledger=ledger).code == 0

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    if answer is not None:
        monkeypatch.setattr(sys, "stdin", Terminal(answer + "\n"))
    monkeypatch.chdir(tmp_path)
    r = ceclog(*command.split()[2:], ledger=ledger)
    assert r.code == (0 if answer else 1), r.err
    printed = r.err.replace("[q]uit: ", f"[q]uit: {answer}\n") + r.out
    assert [line.rstrip() for line in printed.strip().splitlines()] == expected


def test_docs_rules_example_is_valid_and_names_every_key_of_the_format(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    """The "Rules files" example (docs/rules.md) is a file `rules check` accepts, and names
    every key of the format (set, or as a `# key =` line left at its default): the records'
    own keys too."""
    import re

    from ceclog.store.rules import format_keys

    block = next(b for b in _blocks("toml") if b.startswith('name = "my-rules"'))
    path = tmp_path / "my-rules.toml"
    path.write_text(block, encoding="utf-8")
    r = ceclog("rules", "check", str(path), ledger=None)
    assert r.out == f"{path}: valid rules profile my-rules (1 track, 3 certifications)\n"
    keys = {key for names in format_keys().values() for key in names}
    missing = [
        key
        for key in sorted(keys)
        if not re.search(rf"^(# )?{key} =|^\[+{key}[\].]", block, re.MULTILINE)
    ]
    assert missing == []


def test_readme_status_warnings_are_what_ceclog_prints(ceclog: Ceclog) -> None:
    """The sample's stderr: what needs doing, one line per kind of warning."""
    block = next(b for b in _blocks("") if b.startswith("warning: 1 completed entry"))
    r = ceclog("status", ledger=ROOT / "examples" / "ledger.toml")
    assert r.err == block


def test_readme_first_ledger_is_what_ceclog_prints(ceclog: Ceclog, tmp_path: Path) -> None:
    """ "Your first ledger": its commands run as written (on 2026-11-22), and `add` answers with
    the sample shown below them."""
    import shlex

    start = README.index("## Your first ledger")
    commands, answer = (docs_pages.blocks(lang, README[start:])[0] for lang in ("sh", ""))
    lines = commands.replace("\\\n", " ").splitlines()
    runs = [shlex.split(line)[1:] for line in lines if line.startswith("ceclog ")]
    assert [run[0] for run in runs] == ["init", "cert", "cert", "add", "status"]
    ledger = tmp_path / "ledger.toml"
    for args in runs:
        r = ceclog(*args, ledger=ledger)
        assert r.code == 0, r.err
        if args[0] == "add":
            assert r.out == answer


def test_the_ledger_page_lists_every_format_version() -> None:
    """docs/ledger.md's table of versions runs from 1 to the version this ceclog writes."""
    import re

    from ceclog.core.ledger.models import LEDGER_VERSION

    page = docs_pages.page("ledger.md")
    listed = [int(n) for n in re.findall(r"^\| (\d+) \|", page, re.MULTILINE)]
    assert listed == list(range(1, LEDGER_VERSION + 1))


def test_the_readme_links_to_pages_that_exist() -> None:
    """The README is read on its own (GitHub, the package's page): every page it links to is
    there (mkdocs build --strict checks the links between the pages of docs/)."""
    import re

    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README)
    assert links
    assert [link for link in links if not (ROOT / link).is_file()] == []
