"""How long `sheetplan report` takes on the example plan, and with `--pdf`, against `review --dry-run`.

    python bench/report_speed.py              # 7 fresh processes of each, taking turns
    python bench/report_speed.py --repeat 15

Each command runs in a fresh process with compiled modules kept (`measure.bytecode_env`), as an
installed sheetplan runs. `review --dry-run` reads, checks and reviews the same plan and writes
nothing: the difference is what laying out the page, drawing its two charts with pygal and writing
it cost, and for `--pdf`, Chromium starting and printing it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from measure import bytecode_env, compile_package, side_by_side  # noqa: E402

from sheetplan.api import write_plan  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    compile_package(HERE.parent / "sheetplan")
    sheetplan = shutil.which("sheetplan", path=str(Path(sys.executable).parent)) or "sheetplan"
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.xlsx"
        write_plan(plan, example=True)
        page, pdf = Path(folder) / "plan.html", Path(folder) / "plan.pdf"
        commands = {
            "review --dry-run": [sheetplan, "review", str(plan), "--dry-run"],
            "report": [sheetplan, "report", str(plan), "--out", str(page)],
            "report --pdf": [sheetplan, "report", str(plan), "--out", str(page), "--pdf", str(pdf)],
        }
        results = side_by_side(commands, args.repeat, env=bytecode_env())
        print("| command | median | peak memory |")
        print("| --- | --- | --- |")
        for name, measured in results.items():
            print(f"| {name} | {measured.seconds:.2f} s | {measured.peak_mb:.0f} MB |")
        print(f"\nreport: {page.stat().st_size / 1024:.0f} KB; PDF: {pdf.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
