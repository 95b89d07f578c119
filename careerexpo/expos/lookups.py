"""Finding the expo a URL names, for views."""

from flask import abort

from careerexpo.expos import catalogue
from careerexpo.expos.models import Expo


def get_expo_or_404(slug: str) -> Expo:
    expo = catalogue.find_expo(slug)
    if expo is None:
        abort(404)
    return expo
