"""The /jobs listing and a role's own page, as a visitor sees them."""

import json
import re
from datetime import timedelta

from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState


def jsonld(html: str):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1)) if match else None


def test_listing_shows_matches_counts_and_keeps_filters_in_links(client, make):
    for i in range(25):
        make.job(title=f"Engineer {i}", level="entry" if i % 2 else "middle")
    page = client.get("/jobs?q=engineer&level=entry").get_data(as_text=True)
    assert "12 roles" in page
    assert 'value="entry" checked' in page
    assert "<legend>Minimum degree</legend>" in page and "<legend>Employment type</legend>" in page
    # Pager links carry the query and the filters, so a search can be shared.
    assert "/jobs?q=engineer&amp;level=entry&amp;page=2" not in page  # 12 fit on one page
    many = client.get("/jobs?q=engineer").get_data(as_text=True)
    assert "25 roles" in many
    assert re.search(r'href="/jobs\?q=engineer&amp;page=2"', many)


def test_a_large_number_of_matches_is_written_with_thousands_separators(client, make):
    from careerexpo.extensions import db
    from careerexpo.jobs.models import Job

    company = make.company(name="Volume Robotics")
    db.session.add_all(Job(company=company, title=f"Robotics Engineer {i}", description="Robots.",
                           level="entry", degree="bachelor", region="hong_kong",
                           area="robotics_automation", function="technology",
                           employment_type="full_time", open_to_overseas=False,
                           state=JobState.OPEN, posted_at=utcnow()) for i in range(1_001))
    db.session.commit()
    page = client.get("/jobs?q=robotics").get_data(as_text=True)
    assert "1,001 roles" in page
    assert "(1,001)" in page  # the level facet's count


def test_listing_has_an_honest_empty_state(client, make):
    make.job(title="Engineer", level="entry")
    page = client.get("/jobs?q=astronaut&level=entry").get_data(as_text=True)
    assert "No open role matches this search" in page
    assert "Search again without filters" in page


def test_bad_filters_on_the_listing_say_what_is_wrong(client):
    response = client.get("/jobs?level=boss")
    assert response.status_code == 400
    assert "level" in response.get_data(as_text=True)


def test_a_role_page_shows_the_role_its_company_and_job_posting_markup(client, make):
    acme = make.company(name="Acme Robotics", description="We make arms.")
    job = make.job(title="Robot Whisperer", company=acme, salary_min=25000, salary_max=35000,
                   closes_at=utcnow() + timedelta(days=5))
    html = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Robot Whisperer" in html and "We make arms." in html
    assert "HK$25,000" in html and "HK$35,000" in html
    data = jsonld(html)
    assert data["@type"] == "JobPosting" and data["title"] == "Robot Whisperer"
    assert data["hiringOrganization"]["name"] == "Acme Robotics"
    assert data["baseSalary"]["currency"] == "HKD"
    assert data["validThrough"]


def test_closed_roles_stay_reachable_without_markup_and_drafts_are_hidden(client, make):
    closed = make.job(title="Gone", state=JobState.CLOSED)
    html = client.get(f"/jobs/{closed.id}").get_data(as_text=True)
    assert "This role is closed" in html and jsonld(html) is None
    draft = make.job(title="Secret", state=JobState.DRAFT)
    assert client.get(f"/jobs/{draft.id}").status_code == 404


def test_dates_are_shown_in_hong_kong_time(client, make):
    from datetime import UTC, datetime

    # 20:00 UTC on 1 March is already 2 March in Hong Kong.
    job = make.job(title="Timely")
    job.closes_at = datetime(2099, 3, 1, 20, 0, tzinfo=UTC)
    from careerexpo.extensions import db

    db.session.commit()
    html = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "2 Mar 2099, 4:00 AM" in html  # to the minute, the month by name


