"""Each person's tasks on the review sheet: open actions by due date, overdue first; metrics; decisions."""

from __future__ import annotations

from datetime import date

from plan_builder import expected_plan, sample

from sheetplan.layout.review import review_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.model import Month
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)


def layout() -> SheetLayout:
    data = sample()
    data.rows["actions"].append(
        {
            "action_id": "A5",
            "goal_id": "G1",
            "action": "Plan April",
            "owner": "Maria",
            "status": "not started",
        }
    )
    data.rows["decisions"] = [
        {
            "month": "2025-02",
            "decision": "Post twice a week",
            "owner": "Maria",
            "status": "open",
            "due": date(2025, 3, 1),
        },
        {"month": "2025-02", "decision": "Drop the flyer", "owner": "Maria", "status": "done"},
    ]
    return review_layout(build_review(expected_plan(data), MARCH), "en")


def table(found: SheetLayout, title: str) -> list[list[object]]:
    cells = {(cell.row, cell.column): cell for cell in found.cells}
    start = min(cell.row for cell in found.cells if cell.value == title and cell.column == 1)
    rows = []
    row = start + 1
    while (row, 1) in cells:
        rows.append([cells[row, column].value for column in range(1, 6)])
        row += 1
    return rows


def test_maria_goes_through_her_open_actions_metric_and_open_decision() -> None:
    found = layout()
    assert table(found, "Maria (Marketing lead)") == [
        ["ID", "Action, metric or decision", "Due", "Status", "Notes"],
        ["A4", "Answer every comment", date(2025, 6, 30), "blocked", "Waiting for a login"],
        ["A5", "Plan April", None, "not started", ""],
        ["M1", "Website visits from social", None, "on track", ""],
        ["2025-02", "Post twice a week", date(2025, 3, 1), "open", ""],
    ]


def test_the_overdue_come_first_and_are_marked() -> None:
    found = layout()
    assert table(found, "Elena (Design)")[1][:4] == [
        "A2",
        "Design post templates",
        date(2025, 3, 15),
        "in progress",
    ]
    styles = {(cell.row, cell.column): cell.style for cell in found.cells}
    row = next(cell.row for cell in found.cells if cell.value == "Design post templates" and cell.column == 2)
    assert styles[row, 3] == "date_overdue"
    ivan = table(found, "Ivan (Content)")
    assert [row[0] for row in ivan[1:]] == ["A3", "M2"]


def test_a_busy_person_gets_the_first_actions_and_a_count_of_the_rest() -> None:
    from sheetplan.layout.people import ACTIONS_SHOWN

    data = sample()
    data.rows["actions"] += [
        {
            "action_id": f"B{n}",
            "goal_id": "G1",
            "action": f"Task {n}",
            "owner": "Ivan",
            "due": date(2025, 5, n),
            "status": "not started",
        }
        for n in range(1, 21)
    ]
    found = review_layout(build_review(expected_plan(data), MARCH), "en")
    ivan = table(found, "Ivan (Content)")
    assert [row[0] for row in ivan[1 : ACTIONS_SHOWN + 2]] == ["A3", *(f"B{n}" for n in range(1, 15)), "M2"]
    texts = {cell.value for cell in found.cells}
    assert "And 6 more open actions, due later, on the Actions sheet." in texts
