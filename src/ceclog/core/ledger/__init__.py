"""The ledger and a rules file as records (models), their plain data (records), what a field
accepts (text, fields), the words of every message (words) and the words people write for what
the rules name (vocabulary), and the kinds of finding `check` reports (findings).

Pure, like all of `ceclog.core`: the standard library only."""
