"""The ingest's reader thread: items arrive in order, errors reach the caller, an early stop stops it."""
from __future__ import annotations

import threading
import time

import pytest

from ingest.ahead import ahead


def test_items_arrive_in_order_from_another_thread():
    threads = []

    def produce():
        for number in range(50):
            threads.append(threading.current_thread())
            yield number

    assert list(ahead(produce())) == list(range(50))
    assert set(threads) != {threading.current_thread()}


def test_an_error_in_the_reader_is_raised_to_the_caller_after_what_came_before():
    def produce():
        yield 1
        raise ValueError("unreadable")

    got = []
    with pytest.raises(ValueError, match="unreadable"):
        for item in ahead(produce()):
            got.append(item)
    assert got == [1]


def test_the_reader_stops_soon_after_the_caller_does():
    produced = []

    def produce():
        for number in range(1000):
            produced.append(number)
            yield number

    items = ahead(produce(), depth=2)
    assert next(items) == 0
    items.close()
    time.sleep(0.5)
    assert len(produced) <= 5
