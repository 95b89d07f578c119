"""GET /api/v1/expos/<slug>/stats answers 404 and 400 as DOMAIN.md's API does."""

import pytest


def test_an_unknown_expo_is_a_json_404(client):
    response = client.get("/api/v1/expos/no-such-expo/stats")

    assert response.status_code == 404
    assert response.is_json and response.get_json()["error"]["status"] == 404


@pytest.mark.parametrize(("query", "parameter"), [
    ("area=quantum", "area"),
    ("area=AI_DATA_ANALYTICS", "area"),
    ("programme=innoxyz", "programme"),
    ("area=biotech&area=fintech", "area"),
    ("programme=innohk&programme=innopark", "programme"),
])
def test_a_bad_filter_is_a_400_naming_the_parameter(client, make, query, parameter):
    expo = make.expo()

    response = client.get(f"/api/v1/expos/{expo.slug}/stats?{query}")

    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == parameter


def test_an_empty_filter_means_no_filter(client, make):
    company = make.company(programme="innohk")
    make.job(company=company, area="biotech")
    expo = make.expo(companies=[company])

    body = client.get(f"/api/v1/expos/{expo.slug}/stats?area=&programme=").get_json()

    assert body["jobs"] == 1 and body["filters"] == {"area": None, "programme": None}


def test_the_figures_are_public_and_describe_their_expo(client, make):
    expo = make.expo(slug="hk-it-2026", name="I&T Career Expo 2026")

    body = client.get("/api/v1/expos/hk-it-2026/stats").get_json()

    assert body["expo"] == {"slug": "hk-it-2026", "name": "I&T Career Expo 2026",
                            "starts": expo.starts_on.isoformat(),
                            "ends": expo.ends_on.isoformat()}
    assert set(body) >= {"jobs", "companies", "jobs_by_programme", "share_open_to_overseas",
                         "share_companies_outside_hk", "share_technology_rnd", "share_level",
                         "share_degree", "top_areas", "headline"}
    assert set(body["headline"]) == {
        "jobs", "companies", "jobs_by_programme", "share_open_to_overseas",
        "share_companies_outside_hk", "share_technology_rnd", "share_level", "share_degree"}


def test_figures_follow_a_change_at_once(client, make):
    company = make.company()
    expo = make.expo(companies=[company])
    assert client.get(f"/api/v1/expos/{expo.slug}/stats").get_json()["jobs"] == 0

    make.job(company=company)

    assert client.get(f"/api/v1/expos/{expo.slug}/stats").get_json()["jobs"] == 1
