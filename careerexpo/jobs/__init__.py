"""Roles: what they are, search, the role page, and employers' services for them."""
