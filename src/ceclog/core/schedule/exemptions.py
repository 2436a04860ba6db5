"""Exemptions (docs/numbers.md, state `exempt`): the rules name the exemptions a body allows
(`[exemptions.NAME]`: Florida exempts a licensee who has held the licence continuously for 10
years without discipline, from 1 July 2024; ACAC's emeritus status), the holder records one
with the fact it rests on (`[[exemptions]]` in the ledger: `ceclog holder --exempt`), and while
it is in force the requirement owes no deadline.  Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from ceclog.core.ledger.findings import Finding
from ceclog.core.ledger.models import Exemption, Ledger, Rules
from ceclog.core.schedule.cycles import Holding, add_months, holdings_of


class Exempt(NamedTuple):
    """An exemption in force: which, what the rules say of it, and what the holder recorded."""

    name: str
    description: str
    source: str | None
    fact: str
    since: dt.date  # in force from this day

    def words(self) -> str:
        source = f"; {self.source}" if self.source else ""
        return (
            f"exempt since {self.since} ({self.name}: {self.description}{source}); you recorded: "
            f"{self.fact}"
        )


def in_force_from(
    record: Exemption, rules: Rules, holdings: Sequence[Holding]
) -> tuple[dt.date | None, str | None]:
    """The day `record` is in force from, or None and why not (an exemption the rules do not
    allow; a certification not yet held long enough)."""
    rule = rules.exemptions.get(record.name)
    if rule is None:
        allowed = ", ".join(rules.exemptions) or "none"
        return None, (
            f"the {rules.name} rules allow no exemption {record.name!r} (they allow: {allowed})"
        )
    days = [record.since, *([rule.since] if rule.since else [])]
    if rule.held_years:  # every certification the requirement covers, each that long
        held = [h for h in holdings if h.ended is None]
        if not held:
            return None, f"{record.name} needs a certification held, and none is"
        days += [add_months(h.earned, 12 * rule.held_years) for h in held]
    return max(days), None


def exempt(
    ledger: Ledger, rules: Rules, codes: Sequence[str], holdings: Sequence[Holding], today: dt.date
) -> Exempt | None:
    """The exemption in force today for the requirement covering `codes`, if any."""
    for record in ledger.exemptions:
        if record.cert is not None and record.cert not in codes:
            continue
        since, _why = in_force_from(record, rules, holdings)
        if since is not None and since <= today:
            rule = rules.exemptions[record.name]
            return Exempt(record.name, rule.description, rule.source, record.fact, since)
    return None


def check_exemptions(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    """An exemption the rules do not allow is an error; one not in force yet (10 years not
    reached) is a warning naming the day it will be."""
    out: list[Finding] = []
    for i, record in enumerate(ledger.exemptions):
        at = ("exemptions", i)
        codes = [record.cert] if record.cert else ledger.held_codes()
        holdings = [h for h in holdings_of(ledger.certifications, rules, today) if h.code in codes]
        since, why = in_force_from(record, rules, holdings)
        if why is not None:
            code = (
                "unknown-exemption" if record.name not in rules.exemptions else "exemption-not-yet"
            )
            hint = "remove it: ceclog holder --exempt none" if code == "unknown-exemption" else None
            out.append(Finding(code, f"exemption {record.name}: {why}", (*at, "name"), hint))
        elif since is not None and since > today:
            message = f"exemption {record.name} is in force only from {since}: until then, you owe"
            out.append(Finding("exemption-not-yet", message + " the requirement", (*at, "since")))
    return out
