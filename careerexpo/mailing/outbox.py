"""Queuing an email in the transaction of the change it tells about, and sending it at
once, off the request, after that transaction commits.

An email exists if and only if its change committed: ``enqueue`` writes it in the
caller's session, and a rollback takes it back with everything else. After the commit
the caller calls ``deliver_soon``, which sends what that session committed from
another thread, so the page answers as fast whatever the mail server does (and, on
the account forms, whether or not an email went out). Whatever that thread cannot
send waits for ``flask send-alerts`` (``delivery.py``).
"""

import logging
import threading
from collections import defaultdict
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from careerexpo.extensions import db
from careerexpo.mailing import delivery
from careerexpo.mailing.models import QueuedEmail

log = logging.getLogger(__name__)

ACCOUNT, MEETING = "account", "meeting"
_PENDING = "careerexpo_mail_pending"  # queued in the open transaction: (kind, id)
_COMMITTED = "careerexpo_mail_committed"  # committed, not yet handed to a sender


def enqueue(message: EmailMessage, kind: str, user) -> int:
    """Queues ``message`` to ``user`` in the session's transaction; returns its id."""
    row = QueuedEmail(kind=kind, user_id=user.id, recipient=user.email,
                      message=message.as_bytes())
    db.session.add(row)
    db.session.flush()
    db.session.info.setdefault(_PENDING, []).append((kind, row.id))
    return row.id


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        session.info.setdefault(_COMMITTED, []).extend(pending)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def deliver_soon() -> list[threading.Thread]:
    """Sends the emails this session has committed, from one thread per kind (named
    ``account-email``, ``meeting-email``); those it cannot send wait for the next run of
    ``flask send-alerts``."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, email_id in db.session.info.pop(_COMMITTED, []):
        by_kind[kind].append(email_id)
    app = current_app._get_current_object()
    threads = []
    for kind, ids in by_kind.items():
        thread = threading.Thread(target=_deliver, args=(app, ids), daemon=True,
                                  name=f"{kind}-email")
        thread.start()
        threads.append(thread)
    return threads


def _deliver(app, ids: list[int]) -> None:
    with app.app_context():
        try:
            delivery.deliver(ids)
        except Exception:  # the emails stay queued; the periodic run retries them
            log.exception("could not deliver queued emails %s", ids)

