"""Passwords: long and hard to guess, said why in the reader's language; changing one
asks for the current one and signs every other device out."""

import pytest

from careerexpo.auth.passwords import password_problem
from tests.factories import PASSWORD


def register(client, password, **fields):
    data = {"role": "candidate", "name": "Chan Tai Man", "email": "taiman@example.com",
            "password": password, "confirm": password, **fields}
    return client.post("/auth/register", data=data)


@pytest.mark.parametrize("password, reason", [
    ("123456789012", "one of the most common passwords"),
    ("password1234", "one of the most common passwords"),
    ("aaaaaaaaaaaa", "Repeated characters or words"),
    ("qwertyuiopasdf", "one of the most common passwords"),
    ("abcdefghijklmn", "Sequences like"),
    ("chantaiman2024", "built on your name or email address"),
    ("1234567890", "Use between 12 and 128 characters"),
])
def test_weak_passwords_are_refused_with_the_reason(client, password, reason):
    page = register(client, password)

    assert page.status_code == 200
    assert reason in page.get_data(as_text=True)
    assert client.get("/me/applications").status_code == 302


def test_the_reason_is_given_in_the_readers_language(client):
    response = client.post("/auth/register?lang=zh_Hant_HK", data={
        "role": "candidate", "name": "陳大文", "email": "taiman@example.com",
        "password": "password1234", "confirm": "password1234"})
    assert response.status_code == 200
    assert "這是最常見的密碼之一" in response.get_data(as_text=True)


def test_a_long_uncommon_password_is_accepted():
    assert password_problem("tram harbour dim sum lantern") is None
    assert password_problem(PASSWORD) is None
    assert password_problem("demo-password-2022") is None


def test_the_cli_refuses_a_common_password(runner):
    result = runner.invoke(args=["create-user", "mei@example.com", "--password",
                                 "password1234", "--role", "candidate"])
    assert result.exit_code != 0
    assert "one of the most common passwords" in result.output


def test_changing_the_password_asks_for_the_current_one(client, auth, make):
    user = make.candidate()
    auth.login(user)

    page = client.post("/auth/account/password", data={
        "current": "not my password", "password": "tram harbour dim sum lantern",
        "confirm": "tram harbour dim sum lantern"})

    assert page.status_code == 400
    assert "That is not your current password" in page.get_data(as_text=True)
    assert user.check_password(PASSWORD)


def test_changing_the_password_refuses_a_weak_one(client, auth, make):
    auth.login(make.candidate())
    page = client.post("/auth/account/password", data={
        "current": PASSWORD, "password": "password1234", "confirm": "password1234"})
    assert "one of the most common passwords" in page.get_data(as_text=True)


def test_changing_the_password_signs_out_every_other_device(app, client, auth, make):
    user = make.candidate()
    laptop = app.test_client()
    laptop.post("/auth/login", data={"email": user.email, "password": PASSWORD,
                                     "remember": "y"})
    auth.login(user)
    new = "tram harbour dim sum lantern"

    response = client.post("/auth/account/password", data={
        "current": PASSWORD, "password": new, "confirm": new})

    assert response.status_code == 302
    assert "1 other device was signed out" in client.get("/auth/account").get_data(
        as_text=True)
    assert laptop.get("/me/applications").status_code == 302
    assert client.get("/me/applications").status_code == 200
    assert user.check_password(new) and not user.check_password(PASSWORD)
