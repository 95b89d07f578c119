"""An organiser imports an expo's companies and jobs from CSV with ``flask import-expo``."""

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company, CompanyOffice
from careerexpo.core.enums import JobState, Programme, Region
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, search_jobs

DATA = Path(__file__).parent.parent / "data"
SLUG = "hk-it-2022"


def import_expo(runner, companies=DATA / "expo_companies.csv", jobs=DATA / "expo_jobs.csv",
                starts="2022-03-10", ends="2022-03-16", slug=SLUG):
    return runner.invoke(args=[
        "import-expo", slug, "--name", "Hong Kong I&T Career Expo 2022", "--starts", starts,
        "--ends", ends, "--companies", str(companies), "--jobs", str(jobs)])


def counts() -> dict:
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in (Expo, Company, CompanyOffice, Booth, Job)}


def job(title: str) -> Job:
    return db.session.scalars(sa.select(Job).where(Job.title == title).order_by(Job.id)).first()


def test_a_good_import_creates_the_expo_companies_booths_and_open_jobs(runner):
    result = import_expo(runner)

    assert result.exit_code == 0, result.output
    assert "expo hk-it-2022 (new): 3 companies (3 new, 0 updated), 5 jobs (5 new, 0 updated)" \
        in result.stdout
    expo = db.session.scalar(sa.select(Expo).where(Expo.slug == SLUG))
    assert (expo.name, expo.starts_on, expo.ends_on) == (
        "Hong Kong I&T Career Expo 2022", date(2022, 3, 10), date(2022, 3, 16))
    assert counts() == {"Expo": 1, "Company": 3, "CompanyOffice": 5, "Booth": 3, "Job": 5}
    centre = db.session.scalar(sa.select(Company).where(Company.name.like("Centre%")))
    assert centre.programme == Programme.INNOHK
    assert centre.office_regions == [Region.HONG_KONG, Region.OVERSEAS]
    assert centre.website == "https://cantonese-speech.example"

    scientist = job("Research Scientist")
    assert (scientist.level, scientist.degree, scientist.function) == (
        "middle", "doctorate", "research_development")
    assert scientist.state == JobState.OPEN and scientist.open_to_overseas is True
    assert (scientist.salary_min, scientist.salary_max, scientist.closes_at) == (45000, 60000, None)
    assert scientist.posted_at is not None and scientist.posted_at.tzinfo is not None
    operations = job("Operations Executive")
    assert operations.open_to_overseas is False  # "No"
    assert (operations.salary_min, operations.salary_max) == (30000, None)
    # Two rows with the same key are two roles, both at the company named in any case.
    assert db.session.scalar(sa.select(sa.func.count()).where(
        Job.title == "Data Scientist", Job.company_id == job("Data Scientist").company_id)) == 2


def test_a_closing_date_means_the_end_of_that_day_in_hong_kong(runner):
    import_expo(runner)

    assert job("Data Scientist").closes_at == datetime(2022, 4, 30, 15, 59, 59, tzinfo=UTC)


def test_chinese_text_round_trips(runner):
    import_expo(runner)

    engineer = job("軟件工程師")
    assert engineer.description == (
        "開發傳感器的嵌入式軟件。Develop embedded software for our sensors.")
    assert engineer.company.description.startswith("智能建築傳感器的設計及生產。")
    assert (engineer.region, engineer.employment_type) == ("gba", "graduate_programme")


def test_imported_jobs_are_found_by_text_and_by_expo(runner):
    import_expo(runner)

    assert [j.title for j in search_jobs(JobQuery(q="Cantonese")).items] == ["Research Scientist"]
    assert [j.title for j in search_jobs(JobQuery(q="軟件")).items] == ["軟件工程師"]
    listed = search_jobs(JobQuery(expos=(SLUG,)))
    # The role that closed on 30 April 2022 is imported but no longer listed.
    assert listed.total == 4
    assert sorted(j.title for j in listed.items) == [
        "Data Scientist", "Operations Executive", "Research Scientist", "軟件工程師"]


def test_importing_the_same_files_twice_duplicates_nothing(runner):
    import_expo(runner)
    before = counts()

    again = import_expo(runner)

    assert again.exit_code == 0, again.output
    assert "3 companies (0 new, 0 updated), 5 jobs (0 new, 0 updated)" in again.stdout
    assert counts() == before


def test_a_changed_salary_updates_the_job_and_keeps_its_posting_time(runner, tmp_path):
    import_expo(runner)
    posted_at = job("Research Scientist").posted_at
    changed = tmp_path / "jobs.csv"
    changed.write_text((DATA / "expo_jobs.csv").read_text(encoding="utf-8")
                       .replace("45000,60000", "48000,65000"), encoding="utf-8")

    result = import_expo(runner, jobs=changed)

    assert result.exit_code == 0, result.output
    assert "5 jobs (0 new, 1 updated)" in result.stdout
    scientist = job("Research Scientist")
    assert (scientist.salary_min, scientist.salary_max) == (48000, 65000)
    assert scientist.posted_at == posted_at
    assert counts()["Job"] == 5


