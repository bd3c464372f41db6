"""Tests of `sheetplan.check`."""
