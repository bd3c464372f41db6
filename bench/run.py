"""The sheetplan benchmark: each command against the limit of the library under it, at four plan sizes.

    make bench                    # all sizes, writes bench/RESULTS.md
    python bench/run.py --quick   # the two small sizes only, one repetition

Every command runs in a fresh process, as a user runs it; times are medians over the repetitions and
memory is the process's peak resident size. The floors are measured the same way on the same files:
python-calamine reading every cell (for check), an openpyxl load and save (for review), XlsxWriter
writing the same cells without tables, formats or dropdowns (for init), and `import click` (start-up).
Then `sheetplan import` of a year of exports into the 2,000 × 36 plan, and `read_export` against the
`csv` module reading the same files (`import_plan.py`, `import_speed.py`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "tests")]

from import_plan import section as import_section  # noqa: E402
from measure import CALAMINE_FLOOR, Measurement, bytecode_env, compile_package, side_by_side  # noqa: E402
from plans import write_big_plan, write_example_plan  # noqa: E402
from sheets_fake import SheetsFake  # noqa: E402

from sheetplan.review.variance import default_review_month  # noqa: E402

OUT = HERE / "out"
PYTHON = sys.executable
SHEETPLAN = [str(Path(PYTHON).with_name("sheetplan"))]
ENV = bytecode_env()


@dataclass(frozen=True)
class Size:
    """One plan size of the benchmark."""

    name: str
    metrics: int
    months: int
    actions: int
    repeat: int

    @property
    def label(self) -> str:
        if self.name == "example":
            return "example"
        return f"{self.metrics:,} × {self.months} / {self.actions:,}"


SIZES = (
    Size("example", 0, 12, 0, 5),
    Size("small", 100, 24, 1_000, 5),
    Size("medium", 2_000, 36, 10_000, 3),
    Size("large", 5_000, 60, 20_000, 2),
)

OPENPYXL_FLOOR = """
import sys
import openpyxl
openpyxl.load_workbook(sys.argv[1]).save(sys.argv[1])
"""

XLSXWRITER_FLOOR = """
import sys
import xlsxwriter
from python_calamine import CalamineWorkbook
source = CalamineWorkbook.from_path(sys.argv[1])
grid = {name: source.get_sheet_by_name(name).to_python() for name in source.sheet_names}
workbook = xlsxwriter.Workbook(sys.argv[2])
for name, rows in grid.items():
    sheet = workbook.add_worksheet(name)
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
workbook.close()
"""


def plan_file(size: Size) -> Path:
    """The size's plan workbook, written once per run."""
    path = OUT / f"{size.name}.xlsx"
    if size.name == "example":
        return write_example_plan(path)
    return write_big_plan(path, size.metrics, size.months, size.actions)


def ratio(command: Measurement, floor: Measurement) -> str:
    return f"{command.seconds / floor.seconds:.2f}×"


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def bench_size(size: Size, repeat: int) -> list[str]:
    """Time every command on one size and return its table rows."""
    plan = plan_file(size)
    work = OUT / f"{size.name}-work.xlsx"
    month = str(default_review_month(date.today()))

    def fresh_copy() -> None:
        shutil.copyfile(plan, work)
        for stale in OUT.glob(f"{size.name}-work.*"):
            if stale != work:
                stale.unlink()

    init_out = OUT / f"{size.name}-init.xlsx"
    bare_out = OUT / f"{size.name}-bare.xlsx"
    init_cmd = [PYTHON, str(HERE / "write_plan.py"), str(plan), str(init_out)]
    writers = side_by_side(
        {"init": init_cmd, "bare": [PYTHON, "-c", XLSXWRITER_FLOOR, str(plan), str(bare_out)]},
        repeat,
        env=ENV,
    )
    readers = side_by_side(
        {
            "check": [*SHEETPLAN, "check", "--json", str(plan)],
            "calamine": [PYTHON, "-c", CALAMINE_FLOOR, str(plan)],
        },
        repeat,
        env=ENV,
    )
    rewriters = side_by_side(
        {
            "review": [*SHEETPLAN, "review", "--force", "--month", month, str(work)],
            "openpyxl": [PYTHON, "-c", OPENPYXL_FLOOR, str(work)],
        },
        repeat,
        fresh_copy,
        env=ENV,
    )
    init, bare = writers["init"], writers["bare"]
    check, calamine = readers["check"], readers["calamine"]
    review, openpyxl = rewriters["review"], rewriters["openpyxl"]
    size_mb = plan.stat().st_size / 1e6
    return [
        row(
            size.label,
            f"{size_mb:.1f} MB",
            "init (template writer)",
            f"{init.seconds:.2f} s",
            f"XlsxWriter bare {bare.seconds:.2f} s",
            ratio(init, bare),
            f"{init.peak_mb:.0f} MB",
        ),
        row(
            size.label,
            f"{size_mb:.1f} MB",
            "check",
            f"{check.seconds:.2f} s",
            f"calamine {calamine.seconds:.2f} s",
            ratio(check, calamine),
            f"{check.peak_mb:.0f} MB",
        ),
        row(
            size.label,
            f"{size_mb:.1f} MB",
            "review (in place)",
            f"{review.seconds:.2f} s",
            f"openpyxl load+save {openpyxl.seconds:.2f} s",
            ratio(review, openpyxl),
            f"{review.peak_mb:.0f} MB",
        ),
        # What a review adds to reading and checking the plan, which it does first.
        row(
            size.label,
            f"{size_mb:.1f} MB",
            "review (in place)",
            f"{review.seconds:.2f} s",
            f"check {check.seconds:.2f} s",
            ratio(review, check),
            f"{review.peak_mb:.0f} MB",
        ),
    ]


