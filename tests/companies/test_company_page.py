"""A company's public page: its story, offices, booths and open roles, linked from its
roles and booths."""

from datetime import timedelta

from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState
from careerexpo.extensions import db


def test_a_company_page_shows_its_story_offices_booths_and_open_roles(client, make):
    company = make.company(name="Harbour Robotics", offices=("hong_kong", "gba"),
                           programme="innohk", description="Robots for ports.")
    open_role = make.job(company=company, title="Robotics Engineer")
    make.job(company=company, title="Old Draft", state=JobState.DRAFT)
    make.job(company=company, title="Closed Role", state=JobState.CLOSED)
    today = utcnow().date()
    live = make.expo(slug="live-expo", name="Live Expo", companies=[company])
    make.expo(slug="next-expo", name="Next Expo", companies=[company],
              starts_on=today + timedelta(days=30), ends_on=today + timedelta(days=32))
    booth = live.booths.first()
    booth.story = "We began on the Kwai Chung docks.\n\nNow we build for ports worldwide."
    db.session.commit()

    page = client.get(f"/companies/{company.id}").get_data(as_text=True)

    assert "<h1>Harbour Robotics</h1>" in page
    assert "Offices: Hong Kong and Greater Bay Area" in page and "InnoHK" in page
    assert "<p>We began on the Kwai Chung docks.</p>" in page
    assert "Live Expo" in page and "open now" in page and "Next Expo" in page
    assert "1 open role" in page and "Robotics Engineer" in page
    assert "Old Draft" not in page and "Closed Role" not in page
    assert 'class="monogram monogram-96' in page  # no logo uploaded: the initial stands in
    role_page = client.get(f"/jobs/{open_role.id}").get_data(as_text=True)
    assert f'href="/companies/{company.id}"' in role_page
    booth_page = client.get(f"/expos/live-expo/booths/{booth.id}").get_data(as_text=True)
    assert f'href="/companies/{company.id}"' in booth_page


def test_a_company_without_open_roles_says_so_and_an_unknown_one_is_404(client, make):
    company = make.company(name="Quiet Labs")

    page = client.get(f"/companies/{company.id}").get_data(as_text=True)

    assert "Quiet Labs has no open roles right now." in page
    assert client.get("/companies/99999").status_code == 404
