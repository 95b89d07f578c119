"""Delivering queued emails: each claimed by one deliverer, sent, then forgotten.

*Claiming.* Before sending an email a deliverer moves its ``next_attempt_at`` ahead by
``CLAIM`` with a conditional UPDATE that matches only while the email is still waiting
and due, and commits. Only one claimant's UPDATE can match: PostgreSQL makes a second
one wait for the first's row lock and then checks the condition again, SQLite writes
one transaction at a time. So the thread a page starts and any number of overlapping
``flask send-alerts`` runs never send one email twice.

*Failing.* A failure is recorded with its error and the email waits before the next
try, longer each time; a deliverer that died mid-send loses its claim after ``CLAIM``.
After ``MAIL_RETRY_HOURS`` without success, or at once when the server refuses the
recipient or the message for good (a 5xx reply), the email is given up and logged.

*Forgetting.* Once sent or given up the message itself is cleared (a reset link is a
secret); who it was for, its kind and when stay ``KEEP_RECORD`` for questions like
"did my email go out?", then the row goes too.
"""

import email
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from careerexpo.core.database import utcnow
from careerexpo.core.mail import LONG_LINES, Mailer, MailError
from careerexpo.extensions import db
from careerexpo.mailing.models import QueuedEmail

log = logging.getLogger(__name__)

# Longer than one SMTP conversation can take (MAIL_TIMEOUT per reply, a few replies).
CLAIM = timedelta(minutes=10)
FIRST_WAIT = timedelta(minutes=5)
LONGEST_WAIT = timedelta(hours=2)
KEEP_RECORD = timedelta(days=30)

_waiting = sa.and_(QueuedEmail.sent_at.is_(None), QueuedEmail.gave_up_at.is_(None))


@dataclass
class Report:
    sent: int = 0
    waiting: int = 0
    given_up: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"queued emails: {self.sent} sent, {self.waiting} waiting to be retried, "
                f"{self.given_up} given up")


def retry_after(attempts: int) -> timedelta:
    """How long an email waits after its ``attempts``-th failed try. The first try is the
    page's own, the moment the change commits; the next run of send-alerts tries again
    at once, then each wait doubles."""
    if attempts <= 1:
        return timedelta(0)
    return min(FIRST_WAIT * 2 ** (attempts - 2), LONGEST_WAIT)


def _retry_window() -> timedelta:
    return timedelta(hours=current_app.config["MAIL_RETRY_HOURS"])


def _claim(email_id: int, now: datetime) -> QueuedEmail | None:
    won = db.session.execute(sa.update(QueuedEmail).where(
        QueuedEmail.id == email_id, _waiting, QueuedEmail.next_attempt_at <= now).values(
        next_attempt_at=now + CLAIM, attempts=QueuedEmail.attempts + 1)).rowcount == 1
    db.session.commit()
    return db.session.get(QueuedEmail, email_id) if won else None


def _record(email_id: int, **values) -> None:
    # By id, not through the loaded row: an account deleted meanwhile took its emails.
    db.session.execute(sa.update(QueuedEmail).where(QueuedEmail.id == email_id)
                       .values(**values))
    db.session.commit()


def _sent(row: QueuedEmail) -> None:
    _record(row.id, sent_at=utcnow(), message=None, last_error=None)


def _failed(row: QueuedEmail, error: MailError, report: Report) -> None:
    # Refused (the server kept nothing) and unknown (the connection dropped mid-message,
    # so it may have arrived) are both tried again. Retrying the unknown may deliver a
    # second copy, but it is the same message (the same Message-ID, which mail clients
    # show once, and the same calendar UID and SEQUENCE, which calendars apply once),
    # while not retrying would lose a reset link or a meeting's cancellation for good.
    now = utcnow()
    report.failed += 1
    wait = retry_after(row.attempts)
    if error.permanent or now - row.created_at + wait > _retry_window():
        log.warning("gave up the %s email %s after %s tries: %s", row.kind, row.id,
                    row.attempts, error)
        report.given_up += 1
        _record(row.id, last_error=str(error)[:500], gave_up_at=now, message=None)
    else:
        _record(row.id, last_error=str(error)[:500], next_attempt_at=now + wait)


def deliver(ids, mailer: Mailer | None = None) -> Report:
    """Sends each of these emails that is still waiting and due, over one connection."""
    mailer = mailer or Mailer(current_app.config)
    report = Report()
    try:
        for email_id in ids:
            row = _claim(email_id, utcnow())
            if row is None:  # sent, given up, not due, or someone else's now
                continue
            message = email.message_from_bytes(row.message, policy=LONG_LINES)
            try:
                if mailer.smtp is None:
                    mailer.open()
                mailer.send(message)
            except MailError as exc:
                _failed(row, exc, report)
                if mailer.smtp is None:  # the server cannot be reached: stop for now
                    break
                mailer.close()  # after a failed message, start afresh for the next
                continue
            _sent(row)
            report.sent += 1
    finally:
        mailer.close()
    if report.failed:
        report.problems.append(f"queued emails: {report.failed} could not be sent this time")
    return report


def _give_up_overdue(now: datetime) -> int:
    """Gives up each email past the retry window that nobody is sending right now."""
    overdue = sa.and_(_waiting, QueuedEmail.created_at <= now - _retry_window(),
                      QueuedEmail.next_attempt_at <= now)
    given_up = 0
    for row in db.session.scalars(sa.select(QueuedEmail).where(overdue)).all():
        # Conditional, as a claim is: a deliverer that claimed it meanwhile keeps it.
        if db.session.execute(sa.update(QueuedEmail).where(QueuedEmail.id == row.id, overdue)
                              .values(gave_up_at=now, message=None)).rowcount == 1:
            log.warning("gave up the %s email %s after %s tries: %s", row.kind, row.id,
                        row.attempts, row.last_error)
            given_up += 1
    db.session.commit()
    return given_up


def deliver_due(mailer: Mailer | None = None, now: datetime | None = None) -> Report:
    """Gives up what waited past the retry window, sends every email that is due, and
    deletes the records of those finished more than ``KEEP_RECORD`` ago."""
    now = now or utcnow()
    given_up = _give_up_overdue(now)
    db.session.execute(sa.delete(QueuedEmail).where(
        sa.not_(_waiting), QueuedEmail.created_at <= now - KEEP_RECORD))
    db.session.commit()
    due = db.session.scalars(sa.select(QueuedEmail.id).where(
        _waiting, QueuedEmail.next_attempt_at <= now).order_by(QueuedEmail.id)).all()
    report = deliver(list(due), mailer)
    report.given_up += given_up
    report.waiting = db.session.scalar(
        sa.select(sa.func.count(QueuedEmail.id)).where(_waiting)) or 0
    return report


def run(mailer: Mailer) -> Report:
    """``flask send-alerts``' part: every queued email that is due."""
    return deliver_due(mailer)
