"""Dates, times and durations written the report language's way (no Qt, no locale).

A facilitator reads "6 mai 2020, 10 h 40" or "6 May 2020, 10:40 AM", never the
file's "2020-05-06T10:40:00+02:00". A time is shown as the workshop's clock read
it (its offset is not converted): the report tells what the room lived. Python's
`strftime` names months in the process's locale, so the names are spelt here.
"""

from __future__ import annotations

import datetime

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def _language(language: str) -> str:
    """French for a French report, English for any other (as `labels.report_labels`)."""
    return "fr" if language.split("-")[0] == "fr" else "en"


def format_date(day: datetime.date, language: str) -> str:
    """ "6 mai 2020" / "6 May 2020"."""
    return f"{day.day} {MONTHS[_language(language)][day.month - 1]} {day.year}"


def format_day(iso: str, language: str) -> str:
    """An ISO date ("2020-05-06") as "6 mai 2020"; other text (none) kept as written."""
    try:
        return format_date(datetime.date.fromisoformat(iso), language)
    except ValueError:
        return iso


def format_time(moment: datetime.datetime | datetime.time, language: str) -> str:
    """ "10 h 05" in French, "10:05 AM" in English (12-hour clock, as English readers
    expect it)."""
    if _language(language) == "fr":
        return f"{moment.hour} h {moment.minute:02d}"
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def format_moment(iso: str, language: str) -> str:
    """An ISO date and time as "6 mai 2020, 10 h 40"; text that is not one is kept as
    written (a report never fails on a date)."""
    try:
        moment = datetime.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{format_date(moment.date(), language)}, {format_time(moment, language)}"


def format_span(started: str, ended: str, running: str, language: str) -> str:
    """A round's start and end: "6 mai 2020, 10 h 40 – 10 h 55", the end's date only
    when it is another day; `running` stands for the end of a round not ended."""
    if not ended:
        return f"{format_moment(started, language)} – {running}"
    try:
        start = datetime.datetime.fromisoformat(started)
        end = datetime.datetime.fromisoformat(ended)
    except ValueError:
        return f"{format_moment(started, language)} – {format_moment(ended, language)}"
    if start.date() == end.date():
        return f"{format_moment(started, language)} – {format_time(end, language)}"
    return f"{format_moment(started, language)} – {format_moment(ended, language)}"


def format_duration(minutes: int) -> str:
    """ "15 min", "1 h", "1 h 05 min": hours and minutes as both languages write them."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest:02d} min"
