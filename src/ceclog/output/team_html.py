"""`ceclog team --format html`: one self-contained page a firm's owner opens or prints.  Inline
CSS, no script, nothing fetched (the transcript's Content-Security-Policy); every string from a
ledger or a file name goes through `e()`.  The summary line first, then a table on a wide
screen; on a phone (under 700 px) each row becomes a card whose cells carry their column's name;
on paper, landscape with every column (html_media.TEAM_PRINT)."""

from __future__ import annotations

import datetime as dt

from ceclog.core.firm.team import Row
from ceclog.core.firm.timeline import timeline
from ceclog.core.ledger.words import plural
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.progress import percent
from ceclog.output.html import BASE_CSS, e, page
from ceclog.output.html_media import TEAM_MEDIUM, TEAM_PRINT
from ceclog.output.svg_chart import timeline_svg
from ceclog.output.team import WORDS, figures, footer, plan_texts, quarter_labels, who

CSS = (
    BASE_CSS
    + """main { max-width: 1600px; margin: 0 auto; padding: 20px 16px 32px; }
h1 { font-size: 22px; margin: 0 0 4px; }
p.meta { margin: 0 0 14px; color: #444; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; hyphens: auto; }
td { overflow-wrap: break-word; }
td.num, th.num { text-align: right; padding-left: 3px; padding-right: 3px; }
td.num, td.date { white-space: nowrap; }
td.date .file { white-space: normal; }
td.who { min-width: 8em; }
td.action { min-width: 16em; }
.file, .error { font-size: 0.85em; color: #555; }
.error { color: #7a0a5a; }
.state { font-weight: 700; white-space: nowrap; border-radius: 3px; padding: 1px 6px;
  display: inline-block; }
.s-error { background: #f6dcef; color: #7a0a5a; }
.s-overdue { background: #f8d7d7; color: #9b0000; }
.s-due_soon { background: #fde8c8; color: #8a4b00; }
.s-to_submit { background: #fde8c8; color: #8a4b00; }
.s-behind { background: #fff3bf; color: #6b5800; }
.s-on_track { background: #e3f1e5; color: #1f6a31; }
.s-met { background: #cdeccf; color: #145224; }
.s-exempt { background: #cdeccf; color: #145224; }
.s-none { background: #eee; color: #555; }
.bar { width: 90px; height: 10px; border: 1px solid #555; background: #fff; margin-top: 3px; }
.bar > div { height: 100%; background: #3b6ea8; }
.bar.full > div { background: #2e8540; }
p.summary { font-weight: 600; margin: 0 0 12px; }
.dup { font-size: 0.85em; color: #8a4b00; }
@media (max-width: 700px) {
  main { padding: 14px 12px 24px; }
  table, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border: 1px solid #999; border-radius: 6px; margin: 0 0 12px; padding: 6px 8px; }
  .scroll { overflow: visible; }
  td { border: none; padding: 2px 0; display: grid; grid-template-columns: 8.5em 1fr;
    gap: 8px; text-align: left; white-space: normal; min-width: 0; }
  td.num { text-align: left; padding: 2px 0; }
  td::before { content: attr(data-label); font-weight: 600; color: #444; }
  td.who { font-size: 15px; }
  td.empty { display: none; }
}
"""
    + TEAM_MEDIUM
    + TEAM_PRINT
)

# with a plan year, the page keeps to what planning needs (the table must fit 1280 px)
PLAN_LEAVES_OUT = frozenset({"Required", "Projected", "Unsubmitted", "Progress"})
PLAN_NOTE = (
    '<p class="meta">Quarters: credits planned / the pace needed (- : none, or after the due '
    "date); Short: what the planned classes leave uncovered by the due date.</p>\n"
)
HEADINGS = [
    ("Technician", ""),
    ("Certifications", ""),
    ("Due", ""),
    ("Days left", "num"),
    ("Required", "num"),
    ("Counted", "num"),
    ("Remaining", "num"),
    ("Planned", "num"),
    ("Projected", "num"),
    ("Unsub&shy;mitted", "num"),
    ("State", ""),
    ("Progress", ""),
    ("Next action", ""),
]


def _td(label: str, inner: str, cls: str = "", raw: bool = False) -> str:
    """A cell; `inner` is escaped unless `raw` (already built from escaped parts)."""
    classes = " ".join(c for c in (cls, "" if inner else "empty") if c)
    attr = f' class="{classes}"' if classes else ""
    name = e(label.replace("&shy;", ""))
    return f'<td data-label="{name}"{attr}><div>{inner if raw else e(inner)}</div></td>'


