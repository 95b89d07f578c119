"""Who is signed in: Flask-Login's settings, the loader that accepts a session cookie
only while the sign-in it names is live on the server, and the remember-me cookie.

Every sign-in is a ``SignIn`` row (``sign_ins.py``). The session cookie carries a random
key naming it; the loader refuses the cookie once the row is ended or expired, so a
cookie copied before signing out opens nothing after it. "Keep me signed in" sets our
own ``remember_token`` cookie: a random token per sign-in, kept hashed, expiring after
``REMEMBER_DAYS`` and ended with the sign-in. Flask-Login's own remember cookie
(the user id with a fixed signature, the same for every sign-in) is never set.
"""

from flask import Flask, current_app, g, request, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from careerexpo.auth import sign_ins
from careerexpo.auth.models import SignIn, User
from careerexpo.extensions import login_manager

SIGN_IN_KEY = "sign_in"  # in the session: the key naming the live sign-in
LOGIN_ID = "login_id"  # in the session: the sign-in's id, as the chat names its sockets


def load_user(user_id: str) -> User | None:
    if not user_id.isdigit():
        return None
    sign_in = sign_ins.live_by_session_key(session.get(SIGN_IN_KEY), int(user_id))
    if sign_in is None or not sign_in.user.is_active:
        return None
    g.sign_in = sign_in
    sign_ins.seen(sign_in, current_app.permanent_session_lifetime)
    return sign_in.user


def current_sign_in() -> SignIn | None:
    """The live sign-in of this request, if someone is signed in."""
    return g.get("sign_in") if current_user.is_authenticated else None


def sign_in(user: User, remember: bool = False) -> SignIn:
    """Signs ``user`` in on this browser as a new sign-in, remembered if asked."""
    config = current_app.config
    row, session_key, remember_token = sign_ins.start(
        user, sign_ins.device_summary(request.user_agent.string), request.remote_addr or "",
        current_app.permanent_session_lifetime,
        config["REMEMBER_LIFETIME"] if remember else None)
    _adopt(row, session_key)
    if remember_token:
        g.remember_cookie = remember_token
    return row


def _adopt(row: SignIn, session_key: str, fresh: bool = True) -> None:
    # Flask-Login's "fresh": the password was typed in this session.
    login_user(row.user, remember=False, fresh=fresh)
    session[SIGN_IN_KEY] = session_key
    session[LOGIN_ID] = str(row.id)
    g.sign_in = row


def sign_out() -> None:
    """Ends this browser's sign-in on the server, then forgets it here."""
    row = current_sign_in()
    logout_user()
    session.pop(SIGN_IN_KEY, None)
    session.pop(LOGIN_ID, None)
    g.remember_cookie = None  # deletes the cookie
    g.pop("sign_in", None)
    if row is not None:
        sign_ins.end([row])


def _begin_request() -> None:
    # ``g`` outlives a request when an app context was pushed before it (scripts, tests):
    # who is signed in is always worked out afresh from this request's cookies.
    for name in ("_login_user", "sign_in", "remember_cookie"):
        g.pop(name, None)
    _restore_remembered_sign_in()


def _restore_remembered_sign_in() -> None:
    """A browser whose session has gone comes back with its remember-me cookie: the
    sign-in it names carries on under a new session key, for the rest of the visit."""
    token = request.cookies.get(current_app.config["REMEMBER_COOKIE_NAME"])
    if not token or request.endpoint in (None, "static") or current_user.is_authenticated:
        return
    resumed = sign_ins.resume(token)
    if resumed is None:
        g.remember_cookie = None  # ended, expired or unknown: delete it
        return
    _adopt(*resumed, fresh=False)


def _write_remember_cookie(response):
    if "remember_cookie" not in g:
        return response
    config = current_app.config
    name = config["REMEMBER_COOKIE_NAME"]
    common = {"path": "/", "secure": config["REMEMBER_COOKIE_SECURE"],
              "httponly": config["REMEMBER_COOKIE_HTTPONLY"],
              "samesite": config["REMEMBER_COOKIE_SAMESITE"]}
    if g.remember_cookie:
        response.set_cookie(name, g.remember_cookie,
                            max_age=int(config["REMEMBER_LIFETIME"].total_seconds()), **common)
    elif name in request.cookies:
        response.delete_cookie(name, **common)
    return response


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see that page.")
    login_manager.login_message_category = "info"
    # "basic", not "strong": the live sign-in on the server is what protects a session,
    # and it ends at sign-out. "Strong" threw the session away (and the remember-me
    # cookie with it) whenever the address changed, as it does for phones on the move,
    # and on the request after a remembered sign-in was restored.
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
    app.before_request(_begin_request)
    app.after_request(_write_remember_cookie)
