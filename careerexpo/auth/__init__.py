"""Accounts: registration, sign-in and sign-out with sign-ins kept on the server, the
signed-in user, passwords and their reset, colleagues."""
