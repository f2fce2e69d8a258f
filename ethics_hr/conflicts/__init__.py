"""Conflict-of-interest declarations: what a person declares, and the review of it."""
