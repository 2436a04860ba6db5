"""Comparing the ledger with the body's record: a figure from its portal (compare) and a
transcript matched line by line.

Pure, like all of `ceclog.core`: the standard library only."""
