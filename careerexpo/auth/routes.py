from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from careerexpo.auth import emails, registration, resets, services, sign_ins, signin
from careerexpo.auth.forms import (
    ChangePasswordForm,
    LoginForm,
    NewPasswordForm,
    RegisterForm,
    ResetRequestForm,
)
from careerexpo.core.enums import Role
from careerexpo.core.urls import safe_next
from careerexpo.extensions import limiter
from careerexpo.mailing import outbox

bp = Blueprint("auth", __name__)


def _home_for(user) -> str:
    """Where a user's work is: their roles, their expos, or the jobs."""
    if user.is_employer:
        return url_for("employer.jobs")
    if user.is_organiser:
        return url_for("expos.index")
    return url_for("jobs.search")


def _attempt_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = RegisterForm()
    if form.validate_on_submit():
        config = current_app.config
        registration.register(
            form.email.data, form.password.data, form.name.data, Role(form.role.data),
            config["EMAIL_CONFIRM_LIFETIME"], form.company_name.data or "",
            form.company_website.data or "",
            write_email=emails.registration_writer(_site_url(), config))
        outbox.deliver_soon()  # from another thread: the answer does not wait for it
        # The same answer whether the address was free or not (registration.py).
        flash(_("Check your email: we have sent a message to %(email)s to finish "
                "registering.", email=form.email.data), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/register.html", form=form)


@bp.route("/confirm/<token>", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
def confirm(token: str):
    """GET only shows a button: mail scanners that open links must not use them up."""
    link = registration.usable_confirmation(token)
    if link is None:
        return render_template("auth/link_expired.html"), 410
    if request.method == "POST":
        user = registration.confirm(token)
        if user is None:
            return render_template("auth/link_expired.html"), 410
        signin.sign_in(user)
        flash(_("Welcome to CareerExpo, %(name)s.", name=user.name), "success")
        return redirect(_home_for(user))
    return render_template("auth/confirm.html", user=link.user)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        signin.sign_in(form.user, remember=form.remember.data)
        flash(_("Signed in."), "success")
        return redirect(safe_next(_home_for(form.user)))
    return render_template("auth/login.html", form=form)


# POST only, with the CSRF token: a link or an image on another site cannot sign anyone out.
@bp.route("/logout", methods=["POST"])
def logout():
    signin.sign_out()  # ends the sign-in on the server (and its chat sockets)
    flash(_("Signed out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/account")
@login_required
def account():
    return _account_page(ChangePasswordForm(current_user))


def _account_page(password_form):
    return render_template("auth/account.html", password_form=password_form,
                           sign_ins=sign_ins.live_sign_ins(current_user),
                           this_sign_in=signin.current_sign_in())


@bp.route("/account/password", methods=["POST"])
@login_required
def change_password():
    form = ChangePasswordForm(current_user)
    if not form.validate_on_submit():
        return _account_page(form), 400
    ended = services.change_password(current_user, form.password.data,
                                      keep=signin.current_sign_in())
    flash(_("Your password is changed.") + " " + ngettext(
        "%(num)s other device was signed out.", "%(num)s other devices were signed out.",
        ended), "success")
    return redirect(url_for("auth.account"))


@bp.route("/account/sign-ins/<int:sign_in_id>/end", methods=["POST"])
@login_required
def end_sign_in(sign_in_id: int):
    """:raise 404: for a sign-in that is not the person's own, or has ended."""
    this = signin.current_sign_in()
    if this is not None and this.id == sign_in_id:
        return logout()
    if not sign_ins.end_one(current_user, sign_in_id):
        abort(404)
    flash(_("That device is signed out."), "success")
    return redirect(url_for("auth.account"))


@bp.route("/account/sign-out-everywhere", methods=["POST"])
@login_required
def sign_out_everywhere():
    user = current_user._get_current_object()
    signin.sign_out()
    sign_ins.end_all(user)
    flash(_("You are signed out on every device."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        config = current_app.config
        resets.start_reset(form.email.data, config["PASSWORD_RESET_LIFETIME"],
                           write_email=emails.reset_writer(_site_url(), config))
        outbox.deliver_soon()  # from another thread: the answer does not wait for it
        # The same answer whether or not the address has an account.
        flash(_("If an account uses %(email)s, we have sent it a link to set a new "
                "password. Check your email.", email=form.email.data), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form)


def _site_url() -> str:
    """Links in emails point at SITE_URL, never at whatever Host a request claimed (a
    forged Host would otherwise send someone's reset link to another site)."""
    site = current_app.config["SITE_URL"]
    if site:
        return site
    if current_app.debug or current_app.testing:
        return request.host_url.rstrip("/")
    abort(500, "set SITE_URL so that emails can link to the site")


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
def reset_password(token: str):
    reset = resets.usable_reset(token)
    if reset is None:
        return render_template("auth/link_expired.html"), 410
    form = NewPasswordForm(reset.user)
    if form.validate_on_submit():
        user = resets.finish_reset(token, form.password.data)
        if user is None:
            return render_template("auth/link_expired.html"), 410
        signin.sign_in(user)
        flash(_("Your new password is set, and every other device is signed out."),
              "success")
        return redirect(_home_for(user))
    return render_template("auth/reset_password.html", form=form)
