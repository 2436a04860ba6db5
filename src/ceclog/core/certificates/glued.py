"""Two pieces of text a PDF maker printed apart but its text layer runs together: a letterhead
and a field printed at the right margin ("SafeSite Restoration TrainingDate Issued: December
1, 2026").  Parted where a lowercase letter runs into a label's capital.  Pure."""

from __future__ import annotations

import re
import string

from ceclog.core.certificates.lines import GAP, Line, Word
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import label_at

_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps offsets
_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "TrainingDate"


def unglued(line: Line, patterns: Patterns) -> Line:
    """`line` with a column gap where a word runs into a label of a field ("Date Issued:");
    a line read by OCR (its words are as tesseract parted them) is left as it is."""
    if any(w.conf is not None for w in line.words):
        return line
    low = line.text.translate(_LOWER)
    cuts = [
        m.start()
        for m in _JOIN.finditer(line.text)
        if (hit := label_at(low, m.start(), patterns)) is not None
        and hit.label.field
        and not hit.label.cell
    ]
    if not cuts:
        return line
    text = line.text
    for cut in reversed(cuts):
        text = text[:cut] + GAP + text[cut:]
    words = tuple(Word(m.group(0), m.start(), None) for m in re.finditer(r"\S+", text))
    return Line(line.page, line.number, text, words, line.row, line.prose)
