"""Times are written one way per language, in Hong Kong time, to the minute, with a month
no one can misread as a day."""

from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from careerexpo.core.formatting import hk_date, hk_datetime, hk_time, minutes


@contextmanager
def reading(app, lang: str):
    """A request in ``lang`` with an app context of its own, as every real request has
    (the locale and catalogue are kept per app context)."""
    with app.app_context(), app.test_request_context(f"/?lang={lang}"):
        yield


MOMENT = datetime(2026, 12, 3, 6, 15, 42, tzinfo=UTC)  # 2:15:42 pm in Hong Kong


@pytest.mark.parametrize("lang, day, moment, time_of_day", [
    ("en", "3 Dec 2026", "3 Dec 2026, 2:15 PM", "2:15 PM"),
    ("zh_Hant_HK", "2026年12月3日", "2026年12月3日 下午2:15", "下午2:15"),
    ("zh_Hans_CN", "2026年12月3日", "2026年12月3日 下午2:15", "下午2:15"),
])
def test_each_language_writes_days_and_times_one_way(app, lang, day, moment, time_of_day):
    with reading(app, lang):
        assert hk_date(MOMENT) == day
        assert hk_datetime(MOMENT) == moment
        assert hk_time(MOMENT) == time_of_day


def test_a_day_is_the_hong_kong_day(app):
    late_utc = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)  # 1:30 am on the 4th in Hong Kong
    with reading(app, "en"):
        assert hk_date(late_utc) == "4 Dec 2026"


@pytest.mark.parametrize("seconds, en, zh", [
    (None, "—", "—"), (20, "less than a minute", "少於一分鐘"), (61, "1 min", "1 分鐘"),
    (122, "2 min", "2 分鐘"), (3_600, "60 min", "60 分鐘")])
def test_durations_are_written_in_minutes(app, seconds, en, zh):
    with reading(app, "en"):
        assert minutes(seconds) == en
    with reading(app, "zh_Hant_HK"):
        assert minutes(seconds) == zh
