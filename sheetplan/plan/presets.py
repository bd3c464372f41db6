"""The presets under `templates/`: the Guide's text and the example plan, as TOML data.

In a checkout or an editable install the presets sit in the repository's `templates/` folder; the wheel
ships the same folder inside the package as `sheetplan/templates`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from sheetplan.plan.schema import Lang

_CHECKOUT = Path(__file__).resolve().parents[2] / "templates"


def templates_dir() -> Traversable:
    """The folder the presets live in: inside the installed package, else the checkout's `templates/`."""
    packaged = files("sheetplan") / "templates"
    if packaged.is_dir():
        return packaged
    if _CHECKOUT.is_dir():
        return _CHECKOUT
    raise FileNotFoundError(f"sheetplan's presets are missing: neither {packaged} nor {_CHECKOUT} exists")


@cache
def load_preset(name: str) -> dict[str, Any]:
    """A preset's data, read from `templates/NAME.toml`."""
    with (templates_dir() / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def translated(value: Any, lang: Lang) -> Any:
    """A preset value in one language: `{en = ..., bg = ...}` tables give their `lang` entry."""
    if isinstance(value, dict) and set(value) == {"en", "bg"}:
        return value[lang]
    return value
