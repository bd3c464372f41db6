"""The built wheel carries the presets, the report's templates and the compiled messages:
`sheetplan init --example` and `sheetplan report` work, and speak Bulgarian, from a fresh install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

REPO = Path(__file__).resolve().parent.parent


def run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    # A clean environment, so that nothing points back at the checkout.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.slow
def test_an_installed_wheel_writes_the_example(tmp_path: Path) -> None:
    run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp_path / "dist", REPO],
        tmp_path,
    )
    [wheel] = (tmp_path / "dist").glob("sheetplan-*.whl")
    run([sys.executable, "-m", "venv", tmp_path / "venv"], tmp_path)
    bin_dir = tmp_path / "venv" / "bin"
    run(
        [bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel],
        tmp_path,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(
        [
            bin_dir / "python",
            "-c",
            "from sheetplan.plan.presets import templates_dir; print(templates_dir())",
        ],
        elsewhere,
    )
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv")
    result = run([bin_dir / "sheetplan", "init", "--example", "--lang", "bg", "plan.xlsx"], elsewhere)
    assert result.stdout.startswith("Записан е plan.xlsx: 14 листа, 12 месеца от ")
    workbook = openpyxl.load_workbook(elsewhere / "plan.xlsx")
    assert workbook["Настройки"]["B2"].value == "План за социалните мрежи на Кафе Лазур"
    assert workbook["Ръководство"]["B1"].value == "Маркетингов план за действие"
    report = run([bin_dir / "sheetplan", "report", "plan.xlsx", "--out", "review.html"], elsewhere)
    assert report.stdout.startswith("Записани са review.html (")
    page = (elsewhere / "review.html").read_text(encoding="utf-8")
    assert "<h2>Накратко</h2>" in page and page.count("<svg") == 2
    # The Bulgarian messages, compiled into the wheel by its build hook, not read from a checkout.
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "sheetplan/locale/bg/LC_MESSAGES/sheetplan.mo" in names
    spoken = run([bin_dir / "sheetplan", "import", "--formats", "--lang", "bg"], elsewhere)
    assert "Meta posts (с публикации)" in spoken.stdout
