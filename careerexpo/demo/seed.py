"""A demo expo shaped like the Hong Kong I&T Career Expo 2022, for an empty database.

It has the 2022 expo's size and mix, but not its dates: it runs for a week, as that
one did, and opened two days before the demo was loaded, so a visitor to a fresh
demo finds the expo live, its roles recently posted and its booths open for chat.

The mix reproduces the press release's key figures (DOMAIN.md's headline
figures): each attribute is dealt from exact quotas rather than drawn by
independent coin flips, so the shares hold at any size, and a fixed seed makes
every run the same. Quotas that should go together (doctorates and R&D roles,
InnoHK and research) are dealt in order of a noisy score instead of shuffled.
"""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from time import perf_counter

import sqlalchemy as sa

from careerexpo.auth.services import AccountError, create_user
from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core.database import refresh_statistics, utcnow
from careerexpo.core.enums import JobState, Programme, Role
from careerexpo.core.hktime import HONG_KONG, end_of_day_hk, today_hk
from careerexpo.demo import data as vocab
from careerexpo.demo.activity import add_demo_activity
from careerexpo.demo.applicants import add_demo_pipelines
from careerexpo.demo.booths import dress_booths
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.search import outbox

SEED = 2022
INSERT_BATCH = 10_000
DEFAULT_JOBS, DEFAULT_COMPANIES = 2947, 283
DEMO_SLUG = "hk-it-career-expo"
EXPO_DAYS = 7  # 10 to 16 March in 2022
DEMO_PASSWORD = "demo-password-2022"
DEMO_DESCRIPTION = (
    "A week of virtual booths from Hong Kong's innovation and technology companies: chat "
    "live with their teams, join their presentations and apply for roles in Hong Kong, the "
    "Greater Bay Area and overseas."
)

# At the 2022 expo: 624 jobs at InnoHK centres and 204 at INNOPARK companies; the
# press release gives no company counts, so these are plausible ones.
PROGRAMME_JOBS = {Programme.INNOHK: 624, Programme.INNOPARK: 204}
PROGRAMME_COMPANIES = {Programme.INNOHK: 28, Programme.INNOPARK: 15}
PROGRAMME_AREAS = {
    Programme.INNOHK: ["ai_data_analytics", "biotech", "healthtech_medtech",
                       "robotics_automation"],
    Programme.INNOPARK: ["electronics_sensors", "microelectronics", "new_materials", "biotech",
                         "sustainability"],
}
# 57% of companies have an office in the GBA or overseas ("55%+").
OFFICE_MIX = {
    ("hong_kong",): 43, ("hong_kong", "gba"): 30, ("hong_kong", "overseas"): 12,
    ("hong_kong", "gba", "overseas"): 10, ("overseas",): 3, ("gba",): 2,
}
# Shares of jobs (percent). Degrees and functions are dealt in this order to the
# most research-minded roles first, so doctorates go mostly to R&D roles.
LEVEL_SHARES = {"entry": 67, "middle": 27, "senior": 5, "executive": 1}
DEGREE_SHARES = {"doctorate": 11, "master": 15, "bachelor": 66, "sub_degree": 5, "none": 3}
FUNCTION_SHARES = {"research_development": 30, "technology": 52, "business": 8,
                   "operations": 7, "other": 3}
# The press release's top four first, in its order, then the rest.
AREA_SHARES = {
    "ai_data_analytics": 22, "biotech": 16, "electronics_sensors": 12,
    "software_communications": 10, "fintech": 8, "robotics_automation": 7,
    "healthtech_medtech": 6, "microelectronics": 5, "smart_city": 5, "sustainability": 4,
    "new_materials": 3, "other": 2,
}
OVERSEAS_SHARES = {True: 72, False: 28}
CHINESE_SHARE, CLOSING_SHARE, NO_SALARY_SHARE = 0.05, 0.06, 0.10
# Monthly HKD: lowest and highest minimum, then the smallest and largest spread.
SALARY = {"entry": (16_000, 26_000, 4_000, 10_000), "middle": (28_000, 42_000, 8_000, 18_000),
          "senior": (48_000, 70_000, 12_000, 30_000),
          "executive": (80_000, 120_000, 20_000, 60_000)}
DEGREE_PREMIUM = {"doctorate": 1.25, "master": 1.1}
EMPLOYMENT_MIX = {
    "entry": {"full_time": 70, "graduate_programme": 12, "internship": 10, "contract": 6,
              "part_time": 2},
    "other": {"full_time": 88, "contract": 10, "part_time": 2},
}
REGION_WEIGHTS = {"hong_kong": 6, "gba": 2, "overseas": 1.5}


@dataclass
class CompanyPlan:
    name: str
    programme: Programme | None
    offices: tuple[str, ...]
    area: str
    n_jobs: int
    description: str = ""


