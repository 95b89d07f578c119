"""The home page, the language switch and /healthz."""
