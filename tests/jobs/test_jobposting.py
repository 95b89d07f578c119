"""Every open role's page carries a JobPosting that meets Google's rules, with every value
also visible on the page; closed roles carry none. Read as a crawler reads it (extruct)."""

import html
import re
from datetime import UTC, datetime, timedelta

import pytest
from extruct.jsonld import JsonLdExtractor
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from careerexpo.core.enums import JobState
from careerexpo.core.formatting import hk_date, hk_datetime, hkd
from careerexpo.demo.seed import seed_demo
from careerexpo.extensions import db
from careerexpo.jobs.jsonld import job_posting
from careerexpo.jobs.models import Job
from tests.jobs.jobposting_schema import JOB_POSTING

VALIDATOR = Draft202012Validator(JOB_POSTING, format_checker=Draft202012Validator.FORMAT_CHECKER)


def postings(page: str) -> list[dict]:
    return [item for item in JsonLdExtractor().extract(page)
            if item.get("@type") == "JobPosting"]


def visible_text(page: str) -> str:
    """What a reader sees: the body without tags, scripts or entities."""
    body = re.sub(r"<script.*?</script>", " ", page.split("<body", 1)[1], flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def posting_and_text(client, job):
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    found = postings(page)
    assert len(found) == 1
    VALIDATOR.validate(found[0])
    return found[0], visible_text(page)


@pytest.mark.parametrize("fields", [
    dict(region="hong_kong", level="entry", degree="none", employment_type="full_time"),
    dict(region="gba", level="middle", degree="bachelor", employment_type="contract",
         salary_min=25000),
    dict(region="remote", level="senior", degree="master", employment_type="internship",
         salary_max=60000),
    dict(region="remote", level="executive", degree="doctorate", open_to_overseas=True,
         employment_type="graduate_programme", salary_min=40000, salary_max=80000),
    dict(region="overseas", level="middle", degree="sub_degree", employment_type="part_time",
         country="SG", city="Singapore"),
    dict(region="gba", level="entry", degree="bachelor", employment_type="full_time",
         country="CN", city="Shenzhen"),
])
def test_an_open_roles_markup_follows_googles_rules(client, make, app, fields):
    acme = make.company(name="Acme Robotics")
    job = make.job(company=acme, title="Robot Whisperer",
                   description="Teach arms to pick.\r\n\r\nWork <with> people & robots.",
                   closes_at=datetime(2099, 3, 1, 20, 0, tzinfo=UTC), **fields)

    posting, text = posting_and_text(client, job)

    assert posting["description"] == ("<p>Teach arms to pick.</p>"
                                      "<p>Work &lt;with&gt; people &amp; robots.</p>")
    assert posting["validThrough"] == "2099-03-02T04:00:00+08:00"  # Hong Kong time
    assert posting["hiringOrganization"]["sameAs"] == acme.website
    with app.test_request_context():
        shown = [posting["title"], "Acme Robotics", acme.website,
                 "Teach arms to pick.", "Work <with> people & robots.",
                 hk_date(job.posted_at), hk_datetime(job.closes_at)]
        shown += [hkd(v) for v in (job.salary_min, job.salary_max) if v is not None]
    for value in shown:
        assert re.sub(r"\s+", " ", value) in text, value


def test_the_location_is_where_the_role_is_based(client, make):
    def markup(**fields):
        return posting_and_text(client, make.job(**fields))

    hong_kong, hk_text = markup(region="hong_kong")
    gba, gba_text = markup(region="gba")
    remote, remote_text = markup(region="remote")
    anywhere, anywhere_text = markup(region="remote", open_to_overseas=True)
    overseas, overseas_text = markup(region="overseas", country="GB", city="London")
    in_sha_tin, sha_tin_text = markup(region="hong_kong", country="HK", city="Sha Tin")
    remote_sg, remote_sg_text = markup(region="remote", country="SG")

    assert hong_kong["jobLocation"]["address"]["addressCountry"] == "HK"
    assert gba["jobLocation"]["address"] == {"@type": "PostalAddress",
                                             "addressRegion": "Guangdong", "addressCountry": "CN"}
    assert "Guangdong, China (Greater Bay Area)" in gba_text
    assert remote["jobLocationType"] == "TELECOMMUTE" and "jobLocation" not in remote
    assert [c["name"] for c in remote["applicantLocationRequirements"]] == ["Hong Kong"]
    assert "Fully remote, for applicants in Hong Kong" in remote_text
    assert [c["name"] for c in anywhere["applicantLocationRequirements"]] == ["Hong Kong",
                                                                              "China"]
    assert "Hong Kong, mainland China or elsewhere" in anywhere_text
    assert overseas["jobLocation"]["address"] == {
        "@type": "PostalAddress", "addressLocality": "London", "addressCountry": "GB"}
    assert "London, United Kingdom (overseas)" in overseas_text
    assert in_sha_tin["jobLocation"]["address"] == {
        "@type": "PostalAddress", "addressLocality": "Sha Tin", "addressRegion": "Hong Kong",
        "addressCountry": "HK"}
    assert "Sha Tin, Hong Kong" in sha_tin_text
    assert [c["name"] for c in remote_sg["applicantLocationRequirements"]] == [
        "Hong Kong", "Singapore"]
    assert "Fully remote, for applicants in Hong Kong or Singapore" in remote_sg_text
    assert "Hong Kong" in hk_text


def test_an_overseas_role_without_a_country_claims_no_place(client, make):
    job = make.job(region="overseas")

    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)

    # Google requires a location; CareerExpo does not invent one, so it offers no posting.
    assert postings(page) == []
    assert "Overseas, outside Hong Kong and the Greater Bay Area" in visible_text(page)


