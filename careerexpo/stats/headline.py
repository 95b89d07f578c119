"""The headline text rules of DOMAIN.md: the one place that rounds a figure for print.

The 2022 press release writes "2,900+ job opportunities" for 2,947 roles and
"70%+" for 72%: a published figure is never larger than the truth. So:

- a count of 100 or more is floored to two significant digits and gets a plus:
  2,947 → "2,900+", 283 → "280+", 1,049 → "1,000+", 100 → "100+" (100 or more);
  a count under 100 is written as it is: 42 → "42", 0 → "0";
- a share (a fraction from 0 to 1) is floored to a multiple of 5 percent and gets
  "%+": 0.7234 → "70%+", exactly 0.70 → "70%+", 0.6999 → "65%+", 0.04 → "0%+",
  0.0 → "0%+" and 1.0 → "100%+" (the rule applied literally, with no special case);
- an exact count, such as the seed's "InnoHK: 624", is written with thousands
  separators and no rounding;
- a share sent as a number is rounded to 4 decimals.

Text is built from exact fractions (``Fraction(part, whole)``), never from a share
already rounded to 4 decimals: 0.69996 rounds to 0.7000 but must print "65%+".
Digits are grouped with a comma whatever the locale, as in the release, so the
JSON API answers the same text to everyone.
"""

from fractions import Fraction
from numbers import Rational

SHARE_DECIMALS = 4
SHARE_STEP_PERCENT = 5
COUNT_PLUS_FROM = 100
SIGNIFICANT_DIGITS = 2


def _whole(count: int) -> int:
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError(f"a count is a whole number, not {count!r}")
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    return count


def floor_count(count: int) -> int:
    """``count`` floored to two significant digits (unchanged under 100).

    :raise ValueError: for a negative count. :raise TypeError: for a non-integer.
    """
    count = _whole(count)
    if count < COUNT_PLUS_FROM:
        return count
    unit = 10 ** (len(str(count)) - SIGNIFICANT_DIGITS)
    return count // unit * unit


def count_text(count: int) -> str:
    """A headline count: "2,900+" for 2,947, "280+" for 283, "42" for 42."""
    floored = floor_count(count)
    return f"{floored:,}+" if count >= COUNT_PLUS_FROM else f"{floored:,}"


def exact_count_text(count: int) -> str:
    """A count given exactly, as the release gives "InnoHK: 624": "1,204" for 1,204."""
    return f"{_whole(count):,}"


def as_fraction(share) -> Fraction:
    """A share as an exact fraction; a float is read by its shortest decimal form.

    ``0.7`` is the float nearest 7/10, so reading it as the decimal "0.7" keeps
    an exact 70% at "70%+" instead of flooring the float's 0.6999… to "65%+".

    :raise ValueError: for a share outside 0 to 1. :raise TypeError: for a non-number.
    """
    if isinstance(share, bool):
        raise TypeError(f"a share is a number, not {share!r}")
    if isinstance(share, float):
        value = Fraction(repr(share))
    elif isinstance(share, Rational):
        value = Fraction(share)
    else:
        raise TypeError(f"a share is a number, not {share!r}")
    if not 0 <= value <= 1:
        raise ValueError(f"a share is from 0 to 1, not {share!r}")
    return value


def floor_share_percent(share) -> int:
    """The share in percent, floored to a multiple of 5: 0.7234 → 70."""
    steps = as_fraction(share) * 100 // SHARE_STEP_PERCENT
    return int(steps) * SHARE_STEP_PERCENT


def share_text(share) -> str:
    """A headline share: "70%+" for 0.7234 (or for ``Fraction(7234, 10000)``)."""
    return f"{floor_share_percent(share)}%+"


def share_of(part: int, whole: int) -> Fraction:
    """``part`` of ``whole`` as an exact fraction; 0 when ``whole`` is 0 (an empty expo).

    :raise ValueError: when ``part`` is negative or larger than ``whole``.
    """
    part, whole = _whole(part), _whole(whole)
    if part > whole:
        raise ValueError(f"a part ({part}) cannot exceed its whole ({whole})")
    return Fraction(part, whole) if whole else Fraction(0)


def share_value(share) -> float:
    """The share the API sends: a float rounded to 4 decimals, as ``round(n / d, 4)`` does."""
    return round(float(as_fraction(share)), SHARE_DECIMALS)
