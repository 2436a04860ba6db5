"""A draft email (RFC 5322) that submits entries to the certifying body: a plain-text summary,
the transcript and every certificate attached.  Built with the standard library's `email`
package; no user string can reach a header unsanitised."""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from ceclog.core.ledger.words import listing, plural
from ceclog.core.reports.transcript import Transcript
from ceclog.core.schedule.credits import fmt
from ceclog.errors import InputError
from ceclog.output import bidi
from ceclog.output.document import IN_PROGRESS, requirement_view

WARN_BYTES = 20 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes

    @property
    def mimetype(self) -> tuple[str, str]:
        guessed, _ = mimetypes.guess_type(self.filename)
        main, _, sub = (guessed or "application/octet-stream").partition("/")
        return main, sub


def one_line(text: str) -> str:
    """A user string made safe for a header or a one-line summary: control characters and
    line breaks become spaces."""
    return bidi.shown(_CONTROL.sub(" ", text)).strip()


def address(text: str, what: str) -> Address:
    """One email address, or a clear error (a list, a name or a header trick is refused)."""
    value = text.strip()
    if not value or _CONTROL.search(value) or any(c in value for c in ' ,;<>"()'):
        raise InputError(f"{what} {text!r} is not a single email address")
    try:
        parsed = Address(addr_spec=value)
    except (ValueError, IndexError):
        raise InputError(f"{what} {text!r} is not a valid email address") from None
    if not parsed.domain or "." not in parsed.domain:
        raise InputError(f"{what} {text!r} is not a valid email address")
    return parsed


def _attached(t: Transcript) -> str:
    """What the email attaches, in words: the transcript, and the certificates if any."""
    certificates = sum(len(row.entry.evidence) for row in t.rows)
    if not certificates:
        return "transcript"
    return f"transcript and {plural(certificates, 'certificate')}"


def _body(t: Transcript, attachments: list[Attachment]) -> str:
    h = t.ledger.holder
    units = t.rules.units
    lines = [
        "Hello,",
        "",
        f"Please find attached the continuing-education {_attached(t)} of:",
        "",
        f"  Name:           {one_line(h.name)}",
        f"  Registrant ID:  {one_line(h.registrant_id or '(not recorded)')}",
    ]
    if h.email:
        lines.append(f"  Email:          {one_line(h.email)}")
    lines.append("")
    for summary in t.summaries:
        view = requirement_view(summary)
        standing = f": {view.state}" if view.state != IN_PROGRESS else " counted so far"
        lines.append(
            f"  {one_line(view.title)} ({view.start} to {view.due}): {view.counted} of "
            f"{view.required} {units}{standing}"
        )
    lines += ["", f"Entries ({one_line(t.period)}):", ""]
    for row in t.rows:
        e = row.entry
        detail = ", ".join(
            one_line(x) for x in (e.kind, e.provider, e.approval and f"approval {e.approval}") if x
        )
        lines.append(f"  {e.date}  {one_line(e.title)}")
        lines.append(f"              {detail}; {fmt(row.counted)} {units}")
        for ev in e.evidence:
            lines.append(f"              certificate: {ev.file.rsplit('/', 1)[-1]}")
    count = len(t.rows)
    lines += [
        "",
        f"Total: {fmt(t.total)} {units} in {plural(count, 'entry')}.",
        "",
        "Attached: " + ", ".join(a.filename for a in attachments) + ".",
        "",
        "Thank you,",
        one_line(h.name),
        "",
    ]
    return "\n".join(lines)


def render(t: Transcript, to: str, attachments: list[Attachment]) -> tuple[bytes, list[str]]:
    """The message as bytes (CRLF line ends), and warnings for the user."""
    if not t.rows:
        raise InputError(
            "there are no entries to submit in this selection",
            hint="check --cycle / --unsubmitted / --cert, or `ceclog list`",
        )
    h = t.ledger.holder
    warnings: list[str] = []
    msg = EmailMessage(policy=SMTP)
    msg["To"] = address(to, "the recipient")
    if h.email:
        try:
            sender = address(h.email, "your email")
            msg["From"] = Address(one_line(h.name), sender.username, sender.domain)
        except InputError as exc:
            warnings.append(f"{exc.message}: the draft has no From address")
    registrant = f", registrant ID {one_line(h.registrant_id)}" if h.registrant_id else ""
    msg["Subject"] = f"CEC submission: {one_line(h.name)}{registrant}"
    # RFC 5322 wants a Date; the export's day (midnight UTC), so the same day gives the same bytes
    msg["Date"] = format_datetime(dt.datetime.combine(t.today, dt.time(), tzinfo=dt.UTC))
    msg["X-Unsent"] = "1"  # mail clients open it as a draft, ready to send
    msg.set_content(_body(t, attachments))
    for item in attachments:
        main, sub = item.mimetype
        msg.add_attachment(item.data, maintype=main, subtype=sub, filename=item.filename)
    total = sum(len(a.data) for a in attachments)
    if total > WARN_BYTES:
        warnings.append(
            f"the attachments add up to {total / 1024 / 1024:.1f} MB; many mail servers refuse "
            "messages over 20 MB: send the entries in several emails (--cert, --cycle)"
        )
    bare = sorted(row.entry.id for row in t.rows if not row.entry.evidence)
    if bare:
        one = len(bare) == 1
        warnings.append(
            f"{'entry' if one else 'entries'} {listing([str(i) for i in bare])} "
            f"{'has' if one else 'have'} no certificate attached: the body may not credit "
            f"{'it' if one else 'them'} without one (ceclog attach ID FILE)"
        )
    if not h.registrant_id:
        warnings.append("no registrant ID is recorded: ceclog holder --registrant-id ID")
    return msg.as_bytes(), warnings
