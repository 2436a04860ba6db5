"""Where ceclog's own files live: the user's data folder (the default ledger, the memory of
schools) and the shipped rules profiles.  Standard library only (`store.platform` finds the
user's folders), so that a TAB's completion can ask it without loading the store."""

from __future__ import annotations

from pathlib import Path


def user_data(name: str) -> Path:
    """`name` in the user's data folder for ceclog (ledger.toml, schools.toml)."""
    from ceclog.store.platform import user_folder  # standard library only

    return user_folder("data", "ceclog") / name


def default_ledger() -> Path:
    """The ledger when neither --ledger nor $CECLOG_LEDGER names one."""
    return user_data("ledger.toml")


def shipped_rules() -> Path:
    """Where the shipped profiles are: inside the installed package, or the repository's
    `rules/` folder when running from a source checkout (editable install)."""
    packaged = Path(__file__).resolve().parents[1] / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"
