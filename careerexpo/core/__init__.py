"""Pieces every feature shares: enums, database types, errors, templating."""
