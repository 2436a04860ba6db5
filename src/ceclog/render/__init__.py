"""Renderers: the report as plain data (`data`, for --json) or as terminal text (`terminal`)."""
