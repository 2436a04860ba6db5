"""The documentation the tests hold to the program: README.md and every page of docs/.

A sample moved from one page to another is still found, and still checked."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"


def pages() -> list[Path]:
    """README.md, then the pages of docs/ by name."""
    return [README, *sorted(DOCS.glob("*.md"))]


def text() -> str:
    """Every page's text, one after another."""
    return "\n".join(page.read_text(encoding="utf-8") for page in pages())


def page(name: str) -> str:
    """One page of docs/ (`numbers.md`), or the README (`README.md`)."""
    path = README if name == "README.md" else DOCS / name
    return path.read_text(encoding="utf-8")


def blocks(lang: str, source: str | None = None) -> list[str]:
    """The fenced code blocks whose fence names `lang` ("" for none), of `source` (a page's
    text) or of every page."""
    found: list[str] = []
    current: list[str] | None = None
    other = False
    for line in (text() if source is None else source).splitlines():
        if current is None and line.startswith("```"):
            current, other = [], line[3:].strip() != lang
        elif current is not None and line.startswith("```"):
            if not other:
                found.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return found


def sample(start: str) -> str:
    """The rest of the code block whose line `start` opens (a `$ ceclog …` line), wherever it is."""
    all_text = text()
    at = all_text.index(start)
    return all_text[all_text.index("\n", at) + 1 : all_text.index("```", at)]
