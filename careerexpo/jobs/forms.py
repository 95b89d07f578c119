
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from careerexpo.core.countries import CITY_LENGTH, REGION_COUNTRIES, country_choices
from careerexpo.core.enums import Area, Degree, EmploymentType, Function, Level, Region
from careerexpo.core.forms import OptionalSelectField, choices
from careerexpo.core.hktime import end_of_day_hk, to_hk, today_hk

SALARY = [Optional(), NumberRange(min=0, max=10_000_000,
                                  message=_l("Give a monthly amount from 0 to 10,000,000."))]


def _enum_select(label, enum_cls):
    """A required choice that starts on "Choose…", so nothing is published by default."""
    return SelectField(label, choices=choices([("", _l("Choose…")), *enum_cls.choices()]),
                       validators=[DataRequired(message=_l("Choose one."))])


class JobForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"),
                                validators=[DataRequired(), Length(max=20_000)])
    level = _enum_select(_l("Level"), Level)
    degree = _enum_select(_l("Minimum degree"), Degree)
    region = _enum_select(_l("Based in"), Region)
    area = _enum_select(_l("Area"), Area)
    function = _enum_select(_l("Function"), Function)
    employment_type = _enum_select(_l("Employment type"), EmploymentType)
    country = OptionalSelectField(_l("Country"))
    city = StringField(_l("City"), validators=[Optional(), Length(max=CITY_LENGTH)])
    open_to_overseas = BooleanField(_l("Open to overseas and Greater Bay Area talent"))
    salary_min = IntegerField(_l("Monthly salary from (HKD)"), validators=SALARY)
    salary_max = IntegerField(_l("Monthly salary to (HKD)"), validators=SALARY)
    closes_on = DateField(_l("Applications close on"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names are in the page's language, so the list is made per form.
        self.country.choices = choices([("", _l("Choose…")), *country_choices()])

    def validate_country(self, field):
        region = self.region.data
        expected = REGION_COUNTRIES.get(region)
        if region == Region.OVERSEAS and field.data in ("", None, "HK"):
            raise ValidationError(_l("Choose the country an overseas role is based in "
                                     "(outside Hong Kong)."))
        if expected and field.data and field.data != expected:
            raise ValidationError(_l("A role in this region is based in %(country)s.",
                                     country=expected))

    def validate_salary_max(self, field):
        low = self.salary_min.data
        if field.data is not None and low is not None and low > field.data:
            raise ValidationError(_l("The upper end is below the lower end."))

    def validate_closes_on(self, field):
        if field.data is not None and field.data < today_hk():
            raise ValidationError(_l("The closing date is in the past."))

    def job_fields(self) -> dict:
        """The form's values in the shape ``jobs.services`` takes."""
        return {
            "title": self.title.data.strip(),
            "description": self.description.data.strip(),
            "level": self.level.data,
            "degree": self.degree.data,
            "region": self.region.data,
            "area": self.area.data,
            "function": self.function.data,
            "employment_type": self.employment_type.data,
            "country": self.country.data or None,
            "city": (self.city.data or "").strip() or None,
            "open_to_overseas": bool(self.open_to_overseas.data),
            "salary_min": self.salary_min.data,
            "salary_max": self.salary_max.data,
            "closes_at": end_of_day_hk(self.closes_on.data) if self.closes_on.data else None,
        }

    @classmethod
    def for_job(cls, job):
        form = cls(obj=job)
        if job.closes_at and not form.is_submitted():
            form.closes_on.data = to_hk(job.closes_at).date()
        return form
