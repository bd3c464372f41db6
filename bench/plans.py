"""Big, valid plan workbooks for benchmarks: `write_big_plan(path, metrics, months, actions)`.

The workbook has the template's sheets and headers (from the schema), real date cells, numbers as
numbers, one owner per task and a forecast for every month, so `sheetplan check` finds it clean and
its time is the time of reading and checking, not of reporting thousands of problems.

    python bench/plans.py out.xlsx --metrics 2000 --months 36 --actions 10000
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from sheetplan.plan import schema
from sheetplan.plan.model import Month

OWNERS = ("Maria", "Ivan", "Elena", "Georgi", "Petya", "Nikolay", "Desislava", "Stoyan")
CHANNELS = ("LinkedIn", "Instagram", "Facebook", "TikTok", "YouTube", "Newsletter")


def write_example_plan(path: Path) -> Path:
    """Write the built-in example plan with `sheetplan init --example`; return its path."""
    command = [sys.executable, "-m", "sheetplan", "init", "--example", "--force", str(path)]
    subprocess.run(command, check=True, capture_output=True)
    return path


def write_big_plan(
    path: Path | str,
    metrics: int,
    months: int,
    actions: int,
    *,
    start: Month | None = None,
    actual_months: int | None = None,
    lang: schema.Lang = "en",
    seed: int = 1,
    sources: Sequence[tuple[str, str, str]] = (),
) -> Path:
    """Write a plan of `metrics` metrics over `months` months with `actions` actions; return its path.

    Actuals are filled for the first `actual_months` months (a third of the plan by default), and
    the plan starts so that they end last month: no actual lies in the future. `sources` are the
    Sources sheet's rows: Metric ID, Export and Value.
    """
    path = Path(path)
    rng = random.Random(seed)
    goals = max(1, metrics // 40)
    filled = months // 3 if actual_months is None else actual_months
    start = start or Month.of(date.today()) + -filled
    plan_months = [str(start + offset) for offset in range(months)]

    workbook = xlsxwriter.Workbook(str(path))
    dates = workbook.add_format({"num_format": schema.DATE_FORMAT})

    def sheet(sheet: schema.Sheet, keys: Sequence[str], extra: Sequence[str] = ()) -> Worksheet:
        worksheet = workbook.add_worksheet(sheet.name(lang))
        headers = [sheet.column(key).header(lang) for key in keys]
        worksheet.write_row(0, 0, [*headers, *extra])
        return worksheet

    def label(choices: schema.Choices, value: str) -> str:
        return choices.label(value, lang)

    settings = sheet(schema.SETTINGS, ("setting", "value"))
    values = {"plan_name": "Benchmark plan", "start_month": str(start), "months": months, "tolerance": 10}
    for row, setting in enumerate(schema.SETTINGS_ROWS, start=1):
        settings.write_string(row, 0, setting.label(lang))
        default = setting.default(lang) if setting.default else ""
        settings.write(row, 1, values.get(setting.key, default))

    ws = sheet(schema.GOALS, ("goal_id", "goal", "problem", "why", "owner", "target_date", "status"))
    for index in range(goals):
        ws.write_row(
            index + 1, 0, [f"G{index + 1}", f"Goal {index + 1}", "A problem", "A reason", OWNERS[index % 8]]
        )
        ws.write_datetime(index + 1, 5, date(start.year + 1, 12, 31), dates)
        ws.write_string(index + 1, 6, label(schema.GOAL_STATUS, "active"))

    ws = sheet(schema.OWNERS, ("owner", "role", "email"))
    for index, name in enumerate(OWNERS, start=1):
        ws.write_row(index, 0, [name, "Marketing", f"{name.lower()}@example.com"])

    ws = sheet(schema.CHANNELS, ("channel", "handle", "planned_per_week", "max_per_week", "notes"))
    for index, name in enumerate(CHANNELS, start=1):
        ws.write_row(index, 0, [name, f"@acme-{name.lower()}", 3, 7, ""])

    keys = ("action_id", "goal_id", "action", "channel", "owner", "start", "due", "status", "budget", "spent")
    ws = sheet(schema.ACTIONS, keys)
    statuses = schema.ACTION_STATUS.values
    for index in range(actions):
        row = index + 1
        first = start.first_day.toordinal() + rng.randrange(months * 28)
        ws.write_row(row, 0, [f"A{row}", f"G{index % goals + 1}", f"Action {row}", CHANNELS[index % 6]])
        ws.write_string(row, 4, OWNERS[index % 8])
        ws.write_datetime(row, 5, date.fromordinal(first), dates)
        ws.write_datetime(row, 6, date.fromordinal(first + 14), dates)
        ws.write_string(row, 7, label(schema.ACTION_STATUS, statuses[index % len(statuses)]))
        ws.write_number(row, 8, 100 * (index % 20))
        ws.write_number(row, 9, 90 * (index % 20))

    ws = sheet(
        schema.METRICS,
        ("metric_id", "metric", "goal_id", "owner", "unit", "direction", "aggregation", "tolerance"),
    )
    for index in range(metrics):
        row = index + 1
        ws.write_row(
            row, 0, [f"M{row}", f"Metric {row}", f"G{index % goals + 1}", OWNERS[index % 8], "visits"]
        )
        ws.write_string(row, 5, label(schema.DIRECTION, ("up", "down")[index % 2]))
        ws.write_string(row, 6, label(schema.AGGREGATION, schema.AGGREGATION.values[index % 3]))
        if index % 5 == 0:
            ws.write_number(row, 7, 15)

    for monthly, count in ((schema.FORECASTS, months), (schema.ACTUALS, filled)):
        ws = sheet(monthly, ("metric_id", "metric"), plan_months)
        for index in range(metrics):
            row = index + 1
            ws.write_row(row, 0, [f"M{row}", f"Metric {row}"])
            ws.write_row(row, 2, [rng.randrange(100, 5000) for _ in range(count)])

    ws = sheet(schema.ASSUMPTIONS, ("assumption", "owner", "still_true", "note"))
    ws.write_row(1, 0, ["People read LinkedIn at lunch", OWNERS[0], label(schema.STILL_TRUE, "unsure"), ""])
    if sources:
        ws = sheet(schema.SOURCES, ("metric_id", "export", "value"))
        for row, source in enumerate(sources, start=1):
            ws.write_row(row, 0, list(source))
    workbook.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--metrics", type=int, default=2000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--actions", type=int, default=10000)
    parser.add_argument("--lang", choices=schema.LANGS, default="en")
    arguments = parser.parse_args()
    write_big_plan(
        arguments.path, arguments.metrics, arguments.months, arguments.actions, lang=arguments.lang
    )


if __name__ == "__main__":
    main()
