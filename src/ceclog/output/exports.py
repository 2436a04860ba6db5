"""Exports of a Transcript.  Each format is a function in a plain dict; the modules (and
fpdf2, for pdf) are imported only when that format is asked for."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import cast

from ceclog.core.reports.transcript import Transcript

# format -> (module, function): renders a Transcript as text
TEXT = {
    "csv": ("ceclog.output.tabular", "render_csv"),
    "json": ("ceclog.output.tabular", "render_json"),
    "md": ("ceclog.output.markdown", "render"),
    "html": ("ceclog.output.html", "render"),
}
BINARY = ("pdf", "eml")
FORMATS = (*TEXT, *BINARY)


def render_text(fmt: str, t: Transcript) -> str:
    module, name = TEXT[fmt]
    function = cast(Callable[[Transcript], str], getattr(import_module(module), name))
    return function(t)


def render_pdf(t: Transcript, paper: str = "a4") -> tuple[bytes, list[str]]:
    from ceclog.output import pdf

    return pdf.render(t, paper)
