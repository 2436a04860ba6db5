"""`python -m ceclog` and the `ceclog` console script."""

from __future__ import annotations

import os
import sys


def main() -> None:
    # `ceclog --version` answers before the CLI framework is imported: start-up time matters.
    if sys.argv[1:] == ["--version"]:
        from ceclog import __version__

        try:
            sys.stdout.write(f"ceclog {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:  # a reader that went away: the answer is still "ok"
            pass
        os._exit(0)
    from ceclog.cli import run

    code = run()
    # Every file ceclog writes is closed and fsynced before `run` returns, and it registers no
    # exit handlers, so once the output is flushed the interpreter's teardown of the loaded
    # modules (~9 ms here, a tenth of a `status`) is skipped.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a closed stream
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
