"""The calendar as iCalendar (RFC 5545) bytes, with the `icalendar` library: imported here
only, when a calendar is made, so no other command pays for it.

The same events and day give the same bytes: DTSTAMP is the given day at midnight UTC (not the
clock), and no property that varies by run is written."""

from __future__ import annotations

import datetime as dt

from ceclog.core.reports.calendar import Event
from ceclog.output import bidi

PRODID = "-//ceclog//CEC reminders//EN"


def render(events: list[Event], *, name: str, today: dt.date) -> bytes:
    """An iCalendar file: one all-day VEVENT per event, a VALARM per alarm day."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", bidi.shown(name))
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    for event in events:
        item = icalendar.Event()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("dtstart", event.day)
        item.add("dtend", event.day + dt.timedelta(days=1))
        item.add("summary", bidi.shown(event.summary))
        item.add("description", bidi.shown(event.description))
        item.add("transp", "TRANSPARENT")  # a reminder: the day stays free
        for days in event.alarms:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", dt.timedelta(days=-days))
            alarm.add("description", f"In {days} days: {bidi.shown(event.summary)}")
            item.add_component(alarm)
        cal.add_component(item)
    data: bytes = cal.to_ical()
    return data
