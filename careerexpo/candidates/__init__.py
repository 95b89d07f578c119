from flask import Blueprint

bp = Blueprint("candidates", __name__)

from careerexpo.candidates import routes  # noqa: E402,F401
