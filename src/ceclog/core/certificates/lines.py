"""A certificate as lines of text (what `store.certificate` reads): each line's words with
where they start and how sure OCR was of them, and the columns a line's spacing makes.  Pure:
no files, no patterns (those are `patterns`); every other module of `core.certificates`
builds on it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a firm's legal form, the last word of its name: "Acme Drying, LLC", "Acme Supply Co."
LEGAL_FORMS = ("llc", "pllc", "llp", "lp", "inc", "ltd", "co", "corp", "plc")
LEGAL_FORM = "|".join(LEGAL_FORMS)  # as a regular expression's alternatives
GAP = "   "  # three spaces or more: a column ends (pypdf's layout mode keeps the spacing)
# ligatures some PDF makers (Chromium) put in the text layer: "Paciﬁc" is "Pacific"
LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
BARS = ("|", "\u2502", "\u00a6")
# "A | B": two columns; so is a separator glyph a PDF maker wrote with no character, read as
# a delete sign ("20 Hours  \x7f  20 IICRC CECs")
BAR = re.compile(r"\s+[|\u2502\u00a6\x7f]\s+")
# OCR's readings of the word "IICRC" whose two I's became one, an H, or a run of strokes
# ("ICRC Approval", "HCRC", "I[CRC", "lIiICRC"): read as the word, so its labels are found;
# never "CRC" alone, nor a word with any other letter before it
IICRC_MISREAD = re.compile(r"[Il1i|!\[\]]{1,4}CRC|HCRC|HiCRC")
# OCR's readings of "CECs" after a count whose C's became G's ("21 GEGs", "3CEGs"): read as the
# word, so the count is read as credits; only after a number, where no other word is meant
CEC_MISREAD = re.compile(r"(\d+(?:[.,]\d+)?)?([CG]E[CG])(s?\W*)")
# a rule under or after a word read as underscores glued to it ("2 CECs_", "__Pat"): left out
RULE_ENDS = re.compile(r"^_+(?=[^_])|(?<=[^_])_+$")
# a count and its unit that OCR read with no space between them ("3hours", "1CEC"): two words
GLUED_UNIT = re.compile(r"(\d{1,3}(?:\.\d{1,2})?)((?:hours?|hrs?|cecs?|ceus?)\W?)", re.IGNORECASE)


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # where it starts in the line's text
    conf: float | None  # tesseract's confidence, 0-100; None for a PDF's text layer


@dataclass(frozen=True)
class Line:
    page: int
    number: int  # 1-based on its page, as a person counts lines of text (blank ones aside)
    text: str
    words: tuple[Word, ...]
    row: int = 0  # the layout's row (blank rows counted): how far apart two lines are printed
    prose: bool = False  # a paragraph's lines made one (`paragraphs`)

    def words_in(self, start: int, end: int) -> tuple[Word, ...]:
        return tuple(w for w in self.words if w.start < end and w.start + len(w.text) > start)


@dataclass(frozen=True)
class Span:
    """A piece of a line: where a value was read."""

    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end]


def text_line(page: int, number: int, text: str, row: int | None = None) -> Line:
    """A line of a PDF's text layer: its words, with no confidence.  A bar between two pieces
    ("Instructor: Bob Jones | Approval #: 20-1187") parts columns, as a wide gap does; a
    ligature is its letters; letter-spaced words are words (`unspaced`)."""
    text = unspaced(BAR.sub(GAP, _justified(text.translate(LIGATURES))))
    words = tuple(Word(m.group(0), m.start(), None) for m in re.finditer(r"\S+", text))
    return Line(page, number, text.rstrip(), words, number if row is None else row)


def _justified(text: str) -> str:
    """A line of a justified paragraph, its words spread two or three spaces apart ("This  is
    to  certify  that   Dana  Reyes  has  completed"), with one space between its words: its
    wide gaps part no columns.  Only a line of seven words or more, every gap two or three
    spaces and few of them three, but for one gap of up to six where the sentence runs on
    through it (a name in bold beside it, wider than its line's other words)."""
    found = list(re.finditer(r"(?<=\S) +(?=\S)", text.strip()))
    gaps = [len(g.group(0)) for g in found]
    wide = [g for g in found if len(g.group(0)) > 3]
    if len(wide) == 1 and len(wide[0].group(0)) <= 6 and not _split(text.strip(), wide[0]):
        gaps.remove(len(wide[0].group(0)))  # a name in bold beside its sentence: one gap wider
    if len(gaps) < 6 or not all(2 <= g <= 3 for g in gaps) or gaps.count(3) * 4 > len(gaps):
        return text
    lead = len(text) - len(text.lstrip(" "))
    return " " * lead + " ".join(text.split())


def _split(text: str, gap: re.Match[str]) -> bool:
    """Whether a justified line's one wider gap parts two columns, not a sentence's words: the
    words beside it both capitalised ("Lead  Instructor    Training  Director"), or a label's
    colon before it; the sentence runs on through it after a word in small letters ("certify
    that    Dana  Reyes  has")."""
    before, after = text[: gap.start()].split()[-1], text[gap.end() :].split()[0]
    return before.endswith(":") or not (before.islower() or after.islower())


# a letter-spaced word, as a PDF's layout gives a heading set with wide tracking: "R E S T O R
# AT I O N" (a kerned pair stays together); its initial may stand apart in small capitals
# ("C   E R T I F I C A T E"), and its words stand two to twelve spaces apart
_LETTERS = r"[^\W\d_]{1,2}(?: [^\W\d_]{1,2})+"
_SPACED = re.compile(
    rf"(?<!\S)(?:[^\W\d_] {{3,4}})?{_LETTERS}"
    rf"(?:(?: ,)? {{2,12}}(?:& {{2,8}})?(?:[^\W\d_] {{3,4}})?{_LETTERS})*(?: \.)?(?!\S)"
)
_COMMA = re.compile(r" ,(?= )")  # "S Y S T E M S ,   I N C .": a comma after a word


def unspaced(text: str) -> str:
    """`text` with its letter-spaced runs as words ("N O R T H W I N D   A C A D E M Y" is
    "NORTHWIND ACADEMY", an "&" between its words and a full stop after them kept), each run
    padded to its length, so that what follows it keeps its column.  A run is letter-spaced
    when three tokens in four are single letters, one of its words has five letters apart at
    least, and each word is capitals (a kerned pair, "AT", among them) or single letters, small
    or a capital first ("C e r t i f i c a t e"): never "I am a b", "J R Smith"."""

    def one(m: re.Match[str]) -> str:
        run = m.group(0)
        tokens = run.split()
        if sum(len(t) == 1 for t in tokens) * 4 < len(tokens) * 3:
            return run
        found = [((w.group(1) or ""), w.group(2).split()) for w in _WORD.finditer(run)]
        if not any(len(letters) >= 5 for _, letters in found):
            return run
        words = [first + "".join(letters) for first, letters in found]
        for word, (_, letters) in zip(words, found, strict=True):
            single = all(len(t) == 1 for t in letters)  # a kerned pair ("AT") among capitals
            if not (word.isupper() or (single and (word.islower() or word.istitle()))):
                return run
        stop = "." if run.endswith(" .") else ""  # an abbreviation's full stop: "C O ."
        parts = (
            " & ".join(_words(p) for p in _AMPERSAND.split(part)) for part in _COMMA.split(run)
        )
        return (", ".join(parts) + stop).ljust(len(run))

    return _SPACED.sub(one, text)


_WORD = re.compile(rf"(?:([^\W\d_]) {{3,4}})?({_LETTERS})")
_AMPERSAND = re.compile(r" {2,8}& {2,8}")  # "H A L E   &   S O N S" is "HALE & SONS"


def _words(run: str) -> str:
    return " ".join((w.group(1) or "") + "".join(w.group(2).split()) for w in _WORD.finditer(run))


def ocr_line(page: int, number: int, words: list[tuple[str, float, bool]]) -> Line:
    """A line from OCR words (text, confidence, whether a wide gap precedes it)."""
    parts: list[Word] = []
    text = ""
    barred = False
    for word, conf, gap in words:
        if word in BARS:  # a bar parts columns, as a wide gap does
            barred = True
            continue
        gap, barred = gap or barred, False
        found = IICRC_MISREAD.match(word)
        if found and not word[found.end() :].isalnum():
            word = "IICRC" + word[found.end() :]
        word = RULE_ENDS.sub("", word)
        cec = CEC_MISREAD.fullmatch(word)
        if cec and "G" in cec.group(2) and (cec.group(1) or _count(parts)):
            word = (cec.group(1) or "") + "CEC" + cec.group(3)
        glued = GLUED_UNIT.fullmatch(word)
        for k, token in enumerate(glued.groups() if glued else (word,)):
            if text:
                text += GAP if gap and not k else " "
            parts.append(Word(token, len(text), conf))
            text += token
    return Line(page, number, text, tuple(parts), number)


def _count(parts: list[Word]) -> bool:
    """Whether the line's last word so far is a number (a count of what follows)."""
    return bool(parts) and re.fullmatch(r"\d+(?:[.,]\d+)?", parts[-1].text) is not None


def chunks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The column pieces of `text[start:end]` (split at runs of 3 spaces), with offsets."""
    end = len(text) if end is None else end
    out = []
    for m in re.finditer(r"\S+(?: {1,2}\S+)*", text[start:end]):
        out.append((start + m.start(), m.group(0)))
    return out


# a sentence's end: a full stop (or ! ?) after a word, a number or a parenthesis, before a
# capital; never an abbreviation's ("Course No. 26-2290", "Supply Co. Presents") or an
# initial's ("J. Smith")
_STOP = re.compile(r"(?<=[\w)\]%])[.!?]\s+(?=[A-Z\u201c\"(])")
_ABBREVIATION = re.compile(
    r"nos?|co|inc|ltd|corp|st|dr|mrs?|ms|jr|sr|vs|dept|approx|ave|blvd|rd|ste|mt|ft", re.I
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of `text` that holds text[start:end] starts and ends (all of it when
    it is one)."""
    a, b = 0, len(text)
    for m in _STOP.finditer(text):
        word = re.search(r"(\w+)\W*$", text[: m.start()])
        last = word.group(1) if word is not None else ""
        if (len(last) == 1 and last.isalpha()) or _ABBREVIATION.fullmatch(last):
            continue
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start() + 1
            break
    return a, b


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end]."""
    a, b = sentence_bounds(text, start, end)
    return text[a:b]
