"""The workbook's own structure, for the corpus: its sheets, names, and children in the schema's order.

`Book` finds a sheet's part by its name (through workbook.xml and its relationships), adds sheets and
defined names, and puts a fragment among the children of `<worksheet>` or `<workbook>` where the
schema's sequence puts it, an `<ext>` into the root's `<extLst>` in the order Excel writes them, a
namespace declaration on the root, an attribute on a child. `children` lists a root's children.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from excel_corpus.parts import CT, REL, X14, Package

WORKSHEET_ORDER = (
    *("sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr"),
    *("sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate"),
    *("customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations"),
    *("hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks"),
    *("customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing"),
    *("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts"),
    "extLst",
)
"""CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99)."""
WORKBOOK_ORDER = (
    *("fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets"),
    *("functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews"),
    *("pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects"),
    "extLst",
)
"""CT_Workbook's children in schema order (ECMA-376 Part 1, 18.2.27)."""
EXT_ORDER = [
    uri.lower()
    for uri in (
        "{79F54976-1DA5-4618-B147-4CDE4B953A38}",  # workbook: x14:workbookPr
        "{BBE1A952-AA13-448e-AADC-164F8A28A991}",  # workbook: x14:slicerCaches (pivot slicers)
        "{46BE6895-7355-4a93-B00E-2C351335B9C9}",  # workbook: x15:slicerCaches (table slicers)
        "{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}",  # workbook: x15:timelineCacheRefs
        "{140A7094-0E35-4892-8432-C4D2E57EDEB5}",  # workbook: x15:workbookPr
        "{78C0D931-6437-407d-A8EE-F0AAD7539E65}",  # sheet: x14:conditionalFormattings
        "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}",  # sheet: x14:dataValidations
        "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}",  # sheet: x14:sparklineGroups
        "{A8765BA9-456A-4dab-B4F3-ACF838C121DE}",  # sheet: x14:slicerList (pivot slicers)
        "{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}",  # sheet: x14:slicerList (table slicers)
        "{7E03D99C-DC04-49d9-9315-930204A7B6E9}",  # sheet: x15:timelineRefs
    )
]
"""The `<ext>` URIs in the order Excel writes them inside an `<extLst>`; others go last."""

_TAG = re.compile(r"<(/?)([A-Za-z_][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>")


def children(xml: str) -> list[tuple[str, int, int]]:
    """The root element's children: (local name, start, end) of each; `mc:AlternateContent` is named
    after the element it wraps (`controls`, `oleObjects`)."""
    found: list[tuple[str, int, int]] = []
    depth, start, name = 0, 0, ""
    for tag in _TAG.finditer(xml):
        closing, empty = tag.group(1) == "/", tag.group(4) == "/"
        if not closing and depth == 1:
            start, name = tag.start(), tag.group(2).split(":")[-1]
        if closing:
            depth -= 1
        elif not empty:
            depth += 1
        if depth == 1 and (closing or empty):
            wrapped = re.search(r"<(?:\w+:)?(controls|oleObjects)\b", xml[start : tag.end()])
            found.append(
                (wrapped.group(1) if name == "AlternateContent" and wrapped else name, start, tag.end())
            )
    return found


