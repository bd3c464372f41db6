"""The corpus of plans carrying Excel's features: each file is a sound package, opens, and is the same plan.

For every feature alone and for the file with all of them: every XML part is well-formed, every
relationship (and every `r:id`, `r:embed` and VML `o:relid` inside a part) points at something there,
every part has a content type; openpyxl opens it; sheetplan reads the plan the plain example is; and
LibreOffice opens it, re-saves it, and the re-saved file is still that plan.
"""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from excel_corpus.book import Book
from excel_corpus.checks import package_faults, resave
from excel_features import ALL_COMBINABLE, EXAMPLE_DAY, FEATURES, parts_of, plan_with
from libreoffice import needs_libreoffice

from sheetplan.api import PlanRead, read_plan

ALL = "all"
CASES = [*FEATURES, ALL]
EXPECTED: dict[str, dict[str, tuple[str, ...]]] = {
    "threaded_comments": {
        "xl/threadedComments/threadedComment1.xml": ("<threadedComment ", "parentId="),
        "xl/persons/person.xml": ("<person ",),
        "xl/comments1.xml": ("[Threaded comment]",),
        "xl/drawings/vmlDrawing1.vml": ('ObjectType="Note"',),
        "Actions": ("<legacyDrawing ",),
    },
    "legacy_comment": {
        "xl/drawings/vmlDrawing1.vml": ("<x:Visible/>", "width:240pt"),
        "Goals": ("<legacyDrawing ",),
    },
    "x14_validation": {"Actions": ("<x14:dataValidation ", "<xm:f>Owners!$A$2:$A$201</xm:f>")},
    "x14_conditional_format": {"Actions": ('<cfRule type="dataBar"', "<x14:dataBar ", "<x14:id>")},
    "sparklines": {"Forecasts": ("<x14:sparklineGroup ", "<xm:sqref>P2</xm:sqref>")},
    "pivot": {
        "xl/pivotTables/pivotTable1.xml": ("<pivotTableDefinition ", 'axis="axisRow"'),
        "xl/pivotCache/pivotCacheDefinition1.xml": ("<cacheField ",),
        "xl/pivotCache/pivotCacheRecords1.xml": ("<r><x ",),
        "xl/workbook.xml": ("<pivotCaches>",),
        "Pivot": ('<dimension ref="A3:B8"/>', '<c r="B8"><v>5490</v></c>'),
    },
    "slicer_timeline": {
        "xl/slicers/slicer1.xml": ("<slicer ",),
        "xl/slicerCaches/slicerCache1.xml": ("<x15:tableSlicerCache ",),
        "xl/timelines/timeline1.xml": ("<timeline ",),
        "xl/timelineCaches/timelineCache1.xml": ("<pivotTable ",),
        "xl/workbook.xml": ("<x14:slicerCache ", "<x15:timelineCacheRef ", ">#N/A</definedName>"),
        "Actions": ("<x14:slicerList ",),
        "Pivot": ("<x15:timelineRef ",),
    },
    "shapes": {"xl/drawings/drawing1.xml": ("<xdr:sp ", 'txBox="1"', "<xdr:cxnSp ", "<mc:AlternateContent ")},
    "form_control": {
        "xl/ctrlProps/ctrlProp1.xml": ('objectType="Button"',),
        "xl/ctrlProps/ctrlProp2.xml": ('objectType="CheckBox"',),
        "xl/drawings/vmlDrawing1.vml": ('ObjectType="Button"', 'ObjectType="Checkbox"'),
        "Owners": ("<controls>", "<legacyDrawing ", "<drawing "),
    },
    "images": {
        "xl/drawings/drawing1.xml": ("<asvg:svgBlip ",),
        "xl/media/image2.emf": (" EMF",),
        "xl/media/image4.svg": ("<svg ",),
    },
    "chart": {
        "xl/charts/chart1.xml": ("<c:lineChart>", "<c:title><c:overlay", '<c:autoTitleDeleted val="0"/>'),
        "xl/charts/style1.xml": ("<cs:chartStyle ",),
        "xl/charts/colors1.xml": ("<cs:colorStyle ",),
    },
    "chart_sheet": {
        "xl/chartsheets/sheet1.xml": ("<chartsheet ", "<drawing "),
        "xl/charts/chart1.xml": ("<c:barChart>",),
    },
    "custom_xml": {
        "customXml/item1.xml": ("<b:Sources ",),
        "customXml/itemProps1.xml": ("<ds:datastoreItem ",),
    },
    "external_link": {
        "xl/externalLinks/externalLink1.xml": ("<externalBook ",),
        "xl/workbook.xml": ("<externalReferences>",),
    },
    "rich_data": {
        "xl/richData/rdrichvalue.xml": ("<rv ",),
        "xl/metadata.xml": ("XLRICHVALUE",),
        "Goals": ('vm="1"',),
    },
    "cell_metadata": {"xl/metadata.xml": ("XLDAPR",), "Actuals": ('cm="1"', 't="array"')},
    "vba": {"xl/vbaProject.bin": ("Sub ShowOwners",), "[Content_Types].xml": ("macroEnabled.main+xml",)},
    "formula_results": {
        "Dashboard": ("<f>SUM(Actions!I2:I201)</f><v>",),
        "Forecasts": ("<f>SUM(C2:N2)</f><v>",),
    },
    "background_picture": {"Settings": ("<picture r:id=",)},
    "header_picture": {
        "Settings": ("&amp;G", "<legacyDrawingHF "),
        "xl/drawings/vmlDrawing1.vml": ("<v:imagedata ",),
    },
    "protected_ranges": {"Goals": ("<protectedRanges><protectedRange ",)},
    "ignored_errors": {"Channels": ('<ignoredError sqref="B2:B201" numberStoredAsText="1"/>',)},
    "thumbnail": {"_rels/.rels": ("metadata/thumbnail",), "docProps/thumbnail.jpeg": ("JFIF",)},
    "printer_settings": {
        "xl/printerSettings/printerSettings1.bin": ("Office Laser A4".encode("utf-16-le").decode("latin-1"),)
    },
}
"""What each feature alone must have written: part (or sheet by name) to the texts it holds."""


