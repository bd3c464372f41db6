"""`sheetplan send --dry-run`: the messages, as .eml files, read back with the standard library as a
mail program would; who they go to, and what each says first."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from plan_builder import TODAY as SAMPLE_TODAY
from plan_builder import sample
from report_support import on_today, page_text, run
from review_support import MONTH, example_plan, sample_plan
from template_support import TODAY

from sheetplan.api import read_plan, review_of
from sheetplan.share.bars import month_bars, ytd_bars


def drafts(folder: Path) -> list[tuple[str, EmailMessage]]:
    found = []
    for path in sorted(folder.iterdir()):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        found.append((path.name, message))
    return found


def body(message: EmailMessage, kind: str) -> str:
    part = message.get_body((kind,))
    assert part is not None
    return str(part.get_content())


def test_a_dry_run_writes_each_owners_message_and_sends_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_today(monkeypatch, SAMPLE_TODAY)
    monkeypatch.delenv("SHEETPLAN_MAIL_FROM", raising=False)
    monkeypatch.delenv("SHEETPLAN_SMTP_URL", raising=False)
    plan = sample_plan(tmp_path / "plan.xlsx", sample())
    result = run("send", plan, "--owners", "--dry-run", tmp_path / "outbox")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Wrote 2 messages to {tmp_path / 'outbox'}: 01-maria@example.com.eml, 02-ivan@example.com.eml; "
        "sent none.\n"
    )
    assert result.stderr == "Note: no Email on the Owners sheet for Elena: not sent to them.\n"
    (_, maria), (_, ivan) = drafts(tmp_path / "outbox")
    assert (maria["From"], maria["To"], ivan["To"]) == (
        "sheetplan@localhost",
        "Maria <maria@example.com>",
        "Ivan <ivan@example.com>",
    )
    assert maria["Subject"] == "Monthly review: March 2025 · Acme social media plan"
    assert [part.get_content_type() for part in maria.walk()] == [
        "multipart/alternative",
        "text/plain",
        "text/html",
    ]
    text, headings, charts = page_text(body(maria, "html"))
    assert headings[:2] == ["Monthly review: March 2025", "Your tasks, Maria"]
    assert charts == 0
    yours = text.split("Your tasks, Maria")[1].split("At a glance")[0]
    assert "A4 Answer every comment" in yours
    assert "A3 Write the March issue" not in yours
    plain = body(maria, "plain")
    assert plain.startswith("Monthly review: March 2025\nAcme social media plan · plan against actual")
    assert plain.index("== Your tasks, Maria ==") < plain.index("== At a glance ==")


def test_an_address_on_the_owners_sheet_gets_that_persons_tasks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_today(monkeypatch, SAMPLE_TODAY)
    monkeypatch.setenv("SHEETPLAN_MAIL_FROM", "Acme marketing <team@acme.example>")
    plan = sample_plan(tmp_path / "plan.xlsx", sample())
    outbox = tmp_path / "outbox"
    result = run("send", plan, "--to", "IVAN@example.com, guest@example.org", "--dry-run", outbox)
    assert result.exit_code == 0, result.output
    (first, ivan), (second, guest) = drafts(outbox)
    assert (first, second) == ("01-IVAN@example.com.eml", "02-guest@example.org.eml")
    assert ivan["To"] == "Ivan <IVAN@example.com>" and guest["To"] == "guest@example.org"
    assert ivan["From"] == "Acme marketing <team@acme.example>"
    assert str(ivan["Message-ID"]).endswith("@acme.example>")
    assert page_text(body(ivan, "html"))[1][:2] == ["Monthly review: March 2025", "Your tasks, Ivan"]
    assert page_text(body(guest, "html"))[1][:2] == ["Monthly review: March 2025", "At a glance"]
    assert "Your tasks" not in body(guest, "plain")


def test_a_bulgarian_plan_writes_its_messages_in_bulgarian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_today(monkeypatch)
    plan = example_plan(tmp_path, "bg")
    result = run("send", plan, "--to", "maria@lazur-coffee.example", "--dry-run", tmp_path / "outbox")
    assert result.exit_code == 0, result.output
    ((_, message),) = drafts(tmp_path / "outbox")
    assert message["Subject"] == "Месечен преглед: април 2026 · План за социалните мрежи на Кафе Лазур"
    assert page_text(body(message, "html"))[1][1] == "Вашите задачи, Мария Иванова"
    assert "== Накратко ==" in body(message, "plain")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--to", "maria"], 'Error: --to: "maria" is not an e-mail address, such as maria@example.com\n'),
        (["--owners", "--to", "maria@example.com"], "Error: give either --to ADDRESS or --owners\n"),
        ([], "Error: give either --to ADDRESS or --owners\n"),
    ],
)
def test_who_to_send_to_must_be_said_once_and_as_addresses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str], message: str
) -> None:
    on_today(monkeypatch, SAMPLE_TODAY)
    plan = sample_plan(tmp_path / "plan.xlsx", sample())
    result = run("send", plan, *arguments, "--dry-run", tmp_path / "outbox")
    assert result.exit_code == 2
    assert result.stderr.endswith(message)
    assert not (tmp_path / "outbox").exists()


def test_a_dry_run_into_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_today(monkeypatch, SAMPLE_TODAY)
    plan = sample_plan(tmp_path / "plan.xlsx", sample())
    (tmp_path / "outbox").write_text("a file")
    result = run("send", plan, "--owners", "--dry-run", tmp_path / "outbox")
    assert result.exit_code == 2
    assert (tmp_path / "outbox").read_text() == "a file"


def test_the_mail_charts_are_bars_as_long_as_their_share_of_the_longest(tmp_path: Path) -> None:
    review = review_of(read_plan(str(example_plan(tmp_path)), TODAY), MONTH, TODAY)
    bars = month_bars(review)
    assert [bar.name for bar in bars] == [f"{item.metric.id} {item.metric.name}" for item in review.metrics]
    widest = max(max(item.month.forecast or 0, item.month.actual or 0) for item in review.metrics)
    for bar, item in zip(bars, review.metrics, strict=True):
        assert bar.forecast_width == max(1, round(100 * (item.month.forecast or 0) / widest))
        assert bar.actual_width == max(1, round(100 * (item.month.actual or 0) / widest))
    assert max(bar.forecast_width for bar in bars) == 100 or max(bar.actual_width for bar in bars) == 100
    ytd = ytd_bars(review)
    assert max(bar.width for bar in ytd) == 100
    assert [bar.status for bar in ytd] == [item.ytd.status for item in review.metrics]
