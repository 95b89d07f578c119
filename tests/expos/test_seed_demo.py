"""An operator fills an empty database with the demo expo: ``flask seed-demo``.

The figures are counted here with plain SQL, independently of the code that
made them, and held to the bands of the 2022 press release ("70%+" and so on).
"""

import random
import re
from datetime import date, timedelta

import sqlalchemy as sa

from careerexpo.applications.models import Application
from careerexpo.auth.models import User
from careerexpo.companies.models import Company
from careerexpo.core.hktime import today_hk
from careerexpo.demo import seed as demo
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, search_jobs

SLUG = "hk-it-career-expo"
EXPO_JOBS = """
    FROM jobs j
    JOIN companies c ON c.id = j.company_id
    JOIN booths b ON b.company_id = j.company_id
    JOIN expos e ON e.id = b.expo_id
    WHERE e.slug = :slug AND j.state = 'open'
"""


def sql(statement: str, **params):
    return db.session.execute(sa.text(statement), {"slug": SLUG, **params})


def job_count(condition: str = "1 = 1") -> int:
    return sql(f"SELECT count(*) {EXPO_JOBS} AND {condition}").scalar_one()


def expo_companies(condition: str = "1 = 1") -> int:
    return sql("SELECT count(*) FROM booths b JOIN expos e ON e.id = b.expo_id "
               f"WHERE e.slug = :slug AND {condition}").scalar_one()


def test_the_default_demo_reproduces_the_2022_key_figures(runner):
    result = runner.invoke(args=["seed-demo"])

    assert result.exit_code == 0, result.output
    jobs, companies = job_count(), expo_companies()
    assert (jobs, companies) == (2947, 283)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Company)) == 283
    assert job_count("c.programme = 'innohk'") == 624
    assert job_count("c.programme = 'innopark'") == 204

    def share(condition):
        return job_count(condition) / jobs

    assert 0.65 <= share("j.level = 'entry'") < 0.70
    assert 0.25 <= share("j.level = 'middle'") < 0.30
    assert 0.70 <= share("j.open_to_overseas") < 0.75
    assert 0.80 <= share("j.function IN ('technology', 'research_development')") < 0.85
    assert 0.65 <= share("j.degree = 'bachelor'") < 0.70
    assert 0.10 <= share("j.degree = 'doctorate'") < 0.15
    outside_hk = expo_companies(
        "EXISTS (SELECT 1 FROM company_offices o WHERE o.company_id = b.company_id "
        "AND o.region IN ('gba', 'overseas'))")
    assert 0.55 <= outside_hk / companies < 0.60

    areas = sql(f"SELECT j.area, count(*) AS n {EXPO_JOBS} GROUP BY j.area "
                "ORDER BY n DESC").all()
    assert [a for a, _ in areas[:4]] == [
        "ai_data_analytics", "biotech", "electronics_sensors", "software_communications"]
    assert areas[3][1] > areas[4][1]  # the fourth leads the rest outright


def test_a_small_demo_has_believable_jobs_and_working_accounts(runner):
    result = runner.invoke(args=["seed-demo", "--jobs", "200", "--companies", "20"])

    assert result.exit_code == 0, result.output
    assert (job_count(), expo_companies()) == (200, 20)
    # The programmes' jobs scale with the size: 624 and 204 of 2,947.
    assert job_count("c.programme = 'innohk'") == 42
    assert job_count("c.programme = 'innopark'") == 14
    expo = db.session.scalar(sa.select(Expo).where(Expo.slug == SLUG))
    # A week long, as in 2022, and open since the day before yesterday.
    opened = today_hk() - timedelta(days=2)
    assert (expo.name, expo.starts_on, expo.ends_on) == (
        f"Hong Kong I&T Career Expo {opened.year}", opened, opened + timedelta(days=6))

    posted = db.session.scalars(sa.select(Job.posted_at)).all()
    assert all(p.tzinfo is not None and opened - timedelta(days=57) < p.date() < opened
               for p in posted)
    pay = dict(sql(f"SELECT j.level, avg(j.salary_min) {EXPO_JOBS} "
                   "AND j.employment_type = 'full_time' GROUP BY j.level").all())
    assert pay["entry"] < pay["middle"] < pay["senior"]
    # A role in Chinese can be found by a Chinese query.
    assert search_jobs(JobQuery(q="大灣區")).total == 10

    first_company = db.session.scalar(sa.select(Company).order_by(Company.id))
    for email, role in (("organiser@demo.careerexpo.hk", "organiser"),
                        ("candidate@demo.careerexpo.hk", "candidate"),
                        ("employer@demo.careerexpo.hk", "employer")):
        user = db.session.scalar(sa.select(User).where(User.email == email))
        assert user.role == role and user.check_password("demo-password-2022")
        assert email in result.stdout
    employer = db.session.scalar(sa.select(User).where(User.role == "employer"))
    assert employer.company_id == first_company.id
    assert "demo-password-2022" in result.stdout


def test_the_demo_is_the_same_every_time(app):
    def plan():
        rng = random.Random(demo.SEED)
        companies = demo.plan_companies(rng, 20, 200)
        return ([c.name for c in companies],
                [j.fields for j in demo.plan_jobs(rng, companies, lambda _message: None,
                                                  date(2026, 11, 23))])

    assert plan() == plan()


