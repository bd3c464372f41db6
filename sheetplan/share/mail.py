"""The review as e-mail messages: `sheetplan send`.

Each message is multipart/alternative, built with the standard library's `EmailMessage`: a plain-text
part, then the HTML the report has, its charts drawn as bars of table cells (`share.bars`), since
Gmail and Outlook drop inline SVG and hold back pictures. A message to a person on the Owners sheet
starts with that person's tasks: their overdue actions, those due next month, their other open ones
and the metrics they own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from sheetplan.layout import labels
from sheetplan.plan.errors import UsageError
from sheetplan.plan.i18n import _
from sheetplan.plan.schema import Lang
from sheetplan.review.model import Review
from sheetplan.share import people, words
from sheetplan.share.report import Page, mail_html, mail_text

_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+")
"""What an e-mail address looks like, enough to catch a name or a typo typed in its place."""


@dataclass(frozen=True)
class Recipient:
    """Who a message goes to: an address, the name to greet, and the person's tasks when on the Owners
    sheet."""

    address: str
    name: str = ""
    tasks: people.Tasks | None = None


def owners_with_email(review: Review) -> tuple[list[Recipient], list[str]]:
    """Everyone on the Owners sheet with an e-mail address, in its order; and the names of those without."""
    found, without = [], []
    for owner in review.owners:
        if owner.owner is None:
            continue
        address = owner.owner.email.strip()
        if not address:
            without.append(owner.name)
            continue
        found.append(Recipient(address, owner.name, people.tasks_of(review, owner)))
    return found, without


def addressed(review: Review, addresses: Sequence[str]) -> list[Recipient]:
    """The `--to` addresses (each may list several, split by commas), each once; an owner's address
    gets their tasks first. UsageError naming one that is not an e-mail address."""
    found: dict[str, Recipient] = {}
    for typed in addresses:
        for address in filter(None, (part.strip() for part in typed.split(","))):
            check_address(address, "--to")
            owner = people.owner_by_email(review, address)
            tasks = people.tasks_of(review, owner) if owner is not None else None
            found.setdefault(address.casefold(), Recipient(address, owner.name if owner else "", tasks))
    return list(found.values())


def check_address(address: str, where: str) -> str:
    """`address` when it is an e-mail address; UsageError naming `where` it came from otherwise."""
    if not _ADDRESS.fullmatch(address.strip()):
        raise UsageError(
            _('{where}: "{address}" is not an e-mail address, such as maria@example.com').format(
                where=where, address=address
            )
        )
    return address.strip()


def subject(review: Review, lang: Lang) -> str:
    """The messages' subject: `Monthly review: March 2026 · Acme social media plan`."""
    title = labels.TITLE(lang).format(month=labels.month_name(review.month, lang))
    return words.SUBJECT(lang).format(title=title, plan=review.plan_name)


def message(
    review: Review, lang: Lang, page: Page, sender: str, recipient: Recipient, now: datetime
) -> EmailMessage:
    """One recipient's message: the text part, then the HTML."""
    mail = EmailMessage()
    mail["Subject"] = subject(review, lang)
    mail["From"] = sender
    mail["To"] = _to(recipient)
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = make_msgid("review", domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    own = Page(page.source, page.today, page.review_day, recipient.tasks)
    mail.set_content(mail_text(review, lang, own))
    mail.add_alternative(mail_html(review, lang, own), subtype="html")
    return mail


def _to(recipient: Recipient) -> str:
    if not recipient.name:
        return recipient.address
    user, _, domain = recipient.address.rpartition("@")
    return str(Address(recipient.name, user, domain))


def eml_name(number: int, address: str) -> str:
    """The file a dry run writes one message to: `01-maria@example.com.eml`."""
    return f"{number:02d}-{re.sub(r'[^A-Za-z0-9@._+-]', '_', address)}.eml"
