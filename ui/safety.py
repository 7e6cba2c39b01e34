"""What keeps the UI safe to expose: no tracebacks for people, no public binding without a password."""
from __future__ import annotations

import functools
import inspect
import ipaddress
import logging
import re
import socket

import gradio as gr

from assistant.errors import InvalidQuestion, MinutesError, UnknownMeeting

log = logging.getLogger("ui")

SORRY = "Something went wrong on the server; the details are in its log."


class UIError(MinutesError, ValueError):
    """The UI cannot start as asked (e.g. exposed without a password); the message says why."""


def friendly(handler):
    """`handler` with known errors shown as their message and bugs as one sentence, never a traceback."""

    def translate(error: Exception) -> gr.Error:
        if isinstance(error, gr.Error):
            return error
        if isinstance(error, (InvalidQuestion, UnknownMeeting)):
            return gr.Error(str(error.args[0]) if error.args else str(error), print_exception=False)
        log.exception("UI handler %s failed", handler.__name__)
        return gr.Error(SORRY, print_exception=False)

    if inspect.isgeneratorfunction(handler):
        @functools.wraps(handler)
        def stream(*args, **kwargs):
            try:
                yield from handler(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - the boundary where bugs become a sentence
                raise translate(error) from None
        return stream

    @functools.wraps(handler)
    def call(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - the boundary where bugs become a sentence
            raise translate(error) from None
    return call


# Gradio's page template puts its API description (every endpoint, and every meeting id the meeting
# filter offers) into the page at "/", the sign-in page included. `toorjson` escapes "<", so the JSON
# cannot contain the closing tag this pattern stops at.
_API_INFO = re.compile(rb"window\.gradio_api_info = .*?;</script>", re.DOTALL)
_SIGN_IN_PAGE = re.compile(rb'window\.gradio_config = \{"auth_required": ?true')


class SignInPageGuard:
    """ASGI middleware: the sign-in page describes nothing behind the sign-in.

    For a page that asks for a password, the API description Gradio embeds
    is replaced by ``null`` (the page fetches it from the signed-in API once
    someone has signed in). Every other response passes untouched.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"] != "/":
            await self.app(scope, receive, send)
            return
        start: dict = {}
        body: list[bytes] = []

        async def hold(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            body.append(message.get("body", b""))
            if not message.get("more_body", False):
                await _send_page(send, start, b"".join(body))

        await self.app(scope, receive, hold)


async def _send_page(send, start: dict, page: bytes) -> None:
    if _SIGN_IN_PAGE.search(page[:200_000]):
        page = _API_INFO.sub(b"window.gradio_api_info = null;</script>", page, count=1)
    headers = [(name, value) for name, value in start.get("headers", []) if name.lower() != b"content-length"]
    await send({**start, "headers": [*headers, (b"content-length", str(len(page)).encode())]})
    await send({"type": "http.response.body", "body": page})


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and names that resolve only there."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
        except OSError:
            return False


def check_exposure(host: str, auth: tuple[str, str] | None, allow_no_auth: bool) -> None:
    """`UIError` when `host` reaches beyond this machine and nothing asks for a password."""
    if not is_loopback(host) and auth is None and not allow_no_auth:
        raise UIError(f"refusing to serve on {host} without a password: pass --auth USER:PASSWORD "
                      "(or set MINUTES_UI_AUTH), or --insecure-no-auth if the network is trusted")


def parse_login(value: str | None) -> tuple[str, str] | None:
    """``user:password`` as a pair; `UIError` when either half is missing."""
    if not value:
        return None
    user, _, password = value.partition(":")
    if not user or not password:
        raise UIError("--auth (or MINUTES_UI_AUTH) takes USER:PASSWORD")
    return user, password
