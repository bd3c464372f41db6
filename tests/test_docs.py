"""The README stays true: its command reference matches `--help`, and its examples run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from cogapp import Cog

from sheetplan.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def console_commands() -> list[str]:
    """The `$ sheetplan ...` lines of the README's console blocks, in order."""
    blocks = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ sheetplan ")]


def test_every_command_has_a_reference_section() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"### sheetplan {name}\n" not in text]
    assert missing == []


def test_the_reference_is_what_help_prints() -> None:
    # cog exits with a non-zero status when regenerating would change the file.
    assert Cog().main(["cog", "--check", str(README)]) == 0


def test_the_readme_shows_a_month_of_commands() -> None:
    assert len(console_commands()) >= 5


def test_the_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for line in console_commands():
        words = shlex.split(line)[1:]
        target = None
        if ">" in words:
            words, target = words[: words.index(">")], words[words.index(">") + 1]
        result = CliRunner().invoke(cli, words)
        assert result.exit_code == 0, f"{line}\n{result.output}"
        if target:
            Path(target).write_text(result.stdout, encoding="utf-8")
    assert {"plan.xlsx", "plan.bak.xlsx", "review.json", "problems.json"} <= {
        p.name for p in tmp_path.iterdir()
    }
