"""Dates, times and durations in the report's language, never as the file's ISO text."""

from __future__ import annotations

import datetime

import pytest

from ckstudio.report.dates import (
    format_date,
    format_day,
    format_duration,
    format_moment,
    format_span,
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "29 novembre 2026, 5 h 39"), ("en", "29 November 2026, 5:39 AM"),
     ("en-GB", "29 November 2026, 5:39 AM"), ("fr-CA", "29 novembre 2026, 5 h 39")],
)  # fmt: skip
def test_a_moment_is_written_the_languages_way(language, expected):
    assert format_moment("2026-11-29T05:39:00+01:00", language) == expected


def test_the_english_clock_has_twelve_hours():
    assert format_moment("2020-02-13T12:05:00", "en") == "13 February 2020, 12:05 PM"
    assert format_moment("2020-02-13T00:30:00", "en") == "13 February 2020, 12:30 AM"
    assert format_moment("2020-02-13T23:30:00", "fr") == "13 février 2020, 23 h 30"


def test_a_span_names_the_end_day_only_when_it_is_another():
    same = format_span("2020-05-06T10:40:00+02:00", "2020-05-06T10:55:00+02:00", "-", "fr")
    assert same == "6 mai 2020, 10 h 40 – 10 h 55"
    other = format_span("2020-05-06T23:40:00", "2020-05-07T00:10:00", "-", "en")
    assert other == "6 May 2020, 11:40 PM – 7 May 2020, 12:10 AM"
    assert format_span("2020-05-06T10:40:00", "", "running", "en") == (
        "6 May 2020, 10:40 AM – running"
    )


def test_text_that_is_not_a_date_is_kept():
    assert format_moment("soon", "fr") == "soon"
    assert format_day("", "fr") == ""
    assert format_day("2020-08-01", "fr") == "1 août 2020"
    assert format_date(datetime.date(2020, 12, 31), "en") == "31 December 2020"


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(0, "0 min"), (15, "15 min"), (60, "1 h"), (65, "1 h 05 min"), (135, "2 h 15 min")],
)
def test_a_duration_is_hours_and_minutes(minutes, expected):
    assert format_duration(minutes) == expected
