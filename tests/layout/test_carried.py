"""Text typed into a review sheet: told from what the layout writes, and kept as Decisions rows."""

from __future__ import annotations

from datetime import date

from plan_builder import expected_plan, sample

from sheetplan.layout.carried import TypedRow, decision_cells, typed_decisions, typed_rows
from sheetplan.layout.review import review_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.model import Decision, Month
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)
COLUMNS = {"month": 1, "decision": 2, "owner": 3, "due": 4, "status": 5, "notes": 8}


def layout() -> SheetLayout:
    return review_layout(build_review(expected_plan(sample()), MARCH), "en")


def as_rows(found: SheetLayout) -> list[list[object]]:
    """The sheet as a reader gives it back: rows of values, numbers as floats."""
    last_row = max(cell.row for cell in found.cells)
    rows: list[list[object]] = [[None] * 14 for _ in range(last_row)]
    for cell in found.cells:
        value = float(cell.value) if isinstance(cell.value, int) else cell.value
        rows[cell.row - 1][cell.column - 1] = value
    return rows


def test_a_sheet_as_written_holds_nothing_typed() -> None:
    found = layout()
    assert typed_rows(as_rows(found), found) == ()


def test_text_in_blank_cells_and_beyond_the_sheet_is_typed_with_its_row() -> None:
    found = layout()
    rows = as_rows(found)
    last = len(rows)
    blank = next(n for n, row in enumerate(rows, 1) if n > 5 and all(value is None for value in row))
    rows[blank - 1][1:4] = ["Call the printer", "Maria", date(2025, 4, 10)]
    rows[2] += [None, "See M1 with Ivan"]
    rows.append([None, None, 3.0])  # a number below the sheet: typed too
    assert typed_rows(rows, found) == (
        TypedRow(3, ((16, "See M1 with Ivan"),)),
        TypedRow(blank, ((2, "Call the printer"), (3, "Maria"), (4, date(2025, 4, 10)))),
        TypedRow(last + 1, ((3, 3.0),)),
    )


def test_the_sheets_own_wording_is_not_typed_even_under_another_number() -> None:
    found = layout()
    rows = as_rows(found)
    blank = next(n for n, row in enumerate(rows, 1) if n > 5 and all(value is None for value in row))
    rows[blank - 1][0] = "7. Decisions and plan changes"
    rows[blank - 1][2] = "Write them in the table at the end, then change the plan's sheets."
    rows[blank - 1][4] = "Review meeting: first Monday"
    rows[blank - 1][5] = 1200.0  # a figure that moved
    assert typed_rows(rows, found) == ()


def test_typed_rows_become_open_decisions_of_the_month() -> None:
    typed = (
        TypedRow(40, ((2, "Call the printer"), (3, "maria"), (4, date(2025, 4, 10)))),
        TypedRow(3, ((16, "See M1"), (17, 12.0))),
    )
    found = typed_decisions(typed, "Review 2025-03", MARCH, ["Maria", "Ivan"], "en", 7)
    assert found == (
        Decision(
            MARCH,
            "Call the printer",
            "Maria",
            date(2025, 4, 10),
            "open",
            notes="Typed in 'Review 2025-03'!B40, C40, D40; kept here by the next review.",
        ),
        Decision(
            MARCH,
            "See M1 · 12",
            "",
            None,
            "open",
            notes="Typed in 'Review 2025-03'!P3, Q3; kept here by the next review.",
        ),
    )
    assert [decision.row for decision in found] == [7, 8]
    assert decision_cells(found, COLUMNS) == {
        (7, 1): "2025-03",
        (7, 2): "Call the printer",
        (7, 3): "Maria",
        (7, 4): date(2025, 4, 10),
        (7, 5): "open",
        (7, 8): "Typed in 'Review 2025-03'!B40, C40, D40; kept here by the next review.",
        (8, 1): "2025-03",
        (8, 2): "See M1 · 12",
        (8, 5): "open",
        (8, 8): "Typed in 'Review 2025-03'!P3, Q3; kept here by the next review.",
    }
