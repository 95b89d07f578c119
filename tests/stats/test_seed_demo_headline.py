"""The seed-demo expo's headline block reads like the 2022 press release.

Hong Kong I&T Career Expo 2022 key figures and highlights: 2,900+ job
opportunities (InnoHK: 624; INNOPARK: 204), 280+ tech companies, 70%+ open to
overseas and GBA talent, 55%+ companies with offices in GBA and overseas, 80%+
jobs in technology and R&D, 65%+ entry level and 25%+ middle level, 65%+ for
bachelor's holders and 10%+ for doctorate holders; highest demand in AI & data
analytics, biotech, electronic sensors and software & communications.
"""

from careerexpo.demo.seed import DEMO_SLUG


def test_the_demo_expo_headline_reads_like_the_2022_press_release(runner, client):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output

    body = client.get(f"/api/v1/expos/{DEMO_SLUG}/stats").get_json()

    headline = body["headline"]
    assert headline["jobs"] == "2,900+"
    assert headline["companies"] == "280+"
    assert body["jobs_by_programme"] == {"innohk": 624, "innopark": 204}
    assert headline["jobs_by_programme"] == {"innohk": "624", "innopark": "204"}
    assert headline["share_open_to_overseas"] == "70%+"
    assert headline["share_companies_outside_hk"] == "55%+"
    assert headline["share_technology_rnd"] == "80%+"
    assert headline["share_level"]["entry"] == "65%+"
    assert headline["share_level"]["middle"] == "25%+"
    assert headline["share_degree"]["bachelor"] == "65%+"
    assert headline["share_degree"]["doctorate"] == "10%+"
    assert [a["area"] for a in body["top_areas"][:4]] == [
        "ai_data_analytics", "biotech", "electronics_sensors", "software_communications"]

    page = client.get(f"/expos/{DEMO_SLUG}/stats").get_data(as_text=True)
    for line in (
        '<strong class="figure">2,900+</strong> job opportunities (InnoHK: 624; INNOPARK: 204)',
        '<strong class="figure">280+</strong> tech companies participating',
        '<strong class="figure">70%+</strong> open jobs for overseas and the Greater Bay '
        "Area's talent",
        '<strong class="figure">55%+</strong> companies with offices in GBA and overseas',
        '<strong class="figure">80%+</strong> jobs in areas of technology and R&D',
        '<strong class="figure">65%+</strong> jobs at entry level, '
        '<strong class="figure">25%+</strong> at middle level',
        '<strong class="figure">65%+</strong> jobs for bachelor\'s holders, '
        '<strong class="figure">10%+</strong> jobs for doctorate holders',
        "Highest demand in AI &amp; data analytics, Biotech, Electronics &amp; sensors, and "
        "Software &amp; communications",
    ):
        assert line in page
