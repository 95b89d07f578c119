"""Which roles' search documents a write changes, recorded in the search outbox
(``search.outbox.record``) in the same transaction as the write.

A flush that adds, changes or deletes a role, renames a company, or adds, moves or
removes a booth (a role's document lists the expos where its company has a booth)
records the roles concerned; ORM bulk ``update()``/``delete()`` statements on roles
and companies are recorded too. The listeners are registered on import, which
``create_app`` does.
"""

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.expos.models import Expo
from careerexpo.jobs.models import Job
from careerexpo.search import outbox


def _jobs_of_companies(session: Session, company_ids) -> list[int]:
    ids = [i for i in company_ids if i is not None]
    if not ids:
        return []
    return list(session.connection().execute(
        sa.select(Job.id).where(Job.company_id.in_(ids))).scalars())


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context, _instances) -> None:
    # An expo's booths go with it in the database (ON DELETE CASCADE): find whose they
    # were before they are gone.
    expos = [o.id for o in session.deleted if isinstance(o, Expo) and o.id is not None]
    if expos:
        companies = session.connection().execute(
            sa.select(Booth.company_id).where(Booth.expo_id.in_(expos))).scalars()
        outbox.record(session, _jobs_of_companies(session, companies))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context) -> None:
    jobs, companies = set(), set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Job) and obj.id is not None:
            jobs.add(obj.id)
        elif isinstance(obj, Company) and obj in session.dirty:
            if sa.inspect(obj).attrs.name.history.has_changes():
                companies.add(obj.id)
        elif isinstance(obj, Booth):
            state = sa.inspect(obj)
            if obj in session.dirty and not (state.attrs.expo_id.history.has_changes()
                                             or state.attrs.company_id.history.has_changes()):
                continue
            companies.add(obj.company_id)
            companies.update(state.attrs.company_id.history.deleted or ())
    jobs.update(_jobs_of_companies(session, companies))
    outbox.record(session, jobs)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(orm_execute_state) -> None:
    """``session.execute(update(Job)…)`` changes rows the unit of work never sees."""
    if not (orm_execute_state.is_update or orm_execute_state.is_delete):
        return
    mapper = orm_execute_state.bind_mapper
    if mapper is None or mapper.class_ not in (Job, Company):
        return
    statement = orm_execute_state.statement
    session = orm_execute_state.session
    where = statement.whereclause
    if mapper.class_ is Job:
        ids = session.connection().execute(
            sa.select(Job.id) if where is None else sa.select(Job.id).where(where)).scalars()
    else:
        companies = session.connection().execute(
            sa.select(Company.id) if where is None else sa.select(Company.id).where(where))
        ids = _jobs_of_companies(session, companies.scalars())
    outbox.record(session, list(ids))
