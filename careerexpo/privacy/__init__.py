"""A person's own data (Hong Kong's PDPO, the GDPR): what CareerExpo keeps and why, the
consents they give and withdraw, a copy of everything, deleting the account, and
removing what unsuccessful applications no longer need."""
