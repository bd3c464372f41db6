"""Words that every stage's messages share: a list of items as a line of text names them."""

from __future__ import annotations

from collections.abc import Sequence

from sheetplan.plan.schema import Lang, Text

AND = Text("and", "и")
_AND_MORE = Text("and {count} more", "и още {count}")


def listing(items: Sequence[str], lang: Lang = "en", limit: int = 4, separator: str = ", ") -> str:
    """The first `limit` items, then `and N more` for the rest.

    A comma list reads as a sentence (`a, b and c`, `a, b and 3 more`); a list with another separator,
    whose items may hold commas, keeps it throughout (`a; b; c`, `a; b; and 3 more`).
    """
    shown = list(items[:limit])
    rest = len(items) - len(shown)
    sentence = separator.strip() == ","
    if rest > 0:
        last = _AND_MORE(lang).format(count=rest)
        return f"{separator.join(shown)}{' ' if sentence else separator}{last}"
    if sentence and len(shown) > 1:
        return f"{separator.join(shown[:-1])} {AND(lang)} {shown[-1]}"
    return separator.join(shown)
