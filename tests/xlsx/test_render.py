"""Drawing a layout with openpyxl: text stays text, merges, colour rules, charts and print settings."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from sheetplan.layout.sheet import Chart, ChartSeries, ColourRule, LayoutBuilder, Range, Style
from sheetplan.plan.model import Month
from sheetplan.review.log import LogRow
from sheetplan.xlsx.render import render, write_log

STYLES = {"text": Style(border=True), "date": Style(number_format="yyyy-mm-dd"), "red": Style(fill="FFC7CE")}


def drawn(tmp_path: Path, kind: str = "bar") -> Path:
    sheet = LayoutBuilder("Review 2026-03", STYLES, {1: 10, 2: 20, 3: 12})
    texts = ['=HYPERLINK("https://example.com","site")', "#N/A", "bell\x07 here", "off track"]
    for row, text in enumerate(texts, start=1):
        sheet.put(row, 1, text, "text")
        sheet.put(row, 3, row * 10, "text")
    sheet.merge(6, 1, 3, "across", "text")
    sheet.put(7, 1, date(2026, 3, 31), "date")
    sheet.rule(ColourRule(Range(1, 1, 4, 1), 'off "track"', "red"))
    series = ChartSeries("Actual", Range(1, 3, 4, 3), "1F4E78")
    sheet.chart(Chart(kind, "Figures", Range(1, 1, 4, 1), (series,), (9, 1), 12, 6, "0%"))  # type: ignore[arg-type]
    sheet.row = 8
    workbook = openpyxl.Workbook()
    workbook.active.title = sheet.name
    render(workbook.active, sheet.layout(footer="Plan & co", page_label="Page {page} of {pages}"))
    path = tmp_path / "drawn.xlsx"
    workbook.save(path)
    return path


def part(path: Path, pattern: str) -> str:
    with zipfile.ZipFile(path) as archive:
        name = next(name for name in archive.namelist() if re.fullmatch(pattern, name))
        return archive.read(name).decode()


def test_text_that_looks_like_a_formula_or_an_error_stays_text(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(drawn(tmp_path)).active
    assert [(sheet.cell(row, 1).value, sheet.cell(row, 1).data_type) for row in (1, 2, 3)] == [
        ('=HYPERLINK("https://example.com","site")', "s"),
        ("#N/A", "s"),
        ("bell here", "s"),
    ]
    assert "<f>" not in part(tmp_path / "drawn.xlsx", r"xl/worksheets/sheet1\.xml")


def test_merges_rules_dates_and_print_settings(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(drawn(tmp_path)).active
    assert [str(found) for found in sheet.merged_cells.ranges] == ["A6:C6"]
    assert sheet["A6"].value == "across"
    assert sheet["A7"].value.date() == date(2026, 3, 31) and sheet["A7"].number_format == "yyyy-mm-dd"
    [rule] = [rule for found in sheet.conditional_formatting for rule in found.rules]
    assert (rule.type, rule.operator, rule.formula) == ("cellIs", "equal", ['"off ""track"""'])
    assert (sheet.page_setup.orientation, sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (
        "landscape",
        1,
        0,
    )
    assert sheet.oddFooter.left.text == "Plan && co"
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert sheet.sheet_view.showGridLines is False


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_charts_show_their_axes_and_draw_straight_lines(tmp_path: Path, kind: str) -> None:
    chart = part(drawn(tmp_path, kind), r"xl/charts/chart\d+\.xml")
    assert chart.count('<c:delete val="0"') == 2 or chart.count('<delete val="0"') == 2
    assert "'Review 2026-03'!$C$1:$C$4" in chart
    if kind == "line":
        assert re.search(r'<(c:)?smooth val="0"\s*/>', chart)
        assert not re.search(r'<(c:)?smooth val="1"', chart)


def log_rows(count: int) -> list[LogRow]:
    return [
        LogRow(Month(2026, 3), f"M{number}", f"Metric {number}", 100.0, 90.0, -10.0, -0.1, "on_track")
        for number in range(1, count + 1)
    ]


def test_the_log_is_written_over_ranges_someone_merged_in_it() -> None:
    sheet = openpyxl.Workbook().active
    write_log(sheet, log_rows(3), "en")
    sheet.merge_cells("C2:D2")  # across two of the log's cells
    sheet.merge_cells("H4:I5")  # from the log's last column out beside it
    sheet.merge_cells("K2:L3")  # beside the log: the team's own
    write_log(sheet, log_rows(4), "en")
    assert [str(merged) for merged in sheet.merged_cells.ranges] == ["K2:L3"]
    first = ["2026-03", "M1", "Metric 1", 100.0, 90.0, -10.0, -0.1, "on track"]
    assert [cell.value for cell in sheet[2]][:8] == first
    assert sheet["H5"].value == "on track"
