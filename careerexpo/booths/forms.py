from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import IntegerField, StringField, TextAreaField, TimeField, URLField
from wtforms.validators import URL, Length, NumberRange, Optional, ValidationError

from careerexpo.candidates.forms import MultiCheckboxField

IMAGES = FileAllowed(["png", "jpg", "jpeg", "webp", "gif"], _l("Upload an image file."))


class BoothForm(FlaskForm):
    tagline = StringField(_l("Tagline"), validators=[Optional(), Length(max=200)])
    story = TextAreaField(_l("Your story"), validators=[Optional(), Length(max=10_000)])
    video_url = URLField(_l("Video link"), validators=[Optional(), URL(), Length(max=500)])
    logo = FileField(_l("Logo"), validators=[IMAGES])
    banner = FileField(_l("Banner"), validators=[IMAGES])
    staff = MultiCheckboxField(_l("Colleagues who staff the booth"), coerce=int,
                               validators=[Optional()])
    chat_opens = TimeField(_l("Chat opens at (Hong Kong time)"), validators=[Optional()])
    chat_closes = TimeField(_l("Chat closes at (Hong Kong time)"), validators=[Optional()])

    def validate_video_url(self, field):
        if field.data and not field.data.startswith("https://"):
            raise ValidationError(_l("Use an https:// link."))


class ChatLimitForm(FlaskForm):
    max_chats = IntegerField(_l("Private chats I take at once"),
                             validators=[NumberRange(min=1, max=20)])
