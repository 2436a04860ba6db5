"""The options `add` and `edit` share: an entry's fields as the command line gives them (as
text: `core.ledger.fields.entry_fields` checks them); and `list` and `export`'s `--cert`."""

from typing import Annotated

import typer

from ceclog import completion

DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="When it took place (add: default today)."),
]
HoursOpt = Annotated[str | None, typer.Option("--hours", metavar="H", help="Hours of education.")]
CreditsOpt = Annotated[
    str | None,
    typer.Option("--credits", metavar="C", help="Credits as stated on the certificate."),
]
KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind",
        help="course, online, webinar, booth... (rules show)",
        autocompletion=completion.kinds,
    ),
]
ProviderOpt = Annotated[str | None, typer.Option("--provider", help="Who gave the class.")]
ApprovalOpt = Annotated[str | None, typer.Option("--approval", help="The course approval number.")]
CertOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--cert",
        metavar="CODE",
        help="A certification it was taken for (repeat).",
        autocompletion=completion.held_codes,
    ),
]
OnlyCertOpt = Annotated[  # list and export: which entries
    str | None,
    typer.Option(
        "--cert",
        metavar="CODE",
        help="Only entries for this code.",
        autocompletion=completion.held_codes,
    ),
]
TopicOpt = Annotated[
    list[str] | None, typer.Option("--topic", metavar="T", help="A topic it covers (repeat).")
]
TopicHoursOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--topic-hours",
        metavar="T=H",
        help="Hours of it on one topic (repeat: water=4, mold=2): each topic gets only these.",
    ),
]
NoteOpt = Annotated[str | None, typer.Option("--note", help="A note for yourself.")]
EventOpt = Annotated[
    str | None,
    typer.Option(
        "--event",
        metavar="NAME",
        help="The event it was part of: entries with one event name share the per-event cap.",
    ),
]
ForCycleOpt = Annotated[
    str | None,
    typer.Option(
        "--for-cycle",
        metavar="previous",
        help="Apply a class taken late to the lapsed cycle that `status` shows as overdue.",
    ),
]
