"""Codes of ethics: versions, Dos & Don'ts, audiences, and every person's acknowledgment of each version."""
