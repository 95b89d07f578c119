"""The employer API with a bearer token: roles and applications of the token's company only."""

from datetime import timedelta

import pytest

from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState
from careerexpo.extensions import db
from careerexpo.tokens.models import ApiToken
from careerexpo.tokens.services import revoke_token
from tests.api_tokens.helpers import bearer, issue_token

ROLE = {"title": "Data Engineer", "description": "Build pipelines.\n\nSpark and dbt.",
        "level": "middle", "degree": "bachelor", "region": "hong_kong", "area": "fintech",
        "function": "technology", "employment_type": "full_time", "salary_min": 30000,
        "salary_max": 45000}


def test_an_employer_posts_a_role_that_the_public_api_then_lists(client, writer):
    created = client.post("/api/v1/employer/jobs", json={**ROLE, "publish": True}, headers=writer)

    assert created.status_code == 201
    job = created.get_json()
    assert job["state"] == "open" and job["company"]["name"] == "Acme Robotics"
    assert job["applicants"] == 0 and job["salary_max"] == 45000
    assert created.headers["Location"].endswith(f"/api/v1/employer/jobs/{job['id']}")
    public = client.get("/api/v1/jobs").get_json()
    assert [j["title"] for j in public["items"]] == ["Data Engineer"]


def test_a_draft_is_changed_published_and_closed(client, writer):
    draft = client.post("/api/v1/employer/jobs", json=ROLE, headers=writer).get_json()
    assert draft["state"] == "draft" and draft["posted_at"] is None
    url = f"/api/v1/employer/jobs/{draft['id']}"

    changed = client.patch(url, json={"title": "Senior Data Engineer", "salary_max": None},
                           headers=writer).get_json()
    published = client.post(f"{url}/publish", headers=writer).get_json()
    again = client.post(f"{url}/publish", headers=writer)
    closed = client.post(f"{url}/close", headers=writer).get_json()

    assert changed["title"] == "Senior Data Engineer" and changed["salary_max"] is None
    assert changed["salary_min"] == 30000
    assert published["state"] == "open" and published["posted_at"]
    assert again.status_code == 409 and again.get_json()["error"]["message"]
    assert closed["state"] == "closed"
    assert client.get(f"/api/v1/jobs/{draft['id']}").status_code == 404


def test_the_list_has_every_state_and_can_keep_one(client, make, employer, reader):
    make.job(company=employer.company, title="Open role")
    make.job(company=employer.company, title="Draft role", state=JobState.DRAFT)
    make.job(title="Someone else's role")

    every = client.get("/api/v1/employer/jobs", headers=reader).get_json()["items"]
    drafts = client.get("/api/v1/employer/jobs?state=draft", headers=reader).get_json()["items"]

    assert sorted(j["title"] for j in every) == ["Draft role", "Open role"]
    assert [j["title"] for j in drafts] == ["Draft role"]


def test_applications_to_the_companys_roles_can_be_read(client, make, employer, reader):
    job = make.job(company=employer.company)
    ada = make.candidate(name="Ada Lam")
    application = make.application(job, ada, cover_note="I love pipelines.")

    page = client.get(f"/api/v1/employer/jobs/{job.id}/applications", headers=reader).get_json()
    one = client.get(f"/api/v1/employer/applications/{application.id}", headers=reader).get_json()
    listed = client.get(f"/api/v1/employer/jobs/{job.id}", headers=reader).get_json()

    assert page["total"] == 1 and page["items"][0]["candidate"]["name"] == "Ada Lam"
    assert one["cover_note"] == "I love pipelines." and one["status"] == "submitted"
    assert one["history"][0]["status"] == "submitted" and one["has_cv"] is False
    assert listed["applicants"] == 1 and listed["new_applicants"] == 1


