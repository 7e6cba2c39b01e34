"""Run a producer in a thread, a bounded distance ahead of its consumer."""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

_T = TypeVar("_T")


def ahead(items: Iterator[_T], depth: int = 2) -> Iterator[_T]:
    """`items`, produced by a reader thread up to `depth` ahead of the caller.

    Parsing is Python and the model spends its time in native code that
    releases the GIL, so on two cores the next batch is ready when the model
    finishes this one. An error in the reader is raised here; if the caller
    stops early, the reader stops too.
    """
    handoff: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    end = object()

    def put(item: object) -> None:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def read() -> None:
        try:
            for item in items:
                put(item)
                if stop.is_set():
                    return
            put(end)
        except BaseException as error:  # handed to the caller, who raises it
            put(_ReaderFailed(error))

    threading.Thread(target=read, name="ingest-reader", daemon=True).start()
    try:
        while (item := handoff.get()) is not end:
            if isinstance(item, _ReaderFailed):
                raise item.error
            yield item
    finally:
        stop.set()


class _ReaderFailed:
    def __init__(self, error: BaseException) -> None:
        self.error = error
