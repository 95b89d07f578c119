from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, StringField, TextAreaField, TimeField, URLField
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional


class PresentationForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    abstract = TextAreaField(_l("Abstract"), validators=[Optional(), Length(max=5000)])
    day = DateField(_l("Day"), validators=[DataRequired()])
    start = TimeField(_l("Starts at (Hong Kong time)"), validators=[DataRequired()])
    duration_minutes = IntegerField(_l("Length in minutes"), default=30,
                                    validators=[DataRequired(), NumberRange(min=5, max=480)])
    stream_url = URLField(_l("Stream or video link"),
                          validators=[Optional(), URL(), Length(max=500)])
    recording_url = URLField(_l("Recording link (after the talk)"),
                             validators=[Optional(), URL(), Length(max=500)])
