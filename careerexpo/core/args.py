"""Query arguments, read one way on every page and in the API.

A value that cannot be used is never dropped or replaced by a default in silence:
it raises ``BadParameter`` naming the argument, which answers 400 as JSON to API
clients and as a page to browsers (core/errors.py). Empty values mean "not given",
so a form submitted with an empty select asks for nothing.
"""

from collections.abc import Collection

from werkzeug.datastructures import MultiDict

from careerexpo.core.errors import BadParameter
from careerexpo.core.pagination import MAX_PAGE, is_whole_number


def refuse_control_characters(args: MultiDict) -> None:
    """No argument needs control characters, and PostgreSQL cannot compare text with NUL.

    :raise BadParameter: naming the first argument that has one.
    """
    for name, value in args.items(multi=True):
        if any(ord(c) < 32 for c in value):
            raise BadParameter(name, "must not contain control characters")


def values(args: MultiDict, name: str) -> tuple[str, ...]:
    """Every value given for ``name``, each once, in order (a filter may repeat)."""
    return tuple(dict.fromkeys(v for v in args.getlist(name) if v != ""))


def single(args: MultiDict, name: str) -> str | None:
    """A setting given once, or repeated with the same value; otherwise which one counts
    would be a guess.

    :raise BadParameter: when ``name`` has two different values.
    """
    given = values(args, name)
    if len(given) > 1:
        raise BadParameter(name, "must be given once")
    return given[0] if given else None


def _check_allowed(name: str, value: str, allowed: Collection[str]) -> str:
    if value not in allowed:
        raise BadParameter(name, f"unknown value {value!r}; expected one of "
                                 f"{', '.join(allowed)}")
    return value


def choice(args: MultiDict, name: str, allowed: Collection[str]) -> str | None:
    """One value out of ``allowed``, or ``None`` when not given.

    :raise BadParameter: for a value not allowed, or two different values.
    """
    value = single(args, name)
    return None if value is None else _check_allowed(name, value, allowed)


def choices(args: MultiDict, name: str, allowed: Collection[str]) -> tuple[str, ...]:
    """Any number of values out of ``allowed``.

    :raise BadParameter: for the first value that is not allowed.
    """
    return tuple(_check_allowed(name, value, allowed) for value in values(args, name))


def whole_number(args: MultiDict, name: str, low: int, high: int, default: int) -> int:
    """A whole number from ``low`` to ``high``; ``default`` when not given.

    :raise BadParameter: for anything else (never clamped into the range).
    """
    raw = single(args, name)
    if raw is None:
        return default
    if not is_whole_number(raw) or not low <= int(raw) <= high:
        raise BadParameter(name, f"must be a whole number from {low} to {high}")
    return int(raw)


def page(args: MultiDict, name: str = "page") -> int:
    """The page of a list to show, from 1."""
    return whole_number(args, name, 1, MAX_PAGE, 1)


def text(args: MultiDict, name: str, max_length: int) -> str:
    """Free text, stripped; empty when not given.

    :raise BadParameter: when it is longer than ``max_length``.
    """
    value = (single(args, name) or "").strip()
    if len(value) > max_length:
        raise BadParameter(name, f"must be at most {max_length} characters")
    return value
