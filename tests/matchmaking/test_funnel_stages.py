"""Recommendations feed the organisers' funnel: RECOMMENDED when a booth's role is shown,
VIEWED when the candidate opens it, APPLIED when they then apply to the company."""

import sqlalchemy as sa

from careerexpo.applications.services import apply_to_job
from careerexpo.extensions import db
from careerexpo.matchmaking.models import Dismissal, FunnelEvent
from careerexpo.privacy.erasure import delete_account
from careerexpo.privacy.export import export
from tests.matchmaking.helpers import wanting


def _stages(candidate, booth):
    return set(db.session.scalars(sa.select(FunnelEvent.stage).where(
        FunnelEvent.candidate_id == candidate.id, FunnelEvent.booth_id == booth.id)))


def test_seeing_opening_and_applying_are_counted_once_each(make, client, auth):
    company = make.company()
    booth = make.expo(companies=[company]).booths[0]
    role = make.job(company=company, title="Python Engineer")
    candidate = wanting(make, skills="Python")
    auth.login(candidate)

    page = client.get("/me/recommendations")
    assert page.status_code == 200
    assert _stages(candidate, booth) == {"recommended"}

    opened = client.get(f"/me/recommendations/{role.id}/open?booth={booth.id}")
    assert opened.status_code == 302 and opened.location.endswith(f"/jobs/{role.id}")
    client.get(f"/me/recommendations/booths/{booth.id}/open")
    client.get("/me/recommendations")
    assert _stages(candidate, booth) == {"recommended", "viewed"}

    apply_to_job(candidate, role, "", make.cv(candidate))
    assert _stages(candidate, booth) == {"recommended", "viewed", "applied"}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FunnelEvent)) == 3


def test_a_booth_never_recommended_counts_neither_views_nor_applications(make, client, auth):
    company = make.company()
    booth = make.expo(companies=[company]).booths[0]
    role = make.job(company=company, title="Office Manager")
    candidate = wanting(make, skills="Rust")  # nothing of this company fits
    auth.login(candidate)

    client.get(f"/me/recommendations/booths/{booth.id}/open")
    client.get(f"/me/recommendations/{role.id}/open")
    apply_to_job(candidate, role, "", make.cv(candidate))

    assert _stages(candidate, booth) == set()


def test_the_api_counts_shown_booths_too(make, client, auth):
    company = make.company()
    booth = make.expo(companies=[company]).booths[0]
    make.job(company=company, title="Python Engineer")
    candidate = wanting(make, skills="Python")
    auth.login(candidate)

    client.get("/api/v1/me/recommendations")

    assert _stages(candidate, booth) == {"recommended"}


def test_dismissals_are_exported_and_erased_with_the_account(make, client, auth):

    role = make.job(title="Python Engineer")
    candidate = wanting(make, skills="Python")
    auth.login(candidate)
    client.post(f"/api/v1/me/recommendations/{role.id}/dismiss")

    assert [d["job_id"] for d in export(candidate)["dismissed_recommendations"]] == [role.id]
    delete_account(candidate, "correct horse battery")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Dismissal)) == 0