def google_requests(size: Size) -> str:
    """The table row of how many Sheets API requests each command makes on this size's plan."""
    plan = OUT / f"{size.name}.xlsx"
    pulled = OUT / f"{size.name}-pulled.xlsx"
    month = str(default_review_month(date.today()))
    counts = []
    with SheetsFake() as fake:
        key = fake.create(f"{size.name} plan", {"Sheet1": []})
        env = {**ENV, "SHEETPLAN_SHEETS_EMULATOR_HOST": fake.host}
        for command in (
            ["push", str(plan), f"gsheet:{key}"],
            ["check", "--json", f"gsheet:{key}"],
            ["review", "--force", "--month", month, f"gsheet:{key}"],
            ["pull", "--force", f"gsheet:{key}", str(pulled)],
        ):
            fake.reset_requests()
            done = subprocess.run([*SHEETPLAN, *command], env=env, capture_output=True, text=True)
            if done.returncode not in (0, 1):
                counts.append(f"{len(fake.requests)} (failed: {done.stderr.strip()[-60:]})")
                continue
            counts.append(str(len(fake.requests)))
    return row(size.label, *counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the two small sizes, one repetition")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    arguments = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    sizes = SIZES[:2] if arguments.quick else SIZES
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    compile_package(HERE.parent / "sheetplan")

    lines = [
        row(
            "plan (metrics × months / actions)", "file", "command", "median", "floor", "ratio", "peak memory"
        ),
        row(*["---"] * 7),
    ]
    google = [row("plan", "push", "check", "review", "pull"), row(*["---"] * 5)]
    for size in sizes:
        print(f"{size.label}...", flush=True)
        lines += bench_size(size, 1 if arguments.quick else size.repeat)
        google.append(google_requests(size))
        print("\n".join([*lines[-4:], google[-1]]), flush=True)
    start_up = side_by_side(
        {"help": [*SHEETPLAN, "--help"], "click": [PYTHON, "-c", "import click"]}, 15, env=ENV
    )
    help_, click = start_up["help"], start_up["click"]
    lines.append(
        row(
            "—",
            "—",
            "sheetplan --help",
            f"{help_.seconds:.3f} s",
            f"import click {click.seconds:.3f} s",
            ratio(help_, click),
            f"{help_.peak_mb:.0f} MB",
        )
    )
    imports = import_section(1 if arguments.quick else 5)
    elapsed = time.perf_counter() - started
    report = "\n".join(
        [
            "# Benchmark results",
            "",
            f"`make bench` on {date.today()}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
            f"{elapsed:.0f} s in all; load average {load_before:.2f} before, "
            f"{os.getloadavg()[0]:.2f} after.",
            "",
            "Each command runs in a fresh process, taking turns with its floor on the same file, with "
            "compiled modules as an installed package has them. Times are medians of the repetitions; "
            "peak memory is the largest maximum resident size of the command's runs.",
            "",
            *lines,
            "",
            "Run to run, the floors vary by as much as the commands (calamine reads the 2,000 × 36 plan "
            "in 0.22 to 0.35 s): `bench/README.md` has longer runs and the time of each stage.",
            "",
            *imports,
            "## Google Sheets requests per command",
            "",
            "Against the loopback fake of the Sheets API (tests/sheets_fake), through gspread's own "
            "HTTP code.",
            "",
            *google,
            "",
        ]
    )
    arguments.output.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
