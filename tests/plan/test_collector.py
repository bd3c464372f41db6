"""The cycle collector paused while many objects are made, and back afterwards without walking them."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from sheetplan.plan.collector import gc_paused


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if not enabled:
        gc.disable()


@pytest.mark.usefixtures("collector")
def test_the_objects_made_while_paused_are_not_left_for_the_next_young_collection() -> None:
    with gc_paused():
        assert not gc.isenabled()
        made = [[number] for number in range(50_000)]
    assert gc.isenabled()
    assert gc.get_count()[0] < 1_000
    assert gc.get_freeze_count() == 0
    assert gc.is_tracked(made[0])


@pytest.mark.usefixtures("collector")
def test_objects_someone_else_froze_stay_frozen() -> None:
    kept = [[number] for number in range(100)]
    gc.freeze()
    frozen = gc.get_freeze_count()
    with gc_paused():
        made = [[number] for number in range(5_000)]
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert kept and made


def test_a_collector_that_was_off_stays_off() -> None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        if enabled:
            gc.enable()
