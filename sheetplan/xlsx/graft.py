"""Sheets that sheetplan owns put into a workbook package, in place of their old selves or as new ones.

Only the parts named in `xlsx.write`'s docstring change: a grafted sheet, its drawing and charts, the
workbook part, its relationships, the content types, the styles, the extended properties, and the
view head of a user's sheet that was selected. A replaced sheet keeps its part name, tab position and
ids; the parts only it used (its old drawing and charts) go with it, their names free for its new ones,
so that grafting the same sheets again gives the same package.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from sheetplan.layout.sheet import SheetLayout, Style
from sheetplan.xlsx import book, charts, opc, properties
from sheetplan.xlsx.package import Package
from sheetplan.xlsx.sheet_xml import sheet_xml
from sheetplan.xlsx.styles import add_styles

WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_STYLES = f"{opc.OFFICE_RELS}/styles"


@dataclass(frozen=True)
class Graft:
    """A sheet to put into the workbook: its layout, and how it is shown."""

    layout: SheetLayout
    replaces: str | None
    """The tab name of the sheet it takes the place of; None to add it."""
    position: int
    """Where a new sheet goes among the tabs (ignored for a replacement, which keeps its place)."""
    freeze: int = 0
    filter_columns: int = 0
    print_titles: int = 0
    """How many rows at the top print on every page (0: none)."""
    active: bool = False
    """The sheet the workbook opens at: selected, and every other sheet's selection cleared."""


def graft(package: Package, grafts: Sequence[Graft]) -> None:
    """Put `grafts` into `package`, in order (a later one's position counts the earlier ones)."""
    styled = _styles(package, grafts)
    before = _reachable(package)
    for number, item in enumerate(grafts):
        workbook = book.read_book(package)
        old = next((sheet for sheet in workbook.sheets if sheet.name == item.replaces), None)
        if old is not None:
            part, rel_id, position = old.part, old.rel_id, workbook.sheets.index(old)
            if old.name != item.layout.name:
                _rename(package, workbook, old, item.layout.name)
        else:
            folder = posixpath.dirname(workbook.part)
            part = opc.free_name(set(package.names()), posixpath.join(folder, "worksheets", "sheet{}.xml"))
            rel_id = opc.free_id({link.id for link in workbook.rels})
            position = min(item.position, len(workbook.sheets))
            _add_entry(package, workbook, part, rel_id, position, item.layout.name)
        # What only the replaced sheets reach goes at the end: its names are free for the new parts. The
        # sheet's relationships are written over in their place, so that the same graft gives the same zip.
        free = before - _reachable(package, apart=opc.rels_name(part))
        drawing = _drawing(package, set(package.names()) - free, part, item.layout)
        if drawing is None:
            package.drop(opc.rels_name(part))
        cells = {name: styled[number, name] for name in item.layout.styles}
        rules = {name: styled[number, "rule:" + name] for name in {rule.style for rule in item.layout.rules}}
        xml = sheet_xml(item.layout, cells, rules, drawing, item.freeze, item.filter_columns, item.active)
        package.put_made(part, xml)
        package.put(
            opc.CONTENT_TYPES, opc.add_override(package.read(opc.CONTENT_TYPES), part, WORKSHEET_TYPE)
        )
        if item.active:
            _activate(package, part, position)
        if item.print_titles:
            workbook = book.read_book(package)
            titled = book.set_print_titles(
                package.read(workbook.part), position, item.layout.name, item.print_titles
            )
            package.put(workbook.part, titled)
    _drop_unreachable(package, before)


def _styles(package: Package, grafts: Sequence[Graft]) -> dict[tuple[int, str], int]:
    """Every graft's cell and rule formats added to the styles part; their indices by (graft, style)."""
    workbook = book.read_book(package)
    part = next((link.target for link in workbook.rels if link.type == _STYLES), None)
    if part is None or part not in package:
        part = posixpath.join(posixpath.dirname(workbook.part), "styles.xml")
        _add_part_link(package, workbook, part, _STYLES, "spreadsheetml.styles+xml", _MINIMAL_STYLES)
    cells: dict[str, Style] = {}
    rules: dict[str, Style] = {}
    for number, item in enumerate(grafts):
        cells |= {f"{number}:{name}": style for name, style in item.layout.styles.items()}
        rules |= {f"{number}:{rule.style}": item.layout.styles[rule.style] for rule in item.layout.rules}
    added = add_styles(package.read(part), cells, rules)
    package.put(part, added.xml)
    found: dict[tuple[int, str], int] = {}
    for key, index in added.cells.items():
        which, name = key.split(":", 1)
        found[int(which), name] = index
    for key, index in added.rules.items():
        which, name = key.split(":", 1)
        found[int(which), "rule:" + name] = index
    return found


