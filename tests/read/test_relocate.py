"""Far cells moved next to the others for calamine, and put back: positions, values, the block kept."""

from __future__ import annotations

import re

import pytest

from sheetplan.plan.errors import SourceError
from sheetplan.read.relocate import Layout, near_block, relocate_xlsx
from sheetplan.read.sheetxml import worksheet_cells

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _sheet(cells: str, prefix: str = "") -> bytes:
    tag = f"{prefix}:" if prefix else ""
    namespace = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{tag}worksheet {namespace}="{MAIN}">'
        f'<{tag}dimension ref="A0"/><{tag}sheetData>{cells}</{tag}sheetData>'
        f'<{tag}mergeCells><{tag}mergeCell ref="M:M"/></{tag}mergeCells>'
        f"</{tag}worksheet>"
    ).encode()


@pytest.mark.parametrize(
    ("positions", "block"),
    [
        ([(row, column) for row in range(1, 101) for column in range(1, 13)], (100, 12)),
        ([(1, 1), (1, 2), (2, 1), (1_048_576, 16_384)], (2, 2)),
        ([(1, 1), (2, 2), (20_000, 702)], (2, 2)),
        ([(1, 1), (1, 60), (5, 1)], (5, 60)),
        ([(1, 1), (900, 1)], (900, 1)),
        ([(1, 1), (3_000, 1)], (1, 1)),
        ([(n * 500, n * 500) for n in range(1, 30)], (0, 0)),
    ],
)
def test_the_block_kept_is_what_the_cells_fill_densely(
    positions: list[tuple[int, int]], block: tuple[int, int]
) -> None:
    assert near_block(positions) == block


def test_cells_are_found_at_their_references_or_after_the_cell_before(tmp_path: object) -> None:
    cells = (
        '<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c><c r="E2" s="1"/><c><v>3</v></c></row>'
        '<row><c t="s"><v>0</v></c></row><row r="9"/><row><c r="c10"><v>4</v></c></row>'
    )
    _, prefix, found = worksheet_cells(_sheet(cells), "sheet.xml", "plan.xlsx")
    assert prefix == b""
    assert [position for position, _ in found] == [(2, 2), (2, 3), (2, 6), (3, 1), (10, 3)]


@pytest.mark.parametrize("prefix", ["", "x"])
def test_far_cells_move_under_the_block_and_everything_but_the_cells_is_left_out(prefix: str) -> None:
    cells = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>'
        '<row r="2"><c r="A2"><v>2</v></c><c r="XFD2" t="b"><v>1</v></c></row>'
        '<row r="1048576"><c r="B1048576" s="3"><v>46053</v></c>'
        '<c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>'
    )
    if prefix:
        cells = re.sub(r"<(/?)(row|c|v|is|t)\b", rf"<\1{prefix}:\2", cells)
    xml, layout = relocate_xlsx(_sheet(cells, prefix), "sheet.xml", "plan.xlsx")
    tag = f"{prefix}:" if prefix else ""
    assert layout == Layout(2, 2, ((2, 16_384), (1_048_576, 2), (1_048_576, 16_384)))
    assert [layout.place(index) for index in range(3)] == [(3, 1), (3, 2), (4, 1)]
    assert b"dimension" not in xml and b"mergeCell" not in xml
    refs = re.findall(rb'<(?:\w+:)?c r="([A-Z]+\d+)"', xml)
    assert refs == [b"A1", b"B1", b"A2", b"A3", b"B3", b"A4"]
    assert f'<{tag}row r="4"><{tag}c r="A4" t="inlineStr">'.encode() in xml
    assert f'<{tag}c r="B3" s="3"><{tag}v>46053</{tag}v></{tag}c>'.encode() in xml


def test_the_layout_puts_each_moved_value_back_where_it_was() -> None:
    layout = Layout(2, 2, ((2, 16_384), (1_048_576, 2), (1_048_576, 16_384)))
    rows = layout.sheet_rows([["a", 1.0], [2.0, ""], [True, 46053.0], ["far", ""]])
    assert rows.block == [["a", 1.0], [2.0, ""]]
    assert rows[1][16_383] is True and rows[1_048_575][1] == 46053.0 and rows[1_048_575][16_383] == "far"
    assert len(rows) == 1_048_576


def test_a_sheet_cut_short_is_refused_in_words() -> None:
    with pytest.raises(SourceError, match=r"^plan\.xlsx: sheet\.xml is damaged: it ends too early;"):
        relocate_xlsx(_sheet('<row r="1"><c r="A1"><v>1</v></c>')[:-60], "sheet.xml", "plan.xlsx")
