"""Codes of ethics: versions, Dos & Don'ts, audiences, and every person's acknowledgment of each version.

How acknowledgments carry over across minor versions
----------------------------------------------------
Versions of a code are numbered 1, 2, 3... (one draft at a time, so numbers follow publication order).
When a version is published, it stores `ack_basis_id`:

- a major version: its own id (it opens a new chain: everyone must acknowledge it);
- a minor version (a correction): the `ack_basis_id` of the version in force it replaces.

A person has acknowledged version V when they have an acknowledgment of any version A with
A.ack_basis_id = V.ack_basis_id and A.number <= V.number. The acknowledgment row itself always names the
version that was really shown, with that version's SHA-256, so the evidence stays exact; only the
question "is this person done?" looks along the chain. Because the chain is a column, "who has acknowledged
V" is one indexed condition, and the compliance page stays a single grouped SQL query (see `audience.py`
and `compliance.py`). A major version after a minor one starts afresh; a withdrawn version never joins a chain
again (a minor change needs a version in force to correct).
"""
