"""The Guide sheet: the five fundamentals, every sheet and column of the schema, and the monthly routine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet
from template_support import load, write

from sheetplan.plan.presets import load_preset
from sheetplan.plan.schema import GUIDE, INPUT_SHEETS, LANGS, Lang

CYRILLIC = re.compile("[а-яА-Я]")


@pytest.fixture(scope="module", params=LANGS)
def guide(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Lang, Worksheet]:
    lang = request.param
    path = write(tmp_path_factory.mktemp("guide"), lang=lang, name="my plan.xlsx")
    return lang, load(path)[GUIDE.name(lang)]


def texts(worksheet: Worksheet) -> list[str]:
    return [str(cell.value) for row in worksheet.iter_rows() for cell in row if cell.value not in (None, "")]


def test_the_guide_explains_the_five_fundamentals(guide: tuple[Lang, Worksheet]) -> None:
    lang, worksheet = guide
    prose = load_preset("guide")[lang]
    cells = texts(worksheet)
    assert cells[0] == prose["title"]
    assert [cell for cell in cells if re.match(r"^[1-5]\. \w", cell)] == [
        f"{number}. {name}" for number, (name, _) in enumerate(prose["fundamentals"], start=1)
    ]
    for _, explanation in prose["fundamentals"]:
        assert explanation in cells


def test_the_guide_lists_every_sheet_and_column_with_required_ones_marked(
    guide: tuple[Lang, Worksheet],
) -> None:
    lang, worksheet = guide
    prose = load_preset("guide")[lang]
    rows = [[cell.value for cell in row[1:4]] for row in worksheet.iter_rows()]
    links = {
        cell.value: cell.hyperlink.location for row in worksheet.iter_rows() for cell in row if cell.hyperlink
    }
    for sheet in INPUT_SHEETS:
        assert links[sheet.name(lang)].endswith("!A1")
        assert sheet.name(lang) in links[sheet.name(lang)]
        start = rows.index([sheet.name(lang), prose["sheets"][sheet.key], None])
        listed = rows[start + 1 : start + 1 + len(sheet.columns)]
        assert [row[0] for row in listed] == [column.header(lang) for column in sheet.columns]
        assert [row[1] for row in listed] == [
            prose["required"] if column.required else prose["optional"] for column in sheet.columns
        ]
        assert all(row[2] for row in listed), sheet.key


def test_the_guide_gives_the_monthly_routine_with_the_files_commands(guide: tuple[Lang, Worksheet]) -> None:
    lang, worksheet = guide
    cells = texts(worksheet)
    assert load_preset("guide")[lang]["routine_title"] in cells
    assert any("sheetplan check 'my plan.xlsx'" in cell for cell in cells)
    assert any("sheetplan review 'my plan.xlsx'" in cell for cell in cells)
    assert any("sheetplan calendar 'my plan.xlsx' --out calendar.ics" in cell for cell in cells)
    assert "2026-01 … 2026-12" in cells


def test_the_bulgarian_guide_is_in_bulgarian(tmp_path: Path) -> None:
    worksheet = load(write(tmp_path, lang="bg"))[GUIDE.name("bg")]
    english_only = [
        cell for cell in texts(worksheet) if re.search("[a-zA-Z]{4}", cell) and not CYRILLIC.search(cell)
    ]
    assert english_only == []


def test_both_languages_translate_the_same_guide() -> None:
    guide = load_preset("guide")
    assert set(guide) == set(LANGS)

    def shape(value: object) -> object:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return type(value)

    assert shape(guide["en"]) == shape(guide["bg"])
    for sheet in INPUT_SHEETS:
        assert sheet.key in guide["en"]["sheets"]