def test_a_role_links_to_the_companys_other_roles_shown_by_name(client, make):
    company = make.company(name="Harbour Robotics")
    job = make.job(company=company, title="Robot Wrangler")
    make.job(company=company, title="Sensor Engineer")
    make.job(title="Elsewhere Engineer")

    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)">More roles at Harbour Robotics</a>', page)
    assert link and link.group(1) == f"/jobs?company={company.id}"

    listing = client.get(link.group(1)).get_data(as_text=True)
    assert "Robot Wrangler" in listing and "Sensor Engineer" in listing
    assert "Elsewhere Engineer" not in listing
    # The narrowing is named, and can be taken off.
    chip = re.search(r'<li>Company: Harbour Robotics <a href="([^"]+)"', listing)
    assert chip and chip.group(1) == "/jobs"
    assert "Elsewhere Engineer" in client.get(chip.group(1)).get_data(as_text=True)


def test_an_expo_search_names_the_expo_and_drops_one_filter_at_a_time(client, make):
    company = make.company(name="Kowloon Labs")
    make.job(company=company, title="Lab Technician")
    make.expo(slug="fair-2026", name="Autumn Fair 2026", companies=[company])

    listing = client.get("/jobs?expo=fair-2026&company=Kowloon+Labs&level=entry")
    text = listing.get_data(as_text=True)
    assert "Lab Technician" in text
    expo_chip = re.search(r'<li>Expo: Autumn Fair 2026 <a href="([^"]+)"', text)
    company_chip = re.search(r'<li>Company: Kowloon Labs <a href="([^"]+)"', text)
    assert expo_chip.group(1) == "/jobs?company=Kowloon+Labs&amp;level=entry"
    assert company_chip.group(1) == "/jobs?expo=fair-2026&amp;level=entry"


def test_a_role_points_to_its_companys_booth_live_or_coming(client, make):
    today = utcnow().date()
    company = make.company(name="Tsuen Wan Micro")
    job = make.job(company=company)
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Visit the booth" not in page  # no expo to meet it at

    make.expo(slug="past-fair", name="Past Fair", companies=[company],
              starts_on=today - timedelta(days=30), ends_on=today - timedelta(days=25))
    coming = make.expo(slug="next-fair", name="Next Fair", companies=[company],
                       starts_on=today + timedelta(days=10), ends_on=today + timedelta(days=12))
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Tsuen Wan Micro will have a booth at Next Fair, from" in page
    booth = coming.booths.one()
    assert f'href="/expos/next-fair/booths/{booth.id}">Visit the booth' in page

    live = make.expo(slug="live-fair", name="Live Fair", companies=[company],
                     starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=1))
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Tsuen Wan Micro has a booth at Live Fair, open now" in page
    assert f'href="/expos/live-fair/booths/{live.booths.one().id}">Visit the booth' in page


def test_a_candidate_sees_which_listed_roles_they_applied_to_or_saved(client, auth, make):
    applied = make.job(title="Applied Role", posted_ago=timedelta(hours=1))
    saved = make.job(title="Saved Role", posted_ago=timedelta(hours=2))
    make.job(title="Untouched Role", posted_ago=timedelta(hours=3))
    me = make.candidate()
    make.application(applied, me)
    from careerexpo.applications.models import SavedJob
    from careerexpo.extensions import db
    db.session.add(SavedJob(user_id=me.id, job_id=saved.id))
    db.session.commit()
    other = make.candidate()

    def marks(page: str) -> list[str]:
        return re.findall(r'<li class="tag-mine">([^<]+)</li>', page)

    assert marks(client.get("/jobs").get_data(as_text=True)) == []  # a visitor: no marks
    auth.login(me)
    for url in ("/jobs", "/"):
        assert marks(client.get(url).get_data(as_text=True)) == [
            "You applied: Submitted", "Saved by you"]
    auth.logout()
    auth.login(other)
    assert marks(client.get("/jobs").get_data(as_text=True)) == []


def test_a_search_with_no_results_shows_no_empty_filter_boxes(client, make):
    make.job(title="Embedded Engineer")

    page = client.get("/jobs?q=zebrafish").get_data(as_text=True)

    assert "No open role matches this search." in page
    legends = [chunk.split("</legend>", 1)[0] for chunk in page.split("<legend>")[1:]]
    assert legends == ["Salary and date"]  # the level, region… boxes would be empty


def test_a_chosen_filter_stays_in_view_when_nothing_matches(client, make):
    make.job(title="Embedded Engineer", level="entry")

    page = client.get("/jobs?q=zebrafish&level=senior").get_data(as_text=True)

    assert 'id="f-level-senior"' in page and "Search again without filters" in page
