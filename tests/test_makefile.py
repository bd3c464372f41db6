"""`make demo` as a new user runs it: the example plan reviewed, and the real review sheet named."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl

from sheetplan.review.variance import default_review_month

REPO = Path(__file__).resolve().parents[1]


def test_make_demo_imports_the_exports_reviews_the_example_and_names_the_review_sheet(
    tmp_path: Path,
) -> None:
    example = tmp_path / "examples" / "plan.xlsx"
    bin_folder = Path(sys.executable).parent
    # The recipe's commands, without the set-up of a virtual environment that this one already is.
    planned = subprocess.run(
        ["make", "-s", "-n", "-C", str(REPO), "demo", f"EXAMPLE={example}", f"BIN={bin_folder}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = "\n".join(
        line for line in planned.split("\n") if "pip install" not in line and "touch" not in line
    )
    done = subprocess.run(["bash", "-ec", commands], capture_output=True, text=True, check=True, cwd=tmp_path)
    sheet = f"Review {default_review_month(date.today())}"
    assert done.stdout.splitlines()[-1] == (
        f'Open {example}: the sheet "{sheet}", after the sheets of the plan,'
        " is the agenda of the monthly meeting."
    )
    book = openpyxl.load_workbook(example, read_only=True)
    assert sheet in book.sheetnames
    # The month reviewed came in from the exports: the import filled its actuals and logged them.
    assert "7 filled" in done.stdout
    logged = [row for row in book["Import log"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert {row[1] for row in logged} == {"M1", "M2", "M3", "M5", "M6", "M8", "M9"}
