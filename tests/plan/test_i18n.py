"""The messages: every one marked in the code has its Bulgarian translation, and the catalog is up to
date with the code, as the README's command reference is with `--help` (`make messages` updates it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from sheetplan.plan import i18n
from sheetplan.plan.i18n import catalog, language_of_environment

PACKAGE = Path(i18n.__file__).resolve().parents[1]
CATALOG = PACKAGE / "locale" / "bg" / "LC_MESSAGES" / "sheetplan.po"
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2)}
"""As `make messages` extracts them."""
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def marked() -> set[str | tuple[str, str]]:
    """Every message the code marks."""
    found = extract_from_dir(str(PACKAGE), [("**.py", "python")], keywords=KEYWORDS)
    return {message if isinstance(message, str) else tuple(message) for _, _, message, _, _ in found}


def translations() -> dict[str | tuple[str, str], object]:
    with CATALOG.open("rb") as po:
        messages = read_po(po, locale="bg")
    return {(m.id if isinstance(m.id, str) else tuple(m.id)): m for m in messages if m.id}


def test_the_catalog_holds_exactly_the_messages_the_code_marks() -> None:
    listed = set(translations())
    assert marked() - listed == set(), "run `make messages` and translate the new messages"
    assert listed - marked() == set(), "run `make messages` to drop the messages the code no longer has"


def test_every_message_has_a_bulgarian_translation_with_the_same_placeholders() -> None:
    for message_id, message in translations().items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)  # type: ignore[attr-defined]
        ids = message_id if isinstance(message_id, tuple) else (message_id,)
        assert all(strings) and not message.fuzzy, f"{message_id!r} has no translation"  # type: ignore[attr-defined]
        wanted = {name for text in ids for name in PLACEHOLDER.findall(text)}
        found = [set(PLACEHOLDER.findall(string)) for string in strings]
        # A singular may leave out what only the plural says (`row {first}`, `rows {first} to {last}`).
        assert all(names <= wanted for names in found) and set().union(*found) == wanted, (
            f"{message_id!r}: {strings!r}"
        )


def test_the_checkout_catalog_translates() -> None:
    bulgarian = catalog("bg")
    assert bulgarian.gettext("filled") == "попълнено"
    assert bulgarian.ngettext(
        "{source}: {count} export file read", "{source}: {count} export files read", 3
    ) == ("{source}: прочетени са {count} файла с експорти")
    assert catalog("en").gettext("filled") == "filled"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "bg_BG.UTF-8"}, "bg"),
        ({"LC_ALL": "bg_BG", "LANG": "en_US.UTF-8"}, "bg"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "bg_BG.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_before_a_plan_is_read_comes_from_the_environment(environ: dict, lang: str) -> None:
    assert language_of_environment(environ) == lang
