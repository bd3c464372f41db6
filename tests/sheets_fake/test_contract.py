"""Holds the Sheets API fake (tests/sheets_fake) against answers recorded from the real API.

The recordings are VCR cassettes from gspread's own test suite (MIT, see the licence beside them), kept
in tests/sheets_fake/cassettes/. Each cassette is replayed in order against the fake, request for request,
and every Sheets API answer is compared with the recorded one:

- the HTTP status of every answer;
- error answers: the whole `error` object (code, message, status, details);
- value answers (values.get, batchGet, update, batchUpdate, clear): the whole body, which checks range
  normalisation (`'Sheet1'` -> `Sheet1!A1:D2`), trimming of empty cells and rows, the missing `values`
  key of an empty range, render options and the update counts;
- metadata: spreadsheetId, spreadsheetUrl, properties title/locale/timeZone/autoRecalc and every tab's
  properties (title, index, sheetType, gridProperties, hidden);
- batchUpdate replies (addSheet answers the new tab's properties), grid data read through a field mask,
  and the id and name of Drive's file facts.

Not compared, and why:
- sheetIds that the real API picked at random for new tabs: the replay maps each recorded id to the
  fake's and back, so requests that name a tab still reach the right one;
- `properties.defaultFormat` and `properties.spreadsheetTheme`, the look of a new spreadsheet, which the
  fake does not model and sheetplan never reads;
- Drive's createdTime/modifiedTime, and all headers: they are facts of the recording day.

Drive's create and delete calls are set-up, not answers to compare: the replay creates the spreadsheet
in the fake with the recorded id and title, and deletes it. A spreadsheet the recording was refused
(403) without creating it is created private.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import requests

from sheets_fake import SheetsFake

CASSETTES = Path(__file__).parent / "cassettes"
DRIVE_FILES = "https://www.googleapis.com/drive/v3/files"
HOSTS = ("https://sheets.googleapis.com", "https://www.googleapis.com")
IGNORED_PROPERTIES = ("defaultFormat", "spreadsheetTheme")
IGNORED_DRIVE_FIELDS = ("createdTime", "modifiedTime")
READ_QUOTA = (
    "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of "
    "service 'sheets.googleapis.com' for consumer 'project_number:123456789012'."
)


@dataclass(frozen=True)
class Exchange:
    """One recorded request and the real API's answer to it."""

    cassette: str
    index: int
    method: str
    uri: str
    body: str | None
    status: int
    answer: Any

    @property
    def setup(self) -> bool:
        """Drive calls that create or delete the spreadsheet under test."""
        creates = self.method == "POST" and self.uri.startswith(DRIVE_FILES + "?")
        return creates or (self.method == "DELETE" and self.uri.startswith(DRIVE_FILES))

    @property
    def label(self) -> str:
        path = unquote(self.uri.split("?")[0]).split("/v4/spreadsheets/")[-1].split("/drive/v3/")[-1]
        tail = path.partition("/")[2] or path.partition(":")[2] or "metadata"
        return f"{self.cassette}-{self.index:02d}-{self.method}-{tail[:30]}"


def load(path: Path) -> list[Exchange]:
    exchanges = []
    for index, interaction in enumerate(json.loads(path.read_text("utf-8"))["interactions"]):
        request, response = interaction["request"], interaction["response"]
        text = response["body"]["string"]
        exchanges.append(
            Exchange(
                cassette=path.stem,
                index=index,
                method=request["method"],
                uri=request["uri"],
                body=request["body"],
                status=response["status"]["code"],
                answer=json.loads(text) if text else None,
            )
        )
    return exchanges


def cases() -> list[Any]:
    return [
        pytest.param(exchange, id=exchange.label)
        for path in sorted(CASSETTES.glob("*.json"))
        for exchange in load(path)
        if not exchange.setup
    ]


