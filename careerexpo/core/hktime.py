"""Hong Kong time: the one timezone CareerExpo shows and reasons in.

Dates people type (a closing date, an expo's days) are Hong Kong calendar days.
``zoneinfo`` is used rather than attaching a pytz zone with ``tzinfo=``, which
would silently give the zone's 19th-century local mean time (+7:37).
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

HONG_KONG = ZoneInfo("Asia/Hong_Kong")


def today_hk() -> date:
    return datetime.now(HONG_KONG).date()


def end_of_day_hk(day: date) -> datetime:
    """A closing date means the end of that day, Hong Kong time."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=HONG_KONG)


def to_hk(value: datetime) -> datetime:
    return value.astimezone(HONG_KONG)
