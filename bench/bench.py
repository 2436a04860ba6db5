#!/usr/bin/env python3
"""Speed and memory of ceclog, as ratios to `python -c pass` measured in the same run.

    python bench/bench.py            # the full run (a few minutes)
    python bench/bench.py --quick    # a smoke run for CI: small ledgers, few repeats

Each figure is the median wall time of several runs of the installed `ceclog` (the one next to
this Python).  The machine is noisy: compare ratios, not milliseconds.  `hledger balance` on a
10,000-transaction journal is measured when hledger is installed.  The run ends with issue 21's
four goals, each a pair of commands timed in turn on ledgers ceclog wrote, PASS or MISS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PY = sys.executable
CECLOG = [str(Path(PY).with_name("ceclog"))]
TODAY = "2026-11-22"
TITLES = [
    "Applied Structural Drying",
    "Water Damage Restoration",
    "Odor Control",
    "Mold remediation update",
    "Fire and smoke: soot types",
    "Thermal imaging webinar",
]


def make_ledger(path: Path, n: int, who: int = 1, posted: bool = False) -> Path:
    rng = random.Random(n * 1000 + who)
    lines = [
        "# benchmark ledger",
        "version = 1",
        "",
        "[holder]",
        f'name = "Bench Mark {who}"',
        f'registrant_id = "{1000000 + who}"',
        'rules = "iicrc"',
        "tracking_since = 2000-01-01",
        "",
        "[[certifications]]",
        'code = "WRT"',
        "earned = 2000-01-01",
        "",
    ]
    start = dt.date(2000, 1, 1)
    for i in range(1, n + 1):
        day = start + dt.timedelta(days=rng.randrange(0, 9000))
        lines += [
            "[[entries]]",
            f"id = {i}",
            f"date = {day}",
            f'title = "{rng.choice(TITLES)} {i}"',
            'kind = "course"',
            f"hours = {rng.choice(['1', '2.5', '3.5', '7', '14', '21'])}",
            'provider = "Restoration Training Co."',
            f'approval = "C-{i:05d}"',
            'certifications = ["WRT"]',
            f"submitted = {day + dt.timedelta(days=20)}",
            *([f"posted = {day + dt.timedelta(days=60)}"] if posted and i % 2 else []),
            "",
        ]
    path.write_text("\n".join(lines) + "\n")
    return path


def make_team(folder: Path, ledgers: int, entries: int) -> Path:
    """A firm's shared folder: `ledgers` technicians' ledgers of `entries` entries each."""
    folder.mkdir()
    for who in range(1, ledgers + 1):
        make_ledger(folder / f"tech-{who:03d}.toml", entries, who)
    return folder


def make_journal(path: Path, n: int) -> Path:
    rng = random.Random(n)
    out = []
    day = dt.date(2000, 1, 1)
    for i in range(n):
        day += dt.timedelta(days=rng.randrange(0, 2))
        amount = rng.randrange(100, 100000) / 100
        out.append(f"{day} payee {i}\n    expenses:food    ${amount:.2f}\n    assets:cash\n")
    path.write_text("\n".join(out))
    return path


def make_sheet(path: Path, n: int, series: str | None = None) -> Path:
    """A spreadsheet's CSV of `n` classes: `;` separators, decimal commas, cp1252, CRLF.  With
    `series`, every title is its own ("Odor Control B-17"), so no row repeats another sheet's."""
    rng = random.Random(n if series is None else f"{n}{series}")
    lines = ["Date completed;Course;Hours;Provider;Notes"]
    start = dt.date(2023, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(0, 1300))
        hours = rng.choice(["7", "3,5", "14", "1,5"])
        title = f"{rng.choice(TITLES)} {f'{series}-{i}' if series else i % 97}"
        lines.append(f"{day:%d/%m/%Y};{title};{hours};Académie {i % 5};séance {i}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def timed(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median seconds of `runs` runs (after one warm-up)."""
    subprocess.run(cmd, capture_output=True, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 3):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.decode()}")
    return statistics.median(times)


