"""The template's columns on a Google Sheets tab: formats, dropdowns and lookups, from the schema.

`push` writes a workbook's data sheets with these: each schema column's number format, wrapping and
dropdown over the whole column below the header, and on Forecasts and Actuals the template's lookup
of each metric's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sheetplan.exports.kinds import KINDS
from sheetplan.gsheets.book import Request, quote_title
from sheetplan.gsheets.cells import date_format, number_format
from sheetplan.layout.formulas import metric_lookup
from sheetplan.plan import schema
from sheetplan.plan.addresses import column_letter
from sheetplan.plan.model import CellValue, SheetLocation


@dataclass(frozen=True)
class DataTab:
    """A data sheet of the local workbook: its schema sheet, its rows and where its columns are."""

    sheet: schema.Sheet
    rows: Sequence[Sequence[CellValue]]
    location: SheetLocation

    @property
    def title(self) -> str:
        return self.location.name


def metric_name(tab: DataTab, row: int, sources: Mapping[str, DataTab]) -> str | None:
    """The template's lookup of a metric's name from its ID on the Metrics tab, for Forecasts and Actuals."""
    metrics = sources.get("metrics")
    if metrics is None or "metric" not in metrics.location.columns:
        return None
    key = f"${column_letter(tab.location.columns['metric_id'])}{row}"
    return metric_lookup(key, column_range(metrics, "metric"), column_range(metrics, "metric_id"))


def column_range(tab: DataTab, key: str) -> str:
    """A column's data cells to the end of the tab, `Owners!$A$2:$A`, for dropdowns and lookups."""
    letter = column_letter(tab.location.columns[key])
    # Always quoted: Google reads a quoted title of any letters, and the plan's may be Cyrillic.
    return f"{quote_title(tab.title)}!${letter}${tab.location.header_row + 1}:${letter}"


def column_format(column: schema.Column | None) -> dict[str, Any] | None:
    """The format of a column's data cells: its number format, text kept as text, long text wrapped."""
    if column is None:
        return None
    fmt: dict[str, Any] = {"verticalAlignment": "TOP"}
    found = number_format(column.cell_number_format)
    if found:
        fmt["numberFormat"] = found
    if column.wraps:
        fmt["wrapStrategy"] = "WRAP"
    return fmt


def dropdown(
    column: schema.Column, sources: Mapping[str, DataTab], lang: schema.Lang
) -> dict[str, Any] | None:
    """The column's dropdown: its choices in the workbook's language, or the source tab's column."""
    hint = {"inputMessage": column.hint(lang)} if column.hint else {}
    labels = column.choices.labels(lang) if column.choices is not None else None
    if column.export_kinds:
        # The names are the same in every language, as `sheetplan import --formats` lists them.
        labels = [kind.name for kind in KINDS]
    if labels is not None:
        values = [{"userEnteredValue": label} for label in labels]
        return {
            "condition": {"type": "ONE_OF_LIST", "values": values},
            "strict": True,
            "showCustomUi": True,
            **hint,
        }
    source = column.source
    if (
        source is None
        or source.sheet not in sources
        or source.column not in sources[source.sheet].location.columns
    ):
        return None
    where = "=" + column_range(sources[source.sheet], source.column)
    condition = {"type": "ONE_OF_RANGE", "values": [{"userEnteredValue": where}]}
    return {"condition": condition, "strict": True, "showCustomUi": True, **hint}


def odd_dates(tab: DataTab, sheet_id: int) -> list[Request]:
    """Date cells in columns without a date format (a Start month that a program made a date) keep one."""
    formats = {number: tab.sheet.get(key) for key, number in tab.location.columns.items()}
    requests: list[Request] = []
    for row, cells in enumerate(tab.rows):
        for index, value in enumerate(cells, start=1):
            column = formats.get(index)
            current = column.number_format if column else None
            pattern = date_format(value, current)
            if pattern != current and row + 1 != tab.location.header_row:
                fmt = {"numberFormat": number_format(pattern), "verticalAlignment": "TOP"}
                requests.append(
                    {
                        "updateCells": {
                            "start": {"sheetId": sheet_id, "rowIndex": row, "columnIndex": index - 1},
                            "rows": [{"values": [{"userEnteredFormat": fmt}]}],
                            "fields": "userEnteredFormat",
                        }
                    }
                )
    return requests


def repeat_format(grid_range: dict[str, int], fmt: dict[str, Any]) -> Request:
    """A request that gives every cell of a range the format `fmt`."""
    return {
        "repeatCell": {"range": grid_range, "cell": {"userEnteredFormat": fmt}, "fields": "userEnteredFormat"}
    }
