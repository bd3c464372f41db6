"""The language sheetplan speaks on the terminal, and its messages in it, through gettext.

A message is marked where it is written, `_("{count} filled")`, with named placeholders filled in
after it is translated, so that a translation may put them in its own order. The workbook's own words
(sheet names, headers, dropdown values) are not messages: they stay in `schema`, in both languages.

The language is English until `use` says otherwise: the commands choose it from `--lang`, else from
the plan once it is read, else, before a plan is read, from the environment (`language_of_environment`:
`LC_ALL`, `LC_MESSAGES`, `LANG`). The Bulgarian catalog is `sheetplan/locale/bg/LC_MESSAGES/sheetplan.po`
in the repository; a wheel carries it compiled to `sheetplan.mo` (the build hook `hatch_build.py`), and
a checkout compiles the `.po` in memory, with Babel, the first time it is needed.
"""

from __future__ import annotations

import gettext
import io
import os
from collections.abc import Mapping
from functools import cache

from sheetplan.plan.defaults import LANGS, Lang

DOMAIN = "sheetplan"
_ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")
_translations: gettext.NullTranslations = gettext.NullTranslations()
_language: Lang = "en"


def _(message: str) -> str:
    """`message` in the current language (itself when there is no translation)."""
    return _translations.gettext(message)


def N_(message: str) -> str:
    """`message` marked for the catalog and left as it is, for a table translated when it is shown."""
    return message


def n_(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message for `count`, in the current language."""
    return _translations.ngettext(singular, plural, count)


def use(lang: Lang) -> None:
    """Speak `lang` from now on."""
    global _translations, _language
    _translations = catalog(lang)
    _language = lang


def language() -> Lang:
    """The language messages are given in now."""
    return _language


def language_of_environment(environ: Mapping[str, str] = os.environ) -> Lang:
    """The language the environment asks for (`bg_BG.UTF-8` is Bulgarian), English for any other."""
    for name in _ENVIRONMENT:
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].split("-")[0].casefold()
            return next((lang for lang in LANGS if lang == code), "en")
    return "en"


@cache
def catalog(lang: Lang) -> gettext.NullTranslations:
    """The translations into `lang`: the compiled catalog a wheel carries, else the checkout's `.po`."""
    if lang == "en":
        return gettext.NullTranslations()
    from importlib.resources import files  # a few milliseconds that English never needs

    folder = files("sheetplan") / "locale" / lang / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.is_file():
        return gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
    source = folder / f"{DOMAIN}.po"
    if not source.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as po:
        messages = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
