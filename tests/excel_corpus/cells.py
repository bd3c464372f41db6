"""Cells the way Excel saves them, for the corpus: shared strings, styles, rows in order, saved results.

`formula_results` adds a Dashboard sheet of formulas over the plan, each with the result Excel saved
(computed here from the plan's values), and a "Year total" column of formulas beside the Forecasts,
in a column of the user's own. The helpers put a cell into a sheet the way Excel orders and counts them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import python_calamine

from excel_corpus.book import Book
from excel_corpus.parts import HEAD, REL

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet_rows(path: Path, name: str) -> list[list[Any]]:
    """The values of a sheet as Excel would compute formulas over them: blanks are ''."""
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        rows: list[list[Any]] = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        return rows


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def shared_string(book: Book, text: str) -> int:
    """The index of `text` in the shared strings, added at the end if new (as Excel does)."""
    xml = book.text("xl/sharedStrings.xml")
    items = re.findall(r"<si>(.*?)</si>", xml, re.S)
    entry = f"<t>{escape(text)}</t>"
    index = items.index(entry) if entry in items else len(items)
    if index == len(items):
        xml = xml.replace("</sst>", f"<si>{entry}</si></sst>")
        xml = re.sub(r'uniqueCount="\d+"', f'uniqueCount="{len(items) + 1}"', xml, count=1)
    total = int(re.search(r' count="(\d+)"', xml).group(1))  # type: ignore[union-attr]
    book.put("xl/sharedStrings.xml", re.sub(r' count="\d+"', f' count="{total + 1}"', xml, count=1))
    return index


def style_of(book: Book, part: str, ref: str) -> str:
    """The ` s="N"` of a cell, or "" for a cell with the default style."""
    found = re.search(rf'<c r="{ref}"( s="\d+")?', book.text(part))
    return (found.group(1) or "") if found else ""


def set_cell(book: Book, part: str, ref: str, cell: str) -> None:
    """Put the `<c>` element `cell` at `ref` (where no cell is), keeping rows and cells in order."""
    xml = book.text(part)
    letters, row = re.fullmatch(r"([A-Z]+)(\d+)", ref).groups()  # type: ignore[union-attr]
    column, number = column_number(letters), int(row)
    assert f'<c r="{ref}"' not in xml, f"{part}: {ref} is taken"
    found = re.search(rf'<row r="{number}"([^>]*?)(/?)>', xml)
    if found is None:
        xml = xml.replace("<sheetData/>", "<sheetData></sheetData>")
        later = [row for row in re.finditer(r'<row r="(\d+)"', xml) if int(row.group(1)) > number]
        at = later[0].start() if later else xml.index("</sheetData>")
        xml = xml[:at] + f'<row r="{number}">{cell}</row>' + xml[at:]
    elif found.group(2):
        xml = xml[: found.start()] + found.group(0)[:-2] + ">" + cell + "</row>" + xml[found.end() :]
    else:
        end = xml.index("</row>", found.end())
        after = [
            m
            for m in re.finditer(r'<c r="([A-Z]+)', xml[found.end() : end])
            if column_number(m.group(1)) > column
        ]
        at = found.end() + after[0].start() if after else end
        xml = xml[:at] + cell + xml[at:]
        spans = re.search(r'spans="(\d+):(\d+)"', found.group(0))
        if spans and int(spans.group(2)) < column:
            row_tag = found.group(0).replace(spans.group(0), f'spans="{spans.group(1)}:{column}"')
            xml = xml[: found.start()] + row_tag + xml[found.start() + len(found.group(0)) :]
    dimension = re.search(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/>', xml)
    if dimension:
        first, top, last, bottom = dimension.groups()
        last, bottom = last or first, bottom or top
        wide = column_letter(max(column_number(last), column))
        new = f'<dimension ref="{first}{top}:{wide}{max(int(bottom), number)}"/>'
        xml = xml.replace(dimension.group(0), new)
    book.put(part, xml)


def number(value: float) -> str:
    """A number as Excel writes it in `<v>`: no `.0` on whole numbers."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def formula_results(path: Path) -> None:
    actions, actuals = sheet_rows(path, "Actions")[1:], sheet_rows(path, "Actuals")[1:]
    forecasts = sheet_rows(path, "Forecasts")
    budget = sum(float(row[8] or 0) for row in actions)
    spent = sum(float(row[9] or 0) for row in actions)
    lines = [
        ("Budget planned", "SUM(Actions!I2:I201)", budget),
        ("Budget spent", "SUM(Actions!J2:J201)", spent),
        ("Share of the budget spent", "IF(B3=0,0,B4/B3)", spent / budget if budget else 0),
        ("Actions done", 'COUNTIF(Actions!H2:H201,"done")', sum(row[7] == "done" for row in actions)),
        ("Actuals, first month", "SUM(Actuals!C2:C41)", sum(float(row[2] or 0) for row in actuals)),
    ]
    with Book.edit(path) as book:
        rows = [f'<row r="1"><c r="A1" t="s"><v>{shared_string(book, "Marketing dashboard")}</v></c></row>']
        for line, (label, formula, value) in enumerate(lines, start=3):
            label_cell = f'<c r="A{line}" t="s"><v>{shared_string(book, label)}</v></c>'
            value_cell = f'<c r="B{line}"><f>{escape(formula)}</f><v>{number(value)}</v></c>'
            rows.append(f'<row r="{line}">{label_cell}{value_cell}</row>')
        name = escape(sheet_rows(path, "Settings")[1][1])
        label_cell = f'<c r="A9" t="s"><v>{shared_string(book, "Plan")}</v></c>'
        rows.append(f'<row r="9">{label_cell}<c r="B9" t="str"><f>Settings!B2</f><v>{name}</v></c></row>')
        book.add_sheet(
            "Dashboard",
            f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL[:-1]}"><dimension ref="A1:B9"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            '<cols><col min="1" max="1" width="28.7109375" customWidth="1"/></cols>'
            f'<sheetData>{"".join(rows)}</sheetData><pageMargins left="0.7" right="0.7" top="0.75"'
            ' bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
        )
        part = book.sheet("Forecasts")
        header = shared_string(book, "Year total")
        set_cell(book, part, "O1", f'<c r="O1"{style_of(book, part, "N1")} t="s"><v>{header}</v></c>')
        for line, row in enumerate(forecasts[1:], start=2):
            if row[0]:
                total = number(sum(float(value or 0) for value in row[2:14]))
                cell = f'<c r="O{line}"><f>SUM(C{line}:N{line})</f><v>{total}</v></c>'
                set_cell(book, part, f"O{line}", cell)
