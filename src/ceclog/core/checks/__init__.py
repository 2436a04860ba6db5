"""What `check` finds in a ledger (ledger: the holder and certifications; entries: the entries and
their certificates; assertions: the body's recorded figures against the ledger's), and the
rules every change keeps before it is written (edits).

Pure, like all of `ceclog.core`: the standard library only."""
