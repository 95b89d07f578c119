"""What the applications package tells the features above it, which it does not know."""

from blinker import Namespace

_signals = Namespace()

# Sent inside the transaction that adds an application, before its commit, with
# ``candidate_id`` and ``job``: what receivers write is committed, or not, with it.
application_submitted = _signals.signal("application-submitted")
