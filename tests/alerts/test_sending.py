"""send-alerts emails each due alert its new roles over real SMTP, never the same role twice."""

import re
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from careerexpo.alerts.models import AlertDelivery, AlertFrequency, DeliveryStatus
from careerexpo.core import mail
from careerexpo.core.enums import JobState
from careerexpo.extensions import db
from tests.alerts.conftest import alert_for, body

NOW = timedelta(0)


def test_an_instant_alert_emails_new_matching_roles_once(inbox, send_alerts, make, candidate):
    alert_for(candidate, "q=data&level=entry")
    wanted = make.job(title="Data Engineer", level="entry", salary_min=30000, posted_ago=NOW)
    make.job(title="Data Director", level="executive", posted_ago=NOW)
    make.job(title="Lab Technician", level="entry", posted_ago=NOW)
    make.job(title="Data Intern", level="entry", state=JobState.CLOSED, posted_ago=NOW)

    first = send_alerts()
    second = send_alerts()

    assert first.exit_code == 0, first.output
    assert "1 email(s) sent announcing 1 role(s)" in first.output
    assert second.exit_code == 0 and "0 email(s)" in second.output
    [message] = inbox.messages
    assert inbox.envelopes[0].rcpt_tos == ["ada@example.com"]
    assert message["To"] == "Ada Lam <ada@example.com>"
    assert message["From"] == "CareerExpo <alerts@careerexpo.test>"
    assert message["Subject"] == "1 new role: “data” · Entry level"
    text = body(message)
    assert "Data Engineer" in text and f"http://careerexpo.test/jobs/{wanted.id}" in text
    assert "HK$30,000 a month" in text
    assert "Director" not in text and "Lab" not in text and "Intern" not in text
    assert "Data Engineer" in body(message, "html")


def test_every_email_carries_a_one_click_unsubscribe(inbox, send_alerts, make, candidate):
    alert_for(candidate, "level=entry")
    make.job(level="entry", posted_ago=NOW)

    send_alerts()

    [message] = inbox.messages
    link = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"]).group(1)
    assert link.startswith("http://careerexpo.test/alerts/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in body(message) and link in body(message, "html")


def test_a_new_alert_starts_with_the_past_weeks_roles(inbox, send_alerts, make, candidate):
    make.job(title="Posted today", posted_ago=timedelta(hours=2))
    make.job(title="Posted last month", posted_ago=timedelta(days=30))
    alert_for(candidate, "")

    send_alerts()

    text = body(inbox.messages[0])
    assert "Posted today" in text and "last month" not in text


def test_a_daily_digest_goes_out_once_a_day(inbox, send_alerts, make, candidate):
    alert = alert_for(candidate, "", AlertFrequency.DAILY)
    make.job(title="Monday role", posted_ago=NOW)
    send_alerts()
    make.job(title="Later the same day", posted_ago=NOW)

    send_alerts()
    assert len(inbox.messages) == 1
    alert.last_checked_at -= timedelta(hours=24)  # a day later
    db.session.commit()
    send_alerts()

    assert len(inbox.messages) == 2
    second = body(inbox.messages[1])
    assert "Later the same day" in second and "Monday role" not in second


def test_a_role_claimed_by_another_run_is_not_sent_again(inbox, send_alerts, make, candidate):
    """Two runs at once, or a run killed after deciding and before confirming: the claim
    made before sending keeps the role from a second email."""
    alert = alert_for(candidate, "")
    claimed = make.job(title="Claimed elsewhere", posted_ago=NOW)
    db.session.add(AlertDelivery(alert_id=alert.id, job_id=claimed.id,
                                 status=DeliveryStatus.CLAIMED))
    db.session.commit()
    make.job(title="Fresh role", posted_ago=NOW)

    send_alerts()

    text = body(inbox.messages[0])
    assert "Fresh role" in text and "Claimed elsewhere" not in text


def test_a_refused_email_is_retried_and_a_lost_one_is_not(inbox, send_alerts, make, candidate,
                                                          monkeypatch):
    alert_for(candidate, "")
    make.job(title="First role", posted_ago=NOW)
    real_send = mail.Mailer.send

    def refuse(self, message):
        raise mail.MailError("550 mailbox unavailable", refused=True)

    monkeypatch.setattr(mail.Mailer, "send", refuse)
    assert send_alerts().exit_code == 1
    monkeypatch.setattr(mail.Mailer, "send", real_send)
    send_alerts()
    assert "First role" in body(inbox.messages[0])

    make.job(title="Second role", posted_ago=NOW)

    def drop_mid_message(self, message):
        real_send(self, message)  # the server took it, but the reply never came back
        raise mail.MailError("connection lost", refused=False)

    monkeypatch.setattr(mail.Mailer, "send", drop_mid_message)
    lost = send_alerts()
    monkeypatch.setattr(mail.Mailer, "send", real_send)
    send_alerts()

    assert "may or may not have arrived" in lost.output
    assert [("Second role" in body(m)) for m in inbox.messages] == [False, True]
    states = db.session.scalars(sa.select(AlertDelivery.status)).all()
    assert sorted(states) == [DeliveryStatus.CLAIMED, DeliveryStatus.SENT]


def test_an_unreachable_mail_server_loses_nothing(app, inbox, send_alerts, make, candidate):
    alert_for(candidate, "")
    make.job(title="Waiting role", posted_ago=NOW)
    port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = 9  # nothing listens on discard

    failed = send_alerts()
    app.config["MAIL_PORT"] = port
    send_alerts()

    assert failed.exit_code == 1 and "cannot reach" in failed.output
    assert "Waiting role" in body(inbox.messages[0])


def test_paused_alerts_and_deactivated_users_get_nothing(inbox, send_alerts, make, candidate):
    alert = alert_for(candidate, "")
    alert.active = False
    other = make.candidate()
    alert_for(other, "")
    other.active = False
    db.session.commit()
    make.job(posted_ago=NOW)

    send_alerts()

    assert inbox.messages == []


def test_a_long_list_is_cut_with_a_link_to_the_rest(inbox, send_alerts, make, candidate):
    alert_for(candidate, "level=middle")
    for n in range(23):
        make.job(title=f"Role {n:02}", level="middle", posted_ago=timedelta(minutes=n))

    send_alerts()

    text = body(inbox.messages[0])
    assert inbox.messages[0]["Subject"].startswith("23 new roles")
    assert "Role 00" in text and "Role 19" in text and "Role 20" not in text
    assert "And 3 more: http://careerexpo.test/jobs?sort=newest&level=middle" in text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AlertDelivery)) == 23


def test_the_command_wants_to_know_the_sites_address(app, send_alerts):
    app.config.update(SERVER_NAME=None, SITE_URL=None)

    result = send_alerts()

    assert result.exit_code != 0 and "SITE_URL" in result.output


def test_links_use_site_url_and_dates_hong_kong_time(app, inbox, send_alerts, make, candidate):
    app.config.update(SERVER_NAME=None, SITE_URL="https://jobs.example.hk")
    alert_for(candidate, "")
    # 20:00 UTC on 1 March is already 2 March in Hong Kong.
    make.job(posted_ago=NOW, closes_at=datetime(2099, 3, 1, 20, 0, tzinfo=UTC))

    send_alerts()

    text = body(inbox.messages[0])
    assert "https://jobs.example.hk/jobs/" in text and "closes 2 Mar 2099" in text
