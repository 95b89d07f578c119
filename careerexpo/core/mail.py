"""Email over a real SMTP connection (smtplib), configured by the MAIL_* settings: job
alerts send through it, and the queued account and meeting emails (``mailing/``)."""

import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr

# SMTP line endings, and headers not folded before the protocol's 998 characters: a
# folded List-Unsubscribe URL would be written as RFC 2047 encoded words, which mail
# clients do not read as a link.
LONG_LINES = policy.SMTP.clone(max_line_length=998)

# Replies that say for certain the server did not take the message; anything else
# (a dropped connection mid-message) leaves it unknown whether it was delivered.
REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def new_message(kind: str, subject: str, sender: str, to: tuple[str, str]) -> EmailMessage:
    """An automatic email's envelope: subject, sender, ``to`` (name, address), date, a
    Message-ID on the sender's domain that says what ``kind`` of email it is, and the
    header that keeps vacation responders from answering it. The caller adds the body."""
    message = EmailMessage(policy=LONG_LINES)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = formataddr(to)
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(kind, domain=parseaddr(sender)[1].rpartition("@")[2]
                                       or None)
    message["Auto-Submitted"] = "auto-generated"
    return message


class MailError(Exception):
    """Sending failed; ``refused`` is True when the server certainly kept nothing, and
    ``permanent`` when it said it never will take this message (a 5xx reply refusing
    the recipient or the message, rather than our sender or the moment)."""

    def __init__(self, message: str, refused: bool, permanent: bool = False):
        super().__init__(message)
        self.refused = refused
        self.permanent = permanent


def _refused_for_good(exc: smtplib.SMTPException) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(code >= 500 for code, _ in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPDataError) and exc.smtp_code >= 500


class Mailer:
    """One SMTP session for many messages: ``with Mailer(config) as mailer: mailer.send(m)``."""

    def __init__(self, config):
        self.host = config["MAIL_SERVER"]
        self.port = config["MAIL_PORT"]
        self.use_ssl = config["MAIL_USE_SSL"]
        self.use_tls = config["MAIL_USE_TLS"]
        self.username = config["MAIL_USERNAME"]
        self.password = config["MAIL_PASSWORD"]
        self.timeout = config["MAIL_TIMEOUT"]
        self.smtp = None

    def __enter__(self) -> "Mailer":
        return self.open()

    def open(self) -> "Mailer":
        """Connects and signs in. :raise MailError: (refused) when that fails: nothing was sent."""
        try:
            if self.use_ssl:
                self.smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                             context=ssl.create_default_context())
            else:
                self.smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.use_tls:
                    self.smtp.starttls(context=ssl.create_default_context())
            if self.username:
                self.smtp.login(self.username, self.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise MailError(f"cannot reach {self.host}:{self.port}: {exc}", refused=True) from exc
        return self

    def send(self, message: EmailMessage) -> None:
        try:
            self.smtp.send_message(message)
        except REFUSED as exc:
            raise MailError(f"the mail server refused it: {exc}", refused=True,
                            permanent=_refused_for_good(exc)) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"the connection failed mid-message: {exc}", refused=False) from exc

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None

    def __exit__(self, *_exc) -> None:
        self.close()
