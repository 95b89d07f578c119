"""/sitemap.xml: every open role, the expos' halls and booths, for search engines."""

import xml.etree.ElementTree as ET
from datetime import timedelta

from careerexpo.booths.models import Booth
from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_sitemap_lists_open_roles_expos_and_booths(client, make):
    acme = make.company()
    listed = make.job(company=acme, title="Listed")
    hidden = [make.job(state=JobState.DRAFT), make.job(state=JobState.CLOSED),
              make.job(closes_at=utcnow() - timedelta(minutes=1))]
    expo = make.expo(slug="hk-it-2026", companies=[acme])
    booth = expo.booths.filter(Booth.company_id == acme.id).one()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = ET.fromstring(response.get_data())
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    urls = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
            for u in root.findall("s:url", NS)}
    base = "http://careerexpo.test"
    assert {f"{base}/", f"{base}/jobs", f"{base}/expos/hk-it-2026",
            f"{base}/expos/hk-it-2026/booths/{booth.id}", f"{base}/jobs/{listed.id}"} <= set(urls)
    assert urls[f"{base}/jobs/{listed.id}"]  # with the time it last changed
    assert not {f"{base}/jobs/{job.id}" for job in hidden} & set(urls)
    # Every listed page answers.
    for url in urls:
        assert client.get(url.removeprefix(base)).status_code == 200, url
