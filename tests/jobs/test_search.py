"""Searching roles: text (English and Chinese), facets, sorting, pages, only listed roles."""

import random
from collections import Counter
from datetime import timedelta

import sqlalchemy as sa

from careerexpo.core.database import utcnow
from careerexpo.core.enums import FACETS, JobState
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, search_jobs


def titles(result):
    return [job.title for job in result.items]


def test_text_search_covers_title_description_and_company(make):
    acme = make.company(name="Acme Photonics")
    make.job(title="Firmware Engineer", description="Embedded C for sensors.")
    make.job(title="Analyst", description="You will build firmware dashboards.")
    make.job(title="Office Manager", company=acme)
    make.job(title="Chef", description="Cooking.")
    assert sorted(titles(search_jobs(JobQuery(q="firmware")))) == ["Analyst", "Firmware Engineer"]
    assert titles(search_jobs(JobQuery(q="photonics"))) == ["Office Manager"]
    assert titles(search_jobs(JobQuery(q="nothing-like-this"))) == []


def test_words_match_by_prefix_and_all_words_must_match(make):
    make.job(title="Machine Learning Engineer")
    make.job(title="Learning Designer")
    assert titles(search_jobs(JobQuery(q="learn"))) != []
    assert titles(search_jobs(JobQuery(q="machine learn"))) == ["Machine Learning Engineer"]


def test_chinese_queries_find_roles_containing_the_characters(make):
    make.job(title="高級軟件工程師", description="負責雲端平台開發。")
    make.job(title="數據科學家 Data Scientist", description="Build models.")
    make.job(title="Hardware Engineer", description="PCB design.")
    assert titles(search_jobs(JobQuery(q="軟件"))) == ["高級軟件工程師"]
    assert titles(search_jobs(JobQuery(q="雲端"))) == ["高級軟件工程師"]
    assert titles(search_jobs(JobQuery(q="數據 scientist"))) == ["數據科學家 Data Scientist"]
    # Characters must be consecutive: 件軟 is not in the text.
    assert titles(search_jobs(JobQuery(q="件軟"))) == []


def test_search_text_with_operators_is_taken_literally(make):
    make.job(title="C++ Developer")
    for q in ['"unbalanced', "NOT AND OR", "title:x", "a*b", "(", "'", "--"]:
        assert search_jobs(JobQuery(q=q)).total >= 0


def test_only_open_roles_before_their_closing_time_are_found(make):
    make.job(title="Open Role")
    make.job(title="Draft Role", state=JobState.DRAFT)
    make.job(title="Closed Role", state=JobState.CLOSED)
    make.job(title="Expired Role", closes_at=utcnow() - timedelta(hours=1))
    make.job(title="Closing Soon Role", closes_at=utcnow() + timedelta(days=1))
    assert sorted(titles(search_jobs(JobQuery(q="role")))) == ["Closing Soon Role", "Open Role"]


def test_filters_combine_across_facets_and_repeat_within_one(make):
    make.job(title="A", level="entry", region="hong_kong")
    make.job(title="B", level="middle", region="hong_kong")
    make.job(title="C", level="senior", region="hong_kong")
    make.job(title="D", level="entry", region="gba")
    query = JobQuery(filters={"level": ("entry", "middle"), "region": ("hong_kong",)})
    assert sorted(titles(search_jobs(query))) == ["A", "B"]


def test_facet_counts_describe_the_whole_result_set_not_just_the_page(make):
    for i in range(5):
        make.job(title=f"Entry {i}", level="entry", open_to_overseas=True)
    for i in range(3):
        make.job(title=f"Middle {i}", level="middle", area="biotech")
    result = search_jobs(JobQuery(per_page=2))
    assert result.total == 8 and len(result.items) == 2
    assert result.facets["level"] == {"entry": 5, "middle": 3, "senior": 0, "executive": 0}
    assert result.facets["area"]["biotech"] == 3
    assert result.facets["open_to_overseas"] == {"true": 5, "false": 3}
    filtered = search_jobs(JobQuery(filters={"area": ("biotech",)}))
    assert filtered.facets["level"] == {"entry": 0, "middle": 3, "senior": 0, "executive": 0}


def test_open_to_overseas_and_company_filters(make):
    acme = make.company(name="Acme")
    make.job(title="Open", open_to_overseas=True, company=acme)
    make.job(title="Local", open_to_overseas=False, company=acme)
    make.job(title="Elsewhere", open_to_overseas=True)
    assert sorted(titles(search_jobs(JobQuery(open_to_overseas=True)))) == ["Elsewhere", "Open"]
    assert sorted(titles(search_jobs(JobQuery(companies=("acme",))))) == ["Local", "Open"]
    assert sorted(titles(search_jobs(JobQuery(companies=(str(acme.id),))))) == ["Local", "Open"]