class Corpus:
    """The corpus's files, each made the first time a test asks for it."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.files, self.reads = folder, dict[str, Path](), dict[str, PlanRead]()

    def __getitem__(self, case: str) -> Path:
        if case not in self.files:
            self.files[case] = plan_with(
                self.folder, *(ALL_COMBINABLE if case == ALL else (case,) if case else ())
            )
        return self.files[case]

    def plain(self) -> PlanRead:
        if "" not in self.reads:
            self.reads[""] = read_plan(str(self[""]), EXAMPLE_DAY)
        return self.reads[""]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return Corpus(tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize("case", CASES)
def test_every_part_is_well_formed_has_a_content_type_and_its_references_resolve(
    corpus: Corpus, case: str
) -> None:
    assert package_faults(parts_of(corpus[case])) == []


def test_the_package_check_finds_what_is_wrong(corpus: Corpus) -> None:
    parts = parts_of(corpus["chart"])
    sheet = Book(parts).sheet("Forecasts")
    parts["xl/charts/chart1.xml"] = parts["xl/charts/chart1.xml"][:-20]
    del parts["xl/charts/style1.xml"]
    parts["xl/media/extra.gif"] = b"GIF89a"
    moved = re.sub(rb'<drawing r:id="rId\d+"/>', b"", parts[sheet])
    parts[sheet] = moved.replace(b"</worksheet>", b'<drawing r:id="rId9"/></worksheet>')
    faults = package_faults(parts)
    assert [fault.split(":")[0] for fault in faults] == [
        "xl/charts/chart1.xml",
        "content type for a missing part xl/charts/style1.xml",
        "no content type for xl/media/extra.gif",
        sheet,
        sheet,
        "xl/charts/_rels/chart1.xml.rels",
    ], faults
    assert "out of the schema's order" in faults[3] and "id=rId9 is not a relationship" in faults[4]
    assert "points at style1.xml, which is not there" in faults[5]


@pytest.mark.parametrize("name", FEATURES)
def test_each_feature_adds_the_parts_and_references_excel_writes(corpus: Corpus, name: str) -> None:
    book = Book(parts_of(corpus[name]))
    plain = parts_of(corpus[""])
    for where, texts in EXPECTED[name].items():
        part = where if "/" in where or "." in where else book.sheet(where)
        text = book.parts[part].decode("latin-1")
        assert [wanted for wanted in texts if wanted not in text] == [], part
        assert part not in plain or plain[part] != book.parts[part], part


@pytest.mark.parametrize("case", CASES)
def test_openpyxl_opens_it(corpus: Corpus, case: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "... extension is not supported and will be removed"
        workbook = openpyxl.load_workbook(corpus[case])
    plain = openpyxl.load_workbook(corpus[""]).sheetnames
    assert workbook.sheetnames[: len(plain)] == plain


@pytest.mark.parametrize("case", CASES)
def test_sheetplan_reads_the_same_plan_as_the_plain_example(corpus: Corpus, case: str) -> None:
    read = read_plan(str(corpus[case]), EXAMPLE_DAY)
    assert read.problems == corpus.plain().problems
    assert read.plan == corpus.plain().plan


def test_all_features_combine_into_one_workbook(corpus: Corpus) -> None:
    assert set(ALL_COMBINABLE) == set(FEATURES)
    everything = parts_of(corpus[ALL])
    types = set(re.findall(rb'ContentType="([^"]+)"', everything["[Content_Types].xml"]))
    types.add(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")  # before "vba"
    for name in FEATURES:
        alone = parts_of(corpus[name])
        assert set(re.findall(rb'ContentType="([^"]+)"', alone["[Content_Types].xml"])) <= types, name
        assert len(everything) >= len(alone), name
    assert corpus[ALL].suffix == ".xlsm"


def test_plan_with_is_repeatable_and_takes_the_features_in_any_order(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = parts_of(plan_with(tmp_path / "a", "pivot", "chart"))
    two = parts_of(plan_with(tmp_path / "b", "chart", "pivot", "chart"))
    assert one == two
    assert plan_with(tmp_path, "vba").suffix == ".xlsm" and plan_with(tmp_path, "images").suffix == ".xlsx"
    with pytest.raises(AssertionError, match="no such feature: sparkles"):
        plan_with(tmp_path, "sparkles")


def libreoffice(test: Callable[..., Any]) -> Callable[..., Any]:
    for mark in needs_libreoffice:
        test = mark(test)
    return test


@libreoffice
def test_libreoffice_opens_the_workbook_with_everything_and_keeps_the_plan(
    corpus: Corpus, tmp_path: Path
) -> None:
    resaved = resave([corpus[ALL]], tmp_path)[corpus[ALL]]
    read = read_plan(str(resaved), EXAMPLE_DAY)
    assert (read.problems, read.plan) == (corpus.plain().problems, corpus.plain().plan)
    parts = parts_of(resaved)
    text = b"".join(data for name, data in parts.items() if name.startswith("xl/comments"))
    assert b"5% of visits is the floor" in text and b"[Threaded comment]" in text
    assert [name for name in parts if name.startswith("xl/pivotTables/pivotTable")] != []
    assert len([name for name in parts if re.fullmatch(r"xl/charts/chart\d+\.xml", name)]) == 2
    assert len([name for name in parts if name.startswith("xl/media/")]) >= 4
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        dashboard = openpyxl.load_workbook(resaved, data_only=True)["Dashboard"]
    assert dashboard["B4"].value == pytest.approx(2090)


@libreoffice
@pytest.mark.slow
def test_libreoffice_opens_each_feature_alone(corpus: Corpus, tmp_path: Path) -> None:
    sources = [corpus[name] for name in FEATURES]
    for source, resaved in resave(sources, tmp_path).items():
        read = read_plan(str(resaved), EXAMPLE_DAY)
        assert (read.problems, read.plan) == (corpus.plain().problems, corpus.plain().plan), source.name
    shutil.rmtree(tmp_path / "libreoffice-profile", ignore_errors=True)
