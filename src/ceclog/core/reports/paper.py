"""Which paper a PDF transcript is laid out on when `--paper` is not given: Letter where the
locale's territory uses it, A4 everywhere else.  Pure: the caller passes the environment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Paper = Literal["letter", "a4"]
# the territories whose glibc locale data (LC_PAPER) is US Letter
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE", "BO"}
)
# the variables that name the locale of paper sizes, strongest first (as POSIX reads them)
LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


def territory(locale: str) -> str:
    """`en_US.UTF-8@euro` -> `US`; "" when the locale names none (`C`, `POSIX`, `en`)."""
    name = locale.split(".", 1)[0].split("@", 1)[0]
    _, sep, place = name.replace("-", "_").partition("_")
    return place.upper() if sep else ""


def default_paper(environ: Mapping[str, str]) -> Paper:
    """Letter when the first of LC_ALL, LC_PAPER, LANG that is set (non-empty) names a
    territory in LETTER_TERRITORIES; else A4 (also when none is set, or for `C`)."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return "letter" if territory(value) in LETTER_TERRITORIES else "a4"
    return "a4"
