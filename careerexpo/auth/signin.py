"""Who is signed in: Flask-Login's settings, and the loader that turns the user id a
session names back into a user."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from careerexpo.auth.models import User
from careerexpo.extensions import db, login_manager


def load_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    return user if user and user.is_active else None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see that page.")
    login_manager.login_message_category = "info"
    # A stolen session cookie stops working when the user's IP or browser changes.
    login_manager.session_protection = "strong"
    login_manager.user_loader(load_user)
