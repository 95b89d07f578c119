from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import DataRequired, Length, ValidationError

from careerexpo.alerts.models import AlertFrequency
from careerexpo.alerts.services import MAX_QUERY_LENGTH
from careerexpo.core.errors import BadParameter
from careerexpo.core.forms import choices
from careerexpo.feeds.searches import query_from_string


def _frequency():
    return SelectField(_l("Email me"), choices=choices(AlertFrequency.choices()),
                       default=AlertFrequency.DAILY.value, validators=[DataRequired()])


class FrequencyForm(FlaskForm):
    frequency = _frequency()


class AlertForm(FlaskForm):
    """Saves a /jobs search: ``query`` is its query string, read as /jobs reads it."""

    query = HiddenField(validators=[Length(max=MAX_QUERY_LENGTH)])
    frequency = _frequency()

    def validate_query(self, field):
        try:
            self.search = query_from_string(field.data or "")
        except BadParameter as exc:
            raise ValidationError(exc.message) from None
