"""Cells: what a user or a client writes into one, and how the API renders it back.

A cell keeps what the API calls CellData: `userEnteredValue` (`stringValue`, `numberValue`, `boolValue`
or `formulaValue`), `userEnteredFormat`, `dataValidation` and `note`. Dates are numbers (days since
1899-12-30) with a DATE number format, as in the real Sheets.

There is no formula engine. A formula made only of numbers, `+ - * / ^` and brackets (`=4/2`) is
computed, because the cassettes read such formulas back; any other formula has no value until a test
gives it one (`SheetsFake.set_cached_value`) and renders as "" until then.
"""

from __future__ import annotations

import ast
import datetime as dt
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .jsondata import copy_json

Scalar = str | int | float | bool

EPOCH = dt.datetime(1899, 12, 30)
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_PERCENT = re.compile(r"([+-]?(\d+\.?\d*|\.\d+))\s*%")
# Typed dates the fake recognises (locale en_US) and the number format Sheets gives them. `2026-01`
# becomes a date too, as spreadsheet programs do; that one is not checked against a
# recording.
_DATES: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\d{4}-\d{1,2}-\d{1,2}"), "%Y-%m-%d", "yyyy-mm-dd"),
    (re.compile(r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}"), "%Y-%m-%d %H:%M:%S", "yyyy-mm-dd hh:mm:ss"),
    (re.compile(r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}"), "%Y-%m-%d %H:%M", "yyyy-mm-dd hh:mm"),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), "%m/%d/%Y", "M/d/yyyy"),
    (re.compile(r"\d{4}-\d{1,2}"), "%Y-%m", "yyyy-mm"),
]
_DATE_TOKENS = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|am/pm", re.IGNORECASE)


@dataclass
class Cell:
    """One stored cell: its CellData, and for a formula the value it computed or was given."""

    data: dict[str, Any] = field(default_factory=dict)
    cached: Scalar | None = None

    @property
    def formula(self) -> str | None:
        formula = self.data.get("userEnteredValue", {}).get("formulaValue")
        return formula if isinstance(formula, str) else None

    @property
    def value(self) -> Scalar | None:
        """The cell's effective value, unformatted; None when it shows nothing."""
        entered = self.data.get("userEnteredValue")
        if not entered:
            return None
        if "formulaValue" in entered:
            return self.cached
        kind, raw = next(iter(entered.items()))
        return raw if kind in ("stringValue", "numberValue", "boolValue") else None

    @property
    def number_format(self) -> dict[str, Any]:
        number_format = self.data.get("userEnteredFormat", {}).get("numberFormat", {})
        return number_format if isinstance(number_format, dict) else {}

    def is_blank(self) -> bool:
        return not self.data

    def set_entered(self, entered: dict[str, Any] | None) -> None:
        """Store a userEnteredValue (None clears it) and compute what a formula shows."""
        if entered:
            self.data["userEnteredValue"] = entered
        else:
            self.data.pop("userEnteredValue", None)
        formula = self.formula
        self.cached = None if formula is None else evaluate(formula)

    def set_number_format_if_unset(self, number_format: dict[str, Any] | None) -> None:
        # Like Sheets: typing a date into a cell that has no number format gives it a date format;
        # a cell that already has one keeps it.
        if number_format and not self.number_format:
            self.data.setdefault("userEnteredFormat", {})["numberFormat"] = number_format

    def copy(self) -> Cell:
        return Cell(copy_json(self.data), self.cached)


def entered_value(value: Any, user_entered: bool) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """A value from `values` in a request as (userEnteredValue, number format it implies).

    RAW keeps strings as strings; USER_ENTERED parses them the way Sheets parses typing. An empty
    string clears the cell in both modes.
    """
    if isinstance(value, bool):
        return {"boolValue": value}, None
    if isinstance(value, int | float):
        return {"numberValue": value}, None
    text = str(value)
    if text == "":
        return None, None
    if not user_entered:
        return {"stringValue": text}, None
    if text.startswith("'"):
        return {"stringValue": text[1:]}, None
    if text.startswith("=") and len(text) > 1:
        return {"formulaValue": text}, None
    stripped = text.strip()
    if stripped.upper() in ("TRUE", "FALSE"):
        return {"boolValue": stripped.upper() == "TRUE"}, None
    if _NUMBER.fullmatch(stripped):
        return {"numberValue": _number(float(stripped))}, None
    if _GROUPED.fullmatch(stripped):
        decimals = len(stripped.partition(".")[2])
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return {"numberValue": _number(float(stripped.replace(",", "")))}, {
            "type": "NUMBER",
            "pattern": pattern,
        }
    if match := _PERCENT.fullmatch(stripped):
        number = match.group(1)
        decimals = len(number.partition(".")[2])
        pattern = "0" + ("." + "0" * max(decimals, 2) if decimals else "") + "%"
        return {"numberValue": _number(float(number) / 100)}, {"type": "PERCENT", "pattern": pattern}
    for regex, parse, pattern in _DATES:
        if regex.fullmatch(stripped):
            try:
                moment = dt.datetime.strptime(stripped, parse)
            except ValueError:
                break
            kind = "DATE_TIME" if "h" in pattern else "DATE"
            return {"numberValue": to_serial(moment)}, {"type": kind, "pattern": pattern}
    return {"stringValue": text}, None


def render(cell: Cell, value_render: str, date_render: str) -> Scalar:
    """What `values.get` answers for a cell with the given render options."""
    if value_render == "FORMULA" and cell.formula is not None:
        return cell.formula
    value = cell.value
    if value is None:
        return ""
    if value_render == "FORMATTED_VALUE":
        return format_value(value, cell.number_format)
    if isinstance(value, bool | str):
        return value
    kind = cell.number_format.get("type")
    if kind in ("DATE", "TIME", "DATE_TIME") and date_render == "FORMATTED_STRING":
        return format_value(value, cell.number_format)
    return _number(value)


def format_value(value: Scalar, number_format: dict[str, Any]) -> str:
    """The text Sheets shows for a value under a number format (FORMATTED_VALUE)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value
    kind, pattern = number_format.get("type"), str(number_format.get("pattern", ""))
    if kind in ("DATE", "TIME", "DATE_TIME"):
        return _format_date(from_serial(value), pattern or "M/d/yyyy")
    if kind == "PERCENT":
        return f"{value * 100:.{_decimals(pattern)}f}%"
    if kind in ("NUMBER", "CURRENCY") and pattern:
        grouping = "," if "," in pattern else ""
        return f"{value:{grouping}.{_decimals(pattern)}f}"
    number = _number(value)
    return str(number) if isinstance(number, int) else f"{number:.10g}"


def to_serial(moment: dt.datetime) -> int | float:
    return _number((moment - EPOCH) / dt.timedelta(days=1))


def from_serial(serial: float) -> dt.datetime:
    return EPOCH + dt.timedelta(days=serial)


_OPERATORS: dict[type, Callable[..., float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def evaluate(formula: str) -> Scalar | None:
    """The value of an arithmetic-only formula such as `=4/2`; None for anything else."""
    try:
        tree = ast.parse(formula[1:].replace("^", "**"), mode="eval")
        return _number(_arithmetic(tree.body))
    except ZeroDivisionError:
        return "#DIV/0!"
    except (SyntaxError, ValueError, TypeError, OverflowError):
        return None


def _arithmetic(node: ast.expr) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return float(_OPERATORS[type(node.op)](_arithmetic(node.left), _arithmetic(node.right)))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
        return float(_OPERATORS[type(node.op)](_arithmetic(node.operand)))
    raise ValueError("not arithmetic")


def _number(value: float) -> int | float:
    # The API writes whole numbers without a decimal point (`43831`, not `43831.0`).
    return int(value) if float(value).is_integer() else value


def _decimals(pattern: str) -> int:
    return len(pattern.partition(".")[2].rstrip("%").replace("#", "0").split(" ")[0])


def _format_date(moment: dt.datetime, pattern: str) -> str:
    tokens = list(_DATE_TOKENS.finditer(pattern))
    out, pos = [], 0
    for i, match in enumerate(tokens):
        out.append(pattern[pos : match.start()])
        pos = match.end()
        lower = match.group(0).lower()
        before = tokens[i - 1].group(0).lower() if i else ""
        after = tokens[i + 1].group(0).lower() if i + 1 < len(tokens) else ""
        # `m` and `mm` mean minutes next to hours or seconds, and the month anywhere else.
        if lower in ("m", "mm") and (before in ("h", "hh") or after in ("s", "ss")):
            out.append(_padded(moment.minute, lower))
        elif lower in _DATE_PARTS:
            out.append(_DATE_PARTS[lower](moment))
        else:
            out.append(match.group(0))
    out.append(pattern[pos:])
    return "".join(out)


def _padded(number: int, token: str) -> str:
    return f"{number:02d}" if len(token) == 2 else str(number)


_DATE_PARTS: dict[str, Callable[[dt.datetime], str]] = {
    "yyyy": lambda m: f"{m.year:04d}",
    "yy": lambda m: f"{m.year % 100:02d}",
    "mmmm": lambda m: m.strftime("%B"),
    "mmm": lambda m: m.strftime("%b"),
    "mm": lambda m: _padded(m.month, "mm"),
    "m": lambda m: _padded(m.month, "m"),
    "dd": lambda m: _padded(m.day, "dd"),
    "d": lambda m: _padded(m.day, "d"),
    "hh": lambda m: _padded(m.hour, "hh"),
    "h": lambda m: _padded(m.hour, "h"),
    "ss": lambda m: _padded(m.second, "ss"),
    "s": lambda m: _padded(m.second, "s"),
}
