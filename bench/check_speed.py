"""How long `sheetplan check` takes against python-calamine reading every cell, stage by stage.

    python bench/check_speed.py                 # the example plan and 2,000 metrics × 36 months
    python bench/check_speed.py PLAN.xlsx ...   # given workbooks

For each workbook: the best of several in-process runs of each stage (calamine alone; then guard,
read, load and check), and the best wall time, CPU time and peak memory of fresh processes running
`sheetplan check --json` and a script that reads every cell with calamine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from measure import CALAMINE_FLOOR, Run, bytecode_env, run_once  # noqa: E402
from plans import write_big_plan, write_example_plan  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from sheetplan.check.rules import check_plan  # noqa: E402
from sheetplan.files.guard import guard_file  # noqa: E402
from sheetplan.plan.schema import sheet_by_name  # noqa: E402
from sheetplan.read.load import load  # noqa: E402
from sheetplan.read.workbook import read_workbook  # noqa: E402

OUT = HERE / "out"
ENV = bytecode_env()


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


def process(argv: list[str], repeat: int) -> Run:
    """The fastest of fresh runs of a command, with the largest peak memory of them all."""
    runs = [run_once(argv, ENV) for _ in range(repeat)]
    fastest = min(runs, key=lambda run: run.seconds)
    return replace(fastest, peak_mb=max(run.peak_mb for run in runs))


def report(path: Path, repeat: int) -> None:
    times = stages(path, repeat)
    ours = times["guard"] + times["read"] + times["load"] + times["check"]
    print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    print("  in process: " + ", ".join(f"{stage} {seconds:.3f} s" for stage, seconds in times.items()))
    print(f"  in process: check in all {ours:.3f} s = {ours / times['calamine']:.2f}× calamine")
    check = process([sys.executable, "-m", "sheetplan", "check", "--json", str(path)], repeat)
    calamine = process([sys.executable, "-c", CALAMINE_FLOOR, str(path)], repeat)
    for name, run in (("sheetplan check", check), ("calamine alone", calamine)):
        timing = f"{run.seconds:.3f} s wall, {run.cpu:.3f} s CPU"
        print(f"  process: {name:16} {timing}, peak {run.peak_mb:.0f} MB")
    print(f"  process: sheetplan check = {check.seconds / calamine.seconds:.2f}× calamine (wall)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    plans = arguments.plans
    if not plans:
        OUT.mkdir(exist_ok=True)
        example = write_example_plan(OUT / "check-example.xlsx")
        plans = [example, write_big_plan(OUT / "check-2000x36.xlsx", 2000, 36, 10_000)]
    for path in plans:
        report(path, arguments.repeat)


if __name__ == "__main__":
    main()
