"""Timing and peak memory of whole commands, each run in a fresh process as a user would run it."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    """The median wall time and the largest peak memory over several runs of one command."""

    seconds: float
    peak_mb: float
    runs: int


GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run; raises when the command fails.

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
    return elapsed, peak_kb / 1024


def measure(
    argv: Sequence[str],
    repeat: int,
    before_each: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> Measurement:
    """Run a command `repeat` times (calling `before_each` first, untimed) and summarise."""
    times: list[float] = []
    peaks: list[float] = []
    for _ in range(repeat):
        if before_each:
            before_each()
        seconds, peak = run_once(argv, env)
        times.append(seconds)
        peaks.append(peak)
    return Measurement(statistics.median(times), max(peaks), repeat)
