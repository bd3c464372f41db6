"""`sheetplan import` as a team runs it: the example's exports into its workbook and its Google Sheet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from gsheets_support import calls, run
from sheets_fake import SheetsFake

from sheetplan.api import write_plan
from sheetplan.plan.model import Month
from sheetplan.template.example_exports import FED

TODAY = date(2026, 12, 1)
"""The example then has actual results for August to November; November comes from the exports."""


@pytest.fixture
def exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Path], Path]:
    """The example plan with November's fed actuals left empty, its exports, and the full example."""
    from plan_builder import pretend_today

    pretend_today(monkeypatch, TODAY)
    plan, full = tmp_path / "plan.xlsx", tmp_path / "full" / "plan.xlsx"
    write_plan(plan, example=True, exports=tmp_path / "exports", today=TODAY)
    full.parent.mkdir()
    write_plan(full, example=True, today=TODAY)
    return plan, sorted((tmp_path / "exports").iterdir()), full


def ga4_file(files: list[Path]) -> Path:
    return next(path for path in files if path.name == "ga4.csv")


def review_json(source: Path | str) -> dict:
    result = run("review", source, "--month", "2026-11", "--json", "--dry-run")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def actuals(path: Path, sheet: str = "Actuals") -> list[tuple]:
    return list(openpyxl.load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))


def test_the_exports_fill_the_month_so_that_the_review_is_the_examples_own(exported: tuple) -> None:
    plan, files, full = exported
    result = run("import", plan, *files)
    assert result.exit_code == 0, result.output
    assert "7 filled" in result.stdout and "Posts   58 added, 0 updated" in result.stdout
    assert "are lifetime totals as of the day they were downloaded" in result.stdout
    # The example's Sources count LinkedIn's posts too, and its exports hold none.
    assert "No file of LinkedIn content was given: the Sources rows that take from them gave nothing." in (
        result.stdout
    )
    assert review_json(plan)["metrics"] == review_json(full)["metrics"]
    log = actuals(plan, "Import log")
    assert log[0] == ("Month", "Metric ID", "Value", "Cell", "Files", "SHA-256", "Exports")
    assert sorted(row[1] for row in log[1:]) == sorted(FED)
    ga4 = next(row for row in log if row[1] == "M1")
    assert ga4[3:] == ("Actuals!F2", "ga4.csv", ga4[5], "GA4") and len(ga4[5]) == 64
    posts = actuals(plan, "Posts")
    assert len(posts) == 59 and {row[0] for row in posts[1:]} == {"Facebook", "Instagram", "X"}


def test_importing_the_same_files_again_changes_nothing(exported: tuple) -> None:
    plan, files, _ = exported
    assert run("import", plan, *files).exit_code == 0
    before = plan.read_bytes()
    again = run("import", plan, *files, "--json")
    assert again.exit_code == 0
    assert {change["state"] for change in json.loads(again.stdout)} == {"unchanged"}
    assert plan.read_bytes() == before
    said = run("import", plan, *files).stdout
    assert "Nothing to change" in said and "lifetime totals" not in said


def test_a_number_someone_typed_is_a_conflict_until_overwrite(exported: tuple) -> None:
    plan, files, _ = exported
    book = openpyxl.load_workbook(plan)
    book["Actuals"]["F2"] = 1000  # M1's November, typed by hand
    book.save(plan)
    dry = run("import", plan, *files, "--json", "--dry-run")
    before = plan.read_bytes()
    first = json.loads(dry.stdout)[0]
    assert first == {
        "metric": "M1",
        "month": "2026-11",
        "old": 1000,
        "new": first["new"],
        "files": [str(ga4_file(files))],
        "state": "conflict",
    }
    assert plan.read_bytes() == before
    kept = run("import", plan, *files)
    assert "6 filled, 1 conflict" in kept.stdout and "Use --overwrite" in kept.stdout
    assert actuals(plan)[1][5] == 1000
    overwritten = run("import", plan, *files, "--overwrite", "--json")
    assert [c["state"] for c in json.loads(overwritten.stdout) if c["metric"] == "M1"] == ["updated"]
    assert actuals(plan)[1][5] == first["new"]


def test_a_file_that_is_no_export_stops_the_import_with_the_plan_unchanged(exported: tuple) -> None:
    plan, files, _ = exported
    junk = files[0].parent / "notes.csv"
    junk.write_text("Just,some\nwords,here\n", encoding="utf-8")
    before = plan.read_bytes()
    result = run("import", plan, *files, junk)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {junk}: ") and result.stderr.count("\n") == 1
    assert plan.read_bytes() == before


def test_a_problem_on_a_sheet_import_does_not_go_by_does_not_stop_it(exported: tuple) -> None:
    plan, files, full = exported
    book = openpyxl.load_workbook(plan)
    book["Actions"]["G2"] = "not a date"
    book["Goals"]["A3"] = book["Goals"]["A2"].value
    book.save(plan)
    assert run("check", plan).exit_code == 1
    result = run("import", plan, *files)
    assert result.exit_code == 0, result.output
    assert actuals(plan) == actuals(full)


