"""Checks of a workbook package, for the corpus's tests and for tests of writers that keep its parts.

`package_faults` lists what is wrong with a package as a reader would find it: XML parts that do not
parse, parts without a content type (or content types for parts that are not there), worksheet and
workbook children out of the schema's order, relationships whose target is missing, and `r:id`,
`r:embed` or VML `o:relid` references a part makes to relationships it does not have. `resave`
opens workbooks in LibreOffice and saves them again, all in one run.
"""

from __future__ import annotations

import posixpath
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from excel_corpus.book import WORKBOOK_ORDER, WORKSHEET_ORDER, Book, children

TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
REFERENCES = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    "{urn:schemas-microsoft-com:office:office}relid",
)


def package_faults(parts: dict[str, bytes]) -> list[str]:
    """What is wrong with a package (its parts by name), one line each; [] for a sound one."""
    faults, trees = [], {}
    for name, data in parts.items():
        if name.endswith((".xml", ".rels", ".vml")):
            try:
                trees[name] = ElementTree.fromstring(data)
            except ElementTree.ParseError as error:
                faults.append(f"{name}: {error}")
    faults += content_type_faults(parts, trees["[Content_Types].xml"])
    for name in trees:
        if name == "xl/workbook.xml" or name.startswith("xl/worksheets/sheet"):
            order = WORKBOOK_ORDER if name == "xl/workbook.xml" else WORKSHEET_ORDER
            ranks = [order.index(child) for child, _, _ in children(parts[name].decode()) if child in order]
            faults += (
                [f"{name}: its elements are out of the schema's order"] if ranks != sorted(ranks) else []
            )
    for name, tree in trees.items():
        faults += reference_faults(name, tree, trees, parts)
    return faults


def content_type_faults(parts: dict[str, bytes], types: ElementTree.Element) -> list[str]:
    defaults = [entry.get("Extension", "").lower() for entry in types.iter(TYPES + "Default")]
    overrides = [entry.get("PartName", "").lstrip("/") for entry in types.iter(TYPES + "Override")]
    named = defaults + overrides
    faults = [f"two content types for {name}" for name in set(named) if named.count(name) > 1]
    faults += [f"content type for a missing part {name}" for name in overrides if name not in parts]
    typed = {"[Content_Types].xml", *overrides}
    untyped = [
        name for name in parts if name not in typed and name.rsplit(".", 1)[-1].lower() not in defaults
    ]
    return faults + [f"no content type for {name}" for name in untyped]


def reference_faults(
    name: str, tree: ElementTree.Element, trees: dict[str, ElementTree.Element], parts: dict[str, bytes]
) -> list[str]:
    """Relationships of a .rels part whose target is missing; references of a part to no relationship."""
    faults = []
    if name.endswith(".rels"):
        folder = posixpath.dirname(posixpath.dirname(name))
        for rel in tree.iter(RELS + "Relationship"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            if rel.get("TargetMode") != "External" and posixpath.normpath(path) not in parts:
                faults.append(f"{name}: {rel.get('Id')} points at {target}, which is not there")
        ids = [rel.get("Id") for rel in tree.iter(RELS + "Relationship")]
        return faults + [f"{name}: two relationships {rid}" for rid in set(ids) if ids.count(rid) > 1]
    rels = Book.rels_of(name)
    ids = [rel.get("Id") for rel in trees[rels].iter(RELS + "Relationship")] if rels in trees else []
    for element in tree.iter():
        for key, value in element.attrib.items():
            if key.startswith(REFERENCES) and value not in ids:
                faults.append(f"{name}: {key.split('}')[1]}={value} is not a relationship of the part")
    return faults


def resave(sources: list[Path], folder: Path) -> dict[Path, Path]:
    """Each workbook opened and saved as .xlsx by LibreOffice, in one run (it starts once, in seconds)."""
    out, profile = folder / "libreoffice-out", folder / "libreoffice-profile"
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx"]
    result = subprocess.run(
        [*command, "--outdir", str(out), *map(str, sources)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {source: out / f"{source.stem}.xlsx" for source in sources}
