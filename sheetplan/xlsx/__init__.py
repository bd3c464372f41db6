"""Writing the review into a user's own .xlsx workbook, verified before it replaces the file.

May import the stages up to `sheetplan.layout`; not `template` or `gsheets`, its siblings.
"""
