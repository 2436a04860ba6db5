"""`python -m ceclog` and the `ceclog` console script."""

from __future__ import annotations

import sys


def main() -> None:
    # `ceclog --version` answers before the CLI framework is imported: start-up time matters.
    if sys.argv[1:] == ["--version"]:
        from ceclog import __version__

        print(f"ceclog {__version__}")
        return
    from ceclog.cli import run

    sys.exit(run())


if __name__ == "__main__":
    main()
