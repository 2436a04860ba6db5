"""The only package that opens files or parses text: the ledger file (read, locked, written
atomically, backed up, undone), the layout-preserving TOML edits, validation of a file's data
into the core's records (Pydantic), the validated-parse cache, rules files, migrations of the
ledger format, the certificates kept in `evidence/`, and the journal of what a run wrote.

May import: `ceclog.core`, `ceclog.errors`, the standard library, tomllib/tomli/tomli-w, Pydantic,
platformdirs, pypdf and Pillow (in `certificate` only: reading a certificate, turning a photo
upright).  Never `ceclog.output` or `ceclog.cli`."""
