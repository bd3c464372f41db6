"""Fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sheets_fake import SheetsFake

from sheetplan.plan.i18n import use


@pytest.fixture
def sheets_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[SheetsFake]:
    """A fresh fake Google Sheets API; SHEETPLAN_SHEETS_EMULATOR_HOST points every client at it."""
    with SheetsFake() as fake:
        monkeypatch.setenv("SHEETPLAN_SHEETS_EMULATOR_HOST", fake.host)
        yield fake


@pytest.fixture
def bulgarian() -> Iterator[None]:
    """Messages in Bulgarian for the test, and in English again after it."""
    use("bg")
    try:
        yield
    finally:
        use("en")
