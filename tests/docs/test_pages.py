"""The hand-written pages stay true to the code: the architecture names every package in layer order."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import sheetplan

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


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
