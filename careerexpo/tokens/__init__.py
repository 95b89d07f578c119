"""Employers' API tokens and their page."""
