"""A job seeker's lists say when they applied, ask before withdrawing, and let them
unsave a role where they keep it."""

from datetime import UTC, datetime

from careerexpo.applications.models import SavedJob
from careerexpo.extensions import db


def test_applications_show_the_day_applied_and_ask_before_withdrawing(client, auth, make):
    person = make.candidate()
    application = make.application(make.job(title="Data Engineer"), person)
    application.created_at = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    db.session.commit()
    auth.login(person)

    page = client.get("/me/applications").get_data(as_text=True)

    assert "Applied 20 Nov 2026" in page
    assert '<details class="confirm">' in page and "you cannot undo it" in page


def test_a_saved_role_can_be_removed_from_the_saved_list(client, auth, make):
    person = make.candidate()
    job = make.job(title="Data Engineer")
    db.session.add(SavedJob(user_id=person.id, job_id=job.id))
    db.session.commit()
    auth.login(person)

    response = client.post(f"/me/saved/{job.id}/remove")

    assert response.status_code == 302 and response.location.endswith("/me/saved")
    page = client.get("/me/saved").get_data(as_text=True)
    assert "Removed from your saved roles." in page and "Data Engineer" not in page
    assert db.session.query(SavedJob).count() == 0
