"""sheetplan: run a marketing action plan from a spreadsheet.

`sheetplan init` writes the plan workbook, the team fills it in, and every month `sheetplan review`
compares the forecasts with the actual results and writes the review meeting's agenda.
"""

__version__ = "0.1.0"
