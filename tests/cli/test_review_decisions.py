"""Decisions across reviews: followed up month after month, and text typed into a review sheet kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from plan_builder import plan_grid, sample, write_workbook
from review_support import example_plan, review

from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx.fill import fill

APRIL = "Review 2026-04"


def sheet(path: Path, name: str) -> list[list[object]]:
    return [list(row) for row in read_workbook(path, "xlsx", wanted=name.__eq__)[name]]


def type_into(path: Path, name: str, cells: dict[tuple[int, int], object]) -> None:
    """What a person does in the meeting: type into the review sheet (set losslessly, as Excel would)."""
    fill(path, {name: cells})  # type: ignore[dict-item]


def test_text_typed_into_a_review_sheet_survives_a_second_review_of_the_month(tmp_path: Path) -> None:
    path = example_plan(tmp_path)
    assert review(path, "--month", "2026-04").exit_code == 0
    below = len(sheet(path, APRIL)) + 2
    type_into(
        path,
        APRIL,
        {(below, 2): "Ask the bakery for a second giveaway", (below, 3): "Ivan Petrov", (4, 16): "Check M3"},
    )
    again = review(path, "--month", "2026-04")
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == (
        f'Kept the text typed into the old "{APRIL}" (P4, B{below}, C{below}): it is now on the Decisions'
        " sheet, rows 6 to 7, as open decisions."
    )
    decisions = sheet(path, "Decisions")
    assert decisions[5:] == [
        [
            "2026-04",
            "Check M3",
            "",
            "",
            "open",
            "",
            "",
            f"Typed in '{APRIL}'!P4; kept here by the next review.",
        ],
        [
            "2026-04",
            "Ask the bakery for a second giveaway",
            "Ivan Petrov",
            "",
            "open",
            "",
            "",
            f"Typed in '{APRIL}'!B{below}, C{below}; kept here by the next review.",
        ],
    ]
    texts = {value for row in sheet(path, APRIL) for value in row if isinstance(value, str)}
    assert {"Decided at this month's review", "Check M3", "Ask the bakery for a second giveaway"} <= texts
    third = review(path, "--month", "2026-04")
    assert third.exit_code == 0 and "Kept the text" not in third.stdout
    assert sheet(path, "Decisions") == decisions


def test_an_open_decision_is_followed_up_at_every_review_until_it_is_done(tmp_path: Path) -> None:
    path = example_plan(tmp_path)
    fill(
        path,
        {
            "Decisions": {
                (6, 1): "2026-04",
                (6, 2): "Film a reel a week",
                (6, 3): "Elena Georgieva",
                (6, 4): date(2026, 6, 15),
                (6, 5): "open",
            }
        },
    )

    def followed_up(month: str) -> list[tuple[str, str | None, bool]]:
        found = json.loads(review(path, "--month", month, "--json", "--dry-run").stdout)
        return [(item["decision"], item["due"], item["overdue"]) for item in found["decisions"]]

    reel = "Film a reel a week"
    assert followed_up("2026-04") == [
        ("Move half of the giveaway budget to Instagram reels.", "2026-04-15", True),
        ("Three reels a week instead of two until the follower forecast is met.", "2026-04-30", True),
    ]
    assert followed_up("2026-05")[-1] == (reel, "2026-06-15", False)
    assert followed_up("2026-06")[-1] == (reel, "2026-06-15", True)
    fill(path, {"Decisions": {(6, 5): "done"}})
    assert reel not in [item[0] for item in followed_up("2026-06")]


def test_a_plan_without_a_decisions_sheet_is_not_reviewed_over_typed_text(tmp_path: Path) -> None:
    grid = plan_grid(sample())
    del grid["Decisions"]
    path = write_workbook(tmp_path / "plan.xlsx", grid)
    assert review(path, "--month", "2025-03").exit_code == 0
    type_into(path, "Review 2025-03", {(3, 15): "Ring Maria", (4, 15): "about M1"})
    before = path.read_bytes()
    result = review(path, "--month", "2025-03")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"Error: {path}: 'Review 2025-03'!O3, O4 hold text that sheetplan did not write, and the plan has"
        " no Decisions sheet to keep it; add one (sheetplan init writes it) or move the text, then review"
        " again\n"
    )
    assert path.read_bytes() == before
