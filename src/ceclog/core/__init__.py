"""The pure core: every business rule of ceclog.  What an entry counts (`credits`), when cycles
start and end (`cycles`), which cycle an entry counts toward (`placement`), where a requirement
stands (`engine`), what shaped the schedule in words (`notices`), when a change is allowed
(`operations`, `fields`), what a ledger gets wrong (`checks`), what an export contains
(`transcript`), on the records of `models`.

May import: the standard library, `ceclog.errors`, and itself.  Never a file, a terminal, the
command line or a third-party package (import-linter holds this: see `.importlinter`)."""
