"""The user's files on disk: whether a file is safe to open (`guard`) and how one is replaced without
ever being left half-written (`safe_save`).

May import `sheetplan.plan` only.
"""
