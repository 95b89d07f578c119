"""The search engine: an embedded tantivy index of listed roles, fed from an outbox."""
