"""A long step says what it is doing on a terminal, and nothing anywhere else."""

from __future__ import annotations

import io
import time

import pytest

from sheetplan.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_step_is_shown_on_a_terminal_and_cleared_when_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    terminal = Terminal()
    with Progress(terminal, delay=0.05, interval=0.02).stage("Reading plan.xlsx"):
        time.sleep(0.3)
    shown = terminal.getvalue()
    assert shown.startswith("\r\x1b[KReading plan.xlsx… 0 s")
    assert shown.count("Reading plan.xlsx…") >= 3
    assert shown.endswith("\r\x1b[K")


def test_a_quick_step_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    terminal = Terminal()
    with Progress(terminal, delay=0.5).stage("Reading plan.xlsx"):
        pass
    assert terminal.getvalue() == ""


@pytest.mark.parametrize(("stream", "term"), [(io.StringIO(), "xterm"), (Terminal(), "dumb")])
def test_nothing_is_written_but_to_a_terminal_that_can_redraw_a_line(
    stream: io.StringIO, term: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", term)
    with Progress(stream, delay=0.0, interval=0.01).stage("Reading plan.xlsx"):
        time.sleep(0.1)
    assert stream.getvalue() == ""


def test_an_error_in_the_step_still_clears_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    terminal = Terminal()
    with pytest.raises(KeyboardInterrupt), Progress(terminal, delay=0.0, interval=0.01).stage("Writing"):
        time.sleep(0.05)
        raise KeyboardInterrupt
    assert terminal.getvalue().endswith("\r\x1b[K")
