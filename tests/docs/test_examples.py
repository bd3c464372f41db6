"""Every example command in `--help` and in the README's code blocks runs as written.

Each runs in a folder of its own holding the example plan as `plan.xlsx`, the same plan as `plan.ods`
(saved by LibreOffice) and the exports of its last month in `exports/` (as `init --example --exports`
writes them), and nothing else, except `init`, which starts from an empty folder; `gsheet:KEY` is a
Google Sheet of the loopback fake holding the example plan. A `*` in a word is expanded as a shell
would.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from libreoffice import convert, needs_libreoffice
from sheets_fake import SheetsFake

from sheetplan.api import write_plan
from sheetplan.cli import cli

pytestmark = needs_libreoffice
README = Path(__file__).resolve().parents[2] / "README.md"
COMMANDS = ("init", "check", "import", "review", "baseline", "report", "calendar", "send", "push", "pull")


def help_examples() -> list[str]:
    """The example lines of `sheetplan --help` and of each command's `--help`."""
    found = []
    for command in ((), *((name,) for name in COMMANDS)):
        text = CliRunner().invoke(cli, [*command, "--help"]).stdout
        found += [line.strip() for line in text.splitlines() if line.strip().startswith("sheetplan ")]
    return found


def readme_examples() -> list[str]:
    """The `sheetplan ...` lines of the README's plain code blocks, without their comments."""
    lines, fence = [], None
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fence = line[3:] if fence is None else None
        elif fence == "" and line.startswith("sheetplan "):
            lines.append(re.sub(r"\s+#.*$", "", line))
    return lines


@pytest.fixture(scope="module")
def ready(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ready")
    write_plan(folder / "plan.xlsx", example=True)
    write_plan(tmp_path_factory.mktemp("exported") / "plan.xlsx", example=True, exports=folder / "exports")
    shutil.copy(convert(folder / "plan.xlsx", "ods", tmp_path_factory.mktemp("ods")), folder / "plan.ods")
    return folder


def test_there_are_examples_of_every_command() -> None:
    examples = help_examples() + readme_examples()
    assert {shlex.split(line)[1] for line in examples} == set(COMMANDS)


@pytest.mark.parametrize("line", sorted(set(help_examples() + readme_examples())))
def test_the_example_runs(
    line: str, ready: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets_api: SheetsFake
) -> None:
    words = shlex.split(line)[1:]
    target = None
    if ">" in words:
        words, target = words[: words.index(">")], words[words.index(">") + 1]
    if words[0] != "init":
        for name in ("plan.xlsx", "plan.ods"):
            shutil.copy(ready / name, tmp_path / name)
        shutil.copytree(ready / "exports", tmp_path / "exports")
    sheets_api.create("The team's plan", {"Sheet1": []}, id="KEY")
    monkeypatch.chdir(tmp_path)
    if words[0] != "push" and "gsheet:KEY" in words:
        assert CliRunner().invoke(cli, ["push", "plan.xlsx", "gsheet:KEY"]).exit_code == 0
    words = [found for word in words for found in (sorted(glob.glob(word)) if "*" in word else [word])]
    result = CliRunner().invoke(cli, words)
    # The example plan has metrics off track, which is what --fail-on is for.
    expected = 1 if "--fail-on" in words else 0
    assert result.exit_code == expected, f"{line}\n{result.output}"
    if target:
        assert result.stdout
