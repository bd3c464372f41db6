"""A corpus of plans carrying what real Excel files carry, for tests of writers that must lose nothing.

Each entry of `FEATURES` adds one thing to an .xlsx in place, at the part level and the way Excel
stores it: the new parts, their content types, the relationships, and the references inside the
plan's own sheets (found by name through workbook.xml, never by part number), in the element order
of the schema. `plan_with(folder, "pivot", "chart")` is the example plan (`sheetplan init --example`,
written as on `EXAMPLE_DAY`) with those features added; every feature combines with every other, so
`plan_with(folder, *ALL_COMBINABLE)` is one workbook with all of them. `parts_of` gives a file's parts
to compare byte for byte.

Where each feature goes: Settings has the background and the header logo; Goals the shown note, the
protected ranges and a picture in a cell of a user's column; Owners the form controls; Channels the
shapes and ignored errors; Actions the threaded comments, the x14 validation and data bar and the table
slicer; Metrics the pictures and printer settings; Forecasts the chart, the sparklines and a "Year
total" column of formulas; Actuals a dynamic-array formula. Dashboard, Pivot and "Visits chart" are
sheets of their own, after the plan's. The rest live at the workbook or package level.

Two features lean on others: a timeline can only filter a pivot, so `slicer_timeline` adds the pivot
when the workbook has none (and `pivot` leaves a workbook that has one alone); `rich_data` and
`cell_metadata` share `xl/metadata.xml`, which each rewrites for both when the other is there.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from excel_corpus.cells import formula_results
from excel_corpus.charts import chart, chart_sheet
from excel_corpus.controls import form_control
from excel_corpus.drawings import background_picture, images
from excel_corpus.metadata import cell_metadata, rich_data
from excel_corpus.notes import header_picture, legacy_comment, threaded_comments
from excel_corpus.package import custom_xml, external_link, thumbnail, vba
from excel_corpus.parts import Package, parts_of
from excel_corpus.pivots import pivot
from excel_corpus.shapes import shapes
from excel_corpus.sheets import (
    ignored_errors,
    printer_settings,
    protected_ranges,
    sparklines,
    x14_conditional_format,
    x14_validation,
)
from excel_corpus.slicers import slicer_timeline

from sheetplan.api import write_plan

__all__ = ["ALL_COMBINABLE", "EXAMPLE_DAY", "FEATURES", "parts_of", "plan_with"]

EXAMPLE_DAY = date(2026, 12, 1)
"""The day the example plan is written on (its actuals run to the month before); read it on this day."""


FEATURES: dict[str, Callable[[Path], None]] = {
    "threaded_comments": threaded_comments,
    "legacy_comment": legacy_comment,
    "x14_validation": x14_validation,
    "x14_conditional_format": x14_conditional_format,
    "sparklines": sparklines,
    "pivot": pivot,
    "slicer_timeline": slicer_timeline,
    "shapes": shapes,
    "form_control": form_control,
    "images": images,
    "chart": chart,
    "chart_sheet": chart_sheet,
    "custom_xml": custom_xml,
    "external_link": external_link,
    "rich_data": rich_data,
    "cell_metadata": cell_metadata,
    "vba": vba,
    "formula_results": formula_results,
    "background_picture": background_picture,
    "header_picture": header_picture,
    "protected_ranges": protected_ranges,
    "ignored_errors": ignored_errors,
    "thumbnail": thumbnail,
    "printer_settings": printer_settings,
}
"""Each feature's name and the function that adds it to an .xlsx in place."""
ALL_COMBINABLE = tuple(FEATURES)
"""The features that go into one workbook together: all of them."""


def example(folder: Path) -> Path:
    """The example plan in `folder`, written once and reused; its creation time is fixed to `EXAMPLE_DAY`
    so that the corpus comes out the same byte for byte on every run."""
    path = folder / "example.xlsx"
    if not path.exists():
        write_plan(path, example=True, today=EXAMPLE_DAY)
        with Package.edit(path) as package:
            stamp = rf"\g<1>{EXAMPLE_DAY}T09:00:00Z"
            core = re.sub(
                r"(<dcterms:(?:created|modified)[^>]*>)[^<]*", stamp, package.text("docProps/core.xml")
            )
            package.put("docProps/core.xml", core)
    return path


def plan_with(folder: Path, *names: str) -> Path:
    """The example plan with the named features added (in `FEATURES` order), as a new file in `folder`;
    .xlsm when "vba" is among them."""
    unknown = sorted(set(names) - set(FEATURES))
    assert not unknown, f"no such feature: {', '.join(unknown)}"
    chosen = [name for name in FEATURES if name in names]
    stem = "-".join(["plan", *chosen])
    if len(chosen) > 3:
        stem = f"plan-{len(chosen)}-features-{hashlib.sha1(stem.encode()).hexdigest()[:8]}"
    path = folder / (stem + (".xlsm" if "vba" in chosen else ".xlsx"))
    shutil.copyfile(example(folder), path)
    for name in chosen:
        FEATURES[name](path)
    return path