class Book(Package):
    """A workbook being edited, with helpers for its sheets and their elements."""

    def sheet(self, name: str) -> str:
        """The part that holds the sheet called `name`, found through workbook.xml and its rels."""
        tag = re.search(rf'<sheet [^>]*name="{re.escape(escape(name))}"[^>]*>', self.text("xl/workbook.xml"))
        assert tag, f"no sheet {name}"
        rid = re.search(r'r:id="([^"]+)"', tag.group(0))
        assert rid
        rels = self.text("xl/_rels/workbook.xml.rels")
        target = re.search(rf'<Relationship [^>]*Id="{rid.group(1)}"[^>]*>', rels)
        assert target
        path = re.search(r'Target="([^"]+)"', target.group(0))
        assert path
        return path.group(1).lstrip("/") if path.group(1).startswith("/") else "xl/" + path.group(1)

    def sheet_names(self) -> list[str]:
        return re.findall(r'<sheet [^>]*name="([^"]+)"', self.text("xl/workbook.xml"))

    def sheet_id(self, name: str) -> int:
        tag = re.search(rf'<sheet [^>]*name="{re.escape(escape(name))}"[^>]*>', self.text("xl/workbook.xml"))
        assert tag
        found = re.search(r'sheetId="(\d+)"', tag.group(0))
        assert found
        return int(found.group(1))

    def add_sheet(self, name: str, xml: str, chart: bool = False) -> str:
        """Add a worksheet (or a chart sheet) after the last sheet; its part name."""
        kind = "chartsheet" if chart else "worksheet"
        part = self.free(f"xl/{kind}s/sheet{{}}.xml")
        self.put(part, xml)
        self.content_type(part, f"{CT}spreadsheetml.{kind}+xml")
        rid = self.relate("xl/workbook.xml", REL + kind, part)
        workbook = self.text("xl/workbook.xml")
        number = max(int(found) for found in re.findall(r'sheetId="(\d+)"', workbook)) + 1
        entry = f'<sheet name="{escape(name)}" sheetId="{number}" r:id="{rid}"/>'
        self.put("xl/workbook.xml", workbook.replace("</sheets>", entry + "</sheets>"))
        return part

    def defined_name(self, name: str, value: str) -> None:
        """Add a workbook-level name, among the others in alphabetical order as Excel keeps them."""
        xml = self.text("xl/workbook.xml")
        entry = f'<definedName name="{name}">{escape(value)}</definedName>'
        if "<definedNames>" not in xml:
            self.insert("xl/workbook.xml", "definedNames", f"<definedNames>{entry}</definedNames>")
            return
        for found in re.finditer(r'<definedName name="([^"]+)"', xml):
            if found.group(1).startswith("_xlnm.") or found.group(1).lower() > name.lower():
                self.put("xl/workbook.xml", xml[: found.start()] + entry + xml[found.start() :])
                return
        self.put("xl/workbook.xml", xml.replace("</definedNames>", entry + "</definedNames>"))

    # Elements inside a sheet or the workbook

    def insert(self, part: str, element: str, fragment: str) -> None:
        """Put `fragment`, a child `element` of the root, where the schema's order puts it; refuse a
        second one of a child that may appear once."""
        xml = self.text(part)
        root = next(tag for tag in _TAG.finditer(xml) if not tag.group(1))
        order = WORKBOOK_ORDER if root.group(2) == "workbook" else WORKSHEET_ORDER
        rank = order.index(element)
        existing = children(xml)
        repeatable = {"conditionalFormatting"}
        assert element in repeatable or element not in [name for name, _, _ in existing], f"{part}: {element}"
        later = [start for name, start, _ in existing if name in order and order.index(name) > rank]
        at = later[0] if later else xml.rindex("</")
        self.put(part, xml[:at] + fragment + xml[at:])

    def add_ext(self, part: str, uri: str, body: str, prefix: str = "x14", namespace: str = X14) -> None:
        """Add `<ext uri>` holding `body` to the root's `<extLst>`, in the order Excel writes them."""
        ext = f'<ext uri="{uri}" xmlns:{prefix}="{namespace}">{body}</ext>'
        xml = self.text(part)
        found = [(start, end) for name, start, end in children(xml) if name == "extLst"]
        if not found:
            self.insert(part, "extLst", f"<extLst>{ext}</extLst>")
            return
        start, end = found[0]
        rank = EXT_ORDER.index(uri.lower()) if uri.lower() in EXT_ORDER else len(EXT_ORDER)
        at = end - len("</extLst>")
        for other in re.finditer(r'<ext [^>]*uri="([^"]+)"', xml[start:end]):
            known = other.group(1).lower()
            if (EXT_ORDER.index(known) if known in EXT_ORDER else len(EXT_ORDER)) > rank:
                at = start + other.start()
                break
        self.put(part, xml[:at] + ext + xml[at:])

    def declare(self, part: str, prefix: str, namespace: str) -> None:
        """Declare a namespace prefix on the root, after its others (as Excel does for `x14` and `xdr`)."""
        xml = self.text(part)
        root = next(tag for tag in _TAG.finditer(xml) if not tag.group(1))
        if f"xmlns:{prefix}=" not in root.group(0):
            at = root.end() - 1
            self.put(part, xml[:at] + f' xmlns:{prefix}="{namespace}"' + xml[at:])

    def set_attribute(self, part: str, element: str, name: str, value: str) -> None:
        """Set an attribute of the root's child `element`, which must be there."""
        xml = self.text(part)
        start = next(start for child, start, _ in children(xml) if child == element)
        tag = _TAG.match(xml, start)
        assert tag and name + "=" not in tag.group(3), f"{part}: {element} {name}"
        at = tag.start() + 1 + len(tag.group(2))
        self.put(part, xml[:at] + f' {name}="{value}"' + xml[at:])
