"""The Google Sheets connection: real gspread over HTTP to the fake API, retries and errors in words."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import gspread
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from gspread.http_client import ParamsType
from sheets_fake import SheetsFake

from sheetplan.gsheets import client as gsheets_client
from sheetplan.gsheets.client import (
    account_of,
    connect,
    emulator_url,
    retry_delay,
    translate_errors,
)
from sheetplan.plan.errors import SourceError

ACCOUNT = "plans@acme-marketing.iam.gserviceaccount.com"
READ: ParamsType = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"}
NOT_SHARED = "Google Sheet {key} not found or not shared with " + ACCOUNT + ": share it with that address"
PLAN = {
    "Settings": [["Setting", "Value"], ["Plan name", "Acme social media plan"], ["Start month", "2026-01"]],
    "Actuals": [["Metric ID", "Metric", "2026-01"], ["M1", "Website visits", "1010"]],
}


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the retrying client asked for; nothing really sleeps."""
    waited: list[float] = []
    monkeypatch.setattr(gsheets_client, "_sleep", waited.append)
    return waited


@pytest.fixture
def plan(sheets_api: SheetsFake) -> str:
    return sheets_api.create("Acme plan", PLAN)


def failure(call: object, key: str, account: str | None = ACCOUNT) -> str:
    """The SourceError message that translate_errors makes of what `call()` raises."""
    assert callable(call)
    with pytest.raises(SourceError) as caught, translate_errors(key, account):
        call()
    return str(caught.value)


# Sources ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sheets.googleapis.com/v4/spreadsheets/K?x=1", "http://127.0.0.1:9/v4/spreadsheets/K?x=1"),
        ("https://www.googleapis.com/drive/v3/files/K", "http://127.0.0.1:9/drive/v3/files/K"),
        ("https://oauth2.googleapis.com/token", "https://oauth2.googleapis.com/token"),
        ("https://sheets.googleapis.com.evil.example/v4", "https://sheets.googleapis.com.evil.example/v4"),
    ],
)
def test_emulator_url(url: str, expected: str) -> None:
    assert emulator_url(url, "127.0.0.1:9") == expected


# Reading through the emulator ---------------------------------------------------------------------------


def test_reads_metadata_and_values_through_the_emulator(sheets_api: SheetsFake, plan: str) -> None:
    client = connect()
    spreadsheet = client.open_by_key(plan)
    metadata = spreadsheet.fetch_sheet_metadata()
    values = spreadsheet.values_batch_get(["Settings", "Actuals"], params=READ)

    assert account_of(client) is None
    assert [sheet["properties"]["title"] for sheet in metadata["sheets"]] == ["Settings", "Actuals"]
    assert [v["range"] for v in values["valueRanges"]] == ["Settings!A1:Z1000", "Actuals!A1:Z1000"]
    assert values["valueRanges"][0]["values"][2] == ["Start month", 46023]  # typed 2026-01: a date
    assert values["valueRanges"][1]["values"][1] == ["M1", "Website visits", 1010]
    assert [(r.method, r.path) for r in sheets_api.requests] == [
        ("GET", f"/v4/spreadsheets/{plan}"),
        ("GET", f"/v4/spreadsheets/{plan}"),
        ("GET", f"/v4/spreadsheets/{plan}/values:batchGet"),
    ]
    assert sheets_api.requests[2].query["ranges"] == ["Settings", "Actuals"]


# Errors in words ------------------------------------------------------------------------------------------


def test_unknown_sheet_is_not_found_or_not_shared(sheets_api: SheetsFake) -> None:
    client = connect()
    message = failure(lambda: client.open_by_key("1NoSuchSheet"), "1NoSuchSheet")
    assert message == NOT_SHARED.format(key="1NoSuchSheet")


def test_private_sheet_gets_the_same_message(sheets_api: SheetsFake, plan: str) -> None:
    sheets_api.make_private(plan)
    client = connect()
    message = failure(lambda: client.open_by_key(plan), plan)
    assert message == NOT_SHARED.format(key=plan)


def test_on_the_emulator_the_message_says_so(sheets_api: SheetsFake) -> None:
    client = connect()
    message = failure(lambda: client.open_by_key("1NoSuchSheet"), "1NoSuchSheet", account=None)
    assert message == (
        f"Google Sheet 1NoSuchSheet not found or not shared on the Sheets emulator at {sheets_api.host} "
        "(SHEETPLAN_SHEETS_EMULATOR_HOST)"
    )


