"""The workbook part (`xl/workbook.xml`) and its sheets: found through the package's relationships, and
changed one element or attribute at a time, so that everything else in it stays as it was.

The workbook part is found the way every reader must, from the package's root relationships, rather
than assumed at `xl/workbook.xml`. Sheet positions count every sheet, worksheets and chart sheets
alike: they are what `activeTab` and a defined name's `localSheetId` refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from defusedxml import ElementTree

from sheetplan.plan.addresses import quote_sheet
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.xlsx.opc import (
    DOCUMENT,
    OFFICE_RELS,
    WORKSHEET,
    Relationship,
    escape,
    quoteattr,
    relationships,
    rels_name,
)
from sheetplan.xlsx.package import Package

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"


@dataclass(frozen=True)
class SheetEntry:
    """One `<sheet>` of the workbook: its tab name, ids, and the part that holds it."""

    name: str
    sheet_id: int
    rel_id: str
    part: str
    worksheet: bool
    """A worksheet, rather than a chart, macro or dialog sheet."""


@dataclass(frozen=True)
class Book:
    """Where a package's workbook part is, its relationships, and its sheets in tab order."""

    part: str
    rels: list[Relationship]
    sheets: list[SheetEntry]

    @property
    def rels_part(self) -> str:
        return rels_name(self.part)


def read_book(package: Package) -> Book:
    """The workbook part of `package` and its sheets; WriteError when the package has none."""
    root = relationships(package.read("_rels/.rels") if "_rels/.rels" in package else None, "")
    part = next((link.target for link in root if link.type == DOCUMENT), "xl/workbook.xml")
    if part not in package:
        raise WriteError(
            _("{label}: has no workbook part ({part}); not a workbook sheetplan can write").format(
                label=package.label, part=part
            )
        )
    xml = package.read(part)
    if _STRICT.encode() in xml[:2000]:
        raise WriteError(
            _(
                "{label}: is saved as Strict Open XML; save it as an Excel Workbook (.xlsx) and try again"
            ).format(label=package.label)
        )
    rels_part = rels_name(part)
    links = relationships(package.read(rels_part) if rels_part in package else None, part)
    by_id = {link.id: link for link in links}
    sheets = []
    for element in ElementTree.fromstring(xml).iter(f"{_MAIN}sheet"):
        rel_id = element.get(f"{{{OFFICE_RELS}}}id", "")
        link = by_id.get(rel_id)
        if link is None:
            continue
        name = element.get("name", "")
        sheets.append(
            SheetEntry(name, int(element.get("sheetId", "0")), rel_id, link.target, link.type == WORKSHEET)
        )
    return Book(part, links, sheets)


