"""The plan as every stage passes it on: the workbook's schema, the frozen records read from it, the
errors sheetplan raises, the presets it ships (the Guide's text and the example plan), the
words every message shares (`words`), and the review meeting's day, time and time zone (`meeting`).

No I/O beyond reading the shipped presets and the time zone database. Imports nothing from
sheetplan outside this package.
"""
