"""The hall feels live: who is staffed and on stage now, the most visited booths first,
every booth with a mark, and the expo's agenda."""

from datetime import timedelta

from careerexpo.booths.models import BoothVisit
from careerexpo.chat.presence import presence
from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from careerexpo.presentations.models import Presentation


def hall_world(make):
    companies = [make.company(name=name) for name in ("Alpha Labs", "Beta Robotics", "Gamma AI")]
    expo = make.expo(slug="fair", companies=companies)
    booths = {b.company.name: b for b in expo.booths}
    return expo, booths


def talk(booth, starts_in, title, minutes=30):
    p = Presentation(booth_id=booth.id, title=title, starts_at=utcnow() + starts_in,
                     duration_minutes=minutes)
    db.session.add(p)
    db.session.commit()
    return p


def test_the_hall_shows_who_is_on_stage_and_staffed_now(client, make):
    expo, booths = hall_world(make)
    talk(booths["Beta Robotics"], -timedelta(minutes=10), "Robots at the port")
    talk(booths["Gamma AI"], timedelta(days=1), "Tomorrow's talk")
    staff = make.employer(company=booths["Alpha Labs"].company)
    presence().connect("sid-1", staff.id, None)
    presence().join("sid-1", f"booth:{booths['Alpha Labs'].id}", staff.id, True)

    page = client.get("/expos/fair").get_data(as_text=True)

    on_stage = page[page.index("On stage now"):page.index("Staffed now")]
    assert "Robots at the port" in on_stage and "Tomorrow's talk" not in on_stage
    staffed = page[page.index("Staffed now"):page.index("Find booths")]
    assert "Alpha Labs" in staffed and "Gamma AI" not in staffed
    assert page.count("Staff online now") == 1
    assert page.count('class="monogram monogram-64') == 3  # no logos: each has its initial


def test_the_hall_sorts_the_most_visited_booths_first(client, make):
    expo, booths = hall_world(make)
    for visitor in ("u1", "u2", "u3"):
        db.session.add(BoothVisit(booth_id=booths["Gamma AI"].id, visitor=visitor,
                                  day=utcnow().date()))
    db.session.add(BoothVisit(booth_id=booths["Beta Robotics"].id, visitor="u1",
                              day=utcnow().date()))
    db.session.commit()

    by_name = client.get("/expos/fair").get_data(as_text=True)
    by_activity = client.get("/expos/fair?sort=activity").get_data(as_text=True)

    def order(page):
        return sorted(booths, key=lambda name: page.index(f">{name}</a></h3>"))

    assert order(by_name) == ["Alpha Labs", "Beta Robotics", "Gamma AI"]
    assert order(by_activity) == ["Gamma AI", "Beta Robotics", "Alpha Labs"]
    assert client.get("/expos/fair?sort=loudest").status_code == 400


def test_the_agenda_lists_every_talk_by_day_with_what_is_live(client, make):
    expo, booths = hall_world(make)
    talk(booths["Beta Robotics"], -timedelta(minutes=10), "Robots at the port")
    talk(booths["Gamma AI"], timedelta(days=2), "Models in production")
    other = make.expo(slug="other", companies=[make.company(name="Elsewhere")])
    talk(other.booths.first(), timedelta(hours=1), "Not at this expo")

    page = client.get("/expos/fair/agenda").get_data(as_text=True)

    assert page.index("Robots at the port") < page.index("Models in production")
    assert page.count('<section class="agenda-day"') == 2
    assert "Live now" in page and "Not at this expo" not in page
    assert "Beta Robotics" in page and 'href="/expos/fair"' in page
    assert client.get("/expos/nowhere/agenda").status_code == 404


def test_an_employer_reaches_their_own_booth_from_the_header(client, auth, make):
    expo, booths = hall_world(make)
    employer = make.employer(company=booths["Beta Robotics"].company)
    auth.login(employer)

    page = client.get("/employer/jobs").get_data(as_text=True)

    assert f'href="/expos/fair/booths/{booths["Beta Robotics"].id}">My booth</a>' in page


def test_an_employer_without_a_booth_has_no_booth_link(client, auth, make):
    auth.login(make.employer())
    assert "My booth" not in client.get("/employer/jobs").get_data(as_text=True)