def remap_sheet_ids(value: Any, ids: dict[int, int]) -> Any:
    """Replace every `sheetId` found in `ids`, at any depth."""
    if isinstance(value, list):
        return [remap_sheet_ids(item, ids) for item in value]
    if isinstance(value, dict):
        return {
            key: ids.get(item, item) if key == "sheetId" else remap_sheet_ids(item, ids)
            for key, item in value.items()
        }
    return value


def comparable(answer: Any) -> Any:
    """An answer without the fields this test does not compare (see the module docstring)."""
    if not isinstance(answer, dict):
        return answer
    answer = {key: value for key, value in answer.items() if key not in IGNORED_DRIVE_FIELDS}
    if isinstance(answer.get("properties"), dict) and "spreadsheetId" in answer:
        properties = answer["properties"]
        answer["properties"] = {k: v for k, v in properties.items() if k not in IGNORED_PROPERTIES}
    return answer


class Replayer:
    """Replays whole cassettes against one fake; remembers each answer, in recorded sheetIds."""

    def __init__(self, fake: SheetsFake) -> None:
        self.fake = fake
        self.session = requests.Session()
        self.answers: dict[tuple[str, int], tuple[int, Any]] = {}

    def answer(self, exchange: Exchange) -> tuple[int, Any]:
        if (exchange.cassette, exchange.index) not in self.answers:
            self.replay(load(CASSETTES / f"{exchange.cassette}.json"))
        return self.answers[(exchange.cassette, exchange.index)]

    def replay(self, exchanges: list[Exchange]) -> None:
        created = {e.answer["id"] for e in exchanges if e.setup and e.method == "POST"}
        for exchange in exchanges:
            key = exchange.uri.split("?")[0].rstrip("/").split("/")[-1].split(":")[0]
            if exchange.status == 403 and key not in created:
                self.fake.create("not shared with the caller", id=key)
                self.fake.make_private(key)
                created.add(key)
        to_fake: dict[int, int] = {}
        to_recorded: dict[int, int] = {}
        for exchange in exchanges:
            if exchange.setup:
                self.set_up(exchange)
                continue
            body = exchange.body
            if body:
                body = json.dumps(remap_sheet_ids(json.loads(body), to_fake))
            url = exchange.uri
            for host in HOSTS:
                url = url.replace(host, self.fake.url)
            response = self.session.request(
                exchange.method, url, data=body.encode("utf-8") if body else None, headers=_JSON
            )
            answer = response.json() if response.content else None
            for recorded, actual in zip(_added_ids(exchange.answer), _added_ids(answer), strict=False):
                to_fake[recorded], to_recorded[actual] = actual, recorded
            self.answers[(exchange.cassette, exchange.index)] = (
                response.status_code,
                remap_sheet_ids(answer, to_recorded),
            )

    def set_up(self, exchange: Exchange) -> None:
        if exchange.method == "POST":
            self.fake.create(json.loads(exchange.body or "{}")["name"], id=exchange.answer["id"])
        else:
            self.fake.delete(exchange.uri.split("?")[0].split("/")[-1])


_JSON = {"Content-Type": "application/json"}


def _added_ids(answer: Any) -> list[int]:
    if not isinstance(answer, dict):
        return []
    replies = answer.get("replies", [])
    return [r["addSheet"]["properties"]["sheetId"] for r in replies if "addSheet" in r]


@pytest.fixture(scope="module")
def replayer() -> Iterator[Replayer]:
    with SheetsFake() as fake:
        yield Replayer(fake)


@pytest.mark.parametrize("exchange", cases())
def test_fake_answers_like_the_real_api(replayer: Replayer, exchange: Exchange) -> None:
    status, answer = replayer.answer(exchange)
    assert status == exchange.status
    assert comparable(answer) == comparable(exchange.answer)


# What the recordings do not show ---------------------------------------------------------------------
# Behaviour of the real API that sheetplan relies on but that no cassette records, taken from the API
# reference (developers.google.com/sheets/api/reference/rest). These hold the fake to it.


