"""Expos and their hall of booths, as visitors and organisers use them."""

from datetime import timedelta

from careerexpo.core.hktime import today_hk
from careerexpo.expos.models import Expo
from careerexpo.extensions import db


def test_expos_are_listed_as_live_upcoming_and_past(client, make):
    today = today_hk()
    make.expo(name="Now Expo", starts_on=today - timedelta(days=1),
              ends_on=today + timedelta(days=1))
    make.expo(name="Soon Expo", starts_on=today + timedelta(days=10),
              ends_on=today + timedelta(days=12))
    make.expo(name="Old Expo", starts_on=today - timedelta(days=30),
              ends_on=today - timedelta(days=25))
    page = client.get("/expos").get_data(as_text=True)
    live, upcoming, past = (page.index(s) for s in ("Live now", "Coming up", "Past expos"))
    assert live < page.index("Now Expo") < upcoming < page.index("Soon Expo") < past < page.index(
        "Old Expo")


def test_each_listed_expo_links_its_key_figures_and_organisers_its_editing(client, auth, make):
    expo = make.expo(name="Spring Expo")
    figures = f'href="/expos/{expo.slug}/stats"'
    edit = f'href="/expos/{expo.slug}/edit"'
    page = client.get("/expos").get_data(as_text=True)
    assert figures in page and edit not in page
    auth.login(make.organiser())
    page = client.get("/expos").get_data(as_text=True)
    assert figures in page and edit in page


def test_the_hall_shows_booths_with_their_open_roles_and_filters(client, make):
    biotech = make.company(name="Helix Bio", programme="innohk")
    robots = make.company(name="Arm Robotics")
    make.job(company=biotech, area="biotech", level="senior")
    make.job(company=biotech, area="biotech", level="entry")
    make.job(company=robots, area="robotics_automation", level="entry")
    expo = make.expo(companies=[biotech, robots])
    page = client.get(f"/expos/{expo.slug}").get_data(as_text=True)
    assert "2 booths" in page and "Helix Bio" in page and "2 open roles" in page
    for query, shown, hidden in (("area=biotech", "Helix Bio", "Arm Robotics"),
                                 ("programme=innohk", "Helix Bio", "Arm Robotics"),
                                 ("level=senior", "Helix Bio", "Arm Robotics"),
                                 ("q=robot", "Arm Robotics", "Helix Bio")):
        page = client.get(f"/expos/{expo.slug}?{query}").get_data(as_text=True)
        assert shown in page and hidden not in page, query
    assert "No booth matches" in client.get(f"/expos/{expo.slug}?q=zzz").get_data(as_text=True)
    assert client.get("/expos/no-such-expo").status_code == 404


def test_organisers_create_and_edit_expos(client, auth, make):
    auth.login(make.organiser())
    form = {"name": "Spring Fair", "slug": "spring-fair-2027", "starts_on": "2027-03-01",
            "ends_on": "2027-03-05", "description": "Hiring season."}
    assert client.post("/expos/new", data=form).status_code == 302
    expo = db.session.query(Expo).filter_by(slug="spring-fair-2027").one()
    assert expo.name == "Spring Fair"
    page = client.post("/expos/new", data={**form, "ends_on": "2027-02-01"}).get_data(
        as_text=True)
    assert "must end on or after" in page
    page = client.post("/expos/new", data={**form, "slug": "Bad Slug!"}).get_data(as_text=True)
    assert "lower-case letters" in page
    client.post(f"/expos/{expo.slug}/edit", data={**form, "name": "Spring Fair 2027"})
    db.session.refresh(expo)
    assert expo.name == "Spring Fair 2027"


def test_only_organisers_create_expos(client, auth, make):
    auth.login(make.employer())
    assert client.get("/expos/new").status_code == 403


def test_the_demo_expo_has_a_talk_on_now_and_taglines(client, app):
    from careerexpo.demo.seed import DEMO_SLUG, seed_demo

    seed_demo(n_jobs=200, n_companies=20, progress=lambda _message: None)
    page = client.get(f"/expos/{DEMO_SLUG}").get_data(as_text=True)
    assert "20 booths" in page and "Live now:" in page and "Next:" in page