def test_writing_a_read_only_sheet_asks_for_editor(sheets_api: SheetsFake, plan: str) -> None:
    sheets_api.make_read_only(plan)
    worksheet = connect().open_by_key(plan).worksheet("Actuals")
    assert worksheet.get("A1") == [["Metric ID"]]  # reading still works

    message = failure(lambda: worksheet.update([["M2"]], "A3"), plan)
    assert message == f"no permission to edit Google Sheet {plan}: share it with {ACCOUNT} as Editor"
    assert sheets_api.values(plan, "Actuals")[2:] == []


def test_a_rejected_request_names_the_reason(sheets_api: SheetsFake, plan: str) -> None:
    spreadsheet = connect().open_by_key(plan)
    message = failure(lambda: spreadsheet.values_get("Nowhere!A1"), plan)
    reason = "Unable to parse range: Nowhere!A1"
    assert message == f"Google Sheets refused a request for {plan} (HTTP 400): {reason}"


def test_a_dead_emulator_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port that nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("SHEETPLAN_SHEETS_EMULATOR_HOST", f"127.0.0.1:{port}")
    client = connect()
    message = failure(lambda: client.open_by_key("1AbC"), "1AbC", account=None)
    assert message == (
        f"cannot reach the Sheets emulator at 127.0.0.1:{port} (SHEETPLAN_SHEETS_EMULATOR_HOST) "
        "for Google Sheet 1AbC: ConnectionError"
    )


def test_a_local_permission_error_is_not_mistaken_for_google(sheets_api: SheetsFake) -> None:
    with pytest.raises(PermissionError), translate_errors("1AbC", ACCOUNT):
        raise PermissionError("plan.xlsx")


# Retries ------------------------------------------------------------------------------------------------


def test_a_storm_of_three_429s_ends_in_success(
    sheets_api: SheetsFake, plan: str, sleeps: list[float]
) -> None:
    spreadsheet = connect().open_by_key(plan)
    sheets_api.reset_requests()
    sheets_api.fail_next(429, count=3)

    values = spreadsheet.values_batch_get(["Settings!A1:B1"], params=READ)

    assert values["valueRanges"][0]["values"] == [["Setting", "Value"]]
    assert [r.path for r in sheets_api.requests] == [f"/v4/spreadsheets/{plan}/values:batchGet"] * 4
    assert sleeps == [1.0, 2.0, 4.0]


def test_a_storm_longer_than_the_retries_is_a_quota_error(
    sheets_api: SheetsFake, plan: str, sleeps: list[float]
) -> None:
    spreadsheet = connect().open_by_key(plan)
    sheets_api.reset_requests()
    sheets_api.fail_next(429, count=50)

    message = failure(lambda: spreadsheet.values_batch_get(["Settings"]), plan)

    assert message == f"Google Sheets quota exhausted for {plan} after 6 tries; try again in a minute"
    assert len(sheets_api.requests) == 6
    assert sleeps == [1.0, 2.0, 4.0, 8.0, 16.0]


def test_fewer_retries_when_asked(sheets_api: SheetsFake, plan: str, sleeps: list[float]) -> None:
    sheets_api.fail_next(429, count=50)
    client = connect(retries=2)
    message = failure(lambda: client.open_by_key(plan), plan)
    assert message == f"Google Sheets quota exhausted for {plan} after 3 tries; try again in a minute"
    assert sleeps == [1.0, 2.0]


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_error_then_success(
    sheets_api: SheetsFake, plan: str, sleeps: list[float], status: int
) -> None:
    sheets_api.fail_next(status)
    assert connect().open_by_key(plan).title == "Acme plan"
    assert len(sheets_api.requests) == 2
    assert sleeps == [1.0]


def test_server_errors_past_the_retries(sheets_api: SheetsFake, plan: str, sleeps: list[float]) -> None:
    sheets_api.fail_next(503, count=50)
    client = connect()
    message = failure(lambda: client.open_by_key(plan), plan)
    assert message == f"Google Sheets kept failing for {plan} (HTTP 503) after 6 tries; try again later"


def test_retry_after_is_honoured(sheets_api: SheetsFake, plan: str, sleeps: list[float]) -> None:
    sheets_api.fail_next(429, count=2, retry_after=7)
    assert connect().open_by_key(plan).title == "Acme plan"
    assert sleeps == [7.0, 7.0]


