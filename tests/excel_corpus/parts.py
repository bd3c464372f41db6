"""Edits a workbook at the part level, the way Excel lays its parts out, for the corpus of `excel_features`.

`Package.edit(path)` (and `Book.edit`, which adds the workbook's own helpers) reads every member of
the zip, lets the caller add and change parts, and writes the zip back with the members in their old
order (new ones at the end) and fixed timestamps, so that the same edits always give the same bytes.
Content types get a Default per extension or an Override per part, relationships the next free
`rIdN`. Parts are edited as text, never re-serialised, so every byte not edited stays as it was.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self
from xml.sax.saxutils import escape

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MS_REL = "http://schemas.microsoft.com/office/"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
X15 = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
CT = "application/vnd.openxmlformats-officedocument."

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def parts_of(path: Path) -> dict[str, bytes]:
    """Every member of a zip by name, uncompressed, to compare parts byte for byte."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


class Package:
    """The parts of a workbook being edited: name to bytes, in zip order."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts

    @classmethod
    @contextmanager
    def edit(cls, path: Path) -> Iterator[Self]:
        """The workbook at `path`, written back when the block ends without an error."""
        book = cls(parts_of(path))
        yield book
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in book.parts.items():
                archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")

    def put(self, name: str, content: str | bytes) -> None:
        self.parts[name] = content.encode("utf-8") if isinstance(content, str) else content

    def free(self, pattern: str) -> str:
        """The first part name `pattern` (with `{}` for a number from 1) gives that is not taken."""
        number = 1
        while pattern.format(number) in self.parts:
            number += 1
        return pattern.format(number)

    def media(self, extension: str) -> str:
        """A new `xl/media/imageN.ext`, numbered across every extension as Excel numbers them."""
        number = 1
        while any(name.startswith(f"xl/media/image{number}.") for name in self.parts):
            number += 1
        return f"xl/media/image{number}.{extension}"

    # Content types and relationships

    def content_type(self, part: str, content_type: str, default: bool = False) -> None:
        """Give `part` its content type: a Default for its extension when `default` and that extension
        has none yet (as Excel does for pictures, VML and .bin parts), else an Override."""
        types = self.text("[Content_Types].xml")
        extension = part.rsplit(".", 1)[-1]
        current = re.search(
            rf'<Default Extension="{re.escape(extension)}" ContentType="([^"]*)"', types, re.I
        )
        if current and current.group(1) == content_type:
            return
        if default and current is None:
            entry = f'<Default Extension="{extension}" ContentType="{content_type}"/>'
            at = types.find("<Override")
            types = (
                types[:at] + entry + types[at:] if at >= 0 else types.replace("</Types>", entry + "</Types>")
            )
        else:
            entry = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
            if f'PartName="/{part}"' in types:
                types = re.sub(rf'<Override PartName="/{re.escape(part)}"[^>]*/>', entry, types)
            else:
                types = types.replace("</Types>", entry + "</Types>")
        self.put("[Content_Types].xml", types)

    @staticmethod
    def rels_of(source: str) -> str:
        """The relationships part of `source` ("" for the package itself)."""
        folder, name = posixpath.split(source)
        return posixpath.join(folder, "_rels", name + ".rels")

    def related(self, source: str, rel_type: str) -> list[str]:
        """The parts `source` relates to with a relationship type ending in `rel_type`."""
        rels = self.rels_of(source)
        xml = self.text(rels) if rels in self.parts else ""
        folder = posixpath.dirname(source)
        return [
            posixpath.normpath(posixpath.join(folder, target))
            for kind, target in re.findall(r'Type="([^"]+)" Target="([^"]+)"', xml)
            if kind.endswith("/" + rel_type)
        ]

    def relate(self, source: str, rel_type: str, target: str, external: bool = False) -> str:
        """Add a relationship from `source` to the part `target` (or an external URL); its new Id."""
        rels = self.rels_of(source)
        xml = (
            self.text(rels)
            if rels in self.parts
            else f'{HEAD}<Relationships xmlns="{RELS_NS}"></Relationships>'
        )
        taken = [int(number) for number in re.findall(r'Id="rId(\d+)"', xml)]
        rid = f"rId{max(taken, default=0) + 1}"
        relative = target if external else posixpath.relpath(target, posixpath.dirname(source) or ".")
        mode = ' TargetMode="External"' if external else ""
        entry = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{escape(relative)}"{mode}/>'
        self.put(rels, xml.replace("</Relationships>", entry + "</Relationships>"))
        return rid
