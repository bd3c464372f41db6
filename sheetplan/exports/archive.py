"""Opens a zip of CSV exports, such as Search Console's download or YouTube Studio's, safely.

A zip's directory can lie about sizes, so each member is measured while it is inflated: reading
stops, and the zip is refused, as soon as a member passes `MAX_MEMBER` bytes or all of them together
pass `MAX_UNPACKED`, or a member inflates more than `MAX_RATIO` times. Zips of more than `MAX_MEMBERS`
members, encrypted members and members that are not CSV files are refused too. Each refusal is one
line naming the zip, and the member where that is the trouble, like `sheetplan.files.guard`'s.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from sheetplan.plan.errors import SourceError
from sheetplan.plan.formats import number
from sheetplan.plan.i18n import _, language

MAX_MEMBERS = 100
MAX_MEMBER = 64 * 2**20
MAX_UNPACKED = 256 * 2**20
MAX_RATIO = 100
"""A member inflating to more than `_RATIO_FLOOR` bytes may be at most this many times its packed size."""
_RATIO_FLOOR = 2**20
_CHUNK = 2**20
_TEXT = (".csv", ".tsv", ".txt")


def members(path: Path, name: str) -> list[tuple[str, bytes]]:
    """The CSV members of a zip, by their path in it, in the zip's order; SourceError when unsafe."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if _wanted(info)]
            if len(infos) > MAX_MEMBERS:
                raise SourceError(
                    _("{name}: holds {count} files, more than {most}; not an export").format(
                        name=name, count=len(infos), most=MAX_MEMBERS
                    )
                )
            if not infos:
                raise SourceError(_("{name}: an empty zip file, with no export in it").format(name=name))
            unpacked = 0
            result = []
            for info in infos:
                data = _inflated(archive, info, name, MAX_UNPACKED - unpacked)
                unpacked += len(data)
                result.append((info.filename, data))
            return result
    except zipfile.BadZipFile:
        raise SourceError(_("{label}: damaged or truncated zip file").format(label=name)) from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as error:
        raise SourceError(_("{name}: damaged zip file ({error})").format(name=name, error=error)) from None


def _wanted(info: zipfile.ZipInfo) -> bool:
    """Files only, without the folders and hidden files macOS adds to the zips it makes."""
    parts = PurePosixPath(info.filename).parts
    return not info.is_dir() and not any(part.startswith((".", "__MACOSX")) for part in parts)


def _inflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, room: int) -> bytes:
    member = f"{name}/{info.filename}"
    if info.flag_bits & 0x1:
        raise SourceError(_("{member}: encrypted; download the export again").format(member=member))
    if not info.filename.lower().endswith(_TEXT):
        raise SourceError(
            _("{member}: not a CSV file; a zip of exports holds CSV files only").format(member=member)
        )
    chunks = []
    size = 0
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > MAX_MEMBER:
                raise SourceError(
                    _("{member}: unpacks to more than {size}; refusing to unpack it (zip bomb?)").format(
                        member=member, size=_size(MAX_MEMBER)
                    )
                )
            if size > room:
                raise SourceError(
                    _("{name}: unpacks to more than {size} in all; refusing to unpack it (zip bomb?)").format(
                        name=name, size=_size(MAX_UNPACKED)
                    )
                )
            if size > _RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                raise SourceError(
                    _("{member}: compressed more than {ratio}:1; refusing to unpack it (zip bomb?)").format(
                        member=member, ratio=MAX_RATIO
                    )
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _size(count: int) -> str:
    lang = language()
    if count >= 2**20:
        return _("{size} MB").format(size=number(count // 2**20, lang))
    return _("{size} bytes").format(size=number(count, lang))
