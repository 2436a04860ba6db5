"""Rules profiles: the shipped ones found by name, a user's own by path; always validated."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ceclog.core.ledger.findings import Finding
from ceclog.core.ledger.models import LoadedRules, Rules
from ceclog.core.ledger.records import NESTED, as_dict
from ceclog.core.ledger.rules_refs import rules_problems
from ceclog.errors import CeclogError, Location, RulesError
from ceclog.store import cache
from ceclog.store.parsing import decode, locate, parse_toml, problems_of, read_limited, several

if TYPE_CHECKING:
    from ceclog.store.reading import Loaded

DEFAULT_RULES = "iicrc"
MAX_RULES_BYTES = 1_000_000


def shipped_dir() -> Path:
    """Where the shipped profiles are (`store.places.shipped_rules`)."""
    from ceclog.store.places import shipped_rules

    return shipped_rules()


def shipped_names() -> list[str]:
    return sorted(p.stem for p in shipped_dir().glob("*.toml"))


def is_path(spec: str) -> bool:
    return "/" in spec or "\\" in spec or spec.endswith(".toml")


def load_rules(spec: str, base: Path | None = None) -> LoadedRules:
    """Load rules by shipped name ("iicrc") or by path (relative to `base`, the folder of the
    ledger that names them)."""
    if is_path(spec):
        path = Path(spec).expanduser()
        if base is not None and not path.is_absolute():
            path = base / path
        return LoadedRules(load_rules_file(path), path, shipped=False)
    path = shipped_dir() / f"{spec}.toml"
    if not path.is_file():
        names = shipped_names()
        import difflib

        close = difflib.get_close_matches(spec, names, n=2)
        raise RulesError(
            f"no rules profile named {spec!r}",
            hint=(f"did you mean {' or '.join(close)}? " if close else "")
            + f"shipped profiles: {', '.join(names)}; or give the path of a rules file",
        )
    return LoadedRules(load_rules_file(path), path, shipped=True)


def rules_named(spec: str, base: Path, seen: dict[str, LoadedRules] | None = None) -> LoadedRules:
    """The rules `spec` names for a ledger in the folder `base`, loaded once per run in `seen`."""
    key = str((base / Path(spec).expanduser()).resolve()) if is_path(spec) else spec
    if seen is not None and key in seen:
        return seen[key]
    found = load_rules(spec, base=base)
    if seen is not None:
        seen[key] = found
    return found


def rules_of(loaded: Loaded, seen: dict[str, LoadedRules] | None = None) -> LoadedRules:
    """The rules a ledger names, a path relative to the ledger's own folder; a name that is not
    found is the ledger's error, at the line of its `rules = ` key.  `seen` keeps the rules
    already loaded in this run, by file (many ledgers of a firm name the same rules)."""
    try:
        return rules_named(loaded.ledger.holder.rules, loaded.path.parent, seen)
    except RulesError as exc:
        if exc.where is None:
            from ceclog.store import tomlscan

            line = tomlscan.line_of(loaded.text, ("holder", "rules"))
            exc.where = Location(loaded.path, line)
        raise


def load_rules_file(path: Path) -> Rules:
    raw = _read(path)
    hit = cache.get("rules", path, raw)
    if hit is not None:
        try:
            return cache.rules_from(hit["rules"])
        except (KeyError, TypeError, ValueError):
            pass
    rules, problems = _validated(raw, path)
    if rules is None:  # an unknown key first: it is often a typo behind a "missing" key
        first = min(problems, key=lambda p: p.code != "unknown-key")
        raised = several(RulesError, first, problems)
        raised.problems = problems
        raise raised
    cache.put("rules", path, raw, rules=as_dict(rules))
    return rules


def check_rules_file(path: Path) -> tuple[Rules | None, list[Finding]]:
    """A rules file's every problem, each at its `file:line` (in line order), and the rules
    when there is none (`ceclog rules check`)."""
    try:
        return _validated(_read(path), path)
    except CeclogError as exc:  # missing, unreadable, not UTF-8, not TOML: one problem
        return None, [Finding(exc.code, exc.message, (), exc.hint, exc.where or Location(path))]


def format_keys() -> dict[str, list[str]]:
    """The keys of the rules format: "" the top level's, else those of a record of the table
    ("kinds", "tracks", "exemptions", "plan")."""
    import dataclasses

    keys = {"": [f.name for f in dataclasses.fields(Rules)]}
    for table, (_shape, record) in NESTED["Rules"].items():
        keys[table] = [f.name for f in dataclasses.fields(record)]
    return keys


def _read(path: Path) -> bytes:
    return read_limited(
        path,
        MAX_RULES_BYTES,
        RulesError,
        what="rules file",
        missing="rules file not found",
        hint="check the path, or use a shipped profile (ceclog rules list)",
    )


def _validated(raw: bytes, path: Path) -> tuple[Rules | None, list[Finding]]:
    """The rules, or every problem: the schema's (types, ranges, unknown and missing keys) and
    the tables' disagreements (a track's code not in [certifications] ...), found even when the
    other kind is there too, each at its line.  Raises RulesError for text that is not TOML."""
    from pydantic import ValidationError

    from ceclog.store import schema

    text = decode(raw, path, RulesError)
    data = parse_toml(text, path, RulesError)
    problems = rules_problems(data, format_keys())
    refs = [Finding("invalid-value", what, loc, hint) for loc, what, hint in problems]
    try:
        return schema.validate(Rules, data), []
    except ValidationError as exc:
        found = problems_of(exc, Rules, text, path, data)
    if refs:  # the record's own check repeats the first of them, without a place; where the
        # tables' check speaks of a key the schema refused too, it says more
        places = {f.path for f in refs}
        found = [f for f in found if (f.path or f.code != "invalid-value") and f.path not in places]
    found += locate(refs, text, path)
    return None, sorted(found, key=lambda f: (f.where.line if f.where else 0) or 0)
