"""Fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sheets_fake import SheetsFake


@pytest.fixture
def sheets_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[SheetsFake]:
    """A fresh fake Google Sheets API; SHEETPLAN_SHEETS_EMULATOR_HOST points every client at it."""
    with SheetsFake() as fake:
        monkeypatch.setenv("SHEETPLAN_SHEETS_EMULATOR_HOST", fake.host)
        yield fake
