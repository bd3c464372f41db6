"""`sheetplan init` on the command line: exact output and exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from template_support import headers, load

from sheetplan.cli import cli
from sheetplan.plan.model import Month


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_init_writes_a_blank_plan_and_says_what_next(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "plan.xlsx", "--start", "2027-01", "--months", "6"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Wrote plan.xlsx: 14 sheets, 6 months from 2027-01 to 2027-06, blank plan, English.\n"
        "Next:\n"
        "  1. Open it, read the Guide sheet, and fill in the plan with your team.\n"
        "  2. Check it:   sheetplan check plan.xlsx\n"
        "  3. Every month, enter the actual results and run:  sheetplan review plan.xlsx\n"
    )
    assert headers(load(Path("plan.xlsx"))["Forecasts"])[2:] == [f"2027-0{month}" for month in range(1, 7)]


def test_init_starts_a_blank_plan_this_month(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "plan.xlsx"])
    this_month = Month.of(date.today())
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"Wrote plan.xlsx: 14 sheets, 12 months from {this_month} to {this_month + 11}, "
    )


def test_init_example_starts_early_enough_to_have_actuals_up_to_last_month(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "--example", "--lang", "bg", "план.xlsx"])
    start, last_full = Month.of(date.today()) + -4, Month.of(date.today()) + -1
    assert (result.exit_code, result.stderr) == (0, "")
    # A Bulgarian plan is spoken of in Bulgarian.
    assert result.stdout == (
        f"Записан е план.xlsx: 14 листа, 12 месеца от {start} до {start + 11},"
        f" примерен план с реални резултати за {start} до {last_full}, на български.\n"
        "Следва:\n"
        "  1. Отворете го: листът „Ръководство“ обяснява плана; другите листове съдържат примера.\n"
        "  2. Проверете го:   sheetplan check 'план.xlsx'\n"
        "  3. Прегледайте го:  sheetplan review 'план.xlsx'\n"
    )
    assert load(Path("план.xlsx"))["Настройки"]["B3"].value == str(start)


def test_init_refuses_to_overwrite_without_force(runner: CliRunner) -> None:
    Path("plan.xlsx").write_bytes(b"the team's plan")
    result = runner.invoke(cli, ["init", "plan.xlsx"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: plan.xlsx already exists; use --force to overwrite it\n"
    assert Path("plan.xlsx").read_bytes() == b"the team's plan"


def test_init_overwrites_with_force(runner: CliRunner) -> None:
    Path("plan.xlsx").write_bytes(b"the team's plan")
    result = runner.invoke(cli, ["init", "--force", "plan.xlsx"])
    assert result.exit_code == 0
    assert load(Path("plan.xlsx")).sheetnames[0] == "Guide"


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        (
            ["--start", "2026-13"],
            "Error: Invalid value for '--start': '2026-13' is not a month in the form YYYY-MM,"
            " such as 2026-03.",
        ),
        (
            ["--start", "March"],
            "Error: Invalid value for '--start': 'March' is not a month in the form YYYY-MM,"
            " such as 2026-03.",
        ),
        (["--months", "61"], "Error: Invalid value for '--months': 61 is not in the range 1<=x<=60."),
        (["--months", "0"], "Error: Invalid value for '--months': 0 is not in the range 1<=x<=60."),
        (["--lang", "de"], "Error: Invalid value for '--lang': 'de' is not one of 'en', 'bg'."),
    ],
)
def test_init_rejects_bad_options(runner: CliRunner, arguments: list[str], error: str) -> None:
    result = runner.invoke(cli, ["init", "plan.xlsx", *arguments])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == error
    assert not Path("plan.xlsx").exists()


def test_init_rejects_a_name_that_is_not_xlsx(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "plan.ods"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: plan.ods: a plan workbook is an .xlsx file; give a name ending in .xlsx\n"
    assert list(Path().iterdir()) == []


def test_init_help_says_where_the_plan_starts(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "--help"])
    assert result.exit_code == 0
    assert (
        "[default: (this month; with --example, a few months back so that it has actual results)]"
        in " ".join(result.stdout.split())
    )
