"""From a source to a Plan: a workbook file read into a Grid of plain values (`source`, `workbook`;
the scans of its XML in `xmlscan`, `odsscan` and `sheetscan`; the copy calamine reads when the file
itself will not do in `canonical` and `copied`; sheets with far cells in `sparse`, `relocate` and
`odsrelocate`), a Grid turned into a Plan and the problems of its cells (`load` and the readers of each
kind of sheet), and what a Google Sheet source looks like (`google`).

May import `sheetplan.plan` and `sheetplan.files`. Reading a Google Sheet's values is
`sheetplan.gsheets`' job; `sheetplan.api` puts the two together.
"""
