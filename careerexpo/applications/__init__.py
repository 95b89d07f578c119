"""Applying, withdrawing, the employer's pipeline, notes and saved roles."""
