"""What the figures are used for: a plan for the year (plan, suggest), the calendar's events, and
the transcript a document sends to the body.

Pure, like all of `ceclog.core`: the standard library only."""
