"""URL converters."""

from werkzeug.routing import IntegerConverter


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` limited to what a database integer column holds."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", 2_147_483_647)
        super().__init__(map, *args, **kwargs)
