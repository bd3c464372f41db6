"""`sheetplan send` against a real SMTP server on the loopback (aiosmtpd): what it received, retries on
a busy server, a refused login, a refused recipient, and a server that is not there."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Literal

import pytest
from report_support import on_today, run
from review_support import example_plan
from smtp_server import Mailbox, free_port, smtp_server

from sheetplan.plan.errors import UsageError
from sheetplan.share import smtp

OWNERS = [
    "maria@lazur-coffee.example",
    "ivan@lazur-coffee.example",
    "elena@lazur-coffee.example",
    "georgi@lazur-coffee.example",
    "petya@lazur-coffee.example",
]
pytestmark = pytest.mark.filterwarnings(
    # The loopback server takes a login over plain text, as only a test should.
    "ignore:Requiring AUTH while not requiring TLS:UserWarning"
)
FROM = "review@lazur-coffee.example"
SUBJECT = "Monthly review: April 2026 · Lazur Coffee social media plan"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    on_today(monkeypatch)
    monkeypatch.setenv("SHEETPLAN_MAIL_FROM", FROM)
    monkeypatch.setattr(smtp, "DELAYS", (0.01, 0.02))
    return example_plan(tmp_path)


def send(monkeypatch: pytest.MonkeyPatch, url: str, *arguments: object) -> tuple[int, str, str]:
    monkeypatch.setenv("SHEETPLAN_SMTP_URL", url)
    result = run("send", *arguments)
    return result.exit_code, result.stdout, result.stderr


def parts(message: EmailMessage) -> list[str]:
    return [part.get_content_type() for part in message.walk()]


def test_each_owner_gets_the_review_with_their_own_tasks_first(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        code, out, err = send(monkeypatch, f"smtp://127.0.0.1:{port}", plan, "--owners")
    assert (code, err) == (0, "")
    assert out == f"Sent to all 5: {', '.join(OWNERS)}.\n"
    assert [(got.sender, got.recipients) for got in mailbox.received] == [(FROM, (to,)) for to in OWNERS]
    first = mailbox.received[0].message
    assert first["Subject"] == SUBJECT
    assert first["From"] == FROM
    assert first["To"] == "Maria Ivanova <maria@lazur-coffee.example>"
    assert parts(first) == ["multipart/alternative", "text/plain", "text/html"]
    text = first.get_body(("plain",))
    html = first.get_body(("html",))
    assert text is not None and html is not None
    plain, page = text.get_content(), html.get_content()
    assert plain.index("== Your tasks, Maria Ivanova ==") < plain.index("== At a glance ==")
    assert "- A5 " in plain.split("== At a glance ==")[0]
    assert page.index("Your tasks, Maria Ivanova") < page.index("At a glance")
    assert "<svg" not in page and "<script" not in page
    ivan = mailbox.received[1].message.get_body(("plain",))
    assert ivan is not None and "== Your tasks, Ivan Petrov ==" in ivan.get_content()


def test_a_busy_server_is_tried_again_and_takes_the_message_once(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = Mailbox(busy=1)
    with smtp_server(mailbox) as port:
        code, out, err = send(monkeypatch, f"smtp://127.0.0.1:{port}", plan, "--to", "ana@example.com")
    assert (code, out, err) == (0, "Sent to all 1: ana@example.com.\n", "")
    assert mailbox.busy_answers == 1
    assert [got.recipients for got in mailbox.received] == [("ana@example.com",)]


def test_the_retries_wait_longer_each_time_and_stop_after_three_tries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mailbox = Mailbox(busy=10)
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = FROM, "ana@example.com", "test"
    message.set_content("hello")
    waited: list[float] = []
    with smtp_server(mailbox) as port:
        server = smtp.server_from_url(f"smtp://127.0.0.1:{port}")
        delivery = smtp.deliver(server, [("ana@example.com", message)], pause=waited.append)
    assert waited == [1.0, 2.0]
    assert mailbox.busy_answers == 3
    assert delivery == smtp.Delivery(
        (),
        ("ana@example.com",),
        ("ana@example.com: not sent after 3 tries: 421 4.3.2 Too busy, try again later",),
    )


def test_a_refused_login_is_one_line_and_nobody_gets_it(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mailbox = Mailbox(password="p@ss word")
    with smtp_server(mailbox) as port:
        url = f"smtp://maria%40lazur-coffee.example:wrong@127.0.0.1:{port}"
        code, out, err = send(monkeypatch, url, plan, "--to", "ana@example.com, bob@example.com")
        assert (code, out) == (2, "Sent to none of 2; not sent to ana@example.com, bob@example.com.\n")
        assert err == (
            f"Error: SMTP server 127.0.0.1:{port} refused the login of maria@lazur-coffee.example: "
            "535 5.7.8 Authentication credentials invalid\n"
        )
        assert mailbox.received == []
        url = f"smtp://maria%40lazur-coffee.example:p%40ss%20word@127.0.0.1:{port}"
        code, out, err = send(monkeypatch, url, plan, "--to", "ana@example.com")
    assert (code, out, err) == (0, "Sent to all 1: ana@example.com.\n", "")
    assert set(mailbox.logins) == {"maria@lazur-coffee.example"}
    assert [got.recipients for got in mailbox.received] == [("ana@example.com",)]


def test_a_refused_recipient_is_not_sent_and_the_others_are(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = Mailbox(refuse=frozenset({"nobody@example.com"}))
    with smtp_server(mailbox) as port:
        code, out, err = send(
            monkeypatch,
            f"smtp://127.0.0.1:{port}",
            plan,
            "--to",
            "nobody@example.com",
            "--to",
            "ana@example.com",
        )
    assert code == 2
    assert err == (
        f"Error: nobody@example.com: refused by SMTP server 127.0.0.1:{port}: 550 5.1.1 No such user here\n"
    )
    assert out == "Sent to 1 of 2: ana@example.com; not sent to nobody@example.com.\n"
    assert [got.recipients for got in mailbox.received] == [("ana@example.com",)]


def test_a_server_that_is_not_there_is_one_line(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    code, out, err = send(monkeypatch, f"smtp://127.0.0.1:{port}", plan, "--to", "ana@example.com")
    assert (code, out) == (2, "Sent to none of 1; not sent to ana@example.com.\n")
    assert err == f"Error: SMTP server 127.0.0.1:{port} refused the connection; is the host and port right?\n"


@pytest.mark.parametrize("tls", ["starttls", "tls"])
def test_the_login_goes_over_tls(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tls: Literal["starttls", "tls"]
) -> None:
    mailbox = Mailbox(password="secret")
    with smtp_server(mailbox, tls, tmp_path) as port:
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "server.pem"))
        scheme = "smtps" if tls == "tls" else "smtp"
        url = f"{scheme}://maria%40lazur-coffee.example:secret@127.0.0.1:{port}"
        code, out, err = send(monkeypatch, url, plan, "--to", "ana@example.com")
    assert (code, out, err) == (0, "Sent to all 1: ana@example.com.\n", "")
    assert [got.recipients for got in mailbox.received] == [("ana@example.com",)]


def test_a_certificate_the_client_does_not_trust_is_refused(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = Mailbox(password="secret")
    with smtp_server(mailbox, "tls", tmp_path) as port:
        url = f"smtps://maria%40lazur-coffee.example:secret@127.0.0.1:{port}"
        code, out, err = send(monkeypatch, url, plan, "--to", "ana@example.com")
    assert (code, out) == (2, "Sent to none of 1; not sent to ana@example.com.\n")
    assert err.startswith(f"Error: SMTP server 127.0.0.1:{port}: TLS failed: CERTIFICATE_VERIFY_FAILED")
    assert mailbox.logins == [] and mailbox.received == []


@pytest.mark.parametrize(
    ("url", "server"),
    [
        ("smtp://maria%40example.com:p%40ss@mail.example.com:587",
         smtp.Server("mail.example.com", 587, "starttls", "maria@example.com", "p@ss")),
        ("smtp://mail.example.com", smtp.Server("mail.example.com", 587, "starttls")),
        ("smtps://u:p@mail.example.com", smtp.Server("mail.example.com", 465, "tls", "u", "p")),
        ("smtp://127.0.0.1:25", smtp.Server("127.0.0.1", 25, "starttls")),
    ],
)  # fmt: skip
def test_the_smtp_url_gives_the_server_the_security_and_the_login(url: str, server: smtp.Server) -> None:
    assert smtp.server_from_url(url) == server


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://mail.example.com", "SHEETPLAN_SMTP_URL: not an SMTP URL; use smtp://user:password@host:587 "
         "(STARTTLS) or smtps://user:password@host:465 (TLS)"),
        ("smtp://mail.example.com:99999", "SHEETPLAN_SMTP_URL: the port is not a number from 1 to 65535"),
    ],
)  # fmt: skip
def test_an_smtp_url_that_is_not_one_is_refused(url: str, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        smtp.server_from_url(url)
    assert str(raised.value) == message


def test_without_an_smtp_url_send_says_what_to_set(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHEETPLAN_SMTP_URL", raising=False)
    result = run("send", plan, "--owners")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: SHEETPLAN_SMTP_URL is not set: set it to smtp://user:password@host:587 (or smtps://...:465), "
        "or write the messages to files with --dry-run DIR\n",
    )


def test_without_a_sender_send_says_what_to_set(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHEETPLAN_MAIL_FROM")
    code, _, err = send(monkeypatch, "smtp://maria:secret@127.0.0.1:25", plan, "--owners")
    assert (code, err) == (
        2,
        "Error: SHEETPLAN_MAIL_FROM is not set and the user of SHEETPLAN_SMTP_URL is not an e-mail address: "
        "set it to the address the messages come from\n",
    )
