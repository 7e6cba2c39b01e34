"""Meeting → chunks: one per agenda item, split only when it would not fit the model.

Each chunk's embedded text starts with a context line (committee, date, item
number and title) so that questions naming "the 2017 meeting" or "item 12"
can find it; the chunk's `text` is the passage alone, which is what citations
quote.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from assistant.models import HEADER_POSITION, AgendaItem, Chunk, ChunkKind, Meeting
from assistant.sentences import sentences

_SPECIAL_TOKENS = 2


def chunk_meeting(meeting: Meeting, count_tokens: Callable[[str], int], window: int = 256) -> list[Chunk]:
    """All chunks of `meeting`: its header (attendance) first, then its items in order.

    `count_tokens` counts the embedding model's word pieces and `window` is
    how many it reads; an item whose context line and text exceed the window
    is split at sentence boundaries into overlapping parts.
    """
    chunks: list[Chunk] = []
    if meeting.header.strip():
        chunks += _chunks(meeting, None, meeting.header, count_tokens, window)
    for item in meeting.items:
        chunks += _chunks(meeting, item, f"{item.title}\n{item.text}".strip(), count_tokens, window)
    return chunks


def _chunks(
    meeting: Meeting, item: AgendaItem | None, text: str, count_tokens: Callable[[str], int], window: int
) -> list[Chunk]:
    kind: ChunkKind = "header" if item is None else "item"
    position = HEADER_POSITION if item is None else item.position
    chunk = partial(
        Chunk,
        kind=kind,
        meeting_id=meeting.id,
        committee=meeting.committee,
        date=meeting.date,
        item_position=position,
        item_number=item.number if item else None,
        item_title=item.title if item else "Meeting details and attendance",
        source=meeting.source,
        restricted=item.restricted if item else False,
        council=meeting.council,
        url=meeting.url,
        source_hash=meeting.source_hash,
    )
    context = chunk(id="", part=1, parts=1, text="").ref.context
    budget = window - _SPECIAL_TOKENS - count_tokens(context) - 1
    parts = [text] if count_tokens(text) <= budget else _split(text, count_tokens, budget)
    return [
        chunk(id=f"{meeting.id}:{position}:{part}", part=part, parts=len(parts), text=passage,
              pages=_pages(item, text, passage) if item else meeting.header_pages)
        for part, passage in enumerate(parts, start=1)
    ]


def _pages(item: AgendaItem, text: str, passage: str) -> tuple[int, ...]:
    """The pages one passage of `item` is printed on; `text` is the item's chunked text (title first)."""
    if len(item.page_starts) < 2:
        return item.pages
    shift = len(text) - len(item.text)  # the title line in front of the item's text
    start = text.find(passage[:200])
    if start < 0:
        return item.pages
    end = start + len(passage)
    bounds = [offset + shift for offset, _ in item.page_starts[1:]] + [len(text)]
    return tuple(page for (offset, page), until in zip(item.page_starts, bounds)
                 if (0 if offset == 0 else offset + shift) < end and until > start)


def _split(text: str, count_tokens: Callable[[str], int], budget: int) -> list[str]:
    """Overlapping parts of at most `budget` word pieces, each an exact slice of `text`.

    Parts start and end at the sentences `assistant.sentences.sentences` finds (the
    same splitter answers quote from), and each part after the first starts
    with the last sentence of the one before, so a point that spans a
    boundary is whole in one of them. A sentence too long on its own is cut
    at words.
    """
    spans = _sentence_spans(text, count_tokens, budget)
    parts: list[str] = []
    first = 0
    while first < len(spans):
        last, used = first, spans[first][2]
        while last + 1 < len(spans) and used + spans[last + 1][2] <= budget:
            last += 1
            used += spans[last][2]
        parts.append(text[spans[first][0]:spans[last][1]])
        first = last + 1 if last == first or last + 1 >= len(spans) else last
    return parts


def _sentence_spans(text: str, count_tokens: Callable[[str], int], budget: int) -> list[tuple[int, int, int]]:
    """(start, end, word pieces) of each sentence in `text`; a sentence that alone exceeds `budget` is cut into word runs."""
    spans: list[tuple[int, int, int]] = []
    words_per_run = max(1, budget // 3)  # a word is at most ~3 word pieces in minutes prose
    cursor = 0
    for sentence in sentences(text):
        start = text.index(sentence, cursor)
        cursor = start + len(sentence)
        tokens = count_tokens(sentence)
        if tokens <= budget:
            spans.append((start, cursor, tokens))
            continue
        words = list(re.finditer(r"\S+", sentence))
        for run in range(0, len(words), words_per_run):
            begin, end = words[run].start(), words[min(run + words_per_run, len(words)) - 1].end()
            spans.append((start + begin, start + end, count_tokens(sentence[begin:end])))
    return spans
