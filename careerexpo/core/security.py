"""The security headers every response carries, and no caching of anyone's private pages."""

from flask import Flask, Response
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from careerexpo.extensions import talisman

# The one host pages may frame: YouTube's no-cookie player, for booth videos
# (booths/video.py). It sets no cookie until the visitor presses play.
VIDEO_EMBED_HOST = "https://www.youtube-nocookie.com"

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "connect-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "frame-src": VIDEO_EMBED_HOST,
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def init_app(app: Flask) -> None:
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        strict_transport_security=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_http_only=True,
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
        frame_options="DENY",
        content_security_policy=CONTENT_SECURITY_POLICY,
        referrer_policy="strict-origin-when-cross-origin",
    )
    app.after_request(_private_pages_are_not_stored)


def trust_proxies(app: Flask) -> None:
    """Wraps the whole WSGI app, so must come after every other middleware (Socket.IO's
    and the chat's handshake gate see the client's address too)."""
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        # Behind N proxies, the client's address is the Nth from the right of
        # X-Forwarded-For: sign-in limits then count each client, not the proxy. A
        # header a client wrote itself, left of those, is never believed.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,
                                x_host=proxies)


def _private_pages_are_not_stored(response: Response) -> Response:
    """A page made for a signed-in person (their applications, applicants, CVs) is kept
    by no browser history cache or proxy; a response that says how it may be cached
    (static files, public uploads) keeps its own say."""
    if "Cache-Control" not in response.headers and current_user.is_authenticated:
        response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response
