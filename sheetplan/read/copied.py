"""Reading a workbook through the copy `canonical` makes: when calamine cannot read the file as it is,
and for sheets with far cells, which are moved in the copy (`relocate`, `odsrelocate`).

When even the copy cannot be read, the file is damaged: `damage` looks for the part that is not
well-formed XML, so that the message can say which and how. (It parses with expat and builds nothing;
`guard` has refused any DOCTYPE, so no entity can expand.)
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast
from xml.parsers import expat

import python_calamine

from sheetplan.files import inflate
from sheetplan.files.package import Book, damaged
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import CellValue
from sheetplan.read import canonical
from sheetplan.read.odsrelocate import relocate_ods
from sheetplan.read.relocate import Layout, relocate_xlsx
from sheetplan.read.sparse import SheetRows

Rows = list[list[CellValue]] | SheetRows


def read_xlsx_copy(
    path: Path,
    book: Book,
    parts: dict[str, str],
    far: Iterable[str],
    wanted: Callable[[str], bool],
    label: str,
) -> dict[str, Rows]:
    """The worksheets `parts` (name to part) read through a copy, those in `far` sparsely."""
    _refuse_missing(book, wanted, label)
    far = set(far)
    sheets: dict[str, bytes] = {}
    layouts: dict[str, Layout] = {}
    with zipfile.ZipFile(path) as archive:
        for name, part in parts.items():
            xml = canonical.utf8(inflate.read(archive, part, label), part, label)
            if name in far:
                sheets[name], layouts[name] = relocate_xlsx(xml, part, label)
            else:
                sheets[name] = canonical.reduced(xml, part, label)
        copy = canonical.xlsx_copy(archive, book, sheets, label)
    read = _read(copy, sheets.__contains__)
    return {name: layouts[name].sheet_rows(rows) if name in layouts else rows for name, rows in read.items()}


def read_ods_copy(
    path: Path, sparse: set[str] | None, wanted: Callable[[str], bool], label: str
) -> dict[str, Rows]:
    """The wanted tables of an .ods file read through a copy, those in `sparse` (all if None) sparsely."""
    with zipfile.ZipFile(path) as archive:
        content = inflate.read(archive, "content.xml", label)
    content, layouts = relocate_ods(content, sparse, label) if sparse != set() else (content, {})
    read = _read(canonical.ods_copy(content), wanted)
    return {name: layouts[name].sheet_rows(rows) if name in layouts else rows for name, rows in read.items()}


class SheetUnreadable(Exception):
    """calamine could not read the sheet `sheet` even from the copy; `cause` is what it raised."""

    def __init__(self, sheet: str, cause: BaseException) -> None:
        super().__init__(sheet, cause)
        self.sheet, self.cause = sheet, cause


def _read(copy: bytes, wanted: Callable[[str], bool]) -> dict[str, list[list[CellValue]]]:
    read: dict[str, list[list[CellValue]]] = {}
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(copy)) as workbook:
        for name in [sheet.name for sheet in workbook.sheets_metadata if wanted(sheet.name)]:
            try:
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except BaseException as error:
                if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
                    raise
                raise SheetUnreadable(name, error) from None
            read[name] = cast(list[list[CellValue]], rows)
    return read


def _refuse_missing(book: Book, wanted: Callable[[str], bool], label: str) -> None:
    """SourceError for a wanted sheet that the workbook lists but whose part is not in the file."""
    for sheet in book.sheets:
        if wanted(sheet.name) and not sheet.part:
            raise SourceError(
                _(
                    '{label}: the sheet "{sheet}" is listed in the workbook but is not in the file;'
                    " open the workbook in Excel or LibreOffice and save it again"
                ).format(label=label, sheet=sheet.name)
            )


def damage(path: Path, members: Iterable[str], label: str) -> SourceError | None:
    """The error for the first of `members` that is not well-formed XML, if any is not."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for member in members:
            if member not in names:
                continue
            parser = expat.ParserCreate()
            try:
                for chunk in inflate.chunks(archive, member, label):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
            except expat.ExpatError as error:
                return damaged(label, member, error)
    return None
