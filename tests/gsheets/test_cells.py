"""Cells as the Sheets API takes them: values, number formats and date serial numbers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from sheetplan.gsheets.cells import date_format, entered_value, number_format, serial
from sheetplan.plan.model import CellValue, ErrorValue, FormulaValue


@pytest.mark.parametrize(
    ("value", "entered"),
    [
        ("Post case studies", {"stringValue": "Post case studies"}),
        ('=HYPERLINK("http://example.com")', {"stringValue": '=HYPERLINK("http://example.com")'}),
        ("'quoted", {"stringValue": "'quoted"}),
        (1200.0, {"numberValue": 1200}),
        (0.1, {"numberValue": 0.1}),
        (True, {"boolValue": True}),
        (date(2026, 1, 1), {"numberValue": 46023}),
        (datetime(2026, 1, 1, 12, 0), {"numberValue": 46023.5}),
        (ErrorValue("#N/A"), {"stringValue": "#N/A"}),
        (FormulaValue("=SUM(C2:C4)"), {"formulaValue": "=SUM(C2:C4)"}),
        ("", None),
        (None, None),
    ],
)
def test_entered_value(value: CellValue, entered: dict[str, Any] | None) -> None:
    assert entered_value(value) == entered


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        ("General", None),
        (None, None),
        ("@", {"type": "TEXT"}),
        ("yyyy-mm-dd", {"type": "DATE", "pattern": "yyyy-mm-dd"}),
        ("yyyy-mm-dd hh:mm", {"type": "DATE_TIME", "pattern": "yyyy-mm-dd hh:mm"}),
        ("#,##0.00;[Red]-#,##0.00;0.00", {"type": "NUMBER", "pattern": "#,##0.00;[Red]-#,##0.00;0.00"}),
        ("+0.0%;-0.0%;0.0%", {"type": "PERCENT", "pattern": "+0.0%;-0.0%;0.0%"}),
        ('0 "days"', {"type": "NUMBER", "pattern": '0 "days"'}),
        ('0 "%"', {"type": "NUMBER", "pattern": '0 "%"'}),
    ],
)
def test_number_format(pattern: str | None, found: dict[str, str] | None) -> None:
    assert number_format(pattern) == found


@pytest.mark.parametrize(
    ("value", "pattern", "shown"),
    [
        (date(2026, 3, 31), None, "yyyy-mm-dd"),
        (date(2026, 3, 31), "#,##0", "yyyy-mm-dd"),
        (date(2026, 3, 31), "dd.mm.yyyy", "dd.mm.yyyy"),
        (datetime(2026, 3, 31, 9, 30), None, "yyyy-mm-dd hh:mm"),
        (datetime(2026, 3, 31), None, "yyyy-mm-dd"),
        (1200, "#,##0", "#,##0"),
        ("2026-03", None, None),
    ],
)
def test_a_date_keeps_a_date_format(value: CellValue, pattern: str | None, shown: str | None) -> None:
    assert date_format(value, pattern) == shown


def test_serial_numbers_count_days_from_1899_12_30() -> None:
    assert [serial(date(1899, 12, 31)), serial(date(1950, 1, 1)), serial(datetime(2026, 1, 1, 6))] == [
        1,
        18264,
        46023.25,
    ]
