"""Tests of `sheetplan.read`."""
