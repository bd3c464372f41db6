"""`sheetplan init`: write a new plan workbook, blank or with the example plan, in one language.

The workbook is built in memory with XlsxWriter, then written through `safe_save.replace_safely`, so a
failure never leaves half a file and an existing file is only replaced with `force`.
"""

from __future__ import annotations

import io
import os
import shlex
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from sheetplan import __version__
from sheetplan.files.safe_save import check_new_file, replace_safely
from sheetplan.plan.errors import UsageError
from sheetplan.plan.example import Content, actual_months, example_content
from sheetplan.plan.i18n import N_, _, language
from sheetplan.plan.model import Month
from sheetplan.plan.presets import load_preset
from sheetplan.plan.schema import (
    DEFAULT_MONTHS,
    GUIDE,
    INPUT_SHEETS,
    LANGS,
    MAX_MONTHS,
    SETTINGS,
    SETTINGS_ROWS,
    SHEETS,
    Lang,
)
from sheetplan.template.guide import write_guide
from sheetplan.template.sheets import SheetWriter
from sheetplan.template.tables import SheetPlan, define_list_names, sheet_plan

_LANGUAGE_NAMES = {"en": N_("English"), "bg": N_("Bulgarian")}


def default_start(example: bool, today: date) -> Month:
    """The first month of a new plan: this month, or for the example as many months back as it has actuals."""
    this_month = Month.of(today)
    return this_month + -actual_months() if example else this_month


def write_plan(
    path: Path | str,
    *,
    start: Month | None = None,
    months: int = DEFAULT_MONTHS,
    lang: str = "en",
    example: bool = False,
    force: bool = False,
    today: date | None = None,
    exports: Path | None = None,
) -> str:
    """Write a new plan workbook to `path` and say what it holds and what to do next.

    With `exports` (and `example`), the platforms' exports of the example's last finished month go
    into that folder, and those of its Actuals that they feed are left empty for `sheetplan import`.
    """
    path = Path(path)
    if exports is not None and not example:
        raise UsageError(_("--exports writes the example's export files; use it with --example"))
    if lang not in LANGS:
        raise UsageError(
            _("unknown language {lang!r}: use one of {langs}").format(lang=lang, langs=", ".join(LANGS))
        )
    if not 1 <= months <= MAX_MONTHS:
        raise UsageError(
            _("a plan covers 1 to {most} months, not {months}").format(most=MAX_MONTHS, months=months)
        )
    check_new_file(path, force, "a plan workbook")
    today = today or date.today()
    start = start or default_start(example, today)
    try:
        plan_months = tuple(start + offset for offset in range(months))
    except ValueError:
        raise UsageError(
            _("a plan of {months} months from {start} would end after the year 9999").format(
                months=months, start=start
            )
        ) from None
    content = example_content(start, months, lang, today) if example else Content()
    written: list[Path] = []
    if exports is not None:
        content, written = _with_exports(content, exports)
    data = build_workbook(plan_months, lang, content, file=path.name)
    replace_safely(path, lambda stream: stream.write(data), backup=False)
    summary = _summary(path, plan_months, lang, content)
    if written:
        summary += (
            "\n"
            + _("Wrote {count} export files of {month} to {folder}; bring them in with:").format(
                count=len(written), month=_month_of(content), folder=exports
            )
            + f"\n  sheetplan import {shlex.quote(str(path))} {shlex.quote(str(exports))}{os.sep}*"
        )
    return summary


def _with_exports(content: Content, folder: Path) -> tuple[Content, list[Path]]:
    """The example without the actual results of its last month that the exports feed, and the exports."""
    from sheetplan.template.example_exports import FED, write_exports

    month = _month_of(content)
    if month is None:
        return content, []
    key, previous = str(month), str(month + -1)
    actuals = {str(row["metric_id"]): row for row in content.rows["actuals"]}
    values = _numbers(actuals, key)
    before = _numbers(actuals, previous)
    written = write_exports(folder, month, values, before)
    rows = [
        {k: v for k, v in row.items() if not (k == key and row["metric_id"] in FED)}
        for row in actuals.values()
    ]
    return replace(content, rows={**content.rows, "actuals": rows}), written


