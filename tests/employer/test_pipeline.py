"""Employers review applicants: filter, move through the pipeline, notes, CV, CSV export."""

import csv
import io
import re

import pytest

from careerexpo.core.enums import ApplicationStatus
from careerexpo.extensions import db


def setup_applicants(make, n=3):
    employer = make.employer()
    job = make.job(company=employer.company, title="Data Engineer")
    people = [make.candidate(name=f"Applicant {i}") for i in range(n)]
    apps = [make.application(job, p, cover_note=f"Note {i}") for i, p in enumerate(people)]
    return employer, job, apps


def test_employer_lists_applicants_and_filters_by_status(client, auth, make):
    employer, job, apps = setup_applicants(make)
    apps[0].status = ApplicationStatus.INTERVIEW
    db.session.commit()
    auth.login(employer)
    page = client.get(f"/employer/jobs/{job.id}/applications").get_data(as_text=True)
    assert all(f"Applicant {i}" in page for i in range(3))
    only = client.get(f"/employer/jobs/{job.id}/applications?status=interview")
    text = only.get_data(as_text=True)
    assert "Applicant 0" in text and "Applicant 1" not in text
    assert client.get(f"/employer/jobs/{job.id}/applications?status=nope").status_code == 400


@pytest.mark.app_config(APPLICANTS_PER_PAGE=2)
def test_applicants_come_in_pages_and_a_page_past_the_end_goes_to_the_last(client, auth, make):
    employer, job, _apps = setup_applicants(make, n=3)
    auth.login(employer)
    url = f"/employer/jobs/{job.id}/applications"

    first, second = (client.get(f"{url}?page={n}").get_data(as_text=True) for n in (1, 2))
    assert [len(re.findall(r">Applicant \d<", page)) for page in (first, second)] == [2, 1]
    assert f'href="{url}?page=2"' in first

    response = client.get(f"{url}?status=submitted&page=5")
    assert response.status_code == 302
    assert response.headers["Location"] == f"{url}?status=submitted&page=2"


def test_employer_moves_an_applicant_to_the_end_and_final_is_final(client, auth, make):
    employer, job, (application, *_) = setup_applicants(make)
    auth.login(employer)
    url = f"/employer/applications/{application.id}"
    for status in ("reviewing", "interview", "offer", "hired"):
        client.post(url, data={"move-status": status})
    db.session.refresh(application)
    assert application.status == ApplicationStatus.HIRED
    assert [e.status.value for e in application.events] == [
        "submitted", "reviewing", "interview", "offer", "hired"]
    client.post(url, data={"move-status": "rejected"})
    db.session.refresh(application)
    assert application.status == ApplicationStatus.HIRED
    assert "This application is final" in client.get(url).get_data(as_text=True)


def test_employers_cannot_withdraw_for_the_candidate_or_skip_ahead(client, auth, make):
    employer, job, (application, *_) = setup_applicants(make)
    auth.login(employer)
    url = f"/employer/applications/{application.id}"
    client.post(url, data={"move-status": "withdrawn"})
    client.post(url, data={"move-status": "hired"})
    db.session.refresh(application)
    assert application.status == ApplicationStatus.SUBMITTED


def test_candidate_sees_the_new_status_but_never_the_private_notes(client, auth, make):
    employer, job, (application, *_) = setup_applicants(make)
    auth.login(employer)
    url = f"/employer/applications/{application.id}"
    client.post(url, data={"move-status": "interview"})
    client.post(url, data={"note-body": "Strong on SQL; ask about Spark."})
    assert "Strong on SQL" in client.get(url).get_data(as_text=True)
    auth.logout()
    auth.login(application.candidate)
    page = client.get("/me/applications").get_data(as_text=True)
    assert "Interview" in page and "Strong on SQL" not in page


def test_employer_downloads_the_cv_sent_with_an_application(client, auth, make):
    employer = make.employer()
    job = make.job(company=employer.company)
    candidate = make.candidate()
    application = make.application(job, candidate, cv=make.cv(candidate, "chan-cv.pdf"))
    auth.login(employer)
    with client.get(f"/employer/applications/{application.id}/cv") as response:
        assert response.status_code == 200
        assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF-")
        assert "chan-cv.pdf" in response.headers["Content-Disposition"]


def test_applicants_export_as_csv(client, auth, make):
    employer, job, apps = setup_applicants(make)
    apps[1].cover_note = "=HYPERLINK(\"http://evil\")"
    db.session.commit()
    auth.login(employer)
    response = client.get(f"/employer/jobs/{job.id}/applications.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [r["name"] for r in rows] == ["Applicant 0", "Applicant 1", "Applicant 2"]
    assert rows[0]["status"] == "submitted" and rows[0]["email"] == apps[0].candidate.email
    # A formula in a candidate's text is written inert.
    assert rows[1]["cover_note"].startswith("'=")


@pytest.mark.parametrize("status, offered_first", [
    (ApplicationStatus.SUBMITTED, "reviewing"), (ApplicationStatus.REVIEWING, "interview"),
    (ApplicationStatus.INTERVIEW, "offer"), (ApplicationStatus.OFFER, "hired")])
def test_move_to_offers_the_next_step_forward_first(client, auth, make, status, offered_first):
    employer, _job, apps = setup_applicants(make, n=1)
    apps[0].status = status
    db.session.commit()
    auth.login(employer)

    page = client.get(f"/employer/applications/{apps[0].id}").get_data(as_text=True)

    assert re.search(rf'<option selected value="{offered_first}">', page)
