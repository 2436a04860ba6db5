"""Text a person gives ceclog (a name, a title, a note, an email address): what is acceptable.

The one definition: the file schema (`store.schema`) and the command line
(`core.ledger.fields`) both ask `text_problem` and `email_problem`, so a value the command line
accepts always reads back, and a hand-edited ledger is held to the same rules. A name or title
is one line of text: no line break, tab or other control character (an escape code would drive
the terminal it is printed on); notes may have several lines. Text that shows nothing (spaces,
zero-width characters, fillers) counts as empty. Right-to-left and other direction marks are
text in some languages and are kept; the outputs show them as marks (`output.bidi`)."""

from __future__ import annotations

import re

SURROGATE_RE = re.compile("[\ud800-\udfff]")
# control characters (C0, DEL, C1) and the line and paragraph separators: never in one line
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# in notes, tabs and line breaks are text
_NOTES_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# a character that shows something: not white space, not a format character (Unicode's Cf:
# zero-width spaces and joiners, direction marks, the byte-order mark, tags), not a variation
# selector, a combining grapheme joiner, a Hangul filler or a blank Braille pattern
_VISIBLE = re.compile(
    "[^\\s\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a line break", "\x1b": "an escape code"}
# an email address: one @, no spaces, quotes, brackets or separators; a domain of dotted
# labels (letters, digits, hyphens inside) ending in a name of two letters or more
_EMAIL = re.compile(
    r"(?!\.)(?!.*\.\.)[^\s\x00-\x1f\x7f@\"(),:;<>\[\\\]]{1,64}(?<!\.)"
    r"@(?:(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}"
)


def _char(c: str) -> str:
    code = f"U+{ord(c):04X}"
    if c in _NAMES:
        return f"{_NAMES[c]} ({code})"
    import unicodedata

    name = unicodedata.name(c, "")
    return f"{code} {name}" if name else f"a control character ({code})"


def blank(value: str) -> bool:
    """Whether `value` shows nothing: only spaces and invisible characters (or nothing)."""
    return _VISIBLE.search(value) is None


def text_problem(value: str, limit: int, *, lines: bool = False) -> str | None:
    """Why `value` is not acceptable text for a field, or None: words that follow the field's
    name ("the title cannot be empty").  `lines`: a note, which may have several lines."""
    if blank(value):
        if value.strip():
            shown = ", ".join(dict.fromkeys(_char(c) for c in value if not c.isspace()))
            return f"cannot be empty: it has only invisible characters ({shown})"
        return "cannot be empty"
    if len(value) > limit:
        return f"is too long: at most {limit} characters, it has {len(value)}"
    if SURROGATE_RE.search(value):
        return "contains characters that are not valid text (lone surrogates)"
    control = (_NOTES_CONTROL if lines else _CONTROL).search(value)
    if control is not None and control.group() in "\n\r\u2028\u2029":
        return "must be one line: it has a line break; write it on one line"
    if control is not None:
        return f"must not contain control characters: it has {_char(control.group())}; remove it"
    return None


def file_label(name: str) -> str:
    """A file's name as text a ledger can hold (`imported`, an assertion's source): control
    characters and undecodable bytes shown as "?"."""
    return SURROGATE_RE.sub("?", _CONTROL.sub("?", name))


def email_problem(value: str) -> str | None:
    """Why `value` is not an email address, or None ("dana@", "a@b" and "dana example.com"
    are not)."""
    if _EMAIL.fullmatch(value):
        return None
    local, _, domain = value.rpartition("@")
    if "@" not in value:
        why = "it has no @"
    elif not local or not domain:
        why = f"nothing {'before' if not local else 'after'} the @"
    elif any(c.isspace() for c in value):
        why = "it has a space"
    elif value.count("@") > 1:
        why = "it has more than one @"
    elif "." not in domain:
        why = "the part after the @ is not a domain such as example.com"
    else:
        why = "it is not of the form name@example.com"
    return f"is not an email address: {why} (write it like dana.reyes@example.com)"
