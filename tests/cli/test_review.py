"""`sheetplan review` as a user runs it: what it prints, what it writes, and what it refuses."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from plan_builder import PlanData, pretend_today, rewrite_zip, sample
from review_support import MONTH, example_plan, expected_json, review, sample_plan

from sheetplan.plan.model import FormulaValue
from sheetplan.read.source import read_file
from sheetplan.review.log import parse_log

X14_DROPDOWN = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:dataValidations count="0"/>'
    b"</ext></extLst></worksheet>"
)


LEFT_AT = datetime(2026, 11, 20, 14, 3).timestamp()
"""When a crashed program left the lock file."""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return example_plan(tmp_path)


def names(path: Path) -> list[str]:
    return openpyxl.load_workbook(path, read_only=True).sheetnames


def log_rows(path: Path) -> list[tuple[str, str]]:
    grid = read_file(path)
    return [(str(row.month), row.metric_id) for row in parse_log(grid["Review log"])]


def test_review_writes_the_sheet_and_the_log_into_the_plan(plan: Path) -> None:
    original = plan.read_bytes()
    result = review(plan, "--month", MONTH)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Lazur Coffee social media plan: review of April 2026"
    statuses = [metric["month"]["status"] for metric in expected_json(plan, MONTH)["metrics"]]
    counts = [statuses.count(status) for status in ("on_track", "at_risk", "off_track", "no_data")]
    assert lines[1] == "  Metrics    {} on track · {} at risk · {} off track · {} no data".format(*counts)
    assert lines[-1] == (
        f'Wrote the sheet "Review 2026-04" and the Review log to {plan} '
        f"(the previous version is in {plan.with_name('plan.bak.xlsx')})."
    )
    assert names(plan)[-3:] == ["Posts", "Review 2026-04", "Review log"]
    assert plan.with_name("plan.bak.xlsx").read_bytes() == original
    assert log_rows(plan) == [("2026-04", f"M{number}") for number in range(1, 11)]


def template_parts(path: Path) -> dict[str, object]:
    """What `sheetplan init` put on the plan's sheets besides values: formats, dropdowns, tables, names."""
    workbook = openpyxl.load_workbook(path)
    sheets = [sheet for sheet in workbook.worksheets if not sheet.title.startswith("Review")]
    return {
        "conditional formats": {
            sheet.title: sorted(
                (str(found.sqref), [rule.formula for rule in found.rules])
                for found in sheet.conditional_formatting
            )
            for sheet in sheets
        },
        "dropdowns": {
            sheet.title: sorted(
                (str(rule.sqref), rule.formula1, rule.prompt)
                for rule in sheet.data_validations.dataValidation
            )
            for sheet in sheets
        },
        "tables": {
            sheet.title: sorted((table.name, table.ref) for table in sheet.tables.values())
            for sheet in sheets
        },
        "names": {name: value.attr_text for name, value in workbook.defined_names.items()},
    }


def test_the_templates_formats_dropdowns_tables_and_names_survive(plan: Path) -> None:
    before = template_parts(plan)
    assert review(plan, "--month", MONTH).exit_code == 0
    after = template_parts(plan)
    for part in ("conditional formats", "dropdowns", "tables", "names"):
        assert after[part] == before[part], part


def test_the_teams_own_dropdowns_and_names_are_left_as_they_are(plan: Path) -> None:
    workbook = openpyxl.load_workbook(plan)
    actions = workbook["Actions"]
    actions.data_validations.dataValidation = [
        rule for rule in actions.data_validations.dataValidation if str(rule.sqref) != "E2:E201"
    ]
    mine = DataValidation(type="whole", operator="between", formula1="0", formula2="10")
    mine.add("L2:L50")
    actions.add_data_validation(mine)
    workbook.defined_names["OwnerList"].attr_text = "Owners!$A$2:$A$4"
    workbook.save(plan)
    before = template_parts(plan)
    sheets = {name: data for name, data in parts(plan).items() if name.startswith("xl/worksheets/sheet")}
    assert review(plan, "--month", MONTH).exit_code == 0
    assert template_parts(plan) == before
    after = parts(plan)
    # Only the Guide, which was selected, is no longer: the review sheet is.
    assert all(after[name] == data.replace(b' tabSelected="1"', b"") for name, data in sheets.items())


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_reviewing_again_replaces_the_months_sheet_and_rows(plan: Path) -> None:
    for month in ("2026-04", "2026-03", "2026-04"):
        assert review(plan, "--month", month).exit_code == 0
    assert names(plan)[-4:] == ["Posts", "Review 2026-03", "Review 2026-04", "Review log"]
    expected = [(month, f"M{number}") for month in ("2026-03", "2026-04") for number in range(1, 11)]
    assert log_rows(plan) == expected


