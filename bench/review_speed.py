"""Where `sheetplan review` spends its time writing in place, stage by stage, against openpyxl.

    python bench/review_speed.py                 # the example plan and 2,000 metrics × 36 months
    python bench/review_speed.py PLAN.xlsx ...   # given workbooks

For each workbook, the best of several in-process runs of each stage of an in-place review, as
`xlsx.write` runs them, then the floor: the same file loaded and saved by plain openpyxl, which is
what writing a sheet into a workbook through a spreadsheet library costs at the least.
"""

from __future__ import annotations

import argparse
import gc
import io
import shutil
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import openpyxl  # noqa: E402
from plans import write_big_plan, write_example_plan  # noqa: E402

from sheetplan.api import read_plan, review_of  # noqa: E402
from sheetplan.layout.review import review_layout  # noqa: E402
from sheetplan.plan.collector import gc_paused  # noqa: E402
from sheetplan.review.log import log_of, merged_log  # noqa: E402
from sheetplan.review.variance import default_review_month  # noqa: E402
from sheetplan.xlsx import write as xlsx_write  # noqa: E402
from sheetplan.xlsx.graft import graft  # noqa: E402
from sheetplan.xlsx.package import Package  # noqa: E402
from sheetplan.xlsx.verify import verify_saved  # noqa: E402

OUT = HERE / "out"


def best(
    work: Callable[[Any], object],
    repeat: int,
    prepare: Callable[[], Any] = lambda: None,
    collect: bool = False,
) -> float:
    """The best time of `repeat` runs of `work(prepare())`, `prepare` untimed; with the cycle collector
    paused, as `review` runs, unless `collect`."""
    times = []
    for _ in range(repeat):
        gc.collect()
        given = prepare()
        started = time.perf_counter()
        if collect:
            work(given)
        else:
            with gc_paused():
                work(given)
        times.append(time.perf_counter() - started)
    return min(times)


def stages(path: Path, repeat: int) -> dict[str, float]:
    """The best in-process time of each stage of an in-place review of `path`, and of the floor."""
    today = date.today()
    month = default_review_month(today)
    read = read_plan(str(path), today)
    review = review_of(read, month, today)
    plan = read.plan
    layout = review_layout(review, plan.lang, plan.settings.review_day)
    log = merged_log(log_of(read.grid), review)
    before = {name: rows for name, rows in read.grid.items() if not xlsx_write._ours(name)}

    def grafted() -> Package:
        package = Package(path, str(path))
        graft(package, xlsx_write._grafts(package, layout, log, plan))
        return package

    saved = OUT / "review-speed.xlsx"
    package = grafted()
    with saved.open("wb") as stream:
        package.write(stream)
    kept = package.unchanged()
    return {
        "read and check": best(lambda _: read_plan(str(path), today), repeat),
        "compute": best(lambda _: review_of(read, month, today), repeat),
        "layout": best(lambda _: review_layout(review, plan.lang, plan.settings.review_day), repeat),
        "graft the sheet and the log": best(lambda _: grafted(), repeat),
        "write the zip": best(lambda ready: ready.write(io.BytesIO()), repeat, grafted),
        "verify": best(lambda _: verify_saved(saved, path, before, layout.name, log, kept), repeat),
        "floor: openpyxl load": best(lambda _: openpyxl.load_workbook(path), repeat, collect=True),
        "floor: openpyxl save": best(
            lambda book: book.save(io.BytesIO()), repeat, lambda: openpyxl.load_workbook(path), collect=True
        ),
    }


def report(path: Path, repeat: int) -> None:
    times = stages(path, repeat)
    ours = sum(seconds for stage, seconds in times.items() if not stage.startswith("floor"))
    floor = times["floor: openpyxl load"] + times["floor: openpyxl save"]
    print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB), best of {repeat}, in process")
    for stage, seconds in times.items():
        print(f"  {stage:30} {seconds:7.3f} s")
    print(f"  review in all {ours:.2f} s; openpyxl floor {floor:.2f} s; {ours / floor:.2f}× the floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    plans = arguments.plans
    if not plans:
        example = write_example_plan(OUT / "review-example.xlsx")
        plans = [example, write_big_plan(OUT / "review-2000x36.xlsx", 2000, 36, 10_000)]
    for path in plans:
        copy = OUT / f"{path.stem}-speed{path.suffix}"
        shutil.copyfile(path, copy)
        report(copy, arguments.repeat)


if __name__ == "__main__":
    main()
