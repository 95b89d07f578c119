"""A person's own data: what is kept, consents given and withdrawn, a full copy, deleting
the account, and the retention of unsuccessful applications."""

import os
import re
from datetime import timedelta

import sqlalchemy as sa

from careerexpo.alerts.models import JobAlert
from careerexpo.applications.models import Application, ApplicationEvent, ApplicationNote, SavedJob
from careerexpo.auth.models import User
from careerexpo.candidates.models import CandidateProfile
from careerexpo.candidates.services import cv_path
from careerexpo.chat.models import ChatMessage, Conversation
from careerexpo.core.database import utcnow
from careerexpo.core.enums import ApplicationStatus
from careerexpo.extensions import db
from tests.factories import PASSWORD


def candidate_with_history(make):
    """A candidate with a profile CV, an application with a note, a saved role, an alert
    and a private chat in which they shared their profile."""
    employer = make.employer()
    job = make.job(company=employer.company, title="Data Engineer")
    person = make.candidate(name="Chan Tai Man")
    cv = make.cv(person, filename="chan-cv.pdf")
    db.session.add(CandidateProfile(user_id=person.id, headline="Data person", skills="SQL",
                                    preferred_regions="hong_kong", cv=cv))
    application = make.application(job, person, cover_note="I love data", cv=cv)
    db.session.add(ApplicationNote(application_id=application.id, author_id=employer.id,
                                   body="Strong SQL"))
    db.session.add(SavedJob(user_id=person.id, job_id=job.id))
    db.session.add(JobAlert(user_id=person.id, query="q=data", frequency="daily"))
    expo = make.expo(companies=[employer.company])
    booth = expo.booths.first()
    chat = Conversation(booth_id=booth.id, candidate_id=person.id, share_profile=True)
    db.session.add(chat)
    db.session.flush()
    from careerexpo.chat.services import ensure_room

    ensure_room(chat.room, booth.id)
    db.session.add(ChatMessage(room=chat.room, sender_id=person.id, body="Hello from Chan"))
    db.session.add(ChatMessage(room=chat.room, sender_id=employer.id, body="Hi Chan"))
    db.session.commit()
    return person, employer, expo, booth, chat, application, cv


def ticked(page: str, name: str) -> bool:
    (tag,) = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return " checked" in tag


def test_the_privacy_page_says_what_is_kept_and_consents_start_as_promised(client, auth,
                                                                           make):
    auth.login(make.candidate())
    page = client.get("/me/privacy").get_data(as_text=True)
    assert "What we keep and why" in page and "730 days later" in page
    assert ticked(page, "chat_cv_sharing")
    assert not ticked(page, "matchmaking"), "off until the person gives it"

    response = client.post("/me/privacy/consents", data={"matchmaking": "y"})

    assert response.status_code == 302
    page = client.get("/me/privacy").get_data(as_text=True)
    assert ticked(page, "matchmaking") and not ticked(page, "chat_cv_sharing")


def test_withdrawing_cv_sharing_hides_a_cv_shared_before(client, auth, make):
    person, employer, expo, booth, chat, _application, _cv = candidate_with_history(make)
    base = f"/expos/{expo.slug}/booths/{booth.id}/conversations/{chat.id}"
    auth.login(employer)
    assert client.get(f"{base}/context").get_json()["shared_profile"] is True
    with client.get(f"{base}/cv") as shared:
        assert shared.status_code == 200
    auth.logout()

    auth.login(person)
    client.post("/me/privacy/consents", data={})  # both unticked
    auth.logout()

    auth.login(employer)
    assert client.get(f"{base}/context").get_json()["shared_profile"] is False
    assert client.get(f"{base}/cv").status_code == 404


def test_the_export_holds_everything_kept_about_the_person_and_nobody_else(client, auth,
                                                                           make):
    person, *_rest = candidate_with_history(make)
    make.application(make.job(title="Someone else's role"), make.candidate(name="Other"))
    auth.login(person)

    response = client.get("/me/privacy/export.json")

    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    data = response.get_json()
    assert data["account"]["email"] == person.email and data["account"]["name"] == "Chan Tai Man"
    assert data["profile"]["headline"] == "Data person"
    assert [cv["filename"] for cv in data["cvs"]] == ["chan-cv.pdf"]
    (application,) = data["applications"]
    assert application["job"]["title"] == "Data Engineer"
    assert application["cover_note"] == "I love data"
    assert [step["status"] for step in application["history"]] == ["submitted"]
    assert [s["title"] for s in data["saved_jobs"]] == ["Data Engineer"]
    assert [a["query"] for a in data["alerts"]] == ["q=data"]
    assert [c["shared_profile"] for c in data["conversations"]] == [True]
    assert [m["body"] for m in data["chat_messages"]] == ["Hello from Chan", "Hi Chan"]
    assert data["consents"] == {"chat_cv_sharing": True, "matchmaking": False}
    assert "Someone else's role" not in response.get_data(as_text=True)


