"""The workbook's extended properties (`docProps/app.xml`), which list its worksheets' names.

Excel writes the worksheets' names under `TitlesOfParts`, counted under `HeadingPairs`; a new sheet's
name is added there at its place. When the list is not the one expected (another writer's, or out of
date already), the part is left as it is: it is informative, and no reader depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sheetplan.read.xmlscan import unescape
from sheetplan.xlsx.opc import escape

_TITLES = re.compile(
    rb"(<(?:\w+:)?TitlesOfParts\b[^>]*>\s*<(\w+:)vector\b[^>]*?size=\")(\d+)(\"[^>]*>)(.*?)(</\2vector>)",
    re.S,
)
_FIRST_COUNT = re.compile(rb"(<(?:\w+:)?HeadingPairs\b.*?<(\w+:)i4>)(\d+)(</\2i4>)", re.S)
_TITLE = re.compile(rb"<(\w+:)lpstr>(.*?)</\1lpstr>", re.S)


def with_worksheet(xml: bytes, worksheets: Sequence[str], position: int, name: str) -> bytes:
    """`app.xml` with `name` listed among the worksheets at `position`; `worksheets` are the names before."""
    titles = _TITLES.search(xml)
    count = _FIRST_COUNT.search(xml)
    if titles is None or count is None or int(count.group(3)) != len(worksheets):
        return xml
    listed = [match for match in _TITLE.finditer(titles.group(5))]
    names = [unescape(match.group(2).decode()) for match in listed[: len(worksheets)]]
    if names != list(worksheets):
        return xml
    prefix = titles.group(2).decode()
    entry = f"<{prefix}lpstr>{escape(name)}</{prefix}lpstr>".encode()
    body = titles.group(5)
    at = listed[position].start() if position < len(listed) else len(body)
    body = body[:at] + entry + body[at:]
    size = int(titles.group(3)) + 1
    new_titles = titles.group(1) + b"%d" % size + titles.group(4) + body + titles.group(6)
    xml = xml[: titles.start()] + new_titles + xml[titles.end() :]
    count = _FIRST_COUNT.search(xml)
    if count is None:
        return xml
    number = int(count.group(3)) + 1
    return xml[: count.start()] + count.group(1) + b"%d" % number + count.group(4) + xml[count.end() :]


def renamed(xml: bytes, worksheets: Sequence[str], old: str, new: str) -> bytes:
    """`app.xml` with the worksheet `old` listed as `new`; `worksheets` are all the worksheets' names."""
    titles = _TITLES.search(xml)
    if titles is None:
        return xml
    for number, match in enumerate(_TITLE.finditer(titles.group(5))):
        if number < len(worksheets) and unescape(match.group(2).decode()) == old:
            start = titles.start(5) + match.start(2)
            return xml[:start] + escape(new).encode() + xml[titles.start(5) + match.end(2) :]
    return xml
