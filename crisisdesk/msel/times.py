"""Times as chronogrammes write them: parse one cell, then resolve a column to offsets.

Pure functions, no I/O. ``parse_when`` reads one cell (text, an Excel time or
datetime, a number of days) into a :class:`When`; ``resolve_times`` turns a column of
them into exercise offsets (seconds since STARTEX) or scenario date-times, given the
STARTEX moment. Every accepted form is listed in docs/msel-import.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from crisisdesk.msel.messages import MessageError, message

OFFSET = "offset"  # a delay since STARTEX (T+1:30, +90 min, J+1 H+2 M-5)
CLOCK = "clock"  # a time of day, maybe with a day (J+1, a weekday, a date without year)
DATETIME = "datetime"  # a full date and time
BARE = "bare"  # H:MM[:SS] or an Excel time: an offset or a time of day, the column decides

EXCEL_EPOCH = datetime(1899, 12, 30)

WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
}

FORMS_HINT = message("time.hint")


class TimeFormatError(MessageError, ValueError):
    """A cell that holds no time we can read; ``text(language)`` says what was found."""


@dataclass(frozen=True)
class When:
    """One parsed time cell.

    ``seconds``: for OFFSET and BARE, the delay in seconds (may be negative for
    OFFSET: ``J-60``); for CLOCK, seconds since midnight. CLOCK may carry ``day``
    (``J+1`` is 1), ``weekday`` (0 = Monday) or ``on`` (a date; ``year_known`` False
    when the cell gave only day and month). DATETIME carries ``moment``.
    """

    kind: str
    seconds: int = 0
    day: int | None = None
    weekday: int | None = None
    on: date | None = None
    year_known: bool = True
    moment: datetime | None = None


def normalise(text: str) -> str:
    """Lower-case, accents removed, non-breaking and repeated spaces made one space."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.lower().split())


_HMS = r"(\d{1,3}):([0-5]\d)(?::([0-5]\d))?"
_BARE = re.compile(rf"^{_HMS}$")
# T+1:30, H+1:30, T+90 (minutes), H+2 (hours), T + 1h30, T-0:10
_MARKED = re.compile(r"^([th])\s*([+-])\s*(?:(\d{1,3}):([0-5]\d)(?::([0-5]\d))?|(\d{1,3})\s*h\s*(\d{2})?|(\d{1,4}))$")
# +90 min, 90 min, + 1 h 30, +2h, 45 mn, -10 min, +1h30min
_DELAY = re.compile(
    r"^([+-])?\s*(?:(\d{1,3})\s*h(?:eures?)?\s*(?:(\d{1,2})\s*(?:min|mn|m)?)?|(\d{1,4})\s*(?:min|mins|minutes?|mn|m))$"
)
_PLUS_HMS = re.compile(rf"^([+-])\s*{_HMS}$")
# J+1 H+2 M-5, J-60, H+3, J+1 H-2 (any subset, in this order)
_JHM = re.compile(r"^(?:j\s*([+-]\s*\d{1,4})?)?\s*(?:h\s*([+-]\s*\d{1,3}))?\s*(?:m\s*([+-]\s*\d{1,4}))?$")
# 09h00, 9 h 30, 14 h, 9h
_CLOCK_H = re.compile(r"^(\d{1,2})\s*h\s*(\d{2})?$")
# 09:30 AM, 7:29 PM, 7 pm, 7:29 p.m.
_CLOCK_12 = re.compile(r"^(\d{1,2})(?::([0-5]\d))?(?::([0-5]\d))?\s*([ap])\.?\s*m\.?$")
_DATE_NUM = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b\s*(?:a\s+|at\s+|,\s*)?(.*)$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[t ]\s*(.*))?$")
_J_DAY = re.compile(r"^j\s*(?:([+-])\s*(\d{1,3}))?\s*,?\s*(?:a\s+)?(.+)$")


def parse_when(value: object) -> When:
    """Read one cell; raise TimeFormatError with a readable message when it is no time."""
    if isinstance(value, datetime):
        if value.date() == EXCEL_EPOCH.date() or value.date() == date(1899, 12, 31):
            return When(BARE, seconds=_secs(value.time()))  # a time cell some readers give a date
        return When(DATETIME, moment=value.replace(microsecond=0, tzinfo=None))
    if isinstance(value, time):
        return When(BARE, seconds=_secs(value))
    if isinstance(value, timedelta):
        return When(OFFSET, seconds=round(value.total_seconds()))
    if isinstance(value, date):
        return When(DATETIME, moment=datetime.combine(value, time()))
    if isinstance(value, bool):
        raise TimeFormatError("time.not_time", value=str(value), hint=FORMS_HINT)
    if isinstance(value, int | float):
        return _from_number(float(value))
    if not isinstance(value, str):
        raise TimeFormatError("time.not_time", value=str(value), hint=FORMS_HINT)
    text = normalise(value)
    if not text:
        raise TimeFormatError("time.empty")
    when = _parse_text(text)
    if when is None:
        raise TimeFormatError("time.unreadable", value=value.strip(), hint=FORMS_HINT)
    return when


