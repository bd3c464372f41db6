"""The posts of a post-level export, as the Posts sheet lists them: each platform's columns mapped
onto the same fields.

| field | Facebook | Instagram | X | LinkedIn | YouTube |
|---|---|---|---|---|---|
| Post ID | Post ID | Post ID | Post id (Tweet id) | Post link | Content |
| Published | Publish time | Publish time | Date (time) | Created date | Video publish time |
| Type | Post type | Post type | | Post type | |
| Text | Description, else Title | Description | Post text (Tweet text) | Post title | Video title |
| Link | Permalink | Permalink | Post Link (Tweet permalink) | Post link | the video's watch page |
| Impressions | Views (Impressions) | Views | Impressions | Impressions | Impressions |
| Reach | Reach | Reach | | | |
| Engagements | Reactions, Comments and Shares | | Engagements | | |
| Reactions | Reactions | Likes | Likes | Likes | Likes |
| Comments | Comments | Comments | Replies | Comments | Comments added |
| Shares | Shares | Shares | Reposts (retweets) | Reposts (Shares) | Shares |
| Clicks | Total clicks | | URL Clicks | Clicks | |

A figure the export does not have is None; sheetplan does not add one up from others.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import repeat

from sheetplan.exports.model import Post, Value, folded
from sheetplan.exports.shapes import PostColumns
from sheetplan.plan.tuples import make_tuples

_FIGURES = ("impressions", "reach", "engagements", "reactions", "comments", "shares", "clicks")
_YOUTUBE_WATCH = "https://www.youtube.com/watch?v="


def posts_of(
    columns: PostColumns,
    header: Sequence[str],
    lines: Sequence[int],
    times: Sequence[date | None],
    cells: Sequence[Sequence[Value]],
) -> tuple[Post, ...]:
    """The posts of a table given by its columns (`cells`, one sequence per column of `header`),
    `times` being each row's publish time. The figure columns hold numbers or None, as `convert`
    reads them."""
    places = {folded(column): index for index, column in enumerate(header)}
    blank: list[Value] = [None] * len(lines)

    def column(name: str | None) -> Sequence[Value]:
        return cells[places[name]] if name in places else blank

    identifiers = ["" if value is None else str(value) for value in column(columns.post_id)]
    texts = [column(name) for name in columns.text if name in places] or [blank]
    text: list[Value] = [value if value is not None else "" for value in texts[-1]]
    for earlier in reversed(texts[:-1]):
        text = [value if value is not None else later for value, later in zip(earlier, text, strict=True)]
    links = column(columns.link)
    if columns.channel == "YouTube" and columns.link is None:
        links = [_YOUTUBE_WATCH + identifier if identifier else None for identifier in identifiers]
    figures = [
        next((cells[places[name]] for name in columns.figures.get(figure, ()) if name in places), blank)
        for figure in _FIGURES
    ]
    types = column(columns.type)
    fields = zip(lines, repeat(columns.channel), identifiers, times, types, text, links, *figures)
    return tuple(map(make_tuples(Post), fields))