class Api:
    """Plain HTTP calls to the fake's Sheets API for one spreadsheet."""

    def __init__(self, fake: SheetsFake) -> None:
        self.fake = fake
        self.key = fake.create("Plan", {"Data": [["a", "b"]], "It's mine": [["x"]]})
        self.base = f"{fake.url}/v4/spreadsheets/{self.key}"
        self.session = requests.Session()

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.session.get(self.base + path, params=params)

    def post(self, path: str, body: Any, **params: Any) -> requests.Response:
        return self.session.post(self.base + path, json=body, params=params)

    def put(self, a1: str, values: Any, option: str = "RAW") -> requests.Response:
        return self.session.put(
            f"{self.base}/values/{a1}", json={"values": values}, params={"valueInputOption": option}
        )

    def batch(self, *requests_: dict[str, Any]) -> requests.Response:
        return self.post(":batchUpdate", {"requests": list(requests_)})

    def sheet_id(self, title: str) -> int:
        return self.fake.sheet(self.key, title).sheet_id


@pytest.fixture
def api(sheets_api: SheetsFake) -> Api:
    return Api(sheets_api)


def test_batch_update_is_all_or_nothing(api: Api) -> None:
    answer = api.batch({"addSheet": {"properties": {"title": "New"}}}, {"deleteSheet": {"sheetId": 999}})
    assert answer.status_code == 400
    assert answer.json()["error"] == {
        "code": 400,
        "message": "Invalid requests[1].deleteSheet: No grid with id: 999",
        "status": "INVALID_ARGUMENT",
    }
    assert [s.title for s in api.fake.spreadsheet(api.key).sheets] == ["Data", "It's mine"]


