"""`ceclog rules check` on the rules format's newer keys: fixed calendar periods
(reference_year), one certification per entry, a kind's topic, exemptions, and the
`[unconfirmed]` table, whose keys must name keys of the file.  Each problem at its line, with a
hint."""

from __future__ import annotations

from pathlib import Path

from conftest import RULES_HEAD, Ceclog, make_ledger, write

HEAD = RULES_HEAD

TABLES = """
[kinds.course]
description = "a class"
topic = "{topic}"

[certifications]
WRT = "Water Damage Restoration Technician"

[[tracks]]
name = "technician"
title = "Technicians"
certifications = ["WRT"]
credits = 14
cycle_months = {months}
topics = {{ water = 6 }}

[topic_aliases]
wet = "water"
"""


def _check(ceclog: Ceclog, path: Path) -> list[str]:
    r = ceclog("rules", "check", str(path), ledger=None)
    assert r.code == (0 if "valid rules profile" in r.out else 1)
    return r.out.splitlines()


def test_fixed_periods_and_one_certification_per_entry_need_their_settings(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    """reference_year without a calendar anchor, with cycles of 18 months; one certification
    per entry with one requirement for all: each said at its line, with what to write."""
    text = HEAD + 'pool = "holder"\nreference_year = 2024\nentries_per_certification = true\n'
    path = write(tmp_path / "mine.toml", text + TABLES.format(topic="water", months=18))
    assert _check(ceclog, path) == [
        f'{path}:9: error: reference_year = 2024 needs anchor = "calendar" and cycle_start: '
        "fixed periods start on a day of the year",
        '  hint: add anchor = "calendar" and cycle_start = "MM-DD" (the day each period starts, '
        '"08-01" for periods from 1 August 2024), or remove reference_year',
        f'{path}:10: error: entries_per_certification = true needs pool = "certification": with '
        "one requirement for all certifications there is no certification to choose",
        '  hint: set pool = "certification" (one requirement per certification), or remove '
        "entries_per_certification",
        f"{path}:24: error: track 'technician' has cycle_months = 18, not a whole number of "
        "years: fixed periods from reference_year = 2024 need whole years",
        "  hint: use a multiple of 12 (24: a period every 2 years), or remove reference_year "
        "(cycles then follow each holder's own dates)",
    ]
    # with the settings they need, the same keys are valid
    text = HEAD + 'pool = "certification"\nanchor = "calendar"\ncycle_start = "08-01"\n'
    text += "reference_year = 2024\nentries_per_certification = true\n"
    path = write(tmp_path / "fixed.toml", text + TABLES.format(topic="water", months=24))
    assert _check(ceclog, path) == [f"{path}: valid rules profile mine (1 track, 1 certification)"]


def test_a_kinds_topic_must_be_a_tracks_topic_minimum(ceclog: Ceclog, tmp_path: Path) -> None:
    text = HEAD + 'pool = "holder"\n'
    path = write(tmp_path / "typo.toml", text + TABLES.format(topic="wter", months=24))
    assert _check(ceclog, path) == [
        f"{path}:12: error: kind 'course' has topic = 'wter', which no track has a minimum for",
        "  hint: did you mean 'water'? the tracks' topics: water",
    ]
    path = write(tmp_path / "alias.toml", text + TABLES.format(topic="wet", months=24))
    assert _check(ceclog, path)[1] == "  hint: write the topic 'wet' stands for: topic = 'water'"


def test_an_exemptions_years_and_date_are_explained(ceclog: Ceclog, tmp_path: Path) -> None:
    text = HEAD + 'pool = "holder"\n' + TABLES.format(topic="water", months=24)
    text += '\n[exemptions.long]\ndescription = "held long"\nheld_years = 0\nsince = "2024-07-01"\n'
    text += '\n[exemptions.later]\ndescription = "held long"\nheld_years = 10.5\n'
    path = write(tmp_path / "mine.toml", text)
    assert _check(ceclog, path) == [
        f"{path}:30: error: exemptions.long.held_years: must be at least 1, got 0",
        "  hint: the whole years the certification must have been held without a break, 1 to "
        "100, without quotes (Florida's exemption: held_years = 10)",
        f'{path}:31: error: exemptions.long.since: must be a date, got "2024-07-01"',
        "  hint: write a TOML date without quotes, like 2024-03-15",
        f"{path}:35: error: exemptions.later.held_years: must be a whole number, got 10.5",
        "  hint: the whole years the certification must have been held without a break, 1 to "
        "100, without quotes (Florida's exemption: held_years = 10)",
    ]


UNCONFIRMED = """
[exemptions.ten-years]
description = "licensed for 10 years"
held_years = 10

[unconfirmed]
increment = "no source"
event_cap = "not set: none is published"
"kinds.course.fixed" = "not set"
"tracks.technician.topics.water" = "a guess"
"tracks.technician.certifications.WRT" = "a guess"
"certifications.WRT" = "the title"
"exemptions.ten-years.held_years" = "the years"
incremnt = "a typo"
"kinds.booth" = "no such kind"
"tracks.master.credits" = "no such track"
"tracks.technician.certifications.ASD" = "not covered"
"exemptions.ten-years.years" = "no such key"
"increment.steps" = "a value, not a table"
kinds.course.cap = "dotted, not quoted"
"""


def test_every_unconfirmed_key_must_name_a_key_of_the_file(ceclog: Ceclog, tmp_path: Path) -> None:
    """Top-level keys (set, or left at their default: event_cap), kinds and exemptions by key,
    tracks by name, a track's topics and certifications, certifications by code resolve; the
    rest is said at its line, with what to write."""
    text = HEAD + 'pool = "holder"\n' + TABLES.format(topic="water", months=24) + UNCONFIRMED
    path = write(tmp_path / "mine.toml", text)
    assert _check(ceclog, path) == [
        f"{path}:40: error: [unconfirmed] 'incremnt' names no key of this file: a rules file "
        "has no key 'incremnt'",
        "  hint: did you mean 'increment'? name a top-level key (increment), or a dotted path in "
        'quotes: "kinds.booth.fixed", "tracks.worker.credits", "certifications.CMR", '
        '"exemptions.emeritus"',
        f"{path}:41: error: [unconfirmed] 'kinds.booth' names no key of this file: there is no "
        "kind 'booth'",
        "  hint: kinds by name: course",
        f"{path}:42: error: [unconfirmed] 'tracks.master.credits' names no key of this file: "
        "there is no track 'master'",
        "  hint: tracks by name: technician",
        f"{path}:43: error: [unconfirmed] 'tracks.technician.certifications.ASD' names no key of "
        "this file: track 'technician' does not cover 'ASD'",
        "  hint: its certifications: WRT",
        f"{path}:44: error: [unconfirmed] 'exemptions.ten-years.years' names no key of this "
        "file: an exemption has no key 'years'",
        "  hint: did you mean 'held_years'? an exemption's keys: description, held_years, since, "
        "source",
        f"{path}:45: error: [unconfirmed] 'increment.steps' names no key of this file: "
        "'increment' holds a value, not a table of keys",
        '  hint: name it as "increment"',
        f"{path}:46: error: [unconfirmed] kinds: a dotted key must be written in quotes",
        '  hint: write "kinds.course.cap" = "why no source states it"',
    ]
    # a ledger naming the file is refused with the first problem, at its line
    make_ledger(tmp_path / "ledger.toml", ("WRT", "2024-01-01"), rules="mine.toml")
    r = ceclog("status")
    assert r.code == 1
    assert f"{path}:40: [unconfirmed] 'incremnt' names no key of this file" in r.err
    assert "(and 6 more problems)" in r.err


def test_the_shipped_profiles_are_valid(ceclog: Ceclog) -> None:
    root = Path(__file__).parents[1] / "rules"
    for name, tracks, certs in (
        ("acac", "1 track", "9 certifications"),
        ("florida-mold", "1 track", "2 certifications"),
        ("iicrc", "3 tracks", "29 certifications"),
        ("iicrc-2012", "3 tracks", "29 certifications"),
        ("nadca-ascs", "1 track", "1 certification"),
        ("ria", "1 track", "3 certifications"),
        ("texas-mold", "2 tracks", "4 certifications"),
    ):
        path = root / f"{name}.toml"
        assert _check(ceclog, path) == [f"{path}: valid rules profile {name} ({tracks}, {certs})"]
