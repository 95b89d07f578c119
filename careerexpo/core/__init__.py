"""Pieces every feature shares: enums, database types, errors, query arguments, CSV,
formatting, caching, pagination."""
