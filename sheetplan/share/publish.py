"""The edges of `report` and `send`: the report's files written safely, the messages sent or written
as .eml files. What they hold is built by the pure modules `report`, `mail` and `bars`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

from sheetplan.files.safe_save import replace_safely
from sheetplan.plan import formats
from sheetplan.plan.errors import UsageError, WriteError
from sheetplan.plan.i18n import _, language, n_
from sheetplan.plan.schema import Lang
from sheetplan.plan.words import listing
from sheetplan.review.model import Review
from sheetplan.share import mail, smtp
from sheetplan.share.report import Page, report_html
from sheetplan.share.targets import check_target

SMTP_URL = "SHEETPLAN_SMTP_URL"
MAIL_FROM = "SHEETPLAN_MAIL_FROM"
DRY_RUN_FROM = "sheetplan@localhost"
"""The sender of a dry run's messages when neither variable names one."""


def write_report(review: Review, lang: Lang, page: Page, out: Path, pdf: Path | None = None) -> str:
    """Write the report to `out`, and printed to `pdf` when given; say what was written. Both are
    made before either is written, so a failure leaves both files as they were."""
    html = report_html(review, lang, page)
    data = html.encode("utf-8")
    printed = None
    if pdf is not None:
        from sheetplan.share.browser import pdf_of

        printed = pdf_of(html)
    replace_safely(out, lambda stream: stream.write(data), backup=False)
    written = [_("{path} ({size})").format(path=out, size=_size(len(data)))]
    if pdf is not None and printed is not None:
        replace_safely(pdf, lambda stream: stream.write(printed), backup=False)
        written.append(_("{path} ({size}, A4)").format(path=pdf, size=_size(len(printed))))
    return _("Wrote {files}: the review of {month}.").format(
        files=listing(written, language()), month=review.month
    )


def check_pdf(pdf: Path) -> None:
    check_target(pdf, ".pdf", _("the printed report is a .pdf file"))


def smtp_server() -> smtp.Server:
    """The server of SHEETPLAN_SMTP_URL; UsageError when it is not set or not an SMTP URL."""
    url = os.environ.get(SMTP_URL, "").strip()
    if not url:
        raise UsageError(
            _(
                "{smtp_url} is not set: set it to smtp://user:password@host:587 (or "
                "smtps://...:465), or write the messages to files with --dry-run DIR"
            ).format(smtp_url=SMTP_URL)
        )
    return smtp.server_from_url(url)


def sender(server: smtp.Server | None) -> str:
    """Who the messages are from: SHEETPLAN_MAIL_FROM (`team@example.com` or `Team <team@example.com>`),
    else the SMTP user when it is an address."""
    typed = os.environ.get(MAIL_FROM, "").strip()
    if typed:
        mail.check_address(parseaddr(typed)[1] or typed, MAIL_FROM)
        return typed
    if server is None:
        return DRY_RUN_FROM
    if "@" in server.user:
        return mail.check_address(server.user, SMTP_URL)
    raise UsageError(
        _(
            "{mail_from} is not set and the user of {smtp_url} is not an e-mail address: set "
            "it to the address the messages come from"
        ).format(mail_from=MAIL_FROM, smtp_url=SMTP_URL)
    )


@dataclass(frozen=True)
class Sent:
    """What `send` did: who got the review, who did not, each thing that went wrong, and the files a
    dry run wrote."""

    sent: tuple[str, ...]
    failed: tuple[str, ...]
    problems: tuple[str, ...]
    files: tuple[Path, ...] = ()
    without_email: tuple[str, ...] = ()


def send(
    review: Review,
    lang: Lang,
    page: Page,
    recipients: Sequence[mail.Recipient],
    server: smtp.Server | None,
    drafts: Path | None,
    now: datetime,
) -> Sent:
    """Send each recipient their message through `server`, or write them to the folder `drafts`."""
    origin = sender(server)
    letters = [(each.address, mail.message(review, lang, page, origin, each, now)) for each in recipients]
    if drafts is not None:
        return Sent((), (), (), tuple(_write_drafts(drafts, letters)))
    assert server is not None
    delivery = smtp.deliver(server, letters)
    return Sent(delivery.sent, delivery.failed, delivery.problems)


def check_drafts(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            _("--dry-run {folder}: not a folder; give a folder for the .eml files").format(folder=folder)
        )
    if not folder.parent.is_dir():
        raise WriteError(
            _("--dry-run {folder}: the folder {parent} does not exist").format(
                folder=folder, parent=folder.parent
            )
        )


def _write_drafts(folder: Path, letters: Sequence[tuple[str, EmailMessage]]) -> list[Path]:
    check_drafts(folder)
    folder.mkdir(exist_ok=True)
    written = []
    for number, (address, message) in enumerate(letters, start=1):
        path = folder / mail.eml_name(number, address)
        data = bytes(message)
        replace_safely(path, lambda stream, data=data: stream.write(data), backup=False)  # type: ignore[misc]
        written.append(path)
    return written


def _size(count: int) -> str:
    if count >= 1024:
        return _("{size} KB").format(size=formats.number(round(count / 1024), language(), 0))
    return n_("{count} byte", "{count} bytes", count).format(count=count)
