"""`inflate`, through which every part is unpacked: counted as it inflates, refused when it lies."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sheetplan.files import inflate
from sheetplan.plan.errors import SourceError


def _understated(path: Path, member: str, stated: int) -> None:
    """Make the zip's headers say that `member` unpacks to `stated` bytes."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(member).header_offset
    data[local + 22 : local + 26] = stated.to_bytes(4, "little")
    central = data.find(b"PK\x01\x02")
    data[central + 24 : central + 28] = stated.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_a_part_reads_whole_in_chunks_of_the_size_asked_for(tmp_path: Path) -> None:
    text = b"<sheetData>" + b"<row/>" * 100_000 + b"</sheetData>"
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sheet.xml", text)
    with zipfile.ZipFile(tmp_path / "book.xlsx") as archive:
        chunks = list(inflate.chunks(archive, "sheet.xml", "book.xlsx", 65536))
        assert b"".join(chunks) == text == inflate.read(archive, "sheet.xml", "book.xlsx")
    assert {len(chunk) for chunk in chunks[:-1]} == {65536}


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_a_part_that_unpacks_to_more_than_its_header_says_is_refused_at_its_first_chunk(
    method: int, tmp_path: Path
) -> None:
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("sheet.xml", b" " * (8 * 2**20))
    _understated(path, "sheet.xml", 1000)
    with zipfile.ZipFile(path) as archive:
        chunks = inflate.chunks(archive, "sheet.xml", "my plan.xlsx", 2**16)
        with pytest.raises(SourceError) as refused:
            next(chunks)
    assert str(refused.value) == (
        "my plan.xlsx: sheet.xml unpacks to more than the 1,000 bytes its zip header says;"
        " refusing to unpack it (zip bomb?)"
    )


def test_ahead_gives_the_chunks_of_chunks_and_raises_what_inflating_raised(tmp_path: Path) -> None:
    text = bytes(range(256)) * 40_000
    path = tmp_path / "book.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", text)
    with zipfile.ZipFile(path) as archive:
        assert list(inflate.ahead(archive, "content.xml", "book.ods", 2**16)) == list(
            inflate.chunks(archive, "content.xml", "book.ods", 2**16)
        )
        early = inflate.ahead(archive, "content.xml", "book.ods", 2**10)
        assert next(early) == text[: 2**10]
        early.close()  # the thread inflating ahead stops, and the caller does not wait for the rest
    _understated(path, "content.xml", 1000)
    with zipfile.ZipFile(path) as archive, pytest.raises(SourceError, match="unpacks to more than the 1,000"):
        list(inflate.ahead(archive, "content.xml", "book.ods", 2**16))
