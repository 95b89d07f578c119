"""Results that match what people type: either Chinese script, symbols in skills, and
the best match first once there are words to match."""

from datetime import timedelta

from careerexpo.jobs.search import JobQuery, search_jobs


def titles(q, **kw):
    return sorted(job.title for job in search_jobs(JobQuery(q=q, **kw)).items)


def test_simplified_and_traditional_chinese_find_each_other(make):
    make.job(title="軟件工程師", description="負責雲端平台開發。")
    make.job(title="数据分析师", description="负责数据平台。")
    make.job(title="Hardware Engineer")
    assert titles("软件工程师") == titles("軟件工程師") == ["軟件工程師"]
    assert titles("數據") == titles("数据") == ["数据分析师"]
    assert titles("云端") == ["軟件工程師"]


def test_chinese_characters_must_be_consecutive_and_single_ones_are_found(make):
    make.job(title="高級軟件工程師")
    make.job(title="項目經理")
    assert titles("件軟") == []
    assert titles("軟件工程") == ["高級軟件工程師"]
    assert titles("師") == ["高級軟件工程師"]
    assert titles("经理") == ["項目經理"]


def test_symbols_that_make_a_skill_are_part_of_the_word(make):
    make.job(title="C++ Developer", description="Modern C++ for trading.")
    make.job(title="C# Engineer", description="ASP.NET Core services.")
    make.job(title="Embedded C Engineer", description="C on microcontrollers.")
    make.job(title="Frontend Developer", description="React and Node.js.")
    make.job(title="Data Analyst", description="Excel, a little C, and charts.")
    assert titles("c++") == titles("C++") == ["C++ Developer"]
    assert titles("c#") == ["C# Engineer"]
    assert titles(".NET") == ["C# Engineer"]
    assert titles("node.js") == titles("Node.js") == ["Frontend Developer"]
    assert titles("c") == ["Data Analyst", "Embedded C Engineer"]


def test_full_width_letters_match_their_ascii_twins(make):
    make.job(title="AI Researcher")
    assert titles("ＡＩ") == ["AI Researcher"]


def test_a_query_ranks_by_relevance_unless_another_sort_is_picked(make, client):
    make.job(title="Old Kubernetes Lead", posted_ago=timedelta(days=30))
    make.job(title="New Office Manager", description="Some kubernetes, maybe.",
             posted_ago=timedelta(hours=1))
    assert search_jobs(JobQuery(q="kubernetes")).items[0].title == "Old Kubernetes Lead"
    body = client.get("/api/v1/jobs?q=kubernetes").get_json()
    assert body["items"][0]["title"] == "Old Kubernetes Lead"
    body = client.get("/api/v1/jobs?q=kubernetes&sort=newest").get_json()
    assert body["items"][0]["title"] == "New Office Manager"
    # The page offers best match, and sends no sort unless the person picks one.
    page = client.get("/jobs").get_data(as_text=True)
    assert '<option value="" selected>' in page
    page = client.get("/jobs?q=kubernetes").get_data(as_text=True)
    assert page.index("Old Kubernetes Lead") < page.index("New Office Manager")


def test_equal_scores_rank_newest_first_on_every_page(make):
    for i in range(12):
        make.job(title="Lab Technician", posted_ago=timedelta(hours=12 - i))
    first = [j.id for j in search_jobs(JobQuery(q="lab", per_page=5)).items]
    second = [j.id for j in search_jobs(JobQuery(q="lab", per_page=5, page=2)).items]
    everything = [j.id for j in search_jobs(JobQuery(q="lab", per_page=20)).items]
    assert first + second == everything[:10]
    assert everything == sorted(everything, reverse=True)
