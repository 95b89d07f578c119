"""What a password must be, said once for registration, colleagues, a new password, a
reset and the CLI.

Length alone let ``1234567890`` and ``password12`` through. zxcvbn (Dropbox's estimator,
with its lists of the most common passwords, words and names, and its eye for keyboard
rows, repeats, sequences and dates) judges how guessable a password is; anything below
"safely unguessable" (score 3) is refused, with the reason in the reader's language.
"""

from flask_babel import gettext as _
from zxcvbn import zxcvbn

MIN_LENGTH = 12
MAX_LENGTH = 128
GOOD_ENOUGH = 3  # zxcvbn's "safely unguessable: moderate protection from offline attacks"


def password_problem(password: str, personal: tuple[str, ...] = ()) -> str | None:
    """Why ``password`` cannot be used, in the reader's language; ``None`` when it can.

    ``personal``: the person's email, name and the like, which a password must not lean on.
    """
    password = password or ""
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        return _("Use between %(low)s and %(high)s characters.", low=MIN_LENGTH,
                 high=MAX_LENGTH)
    words = [part for value in personal if value
             for part in (value, *value.replace("@", " ").replace(".", " ").split())]
    result = zxcvbn(password, user_inputs=words)
    if result["score"] < GOOD_ENOUGH or _mostly_personal(result["sequence"], password):
        return _reason(result["sequence"])
    return None


def _mostly_personal(matches: list[dict], password: str) -> bool:
    """Half the password or more is the person's name or email: whoever knows them guesses
    it sooner than zxcvbn's score says."""
    personal = sum(len(m["token"]) for m in matches
                   if m["pattern"] == "dictionary" and m.get("dictionary_name") == "user_inputs")
    return personal * 2 >= len(password)


def _reason(matches: list[dict]) -> str:
    """The weakness worth naming first, from zxcvbn's reading of the password."""
    for match in matches:
        if match["pattern"] == "dictionary" and match.get("dictionary_name") == "user_inputs":
            return _("This password is built on your name or email address; choose "
                     "another.")
    for match in matches:
        if match["pattern"] == "dictionary" and match.get("dictionary_name") == "passwords":
            return _("This is one of the most common passwords; choose another.")
    kinds = {match["pattern"] for match in matches}
    if "repeat" in kinds:
        return _("Repeated characters or words, like “aaaa” or “abcabc”, are easy to guess.")
    if "sequence" in kinds or "spatial" in kinds:
        return _("Sequences like “12345”, “abcde” or rows of keys like “qwerty” are easy to "
                 "guess.")
    if "date" in kinds or "regex" in kinds:
        return _("Dates and years are easy to guess.")
    return _("This password is easy to guess. Add a few uncommon words.")
