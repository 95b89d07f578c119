"""Virtual expo: booth pages and staff, visits, presentations, live chat.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 19:00:46.158259

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('booth_staff',
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('max_chats', sa.Integer(), server_default='3', nullable=False),
    sa.CheckConstraint('max_chats BETWEEN 1 AND 20', name=op.f('ck_booth_staff_max_chats_range')),
    sa.ForeignKeyConstraint(['booth_id'], ['booths.id'], name=op.f('fk_booth_staff_booth_id_booths'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_booth_staff_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('booth_id', 'user_id', name=op.f('pk_booth_staff'))
    )
    with op.batch_alter_table('booth_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booth_staff_user_id'), ['user_id'], unique=False)

    op.create_table('booth_visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('visitor', sa.String(length=40), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('visited_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['booth_id'], ['booths.id'], name=op.f('fk_booth_visits_booth_id_booths'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booth_visits')),
    sa.UniqueConstraint('booth_id', 'visitor', 'day', name='uq_booth_visits_once_a_day')
    )
    with op.batch_alter_table('booth_visits', schema=None) as batch_op:
        batch_op.create_index('ix_booth_visits_booth_day', ['booth_id', 'day'], unique=False)

    op.create_table('chat_mutes',
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('muted_by_id', sa.Integer(), nullable=False),
    sa.Column('muted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['booth_id'], ['booths.id'], name=op.f('fk_chat_mutes_booth_id_booths'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['muted_by_id'], ['users.id'], name=op.f('fk_chat_mutes_muted_by_id_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_chat_mutes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('booth_id', 'user_id', name=op.f('pk_chat_mutes'))
    )
    op.create_table('chat_rooms',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['booth_id'], ['booths.id'], name=op.f('fk_chat_rooms_booth_id_booths'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_chat_rooms'))
    )
    op.create_table('conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('waiting', 'active', 'closed', name='conversationstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('share_profile', sa.Boolean(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accepted_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['accepted_by_id'], ['users.id'], name=op.f('fk_conversations_accepted_by_id_users')),
    sa.ForeignKeyConstraint(['booth_id'], ['booths.id'], name=op.f('fk_conversations_booth_id_booths'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['candidate_id'], ['users.id'], name=op.f('fk_conversations_candidate_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversations'))
    )
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.create_index('ix_conversations_booth_status', ['booth_id', 'status', 'requested_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversations_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('presentations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('abstract', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('stream_url', sa.String(length=500), nullable=False),
    sa.Column('recording_url', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('duration_minutes BETWEEN 5 AND 480', name=op.f('ck_presentations_duration_range')),
    sa.ForeignKeyConstraint(['booth_id'], ['booths.id'], name=op.f('fk_presentations_booth_id_booths'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_presentations'))
    )
    with op.batch_alter_table('presentations', schema=None) as batch_op:
        batch_op.create_index('ix_presentations_booth_starts', ['booth_id', 'starts_at'], unique=False)

    op.create_table('chat_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room', sa.String(length=40), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('client_id', sa.String(length=64), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['deleted_by_id'], ['users.id'], name=op.f('fk_chat_messages_deleted_by_id_users')),
    sa.ForeignKeyConstraint(['room'], ['chat_rooms.name'], name=op.f('fk_chat_messages_room_chat_rooms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sender_id'], ['users.id'], name=op.f('fk_chat_messages_sender_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_messages')),
    sa.UniqueConstraint('sender_id', 'client_id', name='uq_chat_messages_sender_client')
    )
    with op.batch_alter_table('chat_messages', schema=None) as batch_op:
        batch_op.create_index('ix_chat_messages_room_id', ['room', 'id'], unique=False)

    op.create_table('presentation_registrations',
    sa.Column('presentation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['presentation_id'], ['presentations.id'], name=op.f('fk_presentation_registrations_presentation_id_presentations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_presentation_registrations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('presentation_id', 'user_id', name=op.f('pk_presentation_registrations'))
    )
    with op.batch_alter_table('presentation_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_presentation_registrations_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('booths', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tagline', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('story', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('video_url', sa.String(length=500), server_default='', nullable=False))
        batch_op.add_column(sa.Column('logo_name', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('banner_name', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('chat_opens', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('chat_closes', sa.Time(), nullable=True))



def downgrade():
    with op.batch_alter_table('booths', schema=None) as batch_op:
        batch_op.drop_column('chat_closes')
        batch_op.drop_column('chat_opens')
        batch_op.drop_column('banner_name')
        batch_op.drop_column('logo_name')
        batch_op.drop_column('video_url')
        batch_op.drop_column('story')
        batch_op.drop_column('tagline')

    with op.batch_alter_table('presentation_registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_presentation_registrations_user_id'))

    op.drop_table('presentation_registrations')
    with op.batch_alter_table('chat_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_chat_messages_room_id')

    op.drop_table('chat_messages')
    with op.batch_alter_table('presentations', schema=None) as batch_op:
        batch_op.drop_index('ix_presentations_booth_starts')

    op.drop_table('presentations')
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversations_candidate_id'))
        batch_op.drop_index('ix_conversations_booth_status')

    op.drop_table('conversations')
    op.drop_table('chat_rooms')
    op.drop_table('chat_mutes')
    with op.batch_alter_table('booth_visits', schema=None) as batch_op:
        batch_op.drop_index('ix_booth_visits_booth_day')

    op.drop_table('booth_visits')
    with op.batch_alter_table('booth_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_booth_staff_user_id'))

    op.drop_table('booth_staff')
