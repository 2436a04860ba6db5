"""The house keeps its shape: validation does not rewrite the core's records, and every module
stays readable in one sitting (the layers themselves are held by import-linter in .ci/run)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ceclog"


def test_validating_leaves_the_core_records_untouched() -> None:
    code = (
        "import ceclog.core.models as m; before = dict(vars(m));"
        "import ceclog.store.schema as s; s.adapter(m.Ledger); s.adapter(m.Rules);"
        "changed = sorted(k for k in vars(m) if vars(m)[k] is not before.get(k));"
        "print(changed, hasattr(m.Ledger, '__pydantic_config__'), hasattr(m, 'Text'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] False False"


def _docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def test_a_module_over_400_lines_says_why_in_its_docstring() -> None:
    """Modules stay under ~400 lines, split by meaning; one that truly belongs together may be
    longer if its docstring says why (`Kept whole: ...`), and none passes 600."""
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in SRC.rglob("*.py")}
    unexplained = {
        str(p.relative_to(SRC)): n
        for p, n in sizes.items()
        if n > 400 and "Kept whole:" not in _docstring(p)
    }
    assert unexplained == {}
    assert {str(p.relative_to(SRC)): n for p, n in sizes.items() if n > 600} == {}


def test_no_line_is_kept_from_the_formatter() -> None:
    """`# fmt: skip` (or `fmt: off`) was used to pack several statements' worth of arguments
    into a few lines, hiding a module's real length: the formatter lays out every line."""
    marked = [
        f"{p.relative_to(SRC)}:{n}"
        for p in sorted(SRC.rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if "fmt: skip" in line or "fmt: off" in line
    ]
    assert marked == []


def test_status_does_not_import_what_it_does_not_need(tmp_path: Path) -> None:
    """Once the ledger's parse is cached, `status` in a pipe needs no validation (Pydantic),
    PDF, TOML writer, workbook reader or Rich: start-up time is a feature."""
    code = (
        "import sys; from ceclog.cli import run;"
        "run(['--ledger', 'examples/ledger.toml', '--today', '2026-11-22', 'status']);"
        "print(sorted(m for m in ('pydantic', 'fpdf', 'tomli_w', 'rich', 'typer.rich_utils', "
        "'icalendar', 'pypdf', 'openpyxl') if m in sys.modules), file=sys.stderr)"
    )
    env = {"PATH": "", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # the first run validates the ledger and caches it
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=SRC.parents[2],
            env=env,
        )
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr
