"""Numbers in words, the one way every message writes them."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 entry`, `2 entries`, `1 day`, `3 days`: the count and the word it takes (give
    `plural_form` for irregular words)."""
    if count == 1:
        return f"{count} {singular}"
    if plural_form is None:
        if singular.endswith("y") and singular[-2:-1] not in tuple("aeiou"):
            plural_form = singular[:-1] + "ies"
        else:
            plural_form = singular + "s"
    return f"{count} {plural_form}"


def listing(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`: items the way a sentence lists them."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
