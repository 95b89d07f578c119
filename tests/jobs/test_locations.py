"""Roles know where they are based: a country (ISO 3166-1 alpha-2) and a city, from the
import, the employer's form and the employer API, shown on pages and found by search."""

from pathlib import Path

import pytest
import sqlalchemy as sa

from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from tests.api_tokens.helpers import bearer, issue_token
from tests.employer.test_jobs import role_form

DATA = Path(__file__).parent.parent / "data"
HEADER = ("company,title,description,level,degree,region,area,function,employment_type,"
          "open_to_overseas,salary_min,salary_max,closes_at")


def import_jobs(runner, tmp_path, rows: list[str], header=HEADER + ",city,country"):
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return runner.invoke(args=[
        "import-expo", "hk-it-2026", "--name", "I&T Career Expo", "--starts", "2026-03-10",
        "--ends", "2026-03-16", "--companies", str(DATA / "expo_companies.csv"),
        "--jobs", str(jobs)])


def row(title, region, city="", country=""):
    return (f"Tidewell Sensors,{title},Build sensors.,entry,bachelor,{region},"
            f"electronics_sensors,technology,full_time,no,,,,{city},{country}")


def role(title: str) -> Job:
    return db.session.scalar(sa.select(Job).where(Job.title == title))


def test_an_import_without_the_columns_places_hong_kong_and_gba_roles(runner):
    result = runner.invoke(args=[
        "import-expo", "hk-it-2026", "--name", "I&T Career Expo", "--starts", "2026-03-10",
        "--ends", "2026-03-16", "--companies", str(DATA / "expo_companies.csv"),
        "--jobs", str(DATA / "expo_jobs.csv")])

    assert result.exit_code == 0, result.output
    assert role("Data Scientist").country == "HK" and role("Data Scientist").city is None
    assert role("軟件工程師").country == "CN"


def test_an_import_with_cities_and_countries_keeps_them(runner, tmp_path, client):
    result = import_jobs(runner, tmp_path, [
        row("Firmware Engineer", "overseas", "Singapore", "sg"),
        row("Sensor Technician", "gba", "Shenzhen", ""),
        row("Field Engineer", "hong_kong", "Sha Tin", "HK"),
    ])

    assert result.exit_code == 0, result.output
    assert (role("Firmware Engineer").city, role("Firmware Engineer").country) == (
        "Singapore", "SG")
    assert (role("Sensor Technician").city, role("Sensor Technician").country) == (
        "Shenzhen", "CN")
    page = client.get(f"/jobs/{role('Firmware Engineer').id}").get_data(as_text=True)
    assert "Singapore (overseas)" in page


def test_an_overseas_role_without_a_country_imports_with_a_warning(runner, tmp_path):
    result = import_jobs(runner, tmp_path, [row("Firmware Engineer", "overseas")])

    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'jobs.csv'}:2: warning: overseas role without a country" in result.stderr
    assert role("Firmware Engineer").country is None


@pytest.mark.parametrize("city, country, reason", [
    ("Atlantis", "ZZ", "country: 'ZZ' is not an ISO 3166-1 alpha-2 country code"),
    ("", "Singapore", "country: 'Singapore' is not an ISO 3166-1 alpha-2 country code"),
])
def test_a_bad_country_is_reported_by_line_and_nothing_is_written(runner, tmp_path, city,
                                                                  country, reason):
    result = import_jobs(runner, tmp_path, [row("Good", "overseas", "Tokyo", "JP"),
                                            row("Bad", "overseas", city, country)])

    assert result.exit_code == 1
    assert f"{tmp_path / 'jobs.csv'}:3: {reason}" in result.stderr
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Job)) == 0


def test_a_country_that_contradicts_the_region_is_refused(runner, tmp_path):
    result = import_jobs(runner, tmp_path, [row("Bad", "hong_kong", "", "SG")])

    assert result.exit_code == 1
    assert "jobs.csv:2: country: a hong_kong role is based in HK, not SG" in result.stderr


def test_a_location_word_finds_the_role_in_any_language(runner, tmp_path, client):
    import_jobs(runner, tmp_path, [row("Firmware Engineer", "overseas", "Munich", "DE"),
                                   row("Field Engineer", "hong_kong", "Sha Tin", "HK")])

    for words in ("munich", "germany", "德國", "德国", "sha tin"):
        page = client.get("/jobs", query_string={"q": words}).get_data(as_text=True)
        expected, other = (("Field Engineer", "Firmware Engineer") if words == "sha tin"
                           else ("Firmware Engineer", "Field Engineer"))
        assert expected in page and other not in page, words
    card = client.get("/jobs", query_string={"q": "munich"}).get_data(as_text=True)
    assert "Munich, Germany" in card


def test_the_employer_form_asks_an_overseas_role_for_its_country(client, auth, make):
    auth.login(make.employer())

    refused = client.post("/employer/jobs/new", data=role_form(region="overseas"))
    assert refused.status_code == 200
    assert "Choose the country an overseas role is based in" in refused.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Job)) == 0

    saved = client.post("/employer/jobs/new", data=role_form(
        region="overseas", country="SG", city=" Singapore "))
    assert saved.status_code == 302
    job = db.session.scalar(sa.select(Job))
    assert (job.country, job.city) == ("SG", "Singapore")


def test_the_employer_form_places_a_hong_kong_role_in_hong_kong(client, auth, make):
    auth.login(make.employer())

    client.post("/employer/jobs/new", data=role_form())
    assert db.session.scalar(sa.select(Job)).country == "HK"
    wrong = client.post("/employer/jobs/new", data=role_form(country="JP"))
    assert "A role in this region is based in HK." in wrong.get_data(as_text=True)


def test_the_employer_api_takes_and_sends_the_location(client, make):
    employer = make.employer()
    writer = bearer(issue_token(employer))
    body = {"title": "Data Engineer", "description": "Pipelines.", "level": "middle",
            "degree": "bachelor", "region": "overseas", "area": "fintech",
            "function": "technology", "employment_type": "full_time", "publish": True}

    missing = client.post("/api/v1/employer/jobs", json=body, headers=writer)
    assert missing.status_code == 400
    assert "country" in missing.get_json()["error"]["fields"]
    bad = client.post("/api/v1/employer/jobs", json={**body, "country": "XX"}, headers=writer)
    assert bad.status_code == 400 and "country" in bad.get_json()["error"]["fields"]

    created = client.post("/api/v1/employer/jobs", json={**body, "country": "gb",
                                                         "city": "London"}, headers=writer)
    assert created.status_code == 201, created.get_json()
    job = created.get_json()
    assert (job["country"], job["city"]) == ("GB", "London")
    public = client.get(f"/api/v1/jobs/{job['id']}").get_json()
    assert (public["country"], public["city"]) == ("GB", "London")

    moved = client.patch(f"/api/v1/employer/jobs/{job['id']}", json={"region": "gba"},
                         headers=writer)
    assert moved.status_code == 200 and moved.get_json()["country"] == "CN"
