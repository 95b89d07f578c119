from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from careerexpo.core.enums import ApplicationStatus
from careerexpo.core.forms import choices


class ApplyForm(FlaskForm):
    cover_note = TextAreaField(_l("Cover note"), validators=[Length(max=5000)])
    cv_choice = RadioField(
        _l("CV"),
        choices=choices([("profile", _l("Send the CV on my profile")),
                         ("upload", _l("Upload a CV"))]),
        default="profile",
    )
    cv_file = FileField(_l("CV file (PDF, at most 5 MB)"),
                        validators=[FileAllowed(["pdf"], _l("The CV must be a PDF."))])

    def validate_cv_file(self, field):
        if self.cv_choice.data == "upload" and not field.data:
            raise ValidationError(_l("Choose a PDF file to upload."))

    def upload(self) -> tuple[str, bytes] | None:
        """The uploaded CV as ``(filename, data)``, if the candidate chose to upload one."""
        if self.cv_choice.data != "upload":
            return None
        return self.cv_file.data.filename, self.cv_file.data.read()


class MoveForm(FlaskForm):
    status = SelectField(_l("Move to"), validators=[DataRequired()])

    def __init__(self, *args, allowed: list[ApplicationStatus] = (),
                 current: ApplicationStatus | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choices((s.value, s.label) for s in allowed)
        if not self.is_submitted() and current is not None:
            # The next step forward is offered first; going back or rejecting is a choice.
            order = list(ApplicationStatus)
            forward = [s for s in allowed if order.index(s) > order.index(current)
                       and s not in (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)]
            self.status.data = (forward or allowed or [None])[0]


class NoteForm(FlaskForm):
    body = TextAreaField(_l("Private note"), validators=[DataRequired(), Length(max=5000)])
