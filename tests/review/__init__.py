"""Tests of `sheetplan.review`."""
