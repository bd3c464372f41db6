"""`sheetplan init`: write a new plan workbook, blank or with the example plan, in one language.

The workbook is built in memory with XlsxWriter, then written to a temporary file beside the target
and moved over it, so a failure never leaves half a file and an existing file is only replaced with
`force`.
"""

from __future__ import annotations

import io
import os
import secrets
import shlex
from datetime import date
from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook

from sheetplan import __version__
from sheetplan.errors import UsageError, WriteError
from sheetplan.example import Content, actual_months, example_content
from sheetplan.guide import write_guide
from sheetplan.model import Month
from sheetplan.presets import load_preset
from sheetplan.schema import DEFAULT_MONTHS, LANGS, MAX_MONTHS, SETTINGS, SETTINGS_ROWS, SHEETS, Lang
from sheetplan.template_sheets import SheetWriter, define_list_names, sheet_plan

LANGUAGE_NAMES = {"en": "English", "bg": "Bulgarian"}


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
) -> str:
    """Write a new plan workbook to `path` and say what it holds and what to do next."""
    path = Path(path)
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    if not 1 <= months <= MAX_MONTHS:
        raise UsageError(f"a plan covers 1 to {MAX_MONTHS} months, not {months}")
    _check_target(path, force)
    today = today or date.today()
    start = start or default_start(example, today)
    try:
        plan_months = tuple(start + offset for offset in range(months))
    except ValueError:
        raise UsageError(f"a plan of {months} months from {start} would end after the year 9999") from None
    content = example_content(start, months, lang, today) if example else Content()
    _replace(path, build_workbook(plan_months, lang, content, file=path.name))
    return _summary(path, plan_months, lang, content)


def build_workbook(months: tuple[Month, ...], lang: Lang, content: Content, file: str = "plan.xlsx") -> bytes:
    """The bytes of a plan workbook for these months, in `lang`, holding `content`."""
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
        **content.settings,
        "start_month": str(months[0]),
        "months": len(months),
    }
    workbook.set_properties(
        {
            "title": str(settings["plan_name"]),
            "subject": text["title"],
            "keywords": "sheetplan, marketing, action plan",
            "comments": f"Written by sheetplan {__version__}: {len(months)} months from {months[0]}.",
        }
    )
    plans = {sheet.key: sheet_plan(sheet, lang, months, content) for sheet in SHEETS[1:]}
    write_guide(workbook, lang, text, months, file)
    writer = SheetWriter(workbook, lang, text)
    for key, plan in plans.items():
        if plan.sheet is SETTINGS:
            writer.write_settings(plan, settings)
        else:
            writer.write(plan, content.rows.get(key, []), plans)
    define_list_names(workbook, plans)
    workbook.close()
    return buffer.getvalue()


def _check_target(path: Path, force: bool) -> None:
    if path.suffix.lower() != ".xlsx":
        raise UsageError(f"{path}: a plan workbook is an .xlsx file; give a name ending in .xlsx")
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name ending in .xlsx")
    if not path.parent.is_dir():
        raise WriteError(f"{path}: the folder {path.parent} does not exist")
    if path.exists() and not force:
        raise WriteError(f"{path} already exists; use --force to overwrite it")
    for lock in (f"~${path.name}", f".~lock.{path.name}#"):
        if (path.parent / lock).exists():
            raise WriteError(f"{path} is open in another program ({lock} exists); close it and try again")


def _replace(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, so the move is atomic."""
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        # os.open applies the umask, unlike mkstemp's private 0600 mode.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write the workbook: {error.strerror or error}") from None


def _summary(path: Path, months: tuple[Month, ...], lang: Lang, content: Content) -> str:
    quoted = shlex.quote(str(path))
    what = f"{len(SHEETS)} sheets, {len(months)} months from {months[0]} to {months[-1]}"
    lines = [f"Wrote {path}: {what}, {content.description}, {LANGUAGE_NAMES[lang]}.", "Next:"]
    if content.rows:
        lines.append("  1. Open it: the Guide sheet explains the plan; the other sheets hold the example.")
        lines.append(f"  2. Check it:   sheetplan check {quoted}")
        lines.append(f"  3. Review it:  sheetplan review {quoted}")
    else:
        lines.append("  1. Open it, read the Guide sheet, and fill in the plan with your team.")
        lines.append(f"  2. Check it:   sheetplan check {quoted}")
        lines.append(f"  3. Every month, enter the actual results and run:  sheetplan review {quoted}")
    return "\n".join(lines)
