"""The months of the year by name, in English and in Bulgarian, as people type them: `November 2026`,
`Nov 2026`, `ноември 2026`, `ное 2026`, `ноем. 2026 г.`, in any case."""

from __future__ import annotations

import re

from sheetplan.plan.model import Month
from sheetplan.plan.schema import Lang

NAMES = (
    ("January", "януари"),
    ("February", "февруари"),
    ("March", "март"),
    ("April", "април"),
    ("May", "май"),
    ("June", "юни"),
    ("July", "юли"),
    ("August", "август"),
    ("September", "септември"),
    ("October", "октомври"),
    ("November", "ноември"),
    ("December", "декември"),
)
"""Each month's name in English and in Bulgarian."""
_SHORTEST = 3
"""The fewest letters that name a month: its first three (`Nov`, `ное`) tell every month apart in
either language."""
_SHORTER = {"ян": 1}
"""The usual abbreviations shorter than that: `ян.` for януари."""
_NAMED_MONTH = re.compile(r"([^\W\d_]+)\.?,?\s*(\d{4})(?:\s*г\.?)?")


def month_number(word: str) -> int | None:
    """The number of the month `word` names, 1 to 12: its whole name or the start of it (three letters
    or more, or `ян`; with a full stop or not), in either language and any case; None for any other."""
    folded = word.strip().removesuffix(".").casefold()
    if len(folded) < _SHORTEST:
        return _SHORTER.get(folded)
    for number, names in enumerate(NAMES, start=1):
        if any(name.casefold().startswith(folded) for name in names):
            return number
    return None


def named_month(typed: str) -> Month | None:
    """The month of text such as `November 2026` or `ноем. 2026 г.`; None when it is not one."""
    found = _NAMED_MONTH.fullmatch(typed.strip())
    number = month_number(found[1]) if found else None
    if found is None or number is None:
        return None
    year = int(found[2])
    return Month(year, number) if year >= 1 else None


def month_name(number: int, lang: Lang) -> str:
    """The name of month `number` in `lang`, as a date in a message writes it: `April`, `април`."""
    english, bulgarian = NAMES[number - 1]
    return bulgarian if lang == "bg" else english
