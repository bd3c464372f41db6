"""How the review and the Review log print and read at a glance: page setup, titles, status colours."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from review_support import MONTH, example_plan, review

from sheetplan.layout.achievement import BAR_COLOURS


def reviewed(folder: Path) -> dict[str, bytes]:
    plan = example_plan(folder)
    assert review(plan, "--month", MONTH).exit_code == 0
    assert review(plan, "--month", MONTH).exit_code == 0  # again: one set of titles, not two
    with zipfile.ZipFile(plan) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sheet_part(parts: dict[str, bytes], name: str) -> bytes:
    workbook = parts["xl/workbook.xml"].decode()
    rel_id = re.search(rf'<sheet name="{name}" sheetId="\d+" r:id="(\w+)"', workbook)
    assert rel_id, name
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'Id="{rel_id[1]}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{rel_id[1]}"', rels
    )
    assert target
    return parts["xl/" + target[1].removeprefix("/xl/")]


def test_the_review_log_prints_portrait_one_page_wide_its_header_on_every_page(tmp_path: Path) -> None:
    parts = reviewed(tmp_path)
    workbook = parts["xl/workbook.xml"].decode()
    position = re.findall(r"<sheet name=\"([^\"]+)\"", workbook).index("Review log")
    titles = re.findall(r'<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)<', workbook)
    assert (str(position), "'Review log'!$1:$1") in titles
    assert [sheet for sheet, _ in titles].count(str(position)) == 1
    log = sheet_part(parts, "Review log").decode()
    assert '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>' in log
    # Each status label, in either language, takes its colour.
    assert log.count("<conditionalFormatting") == 8 and "on track" in log and "извън график" in log


def test_the_review_prints_a4_landscape_and_its_bars_take_their_statuses_colours(tmp_path: Path) -> None:
    parts = reviewed(tmp_path)
    sheet = sheet_part(parts, f"Review {MONTH}").decode()
    assert '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' in sheet
    bars = [
        part.decode() for name, part in parts.items() if name.startswith("xl/charts/") and b"barChart" in part
    ]
    assert len(bars) == 2
    colours = re.findall(r'<c:dPt><c:idx val="\d+"/>.*?<a:srgbClr val="(\w+)"/>', bars[0])
    assert len(colours) == 10 and set(colours) <= set(BAR_COLOURS.values())
    assert {"63BE7B", "F8696B"} <= set(colours)
