"""The workbooks sheetplan writes from nothing with XlsxWriter: a new plan for `init` (`workbook`,
`sheets`, `tables`, `guide`), the copy `pull` makes of a Google Sheet (`pulled`), and the Guide as a
layout for a Google Sheet (`guide_layout`).

May import the stages up to `sheetplan.layout`; not `xlsx` or `gsheets`, its siblings.
"""
