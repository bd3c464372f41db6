"""Work run in a thread of its own beside the caller: what calamine parses, and what zlib deflates,
without holding the GIL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Background(threading.Thread, Generic[T]):
    """Runs `work` beside the caller; `result` hands back what it returned, or raises what it raised."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.returned: T | None = None
        self.raised: BaseException | None = None

    def run(self) -> None:
        try:
            self.returned = self.work()
        except BaseException as error:  # handed to the caller by result()
            self.raised = error

    def result(self) -> T:
        self.join()
        if self.raised is not None:
            raise self.raised
        return cast(T, self.returned)
