"""The plan as every stage passes it on: the workbook's schema, the frozen records read from it, the
errors sheetplan raises, the presets it ships (the Guide's text and the example plan), and the
words every message shares (`words`).

No I/O beyond reading the shipped presets. Imports nothing from sheetplan outside this package.
"""
