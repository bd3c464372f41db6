"""What `sheetplan import` changes in a plan: each metric's actual result per month, worked out from
the exports as its Sources rows say, and the posts the exports list.

Pure functions over the plan as read and the exports as read (`sheetplan.exports`); the writers put
the result into a workbook or a Google Sheet.

- `monthly.monthly_values(plan, exports, today)`: every metric and month the exports give a number
  for, the files it came from, and whether the files cover the whole month.
- `changes.import_changes(...)`: those numbers against the Actuals cells and the Import log, as the
  states `--json` names: `filled`, `updated`, `unchanged`, `conflict`, `partial`.
- `log`: the Import log sheet's rows, read and made (which cell holds which imported number, from
  which files), so that the next import can tell its own numbers from a person's.
- `posts.post_changes(...)`: the Posts sheet's rows added and updated, one per channel and Post ID.

May import `sheetplan.plan`, `sheetplan.read` and `sheetplan.exports`; `sheetplan.check` and the layers
above it may import this package.
"""

SHEETS = ("settings", "metrics", "actuals", "sources", "posts", "import_log")
"""The keys of the sheets an import reads: the plan's metrics, months and actual results, the Sources
rows, the Posts and the Import log; and Forecasts when `monthly.takes_forecasts` (whether a ratio is
given in percentage points goes by the metric's forecasts)."""