def test_a_database_with_data_is_refused(runner, make):
    make.company(name="Existing Robotics")

    result = runner.invoke(args=["seed-demo", "--jobs", "200", "--companies", "20"])

    assert result.exit_code != 0
    assert "database is not empty" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Company)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Job)) == 0


def test_if_empty_skips_a_database_with_data_quietly(runner, make):
    make.job(title="Existing role")

    result = runner.invoke(args=["seed-demo", "--if-empty"])

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "database is not empty; demo data not loaded"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Job)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Expo)) == 0


def test_if_empty_loads_an_empty_database(runner):
    result = runner.invoke(args=["seed-demo", "--if-empty", "--jobs", "60", "--companies", "10"])

    assert result.exit_code == 0, result.output
    assert (job_count(), expo_companies()) == (60, 10)


def test_the_demo_has_applicants_to_review_and_applications_to_follow(runner, client, auth):
    result = runner.invoke(args=["seed-demo", "--jobs", "200", "--companies", "20"])
    assert result.exit_code == 0, result.output
    assert "applications: 15" in result.output

    employer = db.session.scalar(sa.select(User).where(User.email == "employer@demo.careerexpo.hk"))
    auth.login(employer, password=demo.DEMO_PASSWORD)
    listing = client.get("/employer/jobs").get_data(as_text=True)
    counts = [int(n) for n in re.findall(r'/applications">(\d+)</a>', listing)]
    assert sum(counts) == 12 and len([n for n in counts if n]) == 4

    job_id = int(re.search(r'/employer/jobs/(\d+)/applications">[1-9]', listing).group(1))
    page = client.get(f"/employer/jobs/{job_id}/applications").get_data(as_text=True)
    cv_link = re.search(r'href="(/employer/applications/\d+/cv)"', page).group(1)
    with client.get(cv_link) as cv:
        assert cv.status_code == 200 and cv.mimetype == "application/pdf"
        assert b"Skills:" in cv.data
    auth.logout()

    candidate = db.session.scalar(
        sa.select(User).where(User.email == "candidate@demo.careerexpo.hk"))
    auth.login(candidate, password=demo.DEMO_PASSWORD)
    mine = client.get("/me/applications").get_data(as_text=True)
    for status in ("Interview", "Submitted", "Rejected"):
        assert status in mine
    saved = client.get("/me/saved").get_data(as_text=True)
    assert saved.count('class="job-card"') == 2


def test_every_demo_application_got_where_it_is_by_moves_the_pipeline_allows():
    from careerexpo.applications.services import PIPELINE
    from careerexpo.core.enums import ApplicationStatus
    from careerexpo.demo.applicants import OWN_PATHS, PATHS

    for path in PATHS + OWN_PATHS:
        assert path[0] == ApplicationStatus.SUBMITTED
        for before, after in zip(path, path[1:], strict=False):
            if after == ApplicationStatus.WITHDRAWN:
                assert not before.is_final
            else:
                assert after in PIPELINE[before], path


def test_an_applicant_account_made_before_the_demo_is_left_alone(runner, make):
    earlier = make.candidate(email="applicant3@demo.careerexpo.hk", name="Someone Else")
    result = runner.invoke(args=["seed-demo", "--jobs", "200", "--companies", "20"])
    assert result.exit_code == 0, result.output
    assert "applications: 14" in result.output
    db.session.refresh(earlier)
    assert earlier.name == "Someone Else"
    assert not db.session.scalars(sa.select(Application).where(
        Application.candidate_id == earlier.id)).all()


def test_a_fresh_demo_expo_is_live_now(runner, client):
    result = runner.invoke(args=["seed-demo", "--jobs", "60", "--companies", "10"])
    assert result.exit_code == 0, result.output

    page = client.get("/expos").get_data(as_text=True)
    live_now = page.split('id="live"')[1].split("<section")[0]
    assert f'href="/expos/{SLUG}"' in live_now
    assert "No expo is open right now." not in page


def test_a_fresh_demo_has_traffic_for_the_organisers_live_activity(runner):
    from careerexpo.activity import services as activity
    from careerexpo.core.database import utcnow

    result = runner.invoke(args=["seed-demo", "--jobs", "200", "--companies", "20"])
    assert result.exit_code == 0, result.output
    expo = db.session.scalar(sa.select(Expo).where(Expo.slug == SLUG))

    data = activity.overview(expo)
    assert data["booth_visits"] == sql("SELECT count(*) FROM booth_visits").scalar_one() > 1000
    # The demo employer's booth answered six of its eight chats; six booths without
    # staff missed one each, and the dashboard puts them first.
    assert (data["chats_requested"], data["chats_answered"], data["chats_missed"],
            data["chats_waiting"]) == (14, 6, 8, 0)
    assert all(f.needs_help for f in data["funnels"][:7])
    sent_during_expo = sum(n for _day, n in data["applications_by_day"])
    assert sent_during_expo >= 12 + 4  # each applicant's other roles, and four first steps
    # Nothing happened after now, nor outside the expo's days.
    now = utcnow().replace(tzinfo=None).isoformat(" ")
    assert sql("SELECT count(*) FROM booth_visits WHERE visited_at > :now OR day < :first",
               now=now, first=expo.starts_on).scalar_one() == 0
    assert sql("SELECT count(*) FROM conversations WHERE closed_at > :now",
               now=now).scalar_one() == 0
