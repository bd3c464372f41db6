"""The posts of the Posts sheet as the plan holds them, for the review's content and cadence.

`sheetplan import` writes the sheet from the platforms' post-level exports; people may add columns,
which are kept and ignored. A separate module from `model` only to keep that one short.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Post(NamedTuple):
    """A Posts row: one post on one channel, with its numbers as of the export it was read from.

    A named tuple, as a plan may list ten thousand: a frozen dataclass takes five times as long to make.
    """

    channel: str
    post_id: str
    published: date | None
    type: str = ""
    text: str = ""
    impressions: float | None = None
    engagements: float | None = None
    reactions: float | None = None
    comments: float | None = None
    shares: float | None = None
    clicks: float | None = None
    row: int = 0

    @property
    def engagement(self) -> float | None:
        """Its engagements, else its reactions, comments, shares and clicks added up; None with none."""
        if self.engagements is not None:
            return self.engagements
        parts = [
            part for part in (self.reactions, self.comments, self.shares, self.clicks) if part is not None
        ]
        return sum(parts) if parts else None
