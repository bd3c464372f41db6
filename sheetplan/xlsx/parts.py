"""What in a workbook openpyxl would lose on load and save, found by looking inside the zip.

openpyxl rebuilds a workbook from its own object model: whatever it does not model is dropped, mostly
without a warning. Before the review is written into a user's workbook, `parts_openpyxl_would_drop`
lists what the file holds that would not survive, so that the review can go to a new file instead.
The list is checked against real files in the tests: each entry is built into a workbook and shown to
vanish in an openpyxl round trip.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

_NAMED_PARTS: tuple[tuple[str, str], ...] = (
    (r"xl/vbaProject\.bin", "macros (VBA)"),
    (r"xl/metadata\.xml", "cell metadata (dynamic arrays or linked data types)"),
    (r"xl/slicers/|xl/slicerCaches/", "slicers"),
    (r"xl/timelines/|xl/timelineCaches/", "timelines"),
    (r"xl/threadedComments/", "threaded comments"),
    (r"xl/ctrlProps/", "form controls such as checkboxes"),
    (r"xl/richData/", "pictures in cells or linked data types (richData)"),
    (r"xl/pivotTables/|xl/pivotCache/", "pivot tables"),
    (r"xl/activeX/", "ActiveX controls"),
    (r"xl/embeddings/", "embedded objects"),
    (r"xl/charts/chartEx", "Excel 2016 charts (waterfall, treemap and the like)"),
    (r"xl/model/", "a data model (Power Pivot)"),
    (r"xl/connections\.xml|xl/queryTables/", "external data connections"),
)
"""Parts openpyxl does not carry over, with what they are to a user."""

_KEPT_PARTS = re.compile(
    r"""\[Content_Types\]\.xml|_rels/\.rels|docProps/.*|customXml/.*
    |xl/(workbook\.xml|styles\.xml|sharedStrings\.xml|calcChain\.xml|_rels/workbook\.xml\.rels)
    |xl/(theme|worksheets|chartsheets|drawings|comments|tables|media|charts|externalLinks|printerSettings
        |persons)/.*
    |xl/comments\d*\.xml""",
    re.VERBOSE,
)
"""Parts openpyxl keeps, or that only cache what it rebuilds (calcChain, chart styles, print settings)."""

_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_MARKUP = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DRAWN: dict[str, str] = {
    f"{_DRAWING}sp": "shapes or text boxes",
    f"{_DRAWING}grpSp": "grouped shapes",
    f"{_DRAWING}cxnSp": "connector lines",
    f"{_MARKUP}AlternateContent": "drawings for newer Excel versions (mc:AlternateContent)",
}
"""Drawing elements openpyxl drops; it keeps pictures (`xdr:pic`) and charts (`xdr:graphicFrame`)."""

_EXTENSIONS: tuple[tuple[bytes, str], ...] = (
    (b"dataValidation", "dropdowns stored as an Excel 2010 extension (x14:dataValidations)"),
    (b"sparklineGroup", "sparklines"),
    (b"conditionalFormatting", "conditional formats stored as an Excel 2010 extension"),
    (b"slicerList", "slicers"),
    (b"timelineRef", "timelines"),
)
"""What a worksheet's extension list (`extLst`), which openpyxl drops whole, is likely to hold."""

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Loss:
    """Something in a workbook that openpyxl would not write back: what it is, and the zip part it is in."""

    what: str
    part: str

    def __str__(self) -> str:
        return f"{self.what} ({self.part})"


def parts_openpyxl_would_drop(path: Path) -> tuple[Loss, ...]:
    """What openpyxl would lose from the workbook at `path`, one entry per kind, in the zip's order."""
    found: dict[str, Loss] = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            for loss in _losses_in(archive, name):
                found.setdefault(loss.what, loss)
    return tuple(found.values())


def describe(losses: tuple[Loss, ...]) -> str:
    """The losses as one clause for a message: `shapes or text boxes (xl/drawings/drawing1.xml), ...`."""
    return ", ".join(str(loss) for loss in losses)


def _losses_in(archive: zipfile.ZipFile, name: str) -> Iterator[Loss]:
    for pattern, what in _NAMED_PARTS:
        if re.match(pattern, name):
            yield Loss(what, name)
            return
    if not _KEPT_PARTS.fullmatch(name):
        yield Loss("parts openpyxl does not read", name)
    elif re.fullmatch(r"xl/drawings/[^/]+\.xml", name):
        yield from _drawing_losses(archive, name)
    elif re.fullmatch(r"xl/(worksheets|chartsheets)/[^/]+\.xml", name):
        yield from _sheet_losses(archive, name)


def _drawing_losses(archive: zipfile.ZipFile, name: str) -> Iterator[Loss]:
    with archive.open(name) as stream:
        for _, element in ElementTree.iterparse(stream):
            what = _DRAWN.get(element.tag)
            if what:
                yield Loss(what, name)


def _sheet_losses(archive: zipfile.ZipFile, name: str) -> Iterator[Loss]:
    """The sheet's extension lists and newer-Excel content, found by a streaming byte search.

    Worksheets can be large, so this reads them in chunks (keeping a little overlap for a tag cut in
    two) rather than parsing them. What an extension list holds is judged from the last one, the
    worksheet's own; earlier ones belong to conditional formats and only point into it.
    """
    tail = b""
    extensions: bytes | None = None
    alternate = False
    with archive.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            start = text.rfind(b"<extLst")
            if start >= 0:
                extensions = text[start:]
            elif extensions is not None:
                extensions += chunk
            alternate = alternate or b"AlternateContent" in text
            tail = text[-64:]
    if extensions is not None:
        kinds = [what for marker, what in _EXTENSIONS if marker in extensions]
        for what in kinds or ["an Excel extension list (extLst)"]:
            yield Loss(what, name)
    if alternate:
        yield Loss("content for newer Excel versions (mc:AlternateContent)", name)
