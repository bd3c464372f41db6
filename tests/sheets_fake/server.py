"""The fake's HTTP side: routes, access checks, injected faults and the log of requests."""

from __future__ import annotations

import json
import random
import re
import string
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from . import masks
from .batch import batch_update
from .cells import Cell, Scalar
from .errors import ApiError, drive_not_found, invalid, quota_exceeded
from .model import Sheet, Spreadsheet, total_counts

_SHEETS_PATH = re.compile(r"/v4/spreadsheets/([^/:]+)(.*)")
_VALUES_PATH = re.compile(r"/values/([^/]+?)(:clear|:append)?")
_DRIVE_PATH = re.compile(r"/drive/v3/files/([^/]+)")
_ID_CHARS = string.ascii_letters + string.digits + "-_"
_OPTIONS = {
    "valueRenderOption": ("FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"),
    "dateTimeRenderOption": ("SERIAL_NUMBER", "FORMATTED_STRING"),
    "majorDimension": ("ROWS", "COLUMNS"),
    "valueInputOption": ("RAW", "USER_ENTERED"),
}


class Recorded(NamedTuple):
    """One request the fake received: method, decoded path, and query as lists of values."""

    method: str
    path: str
    query: dict[str, list[str]]


@dataclass
class _Fault:
    status: int
    remaining: int
    retry_after: float | None
    path_contains: str | None


