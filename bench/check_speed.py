"""How long `sheetplan check` takes against python-calamine reading every cell, stage by stage.

    python bench/check_speed.py                 # the example plan and 2,000 metrics × 36 months
    python bench/check_speed.py PLAN.xlsx ...   # given workbooks

For each workbook: the best of several in-process runs of each stage (calamine alone; then guard,
read, load and check), and the best wall time, CPU time and peak memory of fresh processes running
`sheetplan check --json` and a script that reads every cell with calamine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from plans import write_big_plan  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from sheetplan.check import check_plan  # noqa: E402
from sheetplan.guard import guard_file  # noqa: E402
from sheetplan.load import load  # noqa: E402
from sheetplan.readers import read_workbook  # noqa: E402
from sheetplan.schema import sheet_by_name  # noqa: E402

OUT = HERE / "out"
CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python())
"""


def calamine_every_cell(path: Path) -> int:
    book = CalamineWorkbook.from_path(str(path))
    return sum(len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python())


def best(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def stages(path: Path, repeat: int) -> dict[str, float]:
    """The best in-process time of calamine alone and of each stage of `check`."""
    kind = guard_file(path)
    grid = read_workbook(path, kind, lambda name: sheet_by_name(name) is not None)
    plan, problems = load(grid, path.name)
    return {
        "calamine": best(lambda: calamine_every_cell(path), repeat),
        "guard": best(lambda: guard_file(path), repeat),
        "read": best(lambda: read_workbook(path, kind, lambda name: sheet_by_name(name) is not None), repeat),
        "load": best(lambda: load(grid, path.name), repeat),
        "check": best(lambda: check_plan(plan, today=date.today(), loaded=problems), repeat),
    }


def process(argv: list[str], repeat: int) -> tuple[float, float, float]:
    """The best wall time, its CPU time, and the largest peak memory (MB) of fresh runs of a command.

    The peak comes from GNU time when it is there: a child forked from this process, which holds the
    plan in memory, would otherwise report this process's size as its own.
    """
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        child = subprocess.Popen([*timer, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, _, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        stderr = child.stderr.read().decode() if child.stderr else ""
        peak = int(stderr.split()[-1]) / 1024 if timer else usage.ru_maxrss / 1024
        runs.append((elapsed, usage.ru_utime + usage.ru_stime, peak))
    wall, cpu, _ = min(runs)
    return wall, cpu, max(peak for _, _, peak in runs)


def report(path: Path, repeat: int) -> None:
    times = stages(path, repeat)
    ours = times["guard"] + times["read"] + times["load"] + times["check"]
    print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    print("  in process: " + ", ".join(f"{stage} {seconds:.3f} s" for stage, seconds in times.items()))
    print(f"  in process: check in all {ours:.3f} s = {ours / times['calamine']:.2f}× calamine")
    check = process([sys.executable, "-m", "sheetplan", "check", "--json", str(path)], repeat)
    calamine = process([sys.executable, "-c", CALAMINE, str(path)], repeat)
    for name, (wall, cpu, peak) in (("sheetplan check", check), ("calamine alone", calamine)):
        print(f"  process: {name:16} {wall:.3f} s wall, {cpu:.3f} s CPU, peak {peak:.0f} MB")
    print(f"  process: sheetplan check = {check[0] / calamine[0]:.2f}× calamine (wall)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    plans = arguments.plans
    if not plans:
        OUT.mkdir(exist_ok=True)
        example = OUT / "check-example.xlsx"
        init = [sys.executable, "-m", "sheetplan", "init", "--example", "--force", str(example)]
        subprocess.run(init, check=True, capture_output=True)
        plans = [example, write_big_plan(OUT / "check-2000x36.xlsx", 2000, 36, 10_000)]
    for path in plans:
        report(path, arguments.repeat)


if __name__ == "__main__":
    main()
