"""Tests of `sheetplan.cli`."""
