"""Rows of a spreadsheet as entries: tables, headers, columns, values, dates and amounts, whose
row it is (people, crew), and matching rows with the ledger; two versions of one ledger
joined by the same matching (merge).

Pure, like all of `ceclog.core`: the standard library only."""
