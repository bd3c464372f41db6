"""Cell addresses as spreadsheets write them: column letters and numbers, and quoted sheet names."""

from __future__ import annotations

import re


def column_letter(number: int) -> str:
    """The letters of a 1-based column number: 1 is A, 27 is AA."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def column_number(letters: str) -> int:
    """The 1-based number of a column's letters: A is 1, AA is 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def quote_sheet(name: str) -> str:
    """A sheet name as it stands in a cell reference: quoted when it holds anything but letters and digits."""
    if re.fullmatch(r"[^\W\d][\w.]*", name):
        return name
    return "'" + name.replace("'", "''") + "'"
