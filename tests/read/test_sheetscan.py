"""The scan beside calamine: the workbook's worksheets, the two readers' sheets, each sheet's scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from excel_features import example
from workbook_shapes import made

from sheetplan.plan.errors import SourceError
from sheetplan.read import sheetscan
from sheetplan.read.sheetscan import Scans


def test_the_wanted_worksheets_are_scanned_and_the_others_left_out(tmp_path: Path) -> None:
    scans = Scans(made(tmp_path, "macro_sheets"), lambda name: name != "Guide", "plan.xlsm")
    scans.start()
    assert scans.structure().sheets[-2].kind == "macrosheet"
    assert list(scans.parts)[:2] == ["Settings", "Goals"] and "Macro1" not in scans.parts
    found = scans.sheet("Actions")
    assert found is not None and found[1].dense() and (found[1].rows, found[1].columns) == (14, 12)
    assert scans.sheet("Macro1") is None and scans.sheet("Guide") is None
    scans.join()
    assert scans.raised is None and scans.second == []


def test_a_big_workbook_is_shared_by_two_readers_each_taking_its_smallest_sheets_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheetscan, "SPLIT_BYTES", 0)
    scans = Scans(example(tmp_path), lambda name: True, "plan.xlsx")
    scans.run()
    assert scans.second and not set(scans.second) & set(scans.first)
    assert set(scans.first) | set(scans.second) == set(scans.parts)
    sizes = {name: len(name) for name in scans.parts}
    order = sheetscan._in_turn(["a", "bbbb"], ["cc", "ddd"], {"a": 1, "bbbb": 4, "cc": 2, "ddd": 3} | sizes)
    assert order == ["a", "cc", "bbbb", "ddd"]


def test_a_scan_that_fails_hands_its_error_to_every_reader(tmp_path: Path) -> None:
    from bad_inputs import _understates_a_size

    scans = Scans(_understates_a_size(tmp_path), lambda name: True, "plan.xlsx")
    scans.start()
    with pytest.raises(
        SourceError, match=r"^plan\.xlsx: xl/worksheets/sheet1\.xml unpacks to more than the 100"
    ):
        scans.sheet("Settings")
    scans.join()
    assert isinstance(scans.raised, SourceError)
    with pytest.raises(SourceError):
        scans.sheet("Actions")
