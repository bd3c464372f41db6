"""Python's cycle collector kept out of the way while sheetplan makes many objects at once.

Reading a plan or an export makes hundreds of thousands of lists, tuples and records, none of them in
a cycle: reference counting frees them all, and every collection that walks them is wasted.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while making many objects that form no cycles.

    With the collector running, every full collection walks all the objects made so far again: a
    fifth of the time of `check`. When it comes back, the objects made meanwhile go straight to its
    oldest generation (`gc.freeze` and `gc.unfreeze`: two splices of its lists) instead of all being
    walked by the next young collection, which took 20 ms for the 300,000 objects of a big plan. That
    step is left out when something else keeps objects frozen (a server that forks its workers does),
    as `gc.unfreeze` would let them go.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
