"""Reads the Settings sheet: one row per setting, matched by its label in either language.

The review meeting's settings (Review day, Review time, Time zone) are kept as typed: only
`sheetplan calendar` needs them, so one it cannot read is a warning here, and the review goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from sheetplan.plan import meeting, schema
from sheetplan.plan.i18n import N_, _
from sheetplan.plan.model import CellValue, Month, Problem, Settings
from sheetplan.read import values
from sheetplan.read.cells import CellReader
from sheetplan.read.tables import Row, Table

_MISSING = {
    "plan_name": N_('no "{label}" row; add one and give the plan a name'),
    "start_month": N_(
        'no "{label}" row; add one and give the plan\'s first month as YYYY-MM, such as 2026-01'
    ),
    "months": N_('no "{label}" row; add one and give how many months the plan covers, 1 to {most}'),
}
"""The message for each required setting that has no row."""
_BLANK = {
    "plan_name": N_('"{label}" is blank; give the plan a name'),
    "start_month": N_('"{label}" is blank; give the plan\'s first month as YYYY-MM, such as 2026-01'),
    "months": N_('"{label}" is blank; give how many months the plan covers, 1 to {most}'),
}
"""The message for each required setting whose row has no value."""


def _months(value: CellValue) -> int:
    count = values.whole_number(value)
    if not 1 <= count <= schema.MAX_MONTHS:
        raise values.BadValue(
            _("{value} months is not 1 to {most}").format(value=values.shown(value), most=schema.MAX_MONTHS)
        )
    return count


_PARSERS: dict[str, Callable[[CellValue], Any]] = {
    "text": values.text,
    "month": values.to_month,
    "months": _months,
    "percent": values.percent,
}
_MEETING: dict[str, Callable[[str], object]] = {
    "day": meeting.parse_review_day,
    "time": meeting.parse_review_time,
    "zone": meeting.parse_time_zone,
}


def read_settings(
    table: Table, lang: schema.Lang, problems: list[Problem], months_seen: Collection[Month]
) -> tuple[Settings, bool]:
    """The plan's settings, and whether its months are known (Start month and Months both usable).

    When they are not, the months of Forecasts' headers (Actuals' when Forecasts is not read:
    `months_seen`) stand in, so that the rest of the plan can still be read and checked; the problem
    has been reported.
    """
    cells = CellReader(table, problems)
    column = table.columns["value"]
    rows: dict[str, Row] = {}
    for row in table.data():
        setting = schema.setting_by_label(cells.text(row, "setting"))
        if setting is None:
            continue
        if setting.key in rows:
            first = table.address(rows[setting.key][0], table.columns["setting"])
            message = _('"{label}" is also set on {first}; this row is ignored').format(
                label=setting.label(lang), first=first
            )
            cells.report(row[0], table.columns["setting"], "warning", "duplicate_setting", message)
            continue
        rows[setting.key] = row
    found: dict[str, Any] = {}
    for setting in schema.SETTINGS_ROWS:
        label = setting.label(lang)
        found_row = rows.get(setting.key)
        if found_row is None:
            if setting.required:
                message = _(_MISSING[setting.key]).format(label=label, most=schema.MAX_MONTHS)
                problems.append(Problem("error", table.name, None, "missing_setting", message))
            continue
        number, row_cells = found_row
        raw = row_cells[column] if column < len(row_cells) else None
        if values.is_blank(raw):
            if setting.required:
                message = _(_BLANK[setting.key]).format(label=label, most=schema.MAX_MONTHS)
                cells.report(number, column, "error", "missing_setting", message)
            continue
        value = cells.usable(number, column, raw)
        if value is None:
            continue
        if setting.kind in _MEETING:
            found[setting.key] = typed = values.text(value)
            try:
                _MEETING[setting.kind](typed)
            except ValueError as error:
                cells.report(number, column, "warning", "bad_setting", f"{label}: {error}")
            continue
        try:
            found[setting.key] = _PARSERS[setting.kind](value)
        except values.BadValue as error:
            cells.report(number, column, "error", "bad_setting", f"{label}: {error}")
    if "start_month" in found and "months" in found:
        try:
            found["start_month"] + (found["months"] - 1)
        except ValueError:
            label = next(setting for setting in schema.SETTINGS_ROWS if setting.key == "months").label(lang)
            message = _("{label}: {months} months from {start} would end after 9999").format(
                label=label, months=found.pop("months"), start=found["start_month"]
            )
            cells.report(rows["months"][0], column, "error", "bad_setting", message)
    known = "start_month" in found and "months" in found
    if not known:
        seen = sorted(months_seen)
        start = found.get("start_month") or (seen[0] if seen else Month(2000, 1))
        found["start_month"] = start
        fallback = min(seen[-1] - start + 1, schema.MAX_MONTHS) if seen and seen[-1] >= start else 0
        found.setdefault("months", fallback)
    settings = Settings(
        plan_name=found.get("plan_name", ""),
        start=found["start_month"],
        months=found["months"],
        tolerance=found.get("tolerance"),
        currency=found.get("currency", ""),
        review_day=found.get("review_day", ""),
        review_time=found.get("review_time", ""),
        time_zone=found.get("time_zone", ""),
        rows={key: row[0] for key, row in rows.items()},
    )
    return settings, known
