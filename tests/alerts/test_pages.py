"""Saving a /jobs search as an alert, managing alerts, and unsubscribing from an email."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from careerexpo.alerts.models import AlertFrequency, JobAlert
from careerexpo.extensions import db
from tests.alerts.conftest import alert_for, body
from tests.factories import PASSWORD

CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def alerts():
    return db.session.scalars(sa.select(JobAlert).order_by(JobAlert.id)).all()


def test_a_candidate_saves_the_current_search_from_the_jobs_page(client, auth, candidate):
    auth.login(candidate)
    page = client.get("/jobs?level=middle&q=data&level=entry&page=2&sort=salary")
    form_query = re.search(r'name="query" value="([^"]*)"', page.get_data(as_text=True))
    assert form_query.group(1) == "level=entry&amp;level=middle&amp;q=data"

    response = client.post("/me/alerts", data={"query": "level=entry&level=middle&q=data",
                                                "frequency": "instant"}, follow_redirects=True)

    [alert] = alerts()
    assert alert.query == "level=entry&level=middle&q=data"
    assert alert.frequency == AlertFrequency.INSTANT and alert.active
    assert "Alert saved: “data” · Entry level, Middle level" in response.get_data(as_text=True)


def test_saving_the_same_search_again_keeps_one_alert(client, auth, candidate):
    auth.login(candidate)
    client.post("/me/alerts", data={"query": "region=gba", "frequency": "instant"})
    client.post("/me/alerts", data={"query": "region=gba", "frequency": "daily"})

    assert [(a.query, a.frequency) for a in alerts()] == [("region=gba", AlertFrequency.DAILY)]


def test_a_search_that_cannot_be_read_is_not_saved(client, auth, candidate):
    auth.login(candidate)

    response = client.post("/me/alerts", data={"query": "level=boss", "frequency": "daily"},
                           follow_redirects=True)

    assert alerts() == [] and "cannot be saved as an alert" in response.get_data(as_text=True)


def test_visitors_are_asked_to_sign_in_and_employers_see_no_alert_form(client, auth, make):
    page = client.get("/jobs?level=entry").get_data(as_text=True)
    assert "Sign in to get new roles for this search by email" in page
    assert 'action="/me/alerts"' not in page

    auth.login(make.employer())
    assert 'action="/me/alerts"' not in client.get("/jobs").get_data(as_text=True)
    assert client.post("/me/alerts", data={"query": "", "frequency": "daily"}).status_code == 403


def test_the_alerts_page_changes_pauses_resumes_and_deletes(client, auth, candidate):
    alert = alert_for(candidate, "q=robot", AlertFrequency.DAILY)
    auth.login(candidate)
    assert "“robot”" in client.get("/me/alerts").get_data(as_text=True)

    client.post(f"/me/alerts/{alert.id}/frequency", data={f"alert{alert.id}-frequency": "instant"})
    assert alert.frequency == AlertFrequency.INSTANT
    client.post(f"/me/alerts/{alert.id}/pause")
    assert not alert.active
    assert "Paused" in client.get("/me/alerts").get_data(as_text=True)
    client.post(f"/me/alerts/{alert.id}/resume")
    assert alert.active
    client.post(f"/me/alerts/{alert.id}/delete")
    assert alerts() == []


def test_nobody_else_touches_a_candidates_alert(client, auth, candidate, make):
    alert = alert_for(candidate, "q=robot")
    auth.login(make.candidate())

    assert "robot" not in client.get("/me/alerts").get_data(as_text=True)
    for action in ("pause", "delete"):
        assert client.post(f"/me/alerts/{alert.id}/{action}").status_code == 404
    assert alerts() == [alert] and alert.active


def _emailed_unsubscribe_link(inbox, send_alerts, make, candidate):
    alert_for(candidate, "")
    make.job(posted_ago=timedelta(0))
    send_alerts()
    return re.search(r"http://careerexpo.test(/alerts/unsubscribe/\S+)",
                     body(inbox.messages[-1])).group(1)


def test_the_emailed_link_unsubscribes_without_signing_in(client, inbox, send_alerts, make,
                                                          candidate):
    link = _emailed_unsubscribe_link(inbox, send_alerts, make, candidate)

    page = client.get(link)

    assert page.status_code == 200 and "You are unsubscribed" in page.get_data(as_text=True)
    [alert] = alerts()
    assert not alert.active
    make.job(posted_ago=timedelta(0))
    send_alerts()
    assert len(inbox.messages) == 1
    client.post(link, data={"undo": "1"})
    assert alert.active


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_mail_clients_one_click_post_works(client, inbox, send_alerts, make, candidate):
    link = _emailed_unsubscribe_link(inbox, send_alerts, make, candidate)

    response = client.post(link, data={"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200 and not alerts()[0].active


@pytest.mark.parametrize("token", ["nonsense", "MQ.forged-signature"])
def test_a_forged_link_unsubscribes_nobody(client, candidate, token):
    alert_for(candidate, "")

    assert client.get(f"/alerts/unsubscribe/{token}").status_code == 404
    assert alerts()[0].active


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_saving_an_alert_needs_the_forms_csrf_token(client, candidate):
    login_page = client.get("/auth/login").get_data(as_text=True)
    client.post("/auth/login", data={"email": candidate.email, "password": PASSWORD,
                                     "csrf_token": CSRF.search(login_page).group(1)})
    page = client.get("/jobs?q=data").get_data(as_text=True)
    token = re.search(r'class="inline alert-form">\s*<input type="hidden" name="csrf_token" '
                      r'value="([^"]+)"', page).group(1)

    forged = client.post("/me/alerts", data={"query": "q=data", "frequency": "daily"})
    genuine = client.post("/me/alerts", data={"query": "q=data", "frequency": "daily",
                                              "csrf_token": token})

    assert forged.status_code == 400 and genuine.status_code == 302
    assert len(alerts()) == 1
