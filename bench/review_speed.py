"""Where `sheetplan review` spends its time writing in place, stage by stage, and what a graft would cost.

    python bench/review_speed.py                 # the example plan and 2,000 metrics × 36 months
    python bench/review_speed.py PLAN.xlsx ...   # given workbooks

For each workbook, the best of several in-process runs of each stage of an in-place review (as
`xlsx.write` runs them, with the cycle collector paused), then the same work done by plain openpyxl
(the floor's load and save, collector running), and the parts of the design that would write the
review without openpyxl: XlsxWriter writing the review sheet and the log into a workbook of their
own, and copying every part of the plan into a new zip.
"""

from __future__ import annotations

import argparse
import gc
import io
import shutil
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import openpyxl  # noqa: E402
import xlsxwriter  # noqa: E402
from plans import write_big_plan, write_example_plan  # noqa: E402

from sheetplan.api import PlanRead, read_plan, review_of  # noqa: E402
from sheetplan.layout.review import review_layout  # noqa: E402
from sheetplan.layout.sheet import SheetLayout, Style  # noqa: E402
from sheetplan.plan.schema import REVIEW_LOG  # noqa: E402
from sheetplan.read.workbook import gc_paused  # noqa: E402
from sheetplan.review.log import LogRow, merged_log  # noqa: E402
from sheetplan.review.model import Review  # noqa: E402
from sheetplan.review.variance import default_review_month  # noqa: E402
from sheetplan.xlsx import verify as xlsx_verify  # noqa: E402
from sheetplan.xlsx import write as xlsx_write  # noqa: E402
from sheetplan.xlsx.dropdowns import apply_dropdowns  # noqa: E402
from sheetplan.xlsx.save import save_workbook  # noqa: E402

OUT = HERE / "out"


def best(
    work: Callable[[Any], object],
    repeat: int,
    prepare: Callable[[], Any] = lambda: None,
    collect: bool = False,
) -> float:
    """The best time of `repeat` runs of `work(prepare())`, `prepare` untimed; the cycle collector
    paused as in `review`, unless `collect`."""
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
    """The best in-process time of each stage of an in-place review of `path`."""
    today = date.today()
    month = default_review_month(today)
    read = read_plan(str(path), today)
    review = review_of(read, month, today)
    layout = review_layout(review, read.plan.lang, read.plan.settings.review_day)
    workbook = xlsx_write._open(path)
    formulas = xlsx_write._formulas(workbook)
    log = xlsx_write._put_review(workbook, layout, review, read.plan)
    apply_dropdowns(workbook, read.plan)
    saved = OUT / "review-speed.xlsx"
    with saved.open("wb") as stream:
        save_workbook(workbook, stream)
    before = {name: rows for name, rows in read.grid.items() if not xlsx_write._ours(name)}

    def opened() -> Any:
        return xlsx_write._open(path)

    def loaded() -> Any:
        return openpyxl.load_workbook(path)

    return {
        "read and check": best(lambda _: read_plan(str(path), today), repeat),
        "compute": best(lambda _: review_of(read, month, today), repeat),
        "layout": best(
            lambda _: review_layout(review, read.plan.lang, read.plan.settings.review_day), repeat
        ),
        "openpyxl load": best(lambda _: opened(), repeat),
        "draw sheet and log": best(
            lambda book: xlsx_write._put_review(book, layout, review, read.plan), repeat, opened
        ),
        "dropdowns": best(lambda _: apply_dropdowns(workbook, read.plan), repeat),
        "save": best(lambda _: save_workbook(workbook, io.BytesIO()), repeat),
        "verify": best(
            lambda _: xlsx_verify.verify_saved(saved, path, before, formulas, layout.name, log), repeat
        ),
        "openpyxl's own save": best(lambda _: workbook.save(io.BytesIO()), repeat),
        "floor: load, collector on": best(lambda _: loaded(), repeat, collect=True),
        "floor: save, collector on": best(lambda book: book.save(io.BytesIO()), repeat, loaded, collect=True),
        "graft: XlsxWriter sheet and log": best(lambda _: xlsxwriter_review(read, review, layout), repeat),
        "graft: copy every part": best(lambda _: copy_parts(path), repeat),
    }


