"""Outgoing email: every automatic email is queued in the database with the change
that caused it, then delivered, retried and forgotten (``outbox.py``, ``delivery.py``)."""
