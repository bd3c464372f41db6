"""A workbook's zip written again part by part: untouched parts byte for byte, changed ones compressed.

The zips come from XlsxWriter, openpyxl, and Python's `zipfile` with stored members and with data
descriptors. A part's compressed bytes are read straight from the file, after its local header, so
"copied as it was" is checked on the bytes themselves, not on what a zip reader makes of them.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from sheetplan.plan.errors import WriteError
from sheetplan.xlsx.package import Package, copied_intact

DATA_DESCRIPTOR = 0x08
UTF8 = 0x800
XML = b'<?xml version="1.0"?><root>' + b"<item>plan</item>" * 200 + b"</root>"


def xlsxwriter_book(folder: Path) -> bytes:
    workbook = xlsxwriter.Workbook(str(folder / "xlsxwriter.xlsx"))
    sheet = workbook.add_worksheet("Plan")
    sheet.write_row(0, 0, ["Metric", "Target"])
    sheet.write_row(1, 0, ["Visits", 1200])
    workbook.add_worksheet("Notes").write(0, 0, "café")
    workbook.close()
    return (folder / "xlsxwriter.xlsx").read_bytes()


def openpyxl_book(folder: Path) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Plan"
    workbook.active.append(["Metric", "Target"])
    workbook.active.append(["Visits", 1200])
    workbook.save(folder / "openpyxl.xlsx")
    return (folder / "openpyxl.xlsx").read_bytes()


def stored_zip(_: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", XML, zipfile.ZIP_STORED)
        archive.writestr("xl/workbook.xml", XML, zipfile.ZIP_DEFLATED)
        archive.writestr("xl/media/image1.png", bytes(range(256)) * 4, zipfile.ZIP_STORED)
    return buffer.getvalue()


class Unseekable:
    """A stream `zipfile` cannot seek back in, so it writes every member with a data descriptor."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def write(self, data: bytes) -> int:
        return self.buffer.write(data)

    def flush(self) -> None:
        pass


def descriptor_zip(_: Path) -> bytes:
    stream = Unseekable()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", XML)
        archive.writestr("xl/styles.xml", XML.replace(b"plan", b"style"), zipfile.ZIP_STORED)
    data = stream.buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert all(info.flag_bits & DATA_DESCRIPTOR for info in archive.infolist())
    return data


