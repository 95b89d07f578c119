"""Finding the booth a URL names, for views."""

from flask import abort
from flask_babel import gettext as _

from careerexpo.booths import services
from careerexpo.booths.models import Booth
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.expos.models import Expo


def get_booth_or_404(slug: str, booth_id: int) -> tuple[Expo, Booth]:
    """The expo ``slug`` and its booth ``booth_id``.

    :raise 404: when there is no such expo, or the booth is at another expo.
    """
    expo = get_expo_or_404(slug)
    booth = services.get_booth(expo, booth_id)
    if booth is None:
        abort(404, _("There is no such booth."))
    return expo, booth
