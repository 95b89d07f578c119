"""Employers post, edit, publish, close and reopen their company's roles."""

import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from careerexpo.core.enums import JobState
from careerexpo.extensions import db
from careerexpo.jobs.models import Job


def role_form(**changes):
    data = {"title": "Embedded Engineer", "description": "Write firmware.\n\nShip sensors.",
            "level": "entry", "degree": "bachelor", "region": "hong_kong",
            "area": "electronics_sensors", "function": "technology",
            "employment_type": "full_time", "open_to_overseas": "y", "salary_min": "25000",
            "salary_max": "32000", "closes_on": (date.today() + timedelta(days=30)).isoformat(),
            "action": "publish"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def jobs_in_db():
    return list(db.session.scalars(sa.select(Job)))


def test_employer_publishes_a_role_that_candidates_can_find(client, auth, make):
    employer = make.employer()
    auth.login(employer)
    response = client.post("/employer/jobs/new", data=role_form())
    assert response.status_code == 302
    (job,) = jobs_in_db()
    assert job.company_id == employer.company_id and job.state == JobState.OPEN
    assert job.open_to_overseas and job.salary_min == 25000 and job.posted_at is not None
    assert job.closes_at.astimezone().date() >= date.today()
    listing = client.get("/employer/jobs").get_data(as_text=True)
    assert "Embedded Engineer" in listing and "is published" in listing
    assert "Embedded Engineer" in client.get("/jobs?q=firmware").get_data(as_text=True)


def test_a_draft_is_kept_private_until_published(client, auth, make):
    auth.login(make.employer())
    client.post("/employer/jobs/new", data=role_form(action="draft"))
    (job,) = jobs_in_db()
    assert job.state == JobState.DRAFT and job.posted_at is None
    assert client.get(f"/jobs/{job.id}").status_code == 404
    client.post(f"/employer/jobs/{job.id}/publish")
    db.session.refresh(job)
    assert job.state == JobState.OPEN
    assert client.get(f"/jobs/{job.id}").status_code == 200


def test_validation_says_what_is_wrong_and_saves_nothing(client, auth, make):
    auth.login(make.employer())
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    page = client.post("/employer/jobs/new", data=role_form(
        title="", salary_min="50000", salary_max="40000", closes_on=yesterday, level="boss",
        salary_max_extra=None)).get_data(as_text=True)
    assert "This field is required" in page
    assert "The upper end is below the lower end" in page
    assert "The closing date is in the past" in page
    assert "Not a valid choice" in page
    assert jobs_in_db() == []
    page = client.post("/employer/jobs/new", data=role_form(salary_min="lots")).get_data(
        as_text=True)
    assert "Not a valid integer value" in page and jobs_in_db() == []


def test_employer_edits_closes_and_reopens_a_role(client, auth, make):
    employer = make.employer()
    job = make.job(company=employer.company, title="Old title")
    auth.login(employer)
    client.post(f"/employer/jobs/{job.id}/edit", data=role_form(title="New title"))
    db.session.refresh(job)
    assert job.title == "New title"
    assert [j["title"] for j in client.get("/api/v1/jobs?q=new").get_json()["items"]] == [
        "New title"]
    client.post(f"/employer/jobs/{job.id}/close")
    db.session.refresh(job)
    assert job.state == JobState.CLOSED
    assert client.get("/api/v1/jobs").get_json()["total"] == 0
    client.post(f"/employer/jobs/{job.id}/reopen")
    db.session.refresh(job)
    assert job.state == JobState.OPEN


def test_reopening_a_role_past_its_closing_date_is_refused(client, auth, make):
    from careerexpo.core.database import utcnow

    employer = make.employer()
    job = make.job(company=employer.company, state=JobState.CLOSED,
                   closes_at=utcnow() - timedelta(days=1))
    auth.login(employer)
    page = client.post(f"/employer/jobs/{job.id}/reopen", follow_redirects=True)
    assert "The closing date is in the past" in page.get_data(as_text=True)
    db.session.refresh(job)
    assert job.state == JobState.CLOSED


def test_the_list_counts_applicants_per_role(client, auth, make):
    employer = make.employer()
    job = make.job(company=employer.company, title="Popular")
    for _ in range(3):
        make.application(job, make.candidate())
    auth.login(employer)
    page = client.get("/employer/jobs").get_data(as_text=True)
    assert re.search(r">3</a>\s*<span class=\"badge\">3 new", page)





def test_the_list_shows_the_most_recently_posted_roles_first(client, auth, make):
    employer = make.employer()
    # Entered in a different order from their posting, as an import may do.
    make.job(company=employer.company, title="Posted two days ago", posted_ago=timedelta(days=2))
    make.job(company=employer.company, title="Posted last month", posted_ago=timedelta(days=30))
    make.job(company=employer.company, title="Draft in progress", state=JobState.DRAFT)
    auth.login(employer)
    page = client.get("/employer/jobs").get_data(as_text=True)
    order = [page.index(title) for title in
             ("Draft in progress", "Posted two days ago", "Posted last month")]
    assert order == sorted(order)


@pytest.mark.app_config(EMPLOYER_JOBS_PER_PAGE=3)
def test_a_long_list_comes_in_pages_with_counts_per_state(client, auth, make):
    employer = make.employer()
    for n in range(5):
        make.job(company=employer.company, title=f"Open role {n}", posted_ago=timedelta(days=n))
    make.job(company=employer.company, title="Closed role", state=JobState.CLOSED,
             posted_ago=timedelta(days=30))
    make.job(title="Someone else's")
    auth.login(employer)

    first = client.get("/employer/jobs").get_data(as_text=True)
    assert re.findall(r"Open role \d", first) == ["Open role 0", "Open role 1", "Open role 2"]
    assert "All (6)" in first and "Draft (0)" in first and "Open (5)" in first
    assert "Closed (1)" in first and 'href="/employer/jobs?page=2"' in first

    second = client.get("/employer/jobs?page=2").get_data(as_text=True)
    assert re.findall(r"Open role \d|Closed role", second) == [
        "Open role 3", "Open role 4", "Closed role"]
    assert "Someone else" not in first + second

    only_open = client.get("/employer/jobs?state=open&page=2").get_data(as_text=True)
    assert re.findall(r"Open role \d", only_open) == ["Open role 3", "Open role 4"]

    # A page past the end (the list has shrunk since the link was made) goes to the last.
    response = client.get("/employer/jobs?state=open&page=9")
    assert response.status_code == 302
    assert response.headers["Location"] == "/employer/jobs?state=open&page=2"
    assert client.get("/employer/jobs?page=0").status_code == 400


def test_a_new_role_starts_with_nothing_chosen_and_asks_for_each_choice(client, auth, make):
    auth.login(make.employer())

    form = client.get("/employer/jobs/new").get_data(as_text=True)
    sent = client.post("/employer/jobs/new", data=role_form(level="", region=""))

    assert form.count('<option value="">Choose…</option>') == 7  # one per select, first
    assert "<option selected" not in form  # so no choice is made for the employer
    assert sent.status_code == 200 and sent.get_data(as_text=True).count("Choose one.") == 2
    assert jobs_in_db() == []
