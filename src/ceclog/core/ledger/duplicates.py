"""What is a duplicate, the one rule of `add`, `add --from` (one certificate or many),
`import`, `attach` and `check`, so that no class is counted twice:

- the same class: the same date, title (case and spacing ignored), hours, credits and kind
  (`key_of`, as `import` matches rows).  Two classes on one day, or one title on two days, are
  normal, never duplicates;
- the same certificate: one file (the same SHA-256) attached to both.  A file that holds
  several certificates (`add --from FILE --pick N`) proves several classes, each of its own
  title: when the file is not known to hold one only (`one=False`), a shared file is a
  duplicate only for entries of the same title.

`Duplicates` indexes entries by key and by file once (dicts: a ledger of 10,000 entries is
checked in one pass), then answers for each new or later entry which earlier one it repeats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import Any

from ceclog.core.ledger.models import Entry


def title_key(title: str) -> str:
    """The title with case and spacing ignored."""
    return " ".join(title.casefold().split())


def key_of(entry: Entry) -> tuple[Any, ...]:
    """Equal for the same class: hours and credits compare as numbers (7 and 7.0 are equal,
    and hash alike, as Decimals do)."""
    return (entry.date, title_key(entry.title), entry.hours, entry.credits, entry.kind)


@dataclass(frozen=True)
class Duplicate:
    """The earlier entry `of` a duplicate, and why: `file` names the shared certificate (its
    name as attached to `of`), else the two are the same class."""

    of: Entry
    file: str | None = None

    @property
    def why(self) -> str:
        if self.file is not None:
            return f"the same certificate file, attached to it as {self.file}"
        return "same date, title and amount"


class Duplicates:
    """The entries seen so far, by key and by certificate file."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._by_key: dict[tuple[Any, ...], Entry] = {}
        self._by_file: dict[str, tuple[Entry, str]] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry, key: tuple[Any, ...] | None = None) -> None:
        self._by_key.setdefault(key or key_of(entry), entry)
        for record in entry.evidence:
            self._by_file.setdefault(record.sha256, (entry, record.file))

    def of(
        self,
        entry: Entry,
        files: Iterable[str] = (),
        *,
        one: bool = True,
        key: tuple[Any, ...] | None = None,
    ) -> Duplicate | None:
        """The entry seen that `entry` repeats, by its files' SHA-256 (`files`, besides those it
        records) first, then by its key (`key_of`, when not given); None when none.  `one`:
        each file is known to hold one certificate (else a shared file counts only for an entry
        of the same title)."""
        shared = [*files, *(r.sha256 for r in entry.evidence)] if files or entry.evidence else []
        for sha256 in shared:
            found = self._by_file.get(sha256)
            if found is None or found[0] is entry:
                continue
            other, name = found
            if one or title_key(other.title) == title_key(entry.title):
                return Duplicate(other, name)
        same = self._by_key.get(key or key_of(entry))
        return Duplicate(same) if same is not None and same is not entry else None


def duplicate_of(
    entries: Iterable[Entry], entry: Entry, files: Iterable[str] = (), *, one: bool = True
) -> Duplicate | None:
    """`Duplicates(entries).of(entry, files, one=one)`, indexing only the entries that could
    match (of its date, or with one of its files): `add` and `attach` ask once."""
    shas = {*files, *(r.sha256 for r in entry.evidence)}
    near = (
        e
        for e in entries
        if e.date == entry.date or (e.evidence and any(r.sha256 in shas for r in e.evidence))
    )
    return Duplicates(near).of(entry, files, one=one)


def duplicates_in(entries: Sequence[Entry]) -> list[tuple[int, Entry, Duplicate]]:
    """Each entry (with its index) that repeats an earlier one (`Duplicates.of` with
    `one=False`): a file shared by entries of different titles is taken as one that holds
    several certificates.  `status` runs it on every ledger: the titles (as `title_key` makes
    them), then the dates and titles, and the files are counted first, in loops the
    interpreter runs in C, and only the entries that share a date and title, or a file, are
    compared."""
    titles = _title_keys(entries)
    files = Counter(map(_SHA256, chain.from_iterable(map(_EVIDENCE, entries))))
    shared = {sha256 for sha256, n in files.items() if n > 1} if files else set()
    if len(set(titles)) == len(titles) and not shared:
        return []  # no title twice (then no date and title twice), no file attached twice
    day_titles = list(zip(map(_DATE, entries), titles, strict=True))
    counted = Counter(day_titles)
    if len(counted) == len(day_titles) and not shared:
        return []  # the usual ledger: no date and title twice, no file attached twice
    seen = Duplicates()
    out: list[tuple[int, Entry, Duplicate]] = []
    for i, (entry, day_title) in enumerate(zip(entries, day_titles, strict=True)):
        if counted[day_title] == 1 and not any(r.sha256 in shared for r in entry.evidence):
            continue  # its key and its files are its own: it repeats none, none repeats it
        found = seen.of(entry, one=False)
        if found is not None:
            out.append((i, entry, found))
        seen.add(entry)
    return out


def _title_keys(entries: Sequence[Entry]) -> list[str]:
    """`title_key` of each entry's title: when every title, case folded, is ASCII with one
    space between words and none at either end (checked on them all at once, joined by a
    space: a space at a title's end makes two; no title holds a tab or another control
    character, `text_problem`), that is the folded title; else each is split and joined."""
    folded = list(map(str.casefold, map(_TITLE, entries)))
    every = " ".join(folded)
    if every.isascii() and "  " not in every and every[:1] != " " and every[-1:] != " ":
        return folded
    return list(map(" ".join, map(str.split, folded)))


_DATE, _TITLE = attrgetter("date"), attrgetter("title")
_EVIDENCE, _SHA256 = attrgetter("evidence"), attrgetter("sha256")
