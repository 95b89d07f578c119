from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from careerexpo.core.enums import Area, Degree, Function, Level, Region
from careerexpo.core.forms import choices


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ProfileForm(FlaskForm):
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    headline = StringField(_l("Headline"), validators=[Optional(), Length(max=200)])
    skills = TextAreaField(_l("Skills"), validators=[Optional(), Length(max=2000)])
    highest_degree = SelectField(_l("Highest degree"),
                                 choices=choices([("", _l("Prefer not to say")),
                                                  *Degree.choices()]),
                                 validators=[Optional()])
    preferred_regions = MultiCheckboxField(_l("Where you would like to work"),
                                           choices=choices(Region.choices()),
                                           validators=[Optional()])
    wanted_levels = MultiCheckboxField(_l("Levels you are looking for"),
                                       choices=choices(Level.choices()), validators=[Optional()])
    wanted_areas = MultiCheckboxField(_l("Areas that interest you"),
                                      choices=choices(Area.choices()), validators=[Optional()])
    wanted_functions = MultiCheckboxField(_l("Kinds of work you want"),
                                          choices=choices(Function.choices()),
                                          validators=[Optional()])
    cv_file = FileField(_l("CV (PDF, at most 5 MB)"),
                        validators=[FileAllowed(["pdf"], _l("The CV must be a PDF."))])
