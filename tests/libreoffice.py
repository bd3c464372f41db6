"""LibreOffice as the tests use it: a real spreadsheet program that re-saves and prints workbooks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]
"""The marks of a test module that runs LibreOffice: `pytestmark = needs_libreoffice`."""


def convert(source: Path, target: str, folder: Path) -> Path:
    """`source` opened and saved by LibreOffice as `target` ("xlsx", "ods", "pdf") inside `folder`.

    Uses a LibreOffice profile of its own under `folder`, so that runs never share or collide.
    """
    out = folder / "libreoffice-out"
    profile = folder / "libreoffice-profile"
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    command += ["--convert-to", target, "--outdir", str(out), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    converted = out / f"{source.stem}.{target.split(':')[0]}"
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    return converted
