from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField
from wtforms.validators import DataRequired

from careerexpo.privacy.models import ConsentKind


class ConsentForm(FlaskForm):
    chat_cv_sharing = BooleanField(ConsentKind.CHAT_CV_SHARING.lazy_label)
    matchmaking = BooleanField(ConsentKind.MATCHMAKING.lazy_label)


class DeleteAccountForm(FlaskForm):
    password = PasswordField(_l("Your password, to confirm"), validators=[DataRequired()])
