"""Where an .xlsx or .xlsm package keeps its parts: the workbook, its sheets, shared strings and styles.

Excel puts the workbook at `xl/workbook.xml`, but the Open Packaging Conventions let a package keep its
parts anywhere: `_rels/.rels` names the main part, and each part names the parts it uses in its own
relationships part. Everything here follows those relationships, compares part names without regard
to case (as the conventions do), and accepts Strict OOXML's namespaces beside the usual ones.

Only small parts are parsed here (relationships and the workbook part), with defusedxml; the guard has
refused any part with a DOCTYPE before. A part that is not well-formed XML is a `SourceError` that says
so in words (`damaged`).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from sheetplan.files import inflate
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import N_, _

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

SheetKind = Literal["worksheet", "chartsheet", "dialogsheet", "macrosheet", "unknown"]

_SHEET_KINDS: dict[str, SheetKind] = {
    "worksheet": "worksheet",
    "chartsheet": "chartsheet",
    "dialogsheet": "dialogsheet",
    "xlMacrosheet": "macrosheet",
    "xlIntlMacrosheet": "macrosheet",
}
"""A sheet's relationship type (its last word) to the kind of sheet it is."""
_WORDS = {
    "no element found": N_("it ends too early"),
    "unclosed token": N_("it ends too early"),
    "mismatched tag": N_("its tags do not match"),
    "not well-formed (invalid token)": N_("it holds characters that XML does not allow"),
}


@dataclass(frozen=True)
class Sheet:
    """One entry of the workbook's sheet list: its name, what kind of sheet it is, and its part.

    `part` is "" when the workbook names a relationship the package does not have; `kind` is then
    "unknown", as it is for a relationship of a type no spreadsheet program writes.
    """

    name: str
    kind: SheetKind
    part: str


@dataclass(frozen=True)
class Book:
    """The workbook part of a package and what it points at."""

    part: str
    sheets: tuple[Sheet, ...]
    shared_strings: str | None
    styles: str | None
    date1904: bool

    @property
    def worksheets(self) -> tuple[Sheet, ...]:
        """The sheets that hold cells: not chart sheets, dialog sheets or Excel 4 macro sheets."""
        return tuple(sheet for sheet in self.sheets if sheet.kind == "worksheet" and sheet.part)


def member_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Every member of the zip by its name in lower case: part names are not case-sensitive."""
    return {name.lower(): name for name in archive.namelist()}


def main_part(archive: zipfile.ZipFile, label: str) -> str | None:
    """The member that `_rels/.rels` names as the package's main document, if it is in the zip.

    Without `_rels/.rels` (which Excel always writes), `xl/workbook.xml` is taken if it is there.
    """
    names = member_names(archive)
    if "_rels/.rels" not in names:
        return names.get("xl/workbook.xml")
    for kind, target in relationships(archive, "", label, names).values():
        if kind == "officeDocument":
            return names.get(target.lower())
    return None


def read_book(archive: zipfile.ZipFile, label: str) -> Book:
    """The workbook of an .xlsx package and its sheets, in the order the workbook lists them."""
    names = member_names(archive)
    part = main_part(archive, label)
    if part is None:
        raise SourceError(_("{label}: a zip file but not a workbook (no workbook part)").format(label=label))
    related = relationships(archive, part, label, names)
    root = parse(archive, part, label)
    sheets = []
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((value for key, value in element.attrib.items() if _local(key) == "id"), "")
        kind, target = related.get(rel_id, ("", ""))
        member = names.get(target.lower(), "")
        sheets.append(Sheet(element.get("name", ""), _SHEET_KINDS.get(kind, "unknown"), member))
    found = {kind: names.get(target.lower()) for kind, target in related.values()}
    properties = next((element for element in root.iter() if _local(element.tag) == "workbookPr"), None)
    date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
    return Book(part, tuple(sheets), found.get("sharedStrings"), found.get("styles"), date1904)


def relationships(
    archive: zipfile.ZipFile, source: str, label: str, names: dict[str, str] | None = None
) -> dict[str, tuple[str, str]]:
    """The relationships of the part `source` ("" for the package): Id to (type's last word, target).

    Targets are part names, resolved against `source`'s folder; external targets are left out.
    """
    names = member_names(archive) if names is None else names
    folder, file = posixpath.split(source)
    member = names.get(posixpath.join(folder, "_rels", file + ".rels").lower())
    if member is None:
        return {}
    found = {}
    for element in parse(archive, member, label).iter():
        if _local(element.tag) != "Relationship" or element.get("TargetMode", "") == "External":
            continue
        target = unquote(element.get("Target", ""))
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        kind = element.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
        found[element.get("Id", "")] = (kind, posixpath.normpath(path) if path else "")
    return found


def parse(archive: zipfile.ZipFile, member: str, label: str) -> Element:
    """A small XML part, parsed; `SourceError` in words when it is not well-formed."""
    from defusedxml import ElementTree

    try:
        root: Element = ElementTree.fromstring(inflate.read(archive, member, label))
        return root
    except ElementTree.ParseError as error:
        raise damaged(label, member, error) from None


def damaged(label: str, member: str, error: Exception | str) -> SourceError:
    """The error for a part that is not well-formed XML, in words: what is wrong and where.

    `error` is the parser's (expat's words, such as "no element found: line 1, column 26").
    """
    detail = str(error)
    reason = next((words for start, words in _WORDS.items() if detail.startswith(start)), "")
    where = detail.rsplit(": ", 1)[-1] if ": line " in detail else ""
    said = _(reason) if reason else _("it is not well-formed XML")
    if where:
        message = _(
            "{label}: {part} is damaged: {reason} ({where}); open the workbook in Excel or LibreOffice"
            " and save it again"
        )
    else:
        message = _(
            "{label}: {part} is damaged: {reason}; open the workbook in Excel or LibreOffice"
            " and save it again"
        )
    return SourceError(message.format(label=label, part=member, reason=said, where=where))


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
