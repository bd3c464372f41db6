"""The Sources and Posts sheets of a new plan: their dropdowns, an empty Posts sheet, the Guide on both."""

from __future__ import annotations

from pathlib import Path

import pytest
from template_support import headers, load, validation_for, write

from sheetplan.exports.kinds import KINDS
from sheetplan.plan.presets import load_preset
from sheetplan.plan.schema import HOW, LANGS, POSTS, SOURCES, Lang
from sheetplan.read.load import load as load_plan
from sheetplan.read.source import read_file


@pytest.fixture(scope="module", params=LANGS)
def blank(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Lang, Path]:
    lang: Lang = request.param
    return lang, write(tmp_path_factory.mktemp(lang), lang=lang)


def test_sources_offers_the_metrics_the_kinds_of_export_and_the_ways_to_add_up(
    blank: tuple[Lang, Path],
) -> None:
    lang, path = blank
    worksheet = load(path)[SOURCES.name(lang)]
    assert headers(worksheet) == [column.header(lang) for column in SOURCES.columns]
    assert validation_for(worksheet, "A2").formula1 == "MetricList"
    export = validation_for(worksheet, "B2")
    assert export.formula1 == '"' + ",".join(kind.name for kind in KINDS) + '"'
    assert "Meta posts" in export.formula1 and "GA4" in export.formula1
    assert len(export.formula1) - 2 <= 255
    assert validation_for(worksheet, "E2").formula1 == '"' + ",".join(HOW.labels(lang)) + '"'
    for cell in ("C2", "D2"):
        assert not [dv for dv in worksheet.data_validations.dataValidation if cell in dv.sqref]


def test_posts_is_a_sheet_of_headers_only_that_reads_back_located(blank: tuple[Lang, Path]) -> None:
    lang, path = blank
    worksheet = load(path)[POSTS.name(lang)]
    assert headers(worksheet) == [column.header(lang) for column in POSTS.columns]
    assert all(cell.value is None for row in worksheet.iter_rows(min_row=2) for cell in row)
    plan, problems = load_plan(read_file(path), str(path))
    assert problems == []
    assert plan.sources == ()
    assert plan.locations["posts"].columns["source_file"] == len(POSTS.columns)


def test_the_guide_explains_sources_and_posts(blank: tuple[Lang, Path]) -> None:
    lang, path = blank
    prose = load_preset("guide")[lang]
    texts = [cell.value for row in load(path).worksheets[0].iter_rows() for cell in row if cell.value]
    for sheet in (SOURCES, POSTS):
        assert prose["sheets"][sheet.key] in texts
        assert "sheetplan import" in prose["sheets"][sheet.key]
        for column in sheet.columns:
            assert prose["columns"][f"{sheet.key}.{column.key}"] in texts
