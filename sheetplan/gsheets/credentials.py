"""Which Google service-account key sheetplan uses, and the credentials in it.

The key is the file given with `--credentials`, else the one `GOOGLE_APPLICATION_CREDENTIALS` names,
else gspread's default service-account file; google-auth is imported only to read it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _

if TYPE_CHECKING:
    from google.oauth2.service_account import Credentials

CREDENTIALS_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS"
# sheetplan reads and writes spreadsheets that users share with it; it never needs their Drive.
_SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)


def find_credentials(given: Path | None) -> Path:
    """The service-account key to use: the given file, GOOGLE_APPLICATION_CREDENTIALS, or gspread's."""
    if given is not None:
        if not given.is_file():
            raise SourceError(_("credentials file {given} not found").format(given=given))
        return given
    named = os.environ.get(CREDENTIALS_VARIABLE, "").strip()
    if named:
        if not Path(named).expanduser().is_file():
            raise SourceError(
                _("credentials file {named} not found (named by {credentials_variable})").format(
                    named=named, credentials_variable=CREDENTIALS_VARIABLE
                )
            )
        return Path(named).expanduser()
    default = _default_credentials_file()
    if default.is_file():
        return default
    raise SourceError(
        _(
            "no Google credentials: no --credentials FILE given, {credentials_variable} not "
            "set, and no service-account key at {default}"
        ).format(credentials_variable=CREDENTIALS_VARIABLE, default=default)
    )


def _default_credentials_file() -> Path:
    """gspread's default service-account file (~/.config/gspread/service_account.json)."""
    from gspread.auth import get_config_dir

    return get_config_dir() / "service_account.json"


def load_credentials(path: Path) -> Credentials:
    """The service-account credentials in a key file, or a SourceError saying what is wrong with it."""
    from google.oauth2.service_account import Credentials

    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise SourceError(_("cannot read credentials file {path}: {err}").format(path=path, err=err)) from err
    if not isinstance(info, dict) or info.get("type") != "service_account":
        raise SourceError(
            _(
                "credentials file {path} is not a service-account key (its type must be service_account)"
            ).format(path=path)
        )
    try:
        # google-auth leaves this constructor without type hints.
        credentials: Credentials = Credentials.from_service_account_info(  # type: ignore[no-untyped-call]
            info, scopes=_SCOPES
        )
        return credentials
    except (ValueError, KeyError) as err:
        raise SourceError(
            _("credentials file {path} is not a usable service-account key: {err}").format(path=path, err=err)
        ) from err
