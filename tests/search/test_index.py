"""The index follows the database: writes reach it, several processes share it, and
``flask reindex`` builds it again."""

import os
import subprocess
import sys
import textwrap
import time

import sqlalchemy as sa

from careerexpo.booths.models import Booth
from careerexpo.core.enums import JobState
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, search_jobs
from careerexpo.search import store
from careerexpo.search.engine import search_engine


def found(q="", **kw):
    return sorted(job.title for job in search_jobs(JobQuery(q=q, **kw)).items)


def indexed_documents() -> int:
    return search_engine().searcher().num_docs


def test_an_edit_replaces_the_role_in_the_index_and_never_duplicates_it(make):
    job = make.job(title="Lidar Engineer")
    make.job(title="Other Role")
    job.title = "Radar Engineer"
    db.session.commit()
    assert found("lidar") == []
    assert found("radar") == ["Radar Engineer"]
    assert indexed_documents() == 2


def test_closing_or_deleting_a_role_takes_it_out_at_once(make):
    closed = make.job(title="Sonar Engineer")
    deleted = make.job(title="Sonar Technician")
    closed.state = JobState.CLOSED
    db.session.commit()
    assert found("sonar") == ["Sonar Technician"]
    db.session.delete(deleted)
    db.session.commit()
    assert found("sonar") == []
    assert indexed_documents() == 0


def test_a_bulk_update_reaches_the_index(make):
    job = make.job(title="Welding Lead")
    db.session.execute(sa.update(Job).where(Job.id == job.id).values(title="Soldering Lead"))
    db.session.commit()
    assert found("soldering") == ["Soldering Lead"]


def test_renaming_a_company_and_moving_booths_reach_its_roles(make):
    company = make.company(name="Harbour Labs")
    make.job(title="Chemist", company=company)
    expo = make.expo()
    company.name = "Kowloon Labs"
    db.session.commit()
    assert found("kowloon") == ["Chemist"] and found("harbour") == []
    booth = Booth(expo=expo, company=company)
    db.session.add(booth)
    db.session.commit()
    assert found(expos=(expo.slug,)) == ["Chemist"]
    db.session.delete(booth)
    db.session.commit()
    assert found(expos=(expo.slug,)) == []


def test_a_rolled_back_change_leaves_the_index_as_it_was(make):
    job = make.job(title="Optics Engineer")
    job.title = "Acoustics Engineer"
    db.session.flush()
    db.session.rollback()
    assert found("optics") == ["Optics Engineer"] and found("acoustics") == []


def test_reindex_rebuilds_from_the_database_with_a_progress_bar(app, make, runner):
    make.job(title="Quantum Engineer")
    make.job(title="Quantum Physicist")
    before = store.current_name(search_engine().settings.directory)
    result = runner.invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert "roles indexed" in result.output and "2 roles indexed in" in result.output
    directory = search_engine().settings.directory
    assert store.current_name(directory) != before
    assert [p.name for p in directory.glob("index-*")] == [store.current_name(directory)]
    assert found("quantum") == ["Quantum Engineer", "Quantum Physicist"]


def test_an_index_too_far_behind_the_outbox_rebuilds(app, make):
    make.job(title="Hydrogen Engineer")
    engine = search_engine()
    path = engine.settings.directory / store.current_name(engine.settings.directory)
    store.write_state(path, caught_up_at=time.time() - 10 * 24 * 3600)
    engine.catch_up()
    assert store.current_name(engine.settings.directory) != path.name
    assert found("hydrogen") == ["Hydrogen Engineer"]


OTHER_PROCESS = textwrap.dedent("""
    import sys
    from careerexpo import create_app
    from careerexpo.core.database import utcnow
    from careerexpo.extensions import db
    from careerexpo.jobs.models import Job
    from careerexpo.jobs.search import JobQuery, search_jobs

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=sys.argv[1], SEARCH_INDEX_DIR=sys.argv[2])
    with app.app_context():
        # What this process sees of the role the first one published.
        print(search_jobs(JobQuery(q="tidal")).total)
        db.session.add(Job(company_id=int(sys.argv[3]), title="Geothermal Engineer",
                           description="Heat.", level="entry", degree="bachelor",
                           region="hong_kong", area="sustainability", function="technology",
                           employment_type="full_time", open_to_overseas=False, state="open",
                           posted_at=utcnow()))
        db.session.commit()
        db.engine.dispose()
""")


def test_two_processes_share_one_index(app, make):
    company = make.company()
    make.job(title="Tidal Engineer", company=company)
    env = {k: v for k, v in os.environ.items() if k != "FLASK_APP"}
    done = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, app.config["SQLALCHEMY_DATABASE_URI"],
         app.config["SEARCH_INDEX_DIR"], str(company.id)],
        env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1"]
    # Published and indexed by the other process; found here without anything else.
    assert found("geothermal") == ["Geothermal Engineer"]
    directory = search_engine().settings.directory
    assert len(list(directory.glob("index-*"))) == 1
