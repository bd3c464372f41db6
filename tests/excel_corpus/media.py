"""Small binary parts for the corpus in `excel_features`: pictures, a printer's settings, a VBA project.

Each is made here from nothing, so the corpus copies no file: PNG and JPEG pictures drawn with Pillow,
an EMF of a header, a rectangle and an end record, an SVG, the DEVMODEW structure Windows saves as
`printerSettingsN.bin`, and a stand-in for `vbaProject.bin` (which only Excel's VBA editor would run).
"""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageDraw

COFFEE = (111, 78, 55)
CREAM = (243, 229, 208)


def png(width: int = 96, height: int = 64, color: tuple[int, int, int] = COFFEE) -> bytes:
    """A PNG picture: a cup-coloured field with a cream band."""
    return _picture("PNG", width, height, color)


def jpeg(width: int = 160, height: int = 120, color: tuple[int, int, int] = COFFEE) -> bytes:
    """A JPEG picture, as Excel keeps a workbook's thumbnail or a background."""
    return _picture("JPEG", width, height, color)


def _picture(kind: str, width: int, height: int, color: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (width, height), color)
    ImageDraw.Draw(image).rectangle((width // 8, height // 3, width - width // 8, height // 2), fill=CREAM)
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


def emf(width: int = 200, height: int = 100) -> bytes:
    """An Enhanced Metafile ([MS-EMF]): EMR_HEADER, one EMR_RECTANGLE and EMR_EOF."""
    rectangle = struct.pack("<II4i", 43, 24, 10, 10, width - 10, height - 10)
    end = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    total = 88 + len(rectangle) + len(end)
    header = struct.pack(
        "<II4i4iIIIIHHIII2i2i",
        1,  # EMR_HEADER
        88,
        0,
        0,
        width - 1,
        height - 1,  # bounds, device units
        0,
        0,
        width * 26,
        height * 26,  # frame, 0.01 mm
        0x464D4520,  # " EMF"
        0x00010000,
        total,
        3,  # records
        1,  # handles
        0,
        0,
        0,
        0,  # no description, no palette
        1920,
        1080,  # reference device, pixels
        508,
        286,  # and millimetres
    )
    return header + rectangle + end


def svg() -> bytes:
    """An SVG picture of a coffee cup, as Excel 365 stores an inserted icon."""
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">'
        b'<path d="M16 32h52v28a20 20 0 0 1-20 20h-12a20 20 0 0 1-20-20z" fill="#6F4E37"/>'
        b'<path d="M68 40h6a10 10 0 0 1 0 20h-6" fill="none" stroke="#6F4E37" stroke-width="6"/>'
        b'<path d="M30 12c-4 6 4 10 0 16M44 12c-4 6 4 10 0 16" stroke="#6F4E37" stroke-width="4"'
        b' fill="none"/>'
        b"</svg>"
    )


def devmode(printer: str = "Office Laser A4") -> bytes:
    """A DEVMODEW structure of 220 bytes: an A4 printer, landscape, 600 dpi, one copy."""
    name = printer.encode("utf-16-le")[:62].ljust(64, b"\0")
    fields = 0x1 | 0x2 | 0x100 | 0x400 | 0x2000  # orientation, paper size, copies, print quality, y res.
    body = struct.pack("<HHHHI", 0x0401, 0x0001, 220, 0, fields)
    body += struct.pack("<8h", 2, 9, 0, 0, 100, 1, 7, 600)  # landscape, A4, ..., 600 dpi
    body += struct.pack("<5h", 2, 1, 600, 3, 0)  # colour, simplex, 600 dpi, TrueType as outlines
    body += "A4".encode("utf-16-le").ljust(64, b"\0")
    body += struct.pack("<HIIIII", 0, 0, 0, 0, 0, 0) + bytes(32)
    data = name + body
    assert len(data) == 220
    return data


def vba_project() -> bytes:
    """A stand-in for `xl/vbaProject.bin`: the OLE compound file signature and a module's source.

    Not a compound file a VBA editor could open; enough for tests that copy the part byte for byte.
    """
    signature = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    source = (
        b'Attribute VB_Name = "Module1"\r\nSub ShowOwners()\r\n    Sheets("Owners").Activate\r\nEnd Sub\r\n'
    )
    return signature + bytes(24) + source.ljust(480, b"\0")
