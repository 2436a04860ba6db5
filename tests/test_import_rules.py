"""The import's rules as pure functions (core/import_*): what a header means, where the header
is, how a date column reads, amounts as written, what a status means, which rows are totals.
Every expected value is worked out by hand in the comment or the table beside it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ceclog.core.imports.amounts import quantity
from ceclog.core.imports.columns import columns_of, credit_hours
from ceclog.core.imports.dates import date_column, parse
from ceclog.core.imports.header import find_header, unnamed_columns
from ceclog.core.imports.names import column_letter, meanings
from ceclog.core.imports.table import Mapping, Table
from ceclog.core.imports.totals import total_label
from ceclog.core.imports.values import status_of
from ceclog.core.ledger.vocabulary import header_key, kind_of
from ceclog.errors import InputError
from ceclog.store.rules import load_rules

D = dt.date


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("CEC Hours", "credits"),  # credits in hours: the stated rule, credits
        ("CE Hours", "credits"),
        ("Credit hours", "credits"),
        ("Course #", "approval"),  # not the course (the title)
        ("Course", "title"),
        ("Date Completed", "date"),
        ("Fecha", "date"),
        ("Curso", "title"),
        ("Horas", "hours"),
        ("Proveedor", "provider"),
        ("Créditos", "credits"),
        ("Aprobación", "approval"),
        ("CEUs", "ceus"),  # never credits
        ("Technician", "person"),
        ("Técnico", "person"),
        ("Nombre", "person"),
        ("Name", "person"),
        ("Status", "status"),
        ("Estado", "status"),
        ("Units", None),  # CEUs or credits? neither: not read, and said
    ],
)
def test_a_header_means_one_field(header: str, field: str | None) -> None:
    assert (meanings(header)[:1] or (None,))[0] == field


def test_headers_with_two_meanings_take_the_first_free_field() -> None:
    def found(*headers: str) -> dict[str, str]:
        table = Table(name="t.csv", headers=list(headers), rows=[])
        columns, _ = columns_of(table, Mapping())
        return {field: headers[index] for field, index in columns.items()}

    # "Tema" (topic) is the title of a sheet without one, else its topics
    assert found("Fecha", "Tema", "Horas") == {"date": "Fecha", "title": "Tema", "hours": "Horas"}
    got = found("Fecha", "Curso", "Tema", "Horas")
    assert (got["title"], got["topics"]) == ("Curso", "Tema")
    # "Completed" is the date, unless a column says the date: then the status (Yes / No)
    assert found("Completed", "Course", "CEC")["date"] == "Completed"
    got = found("Date", "Course", "CEC", "Completed")
    assert (got["date"], got["status"]) == ("Date", "Completed")


def test_credit_hours_are_credits_and_refused_where_a_credit_is_not_an_hour() -> None:
    iicrc, old = load_rules("iicrc").rules, load_rules("iicrc-2012").rules
    said = credit_hours("CEC Hours", iicrc, given=False) or ""
    assert "is read as credits" in said and "1 CEC per hour" in said
    assert credit_hours("CECs", iicrc, given=False) is None  # not a credit-hours header
    assert credit_hours("CEC Hours", old, given=True) is None  # a mapping said which
    with pytest.raises(InputError) as refused:
        credit_hours("CEC Hours", old, given=False)  # 7 hours per CEC: 7 or 1 CEC?
    assert "7 hours per CEC" in refused.value.message
    assert refused.value.hint and 'hours = "CEC Hours"' in refused.value.hint


def test_header_keys_ignore_case_accents_and_punctuation() -> None:
    assert header_key("  Créditos CEC ") == "creditos cec"
    assert header_key("Course #") == "course number"
    assert header_key("Approval_No.") == "approval no"
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def rows(*lines: list[str], first: int = 1) -> list[tuple[int, list[str]]]:
    return [(first + i, cells) for i, cells in enumerate(lines) if any(cells)]


def test_the_header_is_found_below_a_title_and_blank_rows() -> None:
    sheet = rows(
        ["Dana Reyes - CEC log 2025", "", ""],
        ["", "", ""],  # blank: not numbered among the rows, as a spreadsheet skips nothing
        ["Date", "Course", "Hours"],
        ["2025-03-05", "Drying", "7"],
    )
    header = find_header(sheet, set(), None)
    assert (header.names, header.rows, header.data) == (
        ["Date", "Course", "Hours"],
        [3],
        [(4, ["2025-03-05", "Drying", "7"])],
    )


def test_a_header_over_two_rows_is_read_together() -> None:
    # "CEC" above "Hours": CEC Hours (credits); the lower row has no digit, so no class
    below = rows(["Date", "Course", "CEC"], ["", "", "Hours"], ["2025-03-05", "Drying", "7"])
    assert find_header(below, set(), None).names == ["Date", "Course", "CEC Hours"]
    # the header's upper row found from the lower one (which names more fields)
    above = rows(
        ["", "", "CEC", ""], ["Date", "Course", "Hours", "Provider"], ["1/2/25", "A", "2", "B"]
    )
    header = find_header(above, set(), None)
    assert (header.names, header.rows) == (["Date", "Course", "CEC Hours", "Provider"], [1, 2])
    # a units row under the header: each name the one that means a field
    units = rows(
        ["Date", "Course", "Duration"], ["(mm/dd/yyyy)", "", "(h:mm)"], ["1/2/25", "A", "1:30"]
    )
    assert find_header(units, set(), None).names == ["Date", "Course", "Duration"]


def test_a_column_without_header_that_holds_data_is_named() -> None:
    sheet = rows(
        ["Date", "Course", "", "Hours"], ["2025-01-02", "A", "x", "2"], ["2025-01-03", "B", "", "3"]
    )
    (note,) = unnamed_columns(find_header(sheet, set(), None))
    assert note.startswith("column C has no header but holds data in 1 row (2): it is not read")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026-03-05", D(2026, 3, 5)),
        ("2026/3/5", D(2026, 3, 5)),
        ("Mar 5, 2026", D(2026, 3, 5)),
        ("5-Mar-26", D(2026, 3, 5)),
        ("March 5 2026", D(2026, 3, 5)),
        ("March 5th, 2026", D(2026, 3, 5)),
        ("Thursday, March 5, 2026", D(2026, 3, 5)),
        ("5 de marzo de 2026", D(2026, 3, 5)),
        ("05-mar-2026", D(2026, 3, 5)),
        ("05.03.2026", D(2026, 3, 5)),  # dots: day first
        ("05.03.99", D(1999, 3, 5)),  # YY over 29: 19YY (Excel's rule)
        ("46086", D(2026, 3, 5)),  # Excel serial: 46086 days after 1899-12-30
        ("46086.5", D(2026, 3, 5)),  # noon that day
        ("2026-03-05 00:00:00", D(2026, 3, 5)),
        ("3/5/2026 9:30 AM", None),  # numeric: reads two ways (see the column's rule)
        ("Mar 2026", None),  # no day: not a date
        ("2026", None),  # a year, not a serial (before 2000)
        ("Feb 30, 2026", None),
    ],
)
def test_a_date_that_says_its_order_reads_one_way(text: str, date: D | None) -> None:
    got = parse(text)
    assert (got if isinstance(got, D) else None) == date


def column(values: list[str], given: str | None = None) -> list[D | None]:
    how = date_column("date", "Date", [(str(i), v) for i, v in enumerate(values, 2)], given)
    return [how.read(v) for v in values]


def test_the_column_settles_the_order_of_numeric_dates() -> None:
    # 3/14 has no 14th month: month first, for the whole column
    assert column(["3/5/2026", "3/14/2026"]) == [D(2026, 3, 5), D(2026, 3, 14)]
    # 14/3 has no 14th month either way round: day first
    assert column(["3/5/2026", "14/3/2026"]) == [D(2026, 5, 3), D(2026, 3, 14)]
    # two-digit years and a mix with a month's name and ISO
    assert column(["03/05/26", "Apr 1, 2026", "2026-04-02", "12/25/25"]) == [
        D(2026, 3, 5),
        D(2026, 4, 1),
        D(2026, 4, 2),
        D(2025, 12, 25),
    ]
    # 3/3 reads the same either way: nothing to settle
    assert column(["3/3/2026", "4/4/2026"]) == [D(2026, 3, 3), D(2026, 4, 4)]
    # a mapping's order settles it
    assert column(["3/5/2026"], given="DD/MM/YYYY") == [D(2026, 5, 3)]


def test_a_column_that_truly_reads_two_ways_is_refused_with_the_line_that_settles_it() -> None:
    with pytest.raises(InputError) as refused:
        column(["03/04/2026", "01/02/2026"])
    assert "'03/04/2026' is 2026-03-04 as MM/DD/YYYY and 2026-04-03 as DD/MM/YYYY" in (
        refused.value.message
    )
    assert refused.value.hint == (
        "write one date with the month's name (Mar 4, 2026), or give the order in a mapping "
        'file (--map MAP.toml): [dates] date = "MM/DD/YYYY" (or "DD/MM/YYYY")'
    )
    with pytest.raises(InputError) as mixed:
        column(["3/14/2026", "14/3/2026"])  # one says month first, the other day first
    assert "month first ('3/14/2026', row 2) and day first ('14/3/2026', row 3)" in (
        mixed.value.message
    )


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("3.5", Decimal("3.5"), None),
        ("3,5", Decimal("3.5"), None),  # a decimal comma (one or two digits after it)
        ("14 hrs", Decimal(14), "hours"),
        ("14 hrs.", Decimal(14), "hours"),
        ("3.5 CEC", Decimal("3.5"), "credits"),
        ("2 CECs", Decimal(2), "credits"),
        ("7 horas", Decimal(7), "hours"),
        ("1,5 créditos", Decimal("1.5"), "credits"),
        ("0.4 CEU", Decimal("0.4"), "ceus"),
        ("1:30", Decimal("1.5"), "duration"),
        ("0:45", Decimal("0.75"), "duration"),
        ("90 min", Decimal("1.5"), "duration"),
        ("1h30", Decimal("1.5"), "duration"),
        ("0:50", Decimal("0.83"), "duration"),  # 0.8333... rounded down, and said
        ("", None, None),
        ("n/a", None, None),
        ("TBD", None, None),
    ],
)
def test_amounts_as_written(text: str, value: Decimal | None, unit: str | None) -> None:
    got = quantity(text, "'Hours'", ".")
    assert ((got.value, got.unit) if got else (None, None)) == (value, unit)
    assert (got is not None and got.note is not None) == (text == "0:50")


def test_amounts_that_are_not_amounts_are_refused() -> None:
    for text in ("seven", "3 days", "1,000", "-1"):
        with pytest.raises(InputError):
            quantity(text, "'Hours'", ".")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Completed", "completed"),
        ("Done", "completed"),
        ("Attended", "completed"),
        ("Taken", "completed"),
        ("x", "completed"),
        ("✓", "completed"),
        ("Completado", "completed"),
        ("Planned", "planned"),
        ("Scheduled", "planned"),
        ("Programado", "planned"),
        ("Cancelled", "skipped"),
        ("Canceled", "skipped"),
        ("No-show", "skipped"),
        ("No show", "skipped"),
        ("In progress", "ask"),
        ("Failed", "ask"),
        ("No", "ask"),  # not completed: then what? asked
        ("", None),
    ],
)
def test_what_a_status_means(text: str, status: str | None) -> None:
    assert status_of(text) == status


def test_totals_are_labelled_so_and_a_class_named_total_is_not_one() -> None:
    for label in ("Total", "TOTAL:", "Subtotal", "Grand Total", "Total CECs 2025", "Q1 total"):
        assert total_label(label), label
    for title in ("Total Drying Solutions", "Totally Dry", "Summary of mold"):
        assert not total_label(title), title


def test_kinds_as_people_write_them_for_the_rules_own_kinds() -> None:
    iicrc = ("course", "online", "webinar", "workshop", "event", "conference", "booth", "other")
    texas = ("course", "online", "other")
    assert [kind_of(k, iicrc) for k in ("Classroom", "In person", "Online", "Webinar")] == [
        "course",
        "course",
        "online",
        "webinar",
    ]
    assert kind_of("Webinar", texas) is None  # the Texas rules have no webinar


@pytest.mark.parametrize(
    ("word", "iicrc", "texas", "events"),
    [  # the kind under iicrc (course ... other), texas-mold (course, online, other), and
        # rules of courses and events only
        ("Seminar", "course", "course", "course"),  # a seminar is a class: never "webinar"
        ("Class", "course", "course", "course"),
        ("Training", "course", "course", "course"),
        ("Online course", "online", "online", None),
        ("Webinar", "webinar", None, None),
        ("Workshop", "workshop", None, None),
        ("Conference", "conference", None, "event"),  # the rules' conference, else event
        ("Convention", "conference", None, "event"),
        ("Expo", "conference", None, "event"),
        ("Trade show", "conference", None, "event"),
        ("Retreat", None, None, None),  # no activity word the import knows: refused
        ("Webnar", None, None, None),  # nor a misspelling: the cell is corrected
    ],
)
def test_common_words_for_an_activity_are_the_rules_kinds_when_they_have_them(
    word: str, iicrc: str | None, texas: str | None, events: str | None
) -> None:
    kinds = ("course", "online", "webinar", "workshop", "event", "conference", "booth", "other")
    assert kind_of(word, kinds) == iicrc
    assert kind_of(word, ("course", "online", "other")) == texas
    assert kind_of(word, ("course", "event")) == events
