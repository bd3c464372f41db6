"""`read_export`: an export file, whatever its format, read into `Export` records.

What a file is, is told from its first bytes, not its name: an OLE2 header is a legacy .xls
workbook, a zip holding `xl/workbook.xml` (or an OpenDocument mimetype) a workbook, any other zip a
bundle of CSV exports (Search Console, YouTube Studio), and anything else CSV text. Each table found
is recognised (`recognise`), converted (`convert`) and, for post-level kinds, listed as posts
(`posts`); its coverage is what the file states or the span of its days (`coverage`).
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter
from pathlib import Path, PurePosixPath

from sheetplan.exports import coverage
from sheetplan.exports.archive import members
from sheetplan.exports.convert import Table, convert
from sheetplan.exports.decode import decode
from sheetplan.exports.kinds import KINDS
from sheetplan.exports.model import Export, Post, folded
from sheetplan.exports.posts import posts_of
from sheetplan.exports.recognise import Found, ga4_dates, recognise
from sheetplan.exports.sheets import xls_tables, xlsx_tables
from sheetplan.exports.tables import RawTable, csv_tables
from sheetplan.plan.collector import gc_paused
from sheetplan.plan.errors import SourceError
from sheetplan.plan.formats import number
from sheetplan.plan.i18n import _, language
from sheetplan.plan.words import listing
from sheetplan.read.values import shown

MAX_BYTES = 256 * 2**20
"""Refuse a file bigger than this: a year of any platform's export is a few megabytes."""
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORKBOOK_PARTS = ("xl/workbook.xml", "content.xml")
_LIFETIME = ("Meta posts", "Instagram posts")
"""Kinds whose post figures are lifetime totals when their Date column says `Lifetime`."""


@dataclass(frozen=True)
class _Source:
    """One file, or one member of a zip, being read."""

    path: Path
    label: str
    sha256: str
    file_name: str
    """The name that may state the coverage: the file's, or the zip's and the member's."""
    stem: str


def read_export(path: Path, today: date, name: str | None = None) -> list[Export]:
    """The tables of an export file, each an `Export`; SourceError with one line when unusable.

    `name` is how messages call the file (the path as given, by default); `today` bounds the years
    given to dates printed without one. A CSV holds one table, a GA4 download one or more, a workbook
    one per kind among its sheets, a zip one per member.
    """
    label = str(path) if name is None else name
    data = _read_bytes(path, label)
    with gc_paused():
        return _read(path, data, label, today)


def _read(path: Path, data: bytes, label: str, today: date) -> list[Export]:
    source = _Source(path, label, hashlib.sha256(data).hexdigest(), path.name, path.stem)
    if data.startswith(_OLE2):
        return _exports(xls_tables(data, label), source, today)
    if data.startswith(b"PK"):
        if _is_workbook(path, label):
            return _exports(xlsx_tables(path, label), source, today)
        exports = []
        for member, content in members(path, label):
            inner = _Source(
                path,
                f"{label}/{member}",
                hashlib.sha256(content).hexdigest(),
                f"{path.name}/{member}",
                PurePosixPath(member).stem,
            )
            exports += _exports(csv_tables(decode(content, inner.label), inner.label), inner, today)
        return _borrow_coverage(exports)
    return _exports(csv_tables(decode(data, label), label), source, today)


