from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, RadioField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from careerexpo.meetings.models import MAX_MINUTES, MIN_MINUTES
from careerexpo.meetings.services import NOTE_MAX
from careerexpo.meetings.slots import MAX_COUNT


class SlotForm(FlaskForm):
    day = DateField(_l("Day"), validators=[DataRequired()])
    start = TimeField(_l("First slot starts at (Hong Kong time)"), validators=[DataRequired()])
    duration_minutes = IntegerField(
        _l("Minutes each"), default=20,
        validators=[InputRequired(), NumberRange(min=MIN_MINUTES, max=MAX_MINUTES)])
    count = IntegerField(_l("Slots back to back"), default=1,
                         validators=[InputRequired(), NumberRange(min=1, max=MAX_COUNT)])


class RequestForm(FlaskForm):
    slot_id = RadioField(_l("Time"), coerce=int, validators=[InputRequired()])
    note = TextAreaField(_l("A short note to the staff"),
                         validators=[Optional(), Length(max=NOTE_MAX)])
    share_profile = BooleanField(_l("Let the staff see my profile and CV"))


class DeclineForm(FlaskForm):
    reason = TextAreaField(_l("Why you decline"),
                           validators=[DataRequired(), Length(max=NOTE_MAX)])


class CancelForm(FlaskForm):
    reason = TextAreaField(_l("Reason (optional)"), validators=[Optional(), Length(max=NOTE_MAX)])
