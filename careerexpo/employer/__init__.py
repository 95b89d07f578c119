"""Employers' pages: their roles, their applicants and colleagues."""
