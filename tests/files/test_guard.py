"""`guard_file`, which every workbook passes before it is read: doctypes found, the file named as typed.

What it refuses, input by input, is checked through `sheetplan check` in tests/cli/test_check_bad_inputs.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sheetplan.files.guard import _has_doctype, guard_file
from sheetplan.plan.errors import SourceError


@pytest.mark.parametrize(
    ("head", "complete", "expected"),
    [
        (b'<?xml version="1.0"?><worksheet/>', True, False),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- made by hand --><sst/>', True, False),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', True, True),
        (b"  <!doctype x><x/>", True, True),
        (b'<?xml version="1.0"?><!-- a comment that runs past the part\'s head', False, True),
        (b'<?xml version="1.0"?>', True, False),
    ],
)
def test_a_doctype_is_found_behind_declarations_and_comments(
    head: bytes, complete: bool, expected: bool
) -> None:
    assert _has_doctype(head, complete) is expected


def test_the_guard_names_the_file_as_the_user_typed_it(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"^my plan\.xlsx: no such file$"):
        guard_file(tmp_path / "plan.xlsx", "my plan.xlsx")


def test_a_real_plan_passes_the_guard(tmp_path: Path) -> None:
    from plan_builder import plan_grid, sample, write_workbook

    assert guard_file(write_workbook(tmp_path / "plan.xlsm", plan_grid(sample()))) == "xlsx"
