"""The README stays true: its example commands run as written."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from sheetplan.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def console_commands() -> list[str]:
    """The `$ sheetplan ...` lines of the README's console blocks, in order."""
    blocks = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ sheetplan ")]


def test_the_readme_shows_a_month_of_commands() -> None:
    """The README's console blocks hold at least five sheetplan commands."""
    assert len(console_commands()) >= 5


def test_the_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each console command exits with 0 in an empty folder and leaves the files the README names."""
    monkeypatch.chdir(tmp_path)
    for line in console_commands():
        words = shlex.split(line)[1:]
        target = None
        if ">" in words:
            words, target = words[: words.index(">")], words[words.index(">") + 1]
        # A shell expands `exports/*`; the runner is given the files, as a shell would give them.
        words = [found for word in words for found in (sorted(glob.glob(word)) if "*" in word else [word])]
        result = CliRunner().invoke(cli, words)
        assert result.exit_code == 0, f"{line}\n{result.output}"
        if target:
            Path(target).write_text(result.stdout, encoding="utf-8")
    assert {"plan.xlsx", "plan.bak.xlsx", "review.json", "problems.json", "exports"} <= {
        p.name for p in tmp_path.iterdir()
    }
