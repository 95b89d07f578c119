"""Deterministic rows for the benchmark database: companies, offices and open roles.

Enum values follow the mixes in ``_vocab``; a few companies post most roles;
titles and descriptions are put together from ``_vocab``'s words, skills drawn
on a Zipf curve, and a few percent of roles are written in Chinese.
"""

import bisect
import itertools
import random
from datetime import datetime, timedelta

import _vocab as v

SEED = 20_261_122
BATCH = 5_000
# Postings written in Chinese, besides those of Chinese-named companies.
CJK_SHARE = 0.02


def company_count(jobs: int) -> int:
    return max(20, round(jobs * 0.03))


def _picker(rng: random.Random, weights: dict):
    keys = list(weights)
    cum, total = [], 0
    for key in keys:
        total += weights[key]
        cum.append(total)
    return lambda: rng.choices(keys, cum_weights=cum)[0]


def _zipf_picker(rng: random.Random, words: list[str], s: float = 1.07):
    return _picker(rng, {w: 1 / (i + 1) ** s for i, w in enumerate(words)})


class Generator:
    """Deterministic rows for a given seed: companies, their offices, an expo, jobs."""

    def __init__(self, jobs: int, now: datetime, seed: int = SEED):
        self.jobs = jobs
        self.now = now
        self.rng = rng = random.Random(seed)
        self.pick = {name: _picker(rng, mix) for name, mix in (
            ("level", v.LEVEL), ("degree", v.DEGREE), ("region", v.REGION),
            ("area", v.AREA), ("function", v.FUNCTION),
            ("employment_type", v.EMPLOYMENT_TYPE), ("programme", v.PROGRAMME))}
        self.roles = {f: _picker(rng, mix) for f, mix in v.ROLES.items()}
        self.seniority = {lv: _picker(rng, mix) for lv, mix in v.SENIORITY.items()}
        self.skills = {a: _zipf_picker(rng, words) for a, words in v.SKILLS.items()}
        self.general_skill = _zipf_picker(rng, v.GENERAL_SKILLS)
        self.companies: list[dict] = []

    def company_rows(self) -> tuple[list[dict], list[dict]]:
        rng, names, offices = self.rng, set(), []
        for cid in range(1, company_count(self.jobs) + 1):
            chinese = rng.random() < 0.02
            while True:
                if chinese:
                    name = rng.choice(v.ZH_COMPANY_HEADS) + rng.choice(v.ZH_COMPANY_HEADS) \
                        + rng.choice(v.ZH_COMPANY_TAILS)
                else:
                    name = (f"{rng.choice(v.NAME_HEADS)} {rng.choice(v.NAME_TAILS)} "
                            f"{rng.choice(v.NAME_SUFFIXES)}")
                if name in names:
                    name = f"{name} {cid}"
                if name not in names:
                    break
            names.add(name)
            area = self.pick["area"]()
            self.companies.append({"id": cid, "name": name, "area": area, "chinese": chinese})
            regions = {"hong_kong"} if rng.random() < 0.92 else set()
            if rng.random() < 0.40:
                regions.add("gba")
            if rng.random() < 0.18 or not regions:
                regions.add("overseas")
            offices += [{"company_id": cid, "region": r} for r in sorted(regions)]
        rows = [{"id": c["id"], "name": c["name"], "website": f"https://example.com/c/{c['id']}",
                 "description": f"{c['name']} works in {c['area'].replace('_', ' ')}.",
                 "programme": self.pick["programme"](),
                 "created_at": self.now - timedelta(days=400)} for c in self.companies]
        # A few companies post most of the roles, as at a real expo.
        weights = [1 / (i + 1) ** 0.8 for i in range(len(self.companies))]
        rng.shuffle(weights)
        cum = list(itertools.accumulate(weights))
        self._company = lambda: self.companies[bisect.bisect(cum, rng.random() * cum[-1])]
        return rows, offices

    def _title(self, job: dict, area: str) -> str:
        rng = self.rng
        spec = rng.choice(v.SPECIALTY[area])
        if job["employment_type"] == "internship":
            return f"{spec} Intern" if rng.random() < 0.6 else f"Summer Intern, {spec}"
        if job["employment_type"] == "graduate_programme":
            return f"Graduate Trainee, {spec}" if rng.random() < 0.7 else "Management Trainee"
        if job["level"] == "executive":
            return rng.choice([f"Head of {spec}", f"Director of {spec}", f"{spec} Director",
                               f"VP, {spec} Engineering", "Chief Technology Officer"])
        role = self.roles[job["function"]]()
        prefix = self.seniority[job["level"]]()
        if prefix in ("Head of ", "Director, ", "Chief ", "VP, "):
            prefix = ""
        with_spec = job["function"] in ("technology", "research_development") or rng.random() < 0.3
        return f"{prefix}{spec + ' ' if with_spec else ''}{role}"

    def _skill(self, area: str) -> str:
        return self.skills[area]() if self.rng.random() < 0.8 else self.general_skill()

    def _fill(self, template: str, job: dict, area: str, title: str) -> str:
        rng = self.rng
        out = template
        while "{skill}" in out:
            out = out.replace("{skill}", self._skill(area), 1)
        while "{verb}" in out:
            out = out.replace("{verb}", rng.choice(v.VERBS), 1)
        while "{object}" in out:
            out = out.replace("{object}", rng.choice(v.OBJECTS), 1)
        return out.format(
            title=title, area=area.replace("_", " "), city=rng.choice(v.CITIES[job["region"]]),
            product=rng.choice(v.PRODUCTS), Verb=rng.choice(v.VERBS).capitalize(),
            years=rng.randint(1, 10), degree=v.DEGREE_WORDS[job["degree"]],
            field=rng.choice(v.FIELDS))

    def _english(self, job: dict, area: str) -> tuple[str, str]:
        rng = self.rng
        title = self._title(job, area)
        lines = [self._fill(rng.choice(v.INTROS), job, area, title)]
        lines += [self._fill(t, job, area, title) for t in rng.sample(v.DUTIES, rng.randint(2, 4))]
        lines += [self._fill(t, job, area, title)
                  for t in rng.sample(v.REQUIREMENTS, rng.randint(2, 4))]
        if job["level"] == "entry" and rng.random() < 0.6:
            lines.append(rng.choice(v.ENTRY_LINES))
        lines.append("We offer " + ", ".join(rng.sample(v.BENEFITS, 3)) + ".")
        if rng.random() < 0.03:
            lines.append(v.ZH_FOOTER)
        return title, " ".join(lines)

    def _chinese(self, job: dict, area: str) -> tuple[str, str]:
        rng = self.rng
        title = rng.choice(v.ZH_TITLES)
        lines = [line.format(title=title, city=v.ZH_CITIES[job["region"]],
                             area=v.ZH_AREAS[area], years=rng.randint(1, 8),
                             skill=self._skill(area))
                 for line in rng.sample(v.ZH_LINES, rng.randint(4, 7))]
        return title, "".join(lines)

    def job_batches(self, batch: int = BATCH):
        rng, rows = self.rng, []
        for jid in range(1, self.jobs + 1):
            company = self._company()
            job = {name: self.pick[name]() for name in
                   ("level", "degree", "region", "function", "employment_type")}
            area = company["area"] if rng.random() < 0.75 else self.pick["area"]()
            chinese = rng.random() < (0.5 if company["chinese"] else CJK_SHARE)
            title, description = (self._chinese if chinese else self._english)(job, area)
            low, high = v.SALARY[job["level"]]
            salary_min = rng.randrange(low, high, 1_000) if rng.random() < 0.8 else None
            salary_max = (salary_min + rng.randrange(0, 20_000, 1_000)
                          if salary_min is not None and rng.random() < 0.9 else None)
            posted = self.now - timedelta(seconds=rng.randrange(0, 180 * 86_400))
            rows.append({
                "id": jid, "company_id": company["id"], "title": title,
                "description": description, "area": area, **job,
                "open_to_overseas": rng.random() < 0.42,
                "salary_min": salary_min, "salary_max": salary_max, "state": "open",
                "posted_at": posted, "created_at": posted, "updated_at": posted,
                # Far enough ahead that a reused database stays fully listed for a year.
                "closes_at": (self.now + timedelta(days=rng.randint(365, 730))
                              if rng.random() < 0.35 else None),
            })
            if len(rows) == batch:
                yield rows
                rows = []
        if rows:
            yield rows
