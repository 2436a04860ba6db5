"""The firm's view over many ledgers: one row per technician and requirement, most urgent first.

Pure, like all of `ceclog.core`: the standard library only."""
