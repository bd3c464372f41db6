"""Workbooks written by `sheetplan init`, filled in, read back: the plan typed in is the plan read."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from plan_builder import MONTHS, START, TODAY, expected_plan, fill_template, sample

from sheetplan.check.rules import check_plan
from sheetplan.cli import cli
from sheetplan.plan.model import Plan
from sheetplan.plan.schema import Lang
from sheetplan.read.load import load
from sheetplan.read.source import read_file
from sheetplan.template.workbook import write_plan


def filled(folder: Path, lang: Lang) -> Path:
    path = folder / f"plan-{lang}.xlsx"
    write_plan(path, start=START, months=MONTHS, lang=lang, today=TODAY)
    return fill_template(path, sample(), lang)


def read(path: Path) -> tuple[Plan, list[str]]:
    plan, problems = load(read_file(path), path.name)
    problems = [*problems, *check_plan(plan, today=TODAY, loaded=problems)]
    return plan, [f"{problem.cell} {problem.code}" for problem in problems]


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_a_filled_in_template_reads_back_as_typed_and_checks_clean(tmp_path: Path, lang: Lang) -> None:
    plan, problems = read(filled(tmp_path, lang))
    assert problems == []
    assert plan == expected_plan(sample())
    assert plan.lang == lang


def test_the_bulgarian_and_the_english_workbook_hold_the_same_plan(tmp_path: Path) -> None:
    english, _ = read(filled(tmp_path, "en"))
    bulgarian, _ = read(filled(tmp_path, "bg"))
    assert bulgarian == english
    assert (bulgarian.lang, english.lang) == ("bg", "en")
    assert bulgarian.locations["actions"].name == "Действия"


def test_a_blank_template_is_a_plan_with_nothing_in_it(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_plan(path, start=START, months=MONTHS, today=TODAY)
    plan, problems = read(path)
    assert problems == ["Owners!A2 empty_plan"]
    assert (plan.goals, plan.actions, plan.metrics, dict(plan.forecasts)) == ((), (), (), {})
    assert plan.settings.start == START and plan.settings.months == MONTHS


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_example_plan_checks_clean(tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--example", "--lang", lang, "example.xlsx"]).exit_code == 0
    result = runner.invoke(cli, ["check", "example.xlsx"])
    said = {"en": "no problems found", "bg": "не са открити проблеми"}[lang]
    assert (result.exit_code, result.stdout) == (0, f"example.xlsx: {said}.\n")


def test_a_day_typed_into_a_date_formatted_due_cell_is_not_a_date(tmp_path: Path) -> None:
    """A spreadsheet stores `15` typed into a date cell as 15 January 1900: reported, not overdue."""
    path = filled(tmp_path, "en")
    workbook = openpyxl.load_workbook(path)
    cell = workbook["Actions"]["G2"]
    cell.value, cell.number_format = 15, "yyyy-mm-dd"
    workbook.save(path)
    plan, problems = read(path)
    assert problems == ["Actions!G2 not_a_date"]
    assert plan.actions[0].due is None
