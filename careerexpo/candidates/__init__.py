"""Candidates' profiles and CVs."""
