"""The package's shape: stages layered by import-linter's contract, no import cycles, a light CLI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from importlinter import cli as importlinter_cli

REPO = Path(__file__).resolve().parents[1]
HEAVY = (
    "openpyxl",
    "xlsxwriter",
    "python_calamine",
    "gspread",
    "google",
    "requests",
    "defusedxml",
    "PIL",
    "icalendar",
)
MOST_LINES = 300


def test_the_layers_contract_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert importlinter_cli.lint_imports() == importlinter_cli.EXIT_STATUS_SUCCESS


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph("sheetplan")
    cycles = sorted(
        " -> ".join(chain)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if (chain := graph.find_shortest_chain(importer=imported, imported=module)) is not None
    )
    assert cycles == []


def test_importing_the_cli_loads_no_spreadsheet_or_google_library() -> None:
    code = (
        "import sys, sheetplan.cli; "
        f"print(' '.join(sorted({{name.split('.')[0] for name in sys.modules}} & set({HEAVY!r}))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout.split()
    assert loaded == []


def test_a_review_of_a_file_loads_neither_openpyxl_nor_xlsxwriter(tmp_path: Path) -> None:
    plan = tmp_path / "plan.xlsx"
    subprocess.run(
        [sys.executable, "-m", "sheetplan", "init", "--example", str(plan)], check=True, capture_output=True
    )
    code = (
        "import sys; from sheetplan.cli import cli; "
        f"cli(['review', {str(plan)!r}], standalone_mode=False); "
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules} & {'openpyxl', 'xlsxwriter'})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.splitlines()[-1] == ""
    assert "Review log" in result.stdout


def test_every_package_says_its_role_and_what_it_may_import() -> None:
    undocumented = [
        str(init.relative_to(REPO))
        for init in sorted((REPO / "sheetplan").glob("*/__init__.py"))
        if "import" not in (ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or "").lower()
    ]
    assert undocumented == []


def test_modules_are_short_enough_to_hold_in_your_head() -> None:
    long = {
        str(path.relative_to(REPO)): lines
        for path in sorted((REPO / "sheetplan").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
