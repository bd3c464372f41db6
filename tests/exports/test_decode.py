"""An export's bytes as text: byte-order marks, UTF-16 with and without one, code pages, binaries."""

from __future__ import annotations

import pytest

from sheetplan.exports.decode import decode
from sheetplan.plan.errors import SourceError

TEXT = "Date,Описание,Größe\n2025-09-01,Здравей,ß\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode(), id="UTF-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode(), id="UTF-8 with BOM"),
        pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le"), id="UTF-16 LE with BOM"),
        pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), id="UTF-16 BE with BOM"),
    ],
)
def test_unicode_encodings(data: bytes) -> None:
    assert decode(data, "f.csv") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_told_by_its_zero_bytes(encoding: str) -> None:
    text = "Date,Views\n2025-09-01,5\n"
    assert decode(text.encode(encoding), "f.csv") == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Дата,Посещения,Описание\n2025-09-01,5,Публикация за новия продукт и отстъпките\n" * 3, "cp1251"),
        ("Datum,Größe,Übersicht\n2025-09-01,5,Größere Änderungen für Kunden\n" * 3, "cp1252"),
    ],
)
def test_code_pages_are_told_by_charset_normalizer(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "f.csv") == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "f.csv: empty file, not an export"),
        (b"  \r\n\n", "f.csv: empty file, not an export"),
        (b"\xef\xbb\xbf", "f.csv: empty file, not an export"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "f.csv: a binary file, not a CSV export"),
        (bytes(range(256)) * 8, "f.csv: a binary file, not a CSV export"),
        (b"Date,Views\n\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "f.csv: a binary file, not a CSV export"),
        (
            b"\xff\xfe" + "Date,Views\n".encode("utf-16-le") + b"D",
            "f.csv: not valid UTF-16 text, it ends in the middle of a character (cut short?)",
        ),
        (
            b"\xef\xbb\xbfDate,Views\n\xff\xfe2025-09-01,1\n",
            "f.csv: not valid UTF-8 text, at byte 11",
        ),
    ],
)
def test_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as raised:
        decode(data, "f.csv")
    assert str(raised.value) == message
