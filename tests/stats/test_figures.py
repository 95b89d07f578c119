"""Each headline figure, checked against an independent count over generated data.

The expected values are computed here in plain Python from the rows the test
made (tests/stats/conftest.py); the figures come through DOMAIN.md's API.
"""

from collections import Counter

import pytest

from careerexpo.core.enums import Area, Degree, Level
from careerexpo.stats.filters import StatsFilters
from careerexpo.stats.headline import count_text, share_text
from careerexpo.stats.services import expo_stats


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0


def expected_figures(world, area=None, programme="any") -> dict:
    jobs = world.counted_jobs(area, programme)
    companies = world.counted_companies(area, programme)
    n, m = len(jobs), len(companies)
    programmes = Counter(world.exhibitors[j["company"]]["programme"] for j in jobs)
    areas = Counter(j["area"] for j in jobs)
    outside = [c for c in companies if world.exhibitors[c]["offices"] & {"gba", "overseas"}]
    return {
        "jobs": n,
        "companies": m,
        "jobs_by_programme": {"innohk": programmes["innohk"], "innopark": programmes["innopark"]},
        "share_open_to_overseas": share(sum(j["open_to_overseas"] for j in jobs), n),
        "share_companies_outside_hk": share(len(outside), m),
        "share_technology_rnd": share(
            sum(j["function"] in ("technology", "research_development") for j in jobs), n),
        "share_level": {lv: share(sum(j["level"] == lv for j in jobs), n)
                        for lv in Level.keys()},
        "share_degree": {d: share(sum(j["degree"] == d for j in jobs), n)
                         for d in Degree.keys()},
        # Most jobs first; equal counts in alphabetical order of the area key.
        "top_areas": [{"area": a, "jobs": k}
                      for a, k in sorted(areas.items(), key=lambda item: (-item[1], item[0]))],
    }


def stats_json(client, world, **args):
    response = client.get(f"/api/v1/expos/{world.expo.slug}/stats", query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_every_figure_matches_an_independent_count(client, world):
    body = stats_json(client, world)

    expected = expected_figures(world)
    assert {key: body[key] for key in expected} == expected
    # The data is not degenerate: drafts, closed jobs and outsiders were there to leave out.
    assert expected["jobs"] < len(world.jobs) and 40 < expected["jobs"] < 80
    assert expected["companies"] == 15
    assert 0 < body["share_open_to_overseas"] < 1


def test_jobs_of_companies_without_a_booth_drafts_and_closed_jobs_do_not_count(client, world):
    body = stats_json(client, world)

    open_of_exhibitors = [j for j in world.jobs
                          if j["state"] == "open" and j["company"].startswith("Exhibitor")]
    assert body["jobs"] == len(open_of_exhibitors)
    assert any(j["state"] == "draft" and j["company"].startswith("Exhibitor")
               for j in world.jobs)
    other = client.get(f"/api/v1/expos/{world.other_expo.slug}/stats").get_json()
    # The other expo's two exhibitors have three open jobs each; nothing of this expo's.
    assert (other["jobs"], other["companies"]) == (6, 2)


def test_the_headline_text_follows_the_figures(client, world):
    body = stats_json(client, world)
    expected = expected_figures(world)

    headline = body["headline"]
    assert headline["jobs"] == count_text(expected["jobs"]) == str(expected["jobs"])
    assert headline["companies"] == "15"
    assert headline["jobs_by_programme"] == {
        k: str(v) for k, v in expected["jobs_by_programme"].items()}
    jobs = world.counted_jobs()
    overseas = sum(j["open_to_overseas"] for j in jobs)
    assert headline["share_open_to_overseas"] == f"{overseas * 100 // len(jobs) // 5 * 5}%+"
    for level in Level.keys():
        n = sum(j["level"] == level for j in jobs)
        assert headline["share_level"][level] == share_text(n / len(jobs))
    assert set(headline["share_degree"]) == set(Degree.keys())


@pytest.mark.parametrize(("area", "programme"), [
    ("ai_data_analytics", "any"), ("biotech", "any"), (None, "innohk"), (None, "innopark"),
    (None, None), ("software_communications", "innohk"), ("smart_city", "any"),
])
def test_filters_recompute_every_figure(client, world, area, programme):
    args = {}
    if area:
        args["area"] = area
    if programme != "any":
        args["programme"] = programme or "none"

    body = stats_json(client, world, **args)

    expected = expected_figures(world, area, programme)
    assert {key: body[key] for key in expected} == expected
    assert body["filters"] == {"area": area, "programme": args.get("programme")}


def test_an_area_without_jobs_gives_zero_shares_not_an_error(client, world):
    body = stats_json(client, world, area=Area.SMART_CITY.value)  # no generated job has it

    assert (body["jobs"], body["companies"], body["top_areas"]) == (0, 0, [])
    assert body["share_level"] == {k: 0 for k in Level.keys()}
    assert body["headline"]["share_technology_rnd"] == "0%+"


def test_the_service_returns_the_same_figures_as_the_api(client, world):
    stats = expo_stats(world.expo, StatsFilters.of(area="biotech", programme="innohk"))

    assert stats.figures() == {k: v for k, v in stats_json(
        client, world, area="biotech", programme="innohk").items()
        if k in stats.figures()}


def test_breakdowns_behind_the_charts_match_independent_counts(client, world):
    breakdowns = stats_json(client, world)["breakdowns"]

    jobs = world.counted_jobs()
    companies = world.counted_companies()
    assert breakdowns["jobs_by_region"] == {r: sum(j["region"] == r for j in jobs)
                                            for r in ("hong_kong", "gba", "overseas", "remote")}
    assert breakdowns["companies_by_office_region"] == {
        r: sum(r in world.exhibitors[c]["offices"] for c in companies)
        for r in ("hong_kong", "gba", "overseas")}
    assert breakdowns["companies_by_programme"] == {
        p or "none": sum(world.exhibitors[c]["programme"] == p for c in companies)
        for p in ("innohk", "innopark", None)}
    assert sum(breakdowns["jobs_by_area"].values()) == len(jobs)
