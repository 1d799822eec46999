"""Every time format the chronogramme import reads, one test each, and how a column resolves."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from crisisdesk.msel.times import (
    AS_CLOCK,
    AS_OFFSET,
    BARE,
    CLOCK,
    DATETIME,
    OFFSET,
    TimeFormatError,
    When,
    bare_means_offset,
    first_moment,
    parse_when,
    resolve_moments,
)

H, M = 3600, 60


@pytest.mark.parametrize(
    ("cell", "kind", "seconds"),
    [
        ("0:05", BARE, 5 * M),
        ("00:05:00", BARE, 5 * M),
        ("1:30:15", BARE, H + 30 * M + 15),
        ("T+1:30", OFFSET, H + 30 * M),
        ("t + 1:30", OFFSET, H + 30 * M),
        ("H+1:30", OFFSET, H + 30 * M),
        ("T+90", OFFSET, 90 * M),  # a bare number after T+ is minutes
        ("H+2", OFFSET, 2 * H),  # ... and hours after H+
        ("T+1h30", OFFSET, H + 30 * M),
        ("+90 min", OFFSET, 90 * M),
        ("90 min", OFFSET, 90 * M),
        ("+ 1 h 30", OFFSET, H + 30 * M),
        ("+2h", OFFSET, 2 * H),
        ("45 mn", OFFSET, 45 * M),
        ("+0:10", OFFSET, 10 * M),
        ("09h00", CLOCK, 9 * H),
        ("9 h 30", CLOCK, 9 * H + 30 * M),
        ("14 h", CLOCK, 14 * H),
        ("09:30 AM", CLOCK, 9 * H + 30 * M),
        ("7:29 PM", CLOCK, 19 * H + 29 * M),
        ("12:15 am", CLOCK, 15 * M),
        ("12:15 p.m.", CLOCK, 12 * H + 15 * M),
        ("J+1 H+2 M-5", OFFSET, 24 * H + 2 * H - 5 * M),
        ("J-60", OFFSET, -60 * 24 * H),
        ("J+2", OFFSET, 48 * H),
        ("H-1", OFFSET, -H),
        ("\u00a009h00\u00a0", CLOCK, 9 * H),  # non-breaking spaces from a word processor
    ],
)
def test_text_forms(cell, kind, seconds):
    when = parse_when(cell)
    assert (when.kind, when.seconds) == (kind, seconds)


def test_excel_time_fraction_is_bare():
    assert parse_when(0.25) == When(BARE, seconds=6 * H)
    assert parse_when(0.003472222222) == When(BARE, seconds=5 * M)


def test_excel_time_and_duration_cells():
    assert parse_when(time(9, 30)) == When(BARE, seconds=9 * H + 30 * M)
    assert parse_when(timedelta(hours=26, minutes=5)) == When(OFFSET, seconds=26 * H + 5 * M)


def test_datetime_cell_and_excel_serial():
    assert parse_when(datetime(2024, 6, 26, 9, 0)) == When(DATETIME, moment=datetime(2024, 6, 26, 9, 0))
    assert parse_when(45469.375).moment == datetime(2024, 6, 26, 9, 0)
    # a time cell some readers hand over on Excel's day zero
    assert parse_when(datetime(1899, 12, 30, 9, 30)) == When(BARE, seconds=9 * H + 30 * M)


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        ("26/06/2024 09h00", datetime(2024, 6, 26, 9, 0)),
        ("26/06/2024 9:30", datetime(2024, 6, 26, 9, 30)),
        ("26/06/24 14 h", datetime(2024, 6, 26, 14, 0)),
        ("26.06.2024", datetime(2024, 6, 26, 0, 0)),
        ("2032-06-22 07:00", datetime(2032, 6, 22, 7, 0)),
        ("2032-06-22T07:00:30", datetime(2032, 6, 22, 7, 0, 30)),
        ("22 juin 2032 14h", datetime(2032, 6, 22, 14, 0)),
        ("mardi 22 juin 2032 à 14 h", datetime(2032, 6, 22, 14, 0)),
    ],
)
def test_dates(cell, moment):
    assert parse_when(cell) == When(DATETIME, moment=moment)


def test_j_day_with_a_time_of_day():
    assert parse_when("J 09h00") == When(CLOCK, seconds=9 * H, day=0)
    assert parse_when("J+1 14h") == When(CLOCK, seconds=14 * H, day=1)
    assert parse_when("J-1 à 22:00") == When(CLOCK, seconds=22 * H, day=-1)


def test_scenario_weekday_forms():
    assert parse_when("Lundi 9:30") == When(CLOCK, seconds=9 * H + 30 * M, weekday=0)
    when = parse_when("mardi 22 juin 14 h")
    assert (when.kind, when.seconds, when.weekday, when.on.month, when.on.day, when.year_known) == (
        CLOCK, 14 * H, 1, 6, 22, False)
    assert parse_when("Wednesday 2:00 PM") == When(CLOCK, seconds=14 * H, weekday=2)
    assert parse_when("ven. 8h") == When(CLOCK, seconds=8 * H, weekday=4)


@pytest.mark.parametrize("cell", ["abc", "90", "25h00", "13:00 PM", "31/02/2024 09h00", "lundi midi", "", "  ", True,
                                  -0.5, "9:75"])
def test_refusals_say_what_was_found(cell):
    with pytest.raises(TimeFormatError) as info:
        parse_when(cell)
    assert str(info.value)


def test_bare_column_decision():
    bare = [When(BARE, seconds=0), When(BARE, seconds=5 * M)]
    assert bare_means_offset(bare) is True  # starts at 0:00: counted from STARTEX
    assert bare_means_offset([When(BARE, seconds=8 * H + 30 * M)]) is False  # 08:30: a time of day
    assert bare_means_offset(bare + [When(CLOCK, seconds=9 * H)]) is False  # 09h00 elsewhere settles it
    assert bare_means_offset([When(BARE, seconds=8 * H), When(OFFSET, seconds=0)]) is True
    assert bare_means_offset(bare, AS_CLOCK) is False
    assert bare_means_offset([When(BARE, seconds=9 * H)], AS_OFFSET) is True


def test_resolve_times_of_day_across_midnight_and_days():
    start = datetime(2032, 6, 22, 22, 0)
    whens = [When(CLOCK, seconds=22 * H), When(CLOCK, seconds=23 * H + 30 * M), When(CLOCK, seconds=30 * M),
             When(CLOCK, seconds=8 * H, day=1), When(CLOCK, seconds=9 * H, weekday=4), None,
             When(OFFSET, seconds=H)]
    assert resolve_moments(whens, start, bare_offset=False) == [
        datetime(2032, 6, 22, 22, 0),
        datetime(2032, 6, 22, 23, 30),
        datetime(2032, 6, 23, 0, 30),  # past midnight: the next day
        datetime(2032, 6, 23, 8, 0),  # J+1
        datetime(2032, 6, 25, 9, 0),  # the Friday after
        None,
        datetime(2032, 6, 22, 23, 0),  # offsets count from STARTEX
    ]


def test_resolve_date_without_year_takes_the_start_year():
    start = datetime(2032, 6, 21, 7, 0)
    [moment] = resolve_moments([parse_when("mardi 22 juin 14 h")], start, bare_offset=False)
    assert moment == datetime(2032, 6, 22, 14, 0)


def test_first_moment_is_the_start_default():
    whens = [None, parse_when("26/06/2024 09h00"), parse_when("26/06/2024 10h00")]
    assert first_moment(whens, bare_offset=False) == datetime(2024, 6, 26, 9, 0)
    assert first_moment([parse_when("09h00")], bare_offset=False) is None  # no date to take
    assert first_moment([parse_when("22 juin 14h")], bare_offset=False, year=2032).date() == date(2032, 6, 22)