def test_cells_someone_merged_in_the_review_log_do_not_stop_the_next_review(plan: Path) -> None:
    assert review(plan, "--month", "2026-03").exit_code == 0
    workbook = openpyxl.load_workbook(plan)
    workbook["Review log"].merge_cells("C2:E3")
    workbook.save(plan)
    result = review(plan, "--month", "2026-04")
    assert (result.exit_code, result.stderr) == (0, "")
    expected = [(month, f"M{number}") for month in ("2026-03", "2026-04") for number in range(1, 11)]
    assert log_rows(plan) == expected


def test_dry_run_writes_nothing(plan: Path) -> None:
    original = plan.read_bytes()
    result = review(plan, "--month", MONTH, "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Dry run: nothing was written."
    assert plan.read_bytes() == original
    assert sorted(path.name for path in plan.parent.iterdir()) == ["plan.xlsx"]


def test_json_prints_the_review_json_and_nothing_else(plan: Path) -> None:
    result = review(plan, "--month", MONTH, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == expected_json(plan.with_name("plan.bak.xlsx"), MONTH)
    assert result.stderr == f"Wrote Review 2026-04 to {plan}.\n"


def _statuses(month_actuals: dict[str, float]) -> PlanData:
    """The sample plan with these March actuals.

    March forecasts: M1 1200, M2 25.5, M3 0.4; tolerance 10 %, M2's 5 %.
    """
    data = sample()
    for row in data.rows["actuals"]:
        row["2025-03"] = month_actuals[row["metric_id"]]
    return data


ON_TRACK = {"M1": 1250, "M2": 25.5, "M3": 0.4}
AT_RISK = {"M1": 1250, "M2": 23.5, "M3": 0.4}  # M2 7.8 % under with 5 % tolerance
OFF_TRACK = {"M1": 800, "M2": 25.5, "M3": 0.4}  # M1 33 % under


@pytest.mark.parametrize(
    ("actuals", "level", "code"),
    [
        (ON_TRACK, "at_risk", 0),
        (ON_TRACK, "off_track", 0),
        (AT_RISK, "at_risk", 1),
        (AT_RISK, "off_track", 0),
        (OFF_TRACK, "at_risk", 1),
        (OFF_TRACK, "off_track", 1),
    ],
)
def test_fail_on_exits_1_when_a_metric_reaches_the_level(
    tmp_path: Path, actuals: dict[str, float], level: str, code: int
) -> None:
    path = sample_plan(tmp_path / "plan.xlsx", _statuses(actuals))
    result = review(path, "--month", "2025-03", "--fail-on", level, "--dry-run")
    assert result.exit_code == code, result.output


@pytest.mark.parametrize("month", ["2025-12", "2027-01"])
def test_a_month_outside_the_plan_is_refused_with_the_range(plan: Path, month: str) -> None:
    original = plan.read_bytes()
    result = review(plan, "--month", month)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {plan}: --month {month} is outside the plan: choose a month from 2026-01 to 2026-12\n"
    )
    assert plan.read_bytes() == original


def test_a_malformed_month_is_refused(plan: Path) -> None:
    result = review(plan, "--month", "March")
    assert result.exit_code == 2
    assert "'March' is not a month in the form YYYY-MM, such as 2026-03." in result.stderr


def test_the_default_month_outside_the_plan_says_how_to_choose(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_today(monkeypatch, date(2027, 3, 2))
    result = review(plan)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {plan}: the last full month, 2027-02, is outside the plan; "
        "choose one with --month, from 2026-01 to 2026-12\n"
    )


def test_a_plan_with_errors_is_not_reviewed_unless_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_today(monkeypatch)
    data = sample()
    data.rows["actions"][0]["owner"] = ""
    path = sample_plan(tmp_path / "plan.xlsx", data)
    original = path.read_bytes()
    refused = review(path, "--month", "2025-03")
    assert refused.exit_code == 1
    assert "error" in refused.stdout and "Actions!E2" in refused.stdout
    assert refused.stderr == f"{path}: not reviewed while the plan has errors; fix them, or use --force.\n"
    assert path.read_bytes() == original
    forced = review(path, "--month", "2025-03", "--force")
    assert forced.exit_code == 0, forced.output
    assert (
        f"The plan has 1 error (reviewed anyway: --force); `sheetplan check {path}` lists them."
        in forced.stdout
    )
    assert "Review 2025-03" in names(path)


@pytest.mark.parametrize(("lang", "sheet"), [("en", "Review 2025-03"), ("bg", "Преглед 2025-03")])
def test_a_forced_review_shows_dropdown_values_outside_the_lists_as_typed(
    tmp_path: Path, lang: str, sheet: str
) -> None:
    data = sample()
    data.rows["actions"][0]["status"] = "finished"
    data.rows["assumptions"][0]["still_true"] = "maybe"
    path = sample_plan(tmp_path / "plan.xlsx", data, lang)  # type: ignore[arg-type]
    forced = review(path, "--month", "2025-03", "--force", catch_exceptions=False)
    assert forced.exit_code == 0, forced.output
    texts = [cell.value for row in openpyxl.load_workbook(path)[sheet].iter_rows() for cell in row]
    assert any(isinstance(text, str) and "maybe" in text for text in texts)


@pytest.mark.parametrize("lock", ["~$plan.xlsx", ".~lock.plan.xlsx#"])
def test_a_plan_open_in_another_program_is_not_written(plan: Path, lock: str) -> None:
    (plan.parent / lock).write_text("someone")
    os.utime(plan.parent / lock, (LEFT_AT, LEFT_AT))
    original = plan.read_bytes()
    result = review(plan, "--month", MONTH)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {plan}: the file is open in another program ({lock} is beside it, since 2026-11-20 14:03); "
        "close it there and run the command again. If no program has it open, the lock was left "
        f"by one that stopped: delete {lock}.\n"
    )
    assert plan.read_bytes() == original
    assert sorted(path.name for path in plan.parent.iterdir()) == sorted(["plan.xlsx", lock])


