from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional


class ExpoForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    slug = StringField(_l("Web address"), validators=[DataRequired(), Length(max=80)])
    starts_on = DateField(_l("First day"), validators=[DataRequired()])
    ends_on = DateField(_l("Last day"), validators=[DataRequired()])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=10_000)])
    matchmaking_starts_on = DateField(_l("Meetings from"), validators=[Optional()])
    matchmaking_ends_on = DateField(_l("Meetings until"), validators=[Optional()])
