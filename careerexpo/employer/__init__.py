from flask import Blueprint

bp = Blueprint("employer", __name__)

from careerexpo.employer import pipeline, routes  # noqa: E402,F401
