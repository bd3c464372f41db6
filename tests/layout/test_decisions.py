"""The review sheet's decisions: those to follow up open the agenda, and the sheet says where new ones go."""

from __future__ import annotations

from datetime import date

from plan_builder import expected_plan, sample

from sheetplan.layout.review import review_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.model import Month
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)
DECISIONS = [
    {"month": "2025-01", "decision": "Drop the flyer", "owner": "Ivan", "status": "dropped"},
    {
        "month": "2025-02",
        "decision": "Post twice a week",
        "owner": "Maria",
        "status": "open",
        "metric_id": "M1",
    },
    {
        "month": "2025-03",
        "decision": "Ask the printer for a quote",
        "owner": "Elena",
        "due": date(2025, 3, 20),
        "status": "open",
        "notes": "Two offers",
    },
    {
        "month": "2025-03",
        "decision": "Film a video",
        "owner": "Ivan",
        "due": date(2025, 5, 2),
        "status": "open",
    },
]


def layout(lang: str = "en") -> SheetLayout:
    data = sample()
    data.rows["decisions"] = DECISIONS
    return review_layout(build_review(expected_plan(data), MARCH), lang)  # type: ignore[arg-type]


def rows_from(layout: SheetLayout, first: int, count: int) -> list[list[object]]:
    cells = {(cell.row, cell.column): cell for cell in layout.cells}
    return [[cells[row, column].value for column in range(1, 9)] for row in range(first, first + count)]


def row_of(layout: SheetLayout, value: object) -> int:
    return min(cell.row for cell in layout.cells if cell.value == value)


def test_the_agenda_opens_with_the_decisions_to_follow_up() -> None:
    found = layout()
    agenda = row_of(found, "Agenda")
    cells = {(cell.row, cell.column): cell.value for cell in found.cells}
    assert cells[agenda + 1, 2] == "Decisions to follow up: done, or still open?"
    assert cells[agenda + 1, 3] == (
        "Ask the printer for a quote (Elena, due 2025-03-20); Post twice a week (Maria)."
    )


def test_the_first_section_lists_them_soonest_due_first_an_overdue_one_marked() -> None:
    found = layout()
    heading = row_of(found, "1. Decisions to follow up")
    header, *rows = rows_from(found, heading + 1, 3)
    assert header == ["Month", "Decision", "Owner", "Due", "Status", "Metric ID", "Action ID", "Notes"]
    assert rows == [
        ["2025-03", "Ask the printer for a quote", "Elena", date(2025, 3, 20), "open", "", "", "Two offers"],
        ["2025-02", "Post twice a week", "Maria", None, "open", "M1", "", ""],
    ]
    due = {(cell.row, cell.column): cell.style for cell in found.cells}
    assert (due[heading + 2, 4], due[heading + 3, 4]) == ("date_overdue", "date")
    assert row_of(found, "2. Assumptions") > heading + 3


def test_the_last_section_says_where_new_decisions_go_and_shows_this_months() -> None:
    found = layout()
    heading = row_of(found, "8. Decisions and plan changes")
    cells = {(cell.row, cell.column): cell.value for cell in found.cells}
    assert cells[heading + 1, 1] == (
        "Write each decision on the Decisions sheet, one row each, with Month 2025-03: the next review"
        " follows it up. Text typed on this sheet is moved there when the month is reviewed again."
    )
    assert cells[heading + 2, 1] == "Decided at this month's review"
    assert rows_from(found, heading + 4, 2) == [
        ["2025-03", "Ask the printer for a quote", "Elena", date(2025, 3, 20), "open", "", "", "Two offers"],
        ["2025-03", "Film a video", "Ivan", date(2025, 5, 2), "open", "", "", ""],
    ]
    assert max(cell.row for cell in found.cells) == heading + 5


def test_in_bulgarian() -> None:
    found = layout("bg")
    heading = row_of(found, "1. Решения за проследяване")
    assert rows_from(found, heading + 1, 1) == [
        ["Месец", "Решение", "Отговорник", "Срок", "Статус", "ID на показател", "ID на действие", "Бележки"]
    ]
    assert rows_from(found, heading + 2, 1)[0][4] == "отворено"
