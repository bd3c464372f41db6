"""Plan limits and defaults the command line needs at start-up, in a module that imports nothing heavy."""

from typing import Literal

Lang = Literal["en", "bg"]
LANGS: tuple[Lang, ...] = ("en", "bg")

MAX_MONTHS = 60
DEFAULT_MONTHS = 12
