"""A company as visitors see it: its story, offices, booths and open roles."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core.hktime import today_hk
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import listed_condition

ROLES_SHOWN = 20


@dataclass
class CompanyPage:
    company: Company
    booths: list[tuple[Booth, str]]  # each with "live", "upcoming" or "past"
    roles: list[Job]
    open_roles: int

    @property
    def logo_booth(self) -> Booth | None:
        """The newest booth with a logo: the company's logo is uploaded with its booth."""
        return next((b for b, _when in self.booths if b.logo_name), None)

    @property
    def story(self) -> str:
        return next((b.story for b, _when in self.booths if b.story), "") or \
            self.company.description


def company_page(company_id: int) -> CompanyPage | None:
    company = db.session.scalar(sa.select(Company).options(selectinload(Company.offices))
                                .where(Company.id == company_id))
    if company is None:
        return None
    today = today_hk()
    booths = db.session.scalars(sa.select(Booth).join(Expo).options(selectinload(Booth.expo))
                                .where(Booth.company_id == company.id)
                                .order_by(Expo.starts_on.desc(), Expo.id.desc()))
    listed = sa.select(Job).where(Job.company_id == company.id, listed_condition())
    return CompanyPage(
        company=company,
        booths=[(b, "upcoming" if b.expo.starts_on > today else
                 "past" if b.expo.ends_on < today else "live") for b in booths],
        roles=list(db.session.scalars(listed.order_by(Job.posted_at.desc(), Job.id.desc())
                                      .limit(ROLES_SHOWN))),
        open_roles=db.session.scalar(sa.select(sa.func.count()).select_from(listed.subquery())),
    )
