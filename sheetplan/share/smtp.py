"""Sending the review's messages through the SMTP server of `SHEETPLAN_SMTP_URL`, with smtplib.

- `smtp://user:password@host:587`: STARTTLS, then the login; `smtps://user:password@host:465`: TLS from
  the start; `smtp://host:25` without a user: no login, and plain text where the server offers no
  STARTTLS. A password is never sent unencrypted except to a server on this machine (the loopback).
  The user and password are percent-decoded (`maria%40example.com`).
- A temporary failure (a 4xx answer, a connection dropped or reset, a timeout) is retried on a new
  connection after 1, then 2 seconds: three tries in all. A refused connection, a refused login and a
  server that cannot be found are not retried: every message not yet sent fails with that reason.
- A recipient the server refuses for good (5xx) is not sent; the others still are.
"""

from __future__ import annotations

import contextlib
import ipaddress
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Literal
from urllib.parse import unquote, urlsplit

from sheetplan.plan.errors import UsageError
from sheetplan.plan.i18n import _

DELAYS = (1.0, 2.0)
"""Seconds to wait before the second and the third try of a message."""
_TIMEOUT = 30
_URL = "SHEETPLAN_SMTP_URL"


@dataclass(frozen=True)
class Server:
    """An SMTP server as `SHEETPLAN_SMTP_URL` gives it."""

    host: str
    port: int
    security: Literal["starttls", "tls"]
    user: str = ""
    password: str = field(default="", repr=False)

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class Delivery:
    """Who got their message and who did not, and the one line of each thing that went wrong."""

    sent: tuple[str, ...]
    failed: tuple[str, ...]
    problems: tuple[str, ...]


class _Fatal(Exception):
    """A failure no retry mends (refused connection, refused login): every message left fails."""


class _Temporary(Exception):
    """A failure worth another try on a new connection."""


def server_from_url(url: str) -> Server:
    """The server of an `smtp://` or `smtps://` URL; UsageError for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise UsageError(
            _(
                "{url}: not an SMTP URL; use smtp://user:password@host:587 (STARTTLS) or "
                "smtps://user:password@host:465 (TLS)"
            ).format(url=_URL)
        )
    try:
        port = parts.port
    except ValueError:
        raise UsageError(_("{url}: the port is not a number from 1 to 65535").format(url=_URL)) from None
    security: Literal["starttls", "tls"] = "tls" if parts.scheme == "smtps" else "starttls"
    default = 465 if security == "tls" else 587
    user, password = unquote(parts.username or ""), unquote(parts.password or "")
    return Server(parts.hostname, port or default, security, user, password)


def deliver(
    server: Server,
    letters: Sequence[tuple[str, EmailMessage]],
    pause: Callable[[float], object] = time.sleep,
) -> Delivery:
    """Send each (address, message) through `server`, on one connection while it lasts."""
    sent: list[str] = []
    failed: list[str] = []
    problems: list[str] = []
    connection: smtplib.SMTP | None = None
    for index, (address, mail) in enumerate(letters):
        for attempt in range(len(DELAYS) + 1):
            try:
                if connection is None:
                    connection = _connect(server)
                _send(connection, server, address, mail)
            except _Temporary as error:
                _close(connection)
                connection = None
                if attempt < len(DELAYS):
                    pause(DELAYS[attempt])
                    continue
                problems.append(f"{address}: not sent after {attempt + 1} tries: {error}")
                failed.append(address)
            except _Fatal as error:
                _close(connection)
                problems.append(str(error))
                failed.extend(address for address, _ in letters[index:])
                return Delivery(tuple(sent), tuple(failed), tuple(problems))
            except _Refused as error:
                problems.append(str(error))
                failed.append(address)
            else:
                sent.append(address)
            break
    if connection is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.quit()
    return Delivery(tuple(sent), tuple(failed), tuple(problems))


class _Refused(Exception):
    """The server refused this one message for good (5xx)."""


def _connect(server: Server) -> smtplib.SMTP:
    context = ssl.create_default_context()
    try:
        if server.security == "tls":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=_TIMEOUT, context=context
            )
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=_TIMEOUT)
        connection.ehlo()
        if server.security == "starttls" and connection.has_extn("starttls"):
            connection.starttls(context=context)
            connection.ehlo()
        elif server.security == "starttls" and server.user and not _loopback(server.host):
            _close(connection)
            raise _Fatal(
                f"SMTP server {server} offers no STARTTLS: the password is not sent unencrypted; "
                "use smtps:// if it takes TLS on another port"
            )
        if server.user:
            connection.login(server.user, server.password)
    except ConnectionRefusedError:
        raise _Fatal(f"SMTP server {server} refused the connection; is the host and port right?") from None
    except socket.gaierror:
        raise _Fatal(f"SMTP server {server}: no such host") from None
    except smtplib.SMTPAuthenticationError as error:
        raise _Fatal(f"SMTP server {server} refused the login of {server.user}: {_said(error)}") from None
    except smtplib.SMTPNotSupportedError:
        raise _Fatal(f"SMTP server {server} offers no login; leave the user out of {_URL}") from None
    except ssl.SSLError as error:
        raise _Fatal(f"SMTP server {server}: TLS failed: {error.reason or error}") from None
    except smtplib.SMTPResponseException as error:
        raise _answered(
            error.smtp_code, _said(error), _Fatal, f"SMTP server {server} refused the session"
        ) from None
    except (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError) as error:
        raise _Temporary(str(error) or type(error).__name__) from None
    except OSError as error:
        raise _Fatal(f"SMTP server {server}: {error.strerror or error}") from None
    return connection


def _send(connection: smtplib.SMTP, server: Server, address: str, mail: EmailMessage) -> None:
    try:
        connection.send_message(mail, to_addrs=[address])
    except smtplib.SMTPRecipientsRefused as error:
        code, said = error.recipients.get(address, (550, b"refused"))
        refused = f"{address}: refused by SMTP server {server}"
        raise _answered(code, f"{code} {_text(said)}", _Refused, refused) from None
    except smtplib.SMTPResponseException as error:
        refused = f"{address}: refused by SMTP server {server}"
        raise _answered(error.smtp_code, _said(error), _Refused, refused) from None
    except (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError) as error:
        raise _Temporary(str(error) or type(error).__name__) from None


def _answered(code: int, said: str, final: type[Exception], refused: str) -> Exception:
    """What an SMTP answer means: a 4xx is worth another try, anything else is `final`."""
    return _Temporary(said) if 400 <= code < 500 else final(f"{refused}: {said}")


def _close(connection: smtplib.SMTP | None) -> None:
    if connection is not None:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            connection.close()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _said(error: smtplib.SMTPResponseException) -> str:
    return f"{error.smtp_code} {_text(error.smtp_error)}"


def _text(said: bytes | str) -> str:
    text = said.decode(errors="replace") if isinstance(said, bytes) else str(said)
    return " ".join(text.split())
