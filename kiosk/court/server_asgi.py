"""ASGI middleware of the reference server: body digests in both directions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from kiosk.court.contract import CourtError
from kiosk.court.digest import content_digest, matches
from kiosk.court.errors import CORRUPT_REQUEST

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]


class DigestMiddleware:
    """Refuse a request whose body does not match its digest (retryable), and sign every response body."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        body = b""
        while True:
            message = await receive()
            messages.append(message)
            body += message.get("body", b"")
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        claimed = dict(scope["headers"]).get(b"content-digest")
        if claimed is not None and not matches(claimed.decode("latin-1"), body):
            error = CourtError(message_key=CORRUPT_REQUEST, retryable=True).model_dump_json().encode()
            await _send_whole(send, 400, [(b"content-type", b"application/json")], error)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        start: Message = {}
        chunks: list[bytes] = []

        async def signed_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-digest"]
                await _send_whole(send, start["status"], headers, b"".join(chunks))

        await self.app(scope, replay, signed_send)


async def _send_whole(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    headers += [(b"content-length", str(len(body)).encode()), (b"content-digest", content_digest(body).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
