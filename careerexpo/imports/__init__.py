"""Bulk import of an expo from CSV (``flask import-expo``): reading and checking the
files, then writing everything in one transaction."""
