"""What a review changes in the workbook's package, and that it leaves no part behind or unlisted."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from defusedxml import ElementTree
from review_support import MONTH, example_plan, review

from sheetplan.xlsx.opc import content_types, relationships, rels_name

UNTOUCHED_BY_A_REVIEW = re.compile(r"xl/(tables|theme)/.*|xl/sharedStrings\.xml|docProps/core\.xml")


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_every_part_is_reachable_and_has_a_content_type(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    for month in ("2026-04", "2026-03", "2026-04"):
        assert review(plan, "--month", month).exit_code == 0
    found = parts(plan)
    defaults, overrides = content_types(found["[Content_Types].xml"])
    reachable = {"[Content_Types].xml", "_rels/.rels"}
    todo = ["_rels/.rels"]
    while todo:
        rels = todo.pop()
        owner = rels.replace("_rels/", "").removesuffix(".rels")
        for link in relationships(found[rels], owner):
            assert link.external or link.target in found, (rels, link)
            if link.target not in reachable:
                reachable.add(link.target)
                if rels_name(link.target) in found:
                    reachable.add(rels_name(link.target))
                    todo.append(rels_name(link.target))
    assert set(found) == reachable
    for name in found:
        assert name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
    assert set(overrides) <= set(found)
    # Two reviews, two drawings with eight charts each (two bar charts, six trends): the replaced
    # review's went with it.
    assert len([name for name in found if name.startswith("xl/charts/")]) == 16


def test_a_second_review_of_a_month_writes_the_same_file_again(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    assert review(plan, "--month", MONTH).exit_code == 0
    first = plan.read_bytes()
    assert review(plan, "--month", MONTH).exit_code == 0
    # The replaced review's drawing and charts went, and their names went to the new ones.
    assert plan.read_bytes() == first
    assert {name for name in parts(plan) if "drawing" in name} == {
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
    }


def test_a_part_no_relationship_reaches_keeps_its_name_and_bytes(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    with zipfile.ZipFile(plan, "a") as archive:
        archive.writestr("xl/drawings/drawing1.xml", b"<kept/>")
    assert review(plan, "--month", MONTH).exit_code == 0
    found = parts(plan)
    assert found["xl/drawings/drawing1.xml"] == b"<kept/>"
    assert "xl/drawings/drawing2.xml" in found


def test_the_first_review_changes_only_the_parts_it_must(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    before = parts(plan)
    assert review(plan, "--month", MONTH).exit_code == 0
    after = parts(plan)
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/workbook.xml",
        "xl/styles.xml",
        "docProps/app.xml",
        "xl/worksheets/sheet1.xml",
    }
    # In the Guide, which was the selected sheet, only that changed.
    assert after["xl/worksheets/sheet1.xml"] == before["xl/worksheets/sheet1.xml"].replace(
        b' tabSelected="1"', b""
    )
    assert all(after[name] == data for name, data in before.items() if UNTOUCHED_BY_A_REVIEW.fullmatch(name))
    # The styles only grow: every format the plan's cells use is where it was.
    for kind in (b"numFmts", b"fonts", b"fills", b"borders", b"cellXfs", b"dxfs"):
        pattern = b"<%s[^>]*>(.*?)</%s>" % (kind, kind)
        was = re.search(pattern, before["xl/styles.xml"], re.S)
        now = re.search(pattern, after["xl/styles.xml"], re.S)
        assert now is not None and (was is None or now.group(1).startswith(was.group(1))), kind


def test_a_review_put_before_other_sheets_moves_their_sheet_local_names(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    workbook = openpyxl.load_workbook(plan)
    notes = workbook.create_sheet("Team notes")
    notes.print_title_rows = "1:2"
    workbook.active = workbook.index(notes)
    workbook.save(plan)
    titles = {sheet.title: sheet.print_title_rows for sheet in workbook.worksheets}
    assert review(plan, "--month", MONTH).exit_code == 0
    workbook = openpyxl.load_workbook(plan)
    assert {title: workbook[title].print_title_rows for title in titles} == titles
    assert workbook.sheetnames[-4:] == ["Posts", "Review 2026-04", "Team notes", "Review log"]
    assert workbook.active.title == "Review 2026-04"
    selected = [sheet.title for sheet in workbook.worksheets if sheet.sheet_view.tabSelected]
    assert selected == ["Review 2026-04"]


def test_the_workbooks_properties_list_the_new_sheets(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    assert review(plan, "--month", MONTH).exit_code == 0
    root = ElementTree.fromstring(parts(plan)["docProps/app.xml"])
    vt = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
    listed = root.find(
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}TitlesOfParts"
    )
    assert listed is not None
    titles = [element.text for element in listed.iter(f"{vt}lpstr")]
    counts = [int(element.text or 0) for element in root.iter(f"{vt}i4")]
    names = openpyxl.load_workbook(plan, read_only=True).sheetnames
    assert titles[: counts[0]] == names


def test_a_replaced_drawing_named_in_capitals_gives_its_name_and_content_type_to_the_new_one(
    tmp_path: Path,
) -> None:
    plan = example_plan(tmp_path)
    assert review(plan, "--month", MONTH).exit_code == 0

    # Another program may have saved the review's drawing and charts as Drawing1.xml, Chart1.xml.
    renamed = {}
    for name, data in parts(plan).items():
        if name.endswith(".rels") or name == "[Content_Types].xml":
            data = re.sub(rb"(drawing|chart)(\d+\.xml)", lambda m: m[1].capitalize() + m[2], data)
        renamed[re.sub(r"(?<=/)(drawing|chart)(?=\d+\.xml)", lambda m: m[1].capitalize(), name)] = data
    with zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in renamed.items():
            archive.writestr(name, data)
    assert "xl/drawings/Drawing1.xml" in parts(plan)
    assert review(plan, "--month", MONTH).exit_code == 0
    found = parts(plan)
    __, overrides = content_types(found["[Content_Types].xml"])
    drawn = [name for name in found if re.fullmatch(r"xl/(drawings|charts)/\w+\.xml", name)]
    assert len(drawn) == 9
    assert all(name in overrides for name in drawn), sorted(set(drawn) - set(overrides))
