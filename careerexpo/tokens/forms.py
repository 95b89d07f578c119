from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.validators import DataRequired, Length

from careerexpo.core.forms import choices
from careerexpo.tokens.models import TokenScope


def strip(value):
    return value.strip() if isinstance(value, str) else value


class TokenForm(FlaskForm):
    name = StringField(_l("Name"), filters=[strip], validators=[DataRequired(), Length(max=80)])
    scope = RadioField(_l("Access"), choices=choices(TokenScope.choices()),
                       default=TokenScope.READ.value, validators=[DataRequired()])
