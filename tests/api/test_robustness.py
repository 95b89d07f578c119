"""Odd requests to the public API get a 4xx naming what is wrong, on SQLite and PostgreSQL."""

import pytest


@pytest.mark.parametrize("query, parameter", [
    ("page=" + "9" * 20, "page"),            # past every database's integers
    ("page=100001", "page"),
    ("per_page=%C2%B2", "per_page"),          # "²" is a digit to str.isdigit, not to int()
    ("page=" + "1" * 5000, "page"),           # longer than int() will read
    ("company=%00", "company"),               # PostgreSQL refuses NUL in text
    ("expo=a%00b", "expo"),
    ("q=%01", "q"),
])
def test_odd_values_are_a_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/jobs?{query}")

    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == parameter


def test_a_huge_job_id_is_simply_not_found(client):
    response = client.get("/api/v1/jobs/" + "9" * 30)

    assert response.status_code == 404 and response.is_json


def test_a_method_not_allowed_says_which_are(client):
    response = client.delete("/api/v1/jobs")

    assert response.status_code == 405 and response.is_json
    assert "GET" in response.headers["Allow"]


def test_the_search_page_refuses_control_characters_too(client):
    assert client.get("/jobs?company=%00").status_code == 400
