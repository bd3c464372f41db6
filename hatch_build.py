"""The wheel's build hook: each message catalog, `sheetplan/locale/LANG/LC_MESSAGES/sheetplan.po`,
compiled with Babel into the `sheetplan.mo` beside it that gettext reads. An editable install needs
none: `sheetplan.plan.i18n` compiles the `.po` of a checkout in memory."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        out = Path(self.root) / "build" / "catalogs"
        for source in sorted(Path(self.root, "sheetplan", "locale").glob("*/LC_MESSAGES/sheetplan.po")):
            lang = source.parent.parent.name
            with source.open("rb") as po:
                catalog = read_po(po, locale=lang)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            target = out / lang / "sheetplan.mo"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(buffer.getvalue())
            build_data["force_include"][str(target)] = f"sheetplan/locale/{lang}/LC_MESSAGES/sheetplan.mo"