def test_requirements_come_from_degree_and_level_and_are_on_the_page(client, make):
    entry, entry_text = posting_and_text(client, make.job(level="entry", degree="none"))
    senior, senior_text = posting_and_text(client, make.job(level="senior", degree="master"))

    assert entry["educationRequirements"] == entry["experienceRequirements"] == "no requirements"
    assert "No degree required" in entry_text and "No experience required" in entry_text
    assert senior["educationRequirements"]["credentialCategory"] == "postgraduate degree"
    assert senior["experienceRequirements"]["monthsOfExperience"] == 72
    assert "Master's" in senior_text and "At least 6 years" in senior_text


def test_employment_types_use_googles_values_and_say_so_on_the_page(client, make):
    graduate, text = posting_and_text(client, make.job(employment_type="graduate_programme"))
    contract, _text = posting_and_text(client, make.job(employment_type="contract"))

    assert graduate["employmentType"] == "FULL_TIME" and "Graduate programme, full time" in text
    assert contract["employmentType"] == "CONTRACTOR"


def test_a_salary_of_zero_is_marked_up_and_shown(client, make):
    posting, text = posting_and_text(client, make.job(salary_min=0))

    assert posting["baseSalary"]["value"]["minValue"] == 0 and "From HK$0" in text


@pytest.mark.parametrize("change", ["close", "expire"])
def test_a_closed_role_keeps_its_page_says_so_and_has_no_posting(client, make, change):
    job = make.job(title="Gone")
    if change == "close":
        job.state = JobState.CLOSED
    else:
        job.closes_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()

    response = client.get(f"/jobs/{job.id}")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "This role is closed" in page and postings(page) == []


def test_the_schema_has_teeth(client, make):
    posting, _text = posting_and_text(client, make.job(region="remote"))
    del posting["applicantLocationRequirements"]

    with pytest.raises(ValidationError):
        VALIDATOR.validate(posting)


@pytest.mark.parametrize("drop", ["jobLocation", "identifier", "hiringOrganization"])
def test_the_schema_requires_googles_fields(client, make, drop):
    posting, _text = posting_and_text(client, make.job(region="hong_kong"))
    del posting[drop]

    with pytest.raises(ValidationError):
        VALIDATOR.validate(posting)


def test_every_open_demo_role_carries_a_valid_posting(client, app):
    seed_demo(60, 6, progress=lambda _message: None)
    with app.test_request_context():
        jobs = db.session.scalars(db.select(Job)).all()
        assert {j.region.value for j in jobs} >= {"hong_kong", "gba"}
        for job in jobs:
            posting = job_posting(job)
            VALIDATOR.validate(posting)
            assert "jobLocation" in posting or posting["jobLocationType"] == "TELECOMMUTE"
