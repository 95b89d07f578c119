"""Expos without jobs or booths, and the list of expos: GET /api/v1/expos."""

import re
from datetime import date

from careerexpo.core.enums import Degree, JobState, Level


def test_an_expo_without_booths_gives_zero_everywhere(client, make):
    expo = make.expo(slug="empty-expo")

    body = client.get(f"/api/v1/expos/{expo.slug}/stats").get_json()

    assert (body["jobs"], body["companies"]) == (0, 0)
    assert body["jobs_by_programme"] == {"innohk": 0, "innopark": 0}
    assert body["share_open_to_overseas"] == 0 and body["share_companies_outside_hk"] == 0
    assert body["share_technology_rnd"] == 0
    assert body["share_level"] == {k: 0 for k in Level.keys()}
    assert body["share_degree"] == {k: 0 for k in Degree.keys()}
    assert body["top_areas"] == []
    assert body["headline"]["jobs"] == "0" and body["headline"]["share_level"]["entry"] == "0%+"


def test_an_expo_whose_companies_have_no_open_job_counts_companies_only(client, make):
    company = make.company(offices=("hong_kong", "gba"))
    make.job(company=company, state=JobState.DRAFT)
    make.job(company=company, state=JobState.CLOSED)
    expo = make.expo(companies=[company])

    body = client.get(f"/api/v1/expos/{expo.slug}/stats").get_json()

    assert (body["jobs"], body["companies"]) == (0, 1)
    assert body["share_companies_outside_hk"] == 1.0
    assert body["headline"]["share_companies_outside_hk"] == "100%+"
    assert body["share_open_to_overseas"] == 0


def test_the_dashboard_of_an_empty_expo_renders(client, make):
    expo = make.expo(slug="empty-expo")

    response = client.get(f"/expos/{expo.slug}/stats")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "No open role counts here yet, so there are no figures to show." in page
    assert "0%+" not in page and "<table" not in page


def test_figures_filtered_to_nothing_say_so_instead_of_zeros(client, make):
    company = make.company(programme="innohk")
    make.job(company=company, area="fintech")
    expo = make.expo(slug="small-expo", companies=[company])

    page = client.get(f"/expos/{expo.slug}/stats?area=biotech").get_data(as_text=True)

    assert "No open role matches these filters, so there are no figures to show." in page
    assert "0%+" not in page
    assert "Roles by level" not in page  # no table of zeros
    whole = client.get(f"/expos/{expo.slug}/stats").get_data(as_text=True)
    assert "Roles by level" in whole


def test_the_overseas_table_names_its_first_column(client, make):
    company = make.company()
    make.job(company=company, open_to_overseas=True)
    expo = make.expo(slug="small-expo", companies=[company])

    page = client.get(f"/expos/{expo.slug}/stats").get_data(as_text=True)
    table = page.split('id="table-overseas"', 1)[1].split("</thead>", 1)[0]

    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', table) == [
        "Talent from outside Hong Kong", "Roles", "Share"]


def test_expos_are_listed_newest_first_with_their_counts(client, make):
    a, b = make.company(), make.company()
    make.job(company=a)
    make.job(company=a)
    make.job(company=b, state=JobState.DRAFT)
    make.job(company=make.company())  # no booth anywhere
    old = make.expo(slug="expo-2022", name="Expo 2022", companies=[a],
                    starts_on=date(2022, 3, 10), ends_on=date(2022, 3, 16))
    new = make.expo(slug="expo-2026", name="Expo 2026", companies=[a, b],
                    starts_on=date(2026, 3, 10), ends_on=date(2026, 3, 16))
    make.expo(slug="expo-2024", name="Expo 2024", starts_on=date(2024, 1, 1),
              ends_on=date(2024, 1, 1))

    body = client.get("/api/v1/expos").get_json()

    assert body == {"items": [
        {"slug": new.slug, "name": "Expo 2026", "starts": "2026-03-10", "ends": "2026-03-16",
         "companies": 2, "jobs": 2},
        {"slug": "expo-2024", "name": "Expo 2024", "starts": "2024-01-01", "ends": "2024-01-01",
         "companies": 0, "jobs": 0},
        {"slug": old.slug, "name": "Expo 2022", "starts": "2022-03-10", "ends": "2022-03-16",
         "companies": 1, "jobs": 2},
    ]}


def test_no_expo_lists_nothing(client):
    assert client.get("/api/v1/expos").get_json() == {"items": []}
