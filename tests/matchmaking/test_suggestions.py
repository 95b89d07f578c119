"""Booth staff see candidates who agreed to be suggested, and nobody else."""

from careerexpo.booths.models import BoothStaff
from careerexpo.extensions import db
from careerexpo.privacy.consents import set_consents
from careerexpo.privacy.models import ConsentKind
from tests.matchmaking.helpers import wanting


def _booth_with_role(make):
    company = make.company()
    expo = make.expo(companies=[company])
    make.job(company=company, title="Data Engineer", description="Python and SQL.")
    return expo, expo.booths[0], make.employer(company=company)


def test_staff_see_only_candidates_who_opted_in_with_reasons(make, client, auth):
    expo, booth, staff = _booth_with_role(make)
    wanting(make, name="Opted In", skills="Python, SQL", levels=["entry"], consent=True)
    wanting(make, name="Never Asked", skills="Python, SQL")
    wanting(make, name="Said No", skills="Python, SQL", consent=False)
    withdrew = wanting(make, name="Withdrew", skills="Python", consent=True)
    set_consents(withdrew, {ConsentKind.MATCHMAKING: False})
    auth.login(staff)

    page = client.get(f"/expos/{expo.slug}/booths/{booth.id}/suggested-candidates")

    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Opted In" in html
    assert "Python and SQL among their skills" in html
    assert "Looking for this level: Entry level" in html
    for hidden in ("Never Asked", "Said No", "Withdrew"):
        assert hidden not in html


def test_another_companys_staff_get_404_and_candidates_403(make, client, auth):
    expo, booth, _staff = _booth_with_role(make)
    url = f"/expos/{expo.slug}/booths/{booth.id}/suggested-candidates"

    auth.login(make.employer())
    assert client.get(url).status_code == 404
    auth.logout()
    auth.login(make.candidate())
    assert client.get(url).status_code == 403


def test_a_colleague_not_named_to_staff_the_booth_gets_404(make, client, auth):
    expo, booth, staff = _booth_with_role(make)
    colleague = make.employer(company=staff.company)
    db.session.add(BoothStaff(booth_id=booth.id, user_id=staff.id))
    db.session.commit()
    url = f"/expos/{expo.slug}/booths/{booth.id}/suggested-candidates"

    auth.login(colleague)
    assert client.get(url).status_code == 404


def test_staff_see_an_empty_state_without_consenting_candidates(make, client, auth):
    expo, booth, staff = _booth_with_role(make)
    wanting(make, name="Not Asked", skills="Python")
    auth.login(staff)

    html = client.get(f"/expos/{expo.slug}/booths/{booth.id}/suggested-candidates").get_data(
        as_text=True)
    assert "No suggestions yet" in html and "Not Asked" not in html
