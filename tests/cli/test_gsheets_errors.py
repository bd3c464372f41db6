"""Every command against Google fails with one line and exit 2, and changes nothing, when it cannot work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gsheets_support import calls, create_plan, run
from plan_builder import plan_grid, sample, write_workbook
from sheets_fake import SheetsFake

from sheetplan.gsheets import book as gsheets
from sheetplan.gsheets import client as gsheets_client
from sheetplan.gsheets.client import EMULATOR_VARIABLE
from sheetplan.gsheets.credentials import CREDENTIALS_VARIABLE

ACCOUNT = "plans@acme-marketing.iam.gserviceaccount.com"
Command = Callable[[str, Path], list[object]]
"""A command's arguments for a Google Sheet source and a folder for files."""

COMMANDS: dict[str, Command] = {
    "check": lambda source, folder: ["check", source],
    "review": lambda source, folder: ["review", source, "--month", "2025-03"],
    "push": lambda source, folder: ["push", folder / "plan.xlsx", source],
    "pull": lambda source, folder: ["pull", source, folder / "copy.xlsx"],
}
WRITES = ("review", "push")


@pytest.fixture
def key(sheets_api: SheetsFake, tmp_path: Path) -> str:
    """The sample plan in a spreadsheet, and in `plan.xlsx` for push."""
    write_workbook(tmp_path / "plan.xlsx", plan_grid(sample()))
    return create_plan(sheets_api, sample(), size=(250, 16))


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between retries; nothing really sleeps."""
    waited: list[float] = []
    monkeypatch.setattr(gsheets_client, "_sleep", waited.append)
    return waited


def snapshot(fake: SheetsFake, key: str) -> dict[str, object]:
    return {sheet.title: fake.values(key, sheet.title) for sheet in fake.spreadsheet(key).sheets}


def fails(command: str, source: str, folder: Path, message: str) -> None:
    """Run the command and check it fails the way a user must see it: one line, exit 2, no files."""
    plan = (folder / "plan.xlsx").read_bytes()
    result = run(*COMMANDS[command](source, folder))
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"Error: {message}\n", "")
    assert (folder / "plan.xlsx").read_bytes() == plan
    assert not (folder / "copy.xlsx").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_no_credentials(
    command: str, key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets_api: SheetsFake
) -> None:
    monkeypatch.delenv(EMULATOR_VARIABLE)
    monkeypatch.delenv(CREDENTIALS_VARIABLE, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    default = tmp_path / "home" / ".config" / "gspread" / "service_account.json"
    message = (
        f"no Google credentials: no --credentials FILE given, {CREDENTIALS_VARIABLE} not set, "
        f"and no service-account key at {default}"
    )
    fails(command, f"gsheet:{key}", tmp_path, message)
    assert sheets_api.requests == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_credentials_file_that_is_not_there(
    command: str, key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets_api: SheetsFake
) -> None:
    monkeypatch.delenv(EMULATOR_VARIABLE)
    missing = tmp_path / "key.json"
    plan = (tmp_path / "plan.xlsx").read_bytes()
    result = run(*COMMANDS[command](f"gsheet:{key}", tmp_path), "--credentials", missing)
    assert (result.exit_code, result.stderr) == (2, f"Error: credentials file {missing} not found\n")
    assert (tmp_path / "plan.xlsx").read_bytes() == plan
    assert sheets_api.requests == []


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("how", ["unknown", "private"])
def test_not_found_or_not_shared(
    command: str, how: str, key: str, tmp_path: Path, sheets_api: SheetsFake
) -> None:
    if how == "private":
        sheets_api.make_private(key)
    wanted = key if how == "private" else "1NoSuchSheet"
    message = (
        f"Google Sheet {wanted} not found or not shared on the Sheets emulator at {sheets_api.host} "
        f"({EMULATOR_VARIABLE})"
    )
    fails(command, f"gsheet:{wanted}", tmp_path, message)
    assert calls(sheets_api) == ["GET metadata"]


@pytest.mark.parametrize("command", COMMANDS)
def test_not_shared_names_the_service_account(
    command: str, key: str, tmp_path: Path, sheets_api: SheetsFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On Google the client acts as a service account; on the emulator it has none to name.
    monkeypatch.setattr(gsheets, "account_of", lambda client: ACCOUNT)
    sheets_api.make_private(key)
    message = f"Google Sheet {key} not found or not shared with {ACCOUNT}: share it with that address"
    fails(command, f"https://docs.google.com/spreadsheets/d/{key}/edit", tmp_path, message)


@pytest.mark.parametrize("command", WRITES)
@pytest.mark.parametrize("account", [None, ACCOUNT])
def test_a_read_only_sheet_is_not_written(
    command: str,
    account: str | None,
    key: str,
    tmp_path: Path,
    sheets_api: SheetsFake,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gsheets, "account_of", lambda client: account)
    sheets_api.make_read_only(key)
    before = snapshot(sheets_api, key)
    if account is None:
        message = f"no permission to edit Google Sheet {key} on the Sheets emulator at {sheets_api.host} "
        message += f"({EMULATOR_VARIABLE})"
    else:
        message = f"no permission to edit Google Sheet {key}: share it with {ACCOUNT} as Editor"

    fails(command, f"gsheet:{key}", tmp_path, message)

    assert calls(sheets_api)[-1] == "POST :batchUpdate"
    assert snapshot(sheets_api, key) == before


@pytest.mark.parametrize("command", ["check", "pull"])
def test_a_read_only_sheet_can_be_read(
    command: str, key: str, tmp_path: Path, sheets_api: SheetsFake
) -> None:
    sheets_api.make_read_only(key)
    assert run(*COMMANDS[command](f"gsheet:{key}", tmp_path)).exit_code == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_a_storm_of_429s_that_passes(
    command: str, key: str, tmp_path: Path, sheets_api: SheetsFake, sleeps: list[float]
) -> None:
    sheets_api.fail_next(429, count=3)
    result = run(*COMMANDS[command](f"gsheet:{key}", tmp_path))
    assert result.exit_code == 0, result.output
    assert sleeps == [1.0, 2.0, 4.0]
    assert calls(sheets_api)[:4] == ["GET metadata"] * 4


@pytest.mark.parametrize("command", COMMANDS)
def test_a_storm_of_429s_past_the_retries_is_a_quota_error(
    command: str, key: str, tmp_path: Path, sheets_api: SheetsFake, sleeps: list[float]
) -> None:
    before = snapshot(sheets_api, key)
    # The storm hits the command's last request: the write, for the commands that write.
    last = ":batchUpdate" if command in WRITES else "values:batchGet"
    sheets_api.fail_next(429, count=50, path_contains=last)
    message = f"Google Sheets quota exhausted for {key} after 6 tries; try again in a minute"

    fails(command, f"gsheet:{key}", tmp_path, message)

    assert sleeps == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert snapshot(sheets_api, key) == before
