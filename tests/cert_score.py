"""The score of the certificate reader on tests/cert_corpus.py, per field: right (prefilled as
the truth says), wrong (prefilled otherwise, or where the truth prefills nothing) and left (a
printed value not prefilled); and what `--yes` would write wrongly.

    python tests/cert_score.py [--photos]     prints the table for the notes"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import cert_corpus as cc
import cert_makers as cm

from ceclog.core.certificates.decided import taken_by_yes
from ceclog.core.certificates.fields import read_certificates
from ceclog.store.certificate import load_patterns, read_certificate
from ceclog.store.evidence import read_incoming

TODAY = dt.date(2026, 11, 30)


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(cc.FIELDS, 0))
    wrong: dict[str, int] = field(default_factory=lambda: dict.fromkeys(cc.FIELDS, 0))
    left: dict[str, int] = field(default_factory=lambda: dict.fromkeys(cc.FIELDS, 0))
    printed: int = 0
    wrongs: list[str] = field(default_factory=list)  # "name: field 'got' (want 'x')"
    yes_wrong: list[str] = field(default_factory=list)  # what --yes would write wrongly

    def total(self, kind: str) -> int:
        return sum(getattr(self, kind).values())

    def share(self) -> float:
        return self.total("right") / self.printed if self.printed else 1.0

    def table(self, heading: str) -> str:
        rows = [f"{heading:<10} {'right':>6} {'wrong':>6} {'left':>6}"]
        for f in cc.FIELDS:
            rows.append(f"{f:<10} {self.right[f]:>6} {self.wrong[f]:>6} {self.left[f]:>6}")
        rows.append(
            f"{'all':<10} {self.total('right'):>6} {self.total('wrong'):>6} "
            f"{self.total('left'):>6}   {100 * self.share():.0f}% of {self.printed} prefilled"
        )
        return "\n".join(rows)


def score(certs: list[tuple[cc.Cert, Path]]) -> Score:
    """Read each certificate file and score it against its truth."""
    patterns = load_patterns()
    out = Score()
    for c, path in certs:
        read = read_certificate(read_incoming(path))
        found = read_certificates(read.lines, patterns, None, TODAY, read.second)
        cert = found[0] if found else None
        yes = taken_by_yes(cert) if cert is not None else {}
        for f in cc.FIELDS:
            want = c.truth.get(f)
            got = cert.value(f) if cert is not None else None
            out.printed += want is not None
            if got is not None and got == want:
                out.right[f] += 1
            elif got is not None:
                out.wrong[f] += 1
                out.wrongs.append(f"{c.name}: {f} {got!r} (want {want!r})")
            elif want is not None:
                out.left[f] += 1
            if f in yes and yes[f] != want:
                out.yes_wrong.append(f"{c.name}: {f} {yes[f]!r} (want {want!r})")
    return out


def text_pdfs(folder: Path, makers: tuple[str, ...] = ("fpdf", "chromium")) -> list:
    certs = [c for c in cc.CERTS + cm.HTML_CERTS if c.maker in makers]
    return [(c, cm.pdf(c, folder)) for c in certs]


def photos(folder: Path) -> list:
    return [(cm.cert(name), cm.photo(name, folder)) for name in cm.PHOTOS]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        makers = ("fpdf", "chromium") if cm.chromium() else ("fpdf",)
        pdfs = score(text_pdfs(folder, makers))
        print(pdfs.table("text PDFs"))
        print("\n".join(pdfs.wrongs), "\n".join(pdfs.yes_wrong), sep="\n")
        if "--photos" in sys.argv:
            shots = score(photos(folder))
            print(shots.table("photos"))
            print("\n".join(shots.wrongs))
            print("--yes wrote wrongly:", shots.yes_wrong or "nothing")


if __name__ == "__main__":
    main()
