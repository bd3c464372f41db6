"""The JSON Schemas in docs/schemas/ describe what `check --json` and `review --json` really print.

Each test runs the real command line on a real workbook and validates its output. The published
schemas let objects carry keys they do not name, so that output of a later sheetplan still validates;
here they are also closed (no unnamed keys), so that a key sheetplan writes cannot go undocumented.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest
from bad_inputs import PLAN_CASES, BadInput
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from plan_builder import plan_grid, pretend_today, sample, set_cell, write_workbook

from sheetplan.cli import cli
from sheetplan.plan import schema
from sheetplan.plan.model import Severity

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def closed(node: Any) -> Any:
    """The schema with every object closed: a key it does not name is an error."""
    if isinstance(node, dict):
        node = {key: closed(value) for key, value in node.items()}
        if "required" in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [closed(value) for value in node]
    return node


def validator(name: str, *, strict: bool = True) -> Draft202012Validator:
    found = load_schema(name)
    return Draft202012Validator(
        closed(found) if strict else found, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def run(folder: Path, *arguments: str) -> Any:
    """What the command prints on stdout, as JSON; the command must exit with 0 or 1."""
    result = CliRunner().invoke(cli, [*arguments], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example, as `sheetplan init --example` writes it."""
    path = tmp_path_factory.mktemp("example") / "plan.xlsx"
    result = CliRunner().invoke(cli, ["init", "--example", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def example_review(example: Path) -> dict[str, Any]:
    return run(example.parent, "review", "--json", "--dry-run", str(example))


@pytest.mark.parametrize("name", ["check", "review"])
def test_the_schemas_are_draft_2020_12_schemas(name: str) -> None:
    """Each schema is a valid JSON Schema of draft 2020-12, open and closed."""
    found = load_schema(name)
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(found)
    Draft202012Validator.check_schema(closed(found))


def test_check_of_the_example_is_an_empty_list(example: Path) -> None:
    """`check --json` of the worked example is `[]`, which the schema accepts."""
    problems = run(example.parent, "check", "--json", str(example))
    assert problems == []
    validator("check").validate(problems)


@pytest.mark.parametrize("case", PLAN_CASES, ids=[case.id for case in PLAN_CASES])
def test_check_of_a_plan_with_problems_validates(
    case: BadInput, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check --json` of each plan in bad_inputs lists at least one problem, and the schema accepts it."""
    case.build(tmp_path)
    monkeypatch.chdir(tmp_path)
    pretend_today(monkeypatch)
    problems = run(tmp_path, "check", "--json", case.source)
    assert problems
    validator("check").validate(problems)


def test_check_of_a_bulgarian_plan_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems on a Bulgarian workbook name its own sheets, and the schema accepts them."""
    grid = set_cell(plan_grid(sample(), "bg"), "Показатели", "F3", "нагоре-надолу")
    write_workbook(tmp_path / "план.xlsx", grid)
    pretend_today(monkeypatch)
    problems = run(tmp_path, "check", "--json", str(tmp_path / "план.xlsx"))
    assert {problem["sheet"] for problem in problems} == {"Показатели"}
    validator("check").validate(problems)


def test_review_of_the_example_validates(example_review: dict[str, Any]) -> None:
    """`review --json --dry-run` of the worked example, with metrics at every status, validates."""
    statuses = {metric["month"]["status"] for metric in example_review["metrics"]}
    assert {"on_track", "at_risk", "off_track"} <= statuses
    assert example_review["actions_overdue"]
    validator("review").validate(example_review)


AFTER_THE_PLAN = date(2025, 7, 15)


@pytest.mark.parametrize("month", ["2025-01", "2025-03", "2025-06"])
@pytest.mark.parametrize("lang", ["en", "bg"])
def test_review_of_a_small_plan_validates(
    month: str, lang: schema.Lang, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviews of a small plan in either language, in months with and without actual results, validate."""
    write_workbook(tmp_path / "plan.xlsx", plan_grid(sample(), lang))
    # After the plan's last month, so that every month can be reviewed.
    pretend_today(monkeypatch, AFTER_THE_PLAN)
    review = run(tmp_path, "review", "--json", "--dry-run", "--month", month, str(tmp_path / "plan.xlsx"))
    validator("review").validate(review)


def test_a_month_without_actuals_is_no_data_with_null_variances(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A month with no actual results validates as no_data with null actual and variances."""
    write_workbook(tmp_path / "plan.xlsx", plan_grid(sample()))
    pretend_today(monkeypatch, AFTER_THE_PLAN)
    review = run(tmp_path, "review", "--json", "--dry-run", "--month", "2025-06", str(tmp_path / "plan.xlsx"))
    month = review["metrics"][0]["month"]
    assert (month["actual"], month["variance"], month["variance_pct"], month["status"]) == (
        None,
        None,
        None,
        "no_data",
    )
    validator("review").validate(review)


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return changed


WRONG = {
    "an unknown status": (("metrics", 0, "month", "status"), "late"),
    "a variance as text": (("metrics", 0, "month", "variance"), "30"),
    "a variance without a status": (("metrics", 0, "month", "status"), "no_data"),
    "a month not in YYYY-MM": (("month",), "November 2026"),
    "no month": (("month",), KeyError),
    "a count below zero": (("goals", 0, "actions", "open"), -1),
    "a done action listed as overdue": (("actions_overdue", 0, "status"), "done"),
    "a direction in Bulgarian": (("metrics", 0, "direction"), "нагоре"),
}


@pytest.mark.parametrize("wrong", WRONG, ids=list(WRONG))
def test_the_schema_rejects_a_wrong_review(example_review: dict[str, Any], wrong: str) -> None:
    """A review with one value wrong does not validate, open or closed."""
    path, value = WRONG[wrong]
    document = _set(example_review, path, value)
    for strict in (False, True):
        with pytest.raises(ValidationError):
            validator("review", strict=strict).validate(document)


def test_the_schema_rejects_a_wrong_problem() -> None:
    """A problem with an unknown severity or no code does not validate."""
    problem = {"severity": "error", "sheet": "Actions", "cell": "Actions!E7", "code": "x", "message": "m"}
    validator("check").validate([problem])
    for wrong in ({**problem, "severity": "fatal"}, {key: problem[key] for key in problem if key != "code"}):
        with pytest.raises(ValidationError):
            validator("check").validate([wrong])


def test_keys_added_later_are_accepted(example_review: dict[str, Any]) -> None:
    """The published schema accepts keys it does not name (a later sheetplan may add them); closed, not."""
    document = _set(example_review, ("metrics", 0, "forecast_next_month"), 1200)
    document["comments"] = []
    validator("review", strict=False).validate(document)
    with pytest.raises(ValidationError):
        validator("review").validate(document)


def test_a_forced_review_keeps_a_typed_direction_that_does_not_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --force, a direction check refuses is carried as typed, which the schema rejects."""
    write_workbook(tmp_path / "plan.xlsx", set_cell(plan_grid(sample()), "Metrics", "F2", "sideways"))
    pretend_today(monkeypatch)
    review = run(tmp_path, "review", "--json", "--dry-run", "--force", str(tmp_path / "plan.xlsx"))
    assert review["metrics"][0]["direction"] == "sideways"
    with pytest.raises(ValidationError):
        validator("review", strict=False).validate(review)


def _enum(name: str, *path: str) -> list[Any]:
    node: Any = load_schema(name)
    for step in path:
        node = node[step]
    return list(node["enum"])


def test_the_enumerations_are_the_workbook_schemas() -> None:
    """Statuses, directions, aggregations and answers are the values of sheetplan.plan.schema."""
    metric = ("$defs", "metric", "properties")
    action_status = [value for value in schema.ACTION_STATUS.values if value not in schema.DONE_STATUSES]
    assert _enum("review", "$defs", "status") == list(schema.STATUS.values)
    assert _enum("review", *metric, "direction") == [*schema.DIRECTION.values, None]
    assert _enum("review", *metric, "aggregation") == [*schema.AGGREGATION.values, None]
    assert _enum("review", "$defs", "action", "properties", "status") == [*action_status, None]
    assert _enum("review", "$defs", "assumption", "properties", "still_true") == [
        *schema.STILL_TRUE.values,
        None,
    ]
    assert _enum("check", "$defs", "problem", "properties", "severity") == list(get_args(Severity))


def test_the_examples_in_json_md_validate() -> None:
    """The two examples on docs/json.md, the problems and the review, validate against their schemas."""
    text = (SCHEMAS.parent / "json.md").read_text(encoding="utf-8")
    blocks = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, flags=re.S)]
    assert [type(block) for block in blocks] == [list, dict]
    validator("check").validate(blocks[0])
    validator("review").validate(blocks[1])
