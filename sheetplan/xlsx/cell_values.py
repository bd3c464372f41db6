"""A value as the XML of a cell: its `t` attribute and what the `<c>` element holds, for `cells`."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from sheetplan.plan.model import SERIAL_EPOCH

if TYPE_CHECKING:
    # Only named in annotations: writing a review needs these helpers but not the scanner's patterns.
    from sheetplan.xlsx.scan import Tags

CellInput = str | int | float | bool | date | datetime | None
"""A value `set_cells` writes: text, a number, a truth value, a date, or None to clear the cell."""

Typed = tuple[bytes, bytes] | None
"""A value as its `<c>` element's `t` attribute and content, such as `(b' t="b"', b"<v>1</v>")`."""

MAX_TEXT = 32_767
"""The most characters Excel holds in a cell."""

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold: a pasted one is dropped rather than stop the write."""
_LOOKS_ESCAPED = re.compile("_(x[0-9A-Fa-f]{4}_)")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def typed_value(value: CellInput, tags: Tags) -> Typed:
    """`value` as its cell's `t` attribute and content in a sheet with `tags`; None for None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return b' t="b"', _element(tags, b"v", b"1" if value else b"0")
    if isinstance(value, int | float):
        return b"", _element(tags, b"v", _number(value))
    if isinstance(value, date):
        return b"", _element(tags, b"v", _number(serial(value)))
    if isinstance(value, str):
        text = NOT_XML.sub("", value)[:MAX_TEXT]
        space = b' xml:space="preserve"' if text != text.strip(" \t\n\r") else b""
        escaped = _LOOKS_ESCAPED.sub(r"_x005F_\1", text).translate(_ESCAPES).encode()
        t = tags.name(b"t")
        return b' t="inlineStr"', _element(tags, b"is", b"<" + t + space + b">" + escaped + tags.end(b"t"))
    raise TypeError(f"cannot write {type(value).__name__} into a cell: {value!r}")


def _element(tags: Tags, local: bytes, content: bytes) -> bytes:
    return b"<" + tags.name(local) + b">" + content + tags.end(local)


def _number(number: int | float) -> bytes:
    if isinstance(number, int):
        try:
            float(number)
        except OverflowError:
            raise ValueError(
                f"cannot write {number} into a cell: it is beyond what a spreadsheet holds"
            ) from None
        return str(int(number)).encode()
    if not math.isfinite(number):
        raise ValueError(f"cannot write {number!r} into a cell: spreadsheets hold no NaN or infinity")
    return repr(float(number)).encode()


def serial(value: date) -> int | float:
    """A date or datetime as Excel's serial number in the 1900 date system; ValueError before 1900.

    The serial number counts days since `SERIAL_EPOCH`, 1899-12-30, with the time of day as a fraction
    and any time zone ignored. Before March 1900 it is one fewer: Excel counts 1900-01-01 as day 1 and,
    as Lotus 1-2-3 did, a 29 February 1900 that never was, so that its serial numbers from then on
    match the epoch.
    """
    days = ((value.date() if isinstance(value, datetime) else value) - SERIAL_EPOCH).days
    if days < 2:
        raise ValueError(f"cannot write {value.isoformat()} into a cell: Excel's dates begin in 1900")
    if days <= 60:
        days -= 1
    if not isinstance(value, datetime):
        return days
    seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    return days + seconds / 86400 if seconds else days
