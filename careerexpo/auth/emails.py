"""Account emails (finishing a registration, a registration with a taken address, a
password reset link), written in the reader's language; they are queued with the
change that asks for them and sent from the queue (``mailing/``)."""

from email.message import EmailMessage

from flask import render_template, url_for
from flask_babel import gettext as _

from careerexpo.auth.models import User
from careerexpo.core.mail import new_message


def _email(user: User, subject: str, sender: str, template: str, **context) -> EmailMessage:
    message = new_message("account", subject, sender, (user.name, user.email))
    message.set_content(render_template(template, user=user, **context))
    return message


def reset_email(user: User, link: str, minutes: int, sender: str) -> EmailMessage:
    return _email(user, _("Set a new CareerExpo password"), sender, "auth/reset_email.txt",
                  link=link, minutes=minutes)


def confirm_email(user: User, link: str, hours: int, sender: str) -> EmailMessage:
    """To a new account: the link that finishes registering and signs in."""
    return _email(user, _("Finish registering with CareerExpo"), sender,
                  "auth/confirm_email.txt", link=link, hours=hours)


def address_taken_email(user: User, login_url: str, reset_url: str,
                        sender: str) -> EmailMessage:
    """To the owner of an address someone tried to register with again."""
    return _email(user, _("Someone tried to register with your email address"), sender,
                  "auth/address_taken_email.txt", login_url=login_url, reset_url=reset_url)


def registration_writer(site: str, config):
    """What ``registration.register`` queues for its outcome: the link that finishes
    registering, or, for a taken address, the ways to sign in. Links start at ``site``."""
    def write(outcome) -> EmailMessage:
        if outcome.created:
            return confirm_email(
                outcome.user, site + url_for("auth.confirm", token=outcome.confirm_token),
                int(config["EMAIL_CONFIRM_LIFETIME"].total_seconds() // 3600),
                config["MAIL_SENDER"])
        return address_taken_email(
            outcome.user, site + url_for("auth.login"), site + url_for("auth.reset_request"),
            config["MAIL_SENDER"])
    return write


def reset_writer(site: str, config):
    """What ``resets.start_reset`` queues for an account and its new token."""
    def write(user: User, token: str) -> EmailMessage:
        return reset_email(user, site + url_for("auth.reset_password", token=token),
                           int(config["PASSWORD_RESET_LIFETIME"].total_seconds() // 60),
                           config["MAIL_SENDER"])
    return write
