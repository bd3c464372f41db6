"""The Posts sheet after an import: a post already listed is updated in its own row, never doubled."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import export_files as ef
from import_support import exports

from sheetplan.imports.posts import FIELDS, latest_posts, post_rows
from sheetplan.plan.model import SheetLocation
from sheetplan.plan.schema import POSTS

HEADER = [column.header("en") for column in POSTS.columns]
LOCATION = SheetLocation("Posts", {column.key: n for n, column in enumerate(POSTS.columns, start=1)})


def meta(path: Path, reach: int) -> Path:
    return ef.meta_posts(
        path,
        [
            {
                "Post ID": "1_1",
                "Publish time": datetime(2026, 9, 3, 10, 0),
                "Reach": reach,
                "Description": "Hi",
            },
            {"Post ID": "1_2", "Publish time": datetime(2026, 9, 4, 10, 0), "Reach": 5, "Description": "Yo"},
        ],
    )


def test_a_later_export_updates_a_listed_post_in_its_row_and_adds_the_new_one_below(tmp_path: Path) -> None:
    earlier = meta(tmp_path / "Sep-01-2026_Sep-03-2026_1.csv", 100)
    first = post_rows(LOCATION, [HEADER], latest_posts(exports(earlier)))
    assert (first.added, first.updated) == (2, 0)
    listed = [HEADER, *([None] * len(HEADER) for _ in range(2))]
    for (row, column), value in first.cells.items():
        listed[row - 1][column - 1] = value
    assert [row[1] for row in listed[1:]] == ["1_1", "1_2"]
    later = meta(tmp_path / "Sep-01-2026_Sep-30-2026_1.csv", 180)
    second = post_rows(LOCATION, listed, latest_posts(exports(earlier, later)))
    reach, source = LOCATION.columns["reach"], LOCATION.columns["source_file"]
    assert (second.added, second.updated) == (0, 2)
    assert second.cells == {
        (2, reach): 180,
        (2, source): later.name,
        (3, source): later.name,
    }


def test_a_plan_without_a_posts_sheet_gets_every_post_as_a_row(tmp_path: Path) -> None:
    found = post_rows(None, [], latest_posts(exports(meta(tmp_path / "posts.csv", 1))))
    assert (found.added, found.cells) == (2, {})
    named = [dict(zip(FIELDS, row, strict=True)) for row in found.rows]
    assert [(row["channel"], row["post_id"], row["reach"], row["text"]) for row in named] == [
        ("Facebook", "1_1", 1, "Hi"),
        ("Facebook", "1_2", 5, "Yo"),
    ]
