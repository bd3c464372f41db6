"""The pages stay true: their links lead to files and sections of the repository, and the architecture
names every package in layer order."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import sheetplan

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """The anchor a Markdown heading gets: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return {slug(heading) for heading in re.findall(r"^#+ (.+)$", text, flags=re.M)}


def links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return LINK.findall(text)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_links_lead_to_files_and_sections_of_the_repository(page: Path) -> None:
    """Every link is relative, names a file inside the repository, and any #section is a heading there."""
    for link in links(page):
        assert "://" not in link and not link.startswith("/"), f"{page.name}: {link} leads outside"
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        assert target.is_relative_to(ROOT), f"{page.name}: {link} leads outside the repository"
        assert target.exists(), f"{page.name}: {link} names no file"
        if anchor:
            assert anchor in anchors(target), f"{page.name}: {link} names no section"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_pages_name_no_documents_outside_the_repository(page: Path) -> None:
    """No page refers to design notes or specifications kept elsewhere."""
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"SPEC|DESIGN|\.\./shared", text)


def test_the_readme_links_every_page() -> None:
    """The README links each page under docs/."""
    linked = {(ROOT / link.partition("#")[0]).resolve() for link in links(ROOT / "README.md")}
    assert set(DOCS.glob("*.md")) <= linked


def architecture_packages() -> list[str]:
    """The packages of the architecture page's table, top row first."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `(\w+)` \|", text, flags=re.M)


def test_the_architecture_names_every_package() -> None:
    """Every subpackage and module of sheetplan with a stage of its own has a row in the table."""
    package = Path(sheetplan.__file__).parent
    stages = {path.name for path in package.iterdir() if (path / "__init__.py").is_file()} | {"api"}
    assert set(architecture_packages()) == stages


def test_the_architecture_lists_the_layers_of_the_import_contract_bottom_up() -> None:
    """The table's order is the import-linter contract's layers, read from the bottom."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    layers = [
        [name.strip().removeprefix("sheetplan.") for name in layer.split("|")]
        for layer in reversed(contract["layers"])
    ]
    listed = architecture_packages()
    assert [name for layer in layers for name in layer] == listed
