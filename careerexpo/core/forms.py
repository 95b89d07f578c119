"""Helpers shared by the features' WTForms."""

from wtforms import SelectChoice, SelectField


def choices(pairs) -> list[SelectChoice]:
    """``(value, label)`` pairs as WTForms option declarations."""
    return [SelectChoice(value, label) for value, label in pairs]


class OptionalSelectField(SelectField):
    """A select whose first option, "Choose…" (value ""), means nothing chosen: left empty
    or unsent, it is valid and stays ``None``, and no option is pre-selected."""

    def pre_validate(self, form):
        if self.data in (None, ""):
            self.data = None
            return
        super().pre_validate(form)
