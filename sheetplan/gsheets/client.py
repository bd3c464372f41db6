"""The connection to Google Sheets: which credentials, the emulator switch, bounded retries, errors in words.

gspread, requests and google-auth take about 0.4 s to import, so they are imported only once a
connection is made.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sheetplan.gsheets.credentials import find_credentials, load_credentials
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _

if TYPE_CHECKING:
    import gspread
    import requests
    from google.oauth2.service_account import Credentials
    from gspread.http_client import FileType, HTTPClient, ParamsType

EMULATOR_VARIABLE = "SHEETPLAN_SHEETS_EMULATOR_HOST"
_GOOGLE_ORIGINS = ("https://sheets.googleapis.com", "https://www.googleapis.com")
_RETRIES = 5
FIRST_DELAY, MAX_DELAY, MAX_RETRY_AFTER = 1.0, 32.0, 60.0
_TIMEOUT = (10.0, 120.0)  # seconds to connect, seconds to wait for an answer

# Tests replace this so that they never really wait.
_sleep: Callable[[float], None] = time.sleep

_HOST = re.compile(r"[A-Za-z0-9.-]+:\d{1,5}|\[[0-9A-Fa-f:.]+\]:\d{1,5}")


class _RetriesExhausted(Exception):
    """Google kept answering 429 or a 5xx to one request through every retry."""

    def __init__(self, status: int, tries: int, message: str) -> None:
        super().__init__(f"HTTP {status} after {tries} tries: {message}")
        self.status = status
        self.tries = tries


def connect(credentials: Path | None = None, *, retries: int = _RETRIES) -> gspread.Client:
    """A gspread client for the emulator named by SHEETPLAN_SHEETS_EMULATOR_HOST, else for Google.

    On Google it acts as the service account of the first key found: `credentials` (--credentials),
    then GOOGLE_APPLICATION_CREDENTIALS, then gspread's default service-account file.
    Raises SourceError when no usable key is found.
    """
    import gspread

    http_client = _retrying_http_client(retries)
    host = os.environ.get(EMULATOR_VARIABLE, "").strip()
    if host:
        if not _HOST.fullmatch(host):
            raise SourceError(
                _("{emulator_variable} must be host:port, such as 127.0.0.1:8080, not {host!r}").format(
                    emulator_variable=EMULATOR_VARIABLE, host=host
                )
            )
        # gspread reads `auth` only to build a session; with a session of our own it never does.
        client = gspread.Client(cast("Credentials", None), _emulator_session(host), http_client)
    else:
        client = gspread.Client(load_credentials(find_credentials(credentials)), http_client=http_client)
    client.set_timeout(_TIMEOUT)
    return client


def account_of(client: gspread.Client) -> str | None:
    """The e-mail address a client acts as (the service account's); None on the emulator."""
    address = getattr(getattr(client.http_client, "auth", None), "service_account_email", None)
    return address if isinstance(address, str) else None


def retry_delay(tries: int, retry_after: str | None) -> float:
    """Seconds to wait after the given number of failed tries: Retry-After if sent, else 1, 2, 4... s."""
    seconds = _seconds(retry_after) if retry_after else None
    if seconds is not None:
        return min(max(seconds, 0.0), MAX_RETRY_AFTER)
    return min(FIRST_DELAY * 2.0 ** (tries - 1), MAX_DELAY)


def _seconds(retry_after: str) -> float | None:
    """A Retry-After header in seconds; it holds either seconds or an HTTP date."""
    try:
        return float(retry_after)
    except ValueError:
        pass
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(retry_after).timestamp() - time.time()
    except (TypeError, ValueError):
        return None


@contextlib.contextmanager
def translate_errors(key: str, account: str | None) -> Iterator[None]:
    """Turn failed Google Sheets calls inside the block into one-line SourceErrors about sheet `key`.

    `account` is the address the sheet must be shared with (`account_of(client)`); None on the emulator.
    """
    try:
        yield
    except _RetriesExhausted as err:
        if err.status == 429:
            raise SourceError(
                _(
                    "Google Sheets quota exhausted for {key} after {tries} tries; try again in a minute"
                ).format(key=key, tries=err.tries)
            ) from err
        raise SourceError(
            _(
                "Google Sheets kept failing for {key} (HTTP {status}) after {tries} tries; try again later"
            ).format(key=key, status=err.status, tries=err.tries)
        ) from err
    except Exception as err:
        message = _describe(err, key, account)
        if message is None:
            raise
        raise SourceError(message) from err


def _describe(err: Exception, key: str, account: str | None) -> str | None:
    import requests
    from gspread.exceptions import APIError, SpreadsheetNotFound

    emulator = _("the Sheets emulator at {host} ({emulator_variable})").format(
        host=os.environ.get(EMULATOR_VARIABLE, "?"), emulator_variable=EMULATOR_VARIABLE
    )
    not_shared = (
        _("Google Sheet {key} not found or not shared on {emulator}").format(key=key, emulator=emulator)
        if account is None
        else _(
            "Google Sheet {key} not found or not shared with {account}: share it with that address"
        ).format(key=key, account=account)
    )
    # open_by_key turns a 403 into a bare PermissionError; a local file's PermissionError has no APIError.
    if isinstance(err, PermissionError) and isinstance(err.__cause__, APIError):
        err = err.__cause__
    if isinstance(err, SpreadsheetNotFound):
        return not_shared
    if isinstance(err, APIError):
        status = err.response.status_code
        text = " ".join(str(err.error.get("message", "")).split())
        if status == 404:
            return not_shared
        if status == 403 and "SERVICE_DISABLED" in json.dumps(err.error.get("details", [])):
            return _("the Google Sheets API is not enabled for the project of {account}: {text}").format(
                account=account, text=text
            )
        if status == 403 and err.response.request.method != "GET":
            if account is None:
                return _("no permission to edit Google Sheet {key} on {emulator}").format(
                    key=key, emulator=emulator
                )
            return _("no permission to edit Google Sheet {key}: share it with {account} as Editor").format(
                key=key, account=account
            )
        if status == 403:
            return not_shared
        if status == 429:
            return _("Google Sheets quota exhausted for {key} after 1 tries; try again in a minute").format(
                key=key
            )
        return _("Google Sheets refused a request for {key} (HTTP {status}): {text}").format(
            key=key, status=status, text=text
        )
    if isinstance(err, requests.RequestException):
        where = emulator if account is None else "Google Sheets"
        return _("cannot reach {where} for Google Sheet {key}: {kind}").format(
            where=where, key=key, kind=type(err).__name__
        )
    return None


def emulator_url(url: str, host: str) -> str:
    """A Google API URL sent to the emulator instead, over plain HTTP; other URLs are left alone."""
    for origin in _GOOGLE_ORIGINS:
        if url.startswith(origin + "/"):
            return f"http://{host}{url[len(origin) :]}"
    return url


def _emulator_session(host: str) -> requests.Session:
    import requests

    class EmulatorSession(requests.Session):
        """A session that sends Google API calls to the emulator, with no credentials."""

        def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
            request.url = emulator_url(str(request.url), host)
            return super().prepare_request(request)

    session = EmulatorSession()
    # No proxy or .netrc from the environment: the emulator is local and gets no credentials.
    session.trust_env = False
    return session


@functools.cache
def _retrying_http_client(retries: int) -> type[HTTPClient]:
    from gspread.exceptions import APIError
    from gspread.http_client import HTTPClient

    class RetryingHTTPClient(HTTPClient):
        """gspread's HTTP client, retrying 429 and 5xx answers a bounded number of times.

        gspread's own BackOffHTTPClient retries forever and ignores Retry-After.
        """

        def request(
            self,
            method: str,
            endpoint: str,
            params: ParamsType | None = None,
            data: bytes | None = None,
            json: Mapping[str, Any] | None = None,
            files: FileType = None,
            headers: MutableMapping[str, str] | None = None,
        ) -> requests.Response:
            for tries in itertools.count(1):
                try:
                    return super().request(method, endpoint, params, data, json, files, headers)
                except APIError as err:
                    status = err.response.status_code
                    if status != 429 and status < 500:
                        raise
                    if tries > retries:
                        raise _RetriesExhausted(status, tries, str(err.error.get("message", ""))) from err
                    _sleep(retry_delay(tries, err.response.headers.get("Retry-After")))
            raise AssertionError("unreachable")

    return RetryingHTTPClient
