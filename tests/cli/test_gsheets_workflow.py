"""The monthly routine on a Google Sheet, end to end, and what each command costs in requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from gsheets_support import big_plan, calls, create_plan, run
from plan_builder import plan_grid, pretend_today, write_workbook
from review_support import example_plan
from sheets_fake import SheetsFake

REQUESTS = {
    "check": ["GET metadata", "GET /values:batchGet"],
    "review": ["GET metadata", "GET /values:batchGet", "POST :batchUpdate"],
    "review --dry-run": ["GET metadata", "GET /values:batchGet"],
    "push": ["GET metadata", "POST :batchUpdate"],
    "pull": ["GET metadata", "GET /values:batchGet"],
}


def test_push_type_actuals_check_review_and_pull(
    tmp_path: Path, sheets_api: SheetsFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_today(monkeypatch, date(2026, 6, 3))  # May is over, and its results are typed below
    plan = example_plan(tmp_path)
    key = sheets_api.create("Lazur Coffee plan", {"Sheet1": []})
    source = f"gsheet:{key}"
    assert run("push", plan, source).exit_code == 0

    # Before anyone types, the sheet reviews exactly like the workbook it came from.
    before = run("review", source, "--month", "2026-04", "--json", "--dry-run")
    assert before.stdout == run("review", plan, "--month", "2026-04", "--json", "--dry-run").stdout

    # May's results, typed into the Actuals tab as people type them.
    metrics = [row[0] for row in sheets_api.values(key, "Actuals")[1:]]
    typed = [[f"{1000 + 37 * number:,}"] for number in range(len(metrics))]
    sheets_api.set_values(key, f"Actuals!G2:G{len(metrics) + 1}", typed)

    checked = run("check", source)
    assert (checked.exit_code, checked.stdout) == (0, f"{source}: no problems found.\n")
    reviewed = run("review", source, "--month", "2026-05", "--json")
    assert reviewed.exit_code == 0, reviewed.output
    assert reviewed.stderr == f"Wrote Review 2026-05 to Google Sheet {key}.\n"
    copy = tmp_path / "plan-2026-05.xlsx"
    assert run("pull", source, copy).exit_code == 0

    offline = run("review", copy, "--month", "2026-05", "--json", "--dry-run")
    assert offline.stdout == reviewed.stdout
    may = {metric["id"]: metric["month"]["actual"] for metric in json.loads(reviewed.stdout)["metrics"]}
    assert may == {metric: 1000 + 37 * number for number, metric in enumerate(metrics)}
    assert [row[0] for row in sheets_api.values(key, "Review log")[1:]] == ["2026-05"] * len(metrics)


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(10, id="10 metrics"),
        # Most of its 15 s is the fake applying the review's 80,000 cell updates one by one.
        pytest.param(2000, id="2000 metrics", marks=pytest.mark.slow),
    ],
)
def plan_of_size(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SheetsFake, str, Path]]:
    """A fake holding a plan of that many metrics, and the same plan as a workbook, for one module."""
    data = big_plan(request.param)
    folder = tmp_path_factory.mktemp("plans")
    with SheetsFake() as fake, pytest.MonkeyPatch.context() as patch:
        patch.setenv("SHEETPLAN_SHEETS_EMULATOR_HOST", fake.host)
        yield (
            fake,
            create_plan(fake, data, size=(request.param + 50, 26)),
            write_workbook(folder / "plan.xlsx", plan_grid(data)),
        )


@pytest.mark.parametrize("command", REQUESTS)
def test_requests_do_not_grow_with_the_plan(
    command: str, plan_of_size: tuple[SheetsFake, str, Path], tmp_path: Path
) -> None:
    fake, key, workbook = plan_of_size
    source = f"gsheet:{key}"
    arguments = {
        "check": ["check", source],
        "review": ["review", source, "--month", "2025-03"],
        "review --dry-run": ["review", source, "--month", "2025-03", "--dry-run"],
        "push": ["push", workbook, f"gsheet:{fake.create('New plan', {'Sheet1': []})}"],
        "pull": ["pull", source, tmp_path / "copy.xlsx"],
    }[command]
    fake.reset_requests()

    result = run(*arguments)

    assert result.exit_code == 0, result.output
    assert calls(fake) == REQUESTS[command]
