"""Sheets described without a spreadsheet library: the `SheetLayout` of cells, styles, merges, colour
rules and charts (`sheet`), the review sheet built from a Review (`review`, `sections`, `followup`,
with its words in `labels`), the formulas the template's sheets share (`formulas`), and where a
writer put a review (`written`).

Every writer draws these layouts: `sheetplan.xlsx` as worksheet XML, `sheetplan.gsheets` as Sheets API
requests. Pure; may import the stages below it (`plan`, `read`, `check`, `review`).
"""
