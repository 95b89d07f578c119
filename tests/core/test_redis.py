"""With REDIS_URL set, processes share rate limits and the page cache through Redis."""

import uuid
from contextlib import contextmanager

import pytest
import redis

from careerexpo import create_app
from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, search_jobs
from tests.factories import PASSWORD
from tests.services import redis_url_or_skip


@pytest.fixture
def redis_url():
    url = redis_url_or_skip()
    yield url
    client = redis.Redis.from_url(url)
    client.flushdb()
    client.close()


@contextmanager
def other_processes(app, redis_url, count=2, **overrides):
    """Apps as other processes would run them, on the same database and Redis."""
    settings = dict(SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
                    CV_FOLDER=app.config["CV_FOLDER"], CACHE_TYPE="RedisCache",
                    SEARCH_INDEX_DIR=app.config["SEARCH_INDEX_DIR"],
                    CACHE_REDIS_URL=redis_url)
    settings.update(overrides)
    apps = [create_app("testing", **settings) for _ in range(count)]
    try:
        yield apps
    finally:
        for other in apps:
            with other.app_context():
                db.engine.dispose()


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute")
def test_sign_in_limits_are_counted_in_redis(app, make, redis_url):
    user = make.candidate()
    prefix = f"careerexpo-test-{uuid.uuid4().hex[:6]}"
    with other_processes(app, redis_url, RATELIMIT_ENABLED=True,
                         LOGIN_RATE_LIMIT="2 per minute", RATELIMIT_STORAGE_URI=redis_url,
                         RATELIMIT_KEY_PREFIX=prefix) as (one, two):
        data = {"email": user.email, "password": "wrong wrong"}
        assert one.test_client().post("/auth/login", data=data).status_code == 200
        assert two.test_client().post("/auth/login", data=data).status_code == 200
        # The third attempt, on either process, is over the shared limit.
        assert one.test_client().post("/auth/login", data={**data, "password": PASSWORD}
                                      ).status_code == 429


def test_a_change_in_one_process_invalidates_the_cache_of_another(app, make, redis_url):
    job_id = make.job(title="Before").id
    prefix = f"careerexpo-test-{uuid.uuid4().hex[:6]}:"
    with other_processes(app, redis_url, CACHE_KEY_PREFIX=prefix) as (one, two):
        assert one.test_client().get(f"/api/v1/jobs/{job_id}").get_json()["title"] == "Before"
        with two.app_context():
            db.session.get(Job, job_id).title = "After"
            db.session.commit()
        assert one.test_client().get(f"/api/v1/jobs/{job_id}").get_json()["title"] == "After"


def test_a_role_published_by_one_process_is_found_by_a_search_another_had_cached(
        app, make, redis_url):
    company = make.company(name="Harbour Photonics")
    make.job(title="Photonics Engineer", company=company)
    # Read here: touched inside another app's context, this session would borrow that
    # app's connection and keep it past the app's end.
    company_id = company.id
    prefix = f"careerexpo-test-{uuid.uuid4().hex[:6]}:"
    with other_processes(app, redis_url, CACHE_KEY_PREFIX=prefix) as (one, two):
        with one.app_context():
            assert one.test_client().get("/api/v1/jobs?q=photonics").get_json()["total"] == 1
            assert redis.Redis.from_url(redis_url).keys(f"{prefix}page:*")
        with two.app_context():
            db.session.add(Job(company_id=company_id, title="Photonics Technician",
                               description="Lasers.", level="entry", degree="bachelor",
                               region="hong_kong", area="electronics_sensors",
                               function="technology", employment_type="full_time",
                               open_to_overseas=False, state=JobState.OPEN, posted_at=utcnow()))
            db.session.commit()
        assert one.test_client().get("/api/v1/jobs?q=photonics").get_json()["total"] == 2
        with one.app_context():
            again = search_jobs(JobQuery(q="photonics"))
            assert sorted(job.title for job in again.items) == [
                "Photonics Engineer", "Photonics Technician"]
