"""Google Sheets through gspread: the connection (`client`), reading a spreadsheet's tabs (`book`),
cells, columns and layouts as `batchUpdate` requests (`cells`, `columns`, `draw`, `charts`), and the
requests of `push` and `review`.

Imported only once a command is given a Google Sheet. May import the stages up to
`sheetplan.layout`; not `template` or `xlsx`, its siblings.
"""
