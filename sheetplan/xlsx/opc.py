"""The package's wiring (Open Packaging Conventions): relationships, part names and content types.

Reading parses the small `.rels` and `[Content_Types].xml` parts; changing them is done on their bytes,
by inserting or cutting out single elements, so that whatever else they hold (entries for parts
sheetplan knows nothing about, another writer's namespace declarations) stays exactly as it was.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from defusedxml import ElementTree

from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The namespace of relationship types and of the `r:id` attributes that point along them."""
CONTENT_TYPES = "[Content_Types].xml"

WORKSHEET = f"{OFFICE_RELS}/worksheet"
DRAWING = f"{OFFICE_RELS}/drawing"
CHART = f"{OFFICE_RELS}/chart"
DOCUMENT = f"{OFFICE_RELS}/officeDocument"
EXTENDED = f"{OFFICE_RELS}/extended-properties"
CALC_CHAIN = f"{OFFICE_RELS}/calcChain"
_END = rb"[^>]*?(?:/>|>\s*</(?:\w+:)?%s\s*>)"
"""The rest of an element after an attribute: self-closing, or open and closed with nothing in it."""


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its id, type and the part it points at (a full part name)."""

    id: str
    type: str
    target: str
    """The target part's name inside the zip (`xl/worksheets/sheet1.xml`); for an external target, the URL."""
    external: bool = False


def quoteattr(value: str) -> str:
    """An XML attribute's value, escaped and in double quotes."""
    return '"' + html.escape(value) + '"'


def escape(text: str) -> str:
    """Text for between XML tags, with `&`, `<` and `>` escaped."""
    return html.escape(text, quote=False)


def rels_name(part: str) -> str:
    """The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def relationships(data: bytes | None, part: str) -> list[Relationship]:
    """The relationships in a `.rels` part's bytes (none when `data` is None), targets made full names."""
    if data is None:
        return []
    root = ElementTree.fromstring(data)
    found = []
    folder = posixpath.dirname(part)
    for element in root.iter(f"{_RELS}Relationship"):
        target = element.get("Target", "")
        external = element.get("TargetMode") == "External"
        if not external:
            target = _resolve(folder, target)
        found.append(Relationship(element.get("Id", ""), element.get("Type", ""), target, external))
    return found


def relative(source: str, target: str) -> str:
    """How a `.rels` of the part `source` names the part `target`: `../drawings/drawing1.xml`."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def rels_part(entries: list[tuple[str, str, str]]) -> bytes:
    """A new `.rels` part holding `(id, type, target)` entries, targets as written."""
    body = "".join(
        f"<Relationship Id={quoteattr(id)} Type={quoteattr(kind)} Target={quoteattr(target)}/>"
        for id, kind, target in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_RELS[1:-1]}">{body}</Relationships>'
    ).encode()


def add_relationship(data: bytes, id: str, kind: str, target: str) -> bytes:
    """A `.rels` part's bytes with one more relationship, before its closing tag."""
    entry = f"<Relationship Id={quoteattr(id)} Type={quoteattr(kind)} Target={quoteattr(target)}/>"
    return _insert_before_close(data, b"Relationships", entry.encode())


def drop_relationship(data: bytes, id: str) -> bytes:
    """A `.rels` part's bytes without the relationship `id`."""
    attribute = rb"\bId=[\"']" + re.escape(id.encode()) + rb"[\"']"
    pattern = rb"<(?:\w+:)?Relationship\b[^>]*" + attribute + _END % b"Relationship"
    return re.sub(pattern, b"", data, count=1)


def free_id(used: set[str]) -> str:
    """A relationship id not in `used`: `rId7`."""
    number = len(used) + 1
    while f"rId{number}" in used:
        number += 1
    return f"rId{number}"


def free_name(taken: set[str], pattern: str) -> str:
    """The first part name `pattern.format(n)` (n = 1, 2, …) not in `taken`, ignoring case as OPC does."""
    taken = {name.lower() for name in taken}
    number = 1
    while pattern.format(number).lower() in taken:
        number += 1
    return pattern.format(number)


def add_override(data: bytes, part: str, content_type: str) -> bytes:
    """`[Content_Types].xml` with the content type of `part` set (an Override element added)."""
    data = drop_override(data, part)
    entry = f"<Override PartName={quoteattr('/' + part)} ContentType={quoteattr(content_type)}/>"
    return _insert_before_close(data, b"Types", entry.encode())


def drop_override(data: bytes, part: str) -> bytes:
    """`[Content_Types].xml` without the Override of `part`, when it has one."""
    attribute = rb"\bPartName=[\"']" + re.escape(("/" + part).encode()) + rb"[\"']"
    return re.sub(rb"<(?:\w+:)?Override\b[^>]*" + attribute + _END % b"Override", b"", data, flags=re.I)


def content_types(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """The Default content types by extension and the Override ones by part name (without the `/`)."""
    root = ElementTree.fromstring(data)
    defaults = {
        element.get("Extension", "").lower(): element.get("ContentType", "")
        for element in root.iter(f"{_TYPES}Default")
    }
    overrides = {
        element.get("PartName", "").lstrip("/"): element.get("ContentType", "")
        for element in root.iter(f"{_TYPES}Override")
    }
    return defaults, overrides


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _insert_before_close(data: bytes, tag: bytes, entry: bytes) -> bytes:
    """`entry` (an element without a prefix) added as the last child of the element `tag`, in its prefix."""
    closing = list(re.finditer(rb"</(\w+:)?" + tag + rb"\s*>", data))
    if closing:
        at = closing[-1].start()
        return data[:at] + b"<" + (closing[-1].group(1) or b"") + entry[1:] + data[at:]
    empty = re.search(rb"<((\w+:)?" + tag + rb")\b([^>]*?)\s*/>", data)
    if empty is None:
        raise WriteError(_("no <{tag}> element to add to").format(tag=tag.decode()))
    name = empty.group(1)
    entry = b"<" + (empty.group(2) or b"") + entry[1:]
    return (
        data[: empty.start()]
        + b"<"
        + name
        + empty.group(3)
        + b">"
        + entry
        + b"</"
        + name
        + b">"
        + data[empty.end() :]
    )
