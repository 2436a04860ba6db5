"""What `ceclog add --from` read on a certificate: every candidate value with where it came
from (page, line, the words) and how it was found, what is prefilled, and why not; as lines for
the terminal and as the `--json` document."""

from __future__ import annotations

from typing import Any

from ceclog.core.certificates.candidates import Candidate
from ceclog.core.certificates.decided import Certificate
from ceclog.core.certificates.registry import Role


def where(c: Candidate) -> str:
    conf = f", OCR confidence {c.confidence:.0f}" if c.confidence is not None else ""
    return f"page {c.page}, line {c.line}: {c.how}{conf}"


def summary(cert: Certificate) -> str:
    """One line naming a certificate, for choosing among several (--pick)."""
    parts = [cert.value(f) or "?" for f in ("date", "title")]
    pages = ", ".join(map(str, cert.pages))
    return f"{cert.number}: {parts[0]}  {parts[1]}  (page {pages})"


def table(cert: Certificate, chosen: dict[str, str | None], given: set[str]) -> list[str]:
    """Each field: the value that will be written (`given`: from the command line), then every
    value read for it with where and how; `!` marks an OCR value of low confidence or one for
    the user to confirm (a letterhead the page does not confirm), `?` one not used (a guess,
    a conflict, a date that reads two ways, an issue or expiry date)."""
    out: list[str] = []
    for field, reading in cert.fields.items():
        value = chosen.get(field)
        if field in given:
            out.append(f"  {field:<9} {value}   (from the command line)")
        elif value is not None and reading.role is not Role.SHOWN:
            out.append(f"  {field:<9} {value}")
        elif reading.candidates:
            out.append(f"  {field:<9} (not filled: {reading.why or 'nothing read'})")
        elif reading.role is Role.ENTRY:  # every field of the entry is accounted for
            out.append(f"  {field:<9} (nothing read)")
        for c in reading.candidates:
            used = field not in given and value is not None and c.value == value
            mark = "!" if c.low or (used and c.unconfirmed) else (" " if used else "?")
            text = f" {c.value!r}" if not used else ""
            read = f", as {c.text!r}" if c.text != c.value else ""
            notes = "".join(f"; {n}" for n in c.notes)
            problem = f"; {c.problem}" if c.problem and field not in given else ""
            check = "; not confirmed: check it" if c.unconfirmed else ""
            out.append(f"          {mark}{text} {where(c)}{read}{notes}{check}{problem}")
    return out


def candidate(c: Candidate) -> dict[str, Any]:
    return {
        "value": c.value,
        "text": c.text,
        "how": c.how,
        "kind": c.kind,
        "page": c.page,
        "line": c.line,
        "words": list(c.words),
        "confidence": c.confidence,
        "low_confidence": c.low,
        "unconfirmed": c.unconfirmed,
        "notes": list(c.notes),
        "problem": c.problem,
        "readings": list(c.readings),
    }


def as_data(file: str, read: str, certs: list[Certificate]) -> dict[str, Any]:
    """The `--json` document of `add --from` (nothing is written with --json)."""
    return {
        "file": file,
        "read": read,
        "certificates": [
            {
                "number": cert.number,
                "pages": list(cert.pages),
                "warnings": list(cert.warnings),
                "fields": {
                    f: {
                        "prefilled": cert.value(f),
                        "why_not": reading.why,
                        "candidates": [candidate(c) for c in reading.candidates],
                    }
                    for f, reading in cert.fields.items()
                },
            }
            for cert in certs
        ],
    }