def raw_parts(data: bytes) -> dict[str, tuple[int, int, bytes]]:
    """Each member's compression method, CRC and compressed bytes, as found after its local header."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            at = info.header_offset
            assert data[at : at + 4] == b"PK\x03\x04"
            name_length, extra_length = struct.unpack("<2H", data[at + 26 : at + 30])
            start = at + 30 + name_length + extra_length
            found[info.filename] = (info.compress_type, info.CRC, data[start : start + info.compress_size])
    return found


def contents(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def written(source: bytes, change: Callable[[Package], None] = lambda package: None) -> bytes:
    stream = io.BytesIO()
    with Package(source, "plan.xlsx") as package:
        change(package)
        package.write(stream)
    return stream.getvalue()


@pytest.mark.parametrize("make", [xlsxwriter_book, openpyxl_book, stored_zip, descriptor_zip])
def test_a_zip_written_again_unchanged_has_every_part_byte_for_byte(
    make: Callable[[Path], bytes], tmp_path: Path
) -> None:
    source = make(tmp_path)
    again = written(source)
    assert list(contents(again).items()) == list(contents(source).items())
    assert raw_parts(again) == raw_parts(source)
    with zipfile.ZipFile(io.BytesIO(source)) as before, zipfile.ZipFile(io.BytesIO(again)) as after:
        assert [(info.date_time, info.external_attr) for info in after.infolist()] == [
            (info.date_time, info.external_attr) for info in before.infolist()
        ]
        assert not any(info.flag_bits & DATA_DESCRIPTOR for info in after.infolist())


def test_a_replaced_part_keeps_its_place_and_an_added_part_goes_last(tmp_path: Path) -> None:
    source = xlsxwriter_book(tmp_path)
    names = list(contents(source))

    def change(package: Package) -> None:
        package.put("docProps/core.xml", b"<core/>")
        package.put("customXml/item1.xml", b"<item/>")
        assert package.unchanged() == [name for name in names if name != "docProps/core.xml"]

    again = written(source, change)
    from_file = io.BytesIO()
    with Package(tmp_path / "xlsxwriter.xlsx", "plan.xlsx") as package:
        change(package)
        package.write(from_file)
    assert from_file.getvalue() == again
    assert list(contents(again)) == [*names, "customXml/item1.xml"]
    assert contents(again)["docProps/core.xml"] == b"<core/>"
    assert contents(again)["customXml/item1.xml"] == b"<item/>"
    untouched = {name: part for name, part in raw_parts(source).items() if name != "docProps/core.xml"}
    assert {name: raw_parts(again)[name] for name in untouched} == untouched


def test_a_part_put_as_it_is_made_is_written_as_its_pieces_joined(tmp_path: Path) -> None:
    source = xlsxwriter_book(tmp_path)
    pieces = [
        b'<?xml version="1.0"?><worksheet>',
        *(b"<row>%d</row>" % n for n in range(50_000)),
        b"</worksheet>",
    ]

    def change(package: Package) -> None:
        package.put_made("xl/worksheets/sheet9.xml", iter(pieces))
        package.put_made("docProps/core.xml", [b"<core/>"])
        package.put("docProps/core.xml", b"<core>whole</core>")

    again = written(source, change)
    assert contents(again)["xl/worksheets/sheet9.xml"] == b"".join(pieces)
    assert contents(again)["docProps/core.xml"] == b"<core>whole</core>"
    assert zipfile.ZipFile(io.BytesIO(again)).testzip() is None


def test_a_part_whose_making_fails_is_not_put(tmp_path: Path) -> None:
    def pieces() -> Iterator[bytes]:
        yield b"<worksheet>"
        raise ValueError("no more")

    with Package(xlsxwriter_book(tmp_path), "plan.xlsx") as package:
        before = package.names()
        with pytest.raises(ValueError, match="no more"):
            package.put_made("xl/worksheets/sheet9.xml", pieces())
        assert package.names() == before and package.unchanged() == before


def test_a_dropped_part_is_gone_and_goes_last_when_put_again(tmp_path: Path) -> None:
    with Package(stored_zip(tmp_path), "plan.xlsx") as package:
        package.drop("xl/workbook.xml")
        package.drop("no/such/part.xml")
        assert "xl/workbook.xml" not in package
        assert package.names() == ["[Content_Types].xml", "xl/media/image1.png"]
        with pytest.raises(KeyError):
            package.read("xl/workbook.xml")
        stream = io.BytesIO()
        package.write(stream)
        assert list(contents(stream.getvalue())) == ["[Content_Types].xml", "xl/media/image1.png"]
        package.put("[Content_Types].xml", b"<Types/>")
        package.drop("[Content_Types].xml")
        package.put("[Content_Types].xml", b"<Types/>")
        stream = io.BytesIO()
        package.write(stream)
    assert list(contents(stream.getvalue())) == ["xl/media/image1.png", "[Content_Types].xml"]
    assert contents(stream.getvalue())["[Content_Types].xml"] == b"<Types/>"


def test_non_ascii_part_names_are_written_with_the_utf8_flag() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/media/café.png", b"old picture")
        archive.writestr("xl/workbook.xml", XML)

    def change(package: Package) -> None:
        package.put("xl/media/日本.png", b"new picture")

    again = written(buffer.getvalue(), change)
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        flags = {info.filename: info.flag_bits & UTF8 for info in archive.infolist()}
    assert flags == {"xl/media/café.png": UTF8, "xl/workbook.xml": 0, "xl/media/日本.png": UTF8}
    assert contents(again)["xl/media/café.png"] == b"old picture"
    assert contents(again)["xl/media/日本.png"] == b"new picture"


def test_calamine_and_openpyxl_read_a_workbook_with_a_part_replaced(tmp_path: Path) -> None:
    source = xlsxwriter_book(tmp_path)

    def change(package: Package) -> None:
        sheet = package.read("xl/worksheets/sheet1.xml")
        assert b"<v>1200</v>" in sheet
        package.put("xl/worksheets/sheet1.xml", sheet.replace(b"<v>1200</v>", b"<v>1500</v>"))

    path = tmp_path / "again.xlsx"
    path.write_bytes(written(source, change))
    calamine = CalamineWorkbook.from_path(str(path))
    assert calamine.sheet_names == ["Plan", "Notes"]
    assert calamine.get_sheet_by_name("Plan").to_python() == [["Metric", "Target"], ["Visits", 1500.0]]
    assert calamine.get_sheet_by_name("Notes").to_python() == [["café"]]
    workbook = openpyxl.load_workbook(path)
    assert workbook["Plan"]["B2"].value == 1500
    assert workbook["Notes"]["A1"].value == "café"


def central_patched(data: bytes, field: int, value: int) -> bytes:
    """The zip with a 16-bit field of its first central directory entry set to `value`."""
    at = data.index(b"PK\x01\x02")
    return data[: at + field] + struct.pack("<H", value) + data[at + field + 2 :]


def empty_named(_: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"nameless")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"this is not a zip file at all",
        lambda data: data[: len(data) // 2],
        lambda data: central_patched(data, 6, 99),  # a version no reader has
        empty_named,
    ],
    ids=["not a zip", "cut in half", "unknown version", "nameless member"],
)
def test_a_damaged_zip_is_refused_in_one_line(damage: Callable[[bytes], bytes], tmp_path: Path) -> None:
    with pytest.raises(WriteError) as raised:
        Package(damage(stored_zip(tmp_path)), "plan.xlsx")
    assert str(raised.value) == "plan.xlsx: damaged zip file; not written"


def test_a_damaged_local_header_is_refused_when_writing(tmp_path: Path) -> None:
    source = stored_zip(tmp_path)
    at = source.index(b"PK\x03\x04", 1)
    with pytest.raises(WriteError, match=r"^xl/workbook\.xml: damaged zip entry; not written$"):
        written(source[:at] + b"XX" + source[at + 2 :])


def test_a_directory_pointing_before_the_start_of_the_file_is_refused_when_writing(tmp_path: Path) -> None:
    source = stored_zip(tmp_path)
    end = source.rindex(b"PK\x05\x06")
    (start,) = struct.unpack("<L", source[end + 16 : end + 20])
    moved = source[: end + 16] + struct.pack("<L", start + 4096) + source[end + 20 :]
    with pytest.raises(WriteError, match=r"^\[Content_Types\]\.xml: damaged zip entry; not written$"):
        written(moved)


def test_a_part_whose_data_is_damaged_cannot_be_read(tmp_path: Path) -> None:
    source = stored_zip(tmp_path)
    at = source.index(b"<item>plan</item>")
    damaged = source[:at] + b"<item>PLAN</item>" + source[at + 17 :]
    with Package(damaged, "plan.xlsx") as package, pytest.raises(WriteError) as raised:
        package.read("[Content_Types].xml")
    assert str(raised.value) == "plan.xlsx: the part [Content_Types].xml is damaged; not written"


def test_copied_intact_names_only_the_parts_that_changed(tmp_path: Path) -> None:
    old, new = tmp_path / "old.xlsx", tmp_path / "new.xlsx"
    old.write_bytes(xlsxwriter_book(tmp_path))
    new.write_bytes(written(old.read_bytes(), lambda package: package.put("xl/styles.xml", b"<styles/>")))
    names = list(contents(old.read_bytes()))
    assert copied_intact(old, new, names) == ["xl/styles.xml"]
    assert copied_intact(old, old, names) == []


names = st.from_regex(r"[a-zé_]{1,6}(/[a-zé_.0-9]{1,6}){0,2}", fullmatch=True)
parts = st.tuples(st.binary(max_size=300), st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
changes = st.lists(st.tuples(st.sampled_from(["put", "drop"]), names, st.binary(max_size=300)), max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(names, parts, max_size=8), changes, st.data())
def test_any_puts_and_drops_read_back_exactly_as_made(
    start: dict[str, tuple[bytes, int]], edits: list[tuple[str, str, bytes]], data: st.DataObject
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, (content, method) in start.items():
            archive.writestr(name, content, method)
    # Half the edits are to parts the zip has, which change in place or go.
    if start:
        edits = edits + [(kind, data.draw(st.sampled_from(list(start))), new) for kind, _, new in edits]
    expected = {name: content for name, (content, _) in start.items()}
    with Package(buffer.getvalue(), "plan.xlsx") as package:
        for kind, name, content in edits:
            if kind == "put":
                package.put(name, content)
                expected[name] = content
            else:
                package.drop(name)
                expected.pop(name, None)
        assert package.names() == list(expected)
        assert {name: package.read(name) for name in package.names()} == expected
        untouched = package.unchanged()
        stream = io.BytesIO()
        package.write(stream)
    assert list(contents(stream.getvalue()).items()) == list(expected.items())
    before, after = raw_parts(buffer.getvalue()), raw_parts(stream.getvalue())
    assert {name: after[name] for name in untouched} == {name: before[name] for name in untouched}
