"""Values given as text (on the command line) and the rules they must meet before they become
part of the ledger: dates, hours and credits, texts, and an entry's fields checked against the
rules profile.  The same limits the file schema applies (`models`), so a value accepted here
always reads back; every refusal is an `InputError` that says what to write instead."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ceclog.core.ledger.models import (
    LAST_DAY,
    MAX_HOURS,
    MAX_NOTES,
    MAX_TEXT,
    NAME_RE,
    Entry,
    Rules,
)
from ceclog.core.ledger.vocabulary import unknown_code_hint
from ceclog.errors import InputError, UsageError


def parse_year(text: str | None, what: str) -> int | None:
    """A calendar year (2000-2200) from the command line, or a clear usage error."""
    if text is None:
        return None
    value = text.strip()
    if not re.fullmatch(r"\d{4}", value) or not 2000 <= int(value) <= 2200:
        raise UsageError(f"{what} takes a year such as 2027, not {text!r}")
    return int(value)


def parse_date(text: str, what: str) -> dt.date:
    """A YYYY-MM-DD date from the command line, or a clear error."""
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        pass
    else:
        if day > LAST_DAY:
            raise InputError(
                f"{what} {text!r} is after {LAST_DAY}, the last date ceclog computes with (a "
                "cycle from it would run past the year 9999)",
                hint="give a date before the year 9990",
            )
        return day
    try:
        year, month, _ = (int(p) for p in value.split("-"))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and 1 <= month <= 12:
            import calendar

            days = calendar.monthrange(year, month)[1]
            raise InputError(
                f"{what} {text!r} is not a real date: "
                f"{calendar.month_name[month]} {year} has {days} days"
            )
    except (ValueError, TypeError):
        pass
    raise InputError(f"{what} {text!r} is not a date", hint="write dates as YYYY-MM-DD")


def parse_amount(text: str, what: str, places: int | None = 2) -> Decimal:
    """Hours or credits from the command line: a plain non-negative decimal number (with at
    most `places` decimals; None: any, as a body's account may show)."""
    try:
        value = Decimal(text.strip())
    except ArithmeticError:
        raise InputError(f"{what} {text!r} is not a number", hint="for example 3.5") from None
    if not value.is_finite():
        raise InputError(f"{what} must be a finite number, got {text!r}")
    if value < 0:
        raise InputError(f"{what} cannot be negative, got {text}")
    if value > MAX_HOURS:
        raise InputError(f"{what} {text} is more than {MAX_HOURS}: is it a typo?")
    if places is not None and value != value.quantize(Decimal(1).scaleb(-places)):
        raise InputError(f"{what} {text}: use at most {places} decimals")
    return value.normalize() if value == value.to_integral() else value


def check_text(value: str | None, what: str, *, lines: bool = False) -> str | None:
    """A name, title, provider...: the same rules as in the ledger file (`core.ledger.text`: not
    empty or invisible, not too long, one line, no control characters, no lone surrogates
    from undecodable bytes).  `lines`: a note, longer and of several lines."""
    if value is None:
        return None
    from ceclog.core.ledger.text import text_problem  # its patterns: only when text is given

    problem = text_problem(value, MAX_NOTES if lines else MAX_TEXT, lines=lines)
    if problem and "surrogates" in problem:
        raise InputError(
            f"{what} contains bytes that are not valid text in your locale",
            hint="use UTF-8 text",
        )
    if problem:
        raise InputError(f"{what} {problem}")
    return value


def check_email(value: str | None, what: str) -> str | None:
    """An email address (`holder --email`, `init --email`), as the ledger file's schema
    checks it."""
    if value is None:
        return None
    value = check_text(value.strip(), what)
    from ceclog.core.ledger.text import email_problem

    problem = email_problem(value or "")
    if problem:
        raise InputError(f"{what} {value!r} {problem}")
    return value


def entry_fields(
    rules: Rules,
    *,
    date: str | None,
    hours: str | None,
    credits: str | None,
    kind: str | None,
    provider: str | None,
    approval: str | None,
    certs: list[str] | None,
    topics: list[str] | None,
    note: str | None,
) -> dict[str, Any]:
    """Entry fields given as text (on the command line), parsed and checked against the rules:
    the same limits the file schema applies, and the rules' kinds and codes.  Hours and
    credits may both be given (a certificate stating both): the credits count (docs/numbers.md)."""
    out: dict[str, Any] = {}
    if date is not None:
        out["date"] = parse_date(date, "--date")
    if hours is not None:
        out["hours"] = parse_amount(hours, "--hours")
    if credits is not None:
        out["credits"] = parse_amount(credits, "--credits")
    if kind is not None:
        kind = kind.strip().lower()
        if kind not in rules.kinds:
            from ceclog.core.ledger.vocabulary import kind_hint  # a sheet's words: imported late

            hint = kind_hint(kind, tuple(rules.kinds))
            raise InputError(
                f"{kind!r} is not a kind of activity in the {rules.name} rules",
                hint=(hint + " " if hint else "") + f"kinds: {', '.join(rules.kinds)}",
            )
        out["kind"] = kind
    for key, value, what in (
        ("provider", provider, "--provider"),
        ("approval", approval, "--approval"),
        ("notes", note, "--note"),
    ):
        if value is not None:
            out[key] = check_text(value, what, lines=key == "notes")
    if certs is not None:
        codes = []
        for code in certs:
            code = rules.canonical(code.strip().upper())
            if code not in rules.certifications:
                raise InputError(
                    f"{code} is not a certification known to the {rules.name} rules",
                    hint=unknown_code_hint(code, rules),
                )
            if code not in codes:
                codes.append(code)
        out["certifications"] = codes
    if topics is not None:
        names = []
        for topic in topics:
            name = topic.strip().lower().replace(" ", "-")
            if not NAME_RE.match(name):
                raise InputError(
                    f"topic {topic!r}: use up to 40 lower-case letters, digits, '-' and '_'"
                )
            if name not in names:
                names.append(name)
        out["topics"] = names
    return out


def parse_topic_hours(
    values: list[str],
    what: str = "--topic-hours",
    amount: Callable[[str, str], Any] = parse_amount,
) -> dict[str, Any]:
    """`--topic-hours water=4` (repeated) as {topic: hours}: an entry's hours split between its
    topics.  A topic given twice is an error.  `what` names the source in messages (an import
    gives its column), `amount` reads a number (an import's knows its decimal mark)."""
    out: dict[str, Any] = {}
    for value in values:
        topic, sep, number = value.partition("=")
        name = topic.strip().lower().replace(" ", "-")
        if not sep or not NAME_RE.match(name):
            raise InputError(
                f"{what} {value!r}: write TOPIC=HOURS, like water=4 (a topic of up to "
                "40 lower-case letters, digits, '-' and '_')"
            )
        if name in out:
            raise InputError(f"{what}: {name} is given twice")
        out[name] = amount(number.strip(), what)
    return out


def parse_month_day(text: str, what: str) -> str:
    """A day of the year, "MM-DD", that exists in some year: 02-29 is accepted (in other years
    the last day of February stands for it)."""
    import calendar

    value = text.strip()
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", value)
    month, day = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if not 1 <= month <= 12:
        raise InputError(
            f"{what} {text!r} is not a day of the year", hint='write it MM-DD, like "03-01"'
        )
    days = calendar.monthrange(2024, month)[1]  # a leap year: 02-29 exists
    if not 1 <= day <= days:
        raise InputError(
            f"{what} {text!r}: {calendar.month_name[month]} has {days} days",
            hint=f'write it MM-DD, like "{month:02d}-{days:02d}"',
        )
    return f"{month:02d}-{day:02d}"


def holder_fields(
    *,
    name: str | None,
    registrant_id: str | None,
    email: str | None,
    rules: str | None,
    cec_due: str | None,
    today: dt.date,
    fee_due: str | None = None,
    tracking_since: str | None = None,
    dates: str | None = None,
) -> dict[str, Any]:
    """The holder's fields given as text, checked; a renewal notice's due date records today as
    the day it was noted (`none` clears both).  The tracking start is the day from which the
    holder vouches the ledger holds every class: cycles that ended before it are not judged, so
    it can be no later than today."""
    out: dict[str, Any] = {}
    for key, value, what in (
        ("name", name, "--name"),
        ("registrant_id", registrant_id, "--registrant-id"),
        ("rules", rules, "--rules"),
    ):
        if value is not None:
            out[key] = check_text(value, what)
    if email is not None:
        out["email"] = check_email(email, "--email")
    if cec_due is not None:
        none = cec_due.strip().lower() in ("none", "")
        out["cec_due"] = None if none else parse_date(cec_due, "--cec-due")
        out["cec_due_noted"] = None if none else today
    if fee_due is not None:
        none = fee_due.strip().lower() in ("none", "")
        out["fee_due"] = None if none else parse_month_day(fee_due, "--fee-due")
    if dates is not None:
        out["dates"] = _date_order(dates)
    if tracking_since is not None:
        since = parse_date(tracking_since, "--tracking-since")
        if since > today:
            raise InputError(
                f"--tracking-since {since} is after today ({today})",
                hint="give the first day from which the ledger holds every class you took",
            )
        out["tracking_since"] = since
    return out


DATE_ORDERS = ("month-first", "day-first")


def _date_order(text: str) -> str | None:
    """How the holder's certificates write a numeric date: `month-first`, `day-first`, or
    `none` (each such date is asked)."""
    word = text.strip().lower().replace("_", "-").replace(" ", "-")
    if word in ("none", ""):
        return None
    if word not in DATE_ORDERS:
        raise InputError(
            f"--dates {text!r} is no way of writing dates",
            hint="give month-first (03/04/2026 is March 4), day-first (it is 3 April) or none",
        )
    return word


def check_dates(entry: Entry, today: dt.date) -> None:
    """Dates keep their order: class <= submitted <= posted <= today."""
    if entry.planned and (entry.submitted or entry.posted):
        raise InputError(
            f"entry {entry.id} is planned: it cannot be submitted or posted",
            hint=f"once you took it: ceclog edit {entry.id} --completed",
        )
    for what, day in (("posted", entry.posted), ("submitted", entry.submitted)):
        if day is None:
            continue
        if day < entry.date:
            raise InputError(
                f"entry {entry.id} would be {what} on {day}, before the class ({entry.date})",
                hint="a class is submitted and posted on or after its date",
            )
        if day > today:
            raise InputError(
                f"entry {entry.id} would be {what} on {day}, after today ({today})",
                hint="record it on the day it happens",
            )
    if entry.submitted and entry.posted and entry.posted < entry.submitted:
        raise InputError(
            f"entry {entry.id} would be posted on {entry.posted}, before it was submitted "
            f"({entry.submitted})"
        )
