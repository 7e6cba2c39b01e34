"""``GET original/<meeting id>``: the file an indexed meeting was read from, for "Open the original".

Only files the index names as a meeting's source are served, only to people
who may see the UI (the same login check as every Gradio route), and never
as a page of this site: text and HTML go out as plain text, PDFs as PDFs,
all under a sandboxing Content-Security-Policy so nothing in them can run.
"""
from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.api import Assistant

_TYPES = {".pdf": "application/pdf"}
_HEADERS = {"Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def serve_originals(app: gr.Blocks, bot: Assistant) -> None:
    """Add the route to `app`'s running server, behind Gradio's own login check."""
    from fastapi import Depends, HTTPException
    from fastapi.responses import FileResponse

    server = app.server_app
    login = _endpoint(server.routes, "/gradio_api/login_check")
    if login is None:  # never serve files without the login check: a Gradio upgrade must fail loudly here
        raise RuntimeError("Gradio's login check route was not found; cannot guard original/<meeting>")

    def original(meeting_id: str) -> FileResponse:
        record = next((r for r in bot.meetings() if r.id == meeting_id), None)
        path = Path(record.source) if record else None
        if path is None or not path.is_file():
            raise HTTPException(404, "No such meeting in the index, or its file has moved.")
        kind = _TYPES.get(path.suffix.lower(), "text/plain; charset=utf-8")
        return FileResponse(path, media_type=kind, headers=_HEADERS, content_disposition_type="inline",
                            filename=path.name)

    server.add_api_route("/original/{meeting_id:path}", original, methods=["GET"], dependencies=[Depends(login)],
                         include_in_schema=False)


def _endpoint(routes, path: str):
    """The function behind `path` among `routes` (FastAPI nests included routers)."""
    for route in routes:
        if getattr(route, "path", None) == path:
            return route.endpoint
        nested = getattr(getattr(route, "original_router", None), "routes", None)
        if nested:
            found = _endpoint(nested, path)
            if found is not None:
                return found
    return None
