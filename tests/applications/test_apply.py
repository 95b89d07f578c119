"""Candidates apply with a CV, track their applications, withdraw, and save roles."""

import io

import sqlalchemy as sa

from careerexpo.applications.models import Application
from careerexpo.core.enums import ApplicationStatus, JobState
from careerexpo.extensions import db
from tests.factories import pdf_bytes


def apply(client, job, **data):
    payload = {"cover_note": "I love robots.", "cv_choice": "upload"}
    payload.update(data)
    if payload["cv_choice"] == "upload" and "cv_file" not in payload:
        payload["cv_file"] = (io.BytesIO(pdf_bytes()), "my-cv.pdf")
    return client.post(f"/jobs/{job.id}/apply", data=payload, content_type="multipart/form-data")


def applications():
    return list(db.session.scalars(sa.select(Application)))


def test_candidate_applies_with_an_uploaded_cv_and_sees_it_listed(client, auth, make):
    candidate = make.candidate()
    job = make.job(title="Robot Whisperer")
    auth.login(candidate)
    response = apply(client, job)
    assert response.headers["Location"] == "/me/applications"
    (application,) = applications()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.cv.filename == "my-cv.pdf" and application.cover_note == "I love robots."
    page = client.get("/me/applications").get_data(as_text=True)
    assert "Robot Whisperer" in page and "Submitted" in page
    assert "Your application to Robot Whisperer was sent" in page


def test_candidate_applies_with_the_cv_on_their_profile(client, auth, make):
    candidate = make.candidate()
    job = make.job()
    auth.login(candidate)
    client.post("/me/profile", data={"name": "Chan Siu Ming", "headline": "Engineer",
                                     "cv_file": (io.BytesIO(pdf_bytes()), "profile.pdf")},
                content_type="multipart/form-data")
    apply(client, job, cv_choice="profile")
    (application,) = applications()
    assert application.cv.filename == "profile.pdf"


def test_applying_without_any_cv_is_explained(client, auth, make):
    auth.login(make.candidate())
    job = make.job()
    page = apply(client, job, cv_choice="profile").get_data(as_text=True)
    assert "Your profile has no CV yet" in page and applications() == []


def test_a_file_that_is_not_really_a_pdf_is_refused(client, auth, make):
    auth.login(make.candidate())
    job = make.job()
    page = apply(client, job, cv_file=(io.BytesIO(b"just text, honestly"), "cv.pdf"))
    assert page.status_code == 400
    assert "The file is not a PDF" in page.get_data(as_text=True)
    fake = apply(client, job, cv_file=(io.BytesIO(b"%PDF-1.4 broken"), "cv.pdf"))
    assert "not a readable PDF" in fake.get_data(as_text=True)
    assert applications() == []


def test_a_cv_over_five_megabytes_is_refused(client, auth, make, app):
    auth.login(make.candidate())
    job = make.job()
    app.config["CV_MAX_BYTES"] = 100  # smaller than any real PDF
    page = apply(client, job).get_data(as_text=True)
    assert "larger than" in page and applications() == []


def test_one_application_per_role(client, auth, make):
    auth.login(make.candidate())
    job = make.job()
    apply(client, job)
    second = apply(client, job)
    assert second.status_code == 400
    assert "You have applied to this role already" in second.get_data(as_text=True)
    assert len(applications()) == 1


def test_a_closed_role_refuses_applications(client, auth, make):
    auth.login(make.candidate())
    job = make.job(state=JobState.CLOSED)
    page = apply(client, job).get_data(as_text=True)
    assert "closed to new applications" in page and applications() == []


def test_candidate_withdraws_and_sees_the_history(client, auth, make):
    candidate = make.candidate()
    application = make.application(make.job(title="Analyst"), candidate)
    auth.login(candidate)
    client.post(f"/me/applications/{application.id}/withdraw")
    db.session.refresh(application)
    assert application.status == ApplicationStatus.WITHDRAWN
    page = client.get("/me/applications").get_data(as_text=True)
    assert "Withdrawn" in page and "Withdraw application" not in page
    assert [e.status for e in application.events] == [ApplicationStatus.SUBMITTED,
                                                      ApplicationStatus.WITHDRAWN]
    again = client.post(f"/me/applications/{application.id}/withdraw", follow_redirects=True)
    assert "already final" in again.get_data(as_text=True)


def test_candidate_saves_a_role_for_later_and_removes_it(client, auth, make):
    auth.login(make.candidate())
    job = make.job(title="Bookmark Me")
    client.post(f"/jobs/{job.id}/save")
    assert "Bookmark Me" in client.get("/me/saved").get_data(as_text=True)
    client.post(f"/jobs/{job.id}/save", data={"action": "remove"})
    assert "Nothing saved yet" in client.get("/me/saved").get_data(as_text=True)


def test_employers_cannot_apply(client, auth, make):
    auth.login(make.employer())
    job = make.job()
    assert apply(client, job).status_code == 403


def test_a_refused_application_leaves_no_cv_file_behind(client, auth, make, app):
    import os

    auth.login(make.candidate())
    job = make.job()
    apply(client, job)
    assert len(os.listdir(app.config["CV_FOLDER"])) == 1
    apply(client, job)  # refused: already applied
    assert len(os.listdir(app.config["CV_FOLDER"])) == 1
