"""Tests of `sheetplan.xlsx`."""