def insert_sheet(xml: bytes, position: int, name: str, sheet_id: int, rel_id: str) -> bytes:
    """The workbook part with a `<sheet>` added at `position`, and the positions after it moved on."""
    prefix, rels = _prefixes(xml)
    entry = f'<{prefix}sheet name={quoteattr(name)} sheetId="{sheet_id}" {rels}:id="{rel_id}"/>'.encode()
    sheets = list(re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", xml))
    if position < len(sheets):
        at = sheets[position].start()
    else:
        closing = re.search(rb"</(?:\w+:)?sheets\s*>", xml)
        if closing is None:
            raise WriteError(_("the workbook part has no <sheets> element"))
        at = closing.start()
    return _moved(xml[:at] + entry + xml[at:], position, +1)


def rename_sheet(xml: bytes, rel_id: str, name: str) -> bytes:
    """The workbook part with the tab name of the sheet `rel_id` changed to `name`."""
    pattern = rb"<(?:\w+:)?sheet\b[^>]*?:id=[\"']" + re.escape(rel_id.encode()) + rb"[\"'][^>]*>"
    found = re.search(pattern, xml)
    if found is None:
        raise WriteError(_("the workbook part has no sheet {rel_id}").format(rel_id=rel_id))
    entry = re.sub(rb'\bname="[^"]*"', b"name=" + quoteattr(name).encode(), found.group(0), count=1)
    return xml[: found.start()] + entry + xml[found.end() :]


def remove_sheet(xml: bytes, rel_id: str, position: int) -> bytes:
    """The workbook part without the sheet `rel_id` at `position`, its own defined names dropped."""
    pattern = rb"<(?:\w+:)?sheet\b[^>]*?:id=[\"']" + re.escape(rel_id.encode()) + rb"[\"'][^>]*>"
    xml = re.sub(pattern, b"", xml, count=1)
    local = rb"<(?:\w+:)?definedName\b[^>]*\blocalSheetId=\"%d\"[^>]*>.*?</(?:\w+:)?definedName>" % position
    xml = re.sub(local, b"", xml, flags=re.S)
    xml = _moved(xml, position + 1, -1)
    # The last sheet gone, a view that showed it shows the one before.
    last = len(re.findall(rb"<(?:\w+:)?sheet\b", xml)) - 1

    def within(found: re.Match[bytes]) -> bytes:
        return found.group(1) + b'"%d"' % min(int(found.group(2)), max(last, 0))

    return re.sub(rb"(\b(?:activeTab|firstSheet)=)\"(\d+)\"", within, xml)


def set_print_titles(xml: bytes, position: int, name: str, rows: int) -> bytes:
    """The workbook part with the first `rows` rows of the sheet `name` at `position` printed on every
    page (its `_xlnm.Print_Titles`, replacing one it had)."""
    prefix, _ = _prefixes(xml)
    own = (
        rb"<(?:\w+:)?definedName\b[^>]*\bname=\"_xlnm\.Print_Titles\"[^>]*\blocalSheetId=\"%d\"[^>]*>"
        rb".*?</(?:\w+:)?definedName>"
    )
    xml = re.sub(own % position, b"", xml, flags=re.S)
    reference = f"{quote_sheet(name)}!$1:${rows}"
    entry = (
        f'<{prefix}definedName name="_xlnm.Print_Titles" localSheetId="{position}">'
        f"{escape(reference)}</{prefix}definedName>"
    ).encode()
    names = re.search(rb"<(?:\w+:)?definedNames\b[^>]*>", xml)
    if names is not None:
        return xml[: names.end()] + entry + xml[names.end() :]
    # definedNames follows sheets, functionGroups and externalReferences, in the schema's order.
    after = None
    for element in (rb"sheets", rb"functionGroups", rb"externalReferences"):
        found = re.search(rb"</(?:\w+:)?%s\s*>|<(?:\w+:)?%s\b[^>]*/>" % (element, element), xml)
        after = found or after
    if after is None:
        raise WriteError("the workbook part has no <sheets> element")
    block = f"<{prefix}definedNames>".encode() + entry + f"</{prefix}definedNames>".encode()
    return xml[: after.end()] + block + xml[after.end() :]


def set_active(xml: bytes, position: int) -> bytes:
    """The workbook part with the sheet at `position` the one that opens, and in the tab bar's view."""
    view = re.search(rb"<(?:\w+:)?workbookView\b[^>]*?(/?)>", xml)
    if view is None:
        return xml
    tag = view.group(0)
    new = re.sub(rb'\s(activeTab|firstSheet)="\d*"', b"", tag)
    new = new[: -len(view.group(1)) - 1] + b' activeTab="%d"' % position + view.group(1) + b">"
    return xml[: view.start()] + new + xml[view.end() :]


def clear_selection(sheet: bytes) -> bytes:
    """A sheet part whose views are no longer selected: `tabSelected` taken out of its `<sheetViews>`.

    Only the views, which come before the cells, are looked at and changed.
    """
    views = _views(sheet)
    if views is None:
        return sheet
    new = _SELECTED.sub(b"", views.group(0))
    return sheet[: views.start()] + new + sheet[views.end() :]


def is_selected(sheet: bytes) -> bool:
    """Whether a sheet part's view is selected (`tabSelected="1"`)."""
    views = _views(sheet)
    return bool(views and _SELECTED.search(views.group(0)))


_SELECTED = re.compile(rb'\stabSelected="(?:1|true)"')
_VIEWS = re.compile(rb"<(?:\w+:)?sheetViews\b.*?</(?:\w+:)?sheetViews>", re.S)


def _views(sheet: bytes) -> re.Match[bytes] | None:
    cells = re.search(rb"<(?:\w+:)?sheetData\b", sheet)
    return _VIEWS.search(sheet, 0, cells.start() if cells else len(sheet))


def _moved(xml: bytes, first: int, by: int) -> bytes:
    """Defined names' `localSheetId` and the view's `activeTab` of positions from `first` on, moved `by`."""

    def move(found: re.Match[bytes]) -> bytes:
        number = int(found.group(2))
        return found.group(1) + b'"%d"' % (number + by if number >= first else number)

    return re.sub(rb"(\b(?:localSheetId|activeTab)=)\"(\d+)\"", move, xml)


def _prefixes(xml: bytes) -> tuple[str, str]:
    """The prefix of the workbook's own elements (`` or `x:`) and of the relationships namespace."""
    root = re.search(rb"<(\w+:)?workbook\b([^>]*)>", xml)
    if root is None:
        raise WriteError(_("the workbook part has no <workbook> element"))
    rels = re.search(rb'xmlns:(\w+)="' + re.escape(OFFICE_RELS.encode()) + b'"', root.group(2))
    if rels is None:
        raise WriteError(_("the workbook part does not declare the relationships namespace"))
    return (root.group(1) or b"").decode(), rels.group(1).decode()
