"""Write a plan workbook's data again through sheetplan's template writer: `write_plan.py PLAN OUT`.

The benchmark's `init` at sizes beyond the example: the cells are read with python-calamine (as the
floor reads them), then written with the template's tables, formats, dropdowns and guide.
"""

from __future__ import annotations

import sys
from pathlib import Path

from python_calamine import CalamineWorkbook

from sheetplan.plan import schema
from sheetplan.plan.example import Content, Row
from sheetplan.plan.model import Month
from sheetplan.template.workbook import build_workbook


def content_of(path: Path) -> tuple[tuple[Month, ...], Content]:
    """The plan months and the rows of every data sheet of a workbook in the template's layout."""
    workbook = CalamineWorkbook.from_path(str(path))
    rows: dict[str, list[Row]] = {}
    months: tuple[Month, ...] = ()
    for name in workbook.sheet_names:
        sheet = schema.sheet_by_name(name)
        if sheet is None or sheet.key == "settings":
            continue
        header, *body = workbook.get_sheet_by_name(name).to_python()
        keys: list[str] = []
        for text in header:
            column = schema.column_by_header(sheet, str(text))
            keys.append(column.key if column else str(text))
        if sheet.monthly:
            months = tuple(Month.parse(key) for key in keys[2:])
        rows[sheet.key] = [dict(zip(keys, values, strict=False)) for values in body]
    return months, Content(rows=rows, description="benchmark plan")


def main() -> None:
    source, target = (Path(argument) for argument in sys.argv[1:3])
    months, content = content_of(source)
    target.write_bytes(build_workbook(months, "en", content, file=target.name))


if __name__ == "__main__":
    main()
