"""Text people typed into a review sheet, found before the sheet is replaced, and the Decisions rows
that keep it.

A review sheet is sheetplan's to rewrite, but people type into it all the same: a decision in the
meeting, a note beside a figure. Before a month's review sheet is replaced, its cells are compared with
the layout of the same month about to be written. A cell counts as typed when the layout leaves its
place blank, and its value is none of the layout's own values nor any wording a review sheet has shown
(`labels`, in either language, whatever its section number): a text, or anything at all beyond the
layout's last row or column. Other values where the layout leaves a blank go with the typed text of
their row (an owner's name, a due date beside a decision); alone they are taken for figures that moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sheetplan.layout import labels
from sheetplan.layout.review import review_month
from sheetplan.layout.sheet import SheetLayout
from sheetplan.layout.written import KeptText
from sheetplan.plan import schema
from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.errors import WriteError
from sheetplan.plan.model import CellValue, Decision, Grid, Month, Plan
from sheetplan.plan.schema import DECISION_OPEN, Lang, Text, normalise

_NUMBERED = re.compile(r"^\d+\.\s*")
_PLACEHOLDER = re.compile(r"\\\{\w+\\\}")


class TypedRow(NamedTuple):
    """The typed cells of one row of the old review sheet: its row number and (column, value) pairs."""

    row: int
    cells: tuple[tuple[int, CellValue], ...]

    def addresses(self) -> list[str]:
        return [f"{column_letter(column)}{self.row}" for column, _ in self.cells]


def _wording() -> re.Pattern[str]:
    """Every text a review sheet can show of its own, in both languages: its labels (placeholders
    matching anything), the plan's sheet names and headers, and the dropdowns' values."""
    found: list[Text] = [value for value in vars(labels).values() if isinstance(value, Text)]
    for sheet in (*schema.SHEETS, schema.REVIEW_LOG):
        found += [sheet.name, *(column.header for column in sheet.columns)]
    for value in vars(schema).values():
        if isinstance(value, schema.Choices):
            found += [label for _, label in value.options]
    texts = {_NUMBERED.sub("", normalise(language)) for text in found for language in text.all()}
    patterns = sorted(_PLACEHOLDER.sub(".*", re.escape(text)) for text in texts if text)
    return re.compile("|".join(patterns), re.DOTALL)


def typed_rows(old: Sequence[Sequence[CellValue]], layout: SheetLayout) -> tuple[TypedRow, ...]:
    """The rows of the old sheet `old` holding cells that `layout` did not write, in row order."""
    laid = tuple(layout.every_cell())
    written = {(cell.row, cell.column): cell.value for cell in laid}
    values = {_key(cell.value) for cell in laid if not _blank(cell.value)}
    last_row = max((cell.row for cell in laid), default=0)
    last_column = max((cell.column for cell in laid), default=0)
    wording: re.Pattern[str] | None = None
    found = []
    for number, row in enumerate(old, start=1):
        cells = []
        texts = 0
        for column, value in enumerate(row, start=1):
            if _blank(value) or not _blank(written.get((number, column))):
                continue
            cells.append((column, value))
            if number > last_row or column > last_column:
                texts += 1
            elif isinstance(value, str) and _key(value) not in values:
                # Not an owner's name beside a decision, nor a figure that moved.
                wording = wording or _wording()
                texts += not wording.fullmatch(_NUMBERED.sub("", normalise(value)))
        if texts:
            found.append(TypedRow(number, tuple(cells)))
    return tuple(found)


def typed_decisions(
    typed: Iterable[TypedRow], sheet: str, month: Month, owners: Iterable[str], lang: Lang, first_row: int
) -> tuple[Decision, ...]:
    """The open decisions of `month` that keep `typed` from the review sheet `sheet`, on rows from
    `first_row`: the texts as the decision, a date as its due date, a listed owner's name as its owner,
    and where it was typed as its note."""
    listed = {normalise(name): name for name in owners if name}
    found = []
    for number, row in enumerate(typed, start=first_row):
        parts, owner, due = [], "", None
        for _, value in row.cells:
            if isinstance(value, date) and due is None:
                due = value.date() if isinstance(value, datetime) else value
            elif isinstance(value, str) and not owner and normalise(value) in listed:
                owner = listed[normalise(value)]
            else:
                parts.append(_shown(value))
        where = labels.TYPED_IN(lang).format(cells=f"{quote_sheet(sheet)}!{', '.join(row.addresses())}")
        text = " · ".join(parts) or owner
        found.append(
            Decision(month, text, owner if parts else "", due, DECISION_OPEN, notes=where, row=number)
        )
    return tuple(found)


def decision_cells(decisions: Iterable[Decision], columns: Mapping[str, int]) -> dict[tuple[int, int], Any]:
    """The cells of the Decisions sheet, whose columns are `columns`, that hold `decisions` on their rows."""
    cells: dict[tuple[int, int], Any] = {}
    for decision in decisions:
        record = {
            "month": str(decision.month) if decision.month else "",
            "decision": decision.text,
            "owner": decision.owner,
            "due": decision.due,
            "status": decision.status,
            "metric_id": decision.metric_id,
            "action_id": decision.action_id,
            "notes": decision.notes,
        }
        for key, value in record.items():
            if key in columns and value not in ("", None):
                cells[decision.row, columns[key]] = value
    return cells


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _key(value: Any) -> str:
    """A value as compared with the layout's: text folded, whole numbers without `.0`."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    return normalise(str(value))


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class Carried(NamedTuple):
    """Typed text moved out of an old review sheet: where it was, and the Decisions rows now holding it."""

    sheet: str
    """The old review sheet's name."""
    typed: tuple[TypedRow, ...]
    decisions: str
    """The Decisions sheet's name."""
    added: tuple[Decision, ...]
    """The Decisions rows that now hold the text."""
    changes: dict[tuple[int, int], Any]
    """The Decisions cells to set, by (row, column)."""

    def kept(self) -> KeptText:
        """What a writer reports of it."""
        cells = tuple(address for row in self.typed for address in row.addresses())
        return KeptText(self.sheet, cells, self.decisions, tuple(item.row for item in self.added))


def carry(
    old: str, rows: Sequence[Sequence[CellValue]], layout: SheetLayout, plan: Plan, grid: Grid, source: str
) -> Carried | None:
    """What people typed into the old review sheet `old` (its `rows`) that `layout` replaces, as Decisions
    rows after the last of the plan's (whose workbook `grid` holds); None when nothing was typed.

    WriteError, naming the cells, when the plan has no Decisions sheet to keep it in; `source` names
    the workbook or Google Sheet in the message.
    """
    typed = typed_rows(rows, layout)
    month = review_month(layout.name)
    if not typed or month is None:
        return None
    location = plan.locations.get("decisions")
    if location is None or location.name not in grid:
        cells = ", ".join(address for row in typed for address in row.addresses())
        raise WriteError(
            f"{source}: {quote_sheet(old)}!{cells} hold text that sheetplan did not write, and the plan has"
            " no Decisions sheet to keep it; add one (sheetplan init writes it) or move the text, then"
            " review again"
        )
    used = [
        number for number, cells in enumerate(grid[location.name], 1) if any(not _blank(c) for c in cells)
    ]
    first = max([location.header_row, *used]) + 1
    owners = [owner.name for owner in plan.owners]
    added = typed_decisions(typed, old, month, owners, plan.lang, first)
    return Carried(old, typed, location.name, added, decision_cells(added, location.columns))
