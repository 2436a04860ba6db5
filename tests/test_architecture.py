"""The house keeps its shape: validation does not rewrite the core's records, and every module
stays readable in one sitting (the layers themselves are held by import-linter in .ci/run)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ceclog"
CLI = sorted((SRC / "cli").glob("*.py"))


def test_validating_leaves_the_core_records_untouched() -> None:
    code = (
        "import ceclog.core.ledger.models as m; before = dict(vars(m));"
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
    PDF, TOML writer, workbook reader, image library (Pillow) or Rich: start-up time is a
    feature."""
    code = (
        "import sys; from ceclog.cli import run;"
        "run(['--ledger', 'examples/ledger.toml', '--today', '2026-11-22', 'status']);"
        "print(sorted(m for m in ('pydantic', 'fpdf', 'tomli_w', 'rich', 'typer.rich_utils', "
        "'icalendar', 'pypdf', 'openpyxl', 'PIL') if m in sys.modules), file=sys.stderr)"
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


# Business rules live in the core, each in one function the command line calls (one wording,
# one test).  These were once written again in cli/; each must now be called from there.
RULES_IN_CORE = {
    "ceclog.core.checks.entry_rules": ("written_warnings",),  # not-held, future-entry, planned-past
    "ceclog.core.checks.entries": ("evidence_finding", "entry_warnings"),
    "ceclog.core.checks.certifications": (
        "known_code",
        "add_certification",
        "future_certification",
        "left_naming",
        "notice_passed",
    ),
    "ceclog.core.ledger.fields": ("parse_amount",),  # reconcile --portal
    "ceclog.core.reconcile.compare": ("named_requirement", "recorded_figure", "day_looked"),
    "ceclog.core.reconcile.transcript": ("window",),  # the transcript's period
    "ceclog.core.reports.transcript": ("marked_submitted",),
    "ceclog.core.checks.edits": ("not_submitted",),
    "ceclog.core.schedule.results": ("urgency",),  # --check's exit codes
}
# words of those rules' messages: a command that says them has written the rule again
RULE_WORDS = (
    "a certification you do not hold",
    "you hold no",
    "in the future",
    "after today",
    "before today",
    "was due on",
    "not held yet",
    "has passed",
    "already says the body showed",
    "is not a number",
    "cannot be negative",
    "is not a certification known",
    "is already recorded",
    "which you no longer hold",
    "evidence of entry",
    "name the requirement with",
)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _core_names_used(tree: ast.Module) -> set[tuple[str, str]]:
    """(module, name) of every core function a module imports by name or calls through its
    module (`from ceclog.core import operations` ... `operations.not_submitted`)."""
    used: set[tuple[str, str]] = set()
    modules: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                used.add((node.module, alias.name))
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        value = node.value if isinstance(node, ast.Attribute) else None
        if isinstance(node, ast.Attribute) and isinstance(value, ast.Name) and value.id in modules:
            used.add((modules[value.id], node.attr))
    return used


def test_the_command_line_calls_the_rules_the_core_holds() -> None:
    used = set().union(*(_core_names_used(_tree(p)) for p in CLI))
    missing = [
        f"{module}.{name}"
        for module, names in RULES_IN_CORE.items()
        for name in names
        if (module, name) not in used
    ]
    assert missing == []


def _strings(tree: ast.Module) -> list[tuple[int, str]]:
    """Every string a module says (f-strings' literal parts too), docstrings aside."""
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def test_no_command_says_a_rule_s_words() -> None:
    """A command that writes one of these messages itself has re-implemented the rule (the
    duplicated `not-held`, `future-entry`, `planned-past`, notice and --portal checks that
    were here did); it calls the core function and prints what that returns."""
    said = [
        f"cli/{p.name}:{line}: {words!r}"
        for p in CLI
        for line, text in _strings(_tree(p))
        for words in RULE_WORDS
        if words in text.lower()
    ]
    assert said == []


def _today_compared(tree: ast.Module) -> list[int]:
    """Lines comparing something with `today` (or `c.today`): a decision about dates."""

    def is_today(node: ast.AST) -> bool:
        return any(
            (isinstance(n, ast.Name) and n.id == "today")
            or (isinstance(n, ast.Attribute) and n.attr == "today")
            for n in ast.walk(node)
        )

    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare) and any(map(is_today, [node.left, *node.comparators]))
    ]


def test_no_command_decides_by_comparing_dates_with_today() -> None:
    """What is in the future, past or due is the core's to decide, and no number is parsed or
    requirement chosen by pool in cli/: `Decimal(...)` and `rules.pool` stay in the core."""
    found = [
        f"cli/{p.name}:{n}: compared with today" for p in CLI for n in _today_compared(_tree(p))
    ]
    for p in CLI:
        for node in ast.walk(_tree(p)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Decimal":
                found.append(f"cli/{p.name}:{node.lineno}: Decimal(...)")
            if isinstance(node, ast.Attribute) and node.attr == "pool":
                found.append(f"cli/{p.name}:{node.lineno}: .pool")
    assert found == []
