"""What people and programs see: the terminal (Rich on a terminal, plain text in pipes), the
documented `--json` data, the exports (csv, json, md, html, pdf, eml) and the calendar (ics),
each a rendering of what the core computed.  Output computes no figure of its own.

May import: `ceclog.core`, `ceclog.errors`, the standard library, Rich, fpdf2, icalendar (in
`ics` only, imported when a calendar is made).  Never `ceclog.store` (it is handed what was
read) or `ceclog.cli`."""