def paired(a: list[str], b: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median seconds of `a` and of `b`, run in turn (A B A B ...) after one warm-up each: the
    machine's drift moves both alike, so their ratio and difference are of the same moment."""
    for cmd in (a, b):
        subprocess.run(cmd, capture_output=True, env=env, check=False)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for cmd, out in ((a, times[0]), (b, times[1])):
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
            out.append(time.perf_counter() - start)
            if proc.returncode not in (0, 3):
                raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.decode()}")
    return statistics.median(times[0]), statistics.median(times[1])


def own_ledger(path: Path, n: int, env: dict[str, str]) -> Path:
    """A ledger of `n` entries written by ceclog itself: init, cert add, and an import --yes of
    a spreadsheet of `n` classes (as a technician moving from a spreadsheet makes one)."""
    ceclog = [*CECLOG, "--ledger", str(path)]
    sheet = make_sheet(path.with_suffix(".csv"), n, series=path.stem)
    for step in (
        ["init", "--name", "Bench Mark"],
        ["cert", "add", "WRT", "--earned", "2020-01-01"],
        ["import", str(sheet), "--yes"],
    ):
        subprocess.run([*ceclog, *step], capture_output=True, env=env, check=True)
    return path


def goals(work: Path, env: dict[str, str], runs: int, quick: bool) -> None:
    """Issue 21's four goals, each measured in this run against its own yardstick: the
    `import typer` floor (what any Typer program pays), `status`, and `hledger balance`."""
    print("goals (each pair timed in turn, medians):")
    floor = [PY, "-c", "import typer"]

    def verdict(label: str, text: str, ok: bool) -> None:
        print(f"  {label:<42} {text:<46} {'PASS' if ok else 'MISS'}", flush=True)

    def ratio(label: str, a: float, b: float, goal: float) -> None:
        text = f"{a * 1000:.0f} / {b * 1000:.0f} ms = {a / b:.2f}x (goal <= {goal}x)"
        verdict(label, text, a / b <= goal)

    ledger = own_ledger(work / "goal-200.toml", 200, env)
    status, typer = paired([*CECLOG, "--ledger", str(ledger), "status"], floor, runs, env)
    ratio("status, 200 entries / import typer", status, typer, 1.5)
    helps, typer = paired([*CECLOG, "--help"], floor, runs, env)
    ratio("--help / import typer", helps, typer, 1.5)
    ledger = own_ledger(work / "goal-add.toml", 1000, env)  # grows by one entry a run
    add, status = paired(
        [*CECLOG, "--ledger", str(ledger), "add", "Bench class", "--hours", "1"],
        [*CECLOG, "--ledger", str(ledger), "status"],
        runs,
        env,
    )
    more = (add - status) * 1000
    text = f"{add * 1000:.0f} - {status * 1000:.0f} ms = {more:+.0f} ms (goal <= +30 ms)"
    verdict("add - status, 1,000 entries", text, more <= 30)
    label = "status, 10,000 entries / hledger balance"
    if quick:
        print(f"  {label:<42} not measured with --quick")
        return
    ledger = own_ledger(work / "goal-10000.toml", 10000, env)
    status_10k = [*CECLOG, "--ledger", str(ledger), "status"]
    if shutil.which("hledger") is None:
        big = timed(status_10k, max(3, runs // 3), env)
        print(f"  {label:<42} {big * 1000:.0f} ms; hledger not installed: apt-get install hledger")
        return
    journal = make_journal(work / "goal-10000.journal", 10000)
    hledger = ["hledger", "-f", str(journal), "balance"]
    big, other = paired(status_10k, hledger, max(5, runs // 2), env)
    ratio(label, big, other, 0.5)


def peak_kb(cmd: list[str], env: dict[str, str]) -> int:
    """Peak resident memory (KiB) of one run, measured in a fresh child of a helper."""
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PY, "-c", code, *cmd], capture_output=True, env=env, check=True)
    return int(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run for CI")
    args = parser.parse_args()
    runs = 3 if args.quick else 15
    sizes = [200, 1000] if args.quick else [200, 1000, 10000]
    work = Path(tempfile.mkdtemp(prefix="ceclog-bench-"))
    env = {**os.environ, "CECLOG_TODAY": TODAY, "NO_COLOR": "1"}
    env.pop("CECLOG_LEDGER", None)
    # As installed by `pip install .`: with its bytecode.  An editable install run with
    # PYTHONDONTWRITEBYTECODE set (as in some sandboxes) would compile ceclog's own modules
    # from source on every run, which no user's install does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    package = subprocess.run(
        [PY, "-c", "import ceclog, os; print(os.path.dirname(ceclog.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([PY, "-m", "compileall", "-q", package], check=True, env=env)
    rows: list[tuple[str, float, str]] = []
    base = timed([PY, "-c", "pass"], runs)
    rows.append(("python -c pass", base, ""))

    def add(label: str, seconds: float, goal: str = "") -> None:
        rows.append((label, seconds, goal))
        print(f"  {label:<44} {seconds * 1000:8.1f} ms  {seconds / base:6.1f}x  {goal}", flush=True)

    print(f"python -c pass: {base * 1000:.1f} ms ({runs} runs each, median)")
    add("ceclog --version", timed([*CECLOG, "--version"], runs), "goal <= 4x")
    add("ceclog --help", timed([*CECLOG, "--help"], runs), "goal <= 12x")
    status_times = {}
    for n in sizes:
        ledger = make_ledger(work / f"ledger-{n}.toml", n)
        cmd = [*CECLOG, "--ledger", str(ledger), "status"]
        goal = {200: "goal <= 10x", 1000: "goal <= 15x"}.get(n, "goal < hledger")
        status_times[n] = timed(cmd, runs if n < 10000 else max(3, runs // 3), env)
        add(f"ceclog status, {n:,} entries", status_times[n], goal)
        parse = timed(
            [PY, "-c", f"import tomllib; tomllib.load(open({str(ledger)!r}, 'rb'))"],
            runs if n < 10000 else 3,
        )
        add(f"  (tomllib parse alone, {n:,} entries)", parse)
        cold = timed(cmd, 3, {**env, "CECLOG_NO_CACHE": "1"})
        add(f"  (status without the parse cache, {n:,})", cold)
    for n in [200] if args.quick else [200, 1000]:  # the transcript of every entry
        pdf = [
            *CECLOG,
            "--ledger",
            str(work / f"ledger-{n}.toml"),
            "export",
            "--format",
            "pdf",
            "--output",
            str(work / f"transcript-{n}.pdf"),
            "--cycle",
            "all",
        ]
        goal = {200: "goal <= 0.5 s", 1000: "goal <= 1.5 s"}[n]
        add(f"ceclog export --format pdf, {n:,} entries", timed(pdf, max(3, runs // 3), env), goal)
    ledger = make_ledger(work / "ledger-add.toml", 1000)
    add_cmd = [*CECLOG, "--ledger", str(ledger), "add", "Bench class", "--hours", "1"]
    add_time = timed(add_cmd, runs, env)
    add(
        "ceclog add, 1,000 entries",
        add_time,
        f"goal <= status + 60 ms = {(status_times[1000] + 0.060) * 1000:.0f} ms",
    )
    # reconcile: a figure no combination of entries makes up (the whole search), half posted
    ledger = make_ledger(work / "ledger-reconcile.toml", 1000, posted=True)
    rec = [*CECLOG, "--ledger", str(ledger), "reconcile", "--portal", "999.25"]
    differs = ["sh", "-c", '"$@"; [ $? -eq 1 ]', "sh", *rec]  # exit 1: the figures differ
    add("ceclog reconcile --portal, 1,000 entries", timed(differs, runs, env))
    # a spreadsheet of 1,000 classes imported into a 200-entry ledger (a fresh copy each run)
    sheet = make_sheet(work / "classes.csv", 1000)
    base_ledger = make_ledger(work / "ledger-import-base.toml", 200)
    target = work / "ledger-import.toml"
    imp = [*CECLOG, "--ledger", str(target), "import", str(sheet)]
    fresh = ["sh", "-c", f'cp "{base_ledger}" "{target}"; rm -f "{target}.bak"; exec "$@"', "sh"]
    add("ceclog import, 1,000 rows, dry run", timed([*fresh, *imp], max(3, runs // 3), env))
    add(
        "ceclog import --yes, 1,000 rows",
        timed([*fresh, *imp, "--yes"], max(3, runs // 3), env),
        "goal <= 2 s",
    )
    import_into_own(work, env, 2000 if not args.quick else 400, max(3, runs // 3), add)
    # the firm's view: many ledgers, warm (parse cache filled) and cold (cache folder emptied)
    ledgers = 10 if args.quick else 100
    team = make_team(work / "team", ledgers, 50)
    cache = work / "team-cache"
    team_env = {**env, "CECLOG_CACHE_DIR": str(cache)}
    team_cmd = [*CECLOG, "team", str(team)]
    warm = timed(team_cmd, runs, team_env)
    add(
        f"ceclog team, {ledgers} ledgers x 50 entries, warm",
        warm,
        f"goal <= 2x status(200): {warm / status_times[200]:.2f}x",
    )
    # the next day: yesterday's rows hold (no date of these ledgers turns), their days moved
    # (a copy of the cache as the warm runs left it, for every run)
    snapshot = work / "team-cache-snapshot"
    shutil.copytree(cache, snapshot)
    next_env = {**team_env, "CECLOG_TODAY": "2026-11-23"}
    restore = f'rm -rf "{cache}"; cp -r "{snapshot}" "{cache}"; exec "$@"'
    next_day_cmd = ["sh", "-c", restore, "sh", *team_cmd]
    next_day = timed(next_day_cmd, runs, next_env)
    add(
        f"ceclog team, {ledgers} ledgers x 50 entries, next day",
        next_day,
        f"goal <= 2x status(200): {next_day / status_times[200]:.2f}x",
    )
    # a day a date turns: the records come from the parse cache, the rows are computed
    new_day_cmd = ["sh", "-c", f'rm -f "{cache}"/team-*.json; exec "$@"', "sh", *team_cmd]
    new_day = timed(new_day_cmd, runs, team_env)
    add(
        f"ceclog team, {ledgers} ledgers x 50 entries, rows turn",
        new_day,
        f"(rows recomputed from cached records): {new_day / status_times[200]:.2f}x status(200)",
    )
    cold_cmd = ["sh", "-c", f'rm -rf "{cache}"; exec "$@"', "sh", *team_cmd]
    cold = timed(cold_cmd, max(3, runs // 3), team_env)
    add(
        f"ceclog team, {ledgers} ledgers x 50 entries, cold",
        cold,
        f"goal <= 1.5 s: {cold / status_times[200]:.2f}x status(200)",
    )
    certificates(work, env, args.quick, runs, add)
    if 10000 in sizes:
        kb = peak_kb([*CECLOG, "--ledger", str(work / "ledger-10000.toml"), "status"], env)
        print(f"  peak memory, status on 10,000 entries: {kb / 1024:.1f} MiB")
        if shutil.which("hledger"):
            journal = make_journal(work / "journal-10000.journal", 10000)
            add(
                "hledger balance, 10,000 transactions",
                timed(["hledger", "-f", str(journal), "balance"], max(3, runs // 3)),
            )
        else:
            print("  hledger not installed: apt-get install hledger")
    goals(work, env, runs, args.quick)
    shutil.rmtree(work)


def import_into_own(work: Path, env: dict[str, str], n: int, runs: int, add: Any) -> None:
    """`import --yes` of 1,000 rows into an `n`-entry ledger that ceclog wrote itself (init,
    cert add, and an import of a CSV: a version-3 file whose entries say where they came
    from), against `status` of that ledger and of the result, in the same run."""
    base = work / f"ledger-own-{n}.toml"
    ceclog = [*CECLOG, "--ledger", str(base)]
    for step in (
        ["init", "--name", "Bench Mark"],
        ["cert", "add", "WRT", "--earned", "2020-01-01"],
    ):
        subprocess.run([*ceclog, *step], capture_output=True, env=env, check=True)
    first = make_sheet(work / f"classes-{n}.csv", n, series="A")
    start = time.perf_counter()
    subprocess.run(
        [*ceclog, "import", str(first), "--yes"], capture_output=True, env=env, check=True
    )
    add(
        f"ceclog import --yes, {n:,} rows, new ledger",
        time.perf_counter() - start,
        "goal <= 2 s",
    )
    more = make_sheet(work / "classes-more.csv", 1000, series="B")
    target = work / "ledger-own.toml"
    imp = [*CECLOG, "--ledger", str(target), "import", str(more), "--yes"]
    fresh = ["sh", "-c", f'cp "{base}" "{target}"; rm -f "{target}.bak"; exec "$@"', "sh"]
    seconds = timed([*fresh, *imp], runs, env)
    before = timed([*CECLOG, "--ledger", str(base), "status"], runs, env)
    after = timed([*CECLOG, "--ledger", str(target), "status"], runs, env)  # the result
    add(f"ceclog status, {n:,} entries (ceclog's own)", before)
    add(f"ceclog status, {n + 1000:,} entries (the result)", after)
    add(
        f"ceclog import --yes, 1,000 rows into {n:,}",
        seconds,
        f"goal <= 8x status: {seconds / before:.1f}x ({n:,}), {seconds / after:.1f}x (result)",
    )


def certificates(work: Path, env: dict[str, str], quick: bool, runs: int, add: Any) -> None:
    """add --from: the time per certificate (a fresh process, imports included) on text PDFs,
    per OCR page on 300-dpi photos, and how many fields are right, wrong but prefilled, or
    left for the user, over the generated certificates of tests/cert_fixtures.py."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import cert_fixtures as fx

    from ceclog.core.certificates.fields import read_certificates
    from ceclog.store.certificate import load_patterns, read_certificate
    from ceclog.store.evidence import read_incoming

    folder = work / "certificates"
    folder.mkdir()
    ledger = make_ledger(work / "ledger-cert.toml", 200)
    patterns = load_patterns()

    def score(kind: str, names: list[str]) -> tuple[list[int], float]:
        counts = [0, 0, 0, 0]  # right, wrong prefilled unmarked, wrong but marked, left
        seconds = 0.0
        for name in names:
            path = fx.write(folder, name, kind)
            start = time.perf_counter()
            text = read_certificate(read_incoming(path))
            seconds += time.perf_counter() - start
            certs = read_certificates(text.lines, patterns, None)
            spec = fx.spec(name)
            for cert, truth in zip(certs, spec.truth, strict=False):
                for field, want in truth.items():
                    chosen = cert.fields[field].prefill
                    got = chosen.value if chosen else None
                    if got == want:
                        counts[0] += 1
                    elif chosen is None:
                        counts[3] += 1
                    else:
                        counts[2 if chosen.low else 1] += 1
            counts[3] += 6 * max(0, len(spec.truth) - len(certs))  # certificates not found
        return counts, seconds

    names = [s.name for s in fx.SPECS]
    reader = (
        "import sys; from pathlib import Path; from ceclog.core.certificates.fields import "
        "read_certificates; from ceclog.store.certificate import load_patterns, "
        "read_certificate; from ceclog.store.evidence import read_incoming; "
        "text = read_certificate(read_incoming(Path(sys.argv[1]))); "
        "read_certificates(text.lines, load_patterns(), None)"
    )
    for name in names[:2] if quick else names[:4]:
        path = fx.write(folder, name, "pdf")
        cmd = [PY, "-c", reader, str(path)]
        add(f"read {name}.pdf, fresh process", timed(cmd, max(3, runs // 3), env), "goal <= 300 ms")
        cmd = [*CECLOG, "--ledger", str(ledger), "add", "--from", str(path), "--json"]
        add(f"  (ceclog add --from {name}.pdf --json)", timed(cmd, max(3, runs // 3), env))
    (right, wrong, marked, left), _ = score("pdf", names)
    total = right + wrong + marked + left
    print(
        f"  text PDFs, {len(names)} layouts: {right}/{total} fields right, {wrong} wrong "
        f"prefilled (goal 0), {marked} wrong but marked, {left} left for the user"
    )
    if shutil.which("tesseract") is None:
        print("  tesseract not installed: no OCR figures (apt-get install tesseract-ocr)")
        return
    images = list(fx.IMAGE_SPECS[:1] if quick else fx.IMAGE_SPECS)
    (right, wrong, marked, left), seconds = score("jpg", images)
    total = right + wrong + marked + left
    add(f"OCR per page, 300-dpi photo ({len(images)} pages)", seconds / len(images), "goal <= 3 s")
    print(
        f"  photos: {right}/{total} fields right ({100 * right / total:.0f}%, goal >= 90%), "
        f"{wrong} wrong and unmarked (goal 0), {marked} wrong but marked, {left} left "
        "for the user"
    )


if __name__ == "__main__":
    main()
