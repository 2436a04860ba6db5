"""The direction controls a text may hold, shown as visible marks in every output.

An embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) reorders the characters after
it until its end: left in a title, it could print "Drying <U+202E>fdp.exe" as "Drying
exe.pdf", or turn the rest of a table's line around.  Such a control is legitimate text in
some languages, so the ledger keeps it (and `--json` gives it as it is); the terminal, the
exports (csv, md, html, pdf, eml), the team page and the calendar show it as `<U+202E>`, which
reorders nothing.  Letters of right-to-left scripts need no control and are shown as they
are."""

from __future__ import annotations

import re

CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` with each direction control as a visible mark, `<U+202E>`."""
    if not CONTROLS.search(text):
        return text
    return CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
