"""What the search index holds for a role: its columns, its company's name and the
expos where its company has a booth, read from the database for the index's writer.

The search package (careerexpo/search) knows documents, not roles: it asks this
source for the listed roles (all of them for a rebuild, some of them for a batch
of outbox entries) and writes what it is given. Only listed roles are indexed
(open, not deleted); whether one has passed its closing time is checked when
searching, so expiry needs no write.
"""

import sqlalchemy as sa

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core.enums import FACETS, JobState
from careerexpo.jobs.models import Job

# Facets as the keys they are stored as: the index wants strings, not enum members.
COLUMNS = [Job.id, Job.title, Job.description, Company.name.label("company_name"),
           Job.company_id,
           *(sa.type_coerce(getattr(Job, name), sa.String).label(name) for name in FACETS),
           Job.open_to_overseas, Job.salary_min, Job.salary_max, Job.posted_at,
           Job.closes_at, Job.city, Job.country]


def _documents(rows, expos: dict[int, list[int]]) -> list[dict]:
    """Rows as ``search.schema.document`` reads them: dicts, with the role's expos."""
    out = []
    for row in rows:
        fields = row._asdict()
        fields["expo_ids"] = expos.get(row.company_id, ())
        out.append(fields)
    return out


def _expos_by_company(conn, company_ids=None) -> dict[int, list[int]]:
    stmt = sa.select(Booth.company_id, Booth.expo_id)
    if company_ids is not None:
        stmt = stmt.where(Booth.company_id.in_(company_ids))
    out: dict[int, list[int]] = {}
    for company_id, expo_id in conn.execute(stmt):
        out.setdefault(company_id, []).append(expo_id)
    return out


def _listed(job_ids=None):
    stmt = (sa.select(*COLUMNS).join(Company, Company.id == Job.company_id)
            .where(Job.state == JobState.OPEN))
    if job_ids is not None:
        stmt = stmt.where(Job.id.in_(job_ids))
    return stmt


class RoleDocuments:
    """The ``search.indexer.Source`` of CareerExpo's index: listed roles."""

    def count(self, conn) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(Job)
                            .where(Job.state == JobState.OPEN)).scalar()

    def all(self, conn, batch: int):
        """Every listed role, in batches of about ``batch``, in id order."""
        expos = _expos_by_company(conn)
        result = conn.execution_options(yield_per=batch).execute(_listed().order_by(Job.id))
        for rows in result.partitions():
            yield _documents(rows, expos)

    def some(self, conn, ids: list[int]) -> list:
        """These roles, those still listed (the others are left out of the index)."""
        rows = conn.execute(_listed(ids)).all()
        expos = _expos_by_company(conn, {r.company_id for r in rows})
        return _documents(rows, expos)
