"""The dashboard page, and organisers' exports: the CSV and the print-ready summary."""

import csv
import io

import pytest

from tests.stats.test_figures import expected_figures


def test_the_dashboard_is_public_and_shows_the_headline_and_charts(client, world):
    response = client.get(f"/expos/{world.expo.slug}/stats")

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Key figures and highlights" in html
    jobs = len(world.counted_jobs())
    assert f"<strong class=\"figure\">{jobs}</strong> job opportunities" in html
    assert "tech companies participating" in html
    for chart in ("areas", "levels", "degrees", "regions", "overseas", "offices", "programmes"):
        assert f'<canvas id="chart-{chart}"' in html
        assert f'id="table-{chart}"' in html
    assert '<script type="application/json" id="stats-chart-data">' in html
    assert "vendor/chartjs/chart.umd.min.js" in html
    assert "<script>" not in html  # the CSP allows no inline script
    assert "Download CSV" not in html  # exports are for organisers


def test_each_table_has_a_caption_and_header_cells(client, world):
    html = client.get(f"/expos/{world.expo.slug}/stats").get_data(as_text=True)

    assert html.count("<caption>") == html.count('class="data chart-table"') == 8
    assert '<th scope="col">Area</th>' in html and '<th scope="row">Biotech</th>' in html


def test_filters_recompute_the_page_and_stay_in_the_form(client, world):
    html = client.get(f"/expos/{world.expo.slug}/stats?area=biotech&programme=innohk"
                      ).get_data(as_text=True)

    n = len(world.counted_jobs(area="biotech", programme="innohk"))
    assert f"<strong class=\"figure\">{n}</strong> job opportunities" in html
    assert '<option value="biotech" selected>' in html
    assert '<option value="innohk" selected>' in html
    assert "Figures for the area “Biotech” and companies in “InnoHK” only." in html


def test_a_bad_filter_on_the_dashboard_is_a_400_and_an_unknown_expo_a_404(client, world):
    assert client.get(f"/expos/{world.expo.slug}/stats?area=nope").status_code == 400
    assert client.get("/expos/no-such-expo/stats").status_code == 404


EXPORTS = ["stats.csv", "stats/print"]


@pytest.mark.parametrize("export", EXPORTS)
def test_exports_send_a_signed_out_visitor_to_sign_in(client, world, export):
    response = client.get(f"/expos/{world.expo.slug}/{export}")

    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("export", EXPORTS)
@pytest.mark.parametrize("role", ["candidate", "employer"])
def test_exports_are_refused_to_candidates_and_employers(client, auth, make, world, export,
                                                          role):
    auth.login(getattr(make, role)())

    assert client.get(f"/expos/{world.expo.slug}/{export}").status_code == 403


def test_an_organiser_sees_the_export_links(organiser_client, world):
    html = organiser_client.get(f"/expos/{world.expo.slug}/stats?area=biotech"
                                ).get_data(as_text=True)

    assert f"/expos/{world.expo.slug}/stats.csv?area=biotech" in html
    assert f"/expos/{world.expo.slug}/stats/print?area=biotech" in html


def csv_values(response) -> dict[str, tuple[str, str]]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff"), "a BOM, so spreadsheets read the file as UTF-8"
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    return {r["key"]: (r["value"], r["headline"]) for r in rows}


def test_the_csv_holds_every_figure_and_breakdown(organiser_client, world):
    response = organiser_client.get(f"/expos/{world.expo.slug}/stats.csv")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == \
        'attachment; filename="hk-it-2026-stats.csv"'
    rows = csv_values(response)
    expected = expected_figures(world)
    assert rows["expo"] == ("hk-it-2026", "")
    assert rows["jobs"] == (str(expected["jobs"]), str(expected["jobs"]))
    assert rows["companies"] == ("15", "15")
    assert rows["jobs_by_programme.innohk"][0] == str(expected["jobs_by_programme"]["innohk"])
    for level, value in expected["share_level"].items():
        assert float(rows[f"share_level.{level}"][0]) == value
        assert rows[f"share_level.{level}"][1].endswith("%+")
    assert float(rows["share_open_to_overseas"][0]) == expected["share_open_to_overseas"]
    for rank, item in enumerate(expected["top_areas"], start=1):
        assert rows[f"top_areas.{rank}.area"][0] == item["area"]
        assert rows[f"top_areas.{rank}.jobs"][0] == str(item["jobs"])
    jobs = world.counted_jobs()
    assert rows["jobs_by_region.remote"][0] == str(sum(j["region"] == "remote" for j in jobs))
    assert rows["companies_by_programme.none"][0] == str(sum(
        world.exhibitors[c]["programme"] is None for c in world.counted_companies()))
    # Figures about jobs and companies only: no candidate appears anywhere.
    assert not any("candidate" in key or "applica" in key for key in rows)


def test_the_csv_follows_the_filters(organiser_client, world):
    response = organiser_client.get(f"/expos/{world.expo.slug}/stats.csv?programme=innopark")

    rows = csv_values(response)
    assert rows["filter.programme"][0] == "innopark"
    assert rows["jobs"][0] == str(len(world.counted_jobs(programme="innopark")))
    assert "hk-it-2026-innopark-stats.csv" in response.headers["Content-Disposition"]


def test_a_formula_in_an_expo_name_is_neutralised_in_the_csv(organiser_client, make):
    make.expo(slug="formula", name="=HYPERLINK(\"http://evil.example\")")

    rows = csv_values(organiser_client.get("/expos/formula/stats.csv"))

    assert rows["expo_name"][0].startswith("'=")


def test_the_print_summary_is_a_press_release_block_with_a_print_stylesheet(
        organiser_client, world, app):
    response = organiser_client.get(f"/expos/{world.expo.slug}/stats/print")

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "I&amp;T Career Expo 2026 key figures and highlights:" in html
    assert "job opportunities (InnoHK:" in html
    assert "css/stats.css" in html
    with app.open_resource("static/css/stats.css") as css:
        assert b"@media print" in css.read()
