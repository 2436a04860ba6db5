"""What may be recorded about certifications, said once: a code the rules know, recorded once;
one earned after today is not held yet; a removed one leaves entries naming it; a renewal
notice's due date already passed judges the cycle that ended then.  `ceclog check`
(`checks.check_certifications`) and the commands that change certifications (`cert add`,
`cert rm`, `holder --cec-due`) use the same functions, so the same words."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ceclog.core.ledger.findings import DataPath, Finding
from ceclog.core.ledger.models import Certification, Ledger, Rules
from ceclog.core.ledger.vocabulary import unknown_code_hint
from ceclog.errors import InputError


def known_code(code: str, rules: Rules) -> str:
    """`code` (already upper case) as the rules know it (an alias: the code it stands for), or
    refused with the closest codes."""
    real = rules.canonical(code)
    if real not in rules.certifications:
        raise InputError(
            f"{real} is not a certification known to the {rules.name} rules",
            hint=unknown_code_hint(real, rules),
        )
    return real


def add_certification(
    ledger: Ledger, rules: Rules, code: str, earned: dt.date
) -> tuple[Ledger, Certification]:
    """The ledger with the certification `code` earned on `earned`: a code the rules know, not
    recorded yet (to change its date, remove it and add it again)."""
    code = known_code(code, rules)
    held = next((x for x in ledger.certifications if x.code == code), None)
    if held is not None:
        raise InputError(
            f"{code} is already recorded (earned {held.earned})",
            hint=f"to change the date: ceclog cert rm {code}, then add it again",
        )
    cert = Certification(code=code, earned=earned)
    return replace(ledger, certifications=[*ledger.certifications, cert]), cert


def future_certification(cert: Certification, today: dt.date, at: DataPath = ()) -> Finding | None:
    """A certification earned after today: not held yet, it changes nothing until then."""
    if cert.earned <= today:
        return None
    message = (
        f"certification {cert.code} is dated {cert.earned}, in the future: it is not held yet "
        "and changes nothing until then"
    )
    return Finding("future-certification", message, (*at, "earned") if at else ())


def left_naming(ledger: Ledger, code: str) -> list[str]:
    """What removing the certification `code` leaves behind: the entries that name it."""
    used = [str(e.id) for e in ledger.entries if code in e.certifications]
    if not used:
        return []
    return [f"entries {', '.join(used)} name {code}, which you no longer hold"]


def notice_passed(due: dt.date | None, today: dt.date) -> list[str]:
    """A renewal notice's due date already passed when it is recorded: ceclog judges the cycle
    that ended then (a notice is more often for a later year)."""
    if due is None or due >= today:
        return []
    return [
        f"the notice's due date {due} has passed: ceclog judges the cycle that ended then; if "
        "the notice gives a later year, record it again"
    ]
