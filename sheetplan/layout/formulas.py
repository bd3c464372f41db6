"""Formulas the template puts in its sheets, the same text in Excel, LibreOffice and Google Sheets."""

from __future__ import annotations


def metric_lookup(key: str, names: str, ids: str) -> str:
    """The formula that shows the name of the metric whose ID is in cell `key`, blank when there is none.

    `names` and `ids` are the Metrics sheet's Metric and Metric ID columns, as ranges.
    """
    return f'=IF({key}="","",IFERROR(INDEX({names},MATCH({key},{ids},0))&"",""))'
