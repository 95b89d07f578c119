"""Account emails (a password reset link), written in the reader's language and sent
over SMTP with the alerts' settings (``core/mail.py``)."""

import logging
import threading
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr

from flask import render_template
from flask_babel import gettext as _

from careerexpo.auth.models import User
from careerexpo.core.mail import Mailer, MailError

log = logging.getLogger(__name__)


def reset_email(user: User, link: str, minutes: int, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = _("Set a new CareerExpo password")
    message["From"] = sender
    message["To"] = formataddr((user.name, user.email))
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid("reset", domain=parseaddr(sender)[1].rpartition("@")[2]
                                       or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(render_template("auth/reset_email.txt", user=user, link=link,
                                        minutes=minutes))
    return message


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
