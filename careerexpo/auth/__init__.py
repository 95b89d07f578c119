"""Accounts: registration, sign-in and sign-out, the signed-in user, colleagues."""
