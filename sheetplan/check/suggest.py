"""What a name or an ID the plan does not know was probably meant to be, for "did you mean ...?".

Asking for the person to be added to the Owners sheet when `Mariya Ivanova` was typed for Maria
Ivanova invites a second Maria; naming the close one invites the fix. Names are matched with
`difflib` on their folded form (`schema.normalise`); IDs only when they differ in case or spaces,
since `M13` is close to `M1` and `M3` in letters but is neither.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from sheetplan.plan import schema

CUTOFF = 0.75
"""How alike two folded names must be (difflib's ratio) to be offered: `Mariya Ivanova` and
`Maria Ivanova` are 0.96 alike, `Ivan` and `Iva` 0.86, `Boris` and `Maria` 0.4."""


def folded(names: Iterable[str]) -> dict[str, str]:
    """Each name folded as `schema.normalise` folds it, to the first name folded so."""
    return {schema.normalise(name): name for name in reversed(list(names)) if name}


def meant_name(typed: str, names: Mapping[str, str]) -> str | None:
    """The name of `names` (folded to name) closest to `typed`, when one is close enough."""
    found = difflib.get_close_matches(schema.normalise(typed), names, n=1, cutoff=CUTOFF)
    return names[found[0]] if found else None


def meant_id(typed: str, ids: Mapping[str, str]) -> str | None:
    """The ID of `ids` (folded to ID) that `typed` is in another case or spacing, if any."""
    return ids.get(schema.normalise(typed))


def did_you_mean(meant: str | None, quoted: bool = False) -> str:
    """`; did you mean G1?` (or `"Maria"` quoted) to end a message, or nothing without a meaning."""
    if meant is None:
        return ""
    return f'; did you mean "{meant}"?' if quoted else f"; did you mean {meant}?"
