"""Employer API tokens on requests: who is calling, what they may do, and how often.

Only the ``Authorization: Bearer …`` header counts; a session cookie gives no access
here, so the token API needs no CSRF protection.
"""

from functools import wraps

from flask import abort, current_app, g, request

from careerexpo.api.blueprint import BEARER, bp
from careerexpo.api.schemas import ErrorSchema
from careerexpo.auth.models import User
from careerexpo.extensions import limiter
from careerexpo.tokens import services as tokens

CHALLENGE = 'Bearer realm="CareerExpo API"'


def _bearer_value() -> str | None:
    scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


def current_employer() -> User:
    """The employer whose token authenticated this request (inside ``token_required``)."""
    return g.api_token.user


def _limit() -> str:
    return current_app.config["API_TOKEN_RATE_LIMIT"]


def _token_key() -> str:
    return f"api-token:{g.api_token.id}"


# One budget per token, shared by every endpoint it calls.
_per_token = limiter.shared_limit(_limit, scope="employer-api", key_func=_token_key)


def _document(view, write: bool):
    view = bp.doc(security=[{BEARER: []}])(view)
    view = bp.alt_response(401, schema=ErrorSchema,
                           description="No token, or a revoked or unknown one.")(view)
    view = bp.alt_response(429, schema=ErrorSchema,
                           description="The token made too many requests; wait and retry.")(view)
    if write:
        view = bp.alt_response(403, schema=ErrorSchema,
                               description="The token is read-only.")(view)
    return view


def token_required(write: bool = False):
    """Runs the view for an active employer token: 401 without one, 403 when a read-only
    token asks to write, 429 past the token's rate limit."""

    def decorator(view):
        limited = _per_token(view)

        @wraps(view)
        def wrapped(*args, **kwargs):
            raw = _bearer_value()
            token = tokens.authenticate(raw) if raw else None
            if token is None:
                abort(401, "send an active API token: Authorization: Bearer cxp_…")
            if write and not token.can_write:
                abort(403, "this token may only read; make a read-and-write token to change roles")
            g.api_token = token
            tokens.record_use(token)
            return limited(*args, **kwargs)

        return _document(wrapped, write)

    return decorator


@bp.after_request
def _challenge_unauthenticated(response):
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = CHALLENGE
    return response
