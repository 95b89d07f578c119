"""API tokens for tests: made through the service, as the tokens page makes them."""

from careerexpo.tokens.models import TokenScope
from careerexpo.tokens.services import create_token


def issue_token(employer, scope=TokenScope.READ_WRITE, name="Careers site") -> str:
    """A new token of ``employer``'s, in plain text."""
    return create_token(employer, name, scope)[1]


def bearer(raw: str) -> dict:
    return {"Authorization": f"Bearer {raw}"}
