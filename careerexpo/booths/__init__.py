"""Booths: the hall, a booth's page and settings, its staff, visits and images, and the
staff console."""
