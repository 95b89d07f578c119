"""GET /api/v1/jobs and /api/v1/jobs/<id>, exactly as DOMAIN.md describes them."""

from datetime import timedelta

import pytest

from careerexpo.core.database import utcnow
from careerexpo.core.enums import FACETS, JobState

JOB_KEYS = {"id", "title", "description", "company", "level", "degree", "region", "area",
            "function", "employment_type", "open_to_overseas", "salary_min", "salary_max",
            "posted_at", "closes_at", "url"}


def test_list_returns_items_total_page_and_facets(client, make):
    acme = make.company(name="Acme")
    make.job(title="Data Engineer", company=acme, salary_min=30000, salary_max=45000,
             closes_at=utcnow() + timedelta(days=10), open_to_overseas=True)
    make.job(title="Lab Technician", area="biotech", level="middle")
    body = client.get("/api/v1/jobs").get_json()
    assert body["total"] == 2 and body["page"] == 1 and body["per_page"] == 20
    assert set(body["facets"]) >= set(FACETS)
    assert body["facets"]["area"]["biotech"] == 1
    job = next(j for j in body["items"] if j["title"] == "Data Engineer")
    assert JOB_KEYS <= set(job)
    assert job["company"] == {"id": acme.id, "name": "Acme"}
    assert job["level"] == "entry" and job["open_to_overseas"] is True
    assert job["salary_min"] == 30000 and job["salary_max"] == 45000
    assert job["url"].endswith(f"/jobs/{job['id']}")
    assert job["closes_at"].endswith("+00:00")


def test_repeated_filters_mean_either(client, make):
    make.job(title="E", level="entry")
    make.job(title="M", level="middle")
    make.job(title="S", level="senior")
    body = client.get("/api/v1/jobs?level=entry&level=middle").get_json()
    assert sorted(j["title"] for j in body["items"]) == ["E", "M"]
    assert body["facets"]["level"] == {"entry": 1, "middle": 1, "senior": 1, "executive": 0}


def test_every_filter_repeats_even_overseas_and_expo(client, make):
    first, second, elsewhere = (make.company(name=n) for n in ("First", "Second", "Elsewhere"))
    make.job(title="Overseas at first", company=first, open_to_overseas=True)
    make.job(title="Local at second", company=second, open_to_overseas=False)
    make.job(title="Local elsewhere", company=elsewhere, open_to_overseas=False)
    one, two = make.expo(companies=[first]), make.expo(companies=[second])

    def titles(query):
        response = client.get(f"/api/v1/jobs?{query}")
        assert response.status_code == 200, response.get_json()
        return sorted(j["title"] for j in response.get_json()["items"])

    assert titles("open_to_overseas=true&open_to_overseas=false") == [
        "Local at second", "Local elsewhere", "Overseas at first"]
    assert titles("open_to_overseas=false&open_to_overseas=true") == titles("")
    assert titles(f"expo={one.slug}&expo={two.slug}") == ["Local at second", "Overseas at first"]
    assert titles(f"expo={two.slug}&expo={one.slug}&open_to_overseas=false") == [
        "Local at second"]
    assert titles(f"company=First&company={second.id}") == ["Local at second", "Overseas at first"]
    # An id past any database's integers, or written in other digits, names no company.
    assert titles("company=99999999999999999999999") == []
    assert titles("company=%D9%A3") == []
    assert titles("company=%C2%B2") == []
    response = client.get(f"/api/v1/jobs?expo={one.slug}&expo=nowhere")
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == "expo"


def test_every_filter_and_text_query(client, make):
    expo_company = make.company(name="Exhibitor")
    wanted = make.job(title="Robotics Engineer 機械人", company=expo_company, level="middle",
                      degree="master", region="gba", area="robotics_automation",
                      function="research_development", employment_type="contract",
                      open_to_overseas=True)
    make.job(title="Robotics Engineer", level="middle")
    expo = make.expo(companies=[expo_company])
    url = ("/api/v1/jobs?q=robotics&level=middle&degree=master&region=gba"
           "&area=robotics_automation&function=research_development&employment_type=contract"
           f"&open_to_overseas=true&company=Exhibitor&expo={expo.slug}")
    body = client.get(url).get_json()
    assert [j["id"] for j in body["items"]] == [wanted.id]
    assert client.get("/api/v1/jobs?q=機械人").get_json()["total"] == 1
    assert client.get("/api/v1/jobs?open_to_overseas=false").get_json()["total"] == 1


def test_pages_and_per_page(client, make):
    for i in range(5):
        make.job(title=f"Role {i}")
    body = client.get("/api/v1/jobs?per_page=2&page=3").get_json()
    assert body["total"] == 5 and body["page"] == 3 and body["per_page"] == 2
    assert len(body["items"]) == 1
    assert client.get("/api/v1/jobs?per_page=100").status_code == 200
    assert client.get("/api/v1/jobs?page=99").get_json()["items"] == []


@pytest.mark.parametrize("query, parameter", [
    ("per_page=0", "per_page"),
    ("per_page=101", "per_page"),
    ("per_page=abc", "per_page"),
    ("per_page=-5", "per_page"),
    ("page=0", "page"),
    ("page=x", "page"),
    ("level=boss", "level"),
    ("level=entry&level=boss", "level"),
    ("degree=phd", "degree"),
    ("region=mars", "region"),
    ("area=cooking", "area"),
    ("function=fun", "function"),
    ("employment_type=forever", "employment_type"),
    ("open_to_overseas=maybe", "open_to_overseas"),
    ("expo=no-such-expo", "expo"),
    ("sort=random", "sort"),
    ("open_to_overseas=true&open_to_overseas=maybe", "open_to_overseas"),
    ("per_page=%D9%A3", "per_page"),
    ("per_page=2&per_page=500", "per_page"),
    ("per_page=2&per_page=3", "per_page"),
    ("page=1&page=2", "page"),
    ("sort=newest&sort=salary", "sort"),
    ("q=data&q=robots", "q"),
    ("q=" + "x" * 201, "q"),
])
def test_bad_parameters_get_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/jobs?{query}")
    assert response.status_code == 400
    assert response.is_json
    assert response.get_json()["error"]["parameter"] == parameter


def test_only_open_jobs_are_listed_or_fetched(client, make):
    listed = make.job(title="Listed")
    draft = make.job(title="Draft", state=JobState.DRAFT)
    closed = make.job(title="Closed", state=JobState.CLOSED)
    expired = make.job(title="Expired", closes_at=utcnow() - timedelta(minutes=1))
    assert [j["title"] for j in client.get("/api/v1/jobs").get_json()["items"]] == ["Listed"]
    assert client.get(f"/api/v1/jobs/{listed.id}").get_json()["title"] == "Listed"
    for job in (draft, closed, expired):
        response = client.get(f"/api/v1/jobs/{job.id}")
        assert response.status_code == 404 and response.is_json
    assert client.get("/api/v1/jobs/999999").status_code == 404
