"""The transcript as one self-contained HTML file: inline CSS, no script, nothing fetched from
the network, laid out for the screen, for a phone (a card per row) and for print (A4 or Letter,
every column: the stylesheets of output/html_media.py).

Every string from the ledger or the rules is untrusted and goes through `e()`."""

from __future__ import annotations

import html

from ceclog.core.reports.transcript import Transcript
from ceclog.output import bidi, html_media, svg_chart
from ceclog.output.document import (
    NO_CERTIFICATIONS,
    NO_ENTRIES,
    NO_REQUIREMENTS,
    REQUIREMENT_HEADINGS,
    Document,
    EntryView,
    RequirementView,
    build_document,
)

# the page itself, shared by every HTML document ceclog writes
BASE_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial,
  sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
"""
SCREEN_CSS = (
    BASE_CSS
    + """main { max-width: 1100px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 3px; border-bottom: 2px solid #333; }
.who { font-size: 16px; margin: 0 0 14px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0; }
dl.facts dt { font-weight: 600; color: #444; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
.scroll { overflow-x: auto; }
th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td { overflow-wrap: anywhere; }
td.title { min-width: 13em; }
td.how { min-width: 9em; }
td.kind { min-width: 5em; overflow-wrap: break-word; }
td.provider { min-width: 7.5em; }
th { overflow-wrap: normal; }
td.num, th.num { text-align: right; white-space: nowrap; overflow-wrap: normal; }
td.date { white-space: nowrap; overflow-wrap: normal; }
p.total { font-weight: 700; font-size: 15px; margin: 8px 0 0; }
.note { color: #555; font-size: 0.9em; margin-top: 2px; }
.state { font-weight: 700; white-space: nowrap; }
.state-met::before { content: "\\2713\\00a0"; }
.state-not_met::before { content: "\\2717\\00a0"; }
.state-not_met { color: #a00; }
.state-in_progress { color: #333; }
.state-met { color: #17622b; }
.state-exempt { color: #17622b; }
.bar { width: 110px; height: 12px; border: 1px solid #555; background: #fff; }
.bar > div { height: 100%; background: #3b6ea8; }
.pct { font-size: 0.9em; }
.empty { font-style: italic; }
footer { margin-top: 28px; font-size: 12px; color: #555; }
"""
)


# nothing may load or run, even if something slipped through the escaping
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def e(value: str) -> str:
    """Text as HTML that shows it literally: markup escaped, direction controls as marks."""
    return html.escape(bidi.shown(value), quote=True)


def _cell(value: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{e(value)}</td>"


def _facts(doc: Document) -> str:
    items = [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in doc.facts]
    return '<dl class="facts">\n' + "\n".join(items) + "\n</dl>"


def _certifications(doc: Document) -> str:
    if not doc.certifications:
        return f'<p class="empty">{e(NO_CERTIFICATIONS)}</p>'
    rows = "".join(
        f"<tr>{_cell(c.code)}{_cell(c.title)}{_cell(c.earned, 'date')}</tr>\n"
        for c in doc.certifications
    )
    return (
        '<div class="scroll"><table><thead><tr><th>Code</th><th>Certification</th>'
        "<th>Earned</th></tr></thead>\n"
        f"<tbody>\n{rows}</tbody></table></div>"
    )


def _progress(req: RequirementView) -> str:
    label = f"{req.counted} of {req.required} ({req.percent}%)"
    return (
        f'<td><div class="bar" role="img" aria-label="{e(label)}">'
        f'<div style="width: {req.percent}%"></div></div>'
        f'<div class="pct">{req.percent}%</div></td>'
    )


def _requirement(req: RequirementView) -> str:
    cells = req.cells("")
    key = "exempt" if req.state.startswith("exempt") else req.state.replace(" ", "_")
    state_cls = "state state-" + key
    tds = [_cell(cells[0]), _cell(cells[1])]
    tds += [_cell(v, "date") for v in cells[2:4]]
    tds += [_cell(v, "num") for v in cells[4:9]]
    tds += [_cell(req.state, state_cls), _progress(req)]
    return "<tr>" + "".join(tds) + "</tr>\n"


def _requirements(doc: Document) -> str:
    if not doc.requirements:
        return f'<p class="empty">{e(NO_REQUIREMENTS)}</p>'
    heads = "".join(
        f'<th class="num">{h}</th>' if 4 <= i <= 8 else f"<th>{h}</th>"
        for i, h in enumerate(REQUIREMENT_HEADINGS)
    )
    rows = "".join(_requirement(req) for req in doc.requirements)
    return (
        f'<div class="scroll"><table class="requirements"><thead><tr>{heads}</tr></thead>\n'
        f"<tbody>\n{rows}</tbody></table></div>"
    )


ENTRY_COLUMNS = (
    ("Date", ""),
    ("Title", ""),
    ("Kind", ""),
    ("Provider, approval", ""),
    ("Hours", "num"),
    ("Counted", "num"),
    ("How counted", ""),
    ("Certifications", ""),
    ("Submitted", ""),
    ("Posted", ""),
)
CSS = (
    SCREEN_CSS
    + html_media.PHONE_PAGE
    + html_media.cards("requirements", REQUIREMENT_HEADINGS)
    + html_media.cards("entries", [name for name, _ in ENTRY_COLUMNS])
    + html_media.TRANSCRIPT_MEDIUM
    + html_media.TRANSCRIPT_PRINT
)


def _entry(v: EntryView) -> str:
    extra = f'<div class="note">Note: {e(v.notes)}</div>' if v.notes else ""
    if v.evidence:
        names = ", ".join(e(name) for name in v.evidence)
        extra += f'<div class="note">Evidence: {names}</div>'
    approval = f'<div class="note">Approval: {e(v.approval)}</div>' if v.approval else ""
    tds = [
        _cell(v.date, "date"),
        f'<td class="title">{e(v.title)}{extra}</td>',
        _cell(v.kind, "kind"),
        f'<td class="provider">{e(v.provider)}{approval}</td>',
        _cell(v.hours, "num"),
        _cell(v.credits, "num"),
        _cell(v.explanation, "how"),
        _cell(v.certifications),
        _cell(v.submitted, "date"),
        _cell(v.posted, "date"),
    ]
    return "<tr>" + "".join(tds) + "</tr>\n"


def _entries(doc: Document) -> str:
    if not doc.entries:
        return f'<p class="empty">{e(NO_ENTRIES)}</p>'
    heads = "".join(
        f'<th class="{cls}">{name}</th>' if cls else f"<th>{name}</th>"
        for name, cls in ENTRY_COLUMNS
    )
    rows = "".join(_entry(v) for v in doc.entries)
    return (
        f'<div class="scroll"><table class="entries"><thead><tr>{heads}</tr></thead>\n'
        f"<tbody>\n{rows}</tbody></table></div>"
        f'\n<p class="total">{e(doc.total_line)}</p>'
    )


def page(title: str, css: str, main: str) -> str:
    """A whole self-contained page: `title` is escaped here, `main` is already HTML."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>{css}</style>
</head>
<body>
<main>
{main}</main>
</body>
</html>
"""


def render(t: Transcript) -> str:
    doc = build_document(t)
    title = f"{doc.title}: {doc.holder_name}"
    return page(
        title,
        CSS,
        f"""<h1>{e(doc.title)}</h1>
<p class="who">{e(doc.holder_name)} &middot; registrant ID {e(doc.registrant_id)}</p>
{_facts(doc)}
<h2>Certifications held</h2>
{_certifications(doc)}
<h2>{e(doc.requirements_heading)}</h2>
{_requirements(doc)}
{svg_chart.transcript_figures(t)}
<h2>{e(doc.entries_heading)}</h2>
{_entries(doc)}
<footer>Produced by ceclog on {e(str(t.today))} for {e(doc.holder_name)}.</footer>
""",
    )
