"""What an import does to each Actuals cell: filled, updated, unchanged, conflict or partial."""

from __future__ import annotations

from datetime import datetime

from import_support import plan

from sheetplan.imports.changes import import_changes, new_rows
from sheetplan.imports.log import Imported, parse_import_log
from sheetplan.imports.monthly import Computed
from sheetplan.plan.model import Month, Source

SEP, OCT, NOV = Month(2026, 9), Month(2026, 10), Month(2026, 11)
SOURCES = [Source(metric_id, "GA4", "Sessions") for metric_id in ("M1", "M2", "M3", "M4", "M5")]


def actuals(*rows: list) -> dict:
    """The Actuals sheet: July to December in columns C to H."""
    header = ["Metric ID", "Metric", *(str(Month(2026, 7) + offset) for offset in range(6))]
    return {"Actuals": [header, *rows]}


def computed(value: float, complete: bool = True) -> Computed:
    return Computed(value, (), complete)


def imported(metric_id: str, month: Month, value: float) -> Imported:
    return Imported(month, metric_id, value, "", ("ga4.csv",), ("ab" * 32,), ("GA4",))


def test_each_cell_gets_the_state_its_content_and_the_import_log_say() -> None:
    grid = actuals(
        ["M1", "", None, None, None],  # September empty
        ["M2", "", None, None, 500],  # September holds what the last import wrote
        ["M3", "", None, None, 700],  # the same number as the exports give
        ["M4", "", None, None, 999],  # a person typed another number
        ["M5", "", None, None, "n/a"],  # a person typed text
    )
    found = {
        ("M1", SEP): computed(100),
        ("M2", SEP): computed(510),
        ("M3", SEP): computed(700.0),
        ("M4", SEP): computed(1000),
        ("M5", SEP): computed(5),
        ("M1", OCT): computed(50, complete=False),
    }
    log = {("M2", SEP): imported("M2", SEP, 500), ("M4", SEP): imported("M4", SEP, 998)}
    changes = import_changes(plan(SOURCES), grid, found, log)
    assert [(c.metric_id, str(c.month), c.old, c.new, c.state, c.cell) for c in changes] == [
        ("M1", "2026-09", None, 100, "filled", "Actuals!E2"),
        ("M1", "2026-10", None, 50, "partial", "Actuals!F2"),
        ("M2", "2026-09", 500, 510, "updated", "Actuals!E3"),
        ("M3", "2026-09", 700, 700.0, "unchanged", "Actuals!E4"),
        ("M4", "2026-09", 999, 1000, "conflict", "Actuals!E5"),
        ("M5", "2026-09", "n/a", 5, "conflict", "Actuals!E6"),
    ]


def test_overwrite_replaces_what_people_typed_and_partial_writes_a_part_month() -> None:
    grid = actuals(["M1", "", None, None, 999])
    found = {("M1", SEP): computed(1000), ("M1", OCT): computed(50, complete=False)}
    changes = import_changes(plan(SOURCES[:1]), grid, found, {}, overwrite=True, partial=True)
    assert [(str(c.month), c.state) for c in changes] == [("2026-09", "updated"), ("2026-10", "filled")]


def test_a_month_given_keeps_the_import_to_it() -> None:
    grid = actuals(["M1"])
    found = {("M1", SEP): computed(1), ("M1", OCT): computed(2)}
    changes = import_changes(plan(SOURCES[:1]), grid, found, {}, OCT)
    assert [(str(c.month), c.new) for c in changes] == [("2026-10", 2)]


def test_a_metric_without_an_actuals_row_gets_one_after_the_last() -> None:
    grid = actuals(["M1", "Metric M1"], [None], ["note", "someone's note"])
    sources = SOURCES[:2]
    changes = import_changes(plan(sources, actuals_rows={"M1": 2}), grid, {("M2", SEP): computed(3)}, {})
    assert [(c.cell, c.state) for c in changes] == [("Actuals!E5", "filled")]
    assert new_rows(plan(sources, actuals_rows={"M1": 2}), changes) == {(5, 1): "M2", (5, 2): "Metric M2"}


def test_the_import_log_reads_back_by_metric_and_month_in_either_language() -> None:
    record = imported("M1", SEP, 12.5)
    rows = [
        ["Месец", "ID на показател", "Стойност", "Клетка", "Файлове", "SHA-256", "Експорти"],
        list(record.cells("bg")),
        ["a note someone typed"],
        [datetime(2026, 10, 1), "M1", 3],
        ["2026-10", "M2", None, "Actuals!F3", "a.csv\nb.csv", "1\n2", "GA4"],
    ]
    assert parse_import_log(rows) == {
        ("M1", SEP): record,
        ("M1", OCT): Imported(OCT, "M1", 3.0, "", (), (), ()),
        ("M2", OCT): Imported(OCT, "M2", None, "Actuals!F3", ("a.csv", "b.csv"), ("1", "2"), ("GA4",)),
    }


def test_the_import_log_reads_a_month_typed_by_its_name() -> None:
    rows = [
        ["Month", "Metric ID", "Value"],
        ["September 2026", "M1", 1],
        ["окт. 2026", "M2", 2],
        ["Sometime", "M3", 3],
    ]
    assert parse_import_log(rows) == {
        ("M1", SEP): Imported(SEP, "M1", 1.0, "", (), (), ()),
        ("M2", OCT): Imported(OCT, "M2", 2.0, "", (), (), ()),
    }
