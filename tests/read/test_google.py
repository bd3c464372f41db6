"""Google Sheets sources told from files, and a Google source without Google support."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from sheetplan.api import read_plan
from sheetplan.cli import cli
from sheetplan.read.google import google_key


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("gsheet:1AbC_d-9", "1AbC_d-9"),
        ("https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0", "1AbC_d-9"),
        ("plan.xlsx", None),
        ("gsheet.xlsx", None),
        ("/home/maria/docs.google.com/plan.xlsx", None),
        ("https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0", "1AbC-x_9"),
        ("https://docs.google.com/spreadsheets/d/1AbC-x_9", "1AbC-x_9"),
        ("https://docs.google.com/spreadsheets/u/1/d/1AbC-x_9/edit?usp=sharing", "1AbC-x_9"),
        ("docs.google.com/spreadsheets/d/1AbC-x_9/edit", "1AbC-x_9"),
        ("gsheet:1AbC-x_9", "1AbC-x_9"),
        ("  gsheet:1AbC-x_9 ", "1AbC-x_9"),
        ("plan.xlsx", None),
        ("/home/maria/gsheet:plan.xlsx", None),
        ("https://example.com/spreadsheets/d/1AbC/edit", None),
    ],
)
def test_google_sources_are_told_from_files(source: str, key: str | None) -> None:
    assert google_key(source) == key


@pytest.mark.parametrize(
    "source", ["gsheet:", "gsheet:1AbC...", "gsheet:1AbC/edit", "https://docs.google.com/spreadsheets/x"]
)
def test_a_google_source_without_a_key_gets_one_message_from_every_command(source: str) -> None:
    expected = (
        f"Error: {source}: not a Google Sheet's address; give its URL"
        " (https://docs.google.com/spreadsheets/d/KEY/edit) or gsheet:KEY\n"
    )
    runner = CliRunner()
    for arguments in (
        ["check", source],
        ["review", source],
        ["pull", source, "copy.xlsx"],
        ["push", "p.xlsx", source],
    ):
        result = runner.invoke(cli, arguments)
        assert (result.exit_code, result.stderr) == (2, expected), arguments


def test_a_google_source_without_google_support_is_a_source_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from sheetplan.plan.errors import SourceError

    monkeypatch.setitem(sys.modules, "gspread", None)
    with pytest.raises(SourceError) as raised:
        read_plan("gsheet:1AbC", date(2026, 4, 1))
    assert str(raised.value) == (
        "gsheet:1AbC: cannot use Google Sheets: gspread is not installed"
        " (install sheetplan again: pip install --force-reinstall sheetplan)"
    )