def xlsxwriter_review(read: PlanRead, review: Review, layout: SheetLayout) -> bytes:
    """The review sheet and the Review log written by XlsxWriter into a workbook of their own."""
    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, {"in_memory": True})
    formats = {name: book.add_format(_format(style)) for name, style in layout.styles.items()}
    sheet = book.add_worksheet(layout.name)
    for column, width in layout.widths.items():
        sheet.set_column(column - 1, column - 1, width)
    for row, height in layout.heights.items():
        sheet.set_row(row - 1, height)
    merged = {(merge.first_row, merge.first_column): merge for merge in layout.merges}
    covered = {
        (merge.first_row, column)
        for merge in layout.merges
        for column in range(merge.first_column + 1, merge.last_column + 1)
    }
    for cell in layout.cells:
        key = (cell.row, cell.column)
        style = formats[cell.style]
        if key in merged:
            merge = merged[key]
            sheet.merge_range(
                merge.first_row - 1,
                merge.first_column - 1,
                merge.last_row - 1,
                merge.last_column - 1,
                "",
                style,
            )
        if key in covered:
            continue
        row, column, value = cell.row - 1, cell.column - 1, cell.value
        if isinstance(value, str):
            sheet.write_string(row, column, value, style)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value, style)
        elif isinstance(value, date):
            sheet.write_datetime(row, column, value, style)
        else:
            sheet.write_blank(row, column, None, style)
    for rule in layout.rules:
        cells = rule.range
        options = {"type": "cell", "criteria": "==", "value": f'"{rule.text}"'}
        options["format"] = book.add_format(_format(layout.styles[rule.style]))
        sheet.conditional_format(
            cells.first_row - 1, cells.first_column - 1, cells.last_row - 1, cells.last_column - 1, options
        )
    for spec in layout.charts:
        chart = book.add_chart({"type": "bar"})
        for series in spec.series:
            chart.add_series(
                {
                    "name": series.name,
                    "categories": spec.categories.on(layout.name),
                    "values": series.values.on(layout.name),
                    "fill": {"color": f"#{series.colour}"},
                }
            )
        chart.set_title({"name": spec.title})
        sheet.insert_chart(spec.anchor[0] - 1, spec.anchor[1] - 1, chart)
    sheet.hide_gridlines(2)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_h_pagebreaks(list(layout.page_breaks))
    sheet.set_footer(f"&L{layout.footer}&R{layout.page_label}")
    log_sheet = book.add_worksheet(REVIEW_LOG.name(read.plan.lang))
    rows: list[LogRow] = merged_log([], review)
    log_sheet.write_row(0, 0, [column.header(read.plan.lang) for column in REVIEW_LOG.columns])
    for number, row in enumerate(rows, start=1):
        log_sheet.write_row(number, 0, row.cells(read.plan.lang))
    book.close()
    return stream.getvalue()


def _format(style: Style) -> dict[str, object]:
    found: dict[str, object] = {
        "bold": style.bold,
        "italic": style.italic,
        "font_size": style.size,
        "font_name": style.font,
        "num_format": style.number_format,
        "valign": "vcenter" if style.valign == "center" else "top",
        "text_wrap": style.wrap,
        "indent": style.indent,
    }
    if style.colour:
        found["font_color"] = f"#{style.colour}"
    if style.fill:
        found["bg_color"] = f"#{style.fill}"
    if style.border:
        found.update(border=1, border_color="#BFBFBF")
    elif style.underline:
        found.update(bottom=2, bottom_color="#1F3864")
    if style.align:
        found["align"] = style.align
    return found


def copy_parts(path: Path) -> bytes:
    """Every part of a workbook copied into a new zip, inflated and deflated again: the graft's upper
    bound for carrying the plan's own parts over unchanged."""
    stream = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
    return stream.getvalue()


def report(path: Path, repeat: int) -> None:
    times = stages(path, repeat)
    ours = sum(
        seconds for stage, seconds in times.items() if not stage.startswith(("floor", "graft", "openpyxl's"))
    )
    floor = times["floor: load, collector on"] + times["floor: save, collector on"]
    graft = (
        times["read and check"]
        + times["compute"]
        + times["layout"]
        + times["graft: XlsxWriter sheet and log"]
        + times["graft: copy every part"]
        + times["verify"]
    )
    print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB), best of {repeat}, in process")
    for stage, seconds in times.items():
        print(f"  {stage:34} {seconds:7.3f} s")
    print(f"  review in all {ours:.2f} s; openpyxl floor {floor:.2f} s; {ours / floor:.2f}× the floor")
    print(f"  graft estimate {graft:.2f} s: {graft / floor:.2f}× the floor")


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
