"""Registering, signing in and out, and employers adding colleagues."""

import sqlalchemy as sa

from careerexpo.auth.models import User
from careerexpo.companies.models import Company
from careerexpo.core.enums import Role
from careerexpo.extensions import db
from tests.factories import PASSWORD


def register(client, **fields):
    data = {"role": "candidate", "name": "Chan Tai Man", "email": "taiman@example.com",
            "password": PASSWORD, "confirm": PASSWORD}
    data.update(fields)
    return client.post("/auth/register", data=data)


def test_candidate_registers_and_is_signed_in(client):
    response = register(client)
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "taiman@example.com"))
    assert user.role == Role.CANDIDATE and user.company is None
    assert user.password_hash != PASSWORD and user.check_password(PASSWORD)
    assert client.get("/me/applications").status_code == 200


def test_employer_registers_with_a_new_company(client):
    response = register(client, role="employer", email="hr@acme.example",
                        company_name="Acme Robotics", company_website="https://acme.example")
    assert response.headers["Location"].endswith("/employer/jobs")
    user = db.session.scalar(sa.select(User).where(User.email == "hr@acme.example"))
    assert user.role == Role.EMPLOYER and user.company.name == "Acme Robotics"
    assert client.get("/employer/jobs").status_code == 200


def test_registration_explains_each_mistake(client, make):
    make.candidate(email="taken@example.com")
    page = register(client, email="taken@example.com", password="short", confirm="other",
                    role="employer").get_data(as_text=True)
    assert "An account with this email exists" in page
    assert "Use between 12 and 128 characters" in page
    assert "The passwords differ" in page
    assert "Employers register together with their company" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


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
