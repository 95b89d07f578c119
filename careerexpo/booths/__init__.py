from flask import Blueprint

bp = Blueprint("booths", __name__)

from careerexpo.booths import actions, routes  # noqa: E402,F401
