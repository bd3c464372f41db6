"""The example plan of `sheetplan init --example`, made from the social-media preset for a given start.

The preset stores dates as offsets from the plan's start and actual results as multiples of the
forecast, so the example is current whenever it is written and its review shows every status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sheetplan.plan.i18n import N_
from sheetplan.plan.model import Month
from sheetplan.plan.presets import load_preset, translated
from sheetplan.plan.schema import INPUT_SHEETS, Lang

_PRESET = "social-media"

Value = str | float | date | None
Row = dict[str, Value]
"""One row of a sheet: a schema column key (or a `YYYY-MM` month) to its value."""


@dataclass(frozen=True)
class Content:
    """What a new workbook holds besides its headers: settings and rows, sheet by sheet."""

    settings: dict[str, Value] = field(default_factory=dict)
    """Setting key to value, over the schema's defaults."""
    rows: dict[str, list[Row]] = field(default_factory=dict)
    """Schema sheet key to its rows. Dropdown values are the schema's (English) values."""
    description: str = N_("blank plan")
    """What the plan is, as a message (translated when shown) with `{first}` and `{last}` for
    `actual_range`."""
    actual_range: tuple[Month, Month] | None = None
    """The first and last month the example has actual results for."""


def actual_months(preset: dict[str, Any] | None = None) -> int:
    """How many months of actual results the example holds."""
    return int((preset or load_preset(_PRESET))["actual_months"])


def example_content(start: Month, months: int, lang: Lang, today: date) -> Content:
    """The example plan for a plan of `months` months from `start`, in `lang`, as of `today`.

    Actual results stop before the current month: a month gets its results once it is over.
    """
    preset = load_preset(_PRESET)
    plan_months = [start + offset for offset in range(months)]
    last_day = plan_months[-1].last_day
    owners = {owner["key"]: translated(owner["name"], lang) for owner in preset["owners"]}

    def value(key: str, raw: Any) -> Value:
        if key == "owner":
            return str(owners[raw])
        if key == "month":
            return str(start + int(raw))
        if isinstance(raw, list):
            return min(_offset_date(start, raw), last_day)
        result = translated(raw, lang)
        return result if isinstance(result, str) else float(result)

    rows: dict[str, list[Row]] = {}
    for sheet in INPUT_SHEETS:
        if sheet.key == "settings" or sheet.monthly:
            continue
        keys = {column.key for column in sheet.columns}
        entries = preset.get(sheet.key, [])
        if sheet.key == "owners":
            # An owner's row names the owner by key, like every other sheet's Owner cell does.
            entries = [{"owner": entry["key"], **entry} for entry in entries]
        rows[sheet.key] = [
            {key: value(key, raw) for key, raw in entry.items() if key in keys} for entry in entries
        ]

    reported = [month for month in plan_months[: actual_months(preset)] if month < Month.of(today)]
    # Decisions are taken at the reviews of months with actual results, so a plan has those the example
    # has reviewed.
    reviewed = {str(month) for month in reported}
    rows["decisions"] = [row for row in rows["decisions"] if row["month"] in reviewed]
    rows["forecasts"], rows["actuals"] = [], []
    for metric in preset["metrics"]:
        name = translated(metric["metric"], lang)
        forecast = {
            str(month): _forecast(metric["forecast"], index) for index, month in enumerate(plan_months)
        }
        actual = {
            str(month): round(forecast[str(month)] * ratio, int(metric["forecast"]["decimals"]))
            for month, ratio in zip(reported, metric["actual"], strict=False)
        }
        rows["forecasts"].append({"metric_id": metric["metric_id"], "metric": name, **forecast})
        rows["actuals"].append({"metric_id": metric["metric_id"], "metric": name, **actual})

    settings = {key: value(key, raw) for key, raw in preset["settings"].items()}
    if reported:
        return Content(
            settings,
            rows,
            N_("example plan with actual results for {first} to {last}"),
            (reported[0], reported[-1]),
        )
    return Content(settings, rows, N_("example plan, no actual results yet"))


def _offset_date(start: Month, offset: list[int]) -> date:
    month = start + int(offset[0])
    return date(month.year, month.month, min(int(offset[1]), month.last_day.day))


def _forecast(rule: dict[str, Any], index: int) -> float:
    amount = float(rule["first"]) * (1 + float(rule["growth"])) ** index
    if "limit" in rule:
        limit = float(rule["limit"])
        amount = min(amount, limit) if rule["growth"] > 0 else max(amount, limit)
    return round(amount, int(rule["decimals"]))
