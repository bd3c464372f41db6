"""Bad and odd inputs for `sheetplan check`, each built in a test's folder by a small function.

Every case names what it builds, the exit code `check` must give and the one line it must print:
for exit 2 the whole of stderr, for exit 0 and 1 a line of the report. Nothing here is a binary file
checked in: each workbook, zip or impostor is written by openpyxl, XlsxWriter, zipfile or plain bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plan_builder import Grid, plan_grid, rewrite_zip, sample, set_cell, write_workbook

from sheetplan.plan.model import ErrorValue, FormulaValue

NAME = "plan.xlsx"


@dataclass(frozen=True)
class BadInput:
    """One case: how to build it in a folder, and what `sheetplan check NAME` must answer."""

    id: str
    build: Callable[[Path], object]
    exit_code: int
    line: str
    source: str = NAME


def _plan(folder: Path, change: Callable[[Grid], object] | None = None, engine: str = "xlsxwriter") -> Path:
    grid = plan_grid(sample())
    if change is not None:
        change(grid)
    return write_workbook(folder / NAME, grid, engine)


def _cells(*changes: tuple[str, str, object], engine: str = "xlsxwriter") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        return _plan(folder, lambda grid: [set_cell(grid, *change) for change in changes], engine)

    return build


def _emptied(grid: Grid) -> None:
    """Leave the headers alone on every sheet but Settings and Channels."""
    for sheet in ("Goals", "Owners", "Actions", "Metrics", "Forecasts", "Actuals", "Assumptions"):
        del grid[sheet][1:]


def _bytes(data: bytes, name: str = NAME) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

    return build


def _zip(members: dict[str, bytes], name: str = NAME) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in members.items():
                archive.writestr(member, data)
        return folder / name

    return build


def _rewrite(member: str, data: bytes) -> Callable[[Path], Path]:
    """A real plan with one zip member's content replaced."""
    return lambda folder: rewrite_zip(_plan(folder), {member: lambda _: data})


def _truncated(folder: Path) -> Path:
    path = _plan(folder)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def _claims_huge_size(folder: Path) -> Path:
    """A zip whose directory says one part unpacks to 600 MB: refused before anything is unpacked."""
    path = folder / NAME
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<worksheet/>")
        archive.filelist[-1].file_size = 600 * 2**20
    return path


def _understates_a_size(folder: Path) -> Path:
    """A real plan whose zip headers say its first sheet unpacks to 100 bytes: it unpacks to more."""
    path = _plan(folder)
    member = b"xl/worksheets/sheet1.xml"
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(member.decode()).header_offset
    data[local + 22 : local + 26] = (100).to_bytes(4, "little")
    central = data.find(b"PK\x01\x02")
    while (
        data[central + 46 : central + 46 + int.from_bytes(data[central + 28 : central + 30], "little")]
        != member
    ):
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def _encrypted_member(folder: Path) -> Path:
    path = folder / NAME
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.filelist[-1].flag_bits |= 0x1
    return path


def _bad_crc(folder: Path) -> Path:
    """A stored (uncompressed) sheet with one byte changed: the zip is whole, the data is not."""
    path = folder / NAME
    grid_file = _plan(folder)
    with zipfile.ZipFile(grid_file) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    damaged = bytearray(path.read_bytes())
    damaged[damaged.find(b"<sheetData>") + 3] ^= 0x20
    path.write_bytes(bytes(damaged))
    return path


