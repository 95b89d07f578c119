"""/jobs.atom: a valid Atom feed of the newest roles for any /jobs search."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest

from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState

NS = {"a": "http://www.w3.org/2005/Atom"}


def feed(client, query=""):
    response = client.get(f"/jobs.atom?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.get_data())


def entry_ids(root) -> list[int]:
    return [int(e.findtext("a:id", namespaces=NS).rsplit("/", 1)[1])
            for e in root.findall("a:entry", NS)]


def rfc3339(text: str) -> datetime:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)", text), text
    return datetime.fromisoformat(text)


def test_the_feed_is_valid_atom_with_the_newest_roles_first(client, make):
    acme = make.company(name="Acme & Sons <HK>")
    make.job(company=acme, title="Older", posted_ago=timedelta(days=3))
    newest = make.job(company=acme, title="Data \x0b Engineer & <Lead>", salary_min=20000,
                      description="Pipelines & <b>dbt</b>.\n\nSpark.",
                      closes_at=utcnow() + timedelta(days=9), posted_ago=timedelta(hours=1))

    root = feed(client)

    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:id", "a:title", "a:updated", "a:author/a:name"):
        assert root.findtext(required, namespaces=NS), required
    rfc3339(root.findtext("a:updated", namespaces=NS))
    self_link = root.find("a:link[@rel='self']", NS)
    assert self_link.get("href") == "http://careerexpo.test/jobs.atom"
    entries = root.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == [
        "Data  Engineer & <Lead> — Acme & Sons <HK>", "Older — Acme & Sons <HK>"]
    first = entries[0]
    assert first.findtext("a:id", namespaces=NS) == f"http://careerexpo.test/jobs/{newest.id}"
    assert first.find("a:link[@rel='alternate']", NS).get("href").endswith(f"/jobs/{newest.id}")
    rfc3339(first.findtext("a:published", namespaces=NS))
    rfc3339(first.findtext("a:updated", namespaces=NS))
    assert "HK$20,000 a month" in first.findtext("a:summary", namespaces=NS)
    content = first.find("a:content", NS)
    assert content.get("type") == "html"
    assert content.text == "<p>Pipelines &amp; &lt;b&gt;dbt&lt;/b&gt;.</p><p>Spark.</p>"
    terms = {c.get("term") for c in first.findall("a:category", NS)}
    assert {"level:entry", "region:hong_kong"} <= terms


@pytest.mark.parametrize("query", [
    "q=robot", "q=機械人", "level=middle", "level=entry&level=senior", "degree=master",
    "region=gba", "area=robotics_automation", "function=research_development",
    "employment_type=contract", "open_to_overseas=true", "open_to_overseas=false",
    "company=Exhibitor", "expo=hk-it-2026", "level=middle&region=gba&q=engineer",
    "sort=salary&page=2&per_page=1",
])
def test_the_feed_honours_every_search_filter(client, make, query):
    exhibitor = make.company(name="Exhibitor")
    make.job(title="Robot Engineer 機械人工程師", company=exhibitor, level="middle",
             degree="master", region="gba", area="robotics_automation",
             function="research_development", employment_type="contract",
             open_to_overseas=True, posted_ago=timedelta(hours=5))
    make.job(title="Data Engineer", level="senior", posted_ago=timedelta(hours=3))
    make.job(title="Robot Technician", level="entry", region="gba", posted_ago=timedelta(hours=1))
    make.expo(slug="hk-it-2026", companies=[exhibitor])
    filters = re.sub(r"&?(sort|page|per_page)=[^&]*", "", query)

    expected = client.get(f"/api/v1/jobs?{filters}&sort=newest").get_json()["items"]

    assert entry_ids(feed(client, query)) == [j["id"] for j in expected]
    assert expected or query.startswith("sort")


def test_only_open_roles_are_in_the_feed(client, make):
    listed = make.job(title="Listed")
    make.job(title="Draft", state=JobState.DRAFT)
    make.job(title="Closed", state=JobState.CLOSED)
    make.job(title="Expired", closes_at=utcnow() - timedelta(minutes=1))

    assert entry_ids(feed(client)) == [listed.id]


def test_a_bad_filter_is_refused_naming_it(client):
    response = client.get("/jobs.atom?level=boss")

    assert response.status_code == 400 and "level" in response.get_data(as_text=True)


def test_the_search_page_links_its_own_feed(client, make):
    make.job(level="entry")

    page = client.get("/jobs?q=data&level=entry&page=1&sort=newest").get_data(as_text=True)

    link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"',
                     page)
    assert link and link.group(1) == "/jobs.atom?q=data&amp;level=entry"
