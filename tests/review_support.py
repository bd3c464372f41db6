"""Helpers for the tests of `sheetplan review`: plans to review, the command, its JSON, a picture to add."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from PIL import Image
from plan_builder import PlanData, plan_grid, write_workbook
from template_support import write

from sheetplan.cli import cli
from sheetplan.plan import schema
from sheetplan.plan.model import Month
from sheetplan.read.load import load
from sheetplan.read.source import read_file
from sheetplan.review.as_json import review_json
from sheetplan.review.variance import build_review

MONTH = Month(2026, 4)
"""The example plan of `template_support` has actual results for January to April 2026."""


def example_plan(folder: Path, lang: schema.Lang = "en", name: str = "plan.xlsx") -> Path:
    """The example plan, as `sheetplan init --example` writes it."""
    return write(folder, lang=lang, example=True, name=name)


def review(*arguments: str | Path, catch_exceptions: bool = True) -> Result:
    """Run `sheetplan review` with these arguments, as a user would (stdout and stderr apart)."""
    return CliRunner().invoke(cli, ["review", *map(str, arguments)], catch_exceptions=catch_exceptions)


def expected_json(path: Path, month: Month) -> dict[str, Any]:
    """What `review --json` must print: the review computed straight from the library."""
    plan, _ = load(read_file(path), str(path))
    return json.loads(json.dumps(review_json(build_review(plan, month))))


def png(path: Path, colour: tuple[int, int, int] = (200, 40, 40)) -> Path:
    Image.new("RGB", (40, 24), colour).save(path)
    return path


def sample_plan(path: Path, data: PlanData, lang: schema.Lang = "en") -> Path:
    return write_workbook(path, plan_grid(data, lang))
