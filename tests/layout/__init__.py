"""Tests of `sheetplan.layout`."""
