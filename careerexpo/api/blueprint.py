"""The JSON API's blueprint, version 1, which every API view module hangs its views on.

``bp`` is a flask-smorest Blueprint: its views' schemas make the OpenAPI document
(``api/openapi.py`` assembles it); a plain ``@bp.get`` works as on any Flask blueprint.
"""

from flask_smorest import Blueprint

from careerexpo.api.parsing import ApiParser, InvalidInput, handle_invalid_input
from careerexpo.extensions import csrf

# The name under which the document describes employers' bearer tokens.
BEARER = "bearerAuth"

bp = Blueprint("api", __name__)
# Body and query schemas fail with a 400 naming the field, as the rest of the API does.
bp.ARGUMENTS_PARSER = ApiParser()
bp.register_error_handler(InvalidInput, handle_invalid_input)
# Employers' views go by a bearer token, which a forged cross-site request cannot carry;
# the meeting views, which go by the session, check the CSRF token themselves
# (api/meetings.py).
csrf.exempt(bp)
