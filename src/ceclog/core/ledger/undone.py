"""What `ceclog undo` takes back when the ledger it replaces does not parse (a hand edit gone
wrong): the backup is the version before the last change ceclog made, so that change goes too.
The broken text's records (its entry IDs and certification codes, read line by line by the
store) are compared with the backup's, to say which records come back and which go."""

from __future__ import annotations

from collections.abc import Collection

from ceclog.core.ledger.models import Ledger


def _ids(ids: Collection[int], verb: str) -> list[str]:
    """["entry 5 is back"], ["entries 5, 7 are back"], or none."""
    if not ids:
        return []
    many = len(ids) > 1
    listed = ", ".join(map(str, sorted(ids)))
    return [f"{'entries' if many else 'entry'} {listed} {'are' if many else 'is'} {verb}"]


def taken_back(restored: Ledger, entry_ids: Collection[int], codes: Collection[str]) -> str:
    """One line: what restoring `restored` over the broken text (which had `entry_ids` and
    certification `codes`) takes back, besides the broken edit itself."""
    back_ids = {e.id for e in restored.entries} - set(entry_ids)
    gone_ids = set(entry_ids) - {e.id for e in restored.entries}
    held = {c.code for c in restored.certifications}
    back_codes, gone_codes = held - set(codes), set(codes) - held
    parts = _ids(back_ids, "back") + _ids(gone_ids, "gone")
    parts += [f"certification {c} is back" for c in sorted(back_codes)]
    parts += [f"certification {c} is gone" for c in sorted(gone_codes)]
    said = "; ".join(parts) if parts else "no entry or certification comes or goes"
    return (
        "this also takes back the last change ceclog made before the broken edit (the backup is "
        f"the version before it): {said}"
    )
