"""Reading through the copy, and finding the damage when even the copy cannot be read."""

from __future__ import annotations

import zipfile
from pathlib import Path

from excel_features import example

from sheetplan.read.copied import damage


def test_the_first_part_that_is_not_well_formed_is_named_with_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.xml", "<a><b/></a>")
        archive.writestr("b.xml", "<a><b></a>")
        archive.writestr("c.xml", "<a>")
    found = damage(path, ["missing.xml", "a.xml", "c.xml", "b.xml"], "plan.xlsx")
    assert found is not None
    assert str(found) == (
        "plan.xlsx: c.xml is damaged: it ends too early (line 1, column 3); open the workbook in Excel or"
        " LibreOffice and save it again"
    )
    assert str(damage(path, ["b.xml"], "plan.xlsx")).startswith(
        "plan.xlsx: b.xml is damaged: its tags do not match"
    )


def test_a_sound_workbook_has_no_damage(tmp_path: Path) -> None:
    path = example(tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = archive.namelist()
    assert damage(path, [part for part in parts if part.endswith(".xml")], "plan.xlsx") is None
