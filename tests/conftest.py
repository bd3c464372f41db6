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


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Every test starts, and leaves the next one, speaking English: a command that read a Bulgarian
    plan leaves the process speaking Bulgarian."""
    use("en")
    yield
    use("en")


@pytest.fixture
def bulgarian() -> Iterator[None]:
    """Messages in Bulgarian for the test, and in English again after it."""
    use("bg")
    try:
        yield
    finally:
        use("en")