def _numbers(rows: dict[str, dict[str, Any]], month: str) -> dict[str, float]:
    return {metric: float(row[month]) for metric, row in rows.items() if isinstance(row.get(month), float)}


def _month_of(content: Content) -> Month | None:
    """The last month the example has actual results for."""
    months = [Month.parse(k) for row in content.rows.get("actuals", []) for k in row if k[:1].isdigit()]
    return max(months, default=None)


_SheetHook = Callable[[SheetPlan, Worksheet, SheetWriter], None]
"""Called after each data sheet is written, to add cells the template's rows cannot hold."""


def build_workbook(
    months: tuple[Month, ...],
    lang: Lang,
    content: Content,
    file: str = "plan.xlsx",
    *,
    comments: str | None = None,
    after_sheet: _SheetHook | None = None,
    finish: Callable[[Workbook, SheetWriter], None] | None = None,
) -> bytes:
    """The bytes of a plan workbook for these months, in `lang`, holding `content`.

    `after_sheet` and `finish` let another writer (the copy `pull` makes) add to the template's
    sheets and append sheets of its own, so that there is one way to assemble a plan workbook.
    """
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    workbook = Workbook(buffer, options)
    text: dict[str, Any] = load_preset("guide")[lang]
    settings: dict[str, Any] = {
        **{setting.key: setting.default(lang) for setting in SETTINGS_ROWS if setting.default},
        **{key: value for key, value in content.settings.items() if value is not None},
        "start_month": str(months[0]),
        "months": len(months),
    }
    workbook.set_properties(
        {
            "title": str(settings["plan_name"]),
            "subject": text["title"],
            "keywords": "sheetplan, marketing, action plan",
            "comments": comments
            or f"Written by sheetplan {__version__}: {len(months)} months from {months[0]}.",
        }
    )
    plans = {sheet.key: sheet_plan(sheet, lang, months, content) for sheet in INPUT_SHEETS}
    write_guide(workbook, lang, text, months, file)
    writer = SheetWriter(workbook, lang, text)
    for key, plan in plans.items():
        if plan.sheet is SETTINGS:
            worksheet = writer.write_settings(plan, settings)
        else:
            worksheet = writer.write(plan, content.rows.get(key, []), plans)
        if after_sheet:
            after_sheet(plan, worksheet, writer)
    define_list_names(workbook, plans)
    if finish:
        finish(workbook, writer)
    workbook.close()
    return buffer.getvalue()


def _summary(path: Path, months: tuple[Month, ...], lang: Lang, content: Content) -> str:
    quoted = shlex.quote(str(path))
    first, last = content.actual_range or (None, None)
    what = _("{sheets} sheets, {months} months from {start} to {end}").format(
        sheets=len(SHEETS), months=len(months), start=months[0], end=months[-1]
    )
    described = _(content.description).format(first=first, last=last)
    lines = [
        _("Wrote {path}: {what}, {description}, {language}.").format(
            path=path, what=what, description=described, language=_(_LANGUAGE_NAMES[lang])
        ),
        _("Next:"),
    ]
    if content.rows:
        lines.append(
            "  "
            + _("1. Open it: the {guide} sheet explains the plan; the other sheets hold the example.").format(
                guide=GUIDE.name(language())
            )
        )
        lines.append("  " + _("2. Check it:   sheetplan check {path}").format(path=quoted))
        lines.append("  " + _("3. Review it:  sheetplan review {path}").format(path=quoted))
    else:
        lines.append(
            "  "
            + _("1. Open it, read the {guide} sheet, and fill in the plan with your team.").format(
                guide=GUIDE.name(language())
            )
        )
        lines.append("  " + _("2. Check it:   sheetplan check {path}").format(path=quoted))
        lines.append(
            "  "
            + _("3. Every month, enter the actual results and run:  sheetplan review {path}").format(
                path=quoted
            )
        )
    return "\n".join(lines)