def test_expo_filter_keeps_roles_of_companies_with_a_booth(make):
    exhibitor, other = make.company(), make.company()
    make.job(title="At the expo", company=exhibitor)
    make.job(title="Not at the expo", company=other)
    expo = make.expo(companies=[exhibitor])
    assert titles(search_jobs(JobQuery(expos=(expo.slug,)))) == ["At the expo"]


def test_a_search_by_expo_follows_booths_added_and_removed_since_it_was_cached(make):
    from careerexpo.booths.models import Booth

    exhibitor, latecomer = make.company(), make.company()
    make.job(title="At the expo", company=exhibitor)
    make.job(title="Joins later", company=latecomer)
    expo = make.expo(companies=[exhibitor])
    assert titles(search_jobs(JobQuery(expos=(expo.slug,)))) == ["At the expo"]
    booth = Booth(expo=expo, company=latecomer)
    db.session.add(booth)
    db.session.commit()
    listed = titles(search_jobs(JobQuery(expos=(expo.slug,))))
    assert sorted(listed) == ["At the expo", "Joins later"]
    db.session.delete(booth)
    db.session.commit()
    assert titles(search_jobs(JobQuery(expos=(expo.slug,)))) == ["At the expo"]


def test_sorting_by_newest_salary_and_relevance(make):
    make.job(title="Old", posted_ago=timedelta(days=9), salary_min=20000, salary_max=30000)
    make.job(title="New", posted_ago=timedelta(hours=1), salary_max=None)
    make.job(title="Mid", posted_ago=timedelta(days=3), salary_min=40000, salary_max=60000,
             description="Python Python Python")
    make.job(title="Python Lead", posted_ago=timedelta(days=5))
    assert titles(search_jobs(JobQuery())) == ["New", "Mid", "Python Lead", "Old"]
    # Highest salary first; roles without a salary last, newest-added first.
    assert titles(search_jobs(JobQuery(sort="salary"))) == ["Mid", "Old", "Python Lead", "New"]
    # A title match outranks a description match.
    assert titles(search_jobs(JobQuery(q="python")))[0] == "Python Lead"
    assert search_jobs(JobQuery(q="python")).sort == "relevance"
    assert search_jobs(JobQuery(q="python", sort="newest")).items[0].title == "Mid"


def test_pages_split_the_results_without_overlap(make):
    for i in range(7):
        make.job(title=f"Role {i}", posted_ago=timedelta(hours=i + 1))
    pages = [titles(search_jobs(JobQuery(per_page=3, page=p))) for p in (1, 2, 3, 4)]
    assert pages == [["Role 0", "Role 1", "Role 2"], ["Role 3", "Role 4", "Role 5"], ["Role 6"], []]


def test_every_facet_count_matches_an_independent_count(make):
    rng = random.Random(7)
    jobs = []
    for i in range(40):
        values = {name: rng.choice(enum_cls.keys()) for name, enum_cls in FACETS.items()}
        values["open_to_overseas"] = rng.random() < 0.5
        make.job(title=f"Role {i}", **values)
        jobs.append(values)
    result = search_jobs(JobQuery(q="role", per_page=5))
    assert result.total == 40
    for name, enum_cls in FACETS.items():
        counted = Counter(job[name] for job in jobs)
        assert result.facets[name] == {key: counted[key] for key in enum_cls.keys()}, name
    overseas = sum(job["open_to_overseas"] for job in jobs)
    assert result.facets["open_to_overseas"] == {"true": overseas, "false": 40 - overseas}


def test_a_repeated_search_sees_roles_published_since_it_was_first_run(make):
    make.job(title="Robotics Engineer")
    assert search_jobs(JobQuery(q="robotics")).total == 1
    make.job(title="Robotics Technician")
    again = search_jobs(JobQuery(q="robotics"))
    assert again.total == 2
    assert sorted(titles(again)) == ["Robotics Engineer", "Robotics Technician"]


def _let_closing_time_pass(job):
    # Time passing changes no row through the ORM, so no cached result is invalidated.
    db.session.execute(sa.update(Job).where(Job.id == job.id)
                       .values(closes_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()


def test_a_role_past_its_closing_time_is_left_off_a_page_served_from_the_cache(make):
    make.job(title="Lidar Engineer")
    closing = make.job(title="Lidar Researcher", closes_at=utcnow() + timedelta(hours=1))
    assert len(search_jobs(JobQuery(q="lidar")).items) == 2
    _let_closing_time_pass(closing)
    assert titles(search_jobs(JobQuery(q="lidar"))) == ["Lidar Engineer"]


def test_without_the_search_cache_counts_follow_the_clock_at_once(make):
    make.job(title="Lidar Engineer")
    closing = make.job(title="Lidar Researcher", closes_at=utcnow() + timedelta(hours=1))
    assert search_jobs(JobQuery(q="lidar")).total == 2
    _let_closing_time_pass(closing)
    result = search_jobs(JobQuery(q="lidar"))
    assert (result.total, titles(result)) == (1, ["Lidar Engineer"])
