"""`sheetplan check` on every bad or odd input of `bad_inputs`: the exact line, the exit code, and the
file left byte for byte as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from plan_builder import pretend_today

from sheetplan.cli import cli
from sheetplan.files.guard import _has_doctype, guard_file
from sheetplan.plan.errors import SourceError

from .bad_inputs import PLAN_CASES, SOURCE_CASES, BadInput


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


@pytest.mark.parametrize(
    ("head", "complete", "expected"),
    [
        (b'<?xml version="1.0"?><worksheet/>', True, False),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- made by hand --><sst/>', True, False),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', True, True),
        (b"  <!doctype x><x/>", True, True),
        (b'<?xml version="1.0"?><!-- a comment that runs past the part\'s head', False, True),
        (b'<?xml version="1.0"?>', True, False),
    ],
)
def test_a_doctype_is_found_behind_declarations_and_comments(
    head: bytes, complete: bool, expected: bool
) -> None:
    assert _has_doctype(head, complete) is expected


def test_the_guard_names_the_file_as_the_user_typed_it(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"^my plan\.xlsx: no such file$"):
        guard_file(tmp_path / "plan.xlsx", "my plan.xlsx")


def test_a_real_plan_passes_the_guard(tmp_path: Path) -> None:
    from plan_builder import plan_grid, sample, write_workbook

    assert guard_file(write_workbook(tmp_path / "plan.xlsm", plan_grid(sample()))) == "xlsx"
