"""Helpers shared by the features' WTForms."""

from wtforms import SelectChoice


def choices(pairs) -> list[SelectChoice]:
    """``(value, label)`` pairs as WTForms option declarations."""
    return [SelectChoice(value, label) for value, label in pairs]
