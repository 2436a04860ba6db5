"""What the package declares about itself is true: the MIT licence it names is there, in full,
and the classifiers say what ceclog runs on."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_declared_mit_licence_is_shipped_in_full() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the ceclog maintainers\n")
    assert "Permission is hereby granted, free of charge" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text


def test_the_classifiers_name_the_licence_the_console_and_each_python() -> None:
    classifiers = PROJECT["classifiers"]
    for expected in (
        "Environment :: Console",
        "Operating System :: OS Independent",
        "License :: OSI Approved :: MIT License",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
    ):
        assert expected in classifiers
    assert any(c.startswith("Topic :: ") for c in classifiers)
    assert PROJECT["requires-python"] == ">=3.11"
