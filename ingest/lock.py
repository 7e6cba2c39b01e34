"""One writer at a time: every ingest (and repair) holds a lock file beside the index while it writes.

Two ingests into one index would otherwise interleave their writes (both
reporting success while meetings go missing), and two ingests into a new
index would both fail creating it. The second writer fails at once with one
sentence, or, given a wait, says it is waiting and fails when the wait ends.
Readers take no lock.

The lock is an OS file lock (`filelock`), so a killed ingest releases it:
there is never a stale lock to delete by hand. For an embedded index it is
``<index folder>.lock`` beside the folder. With a Chroma server it is a file
named after the server in `Settings.cache_folder`: it keeps out other ingests
on the same machine that use the same cache folder, not ingests from other
machines; point those at the server one at a time.
"""
from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.errors import MinutesError
from assistant.settings import Settings


class IndexBusy(MinutesError):
    """Another ingest is writing to the same index; nothing was changed."""


def lock_path(settings: Settings) -> Path:
    """The lock file that guards writes to the index `settings` name."""
    if settings.uses_server:
        server = re.sub(r"[^A-Za-z0-9.-]+", "-", f"{settings.chroma_host}-{settings.chroma_port}")
        return settings.cache_folder / f"chroma-{server}.lock"
    index = settings.index_dir.absolute()
    return index.with_name(f"{index.name}.lock")


@contextlib.contextmanager
def writer_lock(settings: Settings, wait: float = 0.0,
                on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the index's writer lock for the block; `IndexBusy` if another writer keeps it past `wait` seconds.

    When the lock is taken and `wait` is positive, `on_wait` is told (once) that this writer waits.
    """
    from filelock import FileLock, Timeout

    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if wait <= 0:
            raise IndexBusy(f"another ingest is writing to the index at {settings.location}; "
                            "run this one when it has finished (or pass --wait SECONDS)") from None
        if on_wait is not None:
            on_wait(f"another ingest is writing to the index at {settings.location}; waiting up to {wait:g} s")
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise IndexBusy(f"another ingest was still writing to the index at {settings.location} "
                            f"after {wait:g} s; nothing was changed") from None
    try:
        yield
    finally:
        lock.release()
