"""Job board: users, companies, jobs with their full-text index, applications, expos.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 18:25:32.840335

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


# The full-text index of jobs (see careerexpo/jobs/search_index.py): an FTS5
# table on SQLite, a tsvector with a GIN index on PostgreSQL.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE job_fts USING fts5("
    "title, description, company, tokenize = 'unicode61 remove_diacritics 2')"
)
POSTGRES_SEARCH = [
    "CREATE TABLE job_search ("
    " job_id INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,"
    " document TSVECTOR NOT NULL)",
    "CREATE INDEX ix_job_search_document ON job_search USING GIN (document)",
]


def create_search_index():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_FTS)
    else:
        for statement in POSTGRES_SEARCH:
            op.execute(statement)


def drop_search_index():
    op.execute("DROP TABLE IF EXISTS job_fts" if op.get_bind().dialect.name == "sqlite"
               else "DROP TABLE IF EXISTS job_search")


def upgrade():
    op.create_table('companies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('website', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('programme', sa.Enum('innohk', 'innopark', name='programme', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_companies')),
    sa.UniqueConstraint('name', name=op.f('uq_companies_name'))
    )
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_companies_programme'), ['programme'], unique=False)

    op.create_table('expos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('starts_on <= ends_on', name=op.f('ck_expos_dates_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expos')),
    sa.UniqueConstraint('slug', name=op.f('uq_expos_slug'))
    )
    op.create_table('booths',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('expo_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_booths_company_id_companies')),
    sa.ForeignKeyConstraint(['expo_id'], ['expos.id'], name=op.f('fk_booths_expo_id_expos'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booths')),
    sa.UniqueConstraint('expo_id', 'company_id', name='uq_booths_expo_company')
    )
    with op.batch_alter_table('booths', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booths_company_id'), ['company_id'], unique=False)

    op.create_table('company_offices',
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('region', sa.Enum('hong_kong', 'gba', 'overseas', 'remote', name='region', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_company_offices_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('company_id', 'region', name=op.f('pk_company_offices'))
    )
    op.create_table('jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('level', sa.Enum('entry', 'middle', 'senior', 'executive', name='level', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('degree', sa.Enum('none', 'sub_degree', 'bachelor', 'master', 'doctorate', name='degree', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('region', sa.Enum('hong_kong', 'gba', 'overseas', 'remote', name='region', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('area', sa.Enum('ai_data_analytics', 'biotech', 'electronics_sensors', 'software_communications', 'fintech', 'robotics_automation', 'microelectronics', 'new_materials', 'healthtech_medtech', 'smart_city', 'sustainability', 'other', name='area', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('function', sa.Enum('technology', 'research_development', 'business', 'operations', 'other', name='function', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('employment_type', sa.Enum('full_time', 'part_time', 'contract', 'internship', 'graduate_programme', name='employmenttype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('open_to_overseas', sa.Boolean(), nullable=False),
    sa.Column('salary_min', sa.Integer(), nullable=True),
    sa.Column('salary_max', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('draft', 'open', 'closed', name='jobstate', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max', name=op.f('ck_jobs_salary_range')),
    sa.CheckConstraint('salary_min IS NULL OR salary_min >= 0', name=op.f('ck_jobs_salary_min_positive')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_jobs_company_id_companies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs'))
    )
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.create_index('ix_jobs_area', ['area'], unique=False)
        batch_op.create_index('ix_jobs_company_state', ['company_id', 'state'], unique=False)
        batch_op.create_index('ix_jobs_degree', ['degree'], unique=False)
        batch_op.create_index('ix_jobs_employment_type', ['employment_type'], unique=False)
        batch_op.create_index('ix_jobs_function', ['function'], unique=False)
        batch_op.create_index('ix_jobs_level', ['level'], unique=False)
        batch_op.create_index('ix_jobs_region', ['region'], unique=False)
        batch_op.create_index('ix_jobs_state_posted', ['state', 'posted_at'], unique=False)
        batch_op.create_index('ix_jobs_state_salary', ['state', 'salary_max'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('candidate', 'employer', 'organiser', name='role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(role = 'employer') = (company_id IS NOT NULL)", name=op.f('ck_users_employer_has_company')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_users_company_id_companies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_company_id'), ['company_id'], unique=False)

    op.create_table('cv_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_cv_documents_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cv_documents')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_cv_documents_stored_name'))
    )
    with op.batch_alter_table('cv_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cv_documents_owner_id'), ['owner_id'], unique=False)

    op.create_table('saved_jobs',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_saved_jobs_job_id_jobs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_saved_jobs_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'job_id', name=op.f('pk_saved_jobs'))
    )
    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('cv_id', sa.Integer(), nullable=True),
    sa.Column('cover_note', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('submitted', 'reviewing', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', name='applicationstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['users.id'], name=op.f('fk_applications_candidate_id_users')),
    sa.ForeignKeyConstraint(['cv_id'], ['cv_documents.id'], name=op.f('fk_applications_cv_id_cv_documents')),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_applications_job_id_jobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('job_id', 'candidate_id', name='uq_applications_job_candidate')
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_applications_job_status', ['job_id', 'status'], unique=False)

    op.create_table('candidate_profiles',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('headline', sa.String(length=200), nullable=False),
    sa.Column('skills', sa.Text(), nullable=False),
    sa.Column('highest_degree', sa.Enum('none', 'sub_degree', 'bachelor', 'master', 'doctorate', name='degree', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('preferred_regions', sa.String(length=100), nullable=False),
    sa.Column('cv_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cv_id'], ['cv_documents.id'], name=op.f('fk_candidate_profiles_cv_id_cv_documents')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_candidate_profiles_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_candidate_profiles'))
    )
    op.create_table('application_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('submitted', 'reviewing', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', name='applicationstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_application_events_actor_id_users')),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_events_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_events'))
    )
    with op.batch_alter_table('application_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_events_application_id'), ['application_id'], unique=False)

    op.create_table('application_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_notes_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_application_notes_author_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_notes'))
    )
    with op.batch_alter_table('application_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_notes_application_id'), ['application_id'], unique=False)
    create_search_index()


def downgrade():
    drop_search_index()
    with op.batch_alter_table('application_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_notes_application_id'))

    op.drop_table('application_notes')
    with op.batch_alter_table('application_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_events_application_id'))

    op.drop_table('application_events')
    op.drop_table('candidate_profiles')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_job_status')
        batch_op.drop_index(batch_op.f('ix_applications_created_at'))
        batch_op.drop_index(batch_op.f('ix_applications_candidate_id'))

    op.drop_table('applications')
    op.drop_table('saved_jobs')
    with op.batch_alter_table('cv_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cv_documents_owner_id'))

    op.drop_table('cv_documents')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_company_id'))

    op.drop_table('users')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_jobs_state_salary')
        batch_op.drop_index('ix_jobs_state_posted')
        batch_op.drop_index('ix_jobs_region')
        batch_op.drop_index('ix_jobs_level')
        batch_op.drop_index('ix_jobs_function')
        batch_op.drop_index('ix_jobs_employment_type')
        batch_op.drop_index('ix_jobs_degree')
        batch_op.drop_index('ix_jobs_company_state')
        batch_op.drop_index('ix_jobs_area')

    op.drop_table('jobs')
    op.drop_table('company_offices')
    with op.batch_alter_table('booths', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_booths_company_id'))

    op.drop_table('booths')
    op.drop_table('expos')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_companies_programme'))

    op.drop_table('companies')
