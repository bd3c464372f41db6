"""The generated parts of the pages in docs/, for cog (`make docs`).

Every table here is made from sheetplan's own definitions: the workbook's sheets, columns, dropdowns
and settings from `sheetplan.plan.schema`, their explanations from the Guide's preset
(`templates/guide.toml`, the text the workbook's Guide sheet shows), and the command reference from
each command's `--help`. A page calls one function per cog block, for example:

    <!-- [[[cog
    import _generate
    cog.out(_generate.sheets_table())
    ]]] -->
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from click.testing import CliRunner

from sheetplan.cli import cli
from sheetplan.exports.kinds import KINDS
from sheetplan.plan import schema
from sheetplan.plan.presets import load_preset

COMMANDS = ("init", "check", "import", "review", "baseline", "report", "calendar", "send", "push", "pull")
"""The commands in the order a plan meets them."""

HELP_WIDTH = 100

_TYPES = {
    "text": "text",
    "id": "ID (text)",
    "date": "date",
    "number": "number",
    "money": "amount of money",
    "percent": "percentage",
    "choice": "one of a list",
    "email": "e-mail address",
}
"""How each `schema.ColumnType` is called on these pages."""

_SETTING_TEXT = {
    "plan_name": "The plan's name, shown at the top of every review.",
    "currency": "The currency of Budget and Spent, shown with the amounts in reviews.",
}
"""What the Guide leaves unsaid about a setting, because its label says it."""

_SETTING_WRITTEN = {
    "start_month": "the `--start` month",
    "months": f"`--months` ({schema.DEFAULT_MONTHS})",
}
"""What `init` writes for the settings that have no default of their own."""

_SETTING_KINDS = {
    "text": "text",
    "month": "month (YYYY-MM)",
    "months": f"whole number, 1 to {schema.MAX_MONTHS}",
    "percent": "percentage",
    "day": "day of the month",
    "time": "time of day, HH:MM",
    "zone": "time zone, an IANA name",
}


_REVIEW_LOG_TEXT = {
    "sheet": "Written by `sheetplan review`: one row per metric and reviewed month. A review replaces"
    " its own month's rows and keeps the others, sorted by month and then by the Metrics sheet's order.",
    "month": "The reviewed month, YYYY-MM.",
    "metric_id": "The metric's ID on the Metrics sheet.",
    "metric": "The metric's name when the month was reviewed.",
    "forecast": "The month's forecast.",
    "actual": "The month's actual result.",
    "variance": "Actual − forecast.",
    "variance_pct": "The variance as a share of the forecast; blank when the forecast is 0.",
    "status": "The month's status: on track, at risk, off track or no data.",
}
"""The Review log is written, not filled in, so the Guide does not describe it."""


def _guide() -> dict[str, Any]:
    """The English text of the Guide sheet."""
    return dict(load_preset("guide")["en"])


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table, with `|` in cells escaped."""
    lines = [headers, ["---"] * len(headers), *rows]
    return "".join("| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |\n" for line in lines)


def _code(text: str) -> str:
    return f"`{text}`"


def _both(text: schema.Text) -> tuple[str, str]:
    return text.en, text.bg


def _need(required: bool) -> str:
    return "required" if required else "optional"


def sheets_table() -> str:
    """Every sheet of the workbook in order: its names, whether a plan needs it, what goes there."""
    guide = _guide()
    rows = [
        (
            *_both(schema.GUIDE.name),
            "written by `init`; not read back",
            "What the plan is for, every sheet and column explained, the monthly routine.",
        )
    ]
    for sheet in schema.INPUT_SHEETS:
        rows.append((*_both(sheet.name), _need(not sheet.optional), guide["sheets"][sheet.key]))
    review_sheet = _both(schema.REVIEW_SHEET)
    rows.append(
        (
            *(name.format(month="YYYY-MM") for name in review_sheet),
            "written by `review`; not read back",
            "The month's review: the meeting's agenda, the figures and the charts.",
        )
    )
    rows.append(
        (
            *_both(schema.REVIEW_LOG.name),
            "written by `review`",
            "One row per metric and reviewed month, carried from review to review.",
        )
    )
    return _table(("sheet", "Bulgarian", "in a plan", "what goes there"), rows)


def _dropdown(column: schema.Column) -> str:
    if column.choices is not None:
        return ", ".join(_code(value) for value in column.choices.values)
    if column.source is not None:
        source = schema.sheet_by_key(column.source.sheet)
        header = source.column(column.source.column).header.en
        return f"the {source.name.en} sheet's {header} column (`{column.source.defined_name}`)"
    if column.export_kinds:
        return ", ".join(_code(kind.name) for kind in KINDS)
    return ""


def _column_text(sheet: schema.Sheet, column: schema.Column, guide: dict[str, Any]) -> str:
    """What the Guide says of a column: its own line, else the input message of its cells."""
    if sheet is schema.REVIEW_LOG:
        return _REVIEW_LOG_TEXT[column.key]
    described = guide["columns"].get(f"{sheet.key}.{column.key}")
    if described:
        return str(described)
    return column.hint.en if column.hint else ""


