"""Expos: what they are, finding one, the list, creating and editing them."""
