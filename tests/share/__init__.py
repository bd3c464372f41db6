"""Tests of `sheetplan.share`."""