def demo_dates(today: date) -> tuple[date, date]:
    """The demo expo's first and last days: open since the day before yesterday."""
    starts = today - timedelta(days=2)
    return starts, starts + timedelta(days=EXPO_DAYS - 1)


def demo_name(starts: date) -> str:
    return f"Hong Kong I&T Career Expo {starts.year}"


@dataclass
class DemoResult:
    slug: str
    companies: int
    jobs: int
    accounts: list[str] = field(default_factory=list)
    applications: int = 0


def database_is_empty() -> bool:
    """No companies, jobs or expos yet: the only database seed-demo will fill."""
    return not any(db.session.scalar(sa.select(model.id).limit(1)) is not None
                   for model in (Company, Job, Expo))


def quotas(weights: dict, total: int) -> dict:
    """Whole numbers in proportion to ``weights`` that add up to exactly ``total``."""
    whole = sum(weights.values())
    raw = {k: w * total / whole for k, w in weights.items()}
    counts = {k: int(r) for k, r in raw.items()}
    by_remainder = sorted(raw, key=lambda k: raw[k] - counts[k], reverse=True)
    for k in by_remainder[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def dealt(rng: random.Random, counts: dict) -> list:
    """Every key ``counts[key]`` times, shuffled."""
    values = [k for k, n in counts.items() for _ in range(n)]
    rng.shuffle(values)
    return values


def plan_companies(rng: random.Random, n_companies: int, n_jobs: int) -> list[CompanyPlan]:
    """Companies with programme, offices, main area and job count, largest employer first."""
    groups = []
    for programme, jobs in PROGRAMME_JOBS.items():
        jobs = round(jobs * n_jobs / DEFAULT_JOBS)
        count = round(PROGRAMME_COMPANIES[programme] * n_companies / DEFAULT_COMPANIES)
        groups.append((programme, min(jobs, max(1, count)), jobs))
    groups.append((None, n_companies - sum(g[1] for g in groups),
                   n_jobs - sum(g[2] for g in groups)))
    offices = dealt(rng, quotas(OFFICE_MIX, n_companies))
    plans = []
    for programme, count, jobs in groups:
        # A few large employers and many small ones, each with at least one role.
        weights = {i: min(rng.paretovariate(1.3), 12.0) for i in range(count)}
        floor = 1 if jobs >= count else 0
        sizes = quotas(weights, jobs - floor * count) if count else {}
        for i in range(count):
            # Programme companies sit in Hong Kong's parks, so they get a Hong Kong office.
            at = next(j for j, o in enumerate(offices) if programme is None or "hong_kong" in o)
            plans.append(CompanyPlan("", programme, offices.pop(at), "", floor + sizes[i]))
    remaining = quotas(AREA_SHARES, n_jobs)
    # The largest and most constrained companies choose their main area first.
    for plan in sorted(plans, key=lambda p: (p.programme is None, -p.n_jobs)):
        allowed = PROGRAMME_AREAS.get(plan.programme, list(remaining))
        plan.area = max(allowed, key=lambda a: remaining[a])
        remaining[plan.area] -= plan.n_jobs
    taken: set[str] = set()
    for plan in plans:
        plan.name = vocab.company_name(rng, plan.programme, plan.area, taken)
        plan.description = vocab.company_description(rng, plan.name, plan.programme,
                                                     plan.area, plan.offices)
    # The demo employer's company comes first: the largest one outside the programmes.
    first = max((p for p in plans if p.programme is None), key=lambda p: (p.n_jobs, p.name))
    return [first] + sorted((p for p in plans if p is not first), key=lambda p: p.name)


@dataclass
class JobPlan:
    company_index: int
    fields: dict


def by_score(counts: dict, scores: list[float]) -> list:
    """Deals the keys of ``counts``, in their order, to the highest scores first."""
    values = [k for k, n in counts.items() for _ in range(n)]
    dealt_to = [""] * len(scores)
    for index, value in zip(sorted(range(len(scores)), key=lambda i: -scores[i]), values,
                            strict=True):
        dealt_to[index] = value
    return dealt_to


def _deal_areas(companies: list[CompanyPlan], owners: list[int]) -> list[str]:
    """Each job in its company's area while that area's quota lasts, else the nearest."""
    pool = quotas(AREA_SHARES, len(owners))
    areas = [""] * len(owners)
    first_job = {}
    for job, owner in enumerate(owners):
        first_job.setdefault(owner, job)
    for owner in sorted(first_job, key=lambda i: (companies[i].programme is None,
                                                   -companies[i].n_jobs)):
        company = companies[owner]
        for job in range(first_job[owner], first_job[owner] + company.n_jobs):
            area = company.area
            if pool[area] <= 0:
                area = max(PROGRAMME_AREAS.get(company.programme, pool), key=pool.get)
            if pool[area] <= 0:
                area = max(pool, key=pool.get)
            pool[area] -= 1
            areas[job] = area
    return areas


def plan_jobs(rng: random.Random, companies: list[CompanyPlan],
              progress: Callable[[str], None], today: date) -> list[JobPlan]:
    """Every job's attributes and text, dealt from the quotas above, posted in the eight
    weeks before the expo opened."""
    owners = [i for i, c in enumerate(companies) for _ in range(c.n_jobs)]
    n = len(owners)
    innohk = [companies[o].programme == Programme.INNOHK for o in owners]
    areas = _deal_areas(companies, owners)
    functions = by_score(quotas(FUNCTION_SHARES, n), [rng.random() + 0.7 * hk for hk in innohk])
    levels = dealt(rng, quotas(LEVEL_SHARES, n))
    degrees = by_score(quotas(DEGREE_SHARES, n), [
        1.5 * rng.random() + (functions[i] == "research_development") + 0.5 * innohk[i]
        + 0.3 * (levels[i] in ("senior", "executive"))
        - 0.5 * (functions[i] in ("operations", "other")) for i in range(n)])
    overseas = dealt(rng, quotas(OVERSEAS_SHARES, n))
    chinese = set(rng.sample(range(n), round(n * CHINESE_SHARE)))
    closing = set(rng.sample(range(n), round(n * CLOSING_SHARE)))
    opens, _ends = demo_dates(today)
    pitches = [vocab.company_pitch(c.name, c.programme, c.area) for c in companies]
    # Places come from their own stream, so the rest of the demo stays as it was.
    places = random.Random(f"{SEED}-places")
    plans = []
    for i, owner in enumerate(owners):
        company, level = companies[owner], levels[i]
        employment = _weighted(rng, EMPLOYMENT_MIX["entry" if level == "entry" else "other"])
        title = vocab.job_title(rng, areas[i], functions[i], level, employment, i in chinese)
        salary_min, salary_max = _salary(rng, level, degrees[i], employment)
        description = vocab.job_description(
            rng, pitches[owner], title, areas[i], functions[i], level, degrees[i],
            overseas[i], i in chinese)
        region = _region(rng, company.offices)
        city, country = vocab.role_place(places, region)
        description = vocab.place_the_team(description, region, city)
        plans.append(JobPlan(owner, dict(
            title=title,
            description=description,
            level=level, degree=degrees[i], area=areas[i], function=functions[i],
            region=region, city=city, country=country, employment_type=employment,
            open_to_overseas=overseas[i], salary_min=salary_min, salary_max=salary_max,
            state=JobState.OPEN,
            posted_at=hk_datetime(opens - timedelta(days=rng.randint(1, 56)),
                                  time(rng.randint(9, 18), rng.choice((0, 15, 30, 45)))),
            # Closing dates lie ahead of today, so the demo's roles stay listed.
            closes_at=(end_of_day_hk(today + timedelta(days=rng.randint(21, 120)))
                       if i in closing else None),
        )))
        if (i + 1) % 1000 == 0 or i + 1 == n:
            progress(f"jobs: {i + 1}/{n} planned")
    return plans


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _region(rng: random.Random, offices: tuple[str, ...]) -> str:
    if rng.random() < 0.04:
        return "remote"
    return _weighted(rng, {o: REGION_WEIGHTS[o] for o in offices})


def _salary(rng: random.Random, level: str, degree: str,
            employment: str) -> tuple[int | None, int | None]:
    if rng.random() < NO_SALARY_SHARE:
        return None, None
    low, high, spread_low, spread_high = SALARY[level]
    if employment == "internship":
        low, high, spread_low, spread_high = 8_000, 14_000, 0, 3_000
    premium = DEGREE_PREMIUM.get(degree, 1.0) * (0.5 if employment == "part_time" else 1.0)
    minimum = rng.randint(low, high) * premium
    maximum = minimum + rng.randint(spread_low, spread_high)
    return int(minimum // 500 * 500), int(maximum // 500 * 500)


def seed_demo(n_jobs: int = DEFAULT_JOBS, n_companies: int = DEFAULT_COMPANIES,
              progress: Callable[[str], None] = print) -> DemoResult:
    """Writes the demo expo, its companies, booths, jobs and accounts in one transaction."""
    rng = random.Random(SEED)
    plans = plan_companies(rng, n_companies, n_jobs)
    innohk = sum(p.programme == Programme.INNOHK for p in plans)
    innopark = sum(p.programme == Programme.INNOPARK for p in plans)
    progress(f"companies: {len(plans)} planned ({innohk} InnoHK, {innopark} INNOPARK)")
    today = today_hk()
    job_plans = plan_jobs(rng, plans, progress, today)
    try:
        result = _write(plans, job_plans, demo_dates(today), progress)
        progress("committing; the search index takes the new roles from its outbox")
        started = perf_counter()
        db.session.commit()
        progress(f"committed and indexed in {perf_counter() - started:.1f} s")
    except BaseException:
        db.session.rollback()
        raise
    refresh_statistics()
    return result


def _write(plans: list[CompanyPlan], job_plans: list[JobPlan], dates: tuple[date, date],
           progress) -> DemoResult:
    starts, ends = dates
    expo = Expo(slug=DEMO_SLUG, name=demo_name(starts), starts_on=starts, ends_on=ends,
                description=DEMO_DESCRIPTION)
    companies = []
    for plan in plans:
        company = Company(name=plan.name, website=vocab.website(plan.name),
                          description=plan.description, programme=plan.programme)
        company.set_offices(plan.offices)
        companies.append(company)
    booths = [Booth(expo=expo, company=c) for c in companies]
    talks = dress_booths(booths, random.Random(SEED))
    progress(f"writing {len(companies)} companies, {len(booths)} booths and "
             f"{len(job_plans)} jobs")
    db.session.add_all([expo, *companies, *booths, *talks])
    db.session.flush()
    ids = _insert_jobs(job_plans, [c.id for c in companies], progress)
    # Bulk inserts pass by the unit of work that tells the search outbox; say it here.
    outbox.record(db.session, ids)
    progress("roles written; the search index takes them from its outbox")
    result = DemoResult(DEMO_SLUG, len(companies), len(ids))
    own = _Jobs([i for i, plan in zip(ids, job_plans, strict=True) if plan.company_index == 0])
    others = _Jobs([i for i, plan in zip(ids, job_plans, strict=True)
                    if plan.company_index != 0])
    made = {}
    for role, company in ((Role.ORGANISER, None), (Role.CANDIDATE, None),
                          (Role.EMPLOYER, companies[0])):
        email = f"{role.value}@demo.careerexpo.hk"
        try:
            made[role] = create_user(email, DEMO_PASSWORD, role, f"Demo {role.value.title()}",
                                     company)
        except AccountError:
            result.accounts.append(f"{email} already exists; its password is unchanged")
            continue
        result.accounts.append(f"{email} ({role.value}" + (f" of {company.name})" if company
                                                          else ")"))
    if Role.CANDIDATE in made and Role.EMPLOYER in made:
        pipelines = add_demo_pipelines(
            random.Random(SEED), made[Role.EMPLOYER], made[Role.CANDIDATE], own, others,
            DEMO_PASSWORD)
        result.applications = pipelines.applications
        progress(f"applications: {result.applications} (applicants for {companies[0].name}, "
                 "and the demo candidate's own)")
        activity = add_demo_activity(random.Random(SEED), expo, booths, booths[0],
                                     made[Role.EMPLOYER], pipelines.applicants, others,
                                     utcnow())
        progress(f"since the expo opened: {activity.visits} booth visits, {activity.chats} "
                 f"chats, {activity.applications} more applications")
    return result


def _insert_jobs(job_plans: list[JobPlan], company_ids: list[int], progress) -> list[int]:
    """Writes the roles in batches, without an ORM object each (a million of those would
    take minutes); returns their ids in the plans' order."""
    now = utcnow()
    connection = db.session.connection()
    # Building the table's indexes once at the end beats updating a dozen of them a
    # row at a time (the table is empty: seed-demo fills only an empty database).
    indexes = sorted(Job.__table__.indexes, key=lambda index: index.name)
    for index in indexes:
        index.drop(connection)
    for start in range(0, len(job_plans), INSERT_BATCH):
        db.session.execute(sa.insert(Job), [
            {"company_id": company_ids[plan.company_index], "created_at": now,
             "updated_at": now, **plan.fields}
            for plan in job_plans[start : start + INSERT_BATCH]])
        progress(f"jobs: {min(start + INSERT_BATCH, len(job_plans))}/{len(job_plans)} written")
    for index in indexes:
        index.create(connection)
    progress(f"jobs: {len(indexes)} indexes built")
    # The table was empty and one transaction wrote it in order, so ids rise with the plans.
    ids = list(db.session.scalars(sa.select(Job.id).order_by(Job.id)))
    assert len(ids) == len(job_plans)
    return ids


class _Jobs(Sequence):
    """Roles by id, each read when it is picked: the demo's people apply to a few of
    what may be a million."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [db.session.get(Job, i) for i in self.ids[index]]
        return db.session.get(Job, self.ids[index])


def hk_datetime(day: date, at: time) -> datetime:
    """A Hong Kong wall-clock time as a UTC datetime."""
    return datetime.combine(day, at, tzinfo=HONG_KONG).astimezone(UTC)

