"""Sheet features the way Excel saves them, for the corpus: extLst entries and a few sheet elements.

On Actions, `x14_validation` adds a list validation whose source is on another sheet (which Excel
2010+ keeps in the sheet's `<extLst>`) and `x14_conditional_format` a data bar (the 2007 rule in the
sheet, its 2010 properties in the `<extLst>`, tied by an `x14:id`). `sparklines` draws each forecast's
trend beside the Forecasts. `protected_ranges` (Goals), `ignored_errors` (Channels) and
`printer_settings` (Metrics: the `<pageSetup r:id>` of a DEVMODE part) are a sheet element each.
"""

from __future__ import annotations

import re
from pathlib import Path

from excel_corpus.book import Book
from excel_corpus.cells import sheet_rows
from excel_corpus.drawings import guid
from excel_corpus.media import devmode
from excel_corpus.parts import CT, REL, X14, XM


def x14_validation(path: Path) -> None:
    """A list validation whose source is on another sheet, which Excel 2010+ keeps in the extLst."""
    rule = (
        f'<x14:dataValidations count="1" xmlns:xm="{XM}"><x14:dataValidation type="list" allowBlank="1"'
        ' showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>Owners!$A$2:$A$201</xm:f>'
        "</x14:formula1><xm:sqref>M2:M201</xm:sqref></x14:dataValidation></x14:dataValidations>"
    )
    with Book.edit(path) as book:
        book.add_ext(book.sheet("Actions"), "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}", rule)


def x14_conditional_format(path: Path) -> None:
    """A data bar on the budgets: the 2007 rule in the sheet, its 2010 properties in the extLst."""
    rule_id = guid(0x600)
    ext = f'<ext uri="{{B025F937-C7B1-47D3-B67F-A62EFF666E3E}}" xmlns:x14="{X14}"><x14:id>{rule_id}</x14:id>'
    bar = '<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>'
    body = (
        f'<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="{XM}"><x14:cfRule type="dataBar"'
        f' id="{rule_id}"><x14:dataBar minLength="0" maxLength="100" border="1"'
        ' negativeBarBorderColorSameAsPositive="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>'
        '<x14:borderColor rgb="FF638EC6"/><x14:negativeFillColor rgb="FFFF0000"/>'
        '<x14:negativeBorderColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>'
        "<xm:sqref>I2:I201</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings>"
    )
    with Book.edit(path) as book:
        sheet = book.sheet("Actions")
        priority = 1 + max(
            (int(found) for found in re.findall(r'priority="(\d+)"', book.text(sheet))), default=0
        )
        rule = f'<cfRule type="dataBar" priority="{priority}">{bar}<extLst>{ext}</ext></extLst></cfRule>'
        book.insert(
            sheet,
            "conditionalFormatting",
            f'<conditionalFormatting sqref="I2:I201">{rule}</conditionalFormatting>',
        )
        book.add_ext(sheet, "{78C0D931-6437-407d-A8EE-F0AAD7539E65}", body)


def sparklines(path: Path) -> None:
    """A line sparkline of each metric's forecast, in column P (after the months and a user's column)."""
    rows = [line for line, row in enumerate(sheet_rows(path, "Forecasts")[1:], start=2) if row[0]]
    lines = "".join(
        f"<x14:sparkline><xm:f>Forecasts!C{line}:N{line}</xm:f><xm:sqref>P{line}</xm:sqref></x14:sparkline>"
        for line in rows
    )
    dark, light = 'theme="4" tint="-0.499984740745262"', 'theme="4" tint="0.39997558519241921"'
    body = (
        f'<x14:sparklineGroups xmlns:xm="{XM}"><x14:sparklineGroup displayEmptyCellsAs="gap" markers="1">'
        f'<x14:colorSeries {dark}/><x14:colorNegative theme="5"/><x14:colorAxis rgb="FF000000"/>'
        f"<x14:colorMarkers {dark}/><x14:colorFirst {light}/><x14:colorLast {light}/>"
        f'<x14:colorHigh theme="4"/><x14:colorLow theme="4"/><x14:sparklines>{lines}</x14:sparklines>'
        "</x14:sparklineGroup></x14:sparklineGroups>"
    )
    with Book.edit(path) as book:
        book.add_ext(book.sheet("Forecasts"), "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}", body)


def protected_ranges(path: Path) -> None:
    """Ranges that users may edit once the sheet is protected (Allow Users to Edit Ranges)."""
    ranges = '<protectedRanges><protectedRange sqref="G2:G201" name="Goal status"/>'
    ranges += '<protectedRange sqref="B2:D201" name="Goal texts"/></protectedRanges>'
    with Book.edit(path) as book:
        book.insert(book.sheet("Goals"), "protectedRanges", ranges)


def ignored_errors(path: Path) -> None:
    """Error checks the user dismissed: numbers stored as text in the handles."""
    with Book.edit(path) as book:
        errors = '<ignoredErrors><ignoredError sqref="B2:B201" numberStoredAsText="1"/></ignoredErrors>'
        book.insert(book.sheet("Channels"), "ignoredErrors", errors)


def printer_settings(path: Path) -> None:
    """The printer's DEVMODE, which Windows Excel saves and the sheet's `<pageSetup r:id>` points to."""
    with Book.edit(path) as book:
        sheet = book.sheet("Metrics")
        part = book.free("xl/printerSettings/printerSettings{}.bin")
        book.put(part, devmode())
        book.content_type(part, CT + "spreadsheetml.printerSettings", default=True)
        rid = book.relate(sheet, REL + "printerSettings", part)
        book.set_attribute(sheet, "pageSetup", "r:id", rid)