def test_other_errors_are_not_retried(sheets_api: SheetsFake, plan: str, sleeps: list[float]) -> None:
    sheets_api.fail_next(403)
    client = connect()
    failure(lambda: client.open_by_key(plan), plan)
    assert len(sheets_api.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    ("tries", "retry_after", "delay"),
    [
        (1, None, 1.0),
        (2, None, 2.0),
        (5, None, 16.0),
        (9, None, 32.0),  # capped
        (1, "7", 7.0),
        (1, "0.5", 0.5),
        (1, "3600", 60.0),  # a Retry-After of an hour still waits at most a minute
        (1, "-3", 0.0),
        (1, "Thu, 01 Jan 1970 00:00:00 GMT", 0.0),  # a date in the past: go now
        (3, "soon", 4.0),  # unreadable: back off as usual
    ],
)
def test_retry_delay(tries: int, retry_after: str | None, delay: float) -> None:
    assert retry_delay(tries, retry_after) == delay


# Credentials --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def private_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return pem.decode("ascii")


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_key: str) -> dict[str, Path]:
    """Service-account key files in three places, and a home directory with no gspread key yet."""
    monkeypatch.delenv("SHEETPLAN_SHEETS_EMULATOR_HOST", raising=False)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    paths = {
        "given": tmp_path / "given.json",
        "env": tmp_path / "env.json",
        "default": tmp_path / "home" / ".config" / "gspread" / "service_account.json",
    }
    for name, path in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        info = {
            "type": "service_account",
            "project_id": "acme",
            "private_key_id": "1",
            "private_key": private_key,
            "client_email": f"{name}@acme.iam.gserviceaccount.com",
            "client_id": "1",
            "token_uri": "https://oauth2.googleapis.com/token",
        }
        path.write_text(json.dumps(info), encoding="utf-8")
    return paths


def test_credentials_given_come_first(keys: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(keys["env"]))
    assert account_of(connect(keys["given"])) == "given@acme.iam.gserviceaccount.com"


def test_then_google_application_credentials(keys: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(keys["env"]))
    assert account_of(connect()) == "env@acme.iam.gserviceaccount.com"


def test_then_gspread_default_file(keys: dict[str, Path]) -> None:
    assert account_of(connect()) == "default@acme.iam.gserviceaccount.com"


def test_no_credentials_anywhere(keys: dict[str, Path]) -> None:
    keys["default"].unlink()
    with pytest.raises(SourceError) as caught:
        connect()
    assert str(caught.value) == (
        "no Google credentials: no --credentials FILE given, GOOGLE_APPLICATION_CREDENTIALS not set, "
        f"and no service-account key at {keys['default']}"
    )


@pytest.mark.parametrize(
    ("env", "given", "message"),
    [
        (None, "missing.json", "credentials file {tmp}/missing.json not found"),
        (
            "missing.json",
            None,
            "credentials file {tmp}/missing.json not found (named by GOOGLE_APPLICATION_CREDENTIALS)",
        ),
        (
            None,
            "user.json",
            "credentials file {tmp}/user.json is not a service-account key"
            " (its type must be service_account)",
        ),
    ],
)
def test_unusable_credentials(
    keys: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    env: str | None,
    given: str | None,
    message: str,
) -> None:
    (tmp_path / "user.json").write_text('{"type": "authorized_user"}', encoding="utf-8")
    if env is not None:
        monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / env))
    with pytest.raises(SourceError) as caught:
        connect(None if given is None else tmp_path / given)
    assert str(caught.value) == message.format(tmp=tmp_path)


def test_the_emulator_needs_no_credentials(keys: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    keys["default"].unlink()
    monkeypatch.setenv("SHEETPLAN_SHEETS_EMULATOR_HOST", "127.0.0.1:8080")
    client = connect(Path("ignored.json"))
    assert isinstance(client, gspread.Client)
    assert account_of(client) is None
    assert "Authorization" not in client.http_client.session.headers


def test_a_bad_emulator_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHEETPLAN_SHEETS_EMULATOR_HOST", "http://localhost")
    with pytest.raises(SourceError) as caught:
        connect()
    assert str(caught.value) == (
        "SHEETPLAN_SHEETS_EMULATOR_HOST must be host:port, such as 127.0.0.1:8080, not 'http://localhost'"
    )
