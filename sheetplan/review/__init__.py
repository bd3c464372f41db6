"""The monthly review as numbers: plan against actual (`variance`), the roll-ups of goals, owners and
actions (`rollup`), the frozen records that hold them (`model`), the Review log's rows (`log`) and
`review --json` (`as_json`).

Pure functions; may import `sheetplan.plan`, `sheetplan.read` and `sheetplan.check`.
"""
