"""A real SMTP server for tests: aiosmtpd on a free local port, keeping every message it accepts."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalSMTPServer:
    """`messages` holds what arrived (parsed); `stop()` and `start()` take the server down and up again.

    `on_message(message)` is called before a message is accepted: return an SMTP reply ("550 no such user")
    to refuse it with that reply, or raise to refuse it with 451.
    """

    def __init__(self) -> None:
        self.host, self.port = "127.0.0.1", free_port()
        self.messages: list[EmailMessage] = []
        self.on_message = None
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        if self.on_message is not None:
            try:
                reply = self.on_message(message)
            except Exception as error:
                return f"451 refused by the test: {error}"
            if reply:
                return reply
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def start(self) -> None:
        self._controller = Controller(self, hostname=self.host, port=self.port, server_hostname="localhost")
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]
