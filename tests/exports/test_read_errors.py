"""Every way `read_export` refuses a file, each with its one line naming the file, row and column."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import export_files as files
import pytest

from sheetplan.exports import archive, read
from sheetplan.exports.kinds import KINDS
from sheetplan.exports.read import read_export
from sheetplan.plan.errors import SourceError

TODAY = date(2026, 10, 1)
NAME = "exports/f.csv"
KNOWN = ", ".join(kind.name for kind in KINDS)
FORMATS = " (`sheetplan import --formats` says how each is recognised)"


def _bytes(data: bytes, name: str = "f.csv") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

    return build


def _posts(**row: object) -> Callable[[Path], Path]:
    base = {"Post ID": "1_1", "Page ID": "1", "Publish time": datetime(2025, 9, 1, 9, 0), "Reach": 5}
    rows = [base, base, base, base, {**base, **row}]
    return lambda folder: files.meta_posts(folder / "f.csv", rows)


def _zip(members: dict[str, bytes]) -> Callable[[Path], Path]:
    return lambda folder: files.zipped(folder / "f.csv", members)


def _cut(build: Callable[[Path], Path], keep: float) -> Callable[[Path], Path]:
    def cut(folder: Path) -> Path:
        path = build(folder)
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * keep)])
        return path

    return cut


def _workbook(folder: Path, name: str = "f.xlsx") -> Path:
    return files.workbook(folder / name, {"Sheet1": (["Name", "Amount"], [{"Name": "a", "Amount": 1}])})


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("no such file", lambda folder: folder / "f.csv", f"{NAME}: no such file"),
    ("a folder", lambda folder: folder, f"{NAME}: is a folder, not an export"),
    ("empty", _bytes(b""), f"{NAME}: empty file, not an export"),
    (
        "binary",
        _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10),
        f"{NAME}: a binary file, not a CSV export",
    ),
    (
        "unknown kind",
        _bytes(b"Campaign,Spend,Clicks\nSpring,100,5\n"),
        f'{NAME}: not an export sheetplan knows (first row "Campaign", "Spend" and "Clicks");'
        f" it reads {KNOWN}{FORMATS}",
    ),
    (
        "only comments",
        _bytes(b"# nothing here\n"),
        f"{NAME}: not an export sheetplan knows (no table); it reads {KNOWN}{FORMATS}",
    ),
    (
        "a workbook of no known kind",
        _workbook,
        f'{NAME}: not an export sheetplan knows (first row "Name" and "Amount"); it reads {KNOWN}{FORMATS}',
    ),
    (
        "cut short inside a caption",
        _bytes(b'"Post ID","Page ID","Publish time"\n"1","2","09/01/2025 21:13"\n"2","2","09/0'),
        f"{NAME}: row 3: the file ends inside a quoted field; it seems cut short",
    ),
    (
        "cut short after a field",
        _bytes(b"Date,Views,Reach\n2025-09-01,5,6\n2025-09-02,7"),
        f"{NAME}: row 3: the file ends after 2 of 3 columns; it seems cut short",
    ),
    (
        "a workbook named otherwise",
        lambda folder: _workbook(folder, "f.csv"),
        f"{NAME}: holds an .xlsx workbook; rename it to end in .xlsx",
    ),
    (
        "a truncated workbook",
        _cut(_workbook, 0.6),
        f"{NAME}: damaged or truncated zip file",
    ),
    (
        "a 10 MB caption",
        _bytes(b'Post id,Date,Post text\n1,2026-08-22,"' + b"x" * 10 * 2**20 + b'"\n'),
        f"{NAME}: row 2: a field is longer than 131,072 characters; not an export",
    ),
    (
        "a recognised kind without a column it must have",
        _bytes(b'\xef\xbb\xbf"Post ID","Page ID","Reach"\n"1","2","5"\n'),
        f'{NAME}: row 1: no "Publish time" column, which a Meta posts export has',
    ),
    (
        "a number that is not one",
        _posts(Reach="12k"),
        f'{NAME}: row 6, column "Reach": "12k" is not a number',
    ),
    (
        "a date that is not one",
        _posts(**{"Publish time": "soon"}),
        f'{NAME}: row 6, column "Publish time": "soon" is not a date; use a date such as 2026-03-31',
    ),
    (
        "a date that does not exist",
        _bytes(b"Date,Views\n2025-02-30,5\n"),
        f'{NAME}: row 2, column "Date": "2025-02-30" is not a real date; use a date such as 2026-03-31',
    ),
    (
        "a daily row without its date",
        _bytes(b"Date,Views\n2025-02-03,5\n,6\n"),
        f'{NAME}: row 3, column "Date": no date',
    ),
    (
        "days without years, too far apart to tell",
        _bytes(
            b'"Date","Followers","Difference in followers from previous day"\n'
            b'"January 2","5","1"\n"July 3","6","1"\n'
        ),
        f'{NAME}: row 3, column "Date": "July 3" lies 150 days or more either way from "January 2" above it,'
        " so its year cannot be told; download the export with years or for fewer days",
    ),
    (
        "a month that is not one",
        _bytes(b"Metric ID,Month,Actual\nM1,March,5\n"),
        f'{NAME}: row 2, column "Month": "March" is not a month; use YYYY-MM, such as 2026-03',
    ),
    (
        "a monthly row without its metric",
        _bytes(b"Metric ID,Month,Actual\n,2026-03,5\n"),
        f'{NAME}: row 2, column "Metric ID": no metric ID',
    ),
    (
        "a Shopify quantity that is not a number",
        _bytes(b"Name,Created at,Total,Lineitem name,Lineitem quantity\n#1,2026-05-01,5,A,1\n#1,,,B,two\n"),
        f'{NAME}: row 3, column "Lineitem quantity": "two" is not a number',
    ),
    ("a damaged zip", _bytes(b"PK\x03\x04" + b"\x00" * 40), f"{NAME}: damaged or truncated zip file"),
    ("an empty zip", _zip({}), f"{NAME}: an empty zip file, with no export in it"),
    (
        "a zip holding an image",
        _zip({"chart.png": b"\x89PNG"}),
        f"{NAME}/chart.png: not a CSV file; a zip of exports holds CSV files only",
    ),
    (
        "a zip bomb",
        _zip({"Dates.csv": b"Date,Clicks\n" + b"2025-09-01,1\n" * 2**20}),
        f"{NAME}/Dates.csv: compressed more than 100:1; refusing to unpack it (zip bomb?)",
    ),
    (
        "a zip of too many files",
        _zip({f"{index}.csv": b"Date,Views\n" for index in range(101)}),
        f"{NAME}: holds 101 files, more than 100; not an export",
    ),
    (
        "an OLE2 file that is no workbook",
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        f"{NAME}: a damaged or truncated .xls workbook"
        " (Expected \"little-endian\" marker, found b'\\x00\\x00')",
    ),
]


@pytest.mark.parametrize(("build", "message"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_refusal_is_one_line(build: Callable[[Path], Path], message: str, tmp_path: Path) -> None:
    with pytest.raises(SourceError) as raised:
        read_export(build(tmp_path), TODAY, name=NAME)
    assert str(raised.value) == message
    assert "\n" not in str(raised.value)


def test_a_zip_member_that_inflates_past_its_stated_size_is_stopped_while_inflating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBER", 1000)
    path = files.zipped(tmp_path / "sc.zip", {"Dates.csv": b"Date,Clicks\n" + b"2025-09-01,1\n" * 100})
    with zipfile.ZipFile(path) as opened:
        assert opened.getinfo("Dates.csv").file_size > 1000
    with pytest.raises(SourceError) as raised:
        read_export(path, TODAY, name="sc.zip")
    assert (
        str(raised.value)
        == "sc.zip/Dates.csv: unpacks to more than 1,000 bytes; refusing to unpack it (zip bomb?)"
    )


def test_a_file_too_big_to_be_an_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 2**20)
    path = tmp_path / "f.csv"
    path.write_bytes(b"Date,Views\n" + b"2025-09-01,1\n" * 2**17)
    with pytest.raises(SourceError) as raised:
        read_export(path, TODAY, name=NAME)
    assert str(raised.value) == f"{NAME}: 2 MB, more than the 1 MB an export may be"


BULGARIAN = [
    (
        "unknown kind",
        _bytes(b"Campaign,Spend,Clicks\nSpring,100,5\n"),
        f"{NAME}: не е експорт, който sheetplan познава (първи ред „Campaign“, „Spend“ и „Clicks“);"
        f" той чете {KNOWN} (`sheetplan import --formats` казва как се разпознава всеки)",
    ),
    (
        "a number that is not one",
        _posts(Reach="12k"),
        f"{NAME}: ред 6, колона „Reach“: „12k“ не е число",
    ),
    (
        "a month that is not one",
        _bytes(b"Metric ID,Month,Actual\nM1,March,5\n"),
        f"{NAME}: ред 2, колона „Month“: „March“ не е месец; въведете YYYY-MM, например 2026-03",
    ),
    (
        "a 10 MB caption",
        _bytes(b'Post id,Date,Post text\n1,2026-08-22,"' + b"x" * 10 * 2**20 + b'"\n'),
        f"{NAME}: ред 2: поле е по-дълго от 131\u00a0072 знака; не е експорт",
    ),
]


@pytest.mark.usefixtures("bulgarian")
@pytest.mark.parametrize(
    ("build", "message"), [case[1:] for case in BULGARIAN], ids=[case[0] for case in BULGARIAN]
)
def test_a_refusal_is_said_in_bulgarian(build: Callable[[Path], Path], message: str, tmp_path: Path) -> None:
    with pytest.raises(SourceError) as raised:
        read_export(build(tmp_path), TODAY, name=NAME)
    assert str(raised.value) == message


def test_a_monthly_csv_may_name_its_months(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("Metric ID,Month,Actual\nM1,November 2026,5\nM2,ноем. 2026,6\nM3,2026-11,7\n")
    (export,) = read_export(path, TODAY)
    assert [str(row.month) for row in export.rows] == ["2026-11", "2026-11", "2026-11"]
