"""Turns a CSV export's bytes into text, whatever encoding the platform chose.

Meta writes UTF-8 with a byte-order mark, its daily series UTF-16 LE; Excel and older tools save in
the system's code page (Windows-1251 for Bulgarian, Windows-1252 for German). A byte-order mark
decides; otherwise UTF-8 is tried, UTF-16 without a mark is told by its zero bytes, and anything else
is left to charset-normalizer. A file that is none of these (an image, a PDF, random bytes) is
refused as binary rather than read as garbage.
"""

from __future__ import annotations

import codecs
import re

from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 4096
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f]")
"""Control characters other than tab, line ends and form feed, which no text export holds."""


def decode(data: bytes, name: str) -> str:
    """The text of a CSV export; SourceError naming the file when it is empty, binary or cut short."""
    text = _checked(_text(data, name), name)
    if not text.strip():
        raise SourceError(_("{name}: empty file, not an export").format(name=name))
    return text


def _text(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16:
        return _strict(data, utf16, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:_SAMPLE]:
        raise _binary(name)
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2**20]).best()
    if best is None or best.encoding is None:
        raise SourceError(
            _("{name}: a binary file or text in an encoding sheetplan cannot tell").format(name=name)
        )
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise SourceError(
            _("{name}: text in an encoding sheetplan cannot tell; save it as UTF-8").format(name=name)
        ) from None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 LE or BE when every other byte of the start is zero, as in text in Latin letters."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        cut = error.start >= len(data) - 3
        if cut:
            message = _(
                "{name}: not valid {encoding} text, it ends in the middle of a character (cut short?)"
            )
        else:
            message = _("{name}: not valid {encoding} text, at byte {byte}")
        label = "UTF-16" if "16" in encoding else "UTF-8"
        raise SourceError(message.format(name=name, encoding=label, byte=error.start)) from None


def _checked(text: str, name: str) -> str:
    """The text, unless its start holds the control characters of a binary file."""
    sample = text[:_SAMPLE]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise _binary(name)
    return text


def _binary(name: str) -> SourceError:
    return SourceError(_("{name}: a binary file, not a CSV export").format(name=name))
