"""Whatever a Grid holds, `load` and `check_plan` answer with a Plan and Problems or a SheetplanError.

Two kinds of grid: wholly random ones (sheet names and headers drawn partly from the schema, so
that some get past the sheet and header checks) and the sample plan with random cells overwritten,
rows removed or rows added, which reaches every rule.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_builder import TODAY, Grid, plan_grid, sample

from sheetplan.check.report import problems_report
from sheetplan.check.rules import check_plan
from sheetplan.plan import schema
from sheetplan.plan.errors import SheetplanError
from sheetplan.plan.model import ErrorValue, FormulaValue, Problem
from sheetplan.read.load import load

WORDS = sorted(
    {
        *(name for sheet in schema.SHEETS for name in sheet.name.all()),
        *(header for sheet in schema.SHEETS for column in sheet.columns for header in column.header.all()),
        *(label for setting in schema.SETTINGS_ROWS for label in setting.label.all()),
        *(value for choices in (schema.ACTION_STATUS, schema.DIRECTION) for value in choices.values),
        "G1", "M1", "A1", "Maria", "Maria, Ivan", "2025-01", "2025-13", "0000-01", "9999-12", "1 234,5",
        "10%", "31.02.2025", "2025-02-28", "#N/A", "", " ",
    }
)  # fmt: skip

cells = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(),
    st.times(),
    st.builds(ErrorValue, st.sampled_from(["#N/A", "#REF!", "#DIV/0!", "#VALUE!"])),
    st.builds(FormulaValue, st.sampled_from(["=A1", "=SUM(B2:B9)", '=IF(1,"","")'])),
)
rows = st.lists(st.lists(cells, max_size=14), max_size=8)
names = st.one_of(
    st.sampled_from([name for sheet in schema.SHEETS for name in sheet.name.all()]), st.text(max_size=8)
)
random_grids = st.dictionaries(names, rows, max_size=12)

ADDRESS = re.compile(r".+!(?:[A-Z]{1,3}[1-9]\d*|\d+:\d+)")


@st.composite
def changed_samples(draw: Any) -> Grid:
    """The sample plan, in either language, with random cells overwritten and rows dropped or added."""
    grid = plan_grid(sample(), draw(st.sampled_from(schema.LANGS)))
    sheets = sorted(grid)
    for _ in range(draw(st.integers(1, 12))):
        sheet = grid[draw(st.sampled_from(sheets))]
        action = draw(st.sampled_from(["set", "set", "set", "drop", "add"]))
        row = draw(st.integers(0, len(sheet)))
        if action == "drop" and row < len(sheet):
            del sheet[row]
        elif action == "add":
            sheet.insert(row, draw(st.lists(cells, max_size=12)))
        elif row < len(sheet):
            column = draw(st.integers(0, len(sheet[row]) + 1))
            sheet[row].extend([None] * (column + 1 - len(sheet[row])))
            sheet[row][column] = draw(cells)
    return grid


def _load_and_check(grid: Grid) -> list[Problem] | None:
    try:
        plan, problems = load(grid, "plan.xlsx")
    except SheetplanError as error:
        assert str(error).startswith("plan.xlsx: ")
        return None
    problems = [*problems, *check_plan(plan, today=TODAY, loaded=problems)]
    for problem in problems:
        assert problem.severity in ("error", "warning")
        assert problem.cell is None or ADDRESS.fullmatch(problem.cell), problem
        assert "\n" not in problem.message, problem
    json.dumps([problem.as_dict() for problem in problems])
    problems_report(problems, "plan.xlsx")
    return problems


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_grids)
def test_random_grids_give_a_plan_or_a_sheetplan_error(grid: Grid) -> None:
    _load_and_check(grid)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changed_samples())
def test_changed_plans_give_a_plan_and_problems_or_a_sheetplan_error(grid: Grid) -> None:
    _load_and_check(grid)


def test_the_strategies_reach_the_rules() -> None:
    """A guard against the properties above passing by never getting past the sheet checks."""
    results: list[list[Problem] | None] = []

    @settings(max_examples=40, deadline=None, database=None, derandomize=True)
    @given(changed_samples())
    def collect(grid: Grid) -> None:
        results.append(_load_and_check(grid))

    collect()
    loaded = [problems for problems in results if problems is not None]
    assert len(loaded) >= len(results) / 4
    assert len({problem.code for problems in loaded for problem in problems}) >= 5


def test_odd_cells_in_a_plan_become_problems_not_exceptions() -> None:
    grid = plan_grid(sample())
    grid["Settings"][2][1] = "0000-01"
    grid["Forecasts"][0].append(time(10, 30))
    grid["Actions"][1][6] = datetime.max
    grid["Actions"][1][8] = float("nan")
    grid["Metrics"][1][7] = float("inf")
    assert _load_and_check(grid)