def _read_bytes(path: Path, label: str) -> bytes:
    if not path.exists():
        raise SourceError(_("{label}: no such file").format(label=label))
    if path.is_dir():
        raise SourceError(_("{label}: is a folder, not an export").format(label=label))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            lang = language()
            raise SourceError(
                _("{label}: {size} MB, more than the {most} MB an export may be").format(
                    label=label, size=number(size / 2**20, lang, 0), most=number(MAX_BYTES // 2**20, lang)
                )
            )
        return path.read_bytes()
    except OSError as error:
        raise SourceError(
            _("{label}: cannot be read ({error})").format(label=label, error=error.strerror or error)
        ) from None


def _is_workbook(path: Path, label: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        raise SourceError(_("{label}: damaged or truncated zip file").format(label=label)) from None
    return any(part in names for part in _WORKBOOK_PARTS)


def _exports(tables: list[RawTable], source: _Source, today: date) -> list[Export]:
    """The exports of a file's tables; sheets of no known kind are passed over in a workbook."""
    read: list[tuple[Found, RawTable, Table]] = []
    ga4 = False
    for table in tables:
        found = recognise(table, source.stem, ga4)
        if found is None:
            if table.sheet is None:
                raise _unknown(source.label, table)
            continue
        ga4 = ga4 or found.shape.kind.name == "GA4"
        label = source.label if table.sheet is None else _sheet_label(source.label, table.sheet)
        converted = convert(found, table.records, table.comma, today, label, typed=table.sheet is not None)
        read.append((found, table, converted))
    if not read:
        raise _unknown(source.label, tables[0] if tables else None, sheets=len(tables))
    first_ga4 = next(
        (ga4_dates(table.comments) for _found, table, _converted in read if ga4_dates(table.comments)), None
    )
    exports = [_export(found, table, converted, source, first_ga4) for found, table, converted in read]
    return _merge_posts(exports, [found.shape.posts_only for found, _table, _converted in read])


def _export(
    found: Found, table: RawTable, converted: Table, source: _Source, ga4: tuple[date, date] | None
) -> Export:
    shape = found.shape
    kind = shape.kind
    rows = converted.rows
    posts: tuple[Post, ...] = ()
    if shape.post:
        lines = list(map(attrgetter("number"), rows))
        posts = posts_of(shape.post, converted.header, lines, converted.times, converted.columns)
    stated: tuple[date, date] | None = (ga4_dates(table.comments) or ga4) if kind.name == "GA4" else None
    stated = stated or coverage.stated_by_name(source.file_name, kind.name)
    covered: tuple[date, date] | None
    if stated:
        covered = stated
    elif kind.name == "Monthly CSV":
        covered = coverage.of_months(row.month for row in rows)
    elif shape.variant == "Table data":
        covered = None
    else:
        covered = coverage.span(set(map(attrgetter("day"), rows)))
    when = next((index for index, column in enumerate(converted.header) if folded(column) == "date"), None)
    lifetime = (
        kind.name in _LIFETIME
        and when is not None
        and bool(rows)
        and {str(value).casefold() for value in set(converted.columns[when])} == {"lifetime"}
    )
    return Export(
        path=source.path,
        name=source.label,
        sha256=source.sha256,
        kind=kind,
        variant=shape.variant,
        series=converted.series,
        columns=converted.header,
        rows=() if shape.posts_only else rows,
        posts=posts,
        coverage=covered,
        stated=bool(stated),
        lifetime=lifetime,
        day_column=shape.day,
    )


def _merge_posts(exports: list[Export], posts_only: list[bool]) -> list[Export]:
    """A workbook's sheet of posts (LinkedIn's All posts) joined to its sheet of daily metrics."""
    kept = [export for export, only in zip(exports, posts_only, strict=True) if not only]
    for export, only in zip(exports, posts_only, strict=True):
        if not only:
            continue
        into = next((index for index, other in enumerate(kept) if other.kind == export.kind), None)
        if into is None:
            kept.append(export)
        else:
            kept[into] = replace(kept[into], posts=kept[into].posts + export.posts)
    return kept


def _borrow_coverage(exports: list[Export]) -> list[Export]:
    """Tables without days of their own take the span of a dated table of their kind beside them."""
    dated: dict[str, Export] = {}
    for export in exports:
        if export.coverage is not None:
            dated.setdefault(export.kind.name, export)
    return [
        replace(export, coverage=dated[export.kind.name].coverage, stated=dated[export.kind.name].stated)
        if export.coverage is None and export.kind.name in dated
        else export
        for export in exports
    ]


def _unknown(label: str, table: RawTable | None, sheets: int = 0) -> SourceError:
    kinds = ", ".join(kind.name for kind in KINDS)
    first = []
    if table is None or not table.records:
        message = _(
            "{label}: not an export sheetplan knows (no table); it reads {kinds}"
            " (`sheetplan import --formats` says how each is recognised)"
        )
    elif sheets > 1:
        message = _(
            "{label}: not an export sheetplan knows (none of its {sheets} sheets); it reads {kinds}"
            " (`sheetplan import --formats` says how each is recognised)"
        )
    else:
        first = [shown(cell) for cell in table.records[0][1] if isinstance(cell, str) and cell.strip()]
        if first:
            message = _(
                "{label}: not an export sheetplan knows (first row {cells}); it reads {kinds}"
                " (`sheetplan import --formats` says how each is recognised)"
            )
        else:
            message = _(
                "{label}: not an export sheetplan knows (no header); it reads {kinds}"
                " (`sheetplan import --formats` says how each is recognised)"
            )
    cells = listing(first, language())
    return SourceError(message.format(label=label, sheets=sheets, cells=cells, kinds=kinds))


def _sheet_label(label: str, sheet: str) -> str:
    """How messages name a sheet of an export workbook: `visitors.xls, sheet Visitor metrics`."""
    return _("{file}, sheet {sheet}").format(file=label, sheet=sheet)
