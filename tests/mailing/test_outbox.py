"""Automatic emails wait in the database until the mail server takes them: none is lost
while it is down, none is sent twice, and none keeps its body once sent. Real SMTP
(aiosmtpd on loopback), real databases."""

import threading
from datetime import timedelta

import sqlalchemy as sa

from careerexpo.auth.models import User
from careerexpo.core.database import utcnow
from careerexpo.core.mail import new_message
from careerexpo.extensions import db
from careerexpo.mailing import delivery, outbox
from careerexpo.mailing.models import QueuedEmail
from careerexpo.privacy import erasure
from tests.auth.conftest import link_in
from tests.factories import PASSWORD
from tests.mailserver import (
    free_port,
    point_app_at,
    receiving_mail,
    start_server,
    wait_for_senders,
)

NEW = "tram harbour dim sum lantern"


def mail_server_down(app) -> None:
    """Nothing listens on the port the app sends to."""
    point_app_at(app, free_port())


def queued() -> list[QueuedEmail]:
    return list(db.session.scalars(sa.select(QueuedEmail).order_by(QueuedEmail.id)))


def test_a_reset_link_asked_for_while_the_mail_server_is_down_arrives_once_it_is_back(
        app, client, make, runner):
    make.candidate(name="Ada Lam", email="ada@example.com")
    mail_server_down(app)

    asked = client.post("/auth/reset", data={"email": "ada@example.com"})
    wait_for_senders()

    assert asked.headers["Location"] == "/auth/login"  # the page answered as always
    [email] = queued()
    assert email.sent_at is None and email.attempts == 1 and email.last_error
    with receiving_mail(app) as inbox:
        first = runner.invoke(args=["send-alerts"])
        [message] = inbox.wait_for(1)
        again = runner.invoke(args=["send-alerts"])

    assert "queued emails: 1 sent, 0 waiting to be retried, 0 given up" in first.output
    assert "queued emails: 0 sent" in again.output and len(inbox.messages) == 1
    assert message["To"] == "Ada Lam <ada@example.com>"
    path = link_in(message, "/auth/reset/")
    reset = client.post(path, data={"password": NEW, "confirm": NEW})
    assert reset.status_code == 302
    assert db.session.scalar(sa.select(User).where(User.email == "ada@example.com")
                             ).check_password(NEW)


def test_a_sent_email_keeps_no_body(app, client, make):
    make.candidate(email="ada@example.com")
    with receiving_mail(app) as inbox:
        client.post("/auth/reset", data={"email": "ada@example.com"})
        [message] = inbox.wait_for(1)

    token = link_in(message, "/auth/reset/").rsplit("/", 1)[1]
    db.session.expire_all()
    [email] = queued()
    assert email.sent_at is not None and email.message is None
    stored = db.session.execute(sa.text("SELECT * FROM queued_emails")).one()
    assert not any(token in str(value) for value in stored)


def queue_emails(make, count: int) -> None:
    people = [make.candidate(email=f"person{n}@example.com") for n in range(count)]
    for person in people:
        message = new_message("account", "Hello", "CareerExpo <no-reply@careerexpo.test>",
                              (person.name, person.email))
        message.set_content("Hello")
        outbox.enqueue(message, outbox.ACCOUNT, person)
    db.session.commit()


def test_two_deliverers_at_once_send_each_email_exactly_once(app, make):
    queue_emails(make, 12)
    start = threading.Barrier(2)
    reports = []

    def deliver():
        with app.app_context():
            start.wait()
            reports.append(delivery.deliver_due())

    with receiving_mail(app) as inbox:
        runs = [threading.Thread(target=deliver) for _ in range(2)]
        for run in runs:
            run.start()
        for run in runs:
            run.join(30)
        inbox.wait_for(12)

    assert sum(report.sent for report in reports) == 12
    assert len(inbox.messages) == 12
    assert len({m["Message-ID"] for m in inbox.messages}) == 12
    assert sorted(e.rcpt_tos[0] for e in inbox.envelopes) == sorted(
        f"person{n}@example.com" for n in range(12))


def test_a_failed_email_waits_longer_each_time_then_is_given_up(app, make, runner):
    queue_emails(make, 1)
    mail_server_down(app)

    runner.invoke(args=["send-alerts"])
    runner.invoke(args=["send-alerts"])  # the first retry is due at once
    db.session.expire_all()
    [email] = queued()
    assert email.attempts == 2 and email.message is not None
    assert email.next_attempt_at > utcnow() + timedelta(minutes=4)

    email.created_at = utcnow() - timedelta(hours=app.config["MAIL_RETRY_HOURS"], minutes=1)
    email.next_attempt_at = utcnow()
    db.session.commit()
    result = runner.invoke(args=["send-alerts"])

    assert "queued emails: 0 sent, 0 waiting to be retried, 1 given up" in result.output
    db.session.expire_all()
    [email] = queued()
    assert email.gave_up_at is not None and email.message is None and email.sent_at is None


def test_deleting_an_account_removes_the_emails_queued_for_it(app, client, make, runner):
    user = make.candidate(email="ada@example.com")
    mail_server_down(app)
    client.post("/auth/reset", data={"email": "ada@example.com"})
    wait_for_senders()
    assert len(queued()) == 1

    erasure.delete_account(db.session.get(User, user.id), PASSWORD)

    assert queued() == []
    with receiving_mail(app) as inbox:
        runner.invoke(args=["send-alerts"])
    assert inbox.messages == []


class RefusingRecipients:
    """A mail server that answers every recipient with ``reply``."""

    def __init__(self, reply: str):
        self.reply = reply

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return self.reply


def test_a_recipient_refused_for_good_is_given_up_at_once_and_one_refused_for_now_waits(
        app, make, runner):
    queue_emails(make, 1)
    for reply, given_up, waiting in (("450 4.2.1 Mailbox busy, try later", 0, 1),
                                     ("550 5.1.1 No such user here", 1, 0)):
        controller, port = start_server(RefusingRecipients(reply))
        point_app_at(app, port)
        try:
            db.session.execute(sa.update(QueuedEmail).values(next_attempt_at=utcnow()))
            db.session.commit()
            result = runner.invoke(args=["send-alerts"])
        finally:
            controller.stop()
        assert (f"queued emails: 0 sent, {waiting} waiting to be retried, "
                f"{given_up} given up") in result.output
    db.session.expire_all()
    [email] = queued()
    assert email.gave_up_at is not None and email.message is None
    assert "No such user" in email.last_error


def test_registering_while_the_mail_server_is_down_finishes_once_it_is_back(
        app, client, runner):
    mail_server_down(app)
    client.post("/auth/register", data={
        "role": "candidate", "name": "Ho Siu Ming", "email": "ming@example.com",
        "password": "correct horse battery staple", "confirm": "correct horse battery staple"})
    wait_for_senders()

    with receiving_mail(app) as inbox:
        runner.invoke(args=["send-alerts"])
        [message] = inbox.wait_for(1)
    confirmed = client.post(link_in(message, "/auth/confirm/"))

    assert confirmed.status_code == 302
    assert client.get("/me/applications").status_code == 200
