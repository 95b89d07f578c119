from flask import Blueprint

bp = Blueprint("applications", __name__)

from careerexpo.applications import routes  # noqa: E402,F401
