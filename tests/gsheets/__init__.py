"""Tests of `sheetplan.gsheets`."""
