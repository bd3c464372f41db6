"""`sheetplan check`: the report, the JSON, colour and exit codes, on real workbooks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from plan_builder import plan_grid, pretend_today, sample, set_cell, write_workbook

from sheetplan.cli import cli


def check(folder: Path, monkeypatch: pytest.MonkeyPatch, *arguments: str, color: bool = False) -> Result:
    monkeypatch.chdir(folder)
    pretend_today(monkeypatch)
    return CliRunner().invoke(cli, ["check", *arguments], color=color)


def faulty_plan(folder: Path) -> Path:
    grid = plan_grid(sample())
    set_cell(grid, "Actuals", "G3", 30)  # 2025-05: not over on TODAY
    set_cell(grid, "Actions", "E3", "Elena, Maria")
    set_cell(grid, "Goals", "D2", "")
    set_cell(grid, "Forecasts", "D2", "1 100")
    set_cell(grid, "Actions", "G2", "tomorrow")
    return write_workbook(folder / "plan.xlsx", grid)


REPORT = "\n".join(
    [
        "Goals",
        "  error   Goals!D2: no reason: say why this goal matters [missing_value]",
        "",
        "Owners",
        "  warning Owners!A4: Elena owns no action; give them a task or remove them [owner_without_tasks]",
        "",
        "Actions",
        '  error   Actions!G2: "tomorrow" is not a date; use a date such as 2026-03-31 or 31.03.2026'
        " [not_a_date]",
        '  error   Actions!E3: "Elena, Maria" names several people; one owner per task: choose the one who'
        " answers for it [several_owners]",
        "",
        "Forecasts",
        '  warning Forecasts!D2: "1 100" is a number typed as text, read as 1100; type it as a number'
        " [number_as_text]",
        "",
        "Actuals",
        "  warning Actuals!G3: an actual for 2025-05, which has not ended yet (this month is 2025-04)"
        " [future_actual]",
        "",
        "plan.xlsx: 3 errors, 3 warnings",
        "",
    ]
)


def test_the_report_groups_problems_by_sheet_errors_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faulty_plan(tmp_path)
    result = check(tmp_path, monkeypatch, "plan.xlsx")
    assert (result.exit_code, result.stdout, result.stderr) == (1, REPORT, "")


def test_the_json_lists_every_problem_in_report_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faulty_plan(tmp_path)
    result = check(tmp_path, monkeypatch, "--json", "plan.xlsx")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert problems[0] == {
        "severity": "error",
        "sheet": "Goals",
        "cell": "Goals!D2",
        "code": "missing_value",
        "message": "no reason: say why this goal matters",
    }
    assert [(problem["severity"], problem["cell"]) for problem in problems] == [
        ("error", "Goals!D2"),
        ("warning", "Owners!A4"),
        ("error", "Actions!G2"),
        ("error", "Actions!E3"),
        ("warning", "Forecasts!D2"),
        ("warning", "Actuals!G3"),
    ]
    assert all(list(problem) == ["severity", "sheet", "cell", "code", "message"] for problem in problems)


def test_a_clean_plan_exits_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_workbook(tmp_path / "plan.xlsx", plan_grid(sample()))
    result = check(tmp_path, monkeypatch, "plan.xlsx")
    assert (result.exit_code, result.stdout) == (0, "plan.xlsx: no problems found.\n")
    assert check(tmp_path, monkeypatch, "--json", "plan.xlsx").stdout == "[]\n"


def test_warnings_alone_exit_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_workbook(tmp_path / "plan.xlsx", set_cell(plan_grid(sample()), "Owners", "A5", "Boris"))
    result = check(tmp_path, monkeypatch, "plan.xlsx")
    assert result.exit_code == 0
    assert result.stdout.endswith("plan.xlsx: 0 errors, 1 warning\n")


def test_colour_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    faulty_plan(tmp_path)
    coloured = check(tmp_path, monkeypatch, "plan.xlsx", color=True).stdout
    assert "\x1b[31merror  \x1b[0m Goals!D2" in coloured
    assert "\x1b[33mwarning\x1b[0m Owners!A4" in coloured
    assert "\x1b[1mGoals\x1b[0m" in coloured
    assert "\x1b[" not in check(tmp_path, monkeypatch, "plan.xlsx").stdout


def test_a_bulgarian_plan_is_reported_in_bulgarian_under_its_own_sheet_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid = set_cell(plan_grid(sample(), "bg"), "Показатели", "F3", "нагоре-надолу")
    write_workbook(tmp_path / "план.xlsx", grid)
    result = check(tmp_path, monkeypatch, "план.xlsx")
    assert result.stdout == (
        "Показатели\n"
        "  грешка  Показатели!F3: „нагоре-надолу“ не е посока;"
        " използвайте едно от: нагоре, надолу [invalid_choice]\n"
        "\n"
        "план.xlsx: 1 грешка, 0 предупреждения\n"
    )
    english = check(tmp_path, monkeypatch, "план.xlsx", "--lang", "en")
    assert english.stdout.endswith("план.xlsx: 1 error, 0 warnings\n")


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_example_with_its_sources_checks_clean(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "example.xlsx"
    assert CliRunner().invoke(cli, ["init", "--example", "--lang", lang, str(path)]).exit_code == 0
    result = CliRunner().invoke(cli, ["check", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
