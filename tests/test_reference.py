"""The man page and the completion table are written from the command definitions (`python -m
ceclog.cli.manpage`); regenerated here, each must be exactly the committed file, so a new
command, option or help text cannot leave them behind."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from ceclog.cli import COMMAND_MODULES
from ceclog.cli.manpage import roff
from ceclog.cli.reference import MAN_PAGE, commands, completion_json
from ceclog.completion import TABLE

REGENERATE = "run `python -m ceclog.cli.manpage` and commit the result"


@pytest.fixture(scope="module")
def page() -> str:
    return roff(commands())


def test_the_man_page_is_up_to_date(page: str) -> None:
    assert MAN_PAGE.read_text(encoding="utf-8") == page, REGENERATE


def test_the_completion_table_is_up_to_date() -> None:
    assert TABLE.read_text(encoding="utf-8") == completion_json(commands()), REGENERATE


def test_the_man_page_lists_every_command_and_option(page: str) -> None:
    sections = [s.replace("\\-", "-") for s in re.findall(r"^\.SS \"(.+)\"$", page, re.M)]
    assert set(COMMAND_MODULES) <= set(sections)
    for sub in ("cert add", "cert list", "cert rm", "cert end", "rules list", "rules show"):
        assert sub in sections
    status = page[page.index('.SS "status"') : page.index('.SS "check"')]
    for option in ("--check", "--rules", "--compare", "--json"):
        assert "\\fB" + option.replace("-", "\\-") in status
    for name in ("CECLOG_LEDGER", "NO_COLOR"):
        assert f"\\fB{name}\\fR" in page


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_the_man_page_renders_without_a_warning() -> None:
    done = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z", str(MAN_PAGE)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stderr == ""
