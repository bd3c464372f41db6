"""Tests of `sheetplan.template`."""
