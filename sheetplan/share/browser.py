"""A real browser engine for `report --pdf`: headless Chromium prints the report's HTML, with its A4
page CSS, to PDF.

Chromium is found as `SHEETPLAN_CHROMIUM`, else `chromium`, `chromium-browser` or `google-chrome` on
PATH. Each run gets a fresh profile folder and every background service switched off, so a print
touches neither the network nor the user's own browser profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sheetplan.plan.errors import UsageError, WriteError
from sheetplan.plan.i18n import _

NAMES = ("chromium", "chromium-browser", "google-chrome")
_TIMEOUT = 120
"""Seconds a print may take; Chromium starts in one or two."""
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Chromium's options for a run that starts no service and fetches nothing of its own."""


def find_chromium() -> str:
    """The Chromium to run; UsageError saying how to install one when there is none."""
    chosen = os.environ.get("SHEETPLAN_CHROMIUM")
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise UsageError(_("SHEETPLAN_CHROMIUM={chosen}: no such program").format(chosen=chosen))
        return found
    for name in NAMES:
        found = shutil.which(name)
        if found is not None:
            return found
    raise UsageError(
        _(
            "--pdf needs Chromium and none was found (chromium, chromium-browser, "
            "google-chrome): install it (Debian and Ubuntu: apt-get install chromium), or "
            "set SHEETPLAN_CHROMIUM to its path"
        )
    )


def run_headless(chromium: str, arguments: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run Chromium headless with a fresh profile and `arguments`; WriteError when it fails."""
    with tempfile.TemporaryDirectory(prefix="sheetplan-chromium-") as profile:
        command = [chromium, *FLAGS, f"--user-data-dir={profile}", *arguments]
        try:
            done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise WriteError(
                _("{chromium} did not finish within {timeout} seconds").format(
                    chromium=chromium, timeout=_TIMEOUT
                )
            ) from None
        except OSError as error:
            raise WriteError(
                _("{chromium} could not be started: {reason}").format(
                    chromium=chromium, reason=error.strerror or error
                )
            ) from None
    if done.returncode != 0:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        raise WriteError(
            _("{chromium} failed (exit {returncode}): {last}").format(
                chromium=chromium, returncode=done.returncode, last=last
            )
        )
    return done


def pdf_of(html: str) -> bytes:
    """The PDF Chromium prints of the page `html`, with no header or footer of its own."""
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="sheetplan-pdf-") as folder:
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        run_headless(chromium, ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()])
        data = pdf.read_bytes() if pdf.is_file() else b""
    if not data.startswith(b"%PDF"):
        raise WriteError(_("{chromium} printed no PDF").format(chromium=chromium))
    return data
