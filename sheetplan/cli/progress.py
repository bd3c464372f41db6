"""What a long command is doing, said on a terminal: one line on stderr, updated in place, gone when done.

A stage that ends within a second says nothing, and nothing at all is written when stderr is not a
terminal (a pipe, a file, a cron job's log), so that scripts see only the command's own output.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

_CLEAR = "\r\x1b[K"
"""Back to the start of the line and clear it."""


class Progress:
    """Shows each stage of a command on `stream` once it has taken longer than `delay` seconds."""

    def __init__(self, stream: TextIO, delay: float = 1.0, interval: float = 0.5) -> None:
        self.stream = stream
        self.delay = delay
        self.interval = interval
        self.enabled = _is_terminal(stream)

    @contextmanager
    def stage(self, text: str) -> Iterator[None]:
        """Say `text` (with the seconds it has taken) while the block runs, if it runs long."""
        if not self.enabled:
            yield
            return
        done = threading.Event()
        shown = threading.Event()
        started = time.monotonic()

        def show() -> None:
            if done.wait(self.delay):
                return
            while not done.is_set():
                self.stream.write(f"{_CLEAR}{text}… {time.monotonic() - started:.0f} s")
                self.stream.flush()
                shown.set()
                done.wait(self.interval)

        thread = threading.Thread(target=show, name="sheetplan-progress", daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()
            if shown.is_set():
                self.stream.write(_CLEAR)
                self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False
