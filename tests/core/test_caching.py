"""Public pages are cached for signed-out visitors, and never serve anything stale or private."""

from careerexpo.extensions import db


def test_a_visitor_sees_an_edit_at_once_despite_the_cache(client, make):
    job = make.job(title="First title")
    assert "First title" in client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "First title" in client.get("/api/v1/jobs").get_data(as_text=True)
    job.title = "Second title"
    db.session.commit()
    assert "Second title" in client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Second title" in client.get("/api/v1/jobs").get_data(as_text=True)


def test_a_company_rename_reaches_cached_searches(client, make):
    company = make.company(name="Old Name Ltd")
    make.job(company=company)
    assert client.get("/api/v1/jobs?q=old").get_json()["total"] == 1
    company.name = "New Name Ltd"
    db.session.commit()
    assert client.get("/api/v1/jobs?q=old").get_json()["total"] == 0
    assert client.get("/api/v1/jobs?q=new").get_json()["total"] == 1


def test_signed_in_users_never_get_a_visitors_page(client, auth, make):
    job = make.job()
    assert "Sign in to apply" in client.get(f"/jobs/{job.id}").get_data(as_text=True)
    auth.login(make.candidate())
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Sign in to apply" not in page and "Send application" in page


def test_a_page_with_a_flashed_message_is_neither_cached_nor_served_from_cache(client, auth, make):
    make.job(title="Listed")
    client.get("/")
    auth.login(make.candidate())
    auth.logout()  # flashes "Signed out." for the next page
    assert "Signed out." in client.get("/").get_data(as_text=True)
    assert "Signed out." not in client.get("/").get_data(as_text=True)