def test_a_job_may_name_a_company_already_in_the_database(runner, make, tmp_path):
    lion_rock = make.company(name="Lion Rock Robotics")
    jobs = tmp_path / "jobs.csv"
    shutil.copy(DATA / "expo_jobs.csv", jobs)
    with jobs.open("a", encoding="utf-8") as f:
        f.write("lion rock robotics,Robot Technician,Service our warehouse robots.,entry,"
                "sub_degree,hong_kong,robotics_automation,operations,full_time,yes,,,\n")

    result = import_expo(runner, jobs=jobs)

    assert result.exit_code == 0, result.output
    assert job("Robot Technician").company_id == lion_rock.id
    # Only companies of companies.csv get a booth, and the organiser is told so.
    assert "1 job(s) belong to companies without a booth" in result.stdout


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(runner):
    result = import_expo(runner, companies=DATA / "bad_companies.csv", jobs=DATA / "bad_jobs.csv")

    assert result.exit_code != 0
    companies, jobs = DATA / "bad_companies.csv", DATA / "bad_jobs.csv"
    expected = [
        f"{companies}:2: offices: unknown region 'mars'",
        f"{companies}:4: website 'tidewell-sensors' must be an http:// or https:// address; "
        "programme: unknown value 'science_park'",
        f"{companies}:5: company 'harbourkite analytics' is already on line 2",
        f"{jobs}:5: level: unknown value 'junior'",
        f"{jobs}:6: title is missing",
        f"{jobs}:7: unknown company 'Nowhere Robotics'",
        f"{jobs}:8: salary_min: '20k' is not a whole number",
        f"{jobs}:9: salary_min 50000 is more than salary_max 30000",
        f"{jobs}:10: closes_at: '2022-02-30' is not a day of the calendar",
        f"{jobs}:11: open_to_overseas: 'maybe' is not one of true/false, yes/no, 1/0",
        f"{jobs}:13: area: unknown value 'quantum'",  # starts after a three-line description
        f"{jobs}:15: closes_at: '04/30/2022' is not a date written YYYY-MM-DD",
    ]
    reported = result.stderr.splitlines()
    assert len(reported) == len(expected) + 1
    for line, start in zip(reported, expected, strict=False):
        assert line.startswith(start), (line, start)
    assert reported[-1] == "12 problem(s); nothing was imported"
    assert counts() == {"Expo": 0, "Company": 0, "CompanyOffice": 0, "Booth": 0, "Job": 0}


def test_a_missing_column_is_named(runner):
    jobs = DATA / "jobs_missing_columns.csv"

    result = import_expo(runner, jobs=jobs)

    assert result.exit_code != 0
    assert f"{jobs}:1: missing columns degree, area" in result.stderr.splitlines()
    assert counts()["Company"] == 0


def test_a_column_named_twice_is_refused(runner, tmp_path):
    source = (DATA / "expo_jobs.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    jobs = tmp_path / "jobs.csv"
    # A second "Title" column: which of the two a role's title came from would be a guess.
    jobs.write_text(source[0].rstrip("\r\n") + ",Title\r\n" +
                    "".join(line.rstrip("\r\n") + ",Other\r\n" for line in source[1:]),
                    encoding="utf-8")

    result = import_expo(runner, jobs=jobs)

    assert result.exit_code != 0
    assert f"{jobs}:1: column title named twice" in result.stderr.splitlines()
    assert counts()["Job"] == 0


def test_bad_expo_dates_are_refused(runner):
    malformed = import_expo(runner, starts="10/03/2022")
    backwards = import_expo(runner, starts="2022-03-16", ends="2022-03-10")

    assert malformed.exit_code != 0 and backwards.exit_code != 0
    assert "--starts: '10/03/2022' is not a date written YYYY-MM-DD" in malformed.stderr
    assert "--ends: 2022-03-10 is before the first day, 2022-03-16" in backwards.stderr
    assert counts()["Expo"] == 0


def test_a_failed_reimport_leaves_the_earlier_import_as_it_was(runner, tmp_path):
    import_expo(runner)
    before = counts()
    jobs = tmp_path / "jobs.csv"
    jobs.write_text((DATA / "expo_jobs.csv").read_text(encoding="utf-8")
                    .replace("45000,60000", "48000,65000").replace(",No,30000", ",perhaps,30000"),
                    encoding="utf-8")

    result = import_expo(runner, jobs=jobs)

    assert result.exit_code != 0
    assert f"{jobs}:7: open_to_overseas: 'perhaps'" in result.stderr
    assert counts() == before
    assert job("Research Scientist").salary_min == 45000


def test_a_file_that_is_not_utf8_is_reported_at_its_line(runner, tmp_path):
    header, first_row = (DATA / "expo_jobs.csv").read_text(encoding="utf-8").splitlines()[:2]
    jobs = tmp_path / "jobs.csv"
    jobs.write_bytes(f"{header}\n{first_row}\nCafé,".encode("latin-1"))

    result = import_expo(runner, jobs=jobs)

    assert result.exit_code != 0
    assert f"{jobs}:3: not UTF-8 text" in result.stderr


def test_a_large_file_reports_progress(runner, tmp_path):
    header = (DATA / "expo_jobs.csv").read_text(encoding="utf-8").splitlines()[0]
    row = ("Tidewell Sensors,Sensor Engineer {n},Calibrate sensors.,entry,bachelor,hong_kong,"
           "electronics_sensors,technology,full_time,yes,20000,28000,")
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("\n".join([header] + [row.format(n=n) for n in range(1200)]) + "\n",
                    encoding="utf-8")

    result = import_expo(runner, jobs=jobs)

    assert result.exit_code == 0, result.output
    for checked in ("jobs: 500/1200 checked", "jobs: 1000/1200 checked",
                    "jobs: 1200/1200 checked", "1200 jobs (1200 new, 0 updated)"):
        assert checked in result.stdout
