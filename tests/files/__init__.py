"""Tests of `sheetplan.files`."""