def _add_entry(
    package: Package, workbook: book.Book, part: str, rel_id: str, position: int, name: str
) -> None:
    sheet_id = max((sheet.sheet_id for sheet in workbook.sheets), default=0) + 1
    package.put(
        workbook.part, book.insert_sheet(package.read(workbook.part), position, name, sheet_id, rel_id)
    )
    target = opc.relative(workbook.part, part)
    rels = package.read(workbook.rels_part) if workbook.rels_part in package else opc.rels_part([])
    package.put(workbook.rels_part, opc.add_relationship(rels, rel_id, opc.WORKSHEET, target))
    app = _extended_properties(package)
    if app is not None:
        worksheets = [sheet.name for sheet in workbook.sheets if sheet.worksheet]
        among = sum(1 for sheet in workbook.sheets[:position] if sheet.worksheet)
        package.put(app, properties.with_worksheet(package.read(app), worksheets, among, name))


def _rename(package: Package, workbook: book.Book, old: book.SheetEntry, name: str) -> None:
    package.put(workbook.part, book.rename_sheet(package.read(workbook.part), old.rel_id, name))
    app = _extended_properties(package)
    if app is not None:
        worksheets = [sheet.name for sheet in workbook.sheets if sheet.worksheet]
        package.put(app, properties.renamed(package.read(app), worksheets, old.name, name))


def _add_part_link(
    package: Package, workbook: book.Book, part: str, kind: str, type: str, data: bytes
) -> None:
    """Add a part the workbook part points at (such as the styles a bare package lacks)."""
    package.put(part, data)
    rels = package.read(workbook.rels_part) if workbook.rels_part in package else opc.rels_part([])
    rel_id = opc.free_id({link.id for link in workbook.rels})
    package.put(
        workbook.rels_part, opc.add_relationship(rels, rel_id, kind, opc.relative(workbook.part, part))
    )
    content = f"application/vnd.openxmlformats-officedocument.{type}"
    package.put(opc.CONTENT_TYPES, opc.add_override(package.read(opc.CONTENT_TYPES), part, content))


def _drawing(package: Package, taken: set[str], sheet: str, layout: SheetLayout) -> str | None:
    """Add the layout's charts as a drawing of the sheet part `sheet`, in parts named apart from `taken`;
    the relationship id, if any."""
    folder = posixpath.dirname(posixpath.dirname(sheet))
    name = opc.free_name(taken, posixpath.join(folder, "drawings", "drawing{}.xml"))
    chart_names: list[str] = []
    for _ in layout.charts:
        chart_names.append(
            opc.free_name(taken | set(chart_names), posixpath.join(folder, "charts", "chart{}.xml"))
        )
    drawing = charts.chart_drawing(layout, name, chart_names)
    if drawing is None:
        return None
    types = package.read(opc.CONTENT_TYPES)
    for part, data in drawing.parts.items():
        package.put(part, data)
        if part in drawing.types:
            types = opc.add_override(types, part, drawing.types[part])
    package.put(opc.CONTENT_TYPES, types)
    package.put(opc.rels_name(sheet), opc.rels_part([("rId1", opc.DRAWING, opc.relative(sheet, name))]))
    return "rId1"


def _activate(package: Package, part: str, position: int) -> None:
    """Make the sheet at `position` (part `part`) the one the workbook opens at, and the only one selected."""
    workbook = book.read_book(package)
    package.put(workbook.part, book.set_active(package.read(workbook.part), position))
    for sheet in workbook.sheets:
        if sheet.part != part and sheet.part in package:
            data = package.read(sheet.part)
            if book.is_selected(data):
                package.put(sheet.part, book.clear_selection(data))


def _extended_properties(package: Package) -> str | None:
    root = opc.relationships(package.read("_rels/.rels") if "_rels/.rels" in package else None, "")
    return next((link.target for link in root if link.type == opc.EXTENDED and link.target in package), None)


def _reachable(package: Package, apart: str | None = None) -> set[str]:
    """Every part reachable from the package's root along internal relationships (but for those of
    the relationships part `apart`)."""
    found: set[str] = set()
    todo = ["_rels/.rels"] if "_rels/.rels" in package else []
    while todo:
        rels = todo.pop()
        source = posixpath.dirname(posixpath.dirname(rels))
        owner = posixpath.join(source, posixpath.basename(rels)[: -len(".rels")]) if source else ""
        for link in opc.relationships(package.read(rels), owner):
            if link.external or link.target in found or link.target not in package:
                continue
            found.add(link.target)
            if opc.rels_name(link.target) in package and opc.rels_name(link.target) != apart:
                todo.append(opc.rels_name(link.target))
    return found


def _drop_unreachable(package: Package, before: set[str]) -> None:
    """Drop the parts that were reachable before the grafts and are not now: a replaced sheet's own."""
    now = _reachable(package)
    # OPC names ignore case: a new part may have taken a dropped one's name in other letters, and
    # with it its content type.
    kept = {part.lower() for part in now}
    types = package.read(opc.CONTENT_TYPES)
    for part in sorted(before - now):
        package.drop(part)
        package.drop(opc.rels_name(part))
        if part.lower() not in kept:
            types = opc.drop_override(types, part)
    package.put(opc.CONTENT_TYPES, types)


_MINIMAL_STYLES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    b'<fills count="2"><fill><patternFill patternType="none"/></fill>'
    b'<fill><patternFill patternType="gray125"/></fill></fills>'
    b'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    b'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    b'<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    b'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    b"</styleSheet>"
)
"""The styles of a workbook that has none: the one default format every program expects."""
