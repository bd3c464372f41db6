"""The layout builder: columns as wide as their longest text, so that nothing prints cut off."""

from __future__ import annotations

from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sheet import Style

STYLES = {"text": Style(), "wrap": Style(wrap=True)}


def test_a_column_widens_to_its_longest_text_that_does_not_wrap() -> None:
    sheet = LayoutBuilder("Sheet", STYLES, {1: 9, 2: 13, 3: 13})
    sheet.put(1, 2, "Social media manager", "text")  # 20 characters
    sheet.put(2, 3, "A long sentence that wraps in its cell instead", "wrap")
    sheet.merge(3, 1, 3, "A heading across all three columns, much longer than any", "text")
    sheet.put(4, 1, "M1", "text")
    layout = sheet.layout()
    assert layout.widths == {1: 9, 2: 24.0, 3: 13}


def test_no_column_grows_past_the_widest() -> None:
    sheet = LayoutBuilder("Sheet", STYLES, {1: 9})
    sheet.put(1, 1, "x" * 200, "text")
    assert sheet.layout().widths == {1: 48.0}