def test_a_ratio_comes_in_points_when_its_forecasts_are_points_and_only_then_are_they_read(
    exported: tuple,
) -> None:
    from sheetplan.api.imports import read_for_import
    from sheetplan.xlsx.fill import fill

    plan, files, __ = exported
    assert read_for_import(str(plan), TODAY).plan.forecasts == {}
    # M4, the engagement rate, has forecasts of 3.2 to 3.6 (percentage points).
    row = 1 + sum(1 for cells in actuals(plan, "Sources") if cells[0] is not None)
    fill(plan, {"Sources": {(row, 1): "M4", (row, 2): "GA4", (row, 3): "Transactions / Sessions"}})
    assert read_for_import(str(plan), TODAY).plan.forecasts["M4"][Month(2026, 11)] > 1
    # The example's owner typed November's rate: the import takes its place.
    result = run("import", plan, ga4_file(files), "--overwrite")
    assert result.exit_code == 0, result.output
    with ga4_file(files).open(encoding="utf-8") as table:
        rows = list(csv.DictReader(line for line in table if line.strip() and not line.startswith("#")))
    ratio = sum(int(row["Transactions"]) for row in rows) / sum(int(row["Sessions"]) for row in rows)
    engagement = next(row for row in actuals(plan) if row[0] == "M4")
    assert engagement[actuals(plan)[0].index("2026-11")] == round(100 * ratio, 6)


def test_formats_lists_every_kind_with_its_columns() -> None:
    result = run("import", "--formats")
    assert result.exit_code == 0
    assert "Meta posts (lists posts)" in result.stdout and "Value: Sessions" not in result.stdout
    assert "GA4\n  a CSV that starts with" in result.stdout


def test_without_exports_the_command_says_what_it_needs() -> None:
    result = run("import", "plan.xlsx")
    assert result.exit_code == 2 and "at least one export file, or --formats" in result.stderr


def test_a_google_sheet_gets_the_same_actuals_in_one_batch_update(
    exported: tuple, sheets_api: SheetsFake
) -> None:
    plan, files, _ = exported
    key = sheets_api.create("Lazur Coffee plan", {"Sheet1": []})
    assert run("push", plan, f"gsheet:{key}").exit_code == 0
    sheets_api.requests.clear()
    result = run("import", f"gsheet:{key}", *files)
    assert result.exit_code == 0, result.output
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet", "POST :batchUpdate"]
    assert run("import", plan, *files).exit_code == 0
    assert review_json(f"gsheet:{key}")["metrics"] == review_json(plan)["metrics"]
    assert len(sheets_api.values(key, "Posts")) == 59
    again = run("import", f"gsheet:{key}", *files, "--json")
    assert {change["state"] for change in json.loads(again.stdout)} == {"unchanged"}


def _binary(folder: Path) -> Path:
    (folder / "photo.csv").write_bytes(bytes(range(256)) * 64)
    return folder / "photo.csv"


def _cut_short(folder: Path) -> Path:
    data = (folder / "x-posts.csv").read_bytes()
    (folder / "x-short.csv").write_bytes(data[: len(data) // 2] + b'"unfinished')
    return folder / "x-short.csv"


def _bomb(folder: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(folder / "search.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Dates.csv", b"Date,Clicks,Impressions,CTR,Position\n" + b"0" * (80 * 2**20))
    return folder / "search.zip"


def _other_year(folder: Path) -> Path:
    text = (folder / "ga4.csv").read_text(encoding="utf-8").replace("2026", "2019")
    (folder / "ga4-2019.csv").write_text(text, encoding="utf-8")
    return folder / "ga4-2019.csv"


def _no_sessions(folder: Path) -> Path:
    text = (folder / "ga4.csv").read_text(encoding="utf-8").replace(",Sessions,", ",Visits,")
    (folder / "ga4-renamed.csv").write_text(text, encoding="utf-8")
    return folder / "ga4-renamed.csv"


def _unreadable_number(folder: Path) -> Path:
    lines = (folder / "inbox-and-followers.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",a few"
    (folder / "inbox.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "inbox.csv"


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_binary, "photo.csv: "),
        (_cut_short, "x-short.csv: row "),
        (_bomb, "search.zip"),
        (_other_year, 'ga4-2019.csv: row 11, column "Date": 2019-11-01 is outside the plan'),
        (_no_sessions, 'ga4-renamed.csv: has no column "Sessions", which the Sources row'),
        (_unreadable_number, 'inbox.csv: row 4, column "Unanswered": "a few" is not a number'),
    ],
    ids=["binary", "cut-short", "zip-bomb", "another-year", "column-missing", "unreadable-number"],
)
def test_bad_input_is_one_line_naming_the_file_exit_2_and_the_plan_byte_for_byte_as_it_was(
    exported: tuple, make: Callable[[Path], Path], says: str
) -> None:
    plan, files, _ = exported
    bad = make(files[0].parent)
    before = plan.read_bytes()
    # A file made from another stands in for it: a GA4 table without Sessions is no error beside one with.
    given = [path for path in files if not bad.name.startswith(path.stem)]
    result = run("import", plan, *given, bad)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {bad.parent}/{says}") or says in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert plan.read_bytes() == before


def test_a_bulgarian_plan_takes_the_same_import_and_is_told_its_own_sheet_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plan_builder import pretend_today

    pretend_today(monkeypatch, TODAY)
    plan = tmp_path / "план.xlsx"
    write_plan(plan, example=True, lang="bg", exports=tmp_path / "exports", today=TODAY)
    result = run("import", plan, *sorted((tmp_path / "exports").iterdir()))
    assert result.exit_code == 0, result.output
    assert "Резултати  7 попълнено" in result.stdout
    assert f"Записани са Резултати, Публикации и Дневник на импорта в {plan}" in result.stdout
    assert "Дневник на импорта" in openpyxl.load_workbook(plan, read_only=True).sheetnames
    english = run("import", plan, *sorted((tmp_path / "exports").iterdir()), "--lang", "en")
    assert f"Nothing to change in {plan}." in english.stdout


def test_formats_speak_the_language_of_the_environment_or_of_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "bg_BG.UTF-8")
    assert "Meta posts (с публикации)" in run("import", "--formats").stdout
    assert "Meta posts (lists posts)" in run("import", "--formats", "--lang", "en").stdout
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "Meta posts (lists posts)" in run("import", "--formats").stdout
