"""The home page: the open roles at a glance, by area, the newest, and the expo to visit."""

import re
from datetime import timedelta

from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState


def spotlight(page: str) -> str:
    found = re.search(r'<section class="spotlight".*?</section>', page, re.S)
    return found.group(0) if found else ""


def test_the_home_page_counts_open_roles_by_area_and_shows_the_newest(client, make):
    make.job(title="Older Robotics Role", area="robotics_automation",
             posted_ago=timedelta(days=9))
    make.job(title="Newest Fintech Role", area="fintech", posted_ago=timedelta(hours=1))
    make.job(title="Second Fintech Role", area="fintech", posted_ago=timedelta(days=2))
    make.job(title="Closed Role", area="fintech", state=JobState.CLOSED)

    page = client.get("/").get_data(as_text=True)

    assert "3 open roles from innovation and technology companies" in page
    tiles = re.findall(r'area=(\w+)">[^<]+<span class="count">(\d+)</span>', page)
    assert tiles == [("fintech", "2"), ("robotics_automation", "1")]
    newest = re.findall(r"(Newest Fintech|Second Fintech|Older Robotics) Role", page)
    assert newest == ["Newest Fintech", "Second Fintech", "Older Robotics"]
    assert "Closed Role" not in page


def test_the_expo_open_today_is_put_first_and_else_the_next_one(client, make):
    today = utcnow().date()
    booth_holder = make.company()
    make.expo(slug="last-spring", name="Last Spring Fair", companies=[booth_holder],
              starts_on=today - timedelta(days=200), ends_on=today - timedelta(days=195))
    make.expo(slug="next-winter", name="Next Winter Fair",
              starts_on=today + timedelta(days=20), ends_on=today + timedelta(days=22))
    make.expo(slug="far-summer", name="Far Summer Fair",
              starts_on=today + timedelta(days=200), ends_on=today + timedelta(days=202))

    coming = spotlight(client.get("/").get_data(as_text=True))
    assert "Coming up" in coming and "Next Winter Fair" in coming
    assert "Far Summer Fair" not in coming and "Last Spring Fair" not in coming

    make.expo(slug="this-week", name="This Week's Fair", companies=[booth_holder],
              starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=3))
    live = spotlight(client.get("/").get_data(as_text=True))
    assert "Live now" in live and "This Week&#39;s Fair" in live and "1 booth" in live
    assert "Next Winter Fair" not in live
    assert 'href="/expos/this-week">Enter the hall' in live
    assert 'href="/jobs?expo=this-week"' in live


def test_without_a_current_or_coming_expo_there_is_no_spotlight(client, make):
    today = utcnow().date()
    make.expo(slug="long-gone", name="Long Gone Fair",
              starts_on=today - timedelta(days=60), ends_on=today - timedelta(days=58))
    page = client.get("/").get_data(as_text=True)
    assert spotlight(page) == "" and "Long Gone Fair" not in page


def test_a_new_expo_reaches_the_cached_home_page_at_once(client, make):
    today = utcnow().date()
    assert spotlight(client.get("/").get_data(as_text=True)) == ""
    make.expo(slug="pop-up", name="Pop-up Fair",
              starts_on=today + timedelta(days=5), ends_on=today + timedelta(days=6))
    assert "Pop-up Fair" in spotlight(client.get("/").get_data(as_text=True))
