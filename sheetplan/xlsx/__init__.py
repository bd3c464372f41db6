"""Writing into a user's own .xlsx or .xlsm workbook part by part: a review's sheets grafted in, cells of
existing sheets set, and nothing else of the user's rewritten; every write verified before it replaces
the file.

May import the stages up to `sheetplan.layout`; not `template` or `gsheets`, its siblings.
"""
