"""`sheetplan import` of a year of five platforms' daily exports and 10,000 posts into a big plan.

    python bench/import_plan.py              # the 2,000 × 36 plan with 10,000 actions
    python bench/import_plan.py --repeat 5

The exports are `import_speed.py`'s (Meta's posts as Meta writes them, a Meta page series, X's
account overview, TikTok's overview, a GA4 download and LinkedIn's followers), and the plan's
Sources sheet feeds seven metrics from them. Each run is a fresh process, as a user runs it, on a
fresh copy of the plan: the first import fills twelve months of those metrics and writes the 10,000
posts into a new Posts sheet; the second, of the same files, changes nothing. Beside them: the
start-up (`sheetplan --version`), `sheetplan check` of the same plan (reading it), and the floor of
the exports alone (the `csv` module splitting them, calamine reading the workbook). Times are the
median wall time over the repetitions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "tests")]

from import_speed import OUT, QUIRKY, floor, totals, write_files  # noqa: E402
from import_speed import measure as measure_exports  # noqa: E402
from measure import bytecode_env  # noqa: E402
from plans import write_big_plan  # noqa: E402

from sheetplan.plan.model import Month  # noqa: E402

SHEETPLAN = str(Path(sys.executable).with_name("sheetplan"))
SOURCES = (
    ("M1", "Meta posts", "posts"),
    ("M2", "Meta posts", "Reach"),
    ("M3", "Meta page", "Views"),
    ("M4", "X account", "Impressions"),
    ("M5", "TikTok", "Video Views"),
    ("M6", "GA4", "Sessions"),
    ("M7", "LinkedIn followers", "Organic followers"),
)


def timed(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=bytecode_env())
    return time.perf_counter() - started


def measure(repeat: int) -> dict[str, float]:
    """The median wall seconds of each run over `repeat` rounds, taken in turn on a fresh copy of the
    plan: start-up, check, the first import, the same files again, and the floor of the exports."""
    exports = [path for path in write_files(OUT) if path.name != QUIRKY]
    plan = OUT.parent / "import-plan.xlsx"
    write_big_plan(plan, 2000, 36, 10_000, start=Month(2025, 1), actual_months=8, sources=SOURCES)
    work = OUT.parent / "import-plan-work.xlsx"
    runs: dict[str, list[float]] = {"start-up": [], "check": [], "import": [], "again": [], "floor": []}
    for _ in range(repeat):
        shutil.copy(plan, work)
        runs["start-up"].append(timed([SHEETPLAN, "--version"]))
        runs["check"].append(timed([SHEETPLAN, "check", str(work)]))
        runs["import"].append(timed([SHEETPLAN, "import", str(work), *map(str, exports)]))
        runs["again"].append(timed([SHEETPLAN, "import", str(work), *map(str, exports)]))
        started = time.perf_counter()
        for path in exports:
            floor(path)
        runs["floor"].append(time.perf_counter() - started)
    return {name: statistics.median(times) for name, times in runs.items()}


def section(repeat: int) -> list[str]:
    """The import's part of `make bench`'s results, in Markdown."""
    median = measure(repeat)
    start_up = median["start-up"]
    ours, least = totals(measure_exports(15))
    rows = [
        ("start-up (`sheetplan --version`)", median["start-up"]),
        ("`check` of the plan", median["check"]),
        ("the first import: 12 months of 7 metrics, 10,000 posts into a new Posts sheet", median["import"]),
        ("the same files again: nothing to change", median["again"]),
    ]
    return [
        "## Importing a year of exports",
        "",
        "`sheetplan import` of a year of daily exports of five platforms and Meta's export of 10,000 "
        f"posts into the 2,000 × 36 plan (`bench/import_plan.py`), fresh processes, median of {repeat}:",
        "",
        "| run | median | beyond start-up |",
        "| --- | --- | --- |",
        *(f"| {name} | {seconds:.2f} s | {seconds - start_up:.2f} s |" for name, seconds in rows),
        "",
        f"Reading the exports (`bench/import_speed.py`, best of 15, CPU): `read_export` {ours:.3f} s against "
        f"the `csv` module's (and calamine's) {least:.3f} s, {ours / least:.1f}×.",
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    median = measure(arguments.repeat)
    start_up = median["start-up"]
    for name, seconds in median.items():
        beyond = (
            f"  ({seconds - start_up:.2f} s beyond start-up)" if name in ("check", "import", "again") else ""
        )
        print(f"{name:<10} {seconds:6.2f} s{beyond}")
    print(f"import against the floor of its exports: {median['import'] / median['floor']:.1f}×")


if __name__ == "__main__":
    main()