def _from_number(number: float) -> When:
    if number < 0:
        raise TimeFormatError("time.negative", number=number)
    if number < 1:  # an Excel time: a fraction of a day
        return When(BARE, seconds=round(number * 86400))
    if number > 2_958_465:  # past 9999-12-31
        raise TimeFormatError("time.not_date", number=number)
    moment = EXCEL_EPOCH + timedelta(days=number)
    return When(DATETIME, moment=_round_second(moment))


def _round_second(moment: datetime) -> datetime:
    return (moment + timedelta(microseconds=500_000)).replace(microsecond=0)


def _secs(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second + (1 if t.microsecond >= 500_000 else 0)


def _parse_text(text: str) -> When | None:
    match = _BARE.match(text)
    if match:
        return When(BARE, seconds=_hms(*match.groups()))
    match = _MARKED.match(text)
    if match:
        letter, sign, h, m, s, hh, hm, n = match.groups()
        if h is not None:
            seconds = _hms(h, m, s)
        elif hh is not None:
            seconds = int(hh) * 3600 + int(hm or 0) * 60
        else:  # a bare number: minutes after T, hours after H
            seconds = int(n) * (3600 if letter == "h" else 60)
        return When(OFFSET, seconds=-seconds if sign == "-" else seconds)
    match = _PLUS_HMS.match(text)
    if match:
        sign, h, m, s = match.groups()
        seconds = _hms(h, m, s)
        return When(OFFSET, seconds=-seconds if sign == "-" else seconds)
    match = _DELAY.match(text)
    if match and (match.group(1) or match.group(4) or "min" in text or "mn" in text):
        sign, h, hm, minutes = match.groups()
        seconds = int(minutes) * 60 if minutes is not None else int(h) * 3600 + int(hm or 0) * 60
        return When(OFFSET, seconds=-seconds if sign == "-" else seconds)
    clock = _parse_clock(text)
    if clock is not None:
        return When(CLOCK, seconds=clock)
    match = _JHM.match(text)
    if match and any(match.groups()) or text == "j":
        days, hours, minutes = (int(g.replace(" ", "")) if g else 0 for g in match.groups())
        return When(OFFSET, seconds=days * 86400 + hours * 3600 + minutes * 60)
    match = _DATE_NUM.match(text)
    if match:
        return _dated(date_parts=(int(match.group(3)), int(match.group(2)), int(match.group(1))), rest=match.group(4))
    match = _DATE_ISO.match(text)
    if match:
        return _dated(date_parts=(int(match.group(1)), int(match.group(2)), int(match.group(3))),
                      rest=match.group(4) or "")
    match = _J_DAY.match(text)
    if match:
        sign, n, rest = match.groups()
        clock = _parse_clock(rest.strip())
        if clock is not None:
            day = int(n or 0) * (-1 if sign == "-" else 1)
            return When(CLOCK, seconds=clock, day=day)
    return _parse_weekday(text)


def _hms(h: str, m: str, s: str | None) -> int:
    return int(h) * 3600 + int(m) * 60 + int(s or 0)


def _parse_clock(text: str) -> int | None:
    """Seconds since midnight for 09h00, 9 h 30, 09:30, 9:30 AM; None if not a clock."""
    match = _CLOCK_H.match(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        return hours * 3600 + minutes * 60 if hours < 24 and minutes < 60 else None
    match = _CLOCK_12.match(text)
    if match:
        hours, minutes, seconds, half = match.groups()
        hours = int(hours)
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half == "p" else 0)
        return hours * 3600 + int(minutes or 0) * 60 + int(seconds or 0)
    match = _BARE.match(text)
    if match and int(match.group(1)) < 24:
        return _hms(*match.groups())
    return None


def _dated(date_parts: tuple[int, int, int], rest: str) -> When | None:
    year, month, day = date_parts
    if year < 100:
        year += 2000
    try:
        on = date(year, month, day)
    except ValueError:
        return None
    rest = rest.strip()
    clock = _parse_clock(rest) if rest else 0
    if clock is None:
        return None
    return When(DATETIME, moment=datetime.combine(on, time()) + timedelta(seconds=clock))


def _parse_weekday(text: str) -> When | None:
    """``lundi 9:30``, ``mardi 22 juin 14 h``, ``Tue 22 June 2:00 PM``, ``22 juin 2032 14h``."""
    words = text.replace(",", " ").replace(".", " ").split()
    weekday = None
    if words and words[0] in WEEKDAYS:
        weekday = WEEKDAYS[words[0]]
        words = words[1:]
    day = month = year = None
    if len(words) >= 2 and words[0].isdigit() and words[1] in MONTHS:
        day, month = int(words[0].rstrip("er")), MONTHS[words[1]]
        words = words[2:]
        if words and re.fullmatch(r"\d{4}", words[0]):
            year = int(words[0])
            words = words[1:]
    if words and words[0] in ("a", "at"):
        words = words[1:]
    if weekday is None and day is None:
        return None
    rest = " ".join(words)
    clock = _parse_clock(rest) if rest else 0
    if clock is None:
        return None
    if day is not None:
        try:
            on = date(year or 2000, month, day)  # 2000 is a leap year: 29 February passes
        except ValueError:
            return None
        if year is not None:
            return When(DATETIME, moment=datetime.combine(on, time()) + timedelta(seconds=clock))
        return When(CLOCK, seconds=clock, weekday=weekday, on=on, year_known=False)
    return When(CLOCK, seconds=clock, weekday=weekday)


# -- a column of times --------------------------------------------------------------

AUTO, AS_OFFSET, AS_CLOCK = "auto", "offset", "clock"


def bare_means_offset(whens: list[When | None], mode: str = AUTO) -> bool:
    """Decide what the bare ``H:MM`` cells of one column are.

    ``offset`` or ``clock`` when the mapping says so. Otherwise: times of day when the
    column also holds explicit times of day or dates (``09h00``, a date), delays when
    it holds explicit delays (``T+0:10``), and else delays when the first one is below
    1:00 (a chronogramme that starts at ``0:00`` counts from STARTEX) and times of day
    when it starts later (``08:30``).
    """
    if mode == AS_OFFSET:
        return True
    if mode == AS_CLOCK:
        return False
    kinds = {w.kind for w in whens if w is not None}
    if kinds & {CLOCK, DATETIME}:
        return False
    if OFFSET in kinds:
        return True
    bare = [w.seconds for w in whens if w is not None and w.kind == BARE]
    return bool(bare) and bare[0] < 3600


def first_moment(whens: list[When | None], bare_offset: bool, year: int | None = None) -> datetime | None:
    """The first absolute moment of a column (the STARTEX default), or None if it has none."""
    for when in whens:
        if when is None:
            continue
        if when.kind == DATETIME:
            return when.moment
        if when.kind == CLOCK and when.on is not None and (when.year_known or year):
            on = when.on if when.year_known else _with_year(when.on, year)
            return datetime.combine(on, time()) + timedelta(seconds=when.seconds)
        if when.kind == CLOCK or (when.kind == BARE and not bare_offset):
            return None  # a time of day without a date: the date must come from elsewhere
    return None


def first_clock(whens: list[When | None], bare_offset: bool) -> int | None:
    """Seconds since midnight of the first time of day in a column, if it starts with one."""
    for when in whens:
        if when is None:
            continue
        if when.kind == CLOCK or (when.kind == BARE and not bare_offset):
            return when.seconds
        if when.kind == DATETIME:
            return when.moment.hour * 3600 + when.moment.minute * 60 + when.moment.second
        return None
    return None


def _with_year(on: date, year: int | None) -> date:
    try:
        return on.replace(year=year or 2000)
    except ValueError:
        return on.replace(year=year or 2000, day=28)


def resolve_moments(whens: list[When | None], start: datetime, bare_offset: bool) -> list[datetime | None]:
    """Turn each cell into a date-time, STARTEX being ``start``.

    Offsets count from ``start``; a time of day alone falls on the day of the row
    before it, or the next day when it would go back more than 12 hours (a night
    shift past midnight); ``J+n`` falls n days after ``start``'s day; a weekday on
    the first such day on or after the day of the row before it.
    """
    out: list[datetime | None] = []
    day = start.date()
    for when in whens:
        if when is None:
            out.append(None)
            continue
        if when.kind == OFFSET or (when.kind == BARE and bare_offset):
            moment = start + timedelta(seconds=when.seconds)
        elif when.kind == DATETIME:
            moment = when.moment
        else:  # a time of day
            if when.day is not None:
                on = start.date() + timedelta(days=when.day)
            elif when.on is not None:
                on = when.on if when.year_known else _with_year(when.on, start.year)
            elif when.weekday is not None:
                on = day + timedelta(days=(when.weekday - day.weekday()) % 7)
            else:
                on = day
                previous = next((m for m in reversed(out) if m is not None), None)
                if previous is not None and previous.date() == day:
                    prev_secs = previous.hour * 3600 + previous.minute * 60 + previous.second
                    if when.seconds < prev_secs - 12 * 3600:
                        on = day + timedelta(days=1)
            moment = datetime.combine(on, time()) + timedelta(seconds=when.seconds)
        if moment.date() > day or when.kind != OFFSET:
            day = moment.date()
        out.append(moment)
    return out
