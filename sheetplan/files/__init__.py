"""The user's files on disk: whether a file is safe to open (`guard`), where an .xlsx package keeps its
parts (`package`), unpacking a part while counting what it unpacks to (`inflate`), and how a file is
replaced without ever being left half-written (`safe_save`).

May import `sheetplan.plan` only.
"""
