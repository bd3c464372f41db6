"""Tests of `sheetplan.plan`."""
