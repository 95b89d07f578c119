"""A booth's page: its story and roles, visits counted once a day, editing by its company."""

import io

import sqlalchemy as sa
from PIL import Image

from careerexpo.booths.models import BoothStaff, BoothVisit
from careerexpo.extensions import db


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(out, "PNG")
    return out.getvalue()


def setup_booth(make):
    employer = make.employer()
    make.job(company=employer.company, title="Lab Engineer")
    expo = make.expo(companies=[employer.company])
    return employer, expo, expo.booths.first()


def visits(booth):
    return db.session.scalar(sa.select(sa.func.count()).select_from(BoothVisit)
                             .where(BoothVisit.booth_id == booth.id))


def test_a_booth_page_shows_roles_and_counts_one_visit_per_visitor_a_day(client, auth, make):
    employer, expo, booth = setup_booth(make)
    url = f"/expos/{expo.slug}/booths/{booth.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Lab Engineer" in page and "Sign in to chat" in page
    client.get(url)
    assert visits(booth) == 1
    auth.login(make.candidate())
    page = client.get(url).get_data(as_text=True)
    client.get(url)
    assert visits(booth) == 2
    assert f'data-room="booth:{booth.id}"' in page
    assert client.get(f"/expos/{expo.slug}/booths/99999").status_code == 404


def test_the_company_edits_its_booth_with_images_staff_and_chat_hours(client, auth, make):
    employer, expo, booth = setup_booth(make)
    colleague = make.employer(company=employer.company)
    auth.login(employer)
    response = client.post(f"/expos/{expo.slug}/booths/{booth.id}/edit", data={
        "tagline": "Sensors for every lab", "story": "We began in Shatin.",
        "video_url": "https://video.example/intro", "staff": [str(colleague.id)],
        "chat_opens": "10:00", "chat_closes": "18:00",
        "logo": (io.BytesIO(png_bytes()), "logo.png")}, content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.refresh(booth)
    assert booth.tagline == "Sensors for every lab" and booth.logo_name
    assert [s.user_id for s in booth.staff] == [colleague.id]
    page = client.get(f"/expos/{expo.slug}/booths/{booth.id}").get_data(as_text=True)
    assert "We began in Shatin." in page and "10:00" in page
    assert f'alt="{employer.company.name} logo"' in page
    image = client.get(f"/expos/uploads/{booth.logo_name}")
    assert image.status_code == 200 and image.mimetype == "image/png"
    image.close()


def test_booth_edits_are_checked(client, auth, make):
    employer, expo, booth = setup_booth(make)
    auth.login(employer)
    url = f"/expos/{expo.slug}/booths/{booth.id}/edit"
    page = client.post(url, data={"logo": (io.BytesIO(b"not an image"), "logo.png")},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "Upload a PNG, JPEG, WebP or GIF image" in page
    page = client.post(url, data={"chat_opens": "18:00", "chat_closes": "09:00"}).get_data(
        as_text=True)
    assert "must close after they open" in page
    page = client.post(url, data={"video_url": "http://insecure.example"}).get_data(as_text=True)
    assert "https://" in page
    stranger = make.employer()
    page = client.post(url, data={"staff": [str(stranger.id)]}).get_data(as_text=True)
    assert "not a valid choice" in page
    db.session.refresh(booth)
    assert booth.logo_name is None and booth.chat_opens is None and booth.staff == []


def test_other_companies_cannot_edit_or_staff_the_booth(client, auth, make):
    _employer, expo, booth = setup_booth(make)
    auth.login(make.employer())
    assert client.get(f"/expos/{expo.slug}/booths/{booth.id}/edit").status_code == 403
    assert client.get(f"/expos/{expo.slug}/booths/{booth.id}/console").status_code == 403
    auth.logout()
    auth.login(make.candidate())
    assert client.get(f"/expos/{expo.slug}/booths/{booth.id}/console").status_code == 403


def test_staff_set_how_many_chats_they_take(client, auth, make):
    employer, expo, booth = setup_booth(make)
    auth.login(employer)
    url = f"/expos/{expo.slug}/booths/{booth.id}/console"
    assert client.get(url).status_code == 200
    client.post(url, data={"max_chats": "5"})
    assert db.session.get(BoothStaff, (booth.id, employer.id)).max_chats == 5
    page = client.post(url, data={"max_chats": "50"}).get_data(as_text=True)
    assert "Number must be between 1 and 20" in page
    assert db.session.get(BoothStaff, (booth.id, employer.id)).max_chats == 5
