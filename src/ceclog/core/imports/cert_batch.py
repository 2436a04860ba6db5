"""Many certificates at once (`add --from *.pdf`, or a folder): each certificate read is a row
of one review, written only when complete and no entry of the ledger is the same class.  A row
is held back, with why, when a field is missing (a title, a date, hours or credits), when the
ledger has an entry it repeats (a duplicate, by `ledger.duplicates`: the same class, as
`import` matches it, or its certificate file already attached), of the same date and title
or the same date and amount (alike: say so by adding it alone), or
when an earlier row is the same class (the certificate given twice)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ceclog.core.imports.match import same_day_amount
from ceclog.core.ledger.duplicates import Duplicates, key_of, title_key
from ceclog.core.ledger.models import Entry, Ledger


@dataclass(frozen=True)
class BatchRow:
    file: str
    number: int  # the certificate in its file (1 when it holds one)
    values: dict[str, str | None]  # what was read, by field
    entry: Entry | None  # the entry it makes, when complete (id 0: given at the write)
    missing: tuple[str, ...] = ()
    problem: str | None = None  # why the file or its values cannot make an entry
    sha256: str | None = None  # the file's, to find it already attached
    several: bool = False  # the file holds several certificates


@dataclass(frozen=True)
class Reviewed:
    row: BatchRow
    duplicate_of: int | None = None  # the ledger's entry it repeats
    shared_file: bool = False  # a duplicate by its certificate file, already attached
    like: int | None = None  # the ledger's entry of the same date and title, or amount
    repeat_of: int | None = None  # an earlier row (1-based) of the same class
    notes: tuple[str, ...] = field(default=())

    @property
    def why_not(self) -> str | None:
        """Why the row is not written (None: it is)."""
        if self.row.problem is not None:
            return self.row.problem
        if self.row.missing:
            return f"no {' and no '.join(self.row.missing)}"
        if self.duplicate_of is not None:
            how = " (the same certificate file)" if self.shared_file else ""
            return f"duplicate of entry {self.duplicate_of}{how}"
        if self.repeat_of is not None:
            return f"the same class as row {self.repeat_of}"
        if self.like is not None:
            return f"like entry {self.like} (same date; add it alone if it is another class)"
        return None


def review(ledger: Ledger, rows: list[BatchRow]) -> list[Reviewed]:
    """Each row with what holds it back, matched as `import` matches rows."""
    known = Duplicates(ledger.entries)
    by_day_title: dict[tuple[object, ...], Entry] = {}
    for entry in ledger.entries:
        by_day_title.setdefault((entry.date, title_key(entry.title)), entry)
    seen: dict[tuple[object, ...], int] = {}
    out: list[Reviewed] = []
    for n, row in enumerate(rows, 1):
        if row.entry is None:
            out.append(Reviewed(row))
            continue
        key = key_of(row.entry)
        files = [row.sha256] if row.sha256 else []
        same = known.of(row.entry, files, one=not row.several)
        alike = by_day_title.get(key[:2]) or same_day_amount(row.entry, ledger.entries)
        out.append(
            Reviewed(
                row,
                duplicate_of=same.of.id if same is not None else None,
                shared_file=same is not None and same.file is not None,
                like=alike.id if same is None and alike is not None else None,
                repeat_of=seen.get(key),
            )
        )
        seen.setdefault(key, n)
    return out
