from flask import Blueprint

bp = Blueprint("api", __name__)

from careerexpo.api import expos, routes  # noqa: E402,F401
