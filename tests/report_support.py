"""Helpers for the tests of `sheetplan report` and `send`: the commands run on a day of our choosing,
the text a reader sees in a page, and a real Chromium."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from plan_builder import pretend_today
from review_support import MONTH
from template_support import TODAY

from sheetplan.cli import cli
from sheetplan.cli import share as share_cli
from sheetplan.share.browser import find_chromium, run_headless

SECTION_HEADINGS = {
    "en": [
        "Monthly review: April 2026",
        "At a glance",
        "What changed since March 2026",
        "Agenda",
        "1. Decisions to follow up",
        "2. Assumptions",
        "3. Metrics: plan against actual",
        "4. Goals",
        "5. Each person: scorecard and tasks",
        "6. Actions overdue and due next month",
        "7. Budget",
        "8. Decisions and plan changes",
    ],
    "bg": [
        "Месечен преглед: април 2026",
        "Накратко",
        "Какво се промени от март 2026",
        "Дневен ред",
        "1. Решения за проследяване",
        "2. Допускания",
        "3. Показатели: план срещу резултат",
        "4. Цели",
        "5. Всеки човек: карта и задачи",
        "6. Просрочени действия и срокове следващия месец",
        "7. Бюджет",
        "8. Решения и промени в плана",
    ],
}
"""The headings of the report's sections, as the review sheet has them."""


def on_today(monkeypatch: pytest.MonkeyPatch, day: date = TODAY) -> None:
    """Make `report` and `send` run on `day`, by default one when the example plan has actuals up to
    MONTH; `send` at 9:30 that morning."""
    pretend_today(monkeypatch, day)

    class Now(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Now:
            return cls(day.year, day.month, day.day, 9, 30)

    monkeypatch.setattr(share_cli, "datetime", Now)


def run(*arguments: object) -> Result:
    """Run `sheetplan` with these arguments, as a user would (stdout and stderr apart)."""
    return CliRunner().invoke(cli, [str(argument) for argument in arguments])


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0
        self.headings: list[str] = []
        self.heading: list[str] | None = None
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "title"):
            self.hidden += 1
        if tag in ("h1", "h2"):
            self.heading = []
        if tag == "svg":
            self.svgs += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title"):
            self.hidden -= 1
        if tag in ("h1", "h2") and self.heading is not None:
            self.headings.append(" ".join("".join(self.heading).split()))
            self.heading = None
        if tag in ("td", "th", "li", "p", "h1", "h2", "h3", "tr", "br"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)
            if self.heading is not None:
                self.heading.append(data)


def page_text(html: str) -> tuple[str, list[str], int]:
    """What a reader sees of a page: its text (spaces folded), its headings, and its SVG charts."""
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split()), parser.headings, parser.svgs


def dump_dom(page: Path) -> str:
    """The page as Chromium renders it."""
    done = run_headless(find_chromium(), ["--dump-dom", page.resolve().as_uri()])
    return done.stdout.decode("utf-8")


def screenshot(page: Path, png: Path, width: int = 1000, height: int = 1400) -> None:
    run_headless(
        find_chromium(), [f"--window-size={width},{height}", f"--screenshot={png}", page.resolve().as_uri()]
    )


def pdf_pages(pdf: Path) -> tuple[int, str]:
    """How many pages the PDF has, and their size as pdfinfo gives it."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return int(fields["Pages"]), " ".join(fields["Page size"].split())


__all__ = ["MONTH", "SECTION_HEADINGS", "dump_dom", "on_today", "page_text", "pdf_pages", "run", "screenshot"]
