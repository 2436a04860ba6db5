"""The names of files ceclog makes (certificates in evidence/, a team's new ledgers), valid on
every system a shared folder may be opened from.  Windows refuses the characters `<>:"/\\|?*`
and control characters, a name that ends in a dot or a space, and the device names CON, PRN,
AUX, NUL, COM0-9 and LPT0-9 (with any extension: `con.toml`, `nul.pdf`); Windows and macOS do
not tell apart names that differ only in case (`Cert.pdf`, `cert.pdf`) or Unicode form."""

from __future__ import annotations

import re

FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_NUMBERED = (*"0123456789", "\u00b9", "\u00b2", "\u00b3")  # Windows counts COM¹ as COM1
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in _NUMBERED)}
)


def portable(name: str, fallback: str = "file") -> str:
    """`name` as a file name valid on Linux, macOS and Windows: each forbidden character a
    `-`, no dot or space at the end, `_` after a device name (`con_.toml`), `fallback` for
    nothing left."""
    name = FORBIDDEN.sub("-", name).rstrip(". ") or fallback
    base, dot, rest = name.partition(".")
    if base.rstrip(" ").lower() in RESERVED:
        name = f"{base}_{dot}{rest}"
    return name


def same(name: str) -> str:
    """What Windows and macOS compare of a name: two names with one `same` are one file there."""
    import unicodedata

    return unicodedata.normalize("NFC", name).casefold()
