"""The scan of an .xlsx workbook's sheets, run beside calamine: one sheet ahead of the readers.

A reader must know a sheet's extent before calamine builds it (a far cell would make calamine build
billions of blank cells), so `Scans` goes through the wanted worksheets in the order the readers take
them (each its smallest sheets first) and lets each reader have a sheet's scan as soon as it is done:
the scan of a big sheet runs while calamine parses the smaller ones. It also reads the workbook's
structure (`sheetplan.files.package.read_book`), which says which parts are worksheets, and decides
which sheets a second reader takes.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

from sheetplan.files.package import Book, read_book
from sheetplan.read import xmlscan

SPLIT_BYTES = 2**20
"""A workbook whose wanted sheets hold more than this many bytes of XML is read by two readers at once."""

Scan = tuple[xmlscan.Cells, xmlscan.Extent]


class Scans(threading.Thread):
    """Scans the wanted worksheets of an .xlsx workbook in a thread of its own; `sheet` waits for one."""

    def __init__(self, path: Path, wanted: Callable[[str], bool], label: str) -> None:
        super().__init__(daemon=True)
        self.path, self.wanted, self.label = path, wanted, label
        self.book: Book | None = None
        self.parts: dict[str, str] = {}
        """Each wanted worksheet's name to its part, in the workbook's order."""
        self.first: list[str] = []
        """The sheets the first reader takes, in the order it takes them: the smallest first."""
        self.second: list[str] = []
        """The sheets a second reader takes, likewise; none for a small workbook."""
        self.raised: BaseException | None = None
        self._ready = threading.Event()
        self._done: dict[str, threading.Event] = {}
        self._found: dict[str, Scan] = {}

    def run(self) -> None:
        try:
            with zipfile.ZipFile(self.path) as archive:
                book = read_book(archive, self.label)
                self.parts = {sheet.name: sheet.part for sheet in book.worksheets if self.wanted(sheet.name)}
                sizes = {name: archive.getinfo(part).file_size for name, part in self.parts.items()}
                self.book, self.second = book, for_second_reader(sizes)
                self.first = [name for name in self.parts if name not in self.second]
                self.first.sort(key=sizes.__getitem__)
                self.second.sort(key=sizes.__getitem__)
                self._done = {name: threading.Event() for name in self.parts}
                self._ready.set()
                for name in _in_turn(self.first, self.second, sizes):
                    self._found[name] = xmlscan.xlsx_scan(archive, self.parts[name], self.label)
                    self._done[name].set()
        except BaseException as error:  # handed to the readers by sheet() and structure()
            self.raised = error
        finally:
            self._ready.set()
            for done in self._done.values():
                done.set()

    def structure(self) -> Book:
        """The workbook's structure, once read."""
        self._ready.wait()
        if self.book is None:
            raise self.raised or RuntimeError("the workbook's structure was not read")
        return self.book

    def sheet(self, name: str) -> Scan | None:
        """The scan of the wanted worksheet `name`, once done; None for a sheet the scan does not know."""
        self.structure()
        done = self._done.get(name)
        if done is None:
            return None
        done.wait()
        if name not in self._found:
            raise self.raised or RuntimeError(f"the sheet {name!r} was not scanned")
        return self._found[name]


def for_second_reader(sizes: dict[str, int]) -> list[str]:
    """The sheets a second reader takes: about half the bytes, biggest first; none of a small workbook.

    Opening the workbook twice costs a few milliseconds, so it is done for sheets of more than
    `SPLIT_BYTES` in all.
    """
    if len(sizes) < 2 or sum(sizes.values()) < SPLIT_BYTES:
        return []
    first, second = 0, 0
    taken = []
    for name in sorted(sizes, key=sizes.__getitem__, reverse=True):
        if second <= first:
            taken.append(name)
            second += sizes[name]
        else:
            first += sizes[name]
    return taken if first else []


def _in_turn(first: list[str], second: list[str], sizes: dict[str, int]) -> list[str]:
    """The sheets in the order the readers will want them, each reader taking its own from the smallest
    up: ordered by how many bytes the reader has to parse before it comes to the sheet."""
    wanted_at = {}
    for sheets in (first, second):
        before = 0
        for name in sheets:
            wanted_at[name] = before
            before += sizes[name]
    return sorted([*first, *second], key=wanted_at.__getitem__)
