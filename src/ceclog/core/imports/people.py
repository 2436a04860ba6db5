"""People as spreadsheets write them: whether a name in a crew sheet's "Technician" column (or
a sheet named after a technician) is a ledger's holder, and the name and file of a new ledger.

A name is compared with case, spacing, punctuation and accents ignored, and "Last, First" read
as "First Last": "SMITH,  Jane", "Jane Smith" and "Jàne Smith" are one person; "Jane Q. Smith"
and "J. Smith" are not Jane Smith (a middle name or an initial is a difference: two people of
one firm may share first and last names).  A registrant ID is compared with spacing and
punctuation ignored."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Words that name a sheet's content, not a person: a sheet so named is no technician's.
_SHEET_WORDS = (
    "sheet sheets hoja hojas feuil feuille tabelle blad foglio summary total totals log logs "
    "crew team staff classes class courses course training trainings cec cecs ceu ceus credits "
    "data list all archive old new template notes history record records import export "
    "resumen registro datos"
)
NOT_NAMES = frozenset(_SHEET_WORDS.split())


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _folded(text))


def tidy(name: str) -> str:
    """A name as a person writes it: "Last, First" as "First Last", one space between words."""
    parts = name.split(",")
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        name = f"{parts[1]} {parts[0]}"
    return " ".join(name.split())


def name_key(name: str) -> tuple[str, ...]:
    """What two spellings of one name have in common: its words, folded, in reading order."""
    return tuple(_words(tidy(name)))


def id_key(text: str) -> str:
    return "".join(_words(text))


def is_holder(written: str, name: str, registrant_id: str | None) -> bool:
    """Whether `written` (a cell, a sheet's name) names the holder `name` or their ID."""
    key = name_key(written)
    if key and key == name_key(name):
        return True
    if registrant_id is None or not id_key(registrant_id):
        return False
    return id_key(written) == id_key(registrant_id)


def holders_named(written: str, holders: Sequence[tuple[str, str | None]]) -> list[int]:
    """The indexes of the holders (name, registrant ID) that `written` names."""
    return [i for i, (name, rid) in enumerate(holders) if is_holder(written, name, rid)]


def looks_like_id(written: str) -> bool:
    """A registrant ID rather than a name: digits and no letter."""
    return any(c.isdigit() for c in written) and not any(c.isalpha() for c in written)


def looks_like_name(text: str) -> bool:
    """Whether a sheet's name is a person's: two words or more, letters only (and the marks
    of a name: `.`, `'`, `-`, `,`), none of them a word that names a sheet's content
    ("Sheet1", "Summary", "Training log", "2024" are not)."""
    if re.search(r"[^\w\s.,'\u2019-]|[\d_]", text):
        return False
    words = _words(text)
    return len(words) >= 2 and not NOT_NAMES & set(words)


def file_stem(name: str) -> str:
    """The file name (without `.toml`) of a new ledger for `name`: "Jane Smith" and "Smith,
    Jane" give `jane-smith`; a name with no letter or digit gives `technician`."""
    return "-".join(_words(tidy(name)))[:60].strip("-") or "technician"


def closest(written: str, holders: Sequence[tuple[str, str | None]]) -> int | None:
    """The index of the holder whose name is nearest `written` (a typo), if one is near."""
    import difflib

    keys = [" ".join(name_key(name)) for name, _ in holders]
    found = difflib.get_close_matches(" ".join(name_key(written)), keys, n=1, cutoff=0.8)
    return keys.index(found[0]) if found else None
