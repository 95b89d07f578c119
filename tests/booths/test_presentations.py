"""Booth staff schedule presentations; candidates register, add them to calendars, watch."""

from datetime import timedelta

from icalendar import Calendar

from careerexpo.core.database import utcnow
from careerexpo.core.hktime import to_hk
from careerexpo.extensions import db
from careerexpo.presentations.models import Presentation, PresentationRegistration


def setup(make):
    employer = make.employer()
    expo = make.expo(companies=[employer.company])
    return employer, expo, expo.booths.first()


def talk(booth, starts_in, minutes=30, **fields):
    p = Presentation(booth_id=booth.id, title=fields.pop("title", "Life at our lab"),
                     abstract="Meet the team.", starts_at=utcnow() + starts_in,
                     duration_minutes=minutes, **fields)
    db.session.add(p)
    db.session.commit()
    return p


def test_staff_schedule_a_presentation_in_hong_kong_time(client, auth, make):
    employer, expo, booth = setup(make)
    auth.login(employer)
    client.post(f"/expos/{expo.slug}/booths/{booth.id}/presentations", data={
        "title": "How we hire", "abstract": "Our process.", "day": "2030-03-10",
        "start": "14:30", "duration_minutes": "45", "stream_url": "https://stream.example/1"})
    (p,) = db.session.query(Presentation).all()
    assert to_hk(p.starts_at).strftime("%Y-%m-%d %H:%M") == "2030-03-10 14:30"
    assert p.duration_minutes == 45


def test_candidates_register_and_get_a_calendar_file(client, auth, make):
    _employer, expo, booth = setup(make)
    p = talk(booth, timedelta(days=2))
    candidate = make.candidate()
    auth.login(candidate)
    client.post(f"/expos/{expo.slug}/booths/{booth.id}/presentations/{p.id}/register")
    assert db.session.get(PresentationRegistration, (p.id, candidate.id)) is not None
    page = client.get(f"/expos/{expo.slug}/booths/{booth.id}").get_data(as_text=True)
    assert "You are registered." in page
    ics = client.get(f"/expos/{expo.slug}/booths/{booth.id}/presentations/{p.id}.ics")
    assert ics.mimetype == "text/calendar"
    (event,) = Calendar.from_ical(ics.data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Life at our lab"
    assert event.decoded("DTSTART") == p.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=30)


def test_live_now_during_the_slot_and_the_recording_after(client, make):
    _employer, expo, booth = setup(make)
    talk(booth, -timedelta(minutes=10), title="Happening Talk",
         stream_url="https://stream.example/live")
    talk(booth, -timedelta(hours=3), title="Earlier Talk",
         recording_url="https://video.example/rec")
    talk(booth, timedelta(hours=2), title="Later Talk")
    page = client.get(f"/expos/{expo.slug}/booths/{booth.id}").get_data(as_text=True)
    assert "Live now: Happening Talk" in page and "https://stream.example/live" in page
    assert "Watch the recording" in page and "https://video.example/rec" in page
    hall = client.get(f"/expos/{expo.slug}").get_data(as_text=True)
    assert "Live now: Happening Talk" in hall


def test_the_hall_shows_what_is_next(client, make):
    _employer, expo, booth = setup(make)
    talk(booth, timedelta(hours=2), title="Later Talk")
    assert "Next: Later Talk" in client.get(f"/expos/{expo.slug}").get_data(as_text=True)


def test_registering_for_a_finished_talk_is_refused(client, auth, make):
    _employer, expo, booth = setup(make)
    p = talk(booth, -timedelta(hours=2))
    auth.login(make.candidate())
    page = client.post(f"/expos/{expo.slug}/booths/{booth.id}/presentations/{p.id}/register",
                       follow_redirects=True).get_data(as_text=True)
    assert "This presentation is over" in page
    assert db.session.query(PresentationRegistration).count() == 0


def test_only_booth_staff_schedule(client, auth, make):
    _employer, expo, booth = setup(make)
    auth.login(make.candidate())
    response = client.post(f"/expos/{expo.slug}/booths/{booth.id}/presentations", data={
        "title": "Fake", "day": "2030-01-01", "start": "10:00", "duration_minutes": "30"})
    assert response.status_code == 403
    assert db.session.query(Presentation).count() == 0


def test_registering_through_another_booths_address_writes_nothing(client, auth, make):
    _employer, expo, booth = setup(make)
    other = make.expo(companies=[make.company()]).booths.first()
    theirs = talk(other, timedelta(days=1))
    auth.login(make.candidate())

    response = client.post(
        f"/expos/{expo.slug}/booths/{booth.id}/presentations/{theirs.id}/register")

    assert response.status_code == 404
    assert db.session.query(PresentationRegistration).count() == 0
