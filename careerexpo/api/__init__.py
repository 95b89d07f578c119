"""The JSON API, version 1 (``/api/v1``), documented by the OpenAPI document at
``/api/openapi.json``: public roles and expos, and the employer token API."""
