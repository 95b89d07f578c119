"""Presentations a booth schedules, and candidates' registrations for them."""
