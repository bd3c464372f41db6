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

from collections.abc import Mapping, Sequence
from datetime import date

from sheetplan.exports.model import Post, Row, Value, folded
from sheetplan.exports.shapes import PostColumns

_FIGURES = ("impressions", "reach", "engagements", "reactions", "comments", "shares", "clicks")
_YOUTUBE_WATCH = "https://www.youtube.com/watch?v="


def posts_of(
    columns: PostColumns, header: Sequence[str], rows: Sequence[Row], times: Sequence[date | None]
) -> tuple[Post, ...]:
    """The posts of a table's rows, `times` being each row's publish time."""
    spelled = {folded(column): column for column in header}

    def first(names: Sequence[str]) -> str | None:
        return next((spelled[name] for name in names if name in spelled), None)

    post_id = spelled.get(columns.post_id)
    texts = [spelled[name] for name in columns.text if name in spelled]
    link = first([columns.link] if columns.link else [])
    kind = first([columns.type] if columns.type else [])
    figures = {figure: first(columns.figures.get(figure, ())) for figure in _FIGURES}
    posts = []
    for row, time in zip(rows, times, strict=True):
        values = row.values
        identifier = _text(values, post_id) or ""
        text = next((found for column in texts if (found := _text(values, column))), "")
        address = _text(values, link)
        if address is None and columns.channel == "YouTube" and identifier:
            address = _YOUTUBE_WATCH + identifier
        amounts = {figure: _amount(values, column) for figure, column in figures.items()}
        posts.append(
            Post(row.number, columns.channel, identifier, time, _text(values, kind), text, address, **amounts)
        )
    return tuple(posts)


def _text(values: Mapping[str, Value], column: str | None) -> str | None:
    value = values.get(column) if column else None
    return None if value is None else str(value)


def _amount(values: Mapping[str, Value], column: str | None) -> int | float | None:
    value = values.get(column) if column else None
    return value if isinstance(value, int | float) else None
