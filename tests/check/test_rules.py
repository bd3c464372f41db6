"""The five fundamentals as rules: each rule, on a sample plan with one thing wrong."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from plan_builder import TODAY, Grid, plan_grid, sample, set_cell

from sheetplan.check.rules import RULES, Context, check_plan
from sheetplan.plan.model import (
    Action,
    Channel,
    ErrorValue,
    FormulaValue,
    Goal,
    Metric,
    Month,
    Owner,
    Plan,
    Settings,
)
from sheetplan.read.load import load

ONE_OWNER = "names several people; one owner per task: choose the one who answers for it"
NO_RESULT = (
    "has no saved result (the file was saved by a program that does not calculate);"
    " open it in a spreadsheet program and save it, or type the value"
)


def found(grid: Grid, today: date = TODAY) -> list[str]:
    """What `sheetplan check` reports, load's problems then check's, one line each."""
    plan, problems = load(grid, "plan.xlsx")
    problems = [*problems, *check_plan(plan, today=today, loaded=problems)]
    return [f"{problem.severity} {problem.cell} {problem.code}: {problem.message}" for problem in problems]


def test_the_sample_plan_is_clean() -> None:
    assert found(plan_grid(sample())) == []


def cells(*changes: tuple[str, str, object]) -> Callable[[Grid], None]:
    def change(grid: Grid) -> None:
        for sheet, cell, value in changes:
            set_cell(grid, sheet, cell, value)

    return change


def delete_row(sheet: str, row: int) -> Callable[[Grid], None]:
    def change(grid: Grid) -> None:
        del grid[sheet][row - 1]

    return change


def source_row(*cells_of_row: str) -> Callable[[Grid], None]:
    """A Sources row with these cells (Metric ID, Export, Value, Filter, How) below the headers."""

    def change(grid: Grid) -> None:
        grid["Sources"].append(list(cells_of_row))

    return change


def decision_row(*cells_of_row: object) -> Callable[[Grid], None]:
    """A Decisions row (Month, Decision, Owner, Due, Status, Metric ID, Action ID, Notes) below row 1."""

    def change(grid: Grid) -> None:
        grid["Decisions"].append(list(cells_of_row))

    return change


EMPTIED = ("Goals", "Actions", "Metrics", "Forecasts", "Actuals", "Assumptions")
"""The sheets an empty plan has nothing on (Settings, Owners and Channels may be filled in first)."""


def case(name: str, change: Callable[[Grid], None], *expected: str) -> Any:
    return pytest.param(change, list(expected), id=name)


RULE_CASES = [
    # Goals: the problem and the reason written down, one owner, at least one action and one metric.
    case(
        "goal without a problem",
        cells(("Goals", "C2", "")),
        "error Goals!C2 missing_value: no problem statement: say what problem this goal solves",
    ),
    case(
        "goal without a reason",
        cells(("Goals", "D3", "   ")),
        "error Goals!D3 missing_value: no reason: say why this goal matters",
    ),
    case(
        "goal without a name",
        cells(("Goals", "B2", None)),
        "error Goals!B2 missing_value: no goal: say what you want to achieve",
    ),
    case(
        "goal without an owner",
        cells(("Goals", "E2", None)),
        "error Goals!E2 missing_value: no owner: name the one person responsible",
    ),
    case(
        "goal without actions",
        delete_row("Actions", 4),
        "error Goals!A3 goal_without_actions: goal G2 has no actions; add at least one on the Actions sheet",
        "warning Owners!A3 owner_without_tasks: Ivan owns no action; give them a task or remove them",
    ),
    case(
        "goal without metrics",
        cells(("Metrics", "C3", "G1")),
        "error Goals!A3 goal_without_metrics: goal G2 has no metrics; add at least one on the Metrics sheet",
    ),
    case(
        "a dropped goal needs neither actions nor metrics",
        cells(("Goals", "G3", "dropped"), ("Actions", "B4", "G1"), ("Metrics", "C3", "G1")),
    ),
    case(
        "goal with an unknown status",
        cells(("Goals", "G2", "paused")),
        'error Goals!G2 invalid_choice: "paused" is not a goal status; use one of: active, achieved, dropped',
    ),
    # Actions: one Goal ID that exists, one listed owner, a due date, a valid status.
    case(
        "action without a Goal ID",
        cells(("Actions", "B2", "")),
        "error Actions!B2 missing_value: no Goal ID: say which goal this action serves",
    ),
    case(
        "action for a goal that does not exist",
        cells(("Actions", "B3", "G9")),
        "error Actions!B3 unknown_goal: G9 is not a Goal ID on the Goals sheet",
    ),
    case(
        "action without a due date",
        cells(("Actions", "G3", None)),
        "error Actions!G3 missing_value: no due date",
    ),
    case(
        "action without a status", cells(("Actions", "H2", "")), "error Actions!H2 missing_value: no status"
    ),
    case(
        "action with an unknown status",
        cells(("Actions", "H2", "finished")),
        'error Actions!H2 invalid_choice: "finished" is not an action status;'
        " use one of: not started, in progress, done, blocked, dropped",
    ),
    case(
        "action without an owner",
        cells(("Actions", "E3", None)),
        "error Actions!E3 missing_value: no owner: name the one person who does it",
        "warning Owners!A4 owner_without_tasks: Elena owns no action; give them a task or remove them",
    ),
    case(
        "action owned by two people, with a comma",
        cells(("Actions", "E2", "Maria, Ivan")),
        f'error Actions!E2 several_owners: "Maria, Ivan" {ONE_OWNER}',
    ),
    case(
        "action owned by two people, with 'and'",
        cells(("Actions", "E2", "Maria and Ivan")),
        f'error Actions!E2 several_owners: "Maria and Ivan" {ONE_OWNER}',
    ),
    case(
        "action owned by two people, with a slash",
        cells(("Actions", "E2", "Maria/Ivan")),
        f'error Actions!E2 several_owners: "Maria/Ivan" {ONE_OWNER}',
    ),
    case(
        "action owned by two people, in Bulgarian",
        cells(("Actions", "E2", "Мария и Иван")),
        f'error Actions!E2 several_owners: "Мария и Иван" {ONE_OWNER}',
    ),
    case(
        "action owned by someone not on the Owners sheet",
        cells(("Actions", "E2", "Petya")),
        'error Actions!E2 unknown_owner: "Petya" is not on the Owners sheet; add the person there first',
    ),
    case(
        "action owned by someone whose name is close to one on the Owners sheet",
        cells(("Owners", "A5", "Maria Ivanova"), ("Actions", "E2", "Mariya Ivanova")),
        'error Actions!E2 unknown_owner: "Mariya Ivanova" is not on the Owners sheet;'
        ' did you mean "Maria Ivanova"?',
        "warning Owners!A5 owner_without_tasks: Maria Ivanova owns no action;"
        " give them a task or remove them",
    ),
    case(
        "metric owned by a misspelt name",
        cells(("Metrics", "D3", "ivn")),
        'error Metrics!D3 unknown_owner: "ivn" is not on the Owners sheet; did you mean "Ivan"?',
    ),
    case(
        "action owner spelt in another case",
        cells(("Actions", "E2", "maria")),
        'warning Actions!E2 owner_spelling: "maria" is spelt "Maria" on the Owners sheet; use the dropdown',
    ),
    case(
        "action for a Goal ID typed in another case",
        cells(("Actions", "B3", "g1")),
        "error Actions!B3 unknown_goal: g1 is not a Goal ID on the Goals sheet; did you mean G1?",
    ),
    case(
        "action due before it starts",
        cells(("Actions", "F2", date(2025, 3, 1))),
        "warning Actions!G2 due_before_start: due 2025-02-28 is before its start 2025-03-01",
    ),
    case(
        "action on a channel not on the Channels sheet",
        cells(("Actions", "D2", "TikTok")),
        'warning Actions!D2 unknown_channel: "TikTok" is not on the Channels sheet',
    ),
    case(
        "action on a channel spelt otherwise than on the Channels sheet",
        cells(("Actions", "D2", "Linkedin")),
        'warning Actions!D2 unknown_channel: "Linkedin" is not on the Channels sheet;'
        ' did you mean "LinkedIn"?',
    ),
    # Metrics: a valid direction and aggregation, a forecast for every month.
    case(
        "metric without a direction",
        cells(("Metrics", "F2", None)),
        "error Metrics!F2 missing_value: no direction: up if higher is better, down if lower is",
    ),
    case(
        "metric with an unknown direction",
        cells(("Metrics", "F2", "sideways")),
        'error Metrics!F2 invalid_choice: "sideways" is not a direction; use one of: up, down',
    ),
    case(
        "metric without an aggregation",
        cells(("Metrics", "G3", "")),
        "error Metrics!G3 missing_value: no aggregation: sum, last or average",
    ),
    case(
        "metric with an unknown aggregation",
        cells(("Metrics", "G3", "median")),
        'error Metrics!G3 invalid_choice: "median" is not an aggregation; use one of: sum, last, average',
    ),
    case(
        "metric owned by two people",
        cells(("Metrics", "D4", "Elena & Maria")),
        f'error Metrics!D4 several_owners: "Elena & Maria" {ONE_OWNER}',
    ),
    case(
        "metric for a goal that does not exist",
        cells(("Metrics", "C4", "G3")),
        "error Metrics!C4 unknown_goal: G3 is not a Goal ID on the Goals sheet",
    ),
    case(
        "metric without a forecast row",
        delete_row("Forecasts", 4),
        "error Metrics!A4 no_forecast_row: M3 has no row on Forecasts;"
        " add one with a forecast for every month",
    ),
    case(
        "metric with forecasts missing",
        cells(("Forecasts", "E3", None), ("Forecasts", "G3", "")),
        "error Forecasts!E3 missing_forecast: M2 has no forecast for 2025-03 and 2025-05",
    ),
    case(
        "metric with no forecast at all",
        cells(*(("Forecasts", f"{column}4", None) for column in "CDEFGH")),
        "error Forecasts!C4 missing_forecast:"
        " M3 has no forecast for 2025-01, 2025-02, 2025-03, 2025-04 and 2 more",
    ),
    # IDs are unique.
    case(
        "two goals with one ID",
        cells(("Goals", "A3", "G1")),
        "error Goals!A3 duplicate_id: G1 is also on row 2; each Goal ID must be different",
        "error Actions!B4 unknown_goal: G2 is not a Goal ID on the Goals sheet",
        "error Metrics!C3 unknown_goal: G2 is not a Goal ID on the Goals sheet",
    ),
    case(
        "two goals whose IDs differ only in case, which the review takes for one goal",
        cells(("Goals", "A3", "g1")),
        "error Goals!A3 duplicate_id: g1 is also on row 2; each Goal ID must be different",
        "error Actions!B4 unknown_goal: G2 is not a Goal ID on the Goals sheet",
        "error Metrics!C3 unknown_goal: G2 is not a Goal ID on the Goals sheet",
        "error Goals!A3 goal_without_actions: goal g1 has no actions; add at least one on the Actions sheet",
        "error Goals!A3 goal_without_metrics: goal g1 has no metrics; add at least one on the Metrics sheet",
    ),
    case(
        "two actions with one ID",
        cells(("Actions", "A4", "A2")),
        "error Actions!A4 duplicate_id: A2 is also on row 3; each Action ID must be different",
    ),
    case(
        "two metrics with one ID",
        cells(("Metrics", "A4", "M1")),
        "error Metrics!A4 duplicate_id: M1 is also on row 2; each Metric ID must be different",
        "error Forecasts!A4 unknown_metric: M3 is not a Metric ID on the Metrics sheet",
        "error Actuals!A4 unknown_metric: M3 is not a Metric ID on the Metrics sheet",
    ),
    case(
        "one person twice on the Owners sheet",
        cells(("Owners", "A5", "ivan ")),
        "warning Owners!A5 duplicate_name: ivan is also on row 3; each Owner must be different",
    ),
    # Forecasts and Actuals name known metrics; actuals are for months that are over.
    case(
        "forecasts for a metric not on the Metrics sheet",
        cells(("Forecasts", "A5", "M9"), ("Forecasts", "C5", 3)),
        "error Forecasts!A5 unknown_metric: M9 is not a Metric ID on the Metrics sheet",
    ),
    case(
        "forecasts for a Metric ID typed in another case",
        cells(("Forecasts", "A2", "m1")),
        "error Metrics!A2 no_forecast_row: M1 has no row on Forecasts;"
        " add one with a forecast for every month",
        "error Forecasts!A2 unknown_metric: m1 is not a Metric ID on the Metrics sheet; did you mean M1?",
    ),
    case(
        "actuals for a metric not on the Metrics sheet",
        cells(("Actuals", "A3", "M7")),
        "error Actuals!A3 unknown_metric: M7 is not a Metric ID on the Metrics sheet",
        "warning Metrics!A3 missing_actual: M2 has no row on Actuals, and 2025-01, 2025-02 and 2025-03"
        " have ended; add one with the results",
    ),
    case(
        "a month that has ended without its actual",
        cells(("Actuals", "D3", None)),
        "warning Actuals!D3 missing_actual: M2 has no actual for 2025-02, which has ended;"
        " type the result before the review",
    ),
    case(
        "a month that has ended without the actual its Sources row imports",
        lambda grid: (source_row("M2", "GA4", "Sessions")(grid), set_cell(grid, "Actuals", "D3", None)),
        "warning Actuals!D3 missing_actual: M2 has no actual for 2025-02, which has ended;"
        " import it from its exports (sheetplan import) before the review",
    ),
    case(
        "months that have ended without actuals",
        cells(("Actuals", "C4", ""), ("Actuals", "E4", " ")),
        "warning Actuals!C4 missing_actual: M3 has no actual for 2025-01 and 2025-03, which have ended;"
        " type the result before the review",
    ),
    case(
        "a dropped goal's metrics need no actuals",
        cells(("Goals", "G3", "dropped"), ("Actuals", "D3", None)),
    ),
    # Numbers a hundred times off, as percentages in cells formatted as % are.
    case(
        "an actual typed into a cell formatted as %, against forecasts typed as numbers",
        cells(("Actuals", "D3", 0.24)),
        "warning Actuals!D3 percent_scale: 0.24 is about a hundredth of M2's forecast 25.5 for 2025-02:"
        " if it is 24% typed into a cell formatted as %, which holds it as 0.24, type 24 as the others"
        " are typed",
    ),
    # A plan with nothing in it says where to start.
    case(
        "an empty plan",
        lambda grid: [grid[sheet].__delitem__(slice(1, None)) for sheet in EMPTIED],
        "warning Goals!A2 empty_plan: the plan is empty: start here with a goal, the problem it solves and"
        " why it matters, then its actions on Actions, its metrics on Metrics and their forecasts on"
        " Forecasts",
        *(
            f"warning Owners!A{row} owner_without_tasks: {name} owns no action;"
            " give them a task or remove them"
            for row, name in ((2, "Maria"), (3, "Ivan"), (4, "Elena"))
        ),
    ),
    case(
        "an empty plan without owners",
        lambda grid: [grid[sheet].__delitem__(slice(1, None)) for sheet in ("Owners", *EMPTIED)],
        "warning Owners!A2 empty_plan: the plan is empty: start here with the people who own tasks, then"
        " the goals on Goals, their actions on Actions, their metrics on Metrics and the metrics'"
        " forecasts on Forecasts",
    ),
    case(
        "an actual for a month that has not ended",
        cells(("Actuals", "G2", 1000), ("Actuals", "F3", 20)),
        "warning Actuals!G2 future_actual:"
        " an actual for 2025-05, which has not ended yet (this month is 2025-04)",
    ),
    # People: every owner has a task.
    case(
        "an owner with no tasks",
        cells(("Owners", "A5", "Petya")),
        "warning Owners!A5 owner_without_tasks: Petya owns no action; give them a task or remove them",
    ),
    # Channels: no more posts than a channel can take.
    case(
        "a channel planned above its maximum",
        cells(("Channels", "C2", 9)),
        "warning Channels!C2 too_many_posts: 9 posts a week planned on LinkedIn, more than its maximum of 5",
    ),
    # Assumptions.
    case(
        "assumption with an unknown answer",
        cells(("Assumptions", "C2", "maybe")),
        'error Assumptions!C2 invalid_choice: "maybe" is not an answer; use one of: yes, no, unsure',
    ),
    case(
        "assumption owned by someone not listed",
        cells(("Assumptions", "B2", "Boris")),
        'error Assumptions!B2 unknown_owner: "Boris" is not on the Owners sheet; add the person there first',
    ),
    # Sources: a metric of the plan, a kind of export sheetplan reads, a Value it has, a Filter.
    case(
        "a source row that names no export",
        source_row("M1", "", "Reach"),
        "error Sources!B2 missing_value: no export: say which kind of export the number comes from",
    ),
    case(
        "a source row that names no value",
        source_row("M1", "Meta posts", ""),
        "error Sources!C2 missing_value: no value: name the export's column, or posts to count its posts",
    ),
    case(
        "a source of a metric the plan does not have",
        source_row("M9", "GA4", "Sessions"),
        "error Sources!A2 unknown_metric: M9 is not a Metric ID on the Metrics sheet",
    ),
    case(
        "a source of a metric in the wrong case",
        source_row("m1", "GA4", "Sessions"),
        "error Sources!A2 unknown_metric: m1 is not a Metric ID on the Metrics sheet; did you mean M1?",
    ),
    case(
        "a source with a kind of export close to one sheetplan reads",
        source_row("M1", "Meta post", "Reach"),
        'error Sources!B2 unknown_export: "Meta post" is not a kind of export sheetplan reads;'
        ' did you mean "Meta posts"?',
    ),
    case(
        "a source with a kind of export sheetplan does not read",
        source_row("M1", "Pinterest", "Saves"),
        'error Sources!B2 unknown_export: "Pinterest" is not a kind of export sheetplan reads; use one of:'
        " Meta posts, Meta page, Meta followers, Instagram posts, X posts, X account, LinkedIn followers,"
        " LinkedIn visitors, LinkedIn content, YouTube, GA4, Search Console, Mailchimp, Shopify orders,"
        " TikTok, Monthly CSV and Daily CSV",
    ),
    case(
        "a source with a column close to one of its export's",
        source_row("M1", "Instagram posts", "Like"),
        'error Sources!C2 unknown_export_column: "Like" is not a column of Instagram posts;'
        ' did you mean "Likes"?',
    ),
    case(
        "a source adding a column its export does not have",
        source_row("M1", "Meta posts", "Reach + Saves"),
        'error Sources!C2 unknown_export_column: "Saves" is not a column of Meta posts; its columns are:'
        " Views; Reach; Reactions, Comments and Shares; Reactions; Comments; Shares; and 1 more",
    ),
    case(
        "a source counting the posts of an export without posts",
        source_row("M1", "Meta followers", "posts"),
        "error Sources!C2 unknown_export_column: Meta followers does not list posts, so there are none to"
        " count; name one of its columns",
    ),
    case(
        "a source with a value that is no column, posts, sum or ratio",
        source_row("M1", "Mailchimp", "Unique Opens / Total Opens / Total Clicks"),
        'error Sources!C2 bad_source_value: "Unique Opens / Total Opens / Total Clicks" is not a column,'
        " posts, or two columns as A + B or A / B",
    ),
    case(
        "a source with a filter that is not Column = value",
        source_row("M1", "GA4", "Sessions", "facebook"),
        'error Sources!D2 bad_filter: "facebook" is not a filter; write it as Column = value'
        " (Post type = Reel)",
    ),
    case(
        "a source with an unknown way to add up a month",
        source_row("M1", "GA4", "Sessions", "", "median"),
        'error Sources!E2 invalid_choice: "median" is not a way to add up a month;'
        " use one of: sum, last, average, max",
    ),
    # Decisions: taken at a review of the plan, owned by one listed person, about metrics and actions it has.
    case(
        "a complete decision",
        decision_row("2025-02", "Post twice a week", "Maria", date(2025, 3, 31), "open", "M1", "A1"),
    ),
    case(
        "a decision with its month typed as a date",
        decision_row(date(2025, 2, 1), "Post twice a week", "Maria", None, "done"),
    ),
    case(
        "a decision without a month, text or status",
        decision_row(None, None, "Maria", None, None),
        "error Decisions!A2 missing_value:"
        " no month: write the month of the review that decided it, as YYYY-MM",
        "error Decisions!B2 missing_value: no decision: say what was decided",
        "error Decisions!E2 missing_value: no status: open, done or dropped",
    ),
    case(
        "a decision carried out of a review sheet, no owner yet",
        decision_row("2025-03", "Ask the printer for a quote", None, None, "open"),
        "warning Decisions!C2 missing_value: no owner: name the one person who follows it up",
    ),
    case(
        "a decision with an unknown status",
        decision_row("2025-03", "Ask the printer", "Maria", None, "pending"),
        'error Decisions!E2 invalid_choice: "pending" is not a decision status;'
        " use one of: open, done, dropped",
    ),
    case(
        "a decision owned by someone not on the Owners sheet",
        decision_row("2025-03", "Ask the printer", "Petya", None, "open"),
        'error Decisions!C2 unknown_owner: "Petya" is not on the Owners sheet; add the person there first',
    ),
    case(
        "a decision whose month is not a month",
        decision_row("March", "Ask the printer", "Maria", None, "open"),
        'error Decisions!A2 not_a_month: "March" is not a month; use YYYY-MM, such as 2026-03',
    ),
    case(
        "a decision of a month outside the plan, due before it was taken",
        decision_row("2025-08", "Ask the printer", "Maria", date(2025, 7, 1), "open"),
        "warning Decisions!A2 month_outside_plan: 2025-08 is outside the plan, which runs from 2025-01 to"
        " 2025-06",
        "warning Decisions!D2 due_before_decision:"
        " due 2025-07-01 is before 2025-08, the month it was decided",
    ),
    case(
        "a decision about a metric and an action the plan does not have",
        decision_row("2025-03", "Ask the printer", "Maria", None, "open", "m2", "A9"),
        "error Decisions!F2 unknown_metric: m2 is not a Metric ID on the Metrics sheet; did you mean M2?",
        "error Decisions!G2 unknown_action: A9 is not an Action ID on the Actions sheet",
    ),
    # A cell load reports is not reported again: the formula, not "no due date".
    case(
        "a formula with no result where the due date goes",
        cells(("Actions", "G2", FormulaValue("=EOMONTH(F2,1)"))),
        f"error Actions!G2 formula_without_value: =EOMONTH(F2,1) {NO_RESULT}",
    ),
    case(
        "an error where the owner goes",
        cells(("Actions", "E2", ErrorValue("#N/A"))),
        "error Actions!E2 error_value: shows the error #N/A; put a value there",
    ),
]


@pytest.mark.parametrize(("change", "expected"), RULE_CASES)
def test_each_rule(change: Callable[[Grid], None], expected: list[str]) -> None:
    grid = plan_grid(sample())
    change(grid)
    assert found(grid) == expected


def test_the_bulgarian_plan_names_choices_in_bulgarian() -> None:
    grid = set_cell(plan_grid(sample(), "bg"), "Действия", "H2", "приключено")
    assert found(grid) == [
        'error Действия!H2 invalid_choice: "приключено" is not an action status;'
        " use one of: не е започнато, в процес, готово, блокирано, отпаднало"
    ]


def test_the_current_month_is_todays() -> None:
    grid = set_cell(plan_grid(sample()), "Actuals", "F2", 1000)
    assert found(grid, today=date(2025, 4, 30)) == []
    assert found(grid, today=date(2025, 3, 31)) == [
        "warning Actuals!F2 future_actual:"
        " an actual for 2025-04, which has not ended yet (this month is 2025-03)"
    ]


def test_rules_work_on_a_plan_built_in_code() -> None:
    plan = Plan(
        settings=Settings("Plan", Month(2025, 1), 2),
        goals=(Goal("G1", "Grow", "Few visits", "Sales", "Maria", row=2),),
        owners=(Owner("Maria", row=2),),
        channels=(Channel("Blog", planned_per_week=2, max_per_week=1, row=2),),
        actions=(Action("A1", "G1", "Write", "Maria", date(2025, 2, 1), "done", row=2),),
        metrics=(Metric("M1", "Visits", "G1", "Maria", "up", "sum", row=2),),
        forecasts={"M1": {Month(2025, 1): 10}},
    )
    assert [(problem.sheet, problem.cell, problem.code) for problem in check_plan(plan, today=TODAY)] == [
        ("Forecasts", "Forecasts!0:0", "missing_forecast"),
        ("Channels", "Channels!2:2", "too_many_posts"),
        ("Metrics", "Metrics!2:2", "missing_actual"),
    ]


def test_a_plan_built_in_code_in_bulgarian_names_the_bulgarian_sheets() -> None:
    plan = Plan(
        settings=Settings("Plan", Month(2025, 1), 1),
        owners=(Owner("Maria", row=2),),
        channels=(Channel("Blog", planned_per_week=2, max_per_week=1, row=2),),
        lang="bg",
    )
    found = [(problem.sheet, problem.cell) for problem in check_plan(plan, today=TODAY)]
    assert ("Канали", "Канали!2:2") in found


def test_every_rule_finds_something_in_some_case() -> None:
    contexts = []
    for param in RULE_CASES:
        grid = plan_grid(sample())
        param.values[0](grid)
        contexts.append(Context.of(load(grid, "plan.xlsx")[0], TODAY))
    idle = [rule.__name__ for rule in RULES if not any(list(rule(context)) for context in contexts)]
    assert idle == []


def test_a_source_of_a_kind_without_fixed_columns_may_name_any_column() -> None:
    grid = plan_grid(sample())
    for row in (
        ["M1", "GA4", "Sessions", "Session source = linkedin"],
        ["M1", "daily csv", "Orders + Refunds", "", "max"],
        ["M1", "Meta posts", "posts + Reach"],
        ["M2", "Meta posts", "posts"],
        ["M3", "  mailchimp ", "unique clicks / successful deliveries", "Subject=March issue", "average"],
    ):
        grid["Sources"].append(row)
    found_now = found(grid)
    assert found_now == [
        'error Sources!C4 unknown_export_column: "posts" is not a column of Meta posts;'
        " its columns are: Views; Reach; Reactions, Comments and Shares; Reactions; Comments; Shares;"
        " and 1 more"
    ]


def test_a_bulgarian_plan_names_the_sources_sheet_in_bulgarian() -> None:
    grid = plan_grid(sample(), "bg")
    grid["Източници"].append(["M1", "GA4", "Sessions", "", "медиана"])
    assert found(grid) == [
        'error Източници!E2 invalid_choice: "медиана" is not a way to add up a month;'
        " use one of: сума, последна, средна, най-голяма"
    ]
