"""What a password must be, said once for the registration forms and the CLI."""

from flask_babel import gettext as _

MIN_LENGTH = 10
MAX_LENGTH = 128


def password_problem(password: str) -> str | None:
    """Why ``password`` cannot be used, in the reader's language; ``None`` when it can."""
    if not MIN_LENGTH <= len(password or "") <= MAX_LENGTH:
        return _("Use between %(low)s and %(high)s characters.", low=MIN_LENGTH,
                 high=MAX_LENGTH)
    return None