def test_a_read_only_token_reads_but_may_not_write(client, make, employer, reader):
    job = make.job(company=employer.company)
    writes = [client.post("/api/v1/employer/jobs", json=ROLE, headers=reader),
              client.patch(f"/api/v1/employer/jobs/{job.id}", json={"title": "X"}, headers=reader),
              client.post(f"/api/v1/employer/jobs/{job.id}/close", headers=reader),
              client.post(f"/api/v1/employer/jobs/{job.id}/publish", headers=reader)]

    assert {r.status_code for r in writes} == {403}
    assert all(r.is_json and r.get_json()["error"]["status"] == 403 for r in writes)
    assert client.get(f"/api/v1/employer/jobs/{job.id}", headers=reader).status_code == 200
    db.session.refresh(job)
    assert job.title == "Software Engineer" and job.state == JobState.OPEN


def test_a_token_never_reaches_another_companys_roles_or_applicants(client, make, writer):
    theirs = make.job(title="Their role")
    their_application = make.application(theirs, make.candidate())
    base = f"/api/v1/employer/jobs/{theirs.id}"

    answers = [client.get(base, headers=writer),
               client.patch(base, json={"title": "Hijacked"}, headers=writer),
               client.post(f"{base}/close", headers=writer),
               client.post(f"{base}/publish", headers=writer),
               client.get(f"{base}/applications", headers=writer),
               client.get(f"/api/v1/employer/applications/{their_application.id}",
                          headers=writer)]

    assert [r.status_code for r in answers] == [404] * 6
    assert all(r.is_json for r in answers)
    db.session.refresh(theirs)
    assert theirs.title == "Their role" and theirs.state == JobState.OPEN
    assert client.get("/api/v1/employer/jobs", headers=writer).get_json()["items"] == []


@pytest.mark.parametrize("authorization", [
    None, "", "Bearer", "Bearer cxp_nope", "Basic dXNlcjpwYXNz",
    "Bearer cxp_000000000000_" + "A" * 43, "Bearer cxp_\x00\x00\x00_x",
])
def test_missing_unknown_or_malformed_tokens_get_a_json_401(client, authorization):
    headers = {"Authorization": authorization} if authorization is not None else {}

    response = client.get("/api/v1/employer/jobs", headers=headers)

    assert response.status_code == 401 and response.is_json
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_tokens_and_deactivated_employers_are_refused(client, make, employer):
    raw = issue_token(employer)
    revoke_token(employer, db.session.scalar(db.select(ApiToken.id)))
    assert client.get("/api/v1/employer/jobs", headers=bearer(raw)).status_code == 401

    other = make.employer()
    other_raw = issue_token(other)
    other.active = False
    db.session.commit()
    assert client.get("/api/v1/employer/jobs", headers=bearer(other_raw)).status_code == 401


def test_a_signed_in_session_is_no_substitute_for_a_token(client, auth, employer):
    auth.login(employer)

    assert client.get("/api/v1/employer/jobs").status_code == 401


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_the_token_api_needs_no_csrf_token(client, writer):
    assert client.post("/api/v1/employer/jobs", json=ROLE, headers=writer).status_code == 201


@pytest.mark.app_config(RATELIMIT_ENABLED=True, API_TOKEN_RATE_LIMIT="3 per minute")
def test_each_token_has_its_own_rate_limit_across_endpoints(client, make, employer, writer):
    job = make.job(company=employer.company)
    other = bearer(issue_token(employer, name="Second"))
    first = [client.get("/api/v1/employer/jobs", headers=writer),
             client.get(f"/api/v1/employer/jobs/{job.id}", headers=writer),
             client.get(f"/api/v1/employer/jobs/{job.id}/applications", headers=writer)]

    limited = client.get("/api/v1/employer/jobs", headers=writer)

    assert [r.status_code for r in first] == [200, 200, 200]
    assert limited.status_code == 429 and limited.is_json
    assert client.get("/api/v1/employer/jobs", headers=other).status_code == 200


def test_the_last_use_of_a_token_is_shown(client, employer, reader):
    client.get("/api/v1/employer/jobs", headers=reader)

    token = db.session.scalar(db.select(ApiToken))
    assert token.last_used_at and utcnow() - token.last_used_at < timedelta(minutes=1)
