"""`sheetplan check` on every bad or odd input of `bad_inputs`: the exact line, the exit code, and the
file left byte for byte as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from bad_inputs import PLAN_CASES, SOURCE_CASES, BadInput
from click.testing import CliRunner
from plan_builder import pretend_today

from sheetplan.cli import cli


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the sha256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        if path.is_file()
        else "folder"
        for path in sorted(folder.rglob("*"))
    }


def _run(
    case: BadInput, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str, dict[str, str]]:
    case.build(folder)
    before = _snapshot(folder)
    monkeypatch.chdir(folder)
    pretend_today(monkeypatch)
    result = CliRunner().invoke(cli, ["check", case.source])
    assert _snapshot(folder) == before, "check changed, added or removed a file"
    return result.exit_code, result.stdout, result.stderr, before


@pytest.mark.parametrize("case", SOURCE_CASES, ids=[case.id for case in SOURCE_CASES])
def test_an_unusable_source_is_one_line_on_stderr_and_exit_2(
    case: BadInput, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exit_code, stdout, stderr, _ = _run(case, tmp_path, monkeypatch)
    assert (exit_code, stdout) == (2, "")
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    if case.line.endswith("cannot be read as a workbook"):
        # What follows is calamine's own account of the damage, which its versions word differently.
        assert stderr.startswith(f"Error: {case.line} (")
    else:
        assert stderr == f"Error: {case.line}\n"


@pytest.mark.parametrize("case", PLAN_CASES, ids=[case.id for case in PLAN_CASES])
def test_a_plan_with_a_problem_reports_it_at_its_cell(
    case: BadInput, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exit_code, stdout, stderr, _ = _run(case, tmp_path, monkeypatch)
    assert (exit_code, stderr) == (case.exit_code, "")
    assert case.line in stdout.splitlines()


def test_there_are_at_least_forty_cases() -> None:
    assert len(SOURCE_CASES) + len(PLAN_CASES) >= 40
    assert len({case.id for case in [*SOURCE_CASES, *PLAN_CASES]}) == len(SOURCE_CASES) + len(PLAN_CASES)
