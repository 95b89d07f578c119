"""What the accounts package tells the features above it, which it does not know."""

from blinker import Namespace

_signals = Namespace()

# Sent after sign-ins were ended (signed out, everywhere, or by a new password), with
# ``login_ids``: the ids of those sign-ins, as the chat names the sockets opened under them.
sign_ins_ended = _signals.signal("sign-ins-ended")
