"""Several machines, one PostgreSQL database: each machine keeps its own index, fed from
the same outbox, and they agree; one that fell further behind than the outbox keeps
entries builds its index again."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
import sqlalchemy as sa

from careerexpo import create_app
from careerexpo.core.database import utcnow
from careerexpo.core.enums import JobState
from careerexpo.extensions import db
from careerexpo.jobs.search import JobQuery, search_jobs
from careerexpo.search import indexer, store
from careerexpo.search.engine import search_engine
from careerexpo.search.outbox import SearchOutbox
from tests.conftest import ON_POSTGRES

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="replicas on several machines share a PostgreSQL database; an SQLite file "
           "belongs to one machine (run with DATABASE_URL=postgresql://…)")


@contextmanager
def second_machine(app, tmp_path):
    """Another machine's app: the same database, an index directory of its own."""
    other = create_app("testing", SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
                       CV_FOLDER=str(tmp_path / "machine-b-cvs"),
                       SEARCH_INDEX_DIR=str(tmp_path / "machine-b-index"))
    try:
        yield other
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def seen_by(machine, q: str) -> list[str]:
    """What a search on ``machine`` finds once its poller has run."""
    with machine.app_context():
        search_engine().catch_up(wait=True)
        titles = sorted(job.title for job in search_jobs(JobQuery(q=q)).items)
        db.session.remove()
        return titles


def index_of(machine) -> tuple[str, int]:
    with machine.app_context():
        engine = search_engine()
        return store.current_name(engine.settings.directory), engine.searcher().num_docs


def test_an_update_and_a_delete_reach_every_machine(app, make, tmp_path):
    kept = make.job(title="Tidal Engineer")
    edited = make.job(title="Lidar Engineer")
    deleted = make.job(title="Lidar Technician")
    with second_machine(app, tmp_path) as other:
        assert seen_by(other, "lidar") == ["Lidar Engineer", "Lidar Technician"]
        built = index_of(other)[0]

        edited.title = "Radar Engineer"
        db.session.delete(deleted)
        db.session.commit()

        for machine in (app, other):
            assert seen_by(machine, "lidar") == []
            assert seen_by(machine, "radar") == ["Radar Engineer"]
            assert seen_by(machine, "tidal") == [kept.title]
            assert index_of(machine)[1] == 2
        # The second machine replayed the outbox into the index it had, not a new one.
        assert index_of(other)[0] == built


def test_a_machine_further_behind_than_the_outbox_keeps_builds_its_index_again(
        app, make, tmp_path):
    edited = make.job(title="Sonar Engineer")
    closed = make.job(title="Sonar Technician")
    with second_machine(app, tmp_path) as other:
        assert seen_by(other, "sonar") == ["Sonar Engineer", "Sonar Technician"]
        stale, _ = index_of(other)
        with other.app_context():  # the machine was off for two days
            settings = search_engine().settings
            store.write_state(settings.directory / stale,
                              caught_up_at=(utcnow() - timedelta(days=2)).timestamp())

        edited.title = "Hydrophone Engineer"
        closed.state = JobState.CLOSED
        db.session.commit()
        # Meanwhile the entries it missed grew old and were pruned.
        db.session.execute(sa.update(SearchOutbox).values(
            created_at=utcnow() - settings.retention - timedelta(hours=1)))
        db.session.commit()
        assert indexer.prune(settings, db.engine) > 0
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SearchOutbox)) == 0

        assert seen_by(other, "sonar") == []
        assert seen_by(other, "hydrophone") == ["Hydrophone Engineer"]
        name, documents = index_of(other)
        assert name != stale and documents == 1
        assert seen_by(app, "hydrophone") == ["Hydrophone Engineer"]
