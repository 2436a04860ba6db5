"""The HTML pages' stylesheets for paper and for phones, kept apart from their screen styles
(output/html.py, output/team_html.py) so that each can change without the other.

Print: every column on Letter and A4 (the transcript upright, the team page landscape): the
sideways scroll of the screen becomes a table that wraps inside the page, in smaller type,
without the widths a screen can afford.  Phone (under 700 px): the transcript's requirements
and entries become one card per row, each value after its column's name, as on the team page
(whose cards are in team_html.py)."""

from __future__ import annotations

from collections.abc import Sequence

PHONE = "screen and (max-width: 700px)"  # never on paper, however narrow

TRANSCRIPT_PRINT = """
@media print {
  @page { margin: 12mm 10mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  table { font-size: 7.5pt; }
  th, td { padding: 2px 3px; }
  th { background: none; overflow-wrap: break-word; hyphens: auto; }
  thead { display: table-header-group; }
  tr, .bar { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  td.title { min-width: 8em; }
  td.how { min-width: 6em; }
  td.provider, td.kind { min-width: 0; }
  .bar { width: 100%; min-width: 3em; max-width: 80px; }
  p.total { font-size: 11pt; }
  .bar, .bar > div { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

MEDIUM = "screen and (min-width: 701px) and (max-width: 1280px)"

# A laptop's browser window (a new user's report: at 1000 px the requirements' Progress and
# the entries' Posted were hidden behind a sideways scroll): the tables in smaller type with the
# narrower widths of paper, so every column shows; the scroll stays only as the last resort.
TRANSCRIPT_MEDIUM = f"""
@media {MEDIUM} {{
  main {{ padding: 20px 16px 32px; }}
  table {{ font-size: 12px; }}
  th, td {{ padding: 3px 4px; }}
  th {{ overflow-wrap: break-word; hyphens: auto; }}
  td.title {{ min-width: 8em; }}
  td.how {{ min-width: 6em; }}
  td.provider, td.kind {{ min-width: 0; }}
  .bar {{ width: 100%; min-width: 3em; max-width: 80px; }}
}}
@media screen and (min-width: 701px) and (max-width: 900px) {{
  table {{ font-size: 11px; }}
  th, td {{ padding: 2px 3px; }}
  th.num {{ white-space: normal; }}
  .bar {{ min-width: 2.5em; }}
}}
"""

# The team's 13 columns in a laptop's window (at 1000 px, 185 px of them were behind the scroll).
TEAM_MEDIUM = f"""
@media {MEDIUM} {{
  table {{ font-size: 11px; }}
  th, td {{ padding: 2px 3px; }}
  th {{ overflow-wrap: break-word; }}
  td {{ overflow-wrap: anywhere; }}
  td.who {{ min-width: 6em; }}
  td.action {{ min-width: 9em; }}
  .bar {{ width: 100%; min-width: 3em; max-width: 70px; }}
}}
"""

TEAM_PRINT = """
@media print {
  @page { size: landscape; margin: 10mm 8mm; }
  body { font-size: 8.5pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  table { font-size: 7pt; }
  th, td { padding: 2px 3px; }
  th { overflow-wrap: break-word; }
  td { overflow-wrap: anywhere; }
  td.who { min-width: 6em; }
  td.action { min-width: 10em; }
  .bar { width: 100%; min-width: 3em; max-width: 70px; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .state, .bar, .bar > div { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cards(table: str, headings: Sequence[str]) -> str:
    """On a phone, each row of `table.{table}` as a card: its cells one under the other, each
    after its column's name (`headings`, in column order); an empty cell is left out."""
    rows = f"table.{table}"
    labels = "\n".join(
        f"  {rows} td:nth-child({n})::before {{ content: {_css_string(name)}; }}"
        for n, name in enumerate(headings, 1)
    )
    return f"""
@media {PHONE} {{
  {rows}, {rows} tbody, {rows} tr, {rows} td {{ display: block; width: 100%; }}
  {rows} thead {{ display: none; }}
  {rows} tr {{ border: 1px solid #999; border-radius: 6px; margin: 0 0 12px; padding: 6px 8px; }}
  {rows} td {{ display: flow-root; border: none; padding: 2px 0 2px 8.5em; min-width: 0;
    text-align: left; white-space: normal; }}
  {rows} td:empty {{ display: none; }}
  {rows} td::before {{ float: left; width: 8em; margin-left: -8.5em; font-weight: 600;
    color: #444; overflow-wrap: normal; }}
  {rows} td:first-child {{ font-weight: 600; }}
  {rows} .bar {{ margin-top: 3px; }}
{labels}
}}
"""


PHONE_PAGE = f"""
@media {PHONE} {{
  main {{ padding: 16px 14px 28px; }}
  h1 {{ font-size: 21px; }}
  .scroll {{ overflow: visible; }}
}}
"""
