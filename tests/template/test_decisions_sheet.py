"""The Decisions sheet of a new plan: its dropdowns in both languages, the Guide on it, the example's rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from template_support import headers, load, validation_for, write

from sheetplan.plan.presets import load_preset
from sheetplan.plan.schema import DECISION_STATUS, DECISIONS, LANGS, Lang
from sheetplan.read.load import load as load_plan
from sheetplan.read.source import read_file


@pytest.mark.parametrize("lang", LANGS)
def test_decisions_offers_the_owners_and_the_statuses(tmp_path: Path, lang: Lang) -> None:
    path = write(tmp_path, lang=lang)
    worksheet = load(path)[DECISIONS.name(lang)]
    assert headers(worksheet) == [column.header(lang) for column in DECISIONS.columns]
    assert validation_for(worksheet, "C2").formula1 == "OwnerList"
    assert validation_for(worksheet, "E2").formula1 == '"' + ",".join(DECISION_STATUS.labels(lang)) + '"'
    assert validation_for(worksheet, "F2").formula1 == "MetricList"
    prose = load_preset("guide")[lang]
    texts = [cell.value for row in load(path).worksheets[0].iter_rows() for cell in row if cell.value]
    assert prose["sheets"]["decisions"] in texts
    plan, problems = load_plan(read_file(path), str(path))
    assert (plan.decisions, problems) == ((), [])


def test_the_example_holds_decisions_of_the_months_it_has_reviewed(tmp_path: Path) -> None:
    path = write(tmp_path, example=True)
    plan, problems = load_plan(read_file(path), str(path))
    assert problems == []
    found = [
        (str(item.month), item.owner, item.due, item.status, item.metric_id, item.action_id)
        for item in plan.decisions
    ]
    assert found == [
        ("2026-01", "Georgi Dimitrov", None, "dropped", "", "A8"),
        ("2026-02", "Petya Stoyanova", date(2026, 3, 15), "done", "", ""),
        ("2026-02", "Maria Ivanova", date(2026, 4, 15), "open", "M3", "A13"),
        ("2026-03", "Elena Georgieva", date(2026, 4, 30), "open", "M3", ""),
    ]
