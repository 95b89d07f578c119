from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField, URLField
from wtforms.validators import URL, DataRequired, Email, EqualTo, Length, ValidationError

from careerexpo.auth import passwords, services
from careerexpo.core.enums import Role
from careerexpo.core.forms import choices


def strip(value):
    return value.strip() if isinstance(value, str) else value


def acceptable_password(form, field) -> None:
    """The one password rule (``passwords.password_problem``), told the form's email and
    name (or, for a signed-in person, theirs) so a password cannot lean on them."""
    personal = tuple(getattr(form, name).data or "" for name in ("email", "name")
                     if hasattr(form, name)) + getattr(form, "personal", ())
    problem = passwords.password_problem(field.data, personal)
    if problem:
        raise ValidationError(problem)


PASSWORD_RULES = [DataRequired(), acceptable_password]


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), filters=[strip], validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me signed in on this device"))

    def validate(self, extra_validators=None) -> bool:
        """Checks the password too, so the view only signs ``self.user`` in."""
        if not super().validate(extra_validators):
            return False
        self.user = services.authenticate(self.email.data, self.password.data)
        if self.user is None:
            self.form_errors.append(_l("The email or password is not right."))
            return False
        return True


class RegisterForm(FlaskForm):
    role = RadioField(
        _l("I am"),
        choices=choices([(Role.CANDIDATE.value, _l("looking for a job")),
                         (Role.EMPLOYER.value, _l("hiring for my company"))]),
        default=Role.CANDIDATE.value,
        validators=[DataRequired()],
    )
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), filters=[strip],
                       validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=PASSWORD_RULES)
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )
    # For employers only: a job seeker's are ignored, whatever the browser sent (the page
    # hides them, but a page without scripts shows them to everyone).
    company_name = StringField(_l("Company name"), validators=[Length(max=200)])
    company_website = URLField(_l("Company website"), validators=[Length(max=500)])

    def is_employer(self) -> bool:
        return self.role.data == Role.EMPLOYER.value

    def validate_company_website(self, field):
        if not self.is_employer():
            field.data = ""
            return
        if (field.data or "").strip():
            URL(message=_l("Give the full address, starting with https://."))(self, field)

    # No check that the email is free: the answer would tell anyone whether an address
    # has an account. registration.py deals with a taken one by email instead.

    def validate_company_name(self, field):
        if not self.is_employer():
            field.data = ""
            return
        if not (field.data or "").strip():
            raise ValidationError(_l("Employers register together with their company."))
        if services.company_name_taken(field.data):
            raise ValidationError(
                _l("This company is registered; ask a colleague there to add you."))


class ColleagueForm(FlaskForm):
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), filters=[strip],
                       validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(_l("First password"), validators=PASSWORD_RULES)

    def validate_email(self, field):
        if services.email_taken(field.data):
            raise ValidationError(_l("An account with this email exists."))


def _repeat(field_name: str = "password"):
    return PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo(field_name, message=_l("The passwords differ."))])


class ChangePasswordForm(FlaskForm):
    """Asks for the current password too: a session left open is not enough to take over
    the account."""

    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = PasswordField(_l("New password"), validators=PASSWORD_RULES)
    confirm = _repeat()

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.personal = (user.email, user.name)

    def validate_current(self, field):
        if not self.user.check_password(field.data or ""):
            raise ValidationError(_l("That is not your current password."))


class ResetRequestForm(FlaskForm):
    email = EmailField(_l("Email"), filters=[strip],
                       validators=[DataRequired(), Email(), Length(max=254)])


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=PASSWORD_RULES)
    confirm = _repeat()

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal = (user.email, user.name)
