"""Account emails (finishing a registration, a registration with a taken address, a
password reset link), written in the reader's language and sent
over SMTP with the alerts' settings (``core/mail.py``)."""

import logging
import threading
from email.message import EmailMessage

from flask import render_template
from flask_babel import gettext as _

from careerexpo.auth.models import User
from careerexpo.core.mail import Mailer, MailError, new_message

log = logging.getLogger(__name__)


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


def send(message: EmailMessage, config) -> bool:
    """Sends one email; a failure is logged, not raised, so the page that asked for it
    answers as it always does (and says nothing about the address)."""
    try:
        with Mailer(config) as mailer:
            mailer.send(message)
    except MailError:
        log.exception("could not send %r", message["Subject"])
        return False
    return True


def send_soon(message: EmailMessage, config) -> threading.Thread:
    """Sends from another thread, so the page answers as fast whether or not an email
    goes out: how long it takes says nothing about the address either."""
    settings = {key: value for key, value in config.items() if key.startswith("MAIL_")}
    thread = threading.Thread(target=send, args=(message, settings), daemon=True,
                              name="account-email")
    thread.start()
    return thread
