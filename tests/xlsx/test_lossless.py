"""A review loses nothing of what Excel files carry: each feature of the corpus, reviewed twice in place.

After each review, every part of the plan that a review does not own is byte for byte as it was (only
the selected sheet loses its `tabSelected`), the package is sound, the review sheet and the Review log
read back right, and openpyxl and LibreOffice open the file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from excel_corpus.checks import package_faults, resave
from excel_features import ALL_COMBINABLE, EXAMPLE_DAY, FEATURES, parts_of, plan_with
from libreoffice import needs_libreoffice
from plan_builder import pretend_today
from review_support import review

from sheetplan.api import read_plan
from sheetplan.read.source import read_file
from sheetplan.review.log import parse_log
from sheetplan.xlsx.book import read_book
from sheetplan.xlsx.opc import relationships, rels_name
from sheetplan.xlsx.package import Package

CHANGED_BY_A_REVIEW = {
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
    "xl/workbook.xml",
    "xl/styles.xml",
    "docProps/app.xml",
}
"""The plan's own parts a review may change, besides the selected sheet's `tabSelected`."""
MONTHS = ("2026-10", "2026-11")


def reviewed_twice(path: Path) -> None:
    """Review the plan twice in place, checking after each review that the rest of it is as it was."""
    for month in MONTHS:
        before, ours = parts_of(path), owned(path)
        result = review(path, "--month", month)
        assert result.exit_code == 0, result.output
        assert not path.with_name(f"{path.stem}.review-{month}.xlsx").exists()
        assert_kept(before, parts_of(path), ours)


def owned(path: Path) -> set[str]:
    """The parts of the review sheets and the Review log, with their drawings and charts."""
    found: set[str] = set()
    with Package(path, str(path)) as package:
        todo = [sheet.part for sheet in read_book(package).sheets if sheet.name.startswith("Review ")]
        while todo:
            part = todo.pop()
            found |= {part, rels_name(part)}
            if rels_name(part) in package:
                todo += [link.target for link in relationships(package.read(rels_name(part)), part)]
    return found


def assert_kept(before: dict[str, bytes], after: dict[str, bytes], ours: set[str]) -> None:
    for name, data in before.items():
        if name in CHANGED_BY_A_REVIEW or name in ours:
            continue
        assert name in after, f"{name} is gone"
        if after[name] != data:
            # A user's sheet may change in one attribute only: it is no longer the selected one.
            assert after[name] == data.replace(b' tabSelected="1"', b"", 1), f"{name} changed"
    assert package_faults(after) == []


def assert_reviews_read_back(path: Path) -> None:
    grid = read_file(path)
    log = parse_log(grid["Review log"])
    assert sorted({str(row.month) for row in log}) == list(MONTHS)
    assert len(log) == 20
    names = openpyxl.load_workbook(path, read_only=True, keep_links=True).sheetnames
    assert [name for name in names if name.startswith("Review")] == [
        "Review 2026-10",
        "Review 2026-11",
        "Review log",
    ]


@pytest.mark.parametrize("feature", list(FEATURES))
def test_each_feature_survives_two_reviews_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, feature: str
) -> None:
    pretend_today(monkeypatch, EXAMPLE_DAY)
    path = plan_with(tmp_path, feature)
    plan = read_plan(str(path), EXAMPLE_DAY).plan
    reviewed_twice(path)
    assert_reviews_read_back(path)
    assert read_plan(str(path), EXAMPLE_DAY).plan == plan


def test_a_plan_with_everything_survives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_today(monkeypatch, EXAMPLE_DAY)
    path = plan_with(tmp_path, *ALL_COMBINABLE)
    assert path.suffix == ".xlsm"
    plan = read_plan(str(path), EXAMPLE_DAY).plan
    original = parts_of(path)
    reviewed_twice(path)
    assert_reviews_read_back(path)
    assert read_plan(str(path), EXAMPLE_DAY).plan == plan
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.read("xl/vbaProject.bin") == original["xl/vbaProject.bin"]


@needs_libreoffice[0]
@needs_libreoffice[1]
@pytest.mark.slow
def test_libreoffice_opens_every_reviewed_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_today(monkeypatch, EXAMPLE_DAY)
    paths = [plan_with(tmp_path, *ALL_COMBINABLE)] + [plan_with(tmp_path, name) for name in FEATURES]
    for path in paths:
        for month in MONTHS:
            assert review(path, "--month", month).exit_code == 0
    plan = read_plan(str(paths[0]), EXAMPLE_DAY).plan
    for path, resaved in resave(paths, tmp_path).items():
        assert read_plan(str(resaved), EXAMPLE_DAY).plan.metrics == plan.metrics, path.name
        names = openpyxl.load_workbook(resaved, read_only=True).sheetnames
        assert {"Review 2026-10", "Review 2026-11", "Review log"} <= set(names), path.name
