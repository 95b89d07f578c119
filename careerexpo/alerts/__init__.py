"""Job alerts: saved searches, their page, the emails and the send-alerts command."""
