"""Public pages are cached for signed-out visitors, and never serve anything stale or private."""

import os
import subprocess
import sys

import pytest

from careerexpo.extensions import db


def shows(client, text: str, *urls: str) -> bool:
    """Whether every one of ``urls`` has ``text`` in it, as a signed-out visitor gets it."""
    return all(text in client.get(url).get_data(as_text=True) for url in urls)


def test_a_visitor_sees_an_edit_at_once_despite_the_cache(client, make):
    job = make.job(title="First title")
    assert shows(client, "First title", f"/jobs/{job.id}", "/api/v1/jobs")
    job.title = "Second title"
    db.session.commit()
    assert shows(client, "Second title", f"/jobs/{job.id}", "/api/v1/jobs")


def test_a_company_rename_reaches_cached_searches(client, make):
    company = make.company(name="Old Name Ltd")
    make.job(company=company)
    assert client.get("/api/v1/jobs?q=old").get_json()["total"] == 1
    company.name = "New Name Ltd"
    db.session.commit()
    assert client.get("/api/v1/jobs?q=old").get_json()["total"] == 0
    assert client.get("/api/v1/jobs?q=new").get_json()["total"] == 1


def test_a_renamed_expo_reaches_cached_role_pages_and_searches(client, make):
    company = make.company(name="Sha Tin Sensors")
    job = make.job(company=company)
    expo = make.expo(slug="spring-fair", name="Spring Fair", companies=[company])
    assert shows(client, "booth at Spring Fair", f"/jobs/{job.id}")
    assert shows(client, "Expo: Spring Fair", "/jobs?expo=spring-fair")
    expo.name = "Spring Tech Fair"
    db.session.commit()
    assert shows(client, "booth at Spring Tech Fair", f"/jobs/{job.id}")
    assert shows(client, "Expo: Spring Tech Fair", "/jobs?expo=spring-fair")


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


# Nothing listens on port 1: the cache's Redis is down.
@pytest.mark.app_config(CACHE_TYPE="RedisCache", CACHE_REDIS_URL="redis://127.0.0.1:1/0")
def test_pages_searches_and_changes_work_while_the_cache_is_unreachable(client, make, caplog):
    job = make.job(title="Quantum Engineer")
    assert "Quantum Engineer" in client.get("/jobs?q=quantum").get_data(as_text=True)
    assert client.get(f"/jobs/{job.id}").status_code == 200
    assert client.get("/api/v1/jobs?q=quantum").get_json()["total"] == 1
    make.job(title="Quantum Technician")  # the generation cannot be bumped: no error
    assert client.get("/api/v1/jobs?q=quantum").get_json()["total"] == 2
    assert "cache unreachable" in caplog.text


def test_an_import_from_another_process_reaches_pages_this_process_has_cached(app, client,
                                                                            tmp_path):
    # A server caching in its own memory (no Redis), and ``flask import-expo`` run beside it.
    assert client.get("/api/v1/jobs?q=tidal").get_json()["total"] == 0
    assert "No open role matches" in client.get("/jobs?q=tidal").get_data(as_text=True)
    companies, jobs = tmp_path / "companies.csv", tmp_path / "jobs.csv"
    companies.write_text("name,website,description,offices,programme\n"
                         "Tidal Robotics,,Robots,hong_kong,\n", encoding="utf-8")
    jobs.write_text("company,title,description,level,degree,region,area,function,"
                    "employment_type,open_to_overseas,salary_min,salary_max,closes_at\n"
                    "Tidal Robotics,Tidal Engineer,Build tidal robots,entry,bachelor,hong_kong,"
                    "robotics_automation,technology,full_time,no,,,\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("FLASK_APP", "REDIS_URL")}
    env.update(CAREEREXPO_ENV="production", SECRET_KEY="x" * 32,
               DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
               SEARCH_INDEX_DIR=app.config["SEARCH_INDEX_DIR"])
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "careerexpo", "import-expo", "tide-fair",
         "--name", "Tide Fair", "--starts", "2026-12-01", "--ends", "2026-12-03",
         "--companies", str(companies), "--jobs", str(jobs)],
        env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

    assert client.get("/api/v1/jobs?q=tidal").get_json()["total"] == 1
    assert "Tidal Engineer" in client.get("/jobs?q=tidal").get_data(as_text=True)


def test_the_generation_moves_once_per_committed_change_and_never_on_a_rollback(make):
    from careerexpo.core.caching import generation

    job = make.job(title="Counted")
    before = generation()
    job.title = "Rolled back"
    db.session.flush()
    db.session.rollback()
    assert generation() == before

    # A commit moves it (and so does the search index taking the change in); a
    # transaction of two flushes moves it as far as a transaction of one.
    job.title = "One flush"
    db.session.commit()
    step = generation() - before
    assert step >= 1
    job.title = "First flush"
    db.session.flush()
    job.description = "Second flush, same transaction"
    db.session.flush()
    db.session.commit()
    assert generation() == before + 2 * step
