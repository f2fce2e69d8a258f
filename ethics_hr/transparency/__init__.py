"""The public evidence pages: what the organisation publishes for citizens and ITA assessors."""
