"""The reviewed workbook in a real spreadsheet program: LibreOffice opens, re-saves and prints it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from libreoffice import convert, needs_libreoffice
from review_support import MONTH, example_plan, review

from sheetplan.plan.schema import STATUS, Lang
from sheetplan.read.source import read_file
from sheetplan.review.log import parse_log

pytestmark = needs_libreoffice

FIGURES = ("forecast", "actual", "variance", "variance_pct", "status")


def reviewed(folder: Path, lang: Lang = "en") -> tuple[Path, dict[str, Any]]:
    plan = example_plan(folder, lang)
    result = review(plan, "--month", MONTH, "--json")
    assert result.exit_code == 0, result.output
    return plan, json.loads(result.stdout)


def table(worksheet: Any, header: str) -> list[list[Any]]:
    """The rows under the header row whose first cell is `header`, up to the first blank first cell."""
    rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    start = next(index for index, row in enumerate(rows) if row and row[0] == header) + 1
    found = []
    for row in rows[start:]:
        if row[0] in (None, ""):
            break
        found.append(row)
    return found


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_libreoffice_resaves_the_review_and_its_numbers_are_the_jsons(tmp_path: Path, lang: Lang) -> None:
    plan, expected = reviewed(tmp_path, lang)
    resaved = convert(plan, "xlsx", tmp_path)
    grid = read_file(resaved)
    log = parse_log(
        next(rows for name, rows in grid.items() if name in ("Review log", "Дневник на прегледите"))
    )
    assert [(str(row.month), row.metric_id) for row in log] == [
        ("2026-04", m["id"]) for m in expected["metrics"]
    ]
    for row, metric in zip(log, expected["metrics"], strict=True):
        month = metric["month"]
        assert (row.forecast, row.actual, row.variance, row.variance_pct, row.status) == tuple(
            month[key] for key in FIGURES
        )

    sheet = openpyxl.load_workbook(resaved, data_only=True)[
        "Review 2026-04" if lang == "en" else "Преглед 2026-04"
    ]
    rows = table(sheet, "Metric ID" if lang == "en" else "ID на показател")
    assert [row[0] for row in rows] == [metric["id"] for metric in expected["metrics"]]
    for row, metric in zip(rows, expected["metrics"], strict=True):
        for first, figures in ((4, metric["month"]), (9, metric["ytd"])):
            shown = [*row[first : first + 4], STATUS.match(str(row[first + 4]))]
            assert shown == [figures[key] for key in FIGURES], metric["id"]


def test_libreoffice_prints_the_review(tmp_path: Path) -> None:
    plan, _ = reviewed(tmp_path)
    pdf = convert(plan, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read the PDF's text")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Monthly review: April 2026", "Agenda", "Off-track metrics", "Decisions and plan changes"):
        assert words in text


def test_a_plan_libreoffice_saved_is_reviewed_in_place(tmp_path: Path) -> None:
    resaved = convert(example_plan(tmp_path), "xlsx", tmp_path)
    result = review(resaved, "--month", MONTH)
    assert result.exit_code == 0, result.output
    assert "was left as it is" not in result.stdout
    assert openpyxl.load_workbook(resaved, read_only=True).sheetnames[-2:] == ["Review 2026-04", "Review log"]


def test_an_ods_plan_gets_its_review_beside_it(tmp_path: Path) -> None:
    (tmp_path / "xlsx").mkdir()
    _, expected = reviewed(tmp_path / "xlsx")
    ods = convert(example_plan(tmp_path), "ods", tmp_path)
    original = ods.read_bytes()
    result = review(ods, "--month", MONTH)
    assert result.exit_code == 0, result.output
    beside = ods.with_name("plan.review-2026-04.xlsx")
    assert result.stdout.splitlines()[-2:] == [
        f"{ods} was left as it is: it is an OpenDocument spreadsheet (.ods), "
        "which sheetplan reads but does not write.",
        f'Wrote the sheet "Review 2026-04" and the Review log to {beside} instead.',
    ]
    assert ods.read_bytes() == original
    assert json.loads(review(ods, "--month", MONTH, "--json", "--dry-run").stdout) == expected


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_review_prints_on_a4_landscape_with_no_role_cut_off(tmp_path: Path, lang: Lang) -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext and pdfinfo (poppler-utils) are not installed to read the PDF")
    plan = example_plan(tmp_path, lang)
    alone = tmp_path / "review.xlsx"
    assert review(plan, "--month", MONTH, "--out", alone).exit_code == 0
    pdf = convert(alone, "pdf", tmp_path)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True).stdout
    sizes = {
        tuple(round(float(number)) for number in line.split(":", 1)[1].split("pts")[0].split(" x "))
        for line in info.splitlines()
        if line.startswith("Page") and "size" in line
    }
    # The review's pages are A4 landscape (842 × 595 points), the Review log's A4 portrait.
    assert sizes == {(842, 595), (595, 842)}, sizes
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    roles = [owner.role for owner in read_plan_owners(plan)]
    assert len(roles) == 5 and all(role and role in text for role in roles), roles


def read_plan_owners(path: Path) -> list[Any]:
    from sheetplan.read.load import load

    plan, _ = load(read_file(path), str(path))
    return list(plan.owners)
