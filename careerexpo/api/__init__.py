"""The JSON API, version 1, documented by the OpenAPI document at /api/openapi.json.

``bp`` is a flask-smorest Blueprint: its routes' schemas make the document; a plain
``@bp.get`` route works as on any Flask blueprint.
"""

from flask_smorest import Blueprint

from careerexpo.api.parsing import ApiParser, InvalidInput, handle_invalid_input

bp = Blueprint("api", __name__)
# Body and query schemas fail with a 400 naming the field, as the rest of the API does.
bp.ARGUMENTS_PARSER = ApiParser()
bp.register_error_handler(InvalidInput, handle_invalid_input)

from careerexpo.api import employer, expos, routes  # noqa: E402,F401
