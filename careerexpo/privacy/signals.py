"""What the privacy package asks of the features above it, which it does not know."""

from blinker import Namespace

_signals = Namespace()

# Sent inside the transaction that erases an account, before its commit, with ``user``:
# each receiver removes what its feature keeps about them.
account_erasing = _signals.signal("account-erasing")
# Sent while exporting an account, with ``user``: each receiver returns a dict of sections
# to add to the export.
account_exporting = _signals.signal("account-exporting")
