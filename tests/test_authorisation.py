"""Nobody reaches another's data by typing an id: every object is checked on the server.

Each case signs in as an outsider and asks for an object that exists but is
not theirs; the answer must be 404 (it is not theirs to know of) and nothing
may change.
"""

import io

import pytest

from careerexpo.core.enums import ApplicationStatus, JobState
from careerexpo.extensions import db
from tests.factories import pdf_bytes


@pytest.fixture
def world(make):
    """Two companies, each with an employer and a role; a candidate who applied to the first."""
    ours, theirs = make.employer(), make.employer()
    our_job = make.job(company=ours.company, title="Our role")
    their_job = make.job(company=theirs.company, title="Their role")
    their_draft = make.job(company=theirs.company, title="Their draft", state=JobState.DRAFT)
    alice, bob = make.candidate(), make.candidate()
    alice_cv = make.cv(alice)
    alice_app = make.application(their_job, alice, cv=alice_cv)
    return dict(ours=ours, theirs=theirs, our_job=our_job, their_job=their_job,
                their_draft=their_draft, alice=alice, bob=bob, alice_cv=alice_cv,
                alice_app=alice_app)


def test_an_employer_cannot_read_another_companys_applicants(client, auth, world):
    auth.login(world["ours"])
    job, app_ = world["their_job"], world["alice_app"]
    for url in (f"/employer/jobs/{job.id}/applications",
                f"/employer/jobs/{job.id}/applications.csv",
                f"/employer/applications/{app_.id}",
                f"/employer/applications/{app_.id}/cv",
                f"/me/cv/{world['alice_cv'].id}"):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert world["alice"].email not in response.get_data(as_text=True)


def test_an_employer_cannot_move_or_annotate_another_companys_applicant(client, auth, world):
    auth.login(world["ours"])
    app_ = world["alice_app"]
    assert client.post(f"/employer/applications/{app_.id}",
                       data={"move-status": "rejected"}).status_code == 404
    assert client.post(f"/employer/applications/{app_.id}",
                       data={"note-body": "snooping"}).status_code == 404
    db.session.refresh(app_)
    assert app_.status == ApplicationStatus.SUBMITTED and app_.notes == []


def test_an_employer_cannot_edit_publish_or_close_another_companys_role(client, auth, world):
    auth.login(world["ours"])
    job, draft = world["their_job"], world["their_draft"]
    assert client.get(f"/employer/jobs/{job.id}/edit").status_code == 404
    assert client.post(f"/employer/jobs/{job.id}/edit",
                       data={"title": "Hacked"}).status_code == 404
    assert client.post(f"/employer/jobs/{job.id}/close").status_code == 404
    assert client.post(f"/employer/jobs/{draft.id}/publish").status_code == 404
    db.session.refresh(job)
    db.session.refresh(draft)
    assert job.title == "Their role" and job.state == JobState.OPEN
    assert draft.state == JobState.DRAFT
    assert "Their role" not in client.get("/employer/jobs").get_data(as_text=True)


def test_a_candidate_cannot_read_or_withdraw_anothers_application_or_cv(client, auth, world):
    auth.login(world["bob"])
    app_ = world["alice_app"]
    assert client.post(f"/me/applications/{app_.id}/withdraw").status_code == 404
    db.session.refresh(app_)
    assert app_.status == ApplicationStatus.SUBMITTED
    assert client.get(f"/me/cv/{world['alice_cv'].id}").status_code == 404
    assert "Their role" not in client.get("/me/applications").get_data(as_text=True)


def test_a_candidate_cannot_send_anothers_cv(client, auth, world, make):
    from careerexpo.applications import services

    with pytest.raises(services.ApplicationError):
        services.apply_to_job(world["bob"], world["our_job"], "", world["alice_cv"])


def test_the_employer_it_was_sent_to_can_read_the_cv(client, auth, world):
    auth.login(world["theirs"])
    with client.get(f"/me/cv/{world['alice_cv'].id}") as response:
        assert response.status_code == 200
    with client.get(f"/employer/applications/{world['alice_app'].id}/cv") as response:
        assert response.status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    for url in ("/me/applications", "/me/profile", "/me/saved", "/employer/jobs",
                f"/employer/jobs/{world['their_job'].id}/applications",
                f"/me/cv/{world['alice_cv'].id}"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    response = client.post(f"/jobs/{world['our_job'].id}/apply",
                           data={"cv_file": (io.BytesIO(pdf_bytes()), "cv.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 302


def test_ids_and_slugs_no_database_can_hold_are_simply_not_found(client, make):
    for url in ("/jobs/99999999999999999999", "/expos/%00", "/expos/%00/stats",
                "/api/v1/expos/%00/stats", "/employer/jobs/99999999999999999999/edit"):
        assert client.get(url).status_code in (302, 404), url
