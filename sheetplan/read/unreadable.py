"""The one line for a workbook that calamine could not read, from the file or from a copy of it:
calamine's words for what it met, in the user's."""

from __future__ import annotations

import zipfile

from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import N_, _
from sheetplan.read import copied

_WORDS = {
    "Range is missing the expected row component": N_("a cell's reference has no row number"),
    "Range is missing the expected column component": N_("a cell's reference has no column letters"),
    "File is larger than its declared uncompressed size": N_(
        "a part unpacks to more than its zip header says"
    ),
    "Cell limit exceeded": N_("a sheet would hold more than 100 million cells"),
}
"""calamine's words for what it met, and the user's."""


def unreadable(label: str, error: BaseException) -> SourceError:
    """The one line for a workbook that neither the file nor the copy of it could be read from."""
    if isinstance(error, zipfile.BadZipFile):
        return SourceError(
            _("{label}: damaged or truncated zip file, not a readable workbook").format(label=label)
        )
    sheet = None
    if isinstance(error, copied.SheetUnreadable):
        sheet, error = error.sheet, error.cause
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    said = next((words for start, words in _WORDS.items() if detail.startswith(start)), None)
    if said is None and sheet is None:
        message = _("{label}: cannot be read as a workbook ({detail})")
    elif said is None:
        message = _('{label}: the sheet "{sheet}" cannot be read ({detail})')
    elif sheet is None:
        message = _(
            "{label}: cannot be read as a workbook: {reason}; open the workbook in Excel or LibreOffice"
            " and save it again"
        )
    else:
        message = _(
            '{label}: the sheet "{sheet}" cannot be read: {reason}; open the workbook in Excel or'
            " LibreOffice and save it again"
        )
    return SourceError(
        message.format(label=label, sheet=sheet, detail=detail, reason=_(said) if said else "")
    )
