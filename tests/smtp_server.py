"""A real SMTP server on the loopback for the tests of `sheetplan send`: aiosmtpd, in a thread.

`Mailbox` keeps what the server received. It can refuse some recipients for good (550), answer the
first few messages with 421 (a busy server), and, with `password`, demand a login (AUTH PLAIN or
LOGIN; over plain text, as only the loopback allows). `tls` makes it offer STARTTLS, or speak TLS from
the start, with a certificate for 127.0.0.1 that the test makes and the client is told to trust.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass(frozen=True)
class Received:
    """One message as the server took it: its envelope sender and recipients, and the message."""

    sender: str
    recipients: tuple[str, ...]
    message: EmailMessage


@dataclass
class Mailbox:
    refuse: frozenset[str] = frozenset()
    busy: int = 0
    """How many DATA commands to answer `421 busy` before accepting."""
    user: str = "maria@lazur-coffee.example"
    password: str | None = None
    received: list[Received] = field(default_factory=list)
    busy_answers: int = 0
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.busy_answers < self.busy:
            self.busy_answers += 1
            return "421 4.3.2 Too busy, try again later"
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), message))
        return "250 2.0.0 Accepted"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        assert isinstance(data, LoginPassword)
        login, password = data.login.decode(), data.password.decode()
        self.logins.append(login)
        return AuthResult(success=(login, password) == (self.user, self.password), handled=False)


def free_port() -> int:
    """A port nothing listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, made with openssl."""
    cert, key = folder / "server.pem", folder / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@contextmanager
def smtp_server(
    mailbox: Mailbox, tls: Literal["starttls", "tls"] | None = None, folder: Path | None = None
) -> Iterator[int]:
    """Run an SMTP server for `mailbox` on 127.0.0.1; its port."""
    port = free_port()
    options: dict[str, Any] = {}
    if mailbox.password is not None:
        options.update(
            authenticator=mailbox.authenticate, auth_required=True, auth_require_tls=tls == "starttls"
        )
    if tls is not None:
        assert folder is not None
        cert, key = certificate(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        options.update({"tls_context": context, "require_starttls": True} if tls == "starttls" else {})
        if tls == "tls":
            options["ssl_context"] = context
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()
