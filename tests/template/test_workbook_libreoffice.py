"""The workbook in a real spreadsheet program: LibreOffice re-saves and renders it and loses nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from libreoffice import convert, needs_libreoffice
from openpyxl.utils import get_column_letter
from template_support import headers, load, records, validation_for, write

from sheetplan.plan.schema import (
    INPUT_SHEETS,
    LANGS,
    LIST_SOURCES,
    METRICS,
    SHEETS,
    TEMPLATE_ROWS,
    Lang,
    dropdown_columns,
)

pytestmark = needs_libreoffice


@pytest.mark.parametrize("lang", LANGS)
def test_libreoffice_keeps_sheets_headers_dropdowns_and_names(tmp_path: Path, lang: Lang) -> None:
    original = write(tmp_path, lang=lang, example=True)
    resaved = load(convert(original, "xlsx", tmp_path))
    before = load(original)
    assert resaved.sheetnames == [sheet.name(lang) for sheet in SHEETS]
    for sheet in INPUT_SHEETS:
        assert headers(resaved[sheet.name(lang)]) == headers(before[sheet.name(lang)])
        assert records(resaved, sheet, lang) == records(before, sheet, lang)
    for sheet, column in dropdown_columns():
        letter = get_column_letter([item.key for item in sheet.columns].index(column.key) + 1)
        validation = validation_for(resaved[sheet.name(lang)], f"{letter}2")
        assert str(validation.sqref) == f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        expected = validation_for(before[sheet.name(lang)], f"{letter}2")
        assert (validation.type, validation.formula1) == (expected.type, expected.formula1)
        assert (validation.prompt, validation.error) == (expected.prompt, expected.error)
    for source in LIST_SOURCES:
        assert list(resaved.defined_names[source.defined_name].destinations) == list(
            before.defined_names[source.defined_name].destinations
        )


def test_libreoffice_shows_the_looked_up_metric_names(tmp_path: Path) -> None:
    resaved = convert(write(tmp_path, example=True), "xlsx", tmp_path)
    names = [metric["metric"] for metric in records(load(resaved), METRICS, "en")]
    cached = load(resaved, cached=True)
    for sheet in ("Forecasts", "Actuals"):
        assert [cached[sheet].cell(row, 2).value for row in range(2, len(names) + 2)] == names


@pytest.mark.parametrize("example", [False, True])
def test_libreoffice_renders_the_workbook_to_pdf(tmp_path: Path, example: bool) -> None:
    pdf = convert(write(tmp_path, lang="bg", example=example), "pdf", tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?![a-z])", data)) >= len(SHEETS)
