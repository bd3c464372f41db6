"""`check` and `review` of a plan with one value far from its tables, against the same plan without it.

    python bench/far_cells.py               # the example (.xlsx; .ods too with LibreOffice) and 2,000 × 36
    python bench/far_cells.py --repeat 11

A value typed at ZZ20000, ALL50000 or XFD1048576 once made calamine build the rectangle from A1 to it:
0.9 s and 570 MB, 5 s and 2 GB, and at XFD1048576 an abort asking for 512 GB. Each command here runs in
a fresh process, taking turns with the same command on the plan without the far value; times are
medians, wall and CPU (user and system: on a shared machine CPU time varies less), memory the largest
peak. Also measured: the example with a big, uniform sheet of the user's
that compresses 121:1 (refused as a zip bomb before the guard bounded what unpacking costs instead).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO), str(REPO / "tests")]

from measure import Run, bytecode_env, compile_package, run_once  # noqa: E402
from plans import write_big_plan, write_example_plan  # noqa: E402

OUT = HERE / "out" / "far"
ENV = bytecode_env() | {"PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
SHEETPLAN = [sys.executable, "-m", "sheetplan"]
FAR = ("ZZ20000", "ALL50000", "XFD1048576")


def with_far_value(plan: Path, ref: str, sheet: str = "Actions") -> Path:
    """A copy of `plan` with a note at `ref` on `sheet`, added to the sheet's XML as Excel stores it."""
    path = plan.with_name(f"{plan.stem}-{ref}{plan.suffix}")
    with zipfile.ZipFile(plan) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    workbook = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rid = re.search(rf'<sheet name="{sheet}"[^>]*r:id="([^"]+)"', workbook)
    assert rid, f"no sheet {sheet}"
    target = re.search(
        rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    assert target
    part = "xl/" + (target.group(1) or target.group(2)).lstrip("/").removeprefix("xl/")
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    cell = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>far note</t></is></c></row>'
    parts[part] = parts[part].replace(b"</sheetData>", cell.encode() + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target_zip:
        for name, data in parts.items():
            target_zip.writestr(name, data)
    return path


def with_uniform_sheet(plan: Path) -> Path:
    """A copy of the example with a sheet of 4,000 long, identical notes: it compresses about 130:1."""
    from workbook_shapes import largest_ratio, uniform_sheet

    path = plan.with_name(f"{plan.stem}-uniform{plan.suffix}")
    shutil.copyfile(plan, path)
    uniform_sheet(path)
    print(f"{path.name}: largest part compressed {largest_ratio(path):.0f}:1")
    return path


def to_ods(path: Path) -> Path | None:
    """`path` converted by LibreOffice, which stores the far value as LibreOffice does; None without it."""
    if shutil.which("soffice") is None:
        return None
    profile = OUT / "libreoffice-profile"
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "ods"]
    subprocess.run([*command, "--outdir", str(OUT), str(path)], capture_output=True, timeout=600, check=True)
    return path.with_suffix(".ods")


def measure(plans: dict[str, Path], review: bool, repeat: int) -> dict[str, list[Run]]:
    """`check --json` (and an in-place `review`, each on a fresh copy) of every plan, taking turns."""
    copies = {name: OUT / "review" / f"{name}{path.suffix}" for name, path in plans.items()}
    commands = {f"check {name}": [*SHEETPLAN, "check", "--json", str(path)] for name, path in plans.items()}
    if review:
        commands |= {f"review {name}": [*SHEETPLAN, "review", str(copies[name])] for name in plans}
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            shutil.rmtree(OUT / "review", ignore_errors=True)
            (OUT / "review").mkdir(parents=True)
            for plan, path in plans.items():
                shutil.copyfile(path, copies[plan])
            runs[name].append(run_once(argv, ENV))
    return runs


def report(title: str, plans: dict[str, Path], review: bool, repeat: int) -> None:
    found = measure(plans, review, repeat)
    print(f"\n{title}\n")
    print("| plan | command | wall | CPU | peak memory | wall × plain | CPU × plain | memory × plain |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for command in ("check", "review") if review else ("check",):
        plain = _summary(found[f"{command} plain"])
        for name in plans:
            wall, cpu, peak = _summary(found[f"{command} {name}"])
            print(
                f"| {name} | {command} | {wall:.3f} s | {cpu:.3f} s | {peak:.0f} MB | {wall / plain[0]:.2f}×"
                f" | {cpu / plain[1]:.2f}× | {peak / plain[2]:.2f}× |"
            )


def _summary(runs: list[Run]) -> tuple[float, float, float]:
    """The median wall and CPU seconds of some runs, and their largest peak memory."""
    wall = statistics.median(run.seconds for run in runs)
    return wall, statistics.median(run.cpu for run in runs), max(run.peak_mb for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-big", action="store_true", help="leave out the 2,000-metric plan")
    arguments = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    compile_package(REPO / "sheetplan")
    example = write_example_plan(OUT / "example.xlsx")
    plans = {"plain": example} | {ref: with_far_value(example, ref) for ref in FAR}
    plans["uniform 121:1"] = with_uniform_sheet(example)
    report("The example plan (.xlsx), a note on Actions", plans, True, arguments.repeat)
    ods = {name: to_ods(path) for name, path in plans.items() if name != "uniform 121:1"}
    if all(ods.values()):
        report(
            "The example plan (.ods, saved by LibreOffice)",
            {n: p for n, p in ods.items() if p},
            True,
            arguments.repeat,
        )
    if not arguments.no_big:
        big = write_big_plan(OUT / "big.xlsx", 2000, 36, 10_000)
        report(
            "2,000 metrics × 36 months / 10,000 actions (.xlsx)",
            {"plain": big, "XFD1048576": with_far_value(big, "XFD1048576")},
            False,
            arguments.repeat,
        )


if __name__ == "__main__":
    main()