def columns_table(key: str) -> str:
    """One sheet's columns in order: headers in both languages, required, type, dropdown, meaning."""
    sheet = schema.REVIEW_LOG if key == schema.REVIEW_LOG.key else schema.sheet_by_key(key)
    guide = _guide()
    rows = [
        (
            column.header.en,
            column.header.bg,
            _need(column.required),
            _TYPES[column.type],
            _dropdown(column),
            _column_text(sheet, column, guide),
        )
        for column in sheet.columns
    ]
    if sheet.monthly:
        need = "required, every plan month" if sheet.months_required else "optional"
        rows.append(("YYYY-MM", "YYYY-MM", need, "number", "", str(guide["month_columns"])))
    return _table(("column", "Bulgarian", "needed", "type", "values", "what goes there"), rows)


def sheet_sections() -> str:
    """A section for each sheet a plan is read from, and the Review log: its names and its columns."""
    guide = _guide()
    parts = []
    for sheet in (*schema.INPUT_SHEETS, schema.REVIEW_LOG):
        optional = " A plan may leave this sheet out." if sheet.optional else ""
        about = _REVIEW_LOG_TEXT["sheet"] if sheet is schema.REVIEW_LOG else guide["sheets"][sheet.key]
        parts.append(
            f"\n### {sheet.name.en} ({sheet.name.bg})\n\n{about}{optional}\n\n{columns_table(sheet.key)}"
        )
    return "".join(parts)


def _used_by(choices: schema.Choices) -> str:
    columns = [
        f"{sheet.name.en} → {column.header.en}"
        for sheet in (*schema.INPUT_SHEETS, schema.REVIEW_LOG)
        for column in sheet.columns
        if column.choices is choices
    ]
    return ", ".join(columns)


DROPDOWNS = (
    schema.GOAL_STATUS,
    schema.ACTION_STATUS,
    schema.DIRECTION,
    schema.AGGREGATION,
    schema.STILL_TRUE,
    schema.HOW,
    schema.STATUS,
)
"""Every fixed list of values, in the order the sheets use them."""


def choices_table() -> str:
    """Every fixed dropdown: the value sheetplan stores, its English and Bulgarian labels, its columns."""
    rows = [
        (_code(value), label.en, label.bg, _used_by(choices))
        for choices in DROPDOWNS
        for value, label in choices.options
    ]
    return _table(("value", "English", "Bulgarian", "column"), rows)


def lists_table() -> str:
    """The dropdowns fed by another sheet's column, and the defined name each goes through."""
    rows = []
    for source in schema.LIST_SOURCES:
        sheet = schema.sheet_by_key(source.sheet)
        users = [
            f"{user.name.en} → {column.header.en}"
            for user, column in schema.dropdown_columns()
            if column.source == source
        ]
        rows.append(
            (
                _code(source.defined_name),
                f"{sheet.name.en} → {sheet.column(source.column).header.en}",
                ", ".join(users),
            )
        )
    return _table(("name", "its values", "offered in"), rows)


def settings_table() -> str:
    """The rows of the Settings sheet: labels in both languages, required, kind, default, meaning."""
    described = _guide()["settings"]
    rows = [
        (
            setting.label.en,
            setting.label.bg,
            _need(setting.required),
            _SETTING_KINDS[setting.kind],
            _written(setting),
            described.get(setting.key) or _SETTING_TEXT.get(setting.key, ""),
        )
        for setting in schema.SETTINGS_ROWS
    ]
    return _table(("setting", "Bulgarian", "needed", "value", "init writes", "what it means"), rows)


def _written(setting: schema.Setting) -> str:
    if setting.default is None:
        return _SETTING_WRITTEN.get(setting.key, "")
    if setting.default.en == setting.default.bg:
        return _code(setting.default.en)
    return f"{_code(setting.default.en)} / {_code(setting.default.bg)}"


def help_text(*args: str) -> str:
    """What `sheetplan ARGS --help` prints, at a fixed width."""
    result = CliRunner().invoke(cli, [*args, "--help"], terminal_width=HELP_WIDTH, prog_name="sheetplan")
    if result.exit_code != 0:
        raise RuntimeError(f"sheetplan {' '.join(args)} --help failed:\n{result.output}")
    return result.output


def command_reference() -> str:
    """`sheetplan --help`, then a section with each command's `--help`."""
    parts = [f"\n### sheetplan\n\n```\n{help_text()}```\n"]
    parts += [f"\n### sheetplan {name}\n\n```\n{help_text(name)}```\n" for name in COMMANDS]
    return "".join(parts)


def kinds_table() -> str:
    """The kinds of export `sheetplan import` reads: what identifies each, and the columns a Value names."""
    from sheetplan.exports.kinds import KINDS

    rows = [
        (
            _code(kind.name),
            kind.identified_by,
            ", ".join(_code(column) for column in kind.columns) or "any number column of the file",
            "yes" if kind.posts else "",
        )
        for kind in KINDS
    ]
    return _table(("Export", "recognised by", "Value may name", "lists posts"), rows)
