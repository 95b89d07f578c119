"""Finding the expo a URL names, for views."""

from flask import abort
from flask_babel import gettext as _

from careerexpo.expos import services
from careerexpo.expos.models import Expo


def get_expo_or_404(slug: str) -> Expo:
    expo = services.find_expo(slug)
    if expo is None:
        abort(404, _("There is no such expo."))
    return expo