def _bar(row: Row) -> str:
    """The progress of the cycle the row shows (an overdue row's: its lapsed cycle's)."""
    shown = row.shown()
    if shown.required is None or shown.counted is None or row.exempt is not None:
        return ""  # an exempt row needs nothing: no progress to show
    pct = percent(shown.counted, shown.required)
    full = " full" if pct >= 100 else ""
    label = f"{fmt(shown.counted)} of {fmt(shown.required)} ({pct}%)"
    return (
        f'{pct}%<div class="bar{full}" role="img" aria-label="{e(label)}">'
        f'<div style="width: {pct}%"></div></div>'
    )


def _row(row: Row, labels: list[str]) -> str:
    name = e(who(row))
    if row.registrant_id:
        name += f'<div class="file">ID {e(row.registrant_id)}</div>'
    name += f'<div class="file">{e(row.file)}</div>'
    if row.duplicates:
        name += f'<div class="dup">same registrant ID in {e(", ".join(row.duplicates))}</div>'
    next_action = e(row.next_action)
    if row.error:
        next_action = f'<div class="error">{e(row.error)}</div>{next_action}'
    state = f'<span class="state s-{row.state}">{e(WORDS[row.state])}</span>'
    certifications = e(", ".join(row.certifications))
    if row.track:
        certifications += f'<div class="file">{e(row.track)} track</div>'
    values = [e(v) for v in figures(row)]
    if row.lapse is not None and row.lapse.renewable:  # the lapse's deadline
        values[0] += f'<div class="file">renew before {e(str(row.lapse.reinstate_by))}</div>'
    sending = row.to_submit
    if sending is not None and sending.ended and sending.send_by is not None:
        values[0] += f'<div class="file">send before {e(str(sending.send_by))}</div>'
    cells = [
        _td("Technician", name, "who", raw=True),
        _td("Certifications", certifications, raw=True),
    ]
    for (label, cls), value in zip(HEADINGS[2:10], values, strict=True):
        if not (labels and label.replace("&shy;", "") in PLAN_LEAVES_OUT):
            cells.append(_td(label, value, cls or ("date" if label == "Due" else ""), raw=True))
    if labels:
        short, quarters = plan_texts(row, len(labels))
        cells.append(_td("Short", short, "num"))
        cells += [_td(q, text, "num") for q, text in zip(labels, quarters, strict=True)]
    cells += [
        _td("State", state, raw=True),
        *([] if labels else [_td("Progress", _bar(row), raw=True)]),
        _td("Next action", next_action, "action", raw=True),
    ]
    return "<tr>" + "".join(cells) + "</tr>\n"


def _timeline(rows: list[Row], today: dt.date) -> str:
    """The due dates and lapses on one axis, under the table (none without a due date)."""
    t = timeline(rows, today)
    if not t.marks:
        return ""
    svg = timeline_svg(t, WORDS)
    return f'<h2 style="font-size: 17px; margin: 22px 0 6px">Due dates</h2>\n{svg}\n'


def render(rows: list[Row], counts: dict[str, int], read: int, today: dt.date) -> str:
    labels = quarter_labels(rows)
    headings = HEADINGS
    if labels:  # the plan's year: short, then credits planned / pace needed per quarter
        kept = [h for h in HEADINGS[:10] if h[0].replace("&shy;", "") not in PLAN_LEAVES_OUT]
        quarters = [(e(q).replace("-", "&nbsp;"), "num") for q in labels]
        rest = [h for h in HEADINGS[10:] if h[0] not in PLAN_LEAVES_OUT]
        headings = [*kept, ("Short", "num"), *quarters, *rest]
    heads = "".join(f'<th class="{c}">{h}</th>' if c else f"<th>{h}</th>" for h, c in headings)
    body = "".join(_row(row, labels) for row in rows)
    summary = footer(rows, counts, read)
    main = f"""<h1>CEC status of the team</h1>
<p class="meta">Today {e(today.isoformat())}; {e(plural(read, "ledger"))} read; most urgent first.
</p>
<p class="summary">{e(summary)}</p>
<div class="scroll"><table><thead><tr>{heads}</tr></thead>
<tbody>
{body}</tbody></table></div>
{PLAN_NOTE if labels else ""}{_timeline(rows, today)}"""
    return page(f"CEC status of the team, {today.isoformat()}", CSS, main)
