"""`add --from`'s memory of schools, at the command line: read a certificate as its school's
last accepted one was read, learn from the one the user accepts at the terminal (after the
entry is written), and `add --forget SCHOOL`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ceclog.core.certificates import memory
from ceclog.core.certificates.decided import Certificate
from ceclog.core.certificates.lines import Line
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.registry import ENTRY_FIELDS
from ceclog.output.terminal import console
from ceclog.store import school_memory

Values = dict[str, str | None]


def _say(text: str) -> None:
    console(stderr=True).hang(text)


@dataclass(frozen=True)
class Recalled:
    school: memory.School | None  # the remembered school the certificate is from
    filled: Values  # the fields its memory filled, with their values


def recall(
    cert: Certificate, lines: list[Line], patterns: Patterns, yes: bool
) -> tuple[Certificate, Recalled]:
    """The certificate with the fields its school's memory fills (none when unknown)."""
    school = memory.identify(list(school_memory.load().values()), cert, lines)
    if school is None:
        return cert, Recalled(None, {})
    read, filled = memory.recall(school, cert, lines, patterns, yes=yes)
    return read, Recalled(school, {f: read.value(f) for f in filled})


def learner(
    cert: Certificate,
    lines: list[Line],
    values: Values,
    file: str,
    recalled: Recalled,
    typed: set[str],
) -> Callable[[], None] | None:
    """What to remember once the entry is written, when a person accepted `values` at the
    terminal after correcting a field (`typed`: the fields changed at the prompt), or the
    certificate's school is already remembered.
    The school becomes confirmed (--yes takes its values) when every value its memory filled
    was accepted as read."""
    if not typed and recalled.school is None:
        return None
    school = memory.learn(cert, lines, values, file, recalled.school, typed)
    if school is None:
        return None
    unchanged = bool(recalled.filled) and all(
        values.get(f) == v for f, v in recalled.filled.items()
    )
    if unchanged and not school.confirmed:
        school = replace(school, confirmed=True)

    def write() -> None:
        where = school_memory.remember(school)
        kept = [
            f for f in ENTRY_FIELDS if f in school.fields or (f == "provider" and school.provider)
        ]
        known = ", ".join(kept) or "its name"
        _say(
            f"remembered how certificates from {school.name} read ({known}) in {where}; "
            f'ceclog add --forget "{school.name}" drops it'
        )

    return write


def forget(name: str) -> None:
    school, where = school_memory.forget(name)
    _say(f"forgot {school.name} (learned from {school.file} of {school.learned}) in {where}")
