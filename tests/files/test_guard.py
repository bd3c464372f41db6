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


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_doctype_is_found_in_a_part_in_utf16(encoding: str) -> None:
    bomb = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
    assert _has_doctype(bomb.encode(encoding), True)
    assert not _has_doctype('<?xml version="1.0" encoding="UTF-16"?><x/>'.encode(encoding), True)


def test_an_honest_workbook_compressed_121_to_1_is_not_taken_for_a_zip_bomb(tmp_path: Path) -> None:
    from workbook_shapes import UNIFORM_RATIO, largest_ratio, made

    path = made(tmp_path, "uniform_sheet")
    assert largest_ratio(path) >= UNIFORM_RATIO
    assert guard_file(path) == "xlsx"


def test_a_workbook_kept_under_other_part_names_is_found_through_its_relationships(tmp_path: Path) -> None:
    from workbook_shapes import made

    assert guard_file(made(tmp_path, "moved_parts")) == "xlsx"


def test_the_parts_are_counted_from_the_zip64_end_of_directory_before_the_directory_is_read(
    tmp_path: Path,
) -> None:
    """A zip of more than 65,535 parts keeps its count in the Zip64 record: 70,000 is refused."""
    record = b"PK\x06\x06" + (44).to_bytes(8, "little") + bytes(12) + (70_000).to_bytes(8, "little") * 2
    record += bytes(16)
    locator = b"PK\x06\x07" + bytes(4) + (0).to_bytes(8, "little") + (1).to_bytes(4, "little")
    end = b"PK\x05\x06" + bytes(4) + b"\xff\xff\xff\xff" + bytes(8) + bytes(2)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(record + locator + end)
    with pytest.raises(SourceError) as refused:
        guard_file(path)
    assert (
        str(refused.value) == f"{path}: has 70,000 parts, more than 10,000; refusing to unpack it (zip bomb?)"
    )
