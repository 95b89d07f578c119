"""Live chat over Socket.IO (namespace ``/chat``); the protocol is DOMAIN.md's."""
