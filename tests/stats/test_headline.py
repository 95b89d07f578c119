"""The headline text rules of DOMAIN.md, one module owning them (stats/headline.py)."""

from fractions import Fraction

import pytest

from careerexpo.stats.headline import (
    count_text,
    exact_count_text,
    floor_count,
    share_of,
    share_text,
    share_value,
)


@pytest.mark.parametrize(("count", "text"), [
    (2947, "2,900+"),  # the 2022 expo's roles
    (283, "280+"),  # and its companies
    (1049, "1,000+"),
    (1000, "1,000+"),
    (100, "100+"),  # "100 or more": the plus starts at 100
    (109, "100+"),
    (110, "110+"),
    (999, "990+"),
    (99, "99"),  # under 100: as it is
    (42, "42"),
    (1, "1"),
    (0, "0"),
    (100_000, "100,000+"),
    (123_456, "120,000+"),
    (1_999_999, "1,900,000+"),
])
def test_a_count_is_floored_to_two_significant_digits_from_100(count, text):
    assert count_text(count) == text


def test_a_headline_count_never_overstates_the_truth():
    for count in range(0, 20_000, 7):
        assert floor_count(count) <= count
        assert int(count_text(count).rstrip("+").replace(",", "")) == floor_count(count)


@pytest.mark.parametrize(("share", "text"), [
    (0.7234, "70%+"),  # the example
    (0.70, "70%+"),  # exactly 70%: the float 0.7 is read as the decimal it was written as
    (Fraction(7, 10), "70%+"),
    (Fraction(2030, 2900), "70%+"),  # 70% exactly, of a real count
    (Fraction(2029, 2900), "65%+"),  # a hair under 70%
    (0.6999, "65%+"),
    (0.69996, "65%+"),  # rounds to 0.7000 for the API, still 65%+ in text
    (0.0, "0%+"),
    (0, "0%+"),
    (0.049, "0%+"),
    (0.05, "5%+"),
    (0.15, "15%+"),  # 0.15 * 100 is 15.000000000000002 in floats; 0.15 * 20 is 3.0000000000000004
    (0.35, "35%+"),
    (0.55, "55%+"),
    (0.99, "95%+"),
    (1.0, "100%+"),
    (1, "100%+"),
])
def test_a_share_is_floored_to_a_multiple_of_five_percent(share, text):
    assert share_text(share) == text


def test_every_share_of_a_thousand_is_floored_exactly():
    for part in range(0, 1001):
        assert share_text(Fraction(part, 1000)) == f"{part // 50 * 5}%+"
        assert share_text(part / 1000) == f"{part // 50 * 5}%+"


def test_shares_for_the_api_are_rounded_to_four_decimals():
    assert share_value(Fraction(2122, 2947)) == 0.7201
    assert share_value(share_of(2, 3)) == 0.6667
    assert share_value(share_of(0, 0)) == 0  # an expo without jobs: 0, not an error
    assert share_value(share_of(5, 5)) == 1.0
    assert share_value(Fraction(2, 3)) == round(2 / 3, 4)


def test_an_exact_count_keeps_every_digit():
    assert exact_count_text(624) == "624"
    assert exact_count_text(1204) == "1,204"


@pytest.mark.parametrize("bad", [-0.01, 1.01, Fraction(3, 2), -1])
def test_a_share_outside_zero_to_one_is_refused(bad):
    with pytest.raises(ValueError):
        share_text(bad)


@pytest.mark.parametrize("bad", ["70%", None, True, float("nan")])
def test_a_share_that_is_not_a_number_is_refused(bad):
    with pytest.raises((TypeError, ValueError)):
        share_text(bad)


def test_a_count_must_be_a_whole_number_from_zero():
    with pytest.raises(ValueError):
        count_text(-1)
    with pytest.raises(TypeError):
        count_text(2947.0)
    with pytest.raises(ValueError):
        share_of(3, 2)
