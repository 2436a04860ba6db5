"""MkDocs hooks (mkdocs.yml `hooks:`): the pages are written for GitHub as well as for the site.

In a table, GitHub needs a pipe inside a code span escaped (`--rules NAME\\|PATH`) and shows it
as `|`; Python-Markdown keeps code spans whole by itself and would show the backslash. So, for
the site only, a table row's code spans lose that backslash."""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"(`+)(.+?)\1")


def on_page_markdown(markdown: str, **_: Any) -> str:
    return "\n".join(
        _CODE.sub(lambda m: m.group(0).replace("\\|", "|"), line) if line.startswith("|") else line
        for line in markdown.split("\n")
    )