class SheetsFake:
    """A loopback Google Sheets API v4 server holding spreadsheets in memory; see the package doc."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.bodies: list[Any] = []  # the JSON body of each request in `requests`, or None
        self._books: dict[str, Spreadsheet] = {}
        self._faults: list[_Fault] = []
        self._lock = threading.RLock()
        self._ids = random.Random(0)
        self._server: ThreadingHTTPServer | None = None

    # Running ---------------------------------------------------------------------------------------

    def start(self) -> SheetsFake:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        threading.Thread(target=server.serve_forever, args=(0.05,), name="sheets-fake", daemon=True).start()
        self._server = server
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SheetsFake:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def host(self) -> str:
        """`127.0.0.1:PORT`, the value for SHEETPLAN_SHEETS_EMULATOR_HOST."""
        if self._server is None:
            raise RuntimeError("the fake is not running")
        return f"127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        return f"http://{self.host}"

    # Test set-up and inspection -------------------------------------------------------------------------

    def create(
        self, title: str, sheets: dict[str, list[list[Any]]] | None = None, *, id: str | None = None
    ) -> str:
        """Create a spreadsheet whose tabs hold the given rows (typed as a user would); return its id."""
        with self._lock:
            key = id or "1" + "".join(self._ids.choice(_ID_CHARS) for _ in range(43))
            book = Spreadsheet(key, title)
            for n, (name, rows) in enumerate((sheets or {"Sheet1": []}).items()):
                properties = {"title": name, "gridProperties": _grid_for(rows)}
                book.add_sheet({**properties, "sheetId": 0} if n == 0 else properties)
                book.write(f"{_quote(name)}!A1", rows, "ROWS", True, "values")
            self._books[key] = book
            return key

    def delete(self, key: str) -> None:
        with self._lock:
            del self._books[key]

    def spreadsheet(self, key: str) -> Spreadsheet:
        """The stored spreadsheet, for assertions on what a client wrote."""
        return self._books[key]

    def sheet(self, key: str, title: str) -> Sheet:
        sheet = self._books[key].sheet_by_title(title)
        if sheet is None:
            raise KeyError(title)
        return sheet

    def set_values(self, key: str, a1: str, rows: list[list[Any]]) -> None:
        """Type rows into a range (USER_ENTERED), growing the tab if they do not fit."""
        with self._lock:
            book = self._books[key]
            sheet, cells = book.resolve(a1)
            height, width = len(rows), max((len(row) for row in rows), default=0)
            sheet.resize(max(sheet.rows, cells.box.row0 + height), max(sheet.cols, cells.box.col0 + width))
            book.write(a1, rows, "ROWS", True, "values")
            book.touch()

    def set_cached_value(self, key: str, a1: str, value: Scalar) -> None:
        """Give a formula cell the value a real spreadsheet would have computed."""
        with self._lock:
            cell = self.cell(key, a1)
            if cell.formula is None:
                raise ValueError(f"{a1} holds no formula")
            cell.cached = value

    def values(
        self, key: str, sheet: str, render: str = "UNFORMATTED_VALUE", dates: str = "SERIAL_NUMBER"
    ) -> list[list[Scalar]]:
        """A tab's values as a client reading it would get them (trimmed)."""
        with self._lock:
            found = self.sheet(key, sheet)
            return found.rendered(found.whole(), "ROWS", render, dates)

    def cell(self, key: str, a1: str) -> Cell:
        """The stored cell at `Sheet!B2` (an empty Cell when nothing is stored there)."""
        with self._lock:
            sheet, cells = self._books[key].resolve(a1)
            return sheet.cells.get((cells.box.row0, cells.box.col0)) or Cell()

    def format(self, key: str, a1: str) -> dict[str, Any]:
        """The userEnteredFormat of a cell."""
        fmt = self.cell(key, a1).data.get("userEnteredFormat", {})
        return dict(fmt)

    def validation(self, key: str, a1: str) -> dict[str, Any] | None:
        """The data validation rule of a cell, or None."""
        rule = self.cell(key, a1).data.get("dataValidation")
        return dict(rule) if rule is not None else None

    def make_private(self, key: str) -> None:
        """Answer 403 to every request on this spreadsheet, as when it is not shared with the caller."""
        self._books[key].access = "none"

    def make_read_only(self, key: str) -> None:
        """Answer 403 to writes on this spreadsheet, as when it is shared as Viewer."""
        self._books[key].access = "read"

    def share(self, key: str) -> None:
        """Allow reads and writes again."""
        self._books[key].access = "edit"

    def fail_next(
        self, status: int, count: int = 1, retry_after: float | None = None, path_contains: str | None = None
    ) -> None:
        """Answer the next `count` requests (whose path contains `path_contains`) with an error status."""
        with self._lock:
            self._faults.append(_Fault(status, count, retry_after, path_contains))

    def reset_requests(self) -> None:
        with self._lock:
            self.requests.clear()
            self.bodies.clear()

    # Serving ----------------------------------------------------------------------------------------

    def handle(self, method: str, target: str, raw_body: bytes) -> tuple[int, dict[str, str], Any]:
        """Answer one HTTP request: (status, extra headers, JSON body)."""
        parts = urlsplit(target)
        query = parse_qs(parts.query, keep_blank_values=True)
        with self._lock:
            self.requests.append(Recorded(method, unquote(parts.path), query))
            self.bodies.append(None)
            try:
                body = json.loads(raw_body) if raw_body else {}
                self.bodies[-1] = body
            except ValueError:
                body = None
            try:
                self._raise_fault(method, unquote(parts.path))
                if body is None:
                    raise invalid("Invalid JSON payload received. Unexpected token.")
                answer = self._route(method, parts.path, query, body)
                if "fields" in query:
                    answer = masks.select(answer, masks.parse_mask(query["fields"][-1]))
                return 200, {}, answer
            except ApiError as err:
                return err.code, err.headers, err.body()

    def _raise_fault(self, method: str, path: str) -> None:
        for fault in self._faults:
            if fault.path_contains is None or fault.path_contains in path:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                if fault.status == 429:
                    raise quota_exceeded(write=method != "GET", retry_after=fault.retry_after)
                headers = {} if fault.retry_after is None else {"Retry-After": f"{fault.retry_after:g}"}
                raise ApiError(fault.status, headers=headers)

    def _route(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> Any:
        if match := _DRIVE_PATH.fullmatch(path):
            book = self._books.get(unquote(match.group(1)))
            if method != "GET" or book is None or book.access == "none":
                raise drive_not_found(unquote(match.group(1)))
            return book.drive_file()
        match = _SHEETS_PATH.fullmatch(path)
        if match is None:
            raise ApiError(404, f"Method not found: {method} {path}")
        book = self._open(unquote(match.group(1)), write=method != "GET")
        rest = match.group(2)
        if (method, rest) == ("GET", ""):
            grid_data = query.get("includeGridData", ["false"])[-1].lower() == "true"
            return book.metadata(query.get("ranges", []), grid_data)
        if (method, rest) == ("POST", ":batchUpdate"):
            return batch_update(book, body)
        if (method, rest) == ("GET", "/values:batchGet"):
            read = _read_options(query)
            ranges = query.get("ranges", [])
            return {"spreadsheetId": book.id, "valueRanges": [book.read(text, *read) for text in ranges]}
        if (method, rest) == ("POST", "/values:batchUpdate"):
            return self._values_batch_update(book, body)
        if (method, rest) == ("POST", "/values:batchClear"):
            snapshot = book.snapshot()
            try:
                cleared_ranges = [book.clear(text) for text in body.get("ranges", [])]
            except ApiError:
                book.restore(snapshot)
                raise
            book.touch()
            return {"spreadsheetId": book.id, "clearedRanges": cleared_ranges}
        if found := _VALUES_PATH.fullmatch(rest):
            text, action = unquote(found.group(1)), found.group(2)
            if (method, action) == ("GET", None):
                return book.read(text, *_read_options(query))
            if (method, action) == ("PUT", None):
                option = query.get("valueInputOption", [None])[-1]
                user_entered = _check_option("valueInputOption", option) == "USER_ENTERED"
                major = body.get("majorDimension") or "ROWS"
                answer, _ = book.write(text, body.get("values"), major, user_entered, "data.values")
                book.touch()
                return answer
            if (method, action) == ("POST", ":clear"):
                cleared = book.clear(text)
                book.touch()
                return {"spreadsheetId": book.id, "clearedRange": cleared}
        raise ApiError(404, f"Method not found: {method} {path}")

    def _open(self, key: str, write: bool) -> Spreadsheet:
        book = self._books.get(key)
        if book is None:
            raise ApiError(404)
        if book.access == "none" or (write and book.access == "read"):
            raise ApiError(403)
        return book

    @staticmethod
    def _values_batch_update(book: Spreadsheet, body: dict[str, Any]) -> dict[str, Any]:
        user_entered = _check_option("valueInputOption", body.get("valueInputOption")) == "USER_ENTERED"
        snapshot = book.snapshot()
        responses, touched = [], set()
        try:
            for i, data in enumerate(body.get("data", [])):
                major = data.get("majorDimension") or "ROWS"
                text, values = data.get("range", ""), data.get("values")
                answer, cells = book.write(text, values, major, user_entered, f"data[{i}].values")
                responses.append(answer)
                touched |= cells
        except ApiError:
            book.restore(snapshot)
            raise
        book.touch()
        return {"spreadsheetId": book.id, **total_counts(touched), "responses": responses}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: SheetsFake


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 keeps connections open between requests, as requests' sessions expect; a buffered
    # writer sends each answer in one piece instead of waiting on Nagle's algorithm (40 ms a request).
    protocol_version = "HTTP/1.1"
    wbufsize = 64 * 1024
    server: _Server

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length else b""
        status, headers, payload = self.server.fake.handle(method, self.path, raw_body)
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep pytest output clean


def _option(query: dict[str, list[str]], name: str, default: str | None) -> str | None:
    value = query.get(name, [default])[-1]
    return _check_option(name, value) if name in _OPTIONS and value is not None else value


def _check_option(name: str, value: Any) -> str:
    if value is None and name == "valueInputOption":
        raise invalid("'valueInputOption' is required but not specified")
    if value not in _OPTIONS[name]:
        raise invalid(f"Invalid value at '{name}' (TYPE_ENUM), \"{value}\"")
    return str(value)


def _read_options(query: dict[str, list[str]]) -> tuple[str, str, str]:
    return (
        _option(query, "majorDimension", "ROWS") or "ROWS",
        _option(query, "valueRenderOption", "FORMATTED_VALUE") or "FORMATTED_VALUE",
        _option(query, "dateTimeRenderOption", "SERIAL_NUMBER") or "SERIAL_NUMBER",
    )


def _grid_for(rows: list[list[Any]]) -> dict[str, int]:
    width = max((len(row) for row in rows), default=0)
    return {"rowCount": max(1000, len(rows)), "columnCount": max(26, width)}


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"
