"""`python -m ceclog` and the `ceclog` console script."""

import gc
import os
import signal
import sys


def _interrupted_while_loading(signum: int, frame: object) -> None:
    """Ctrl-C before `run()` has started: nothing can have been written yet."""
    os.write(2, b"ceclog: interrupted; nothing was written\n")
    os._exit(130)


# First thing, as this module is imported, before anything heavy loads: a Ctrl-C during the
# imports would print a traceback.  `run()` installs its own handler, which unwinds a command.
signal.signal(signal.SIGINT, _interrupted_while_loading)


def main() -> None:
    # A TAB (the scripts of `ceclog --show-completion`) is answered from the completion table
    # and a plain read of the ledger, without importing the command line.
    if "_CECLOG_COMPLETE" in os.environ:
        from ceclog.completion import main as complete

        code = complete()
        sys.stdout.flush()
        os._exit(code)
    # `ceclog --version` answers before the CLI framework is imported: start-up time matters.
    if sys.argv[1:] == ["--version"]:
        from ceclog import __version__

        try:
            sys.stdout.write(f"ceclog {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:  # a reader that went away: the answer is still "ok"
            pass
        os._exit(0)
    # Loading the CLI and a ledger makes a few hundred thousand objects and hardly any garbage
    # in cycles, and they live until the command ends: the cyclic collector only walks them
    # again and again (even once every 10,000 allocations, a tenth of a `status` on 10,000
    # entries).  One command runs, then the process exits: refcounting frees what it drops, and
    # without the collector the peak memory of the heaviest commands stays within 1% (an import
    # of 10,000 rows, a PDF of 1,000 entries, `team` over 100 ledgers).
    gc.disable()
    from ceclog.cli import run

    # From here a Ctrl-C is either run()'s to handle or too late to matter: once the command has
    # finished, its result stands (run() puts this back when it returns).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