def test_the_export_needs_a_sign_in(client):
    assert client.get("/me/privacy/export.json").status_code == 302


def test_a_wrong_password_deletes_nothing(client, auth, make):
    person, *_rest = candidate_with_history(make)
    auth.login(person)

    response = client.post("/me/privacy/delete", data={"delete-password": "not it at all"})

    assert response.status_code == 400
    assert "password is not right" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, person.id).email == person.email
    assert client.get("/me/applications").status_code == 200


def test_deleting_an_account_leaves_nothing_personal_and_keeps_the_counts(client, auth, make):
    person, employer, _expo, _booth, chat, application, cv = candidate_with_history(make)
    cv_file = cv_path(cv)
    person_id, email = person.id, person.email
    auth.login(person)
    copied_session = client.get_cookie("session", domain="careerexpo.test").value

    response = client.post("/me/privacy/delete", data={"delete-password": PASSWORD})

    assert response.status_code == 302
    assert "Your account and your personal data are deleted" in client.get("/").get_data(
        as_text=True)
    db.session.expire_all()
    user = db.session.get(User, person_id)
    assert user.name == "" and user.email != email and not user.active
    assert not os.path.exists(cv_file)
    for column in (CandidateProfile.user_id, SavedJob.user_id, JobAlert.user_id):
        assert db.session.scalar(sa.select(sa.func.count()).where(column == person_id)) == 0
    kept = db.session.get(Application, application.id)
    assert kept.status == ApplicationStatus.SUBMITTED and kept.cover_note == "" and not kept.cv_id
    assert kept.notes == []
    bodies = db.session.scalars(sa.select(ChatMessage.body).where(
        ChatMessage.sender_id == person_id)).all()
    assert bodies == [""]
    # Signed out everywhere: the cookie copied before is dead, and so is the password.
    client.set_cookie("session", copied_session, domain="careerexpo.test")
    assert client.get("/me/applications").status_code == 302
    assert client.post("/auth/login", data={"email": email, "password": PASSWORD}
                       ).status_code == 200
    # The employer keeps an anonymous applicant in the pipeline.
    auth.login(employer)
    page = client.get(f"/employer/jobs/{kept.job_id}/applications").get_data(as_text=True)
    assert "Deleted applicant" in page and "Chan Tai Man" not in page
    assert client.get(f"/employer/applications/{kept.id}").status_code == 200


def _ended(application, days_ago):
    event = ApplicationEvent(application_id=application.id, status=application.status,
                             created_at=utcnow() - timedelta(days=days_ago))
    db.session.add(event)
    application.events[0].created_at = utcnow() - timedelta(days=days_ago + 1)
    db.session.commit()


def test_purge_expired_clears_old_unsuccessful_applications_only(runner, make):
    jobs = [make.job(title=f"Role {n}") for n in range(4)]
    old_rejected, recent_rejected, old_hired, old_withdrawn_profile_cv = (
        make.candidate(), make.candidate(), make.candidate(), make.candidate())
    cvs = [make.cv(p) for p in (old_rejected, recent_rejected, old_hired,
                                old_withdrawn_profile_cv)]
    db.session.add(CandidateProfile(user_id=old_withdrawn_profile_cv.id, cv=cvs[3]))
    apps = [make.application(job, person, status=status, cover_note="Please", cv=cv)
            for job, person, status, cv in zip(
                jobs, (old_rejected, recent_rejected, old_hired, old_withdrawn_profile_cv),
                (ApplicationStatus.REJECTED, ApplicationStatus.REJECTED, ApplicationStatus.HIRED,
                 ApplicationStatus.WITHDRAWN), cvs, strict=True)]
    for application, days in zip(apps, (800, 100, 800, 800), strict=True):
        _ended(application, days)
    files = [cv_path(cv) for cv in cvs]

    result = runner.invoke(args=["purge-expired"])

    assert result.exit_code == 0, result.output
    assert "2 application(s)" in result.output and "1 CV file(s) removed" in result.output
    db.session.expire_all()
    cleared = [db.session.get(Application, a.id) for a in apps]
    assert [(a.cover_note, a.cv_id is None) for a in cleared] == [
        ("", True), ("Please", False), ("Please", False), ("", True)]
    assert [os.path.exists(f) for f in files] == [False, True, True, True]
    assert runner.invoke(args=["purge-expired"]).output.count("0 application(s)") == 1
