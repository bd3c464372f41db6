"""Helpers for the tests of `sheetplan review`: plans to review, the command, LibreOffice, zip surgery."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter
from click.testing import CliRunner, Result
from PIL import Image
from plan_builder import PlanData, plan_grid, write_workbook

from sheetplan import schema
from sheetplan.cli import cli
from sheetplan.load import load
from sheetplan.model import Month
from sheetplan.review_json import review_json
from sheetplan.source import read_source
from sheetplan.template import write_plan
from sheetplan.variance import build_review

START = Month(2026, 1)
TODAY = date(2026, 5, 14)
MONTH = Month(2026, 4)
"""The example plan written from START on TODAY has actual results for January to April 2026."""


def example_plan(folder: Path, lang: schema.Lang = "en", name: str = "plan.xlsx") -> Path:
    """The example plan, as `sheetplan init --example` writes it."""
    path = folder / name
    write_plan(path, start=START, months=12, lang=lang, example=True, today=TODAY)
    return path


def review(*arguments: str | Path, catch_exceptions: bool = True) -> Result:
    """Run `sheetplan review` with these arguments, as a user would (stdout and stderr apart)."""
    return CliRunner().invoke(cli, ["review", *map(str, arguments)], catch_exceptions=catch_exceptions)


def expected_json(path: Path, month: Month) -> dict[str, Any]:
    """What `review --json` must print: the review computed straight from the library."""
    plan, _ = load(read_source(str(path)), str(path))
    return json.loads(json.dumps(review_json(build_review(plan, month))))


def png(path: Path, colour: tuple[int, int, int] = (200, 40, 40)) -> Path:
    Image.new("RGB", (40, 24), colour).save(path)
    return path


def write_grid(
    path: Path, grid: dict[str, list[list[Any]]], extras: Callable[[xlsxwriter.Workbook], None] | None = None
) -> Path:
    """Write a Grid with XlsxWriter (as another program would), then let `extras` add to the workbook."""
    return write_workbook(path, grid, extras=extras)


def sample_plan(path: Path, data: PlanData, lang: schema.Lang = "en") -> Path:
    return write_grid(path, plan_grid(data, lang))


def rewrite_zip(path: Path, changes: dict[str, Callable[[bytes], bytes]]) -> Path:
    """Change members of a workbook's zip in place (a missing member is added from empty content)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name, change in changes.items():
        members[name] = change(members.get(name, b""))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path