def test_a_failed_batch_puts_back_the_cells_formats_and_merges_it_changed(api: Api) -> None:
    data = api.sheet_id("Data")
    row = {"sheetId": data, "startRowIndex": 0, "endRowIndex": 1}
    first = {**row, "startColumnIndex": 0, "endColumnIndex": 2}
    assert api.batch({"mergeCells": {"range": first, "mergeType": "MERGE_ALL"}}).status_code == 200
    before = api.get("", includeGridData="true").json()
    assert before["sheets"][0]["merges"] == [first]
    answer = api.batch(
        {
            "repeatCell": {
                "range": {**row, "startColumnIndex": 0, "endColumnIndex": 3},
                "cell": {
                    "userEnteredValue": {"stringValue": "x"},
                    "userEnteredFormat": {"backgroundColor": {"red": 1}},
                },
                "fields": "userEnteredValue,userEnteredFormat.backgroundColor",
            }
        },
        {"unmergeCells": {"range": first}},
        {"mergeCells": {"range": {**row, "startColumnIndex": 2, "endColumnIndex": 4}}},
        {"mergeCells": {"range": {**row, "startColumnIndex": 3, "endColumnIndex": 5}}},
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == (
        "Invalid requests[3].mergeCells: You can't merge cells that overlap with a merge that already exists."
    )
    assert api.get("", includeGridData="true").json() == before
    second = {**first, "startColumnIndex": 1, "endColumnIndex": 3}
    assert api.batch({"mergeCells": {"range": second}}).status_code == 400
    assert api.batch({"unmergeCells": {"range": first}}).status_code == 200
    assert api.batch({"mergeCells": {"range": second}}).status_code == 200
    assert api.fake.sheet(api.key, "Data").merges == [second]


def test_an_unknown_request_kind_is_refused(api: Api) -> None:
    answer = api.batch({"frobnicate": {}})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == (
        "Invalid JSON payload received. Unknown name \"frobnicate\" at 'requests[0]': Cannot find field."
    )


def test_writes_stay_inside_the_grid_until_it_grows(api: Api) -> None:
    beyond = api.put("Data!A1001", [["late"]])
    assert beyond.status_code == 400
    assert beyond.json()["error"]["message"] == (
        "Range (Data!A1001) exceeds grid limits. Max rows: 1000, max columns: 26"
    )
    api.batch({"appendDimension": {"sheetId": api.sheet_id("Data"), "dimension": "ROWS", "length": 1}})
    assert api.put("Data!A1001", [["late"]]).json()["updatedRange"] == "Data!A1001"


def test_a_bounded_range_takes_no_more_rows_than_it_has(api: Api) -> None:
    answer = api.put("Data!A1:B1", [["a", "b"], ["c", "d"]])
    assert answer.json()["error"]["message"] == (
        "Requested writing within range [Data!A1:B1], but tried writing to row [2]"
    )


@pytest.mark.parametrize(
    ("typed", "raw", "user_entered", "formatted", "formula"),
    [
        ("=1+2", "=1+2", 3, "3", "=1+2"),
        ("=SUM(A1:A2)", "=SUM(A1:A2)", "", "", "=SUM(A1:A2)"),  # no formula engine
        ("10%", "10%", 0.1, "10%", 0.1),
        ("2026-03-15", "2026-03-15", 46096, "2026-03-15", 46096),
        ("2026-01", "2026-01", 46023, "2026-01", 46023),
        ("1,200", "1,200", 1200, "1,200", 1200),
        ("'007", "'007", "007", "007", "007"),
        ("TRUE", "TRUE", True, "TRUE", True),
        (42, 42, 42, "42", 42),
    ],
)
def test_raw_and_user_entered(
    api: Api, typed: Any, raw: Any, user_entered: Any, formatted: str, formula: Any
) -> None:
    api.put("Data!A1", [[typed]], "RAW")
    assert api.get("/values/Data!A1", valueRenderOption="UNFORMATTED_VALUE").json()["values"] == [[raw]]
    api.put("Data!A1", [[typed]], "USER_ENTERED")
    read = {
        render: api.get("/values/Data!A1", valueRenderOption=render).json().get("values", [[""]])[0][0]
        for render in ("UNFORMATTED_VALUE", "FORMATTED_VALUE", "FORMULA")
    }
    assert read == {"UNFORMATTED_VALUE": user_entered, "FORMATTED_VALUE": formatted, "FORMULA": formula}


@pytest.mark.parametrize(
    ("a1", "expected_range", "values"),
    [
        ("Data", "Data!A1:Z1000", [["a", "b"]]),
        ("'Data'!A:A", "Data!A1:A1000", [["a"]]),
        ("Data!B1:C", "Data!B1:C1000", [["b"]]),
        ("Data!A2:B3", "Data!A2:B3", None),
        ("'It''s mine'!A1", "'It''s mine'!A1", [["x"]]),
        ("A1:B1", "Data!A1:B1", [["a", "b"]]),  # no sheet: the first one
    ],
)
def test_ranges(api: Api, a1: str, expected_range: str, values: Any) -> None:
    answer = api.get(f"/values/{a1}").json()
    assert answer["range"] == expected_range
    assert answer.get("values") == values


def test_columns_major_dimension(api: Api) -> None:
    api.put("Data!A1", [["a", "b"], ["c"]])
    answer = api.get("/values/Data!A1:B2", majorDimension="COLUMNS").json()
    assert answer["values"] == [["a", "c"], ["b"]]


def test_formats_and_sheet_objects_are_stored(api: Api) -> None:
    data = api.sheet_id("Data")
    cells = {
        "sheetId": data,
        "startRowIndex": 0,
        "endRowIndex": 1,
        "startColumnIndex": 0,
        "endColumnIndex": 2,
    }
    rule = {"condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "yes"}]}, "strict": True}
    answer = api.batch(
        {
            "repeatCell": {
                "range": cells,
                "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
                "fields": "userEnteredFormat.textFormat.bold",
            }
        },
        {"setDataValidation": {"range": cells, "rule": rule}},
        {
            "updateSheetProperties": {
                "properties": {"sheetId": data, "gridProperties": {"frozenRowCount": 1}},
                "fields": "gridProperties.frozenRowCount",
            }
        },
        {
            "updateDimensionProperties": {
                "range": {"sheetId": data, "dimension": "COLUMNS", "startIndex": 1, "endIndex": 2},
                "properties": {"pixelSize": 240},
                "fields": "pixelSize",
            }
        },
        {"mergeCells": {"range": {**cells, "startRowIndex": 5, "endRowIndex": 6}, "mergeType": "MERGE_ALL"}},
        {"addConditionalFormatRule": {"rule": {"ranges": [cells], "booleanRule": {"condition": {}}}}},
        {
            "addChart": {
                "chart": {
                    "spec": {"title": "Visits"},
                    "position": {"overlayPosition": {"anchorCell": {"sheetId": data}}},
                }
            }
        },
        {"setBasicFilter": {"filter": {"range": {"sheetId": data}}}},
    )
    assert answer.status_code == 200, answer.text
    sheet = api.fake.sheet(api.key, "Data")
    assert api.fake.format(api.key, "Data!B1") == {"textFormat": {"bold": True}}
    assert api.fake.validation(api.key, "Data!A1") == rule
    assert api.fake.validation(api.key, "Data!C1") is None
    assert sheet.properties["gridProperties"]["frozenRowCount"] == 1
    assert sheet.column_widths == {1: 240}
    assert sheet.merges == [{**cells, "startRowIndex": 5, "endRowIndex": 6}]
    assert len(sheet.conditional_formats) == 1
    assert sheet.charts[0]["chartId"] == answer.json()["replies"][6]["addChart"]["chart"]["chartId"]
    assert sheet.basic_filter == {"range": {**cells, "endRowIndex": 1000, "endColumnIndex": 26}}
    listed = api.get("").json()["sheets"][0]
    assert listed["properties"]["gridProperties"] == {
        "rowCount": 1000,
        "columnCount": 26,
        "frozenRowCount": 1,
    }
    assert set(listed) == {"properties", "merges", "conditionalFormats", "basicFilter", "charts"}


@pytest.mark.parametrize(
    ("status", "method", "error"),
    [
        (429, "GET", {"status": "RESOURCE_EXHAUSTED", "message": READ_QUOTA}),
        (429, "PUT", {"status": "RESOURCE_EXHAUSTED", "message": READ_QUOTA.replace("Read", "Write")}),
        (500, "GET", {"status": "INTERNAL", "message": "Internal error encountered."}),
        (503, "GET", {"status": "UNAVAILABLE", "message": "The service is currently unavailable."}),
        (403, "GET", {"status": "PERMISSION_DENIED", "message": "The caller does not have permission"}),
    ],
)
def test_injected_faults(api: Api, status: int, method: str, error: dict[str, Any]) -> None:
    api.fake.fail_next(status, retry_after=3, path_contains="/values/")
    assert api.get("").status_code == 200  # not a values path: not failed
    answer = api.put("Data!A1", [["x"]]) if method == "PUT" else api.get("/values/Data!A1")
    assert answer.status_code == status
    assert answer.headers["Retry-After"] == "3"
    assert {k: answer.json()["error"][k] for k in ("code", "status", "message")} == {"code": status, **error}
    assert api.get("/values/Data!A1").status_code == 200  # count=1: only once


def test_set_values_types_like_a_user_and_grows_the_tab(api: Api) -> None:
    api.fake.set_values(api.key, "Data!A1000", [["2026-01", "12%", "=A1"], ["x"]])
    assert api.fake.sheet(api.key, "Data").rows == 1001
    assert api.fake.values(api.key, "Data")[-2:] == [[46023, 0.12], ["x"]]  # "=A1" has no value yet
    api.fake.set_cached_value(api.key, "Data!C1000", "a")
    assert api.fake.values(api.key, "Data", render="FORMATTED_VALUE")[-2] == ["2026-01", "12%", "a"]
