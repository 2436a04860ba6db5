"""Reading a certificate's text: its lines, its dates and the entry's fields it states (add
--from).

Pure, like all of `ceclog.core`: the standard library only."""
