"""Field masks (`fields=`): which parts of an answer to send, which parts of an object to update.

The API writes masks as `a.b,c(d,e)` (Sheets also takes `a/b`); `*` means every field.
"""

from __future__ import annotations

from typing import Any

from .jsondata import copy_json

# A parsed mask: field name -> the mask below it, or None when the whole field is selected.
Mask = dict[str, "Mask | None"]


def parse_mask(text: str) -> Mask | None:
    """Parse a mask; None means everything (`*` or an empty mask)."""
    mask, rest = _parse_list(text.replace("/", ".").replace(" ", ""))
    if rest:
        raise ValueError(f"bad field mask: {text}")
    return None if "*" in mask or not mask else mask


def _parse_list(text: str) -> tuple[Mask, str]:
    mask: Mask = {}
    while text:
        path, text = _take_name(text)
        sub: Mask | None = None
        if text.startswith("("):
            sub, text = _parse_list(text[1:])
            if not text.startswith(")"):
                raise ValueError("unbalanced brackets in field mask")
            text = text[1:]
        for name in reversed(path.split(".")[1:]):
            sub = {name: sub}
        _merge(mask, path.split(".")[0], sub)
        if not text.startswith(","):
            break
        text = text[1:]
    return mask, text


def _take_name(text: str) -> tuple[str, str]:
    end = 0
    while end < len(text) and text[end] not in "(),":
        end += 1
    return text[:end], text[end:]


def _merge(mask: Mask, name: str, sub: Mask | None) -> None:
    if name not in mask:
        mask[name] = sub
        return
    current = mask[name]
    if current is None or sub is None:
        mask[name] = None
        return
    for key, value in sub.items():
        _merge(current, key, value)


def select(value: Any, mask: Mask | None) -> Any:
    """Keep only the fields a mask names, through lists; drop what becomes empty."""
    if mask is None:
        return value
    if isinstance(value, list):
        return [select(item, mask) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, sub in mask.items():
        if key in value:
            picked = select(value[key], sub)
            if picked not in ({}, []):
                out[key] = picked
    return out


def apply(target: dict[str, Any], source: dict[str, Any], mask: Mask | None) -> None:
    """Update `target` from `source` on the masked fields; a masked field missing from source is reset."""
    if mask is None:
        target.clear()
        target.update(copy_json(source))
        return
    for key, sub in mask.items():
        if sub is None:
            if key in source:
                target[key] = copy_json(source[key])
            else:
                target.pop(key, None)
            continue
        child = target.get(key)
        child = child if isinstance(child, dict) else {}
        given = source.get(key)
        apply(child, given if isinstance(given, dict) else {}, sub)
        if child:
            target[key] = child
        else:
            target.pop(key, None)
