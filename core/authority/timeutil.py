"""Time as the bank sees it: an injected clock, ISO-8601 UTC strings in the database, KST days
for certificates (docs/bank-core.md "Time")."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from ..npki.certificate import KST

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def iso(t: dt.datetime) -> str:
    """The database's time format: ISO-8601 in UTC."""
    return t.astimezone(dt.timezone.utc).isoformat()


def parse_time(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s)


def kst_today(now: dt.datetime) -> dt.date:
    return now.astimezone(KST).date()


def days_left(not_after: dt.datetime, now: dt.datetime) -> int:
    """Whole KST days from today to the expiry day (0 on the last day)."""
    return (not_after.astimezone(KST).date() - kst_today(now)).days


def one_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:      # 29 February
        return day.replace(year=day.year - 1, day=28)