def test_a_plan_with_excel_2010_dropdowns_is_reviewed_in_place_and_keeps_them(plan: Path) -> None:
    rewrite_zip(plan, {"xl/worksheets/sheet6.xml": lambda data: data.replace(b"</worksheet>", X14_DROPDOWN)})
    actions = parts(plan)["xl/worksheets/sheet6.xml"]
    result = review(plan, "--month", MONTH)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith(
        f'Wrote the sheet "Review 2026-04" and the Review log to {plan} '
    )
    assert parts(plan)["xl/worksheets/sheet6.xml"] == actions
    assert not plan.with_name("plan.review-2026-04.xlsx").exists()


def test_formulas_that_feed_the_plan_keep_their_saved_results(tmp_path: Path) -> None:
    data = sample()
    data.rows["actuals"][0]["2025-02"] = FormulaValue("=1000+70")
    path = sample_plan(tmp_path / "plan.xlsx", data)
    rewrite_zip(
        path,
        {
            "xl/worksheets/sheet8.xml": lambda xml: xml.replace(
                b"<f>1000+70</f><v>0</v>", b"<f>1000+70</f><v>1070</v>"
            )
        },
    )
    grid = read_file(path)
    assert grid["Actuals"][1][3] == 1070
    result = review(path, "--month", "2025-03")
    assert result.exit_code == 0, result.output
    assert read_file(path)["Actuals"] == grid["Actuals"]
    assert not path.with_name("plan.review-2025-03.xlsx").exists()


def test_out_writes_a_review_workbook_and_adds_to_it_later(plan: Path, tmp_path: Path) -> None:
    original = plan.read_bytes()
    out = tmp_path / "reviews.xlsx"
    for month in ("2026-03", "2026-04", "2026-04"):
        result = review(plan, "--month", month, "--out", out)
        assert result.exit_code == 0, result.output
    assert plan.read_bytes() == original
    assert names(out) == ["Review 2026-03", "Review 2026-04", "Review log"]
    assert log_rows(out) == [(month, f"M{n}") for month in ("2026-03", "2026-04") for n in range(1, 11)]
    assert out.with_name("reviews.bak.xlsx").exists()


def test_out_must_be_an_xlsx(plan: Path, tmp_path: Path) -> None:
    result = review(plan, "--month", MONTH, "--out", tmp_path / "review.ods")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: --out {tmp_path / 'review.ods'}: "
        "the review is written as .xlsx; give a name ending in .xlsx\n"
    )


def test_a_bulgarian_plan_gets_a_bulgarian_review_replacing_an_english_one(tmp_path: Path) -> None:
    plan = example_plan(tmp_path, lang="bg")
    workbook = openpyxl.load_workbook(plan)
    workbook.create_sheet("Review 2026-04")
    workbook.save(plan)
    assert review(plan, "--month", MONTH).exit_code == 0
    assert names(plan)[-2:] == ["Преглед 2026-04", "Дневник на прегледите"]
    assert "Review 2026-04" not in names(plan)


def test_a_missing_plan_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = review(tmp_path / "nope.xlsx")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nope.xlsx'}: no such file\n"


def test_help_shows_runnable_examples() -> None:
    from click.testing import CliRunner

    from sheetplan.cli import cli

    text = CliRunner().invoke(cli, ["review", "--help"]).stdout
    assert "    sheetplan review plan.xlsx --dry-run\n" in text
    assert "--fail-on [at_risk|off_track]" in text


def test_review_of_an_unchanged_copy_matches(plan: Path, tmp_path: Path) -> None:
    copy = shutil.copy(plan, tmp_path / "copy.xlsx")
    assert review(copy, "--month", MONTH).exit_code == 0
    assert expected_json(Path(copy), MONTH) == expected_json(plan, MONTH)
