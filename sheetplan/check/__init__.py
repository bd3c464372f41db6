"""`sheetplan check`: the five fundamentals as rules over a Plan, each problem at its cell, and the
report of those problems.

Pure functions; may import `sheetplan.plan` and `sheetplan.read`.
"""
