"""The shape of the workbook `sheetplan init` writes: sheets, tables, dropdowns, formats, highlights."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from template_support import START, headers, load, records, validation_for, write

from sheetplan.exports.kinds import KINDS
from sheetplan.plan.example import Content
from sheetplan.plan.model import Month
from sheetplan.plan.schema import (
    DATE_FORMAT,
    INPUT_SHEETS,
    LANGS,
    LIST_SOURCES,
    SETTINGS,
    SETTINGS_ROWS,
    SHEETS,
    TEMPLATE_ROWS,
    Lang,
    Sheet,
    dropdown_columns,
)
from sheetplan.template.sheets import LOOKUP_ROWS
from sheetplan.template.tables import MISSING_FILL
from sheetplan.template.workbook import build_workbook

BOTH = pytest.mark.parametrize(
    ("lang", "example"), [(lang, example) for lang in LANGS for example in (False, True)]
)
MONTHS = [str(START + offset) for offset in range(12)]


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[Lang, bool], Workbook]:
    """The workbook in each language, blank and with the example."""
    folder = tmp_path_factory.mktemp("workbooks")
    return {
        (lang, example): load(write(folder, lang=lang, example=example, name=f"{lang}-{example}.xlsx"))
        for lang in LANGS
        for example in (False, True)
    }


def expected_headers(sheet: Sheet, lang: Lang) -> list[str]:
    return [column.header(lang) for column in sheet.columns] + (MONTHS if sheet.monthly else [])


@BOTH
def test_sheets_are_the_schema_sheets_in_order(workbooks: dict, lang: Lang, example: bool) -> None:
    assert workbooks[lang, example].sheetnames == [sheet.name(lang) for sheet in SHEETS]
    assert workbooks[lang, example].active.title == SHEETS[0].name(lang)


@BOTH
@pytest.mark.parametrize("sheet", INPUT_SHEETS, ids=lambda sheet: sheet.key)
def test_each_data_sheet_is_one_table_with_the_schema_headers(
    workbooks: dict, lang: Lang, example: bool, sheet: Sheet
) -> None:
    worksheet = workbooks[lang, example][sheet.name(lang)]
    assert headers(worksheet) == expected_headers(sheet, lang)
    assert all(isinstance(cell.value, str) for cell in worksheet[1] if cell.value is not None)
    [table] = worksheet.tables.values()
    first_col, first_row, last_col, last_row = range_boundaries(table.ref)
    assert (first_col, first_row, last_col) == (1, 1, len(expected_headers(sheet, lang)))
    data_rows = len(SETTINGS_ROWS) if sheet is SETTINGS else TEMPLATE_ROWS
    assert last_row - 1 == data_rows
    assert [column.name for column in table.tableColumns] == expected_headers(sheet, lang)
    assert table.autoFilter is not None
    assert table.tableStyleInfo.name
    assert worksheet.freeze_panes == ("C2" if sheet.monthly else "A2")


@BOTH
@pytest.mark.parametrize("sheet", INPUT_SHEETS, ids=lambda sheet: sheet.key)
def test_columns_have_the_schema_widths_and_formats(
    workbooks: dict, lang: Lang, example: bool, sheet: Sheet
) -> None:
    worksheet = workbooks[lang, example][sheet.name(lang)]
    for number, column in enumerate(sheet.columns, start=1):
        # Neighbouring columns that look alike share one <col> element, kept under the first letter.
        [dimension] = [
            item for item in worksheet.column_dimensions.values() if item.min <= number <= item.max
        ]
        assert dimension.width == pytest.approx(column.width, abs=0.72), column.key
        if column.number_format:
            assert dimension.number_format == column.number_format, column.key
        elif column.type in ("id", "text", "email"):
            assert dimension.number_format == "@", column.key


@BOTH
def test_list_names_point_at_the_source_columns(workbooks: dict, lang: Lang, example: bool) -> None:
    workbook = workbooks[lang, example]
    for source in LIST_SOURCES:
        sheet = next(sheet for sheet in SHEETS if sheet.key == source.sheet)
        [(title, cells)] = list(workbook.defined_names[source.defined_name].destinations)
        assert title == sheet.name(lang)
        letter = get_column_letter([column.key for column in sheet.columns].index(source.column) + 1)
        assert cells == f"${letter}$2:${letter}${TEMPLATE_ROWS + 1}"


@BOTH
@pytest.mark.parametrize(
    ("sheet", "column"), list(dropdown_columns()), ids=lambda item: getattr(item, "key", None)
)
def test_every_dropdown_column_has_its_list_message_and_alert(
    workbooks: dict, lang: Lang, example: bool, sheet: Sheet, column
) -> None:
    worksheet = workbooks[lang, example][sheet.name(lang)]
    letter = get_column_letter([item.key for item in sheet.columns].index(column.key) + 1)
    validation = validation_for(worksheet, f"{letter}2")
    assert str(validation.sqref) == f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
    assert validation.type == "list"
    if column.choices is not None:
        assert validation.formula1 == '"' + ",".join(column.choices.labels(lang)) + '"'
    elif column.export_kinds:
        assert validation.formula1 == '"' + ",".join(kind.name for kind in KINDS) + '"'
    else:
        assert validation.formula1 == column.source.defined_name
    assert validation.showDropDown in (None, False)  # openpyxl's name for "hide the arrow"
    assert validation.showInputMessage and validation.showErrorMessage
    assert validation.promptTitle == column.header(lang)
    assert validation.prompt == column.hint(lang)
    assert validation.errorTitle and column.hint(lang) in validation.error
    assert validation.errorStyle in (None, "stop")


@BOTH
def test_settings_rows_hold_the_plan_shape_and_defaults(workbooks: dict, lang: Lang, example: bool) -> None:
    worksheet = workbooks[lang, example][SETTINGS.name(lang)]
    rows = {row[0].value: row[1] for row in worksheet.iter_rows(min_row=2, max_row=len(SETTINGS_ROWS) + 1)}
    assert list(rows) == [setting.label(lang) for setting in SETTINGS_ROWS]
    values = {setting.key: rows[setting.label(lang)].value for setting in SETTINGS_ROWS}
    assert values["start_month"] == "2026-01"
    assert rows[SETTINGS_ROWS[1].label(lang)].number_format == "@"
    assert values["months"] == 12
    assert values["tolerance"] == 10
    assert values["currency"] == "EUR"
    if not example:
        for setting in SETTINGS_ROWS:
            if setting.default:
                assert str(values[setting.key]) == setting.default(lang)
    months_cell = rows[next(setting.label(lang) for setting in SETTINGS_ROWS if setting.key == "months")]
    validation = validation_for(worksheet, months_cell.coordinate)
    assert (validation.type, validation.formula1, validation.formula2) == ("whole", "1", "60")


@BOTH
@pytest.mark.parametrize("sheet", INPUT_SHEETS[1:], ids=lambda sheet: sheet.key)
def test_required_cells_light_up_when_missing(
    workbooks: dict, lang: Lang, example: bool, sheet: Sheet
) -> None:
    worksheet = workbooks[lang, example][sheet.name(lang)]
    missing = {
        str(cells.sqref).split(":")[0]
        for cells in worksheet.conditional_formatting
        for rule in cells.rules
        if rule.dxf.fill.bgColor.rgb.endswith(MISSING_FILL[1:])
    }
    for number, column in enumerate(sheet.columns, start=1):
        assert (f"{get_column_letter(number)}2" in missing) == column.required, column.key


def test_monthly_sheets_look_up_the_metric_name_with_the_name_cached(tmp_path: Path) -> None:
    path = write(tmp_path, example=True)
    formulas, cached = load(path), load(path, cached=True)
    metrics = records(formulas, SHEETS[6], "en")
    for key in ("Forecasts", "Actuals"):
        for row, metric in enumerate(metrics, start=2):
            assert formulas[key].cell(row, 2).value.startswith("=IF($A")
            assert "INDEX(Metrics!$B$2:$B$201,MATCH($A" in formulas[key].cell(row, 2).value
            assert cached[key].cell(row, 2).value == metric["metric"]
        assert cached[key].cell(len(metrics) + 2, 2).value in (None, "")
        assert formulas[key].cell(LOOKUP_ROWS + 1, 2).value.startswith("=IF(")
        assert formulas[key].cell(LOOKUP_ROWS + 2, 2).value is None


def test_example_dates_are_date_cells(tmp_path: Path) -> None:
    worksheet = load(write(tmp_path, example=True))["Actions"]
    due = headers(worksheet).index("Due") + 1
    assert isinstance(worksheet.cell(2, due).value, datetime)
    assert worksheet.cell(2, due).number_format == DATE_FORMAT


TEXTS = ['=HYPERLINK("http://x","y")', "=1+1", "+359 88 123", "2026-03", "http://example.com", "007", "12.50"]


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """A workbook whose actions are named with text that a careless writer would turn into something else."""
    rows = [{"action_id": f"A{number}", "action": text, "notes": text} for number, text in enumerate(TEXTS)]
    content = Content(settings={"plan_name": TEXTS[0]}, rows={"actions": rows})
    path = tmp_path_factory.mktemp("texts") / "plan.xlsx"
    path.write_bytes(build_workbook((Month(2026, 1),), "en", content))
    return load(path)


@pytest.mark.parametrize("row", range(len(TEXTS)), ids=TEXTS)
def test_text_is_written_as_text(texts: Workbook, row: int) -> None:
    for column in ("C", "L"):
        cell = texts["Actions"][f"{column}{row + 2}"]
        assert (cell.value, cell.data_type) == (TEXTS[row], "s")
        assert not cell.hyperlink


def test_plan_name_is_written_as_text(texts: Workbook) -> None:
    cell = texts["Settings"]["B2"]
    assert (cell.value, cell.data_type) == (TEXTS[0], "s")


def test_properties_name_the_plan(tmp_path: Path) -> None:
    properties = load(write(tmp_path, example=True, lang="bg")).properties
    assert properties.title == "План за социалните мрежи на Кафе Лазур"
    assert properties.subject == "Маркетингов план за действие"


@pytest.mark.parametrize("months", [1, 60])
def test_month_columns_follow_the_plan_length(tmp_path: Path, months: int) -> None:
    workbook = load(write(tmp_path, months=months, example=True))
    for key in ("Forecasts", "Actuals"):
        month_headers = headers(workbook[key])[2:]
        assert month_headers == [str(START + offset) for offset in range(months)]
    assert workbook["Settings"]["B4"].value == months
    assert column_index_from_string("C") + months - 1 == workbook["Forecasts"].max_column


def test_forecasts_and_actuals_show_thousands_separated(tmp_path: Path) -> None:
    from sheetplan.template.sheets import MONTH_FORMAT

    workbook = load(write(tmp_path, example=True))
    for name in ("Forecasts", "Actuals"):
        assert workbook[name]["C2"].number_format == MONTH_FORMAT == "[>=1000]#,##0;[<=-1000]-#,##0;General"
