"""A loopback fake of the Google Sheets API v4 for tests, reached through SHEETPLAN_SHEETS_EMULATOR_HOST.

It answers what gspread 6 sends, the way the real API answers it (tests/sheets_fake/test_contract.py
holds it against recordings of the real API):

- `GET /v4/spreadsheets/{id}` (metadata; grid data with `includeGridData=true` or `ranges`; `fields`),
  `values/{range}` GET, PUT and `:clear`, `values:batchGet`, `values:batchUpdate`, `values:batchClear`,
  and `POST /v4/spreadsheets/{id}:batchUpdate` with the requests listed in `batch.HANDLERS`, applied
  all or nothing. `GET /drive/v3/files/{id}` answers the Drive facts gspread reads.
- 404 NOT_FOUND for unknown spreadsheets, 403 PERMISSION_DENIED for private ones (`make_private`) and
  for writes to read-only ones (`make_read_only`), 400 INVALID_ARGUMENT with the real messages for bad
  ranges, writes beyond the grid and invalid batch requests.
- Faults on demand: `fail_next(429, count=3, retry_after=2)` answers the next three requests with the
  API's RESOURCE_EXHAUSTED body and a Retry-After header; 500, 503 and 403 work the same way.

Usage, normally through the `sheets_api` fixture in conftest.py:

    key = sheets_api.create("Plan", {"Goals": [["Goal ID", "Goal"], ["G1", "More visits"]]})
    ...run code that reads or writes https://docs.google.com/spreadsheets/d/{key}...
    assert sheets_api.values(key, "Goals") == [["Goal ID", "Goal"], ["G1", "More visits"]]
    assert sheets_api.format(key, "Goals!A1")["textFormat"]["bold"] is True
    assert [r.method for r in sheets_api.requests] == ["GET", "GET"]

What it leaves out: no formula engine (formulas of plain arithmetic such as `=4/2` are computed, any
other formula shows "" until `set_cached_value` gives it a value); no Drive API beyond reading a file's
facts; no append, copyTo, protected ranges, named ranges or filter views; insertDimension moves cells
and sizes but not merges, rules or charts.
"""

from .cells import Cell
from .model import Sheet, Spreadsheet
from .server import Recorded, SheetsFake

__all__ = ["Cell", "Recorded", "Sheet", "SheetsFake", "Spreadsheet"]
