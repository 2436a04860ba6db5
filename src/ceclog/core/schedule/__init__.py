"""Schedules and the engine: when each cycle starts and ends (cycles), what one entry counts
(credits) and toward which cycle (placement), the figures of a cycle (results, topics, carry)
and of a requirement (engine), exemptions, and what a change did (changes).

Pure, like all of `ceclog.core`: the standard library only."""