def _folder(folder: Path) -> Path:
    (folder / NAME).mkdir()
    return folder / NAME


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?><!-- a comment first -->
<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook>&xxe;</workbook>"""

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
ONE_OWNER = "names several people; one owner per task: choose the one who answers for it"


def _delete(sheet: str) -> Callable[[Grid], object]:
    return lambda grid: grid.pop(sheet)


# The unusable sources: exit 2, one line on stderr.
SOURCE_CASES = [
    BadInput("missing file", lambda folder: None, 2, "plan.xlsx: no such file"),
    BadInput("a folder", _folder, 2, "plan.xlsx: is a folder, not a workbook"),
    BadInput("an empty file", _bytes(b""), 2, "plan.xlsx: empty file, not a workbook"),
    BadInput(
        "text saved as .xlsx",
        _bytes(b"Goal ID,Goal\nG1,Grow\n"),
        2,
        "plan.xlsx: not a workbook (not a zip file)",
    ),
    BadInput(
        "html saved as .xlsx",
        _bytes(b"<html><table></table></html>"),
        2,
        "plan.xlsx: not a workbook (not a zip file)",
    ),
    BadInput(
        "a .csv file",
        _bytes(b"a,b\n", "plan.csv"),
        2,
        'plan.csv: unsupported file type (".csv"); use .xlsx, .xlsm or .ods',
        "plan.csv",
    ),
    BadInput(
        "no suffix",
        _bytes(b"PK\x03\x04", "plan"),
        2,
        "plan: unsupported file type (no suffix); use .xlsx, .xlsm or .ods",
        "plan",
    ),
    BadInput(
        "an old .xls workbook",
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "plan.xls"),
        2,
        "plan.xls: encrypted or old .xls workbook; save it as .xlsx without a password",
        "plan.xls",
    ),
    BadInput(
        "a password-protected .xlsx (an OLE2 container)",
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)),
        2,
        "plan.xlsx: encrypted or old .xls workbook; save it as .xlsx without a password",
    ),
    BadInput(
        "a truncated zip", _truncated, 2, "plan.xlsx: damaged or truncated zip file, not a readable workbook"
    ),
    BadInput(
        "a zip that is not a workbook",
        _zip({"readme.txt": b"hello"}),
        2,
        "plan.xlsx: a zip file but not a workbook (no xl/workbook.xml or content.xml)",
    ),
    BadInput(
        "a Word document named .xlsx",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<document/>"}),
        2,
        "plan.xlsx: a zip file but not a workbook (no xl/workbook.xml or content.xml)",
    ),
    BadInput(
        "a binary .xlsb workbook named .xlsx",
        _zip({"xl/workbook.bin": b"\x00"}),
        2,
        "plan.xlsx: binary .xlsb workbook; save it as .xlsx",
    ),
    BadInput(
        "an .ods named .xlsx",
        _zip({"mimetype": ODS_MIMETYPE, "content.xml": b"<office:document-content/>"}),
        2,
        "plan.xlsx: holds an .ods workbook; rename it to end in .ods",
    ),
    BadInput(
        "an OpenDocument text named .ods",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}, "plan.ods"),
        2,
        "plan.ods: a zip file but not a workbook (no xl/workbook.xml or content.xml)",
        "plan.ods",
    ),
    BadInput(
        "a zip bomb: a part that unpacks to more than its header says",
        _understates_a_size,
        2,
        "plan.xlsx: xl/worksheets/sheet1.xml unpacks to more than the 100 bytes its zip header says;"
        " refusing to unpack it (zip bomb?)",
    ),
    BadInput(
        "a zip bomb: more parts than any workbook has",
        _zip({"xl/workbook.xml": b"<workbook/>"} | {f"xl/media/image{n}.png": b"" for n in range(10_000)}),
        2,
        "plan.xlsx: has 10,001 parts, more than 10,000; refusing to unpack it (zip bomb?)",
    ),
    BadInput(
        "a zip bomb: 600 MB unpacked",
        _claims_huge_size,
        2,
        "plan.xlsx: unpacks to 600 MB, more than 500 MB; refusing to unpack it (zip bomb?)",
    ),
    BadInput(
        "an encrypted zip member",
        _encrypted_member,
        2,
        "plan.xlsx: xl/workbook.xml is encrypted; save the workbook without a password",
    ),
    BadInput(
        "an XML bomb in the shared strings",
        _rewrite("xl/sharedStrings.xml", BILLION_LAUGHS),
        2,
        "plan.xlsx: xl/sharedStrings.xml declares a DOCTYPE, which workbooks never do; refusing to read it"
        " (XML bomb?)",
    ),
    BadInput(
        "an external entity in the workbook part",
        _rewrite("xl/workbook.xml", EXTERNAL_ENTITY),
        2,
        "plan.xlsx: xl/workbook.xml declares a DOCTYPE, which workbooks never do; refusing to read it (XML"
        " bomb?)",
    ),
    BadInput(
        "a sheet part that is not XML",
        _rewrite("xl/worksheets/sheet3.xml", b"<worksheet><sheetData><row"),
        2,
        "plan.xlsx: xl/worksheets/sheet3.xml is damaged: it ends too early; open the workbook in Excel or"
        " LibreOffice and save it again",
    ),
    BadInput(
        "a workbook with no sheets listed",
        _rewrite("xl/workbook.xml", b"<workbook/>"),
        2,
        'plan.xlsx: no sheets named "Settings", "Goals", "Owners", "Actions", "Metrics", "Forecasts",'
        ' "Actuals"',
    ),
    BadInput(
        "a sheet whose bytes were damaged",
        _bad_crc,
        2,
        "plan.xlsx: damaged or truncated zip file, not a readable workbook",
    ),
    BadInput(
        "a workbook that is not a plan",
        lambda folder: write_workbook(folder / NAME, {"Sheet1": [["Name", "Amount"], ["Rent", 900]]}),
        2,
        'plan.xlsx: no sheets named "Settings", "Goals", "Owners", "Actions", "Metrics", "Forecasts",'
        ' "Actuals"',
    ),
    BadInput(
        "no Actions sheet",
        lambda folder: _plan(folder, _delete("Actions")),
        2,
        'plan.xlsx: no sheet named "Actions"',
    ),
    BadInput(
        "no Due column",
        _cells(("Actions", "G1", "Deadline")),
        2,
        'plan.xlsx: sheet Actions has no column "Due" (header row 1)',
    ),
    BadInput(
        "no Metric ID column on Forecasts",
        _cells(("Forecasts", "A1", "Metric code")),
        2,
        'plan.xlsx: sheet Forecasts has no column "Metric ID" (header row 1)',
    ),
    BadInput(
        "no header row on Owners",
        lambda folder: _plan(folder, lambda grid: grid.update({"Owners": [["Maria"], ["Ivan"], ["Elena"]]})),
        2,
        'plan.xlsx: sheet Owners has no header row (none of rows 1-20 has the headers "Owner")',
    ),
]

# Plans that can be read: exit 1 with errors, 0 with warnings only; the line is one of the report.
PLAN_CASES = [
    BadInput(
        "goal without a problem statement",
        _cells(("Goals", "C2", "")),
        1,
        "  error   Goals!C2: no problem statement: say what problem this goal solves [missing_value]",
    ),
    BadInput(
        "goal without a reason",
        _cells(("Goals", "D2", " ")),
        1,
        "  error   Goals!D2: no reason: say why this goal matters [missing_value]",
    ),
    BadInput(
        "goal without an action",
        _cells(("Actions", "B4", "G1")),
        1,
        "  error   Goals!A3: goal G2 has no actions; add at least one on the Actions sheet"
        " [goal_without_actions]",
    ),
    BadInput(
        "goal without a metric",
        _cells(("Metrics", "C3", "G1")),
        1,
        "  error   Goals!A3: goal G2 has no metrics; add at least one on the Metrics sheet"
        " [goal_without_metrics]",
    ),
    BadInput(
        "action for a goal that does not exist",
        _cells(("Actions", "B2", "G7")),
        1,
        "  error   Actions!B2: G7 is not a Goal ID on the Goals sheet [unknown_goal]",
    ),
    BadInput(
        "action owned by two people",
        _cells(("Actions", "E2", "Maria, Ivan")),
        1,
        f'  error   Actions!E2: "Maria, Ivan" {ONE_OWNER} [several_owners]',
    ),
    BadInput(
        "action owned by two people, in Bulgarian",
        _cells(("Actions", "E3", "Мария и Иван")),
        1,
        f'  error   Actions!E3: "Мария и Иван" {ONE_OWNER} [several_owners]',
    ),
    BadInput(
        "action owned by someone not listed",
        _cells(("Actions", "E2", "Petya")),
        1,
        '  error   Actions!E2: "Petya" is not on the Owners sheet; add the person there first'
        " [unknown_owner]",
    ),
    BadInput(
        "action without a due date",
        _cells(("Actions", "G4", None)),
        1,
        "  error   Actions!G4: no due date [missing_value]",
    ),
    BadInput(
        "action with a due date that is not a date",
        _cells(("Actions", "G4", "soon")),
        1,
        '  error   Actions!G4: "soon" is not a date; use a date such as 2026-03-31 or 31.03.2026'
        " [not_a_date]",
    ),
    BadInput(
        "action with an unknown status",
        _cells(("Actions", "H3", "finished")),
        1,
        '  error   Actions!H3: "finished" is not an action status; use one of: not started, in progress,'
        " done,"
        " blocked, dropped [invalid_choice]",
    ),
    BadInput(
        "metric with an unknown direction",
        _cells(("Metrics", "F2", "higher")),
        1,
        '  error   Metrics!F2: "higher" is not a direction; use one of: up, down [invalid_choice]',
    ),
    BadInput(
        "metric with an unknown aggregation",
        _cells(("Metrics", "G2", "total")),
        1,
        '  error   Metrics!G2: "total" is not an aggregation; use one of: sum, last, average'
        " [invalid_choice]",
    ),
    BadInput(
        "metric missing a month's forecast",
        _cells(("Forecasts", "F3", None)),
        1,
        "  error   Forecasts!F3: M2 has no forecast for 2025-04 [missing_forecast]",
    ),
    BadInput(
        "two goals with one ID",
        _cells(("Goals", "A3", "G1")),
        1,
        "  error   Goals!A3: G1 is also on row 2; each Goal ID must be different [duplicate_id]",
    ),
    BadInput(
        "two actions with one ID",
        _cells(("Actions", "A3", "A1")),
        1,
        "  error   Actions!A3: A1 is also on row 2; each Action ID must be different [duplicate_id]",
    ),
    BadInput(
        "two metrics with one ID",
        _cells(("Metrics", "A3", "M1")),
        1,
        "  error   Metrics!A3: M1 is also on row 2; each Metric ID must be different [duplicate_id]",
    ),
    BadInput(
        "actuals for a metric that does not exist",
        _cells(("Actuals", "A5", "M8"), ("Actuals", "C5", 12)),
        1,
        "  error   Actuals!A5: M8 is not a Metric ID on the Metrics sheet [unknown_metric]",
    ),
    BadInput(
        "a formula without a saved result (openpyxl)",
        _cells(("Actuals", "D2", FormulaValue("=C2*1.1")), engine="openpyxl"),
        1,
        "  error   Actuals!D2: =C2*1.1 has no saved result (the file was saved by a program that does not"
        " calculate); open it in a spreadsheet program and save it, or type the value"
        " [formula_without_value]",
    ),
    BadInput(
        "an #N/A error cell (openpyxl)",
        _cells(("Forecasts", "E2", ErrorValue("#N/A")), engine="openpyxl"),
        1,
        "  error   Forecasts!E2: shows the error #N/A; put a value there [error_value]",
    ),
    BadInput(
        "a #DIV/0! formula result (XlsxWriter)",
        _cells(("Actions", "I2", ErrorValue("#DIV/0!"))),
        1,
        "  error   Actions!I2: shows the error #DIV/0!; put a value there [error_value]",
    ),
    BadInput(
        "a start month that is not a month",
        _cells(("Settings", "B3", "January")),
        1,
        '  error   Settings!B3: Start month: "January" is not a month; use YYYY-MM, such as 2026-03'
        " [bad_setting]",
    ),
    BadInput(
        "a review day the calendar cannot read, which the review does not need",
        _cells(("Settings", "B7", "every other Tuesday")),
        0,
        '  warning Settings!B7: Review day: "every other Tuesday" is not a review day; use e.g. third'
        " Thursday, last Friday or 15 [bad_setting]",
    ),
    BadInput(
        "an actual for a month that has not ended",
        _cells(("Actuals", "H2", 999)),
        0,
        "  warning Actuals!H2: an actual for 2025-06, which has not ended yet (this month is 2025-04)"
        " [future_actual]",
    ),
    BadInput(
        "an owner with no tasks",
        _cells(("Owners", "A5", "Boris")),
        0,
        "  warning Owners!A5: Boris owns no action; give them a task or remove them [owner_without_tasks]",
    ),
    BadInput(
        "a channel planned above its maximum",
        _cells(("Channels", "C3", 12)),
        0,
        "  warning Channels!C3: 12 posts a week planned on Instagram, more than its maximum of 7"
        " [too_many_posts]",
    ),
    BadInput(
        "a number typed as text in the Bulgarian way",
        _cells(("Forecasts", "C2", "1 234,5")),
        0,
        '  warning Forecasts!C2: "1 234,5" is a number typed as text, read as 1234.5; type it as a number'
        " [number_as_text]",
    ),
    BadInput(
        "an amount typed with its currency",
        _cells(("Actions", "I3", "€300")),
        0,
        '  warning Actions!I3: "€300" is a number typed as text, read as 300; type it as a number'
        " [number_as_text]",
    ),
    BadInput(
        "a day typed into a date-formatted due date, which stores it as 1900-01-15",
        _cells(("Actions", "G3", date(1900, 1, 15))),
        1,
        "  error   Actions!G3: 1900-01-15 is before 1950, not a date of the plan (a number typed into a"
        " cell formatted as a date reads as a day around 1900); use a date such as 2026-03-31 or"
        " 31.03.2026 [not_a_date]",
    ),
    BadInput(
        "a date whose order of day and month is not known",
        _cells(("Actions", "G3", "03/04/2025")),
        1,
        '  error   Actions!G3: "03/04/2025" could be 3 April 2025 or 4 March 2025 (the order of day and'
        " month is not known); type it as 2025-04-03 or 3 April 2025 [not_a_date]",
    ),
    BadInput(
        "an owner spelt in another case",
        _cells(("Actions", "E3", "elena")),
        0,
        '  warning Actions!E3: "elena" is spelt "Elena" on the Owners sheet; use the dropdown'
        " [owner_spelling]",
    ),
    BadInput(
        "an owner close to one listed",
        _cells(("Actions", "E3", "Elenna")),
        1,
        '  error   Actions!E3: "Elenna" is not on the Owners sheet; did you mean "Elena"? [unknown_owner]',
    ),
    BadInput(
        "a month that has ended without its actual",
        _cells(("Actuals", "E4", None)),
        0,
        "  warning Actuals!E4: M3 has no actual for 2025-03, which has ended; type the result before the"
        " review [missing_actual]",
    ),
    BadInput(
        "an actual typed into a cell formatted as %",
        _cells(("Actuals", "E3", 0.26)),
        0,
        "  warning Actuals!E3: 0.26 is about a hundredth of M2's forecast 25.5 for 2025-03: if it is 26%"
        " typed into a cell formatted as %, which holds it as 0.26, type 26 as the others are typed"
        " [percent_scale]",
    ),
    BadInput(
        "a plan with nothing in it yet",
        lambda folder: _plan(folder, _emptied),
        0,
        "  warning Owners!A2: the plan is empty: start here with the people who own tasks, then the goals"
        " on Goals, their actions on Actions, their metrics on Metrics and the metrics' forecasts on"
        " Forecasts [empty_plan]",
    ),
]
