"""Plan limits and defaults the command line needs at start-up, in a module that imports nothing heavy."""

from typing import Literal

Lang = Literal["en", "bg"]
LANGS: tuple[Lang, ...] = ("en", "bg")

MAX_MONTHS = 60
DEFAULT_MONTHS = 12

PERCENT_FRACTION = 1.5
"""The largest fraction a cell formatted as % holds for a percentage people type (150 %): a number
above it is percentage points, not a fraction."""
