"""Ctrl-C in any command: one line, exit 130, and every file as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gsheets_support import big_plan, create_plan, run
from plan_builder import sample
from review_support import MONTH, example_plan, review, sample_plan
from sheets_fake import SheetsFake

from sheetplan.cli import cli
from sheetplan.files import safe_save
from sheetplan.files.safe_save import TEMP_MARK
from sheetplan.xlsx import verify
from sheetplan.xlsx.package import Package

SAMPLE_MONTH = "2025-03"
"""A month of the sample plan's (`plan_builder.sample`)."""


def interrupt(*_: object, **__: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("owner", "name"),
    [(Package, "__init__"), (Package, "write"), (verify, "read_workbook"), (os, "replace")],
    ids=["opening the plan", "writing the new file", "reading it back", "swapping it in"],
)
def test_an_interrupted_review_leaves_the_plan_and_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner: object, name: str
) -> None:
    plan = example_plan(tmp_path)
    original = plan.read_bytes()
    monkeypatch.setattr(owner, name, interrupt)
    result = review(plan, "--month", MONTH)
    assert (result.exit_code, result.stdout) == (130, "")
    assert result.stderr == f"interrupted; {plan} is unchanged\n"
    assert plan.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.xlsx"]


def test_an_interruption_after_the_swap_says_the_plan_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = example_plan(tmp_path)
    original = plan.read_bytes()
    # The last step of a save, after the new file has taken the old one's place.
    monkeypatch.setattr(safe_save, "_sync_folder", interrupt)
    result = review(plan, "--month", MONTH)
    assert (result.exit_code, result.stdout) == (130, "")
    assert result.stderr == f"interrupted after {plan} was written\n"
    assert plan.read_bytes() != original
    assert plan.with_name("plan.bak.xlsx").read_bytes() == original


def test_an_interrupted_dry_run_says_its_folder_was_written_once_a_message_is_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sheetplan.share import publish

    plan, outbox = sample_plan(tmp_path / "plan.xlsx", sample()), tmp_path / "outbox"
    written = publish.replace_safely

    def the_second_interrupted(path: Path, *arguments: object, **options: object) -> object:
        if any(outbox.iterdir()):
            raise KeyboardInterrupt
        return written(path, *arguments, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(publish, "replace_safely", the_second_interrupted)
    to = "a@example.com, b@example.com"
    result = run("send", plan, "--to", to, "--dry-run", outbox, "--month", SAMPLE_MONTH)
    assert (result.exit_code, result.stderr) == (130, f"interrupted after {outbox} was written\n")
    assert [path.name for path in outbox.iterdir()] == ["01-a@example.com.eml"]


def test_a_google_sheet_interrupted_has_either_the_whole_change_or_none(
    sheets_api: SheetsFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = create_plan(sheets_api, sample())
    monkeypatch.setattr("sheetplan.gsheets.review.batch_update", interrupt)
    result = run("review", f"gsheet:{key}", "--month", SAMPLE_MONTH)
    assert (result.exit_code, result.stdout) == (130, "")
    assert result.stderr == f"interrupted; gsheet:{key} has either the whole change or none of it\n"


@pytest.mark.slow
def test_a_drafts_folder_holding_links_to_itself_is_looked_at_only_once(tmp_path: Path) -> None:
    plan, outbox = sample_plan(tmp_path / "plan.xlsx", sample()), tmp_path / "outbox"
    outbox.mkdir()
    for name in ("here", "again"):
        (outbox / name).symlink_to(".")
    command = [sys.executable, "-m", "sheetplan", "send", str(plan), "--to", "a@example.com"]
    done = subprocess.run(
        [*command, "--dry-run", str(outbox), "--month", SAMPLE_MONTH], capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in outbox.iterdir()) == ["01-a@example.com.eml", "again", "here"]


def test_an_interrupted_check_says_only_that(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    plan = example_plan(tmp_path)
    monkeypatch.setattr("sheetplan.api.load", interrupt)
    result = CliRunner().invoke(cli, ["check", str(plan)])
    assert (result.exit_code, result.stderr) == (130, "interrupted\n")


def run_review(plan: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sheetplan", "review", str(plan), "--month", "2025-03"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A test run in the background inherits SIGINT ignored; a terminal's user would not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


@pytest.mark.slow
def test_ctrl_c_at_any_moment_of_a_real_review_leaves_the_plan_whole_and_says_what_it_did(
    tmp_path: Path,
) -> None:
    plan = sample_plan(tmp_path / "plan.xlsx", big_plan(1500))
    started = time.perf_counter()
    assert run_review(plan).wait(timeout=120) == 0
    whole = time.perf_counter() - started
    # A review of the same month writes the same file again; an interrupted one writes none.
    original = plan.read_bytes()
    unchanged, written = f"interrupted; {plan} is unchanged\n", f"interrupted after {plan} was written\n"
    outcomes = []
    for share in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85):
        swapped_in = plan.stat().st_ino
        process = run_review(plan)
        time.sleep(whole * share)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        outcomes.append(process.returncode)
        assert plan.read_bytes() == original, share
        swapped = plan.stat().st_ino != swapped_in
        if process.returncode == -signal.SIGINT:
            # Before the interpreter has set up its own handling, or after the command has finished
            # and the interpreter is closing down, Ctrl-C ends it silently, as it ends any program.
            assert err in ("", "interrupted\n", written if swapped else unchanged), share
            assert not out or out.splitlines()[-1].startswith("Wrote the sheet"), share
        elif process.returncode == 130:
            # Before the command line has read its arguments, it cannot yet name the plan.
            assert out == "", share
            said = written if swapped else unchanged
            assert err == said or (err == "interrupted\n" and not swapped), share
        else:
            # The review finished before the signal came.
            assert process.returncode == 0, err
            assert swapped, share
        assert not any(TEMP_MARK in path.name for path in tmp_path.iterdir())
    assert outcomes.count(130) >= 4, outcomes
