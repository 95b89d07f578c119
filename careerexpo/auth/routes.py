import secrets

from flask import Blueprint, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from careerexpo.auth import services
from careerexpo.auth.forms import LoginForm, RegisterForm
from careerexpo.core.enums import Role
from careerexpo.core.urls import safe_next
from careerexpo.extensions import limiter

bp = Blueprint("auth", __name__)


def _home_for(user) -> str:
    """Where a user's work is: their roles, their expos, or the jobs."""
    if user.is_employer:
        return url_for("employer.jobs")
    if user.is_organiser:
        return url_for("expos.index")
    return url_for("jobs.search")


def _sign_in(user, remember: bool = False) -> None:
    login_user(user, remember=remember)
    # Names this sign-in, so signing out can end the chat sockets opened under it.
    session["login_id"] = secrets.token_hex(8)


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = RegisterForm()
    if form.validate_on_submit():
        if form.role.data == Role.EMPLOYER.value:
            user, _created = services.register_employer(
                form.email.data, form.password.data, form.name.data, form.company_name.data,
                form.company_website.data)
        else:
            user = services.register_candidate(form.email.data, form.password.data,
                                               form.name.data)
        _sign_in(user)
        flash(_("Welcome to CareerExpo, %(name)s.", name=user.name), "success")
        return redirect(_home_for(user))
    return render_template("auth/register.html", form=form)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        _sign_in(form.user, remember=form.remember.data)
        flash(_("Signed in."), "success")
        return redirect(safe_next(_home_for(form.user)))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["GET", "POST"])
def logout():
    logout_user()  # tells whoever listens (chat ends the sockets of this sign-in)
    session.pop("login_id", None)
    flash(_("Signed out."), "info")
    return redirect(url_for("main.index"))
