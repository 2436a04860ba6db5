"""`ceclog add --from CERTIFICATE`: read the certificate, show what was read and where, and
have the user confirm (accept, edit a field, or abort) before `add` writes anything.  Without
a terminal nothing is written unless --yes, and then only values read by a label or a phrase
(never a guess, never a low-confidence OCR value, never a letterhead the page does not
confirm), each echoed to stderr."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from ceclog.core.certificates.candidates import Candidate
from ceclog.core.certificates.decided import Certificate
from ceclog.core.certificates.fields import SECOND, read_certificates
from ceclog.core.certificates.registry import ENTRY_FIELDS, REGISTRY, Role
from ceclog.errors import CeclogError, Declined, InputError, UsageError
from ceclog.output import data
from ceclog.output.certificate import as_data, summary, table, where
from ceclog.output.terminal import console
from ceclog.store.certificate import TYPE_IT, load_patterns, read_certificate
from ceclog.store.evidence import Incoming, read_incoming

Values = dict[str, str | None]
Seems = Callable[[Values, str, bool], str | None]  # values, file's SHA-256, holds one only


def interactive() -> bool:
    """A person can answer: stdin is a terminal (tests replace sys.stdin)."""
    return sys.stdin.isatty()


ROW_INDENT = 12  # a table row's continuation lines start under its value


def say(text: str, indent: int | None = None) -> None:
    console(stderr=True).hang(text, indent)


def ask(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:  # end of input: the user left
        raise Declined()
    return line.strip()


def _choose(certs: list[Certificate], pick: int | None, yes: bool, file: Path) -> Certificate:
    if pick is not None:
        if not 1 <= pick <= len(certs):
            raise UsageError(f"--pick takes 1 to {len(certs)}: {file} holds {len(certs)}")
        return certs[pick - 1]
    if len(certs) == 1:
        return certs[0]
    for cert in certs:
        say(f"  {summary(cert)}", ROW_INDENT)
    if yes or not interactive():
        raise InputError(
            f"{file} holds {len(certs)} certificates (above); nothing was written",
            hint="choose one with --pick N, or review them all in one table: "
            "`ceclog add --from FOLDER` with the file in a folder of its own",
        )
    while True:
        answer = ask(f"Which certificate (1-{len(certs)}, q to abort)? ")
        if answer.lower() in ("q", "quit"):
            raise Declined()
        if answer.isdigit() and 1 <= int(answer) <= len(certs):
            return certs[int(answer) - 1]


def _edit(cert: Certificate, values: Values) -> None:
    field = ask(f"Field to change ({', '.join(ENTRY_FIELDS)}): ").lower()
    if field not in ENTRY_FIELDS:
        say(f"no field {field!r}: one of {', '.join(ENTRY_FIELDS)}")
        return
    options: list[str] = []
    shape = REGISTRY[field].shape
    if shape.choices:  # a number typed is the value, not a choice
        read = (r for c in cert.fields[field].candidates for r in (c.readings or (c.value,)))
        options = list(dict.fromkeys(o for o in read if o))
    for n, option in enumerate(options, 1):
        say(f"  {n}) {option}", ROW_INDENT)
    current = values.get(field)
    answer = ask(
        f"{field} [{current or 'empty'}] (a value{', a number above' if options else ''}, "
        "Enter keeps it, - empties it): "
    )
    if not answer:
        return
    if answer == "-":
        values[field] = None
        return
    if answer.isdigit() and options and 1 <= int(answer) <= len(options):
        answer = options[int(answer) - 1]
    try:
        values[field] = shape.typed(answer, field)  # checked as the command line checks it
    except CeclogError as exc:
        say(f"not changed: {exc.message}" + (f"; {exc.hint}" if exc.hint else ""))


def _duplicate(said: str | None) -> bool:
    """Say what the entry repeats (`seems`'s answer), if anything: True when it does."""
    if said is not None:
        say(f"warning: {said}: one class counted twice, unless this is another class")
    return said is not None


def _anyway() -> bool:
    answer = ask("Write it although it looks like a duplicate? [y]es, [n]o: ").lower()
    return answer in ("y", "yes")


# what settles once a numeric date that reads two ways, for every certificate after
TWO_WAYS = (
    "if your certificates write the month first (03/04/2026 is March 4), "
    "`ceclog holder --dates month-first` reads such dates that way from now on"
)


def _two_ways(c: Candidate) -> bool:
    """A date that reads two ways (03/04/2026), which `holder --dates` would settle."""
    return len(c.readings) == 2


def _missing(values: Values) -> list[str]:
    return [f for f in ("title", "date") if not values.get(f)]


def _accepted_without_terminal(cert: Certificate, given: Values) -> Values:
    values: Values = {}
    for field in ENTRY_FIELDS:
        if given.get(field) is not None:
            values[field] = given[field]
            continue
        reading = cert.fields[field]
        chosen = reading.prefill
        if chosen is None:
            if reading.candidates:
                say(f"not taken: {field}: {reading.why}")
            if any(_two_ways(c) for c in reading.candidates):
                say(f"  hint: {TWO_WAYS}")
            continue
        if chosen.low:
            why = "a second OCR reading differs" if SECOND in chosen.notes else ""
            say(
                f"not taken: {field} {chosen.value!r}: {why or 'read by OCR with low confidence'}"
                f" ({where(chosen)}); check it and give --{field}"
            )
            continue
        if chosen.unconfirmed:
            say(
                f"not taken: {field} {chosen.value!r}: {chosen.unconfirmed}; "
                f"check it and give --{field}"
            )
            if _two_ways(chosen):  # read month first as nothing said
                say(f"  hint: {TWO_WAYS}")
            continue
        values[field] = chosen.value
        say(f"read {field}: {chosen.value!r} ({where(chosen)})")
    return values


def no_amount(cert: Certificate) -> str:
    """What to say when no hours and no credits were taken: what was read of each and where
    ("hours: read 14 (page 1, line 4: ...) and 10 (...)"), and the option that gives it."""
    parts: list[str] = []
    options: list[str] = []
    for field, option in (("hours", "--hours H"), ("credits", "--credits C")):
        reading = cert.fields[field]
        read = [c for c in reading.candidates if c.kind != "guess"]
        read = [c for c in read if not c.weak] or read
        read = [c for c in read if not c.elsewhere] or read
        if not read:
            continue
        options.append(option)
        chosen = reading.prefill
        if chosen is not None and chosen.low:
            why = "a second OCR reading differs" if SECOND in chosen.notes else "low OCR confidence"
            parts.append(f"{field}: read {chosen.value} ({where(chosen)}), not taken: {why}")
            continue
        values = list({c.value.casefold(): c for c in read}.values())
        shown = [f"{c.value} ({where(c)})" for c in values]
        said = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
        why = "" if len(shown) > 1 else f": {reading.why or read[0].problem}"
        parts.append(f"{field}: read {said}{why}")
    if not parts:
        return "no hours or credits found on the certificate; give --hours H or --credits C"
    return f"{'; '.join(parts)}; give {' or '.join(options)}"


def _show(heading: str, cert: Certificate, values: Values, given: set[str]) -> None:
    say(heading)
    read = {f: cert.value(f) for f, r in cert.fields.items() if r.role is Role.READ}
    for row in table(cert, {**values, **read}, given):
        say(row, ROW_INDENT)


def read_fields(
    file: Path,
    given: Values,
    holder: str | None,
    today: dt.date,
    *,
    dates: str | None = None,
    yes: bool,
    pick: int | None,
    as_json: bool,
    seems: Seems,
) -> tuple[Values, Incoming, Callable[[], None] | None, str, bool] | None:
    """The entry's fields from `file` once confirmed (None: --json only showed them), the
    file read once, to attach it, what to remember of its school once the entry is written
    (`add_memory`), what to say if no hours or credits were taken (`no_amount`), and whether
    the file holds one certificate.  `holder`: the ledger's holder, whom the attendee should
    be, and `dates` how their certificates write a numeric date (`holder --dates`); `seems`:
    what an entry of these values repeats in the ledger, said (None: nothing), shown before the
    question and asked again on accepting."""
    from ceclog.cli import add_memory

    if as_json and yes:
        raise UsageError("--json with --from only shows what was read; drop --json to write")
    item = read_incoming(file)
    text = read_certificate(item, second=yes)  # a photo's second reading is for --yes
    patterns = load_patterns()
    certs = read_certificates(text.lines, patterns, holder, today, text.second, dates)
    if as_json:
        print(data.dumps(as_data(str(file), "ocr" if text.ocr_pages else "text", certs)))
        return None
    if not certs:
        raise InputError(
            "no course title, date, hours or credits found in it; nothing was written",
            hint=(
                "a photo taken sideways or upside down reads as nothing: turn it upright and "
                "try again; or "
                if text.ocr_pages
                else ""
            )
            + f"type them and attach the file: {TYPE_IT} --evidence {file}",
        )
    cert = _choose(certs, pick, yes, file)
    cert, recalled = add_memory.recall(cert, text.lines, patterns, yes)
    given_set = {f for f in ENTRY_FIELDS if given.get(f) is not None}
    values: Values = {f: given.get(f) or cert.value(f) for f in ENTRY_FIELDS}
    how = "OCR" if text.ocr_pages else "its text"
    many = f" {cert.number} of {len(certs)}" if len(certs) > 1 else ""
    heading = f"{file}: certificate{many}, read from {how} (! check it, ? not used):"
    for warning in cert.warnings:
        say(f"warning: {warning}")
    first = dict(values)
    if yes:
        values = _accepted_without_terminal(cert, given)
    elif not interactive():
        _show(heading, cert, values, given_set)
        _duplicate(seems(values, item.sha256, len(certs) == 1))
        raise InputError(
            "not run in a terminal, so nothing was written",
            hint="check the values above; --yes writes those read by a label or a phrase "
            "(options such as --date win over what was read)",
        )
    else:
        while True:
            _show(heading, cert, values, given_set)
            repeats = _duplicate(seems(values, item.sha256, len(certs) == 1))
            answer = ask("Write this entry? [a]ccept, [e]dit a field, [q]uit: ").lower()
            if answer in ("q", "quit", "abort"):
                raise Declined()
            if answer in ("e", "edit"):
                _edit(cert, values)
            elif answer in ("a", "accept", "y", "yes"):
                missing = _missing(values)
                if not missing and repeats and not _anyway():
                    continue
                if not missing:
                    break
                say(f"give the {' and '.join(missing)} first: e, then the field")
    missing = _missing(values)
    if missing:
        needed = ["--date YYYY-MM-DD" if f == "date" else '"TITLE"' for f in missing]
        raise InputError(
            f"no {' and no '.join(missing)} could be taken from {file}; nothing was written",
            hint=f"give {' and '.join(needed)} on the command line",
        )
    after = None
    if not yes:  # accepted by a person at the terminal
        typed = {f for f in ENTRY_FIELDS if values.get(f) != first.get(f)}
        after = add_memory.learner(cert, text.lines, values, file.name, recalled, typed)
    fields = {f: values.get(f) for f in ENTRY_FIELDS}
    return fields, item, after, no_amount(cert), len(certs) == 1
