"""Timing and peak memory of whole commands, each run in a fresh process as a user would run it."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

CALAMINE_FLOOR = """
import sys
from python_calamine import CalamineWorkbook
workbook = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in workbook.sheet_names for row in workbook.get_sheet_by_name(name).to_python())
"""
"""The floor for reading, for `python -c SCRIPT PLAN`: python-calamine reading every cell of a workbook."""


@dataclass(frozen=True)
class Run:
    """One run of a command: wall seconds, CPU seconds (user and system), peak resident memory in MB."""

    seconds: float
    cpu: float
    peak_mb: float


@dataclass(frozen=True)
class Measurement:
    """The median wall time and the largest peak memory over several runs of one command."""

    seconds: float
    peak_mb: float
    runs: int


GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


def bytecode_env() -> dict[str, str]:
    """The environment to run commands in: one where Python keeps the modules it compiles.

    pip compiles a wheel's modules when it installs it. With PYTHONDONTWRITEBYTECODE set (as on the
    machines this project is built on) an editable install compiles sheetplan's sources again in
    every process instead, about 60 ms for `check`, which no user of an installed sheetplan pays.
    """
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def compile_package(package: Path) -> None:
    """Compile a package's modules into its __pycache__ folders, as pip does when it installs."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True, env=bytecode_env())


def run_once(argv: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """Time one run of a command; raises when the command fails.

    Linux carries a process's peak memory across fork and exec, so a child started from this (large)
    Python process would report at least this process's peak. GNU time is a small C program: the
    command's own peak is what it reports. Without it, the figure is an upper bound.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [GNU_TIME, "-f", "%M", "-o", report.name, *argv] if GNU_TIME else list(argv)
        started = time.perf_counter()
        process = subprocess.Popen(wrapped, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise RuntimeError(f"{' '.join(argv)} exited with {code}: {stderr.strip()}")
        peak_kb = int(report.read().split()[-1]) if GNU_TIME else usage.ru_maxrss
    return Run(elapsed, usage.ru_utime + usage.ru_stime, peak_kb / 1024)


def side_by_side(
    commands: Mapping[str, Sequence[str]],
    repeat: int,
    before_each: Callable[[], None] | None = None,
    env: Mapping[str, str] | None = None,
) -> dict[str, Measurement]:
    """Run each command `repeat` times, taking turns, and summarise each.

    Taking turns puts a command and its floor under the same load: on a shared machine, a slow
    minute slows both rather than one. `before_each` runs (untimed) before every run.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            if before_each:
                before_each()
            run = run_once(argv, env)
            times[name].append(run.seconds)
            peaks[name].append(run.peak_mb)
    return {name: Measurement(statistics.median(times[name]), max(peaks[name]), repeat) for name in commands}
