"""An expo's counted figures, and the shares, ranking and headline text made from them.

``services.expo_stats`` fills an ``ExpoStats`` with counts from the database;
everything here is arithmetic on those few dozen numbers. Shares are kept as
exact fractions until they are shown, so that text and JSON round each in its
own way (``headline.py``) from the same truth.
"""

from dataclasses import dataclass

from careerexpo.core.enums import Function, Region
from careerexpo.expos.models import Expo
from careerexpo.stats import headline
from careerexpo.stats.filters import StatsFilters

TECHNOLOGY_RND = (Function.TECHNOLOGY, Function.RESEARCH_DEVELOPMENT)
# Where a company can have an office: every region but "remote", which is for roles.
OFFICE_REGIONS = (Region.HONG_KONG, Region.GBA, Region.OVERSEAS)
# The keys of DOMAIN.md's shares, each a fraction of jobs or of companies.
SHARE_KEYS = ("share_open_to_overseas", "share_companies_outside_hk", "share_technology_rnd",
              "share_level", "share_degree")


def _each(value, fn):
    """``fn`` applied to a share, or to every share of a ``{key: share}`` mapping."""
    return {k: fn(v) for k, v in value.items()} if isinstance(value, dict) else fn(value)


@dataclass(frozen=True)
class ExpoStats:
    expo: Expo
    filters: StatsFilters
    jobs: int
    companies: int
    jobs_open_to_overseas: int
    jobs_technology_rnd: int
    companies_outside_hk: int
    jobs_by_programme: dict[str, int]
    # {"level": {"entry": n, …}, "degree": …, "region": …, "area": …, "function": …}
    jobs_by: dict[str, dict[str, int]]
    companies_by_office_region: dict[str, int]
    companies_by_programme: dict[str, int]  # innohk, innopark and "none"

    def shares(self) -> dict:
        """DOMAIN.md's shares as exact fractions; all 0 for an expo without jobs."""
        def of_jobs(n):
            return headline.share_of(n, self.jobs)

        return {
            "share_open_to_overseas": of_jobs(self.jobs_open_to_overseas),
            "share_companies_outside_hk": headline.share_of(self.companies_outside_hk,
                                                            self.companies),
            "share_technology_rnd": of_jobs(self.jobs_technology_rnd),
            "share_level": {k: of_jobs(n) for k, n in self.jobs_by["level"].items()},
            "share_degree": {k: of_jobs(n) for k, n in self.jobs_by["degree"].items()},
        }

    def areas_by_jobs(self) -> list[tuple[str, int]]:
        """Every area with its number of jobs, most first; ties in alphabetical order."""
        return sorted(self.jobs_by["area"].items(), key=lambda item: (-item[1], item[0]))

    @property
    def top_areas(self) -> list[dict]:
        """The areas that have jobs, most first: ``[{"area": key, "jobs": n}, …]``."""
        return [{"area": area, "jobs": n} for area, n in self.areas_by_jobs() if n]

    def figures(self) -> dict:
        """DOMAIN.md's headline figures, shares as numbers rounded to 4 decimals."""
        rounded = {k: _each(v, headline.share_value) for k, v in self.shares().items()}
        return {"jobs": self.jobs, "companies": self.companies,
                "jobs_by_programme": dict(self.jobs_by_programme), **rounded,
                "top_areas": self.top_areas}

    def headline(self) -> dict:
        """The figures as the press release writes them: "2,900+", "70%+".

        The programme breakdown is exact, as the release gives "InnoHK: 624".
        """
        texts = {k: _each(v, headline.share_text) for k, v in self.shares().items()}
        return {"jobs": headline.count_text(self.jobs),
                "companies": headline.count_text(self.companies),
                "jobs_by_programme": {k: headline.exact_count_text(n)
                                      for k, n in self.jobs_by_programme.items()},
                **texts}

    def breakdowns(self) -> dict:
        """The counts behind the charts: jobs by each attribute, companies by office and
        programme (a company with offices in several regions counts in each)."""
        return {**{f"jobs_by_{name}": dict(counts) for name, counts in self.jobs_by.items()},
                "jobs_open_to_overseas": self.jobs_open_to_overseas,
                "jobs_technology_rnd": self.jobs_technology_rnd,
                "companies_outside_hk": self.companies_outside_hk,
                "companies_by_office_region": dict(self.companies_by_office_region),
                "companies_by_programme": dict(self.companies_by_programme)}

    def as_json(self) -> dict:
        """GET /api/v1/expos/<slug>/stats: the figures, their headline text, and context."""
        return {**self.figures(), "headline": self.headline(),
                "expo": {"slug": self.expo.slug, "name": self.expo.name,
                         "starts": self.expo.starts_on.isoformat(),
                         "ends": self.expo.ends_on.isoformat()},
                "filters": {"area": self.filters.area and str(self.filters.area),
                            "programme": self.filters.programme},
                "breakdowns": self.breakdowns()}
