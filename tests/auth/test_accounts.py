"""Registering (without telling anyone whether an address has an account), signing in and
out, and employers adding colleagues."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from careerexpo.auth import links, registration
from careerexpo.auth.models import LinkPurpose, User
from careerexpo.companies.models import Company
from careerexpo.core.database import utcnow
from careerexpo.core.enums import Role
from careerexpo.extensions import db
from tests.auth.conftest import link_in
from tests.factories import PASSWORD


def register(client, **fields):
    data = {"role": "candidate", "name": "Chan Tai Man", "email": "taiman@example.com",
            "password": PASSWORD, "confirm": PASSWORD}
    data.update(fields)
    return client.post("/auth/register", data=data)


def sign_in(client, email, password=PASSWORD):
    return client.post("/auth/login", data={"email": email, "password": password})


def test_a_candidate_registers_then_finishes_from_the_emailed_link(client, inbox):
    response = register(client)
    assert response.headers["Location"] == "/auth/login"
    assert "Check your email: we have sent a message to taiman@example.com" in client.get(
        "/auth/login").get_data(as_text=True)
    user = db.session.scalar(sa.select(User).where(User.email == "taiman@example.com"))
    assert user.role == Role.CANDIDATE and user.company is None
    assert user.password_hash != PASSWORD and user.check_password(PASSWORD)
    # Not before the address is confirmed: refused like a wrong password.
    assert "The email or password is not right" in sign_in(
        client, user.email).get_data(as_text=True)

    [email] = inbox.wait_for(1)
    assert email["Subject"] == "Finish registering with CareerExpo"
    assert email["To"] == "Chan Tai Man <taiman@example.com>"
    link = link_in(email, "/auth/confirm/")
    assert "Confirm and sign in" in client.get(link).get_data(as_text=True)
    assert client.get("/me/applications").status_code == 302  # opening it is not enough
    finished = client.post(link)

    assert finished.headers["Location"] == "/jobs"
    assert client.get("/me/applications").status_code == 200
    assert client.post(link).status_code == 410  # once only
    client.post("/auth/logout")
    assert sign_in(client, user.email).status_code == 302


def test_employer_registers_with_a_new_company(client, inbox):
    register(client, role="employer", email="hr@acme.example", company_name="Acme Robotics",
             company_website="https://acme.example")
    user = db.session.scalar(sa.select(User).where(User.email == "hr@acme.example"))
    assert user.role == Role.EMPLOYER and user.company.name == "Acme Robotics"

    finished = client.post(link_in(inbox.wait_for(1)[0], "/auth/confirm/"))

    assert finished.headers["Location"] == "/employer/jobs"
    assert client.get("/employer/jobs").status_code == 200


def _answer(client, response, email):
    """What the registering person sees: the response, then the page it leads to."""
    following = client.get(response.headers["Location"])
    return (response.status_code, response.headers["Location"],
            sorted(c.split("=", 1)[0] for c in response.headers.getlist("Set-Cookie")),
            following.status_code,
            following.get_data(as_text=True).replace(email, "EMAIL").replace(
                _csrf(following), "TOKEN"))


def _csrf(response) -> str:
    found = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"',
                      response.get_data(as_text=True))
    return found.group(1) if found else "no token"


def test_registering_a_taken_address_answers_exactly_as_a_free_one(app, make, inbox):
    owner = make.candidate(name="Wong Siu Ming", email="ming@example.com")
    taken_client, free_client = app.test_client(), app.test_client()

    taken = register(taken_client, name="Somebody Else", email="ming@example.com")
    free = register(free_client, name="Somebody Else", email="newcomer@example.com")

    assert _answer(taken_client, taken, "ming@example.com") == _answer(
        free_client, free, "newcomer@example.com")
    # The owner hears of it; their account is as it was.
    messages = inbox.wait_for(2)
    to_owner = next(m for m in messages if m["To"] == "Wong Siu Ming <ming@example.com>")
    assert to_owner["Subject"] == "Someone tried to register with your email address"
    assert "/auth/reset" in to_owner.get_body().get_content()
    db.session.refresh(owner)
    assert owner.name == "Wong Siu Ming" and owner.check_password(PASSWORD)


def test_registering_a_taken_address_then_signing_in_tells_nothing(client, make, inbox):
    make.candidate(email="ming@example.com", password="the owners own passphrase")
    register(client, email="ming@example.com")
    register(client, email="newcomer@example.com")

    pages = [sign_in(client, email).get_data(as_text=True)
             for email in ("ming@example.com", "newcomer@example.com")]

    assert all("The email or password is not right" in page for page in pages)


def test_an_expired_registration_link_does_not_work(client):
    user = db.session.get(User, registration.register(
        "late@example.com", PASSWORD, "Late Comer", Role.CANDIDATE, timedelta(hours=48)).user.id)
    token = links.issue(user, LinkPurpose.CONFIRM,
                                     timedelta(hours=48), now=utcnow() - timedelta(hours=49))
    db.session.commit()

    assert client.post(f"/auth/confirm/{token}").status_code == 410
    assert client.get("/me/applications").status_code == 302


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute")
def test_registration_is_rate_limited(client, inbox):
    codes = [register(client, email=f"person{n}@example.com").status_code for n in range(3)]
    assert codes == [302, 302, 429]


def test_registration_explains_each_mistake(client, make):
    make.candidate(email="taken@example.com")
    page = register(client, email="taken@example.com", password="short", confirm="other",
                    role="employer").get_data(as_text=True)
    assert "An account with this email exists" not in page  # nor anything else about it
    assert "Use between 12 and 128 characters" in page
    assert "The passwords differ" in page
    assert "Employers register together with their company" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def test_a_job_seekers_company_fields_are_ignored_whatever_was_sent(client, make, inbox):
    # A page without scripts shows the company fields to everyone.
    response = register(client, company_name="Acme Robotics", company_website="not a site")

    assert response.status_code == 302
    user = db.session.scalar(sa.select(User))
    assert user.role == Role.CANDIDATE and user.company is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Company)) == 0


def test_an_employers_company_website_must_be_an_address(client):
    page = register(client, role="employer", company_name="Acme Robotics",
                    company_website="acme dot com").get_data(as_text=True)

    assert "Give the full address, starting with https://." in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_required_marks_sit_beside_their_labels(client):
    page = client.get("/auth/register").get_data(as_text=True)

    assert re.search(r'<span class="label-line"><label for="name">Full name</label> '
                     r'<span class="required" aria-hidden="true">\*</span></span>', page)
    assert re.search(r'<label for="company_name">Company name</label> <span class="required"',
                     page)


def test_an_existing_company_cannot_be_claimed_by_registering(client, make):
    make.company(name="Acme Robotics")
    page = register(client, role="employer", company_name="acme robotics").get_data(as_text=True)
    assert "ask a colleague there to add you" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Company)) == 1


def test_sign_in_with_wrong_password_is_refused(client, make):
    user = make.candidate()
    page = client.post("/auth/login", data={"email": user.email, "password": "wrong password"})
    assert page.status_code == 200
    assert "The email or password is not right" in page.get_data(as_text=True)
    assert client.get("/me/applications").status_code == 302


def test_email_is_matched_whatever_its_case(client, auth, make):
    user = make.candidate(email="mixed@example.com")
    response = client.post("/auth/login",
                           data={"email": " MIXED@Example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/me/applications").status_code == 200
    assert user.email == "mixed@example.com"


def test_sign_in_returns_to_the_page_asked_for_but_never_off_site(client, make):
    user = make.candidate()
    back = client.post("/auth/login?next=/me/saved",
                       data={"email": user.email, "password": PASSWORD})
    assert back.headers["Location"] == "/me/saved"
    client.post("/auth/logout")
    away = client.post("/auth/login?next=//evil.example/x",
                       data={"email": user.email, "password": PASSWORD})
    assert "evil.example" not in away.headers["Location"]


def test_each_kind_of_user_lands_where_their_work_is(client, make):
    for user, home in ((make.candidate(), "/jobs"), (make.employer(), "/employer/jobs"),
                       (make.organiser(), "/expos")):
        landed = client.post("/auth/login", data={"email": user.email, "password": PASSWORD})
        assert landed.headers["Location"] == home
        client.post("/auth/logout")


def test_sign_out_ends_the_session(client, auth, make):
    auth.login(make.candidate())
    auth.logout()
    assert client.get("/me/applications").status_code == 302


def test_remember_me_sets_a_hardened_cookie(client, make):
    user = make.candidate()
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD,
                                                "remember": "y"})
    cookie = next(c for c in response.headers.getlist("Set-Cookie")
                  if c.startswith("remember_token="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_employer_adds_a_colleague_who_can_then_sign_in(client, auth, make):
    boss = make.employer()
    auth.login(boss)
    response = client.post("/employer/colleagues", data={
        "name": "Wong Siu Ming", "email": "ming@example.com", "password": "another long one"})
    assert response.status_code == 302
    colleague = db.session.scalar(sa.select(User).where(User.email == "ming@example.com"))
    assert colleague.role == Role.EMPLOYER and colleague.company_id == boss.company_id
    auth.logout()
    client.post("/auth/login", data={"email": "ming@example.com", "password": "another long one"})
    assert boss.company.name in client.get("/employer/jobs").get_data(as_text=True)


def test_candidates_cannot_open_employer_pages(client, auth, make):
    auth.login(make.candidate())
    assert client.get("/employer/jobs").status_code == 403
    assert client.get("/employer/colleagues").status_code == 403
