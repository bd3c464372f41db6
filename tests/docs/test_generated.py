"""The generated parts of the docs match what generates them: the schema and each command's `--help`.

`make docs` regenerates them with cog; these tests run `cog --check` on every file that has cog blocks,
so a change to the schema or to a command's help fails here until the docs are regenerated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cogapp import Cog

from sheetplan.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def cogged_files() -> list[Path]:
    """The README and the pages under docs/ that hold a cog block."""
    pages = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    return [page for page in pages if "[[[cog" in page.read_text(encoding="utf-8")]


def makefile_docs() -> list[str]:
    """The files the Makefile's `docs` target regenerates."""
    found = re.search(r"^GENERATED_DOCS\s*:?=\s*(.+)$", (ROOT / "Makefile").read_text(), flags=re.M)
    assert found, "the Makefile names the generated docs in GENERATED_DOCS"
    return found[1].split()


@pytest.mark.parametrize("page", cogged_files(), ids=lambda page: page.relative_to(ROOT).as_posix())
def test_the_generated_text_is_up_to_date(page: Path) -> None:
    """Regenerating the page would change nothing (cog exits non-zero when it would)."""
    assert Cog().main(["cog", "--check", "-I", str(DOCS), str(page)]) == 0


def test_make_docs_regenerates_every_generated_page() -> None:
    """`make docs` runs cog on exactly the pages that hold cog blocks."""
    assert sorted(makefile_docs()) == sorted(page.relative_to(ROOT).as_posix() for page in cogged_files())


def test_the_generated_pages_exist() -> None:
    """The workbook format and the command reference are generated."""
    assert {"workbook.md", "commands.md"} <= {page.name for page in cogged_files()}


def test_every_command_has_a_reference_section() -> None:
    """docs/commands.md has a section for each command the CLI has."""
    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"### sheetplan {name}\n" not in text]
    assert missing == []
