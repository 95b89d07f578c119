"""Query arguments are read one way on every page and in the API: a value that cannot be
used answers 400 naming the argument, never a silent default or a dropped filter."""

import pytest


@pytest.fixture
def expo(make):
    return make.expo(slug="hk-it", companies=[make.company(name="Acme")])


def assert_names(response, parameter: str):
    assert response.status_code == 400
    assert f"“{parameter}”" in response.get_data(as_text=True)


@pytest.mark.parametrize("query, parameter", [
    ("area=bogus", "area"), ("level=chief", "level"), ("programme=x", "programme"),
    ("page=0", "page"), ("page=two", "page"), ("q=" + "x" * 101, "q"), ("q=a%00b", "q"),
])
def test_the_hall_refuses_what_it_cannot_filter_by(client, expo, query, parameter):
    assert_names(client.get(f"/expos/hk-it?{query}"), parameter)


def test_the_hall_still_takes_several_values_of_a_filter(client, expo):
    assert client.get("/expos/hk-it?level=entry&level=senior&area=fintech").status_code == 200


def test_live_activity_refuses_an_unknown_sort(client, auth, make, expo):
    auth.login(make.organiser())
    assert_names(client.get("/expos/hk-it/activity?sort=bogus"), "sort")
    assert client.get("/expos/hk-it/activity?sort=visits").status_code == 200


@pytest.mark.parametrize("url, parameter", [
    ("/employer/jobs?state=bogus", "state"),
    ("/employer/jobs?state=open&state=closed", "state"),
    ("/employer/jobs?page=-1", "page"),
])
def test_employer_lists_refuse_what_they_cannot_show(client, auth, make, url, parameter):
    auth.login(make.employer())
    assert_names(client.get(url), parameter)


def test_the_applicants_list_refuses_an_unknown_status(client, auth, make):
    employer = make.employer()
    job = make.job(company=employer.company)
    auth.login(employer)
    assert_names(client.get(f"/employer/jobs/{job.id}/applications?status=bogus"), "status")


def test_the_api_names_the_parameter_in_json(client, expo):
    response = client.get("/api/v1/expos/hk-it/stats?area=bogus")
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == "area"
