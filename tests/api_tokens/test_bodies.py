"""Bad JSON bodies get a 400 naming the field, never a stack trace, and change nothing."""

import json

import pytest

from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from tests.api_tokens.test_api import ROLE


def _raw(text):
    return {"data": text, "content_type": "application/json"}


@pytest.mark.parametrize("body, field", [
    (_raw("{not json"), "body"),
    (_raw('{"title": "A", '), "body"),
    (_raw(b"\xff\xfe{}"), "body"),
    (_raw('{"salary_min": ' + "9" * 5000 + "}"), "body"),
    (_raw("[" * 100_000), "body"),
    ({"data": "title=A", "content_type": "application/x-www-form-urlencoded"}, "body"),
    ({}, "body"),
    ({"json": [ROLE]}, "body"),
    ({"json": "a role"}, "body"),
    ({"json": {**ROLE, "salary_min": 10**30}}, "salary_min"),
    ({"json": {**ROLE, "salary_max": 1e308}}, "salary_max"),
    ({"json": {**ROLE, "salary_min": "30000"}}, "salary_min"),
    ({"json": {**ROLE, "salary_min": -1}}, "salary_min"),
    ({"json": {**ROLE, "salary_min": True}}, "salary_min"),
    ({"json": {**ROLE, "salary_min": 50000, "salary_max": 40000}}, "salary_max"),
    ({"json": {**ROLE, "level": "boss"}}, "level"),
    ({"json": {**ROLE, "region": "mars"}}, "region"),
    ({"json": {**ROLE, "employment_type": None}}, "employment_type"),
    ({"json": {**ROLE, "open_to_overseas": "yes"}}, "open_to_overseas"),
    ({"json": {**ROLE, "title": 42}}, "title"),
    ({"json": {**ROLE, "title": "   "}}, "title"),
    ({"json": {**ROLE, "title": "x" * 201}}, "title"),
    ({"json": {**ROLE, "title": "Nul\x00byte"}}, "title"),
    ({"json": {**ROLE, "description": "A bell\x07 in the text"}}, "description"),
    ({"json": {**ROLE, "description": "half a \ud800 surrogate"}}, "description"),
    ({"json": {**ROLE, "closes_at": "2020-01-01T00:00:00+08:00"}}, "closes_at"),
    ({"json": {**ROLE, "closes_at": "2099-01-01T00:00:00"}}, "closes_at"),
    ({"json": {**ROLE, "closes_at": "0001-01-01T00:00:00+14:00"}}, "closes_at"),
    ({"json": {**ROLE, "closes_at": "tomorrow"}}, "closes_at"),
    ({"json": {**ROLE, "salary": 30000}}, "salary"),
    ({"json": {k: v for k, v in ROLE.items() if k != "title"}}, "title"),
])
def test_a_bad_new_role_is_refused_naming_the_field(client, writer, body, field):
    response = client.post("/api/v1/employer/jobs", headers=writer, **body)

    assert response.status_code == 400, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["status"] == 400 and error["parameter"] == field and error["message"]
    assert db.session.scalar(db.select(db.func.count()).select_from(Job)) == 0


def test_every_bad_field_is_listed(client, writer):
    response = client.post("/api/v1/employer/jobs", headers=writer,
                           json={**ROLE, "level": "boss", "salary_min": "lots", "extra": 1})

    assert set(response.get_json()["error"]["fields"]) == {"level", "salary_min", "extra"}


@pytest.mark.parametrize("change, field", [
    ({"salary_min": 50000}, "salary_min"),  # above the role's salary_max of 45,000
    ({"title": None}, "title"),
    ({"state": "open"}, "state"),
    ({"company_id": 2}, "company_id"),
])
def test_a_bad_change_is_refused_and_the_role_kept(client, make, employer, writer, change, field):
    job = make.job(company=employer.company, salary_min=30000, salary_max=45000)

    response = client.patch(f"/api/v1/employer/jobs/{job.id}", headers=writer,
                            data=json.dumps(change), content_type="application/json")

    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == field
    db.session.refresh(job)
    assert (job.salary_min, job.salary_max, job.title) == (30000, 45000, "Software Engineer")


@pytest.mark.parametrize("query, parameter", [
    ("state=lost", "state"),
    ("state=%00", "state"),
])
def test_bad_list_filters_are_named(client, writer, query, parameter):
    response = client.get(f"/api/v1/employer/jobs?{query}", headers=writer)

    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == parameter


@pytest.mark.parametrize("query, parameter", [
    ("status=lost", "status"), ("page=0", "page"), ("per_page=101", "per_page"),
    ("page=" + "9" * 30, "page"),
])
def test_bad_application_filters_are_named(client, make, employer, writer, query, parameter):
    job = make.job(company=employer.company)

    response = client.get(f"/api/v1/employer/jobs/{job.id}/applications?{query}",
                          headers=writer)

    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == parameter
