"""Zips of CSV exports opened safely: members measured while inflating, what is not an export refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import export_files as files
import pytest

from sheetplan.exports import archive
from sheetplan.exports.archive import members
from sheetplan.plan.errors import SourceError


def test_members_in_order_without_folders_or_macos_extras(tmp_path: Path) -> None:
    path = tmp_path / "sc.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as opened:
        opened.writestr("report/", b"")
        opened.writestr("report/Queries.csv", b"Top queries,Clicks\n")
        opened.writestr("__MACOSX/report/._Queries.csv", b"\x00\x05")
        opened.writestr("report/.DS_Store", b"\x00")
        opened.writestr("report/Dates.csv", b"Date,Clicks\n")
    assert members(path, "sc.zip") == [
        ("report/Queries.csv", b"Top queries,Clicks\n"),
        ("report/Dates.csv", b"Date,Clicks\n"),
    ]


def test_all_members_together_are_limited_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_UNPACKED", 3000)
    path = files.zipped(tmp_path / "sc.zip", {"a.csv": b"x" * 2000, "b.csv": b"y" * 2000})
    with pytest.raises(SourceError) as raised:
        members(path, "sc.zip")
    assert (
        str(raised.value)
        == "sc.zip: unpacks to more than 3,000 bytes in all; refusing to unpack it (zip bomb?)"
    )


def test_an_encrypted_member(tmp_path: Path) -> None:
    path = files.zipped(tmp_path / "sc.zip", {"Dates.csv": b"Date,Clicks\n"})
    data = bytearray(path.read_bytes())
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # set the encryption flag in both headers
        at = data.find(header)
        flag = at + (6 if header == b"PK\x03\x04" else 8)
        data[flag] |= 0x1
    path.write_bytes(bytes(data))
    with pytest.raises(SourceError) as raised:
        members(path, "sc.zip")
    assert str(raised.value) == "sc.zip/Dates.csv: encrypted; download the export again"
