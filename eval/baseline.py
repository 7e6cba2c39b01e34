"""The plain llama-index recipe, as a yardstick for our retrieval.

VectorStoreIndex over the same files with llama-index's defaults (1024-token
chunks, 20-token overlap), the same MiniLM model, dense top-k. A baseline
chunk does not know agenda items, so it counts as finding a gold item when it
comes from the gold meeting's file and contains the start of that item (its
title, or for the attendance header its first line).

Run: ``python -m eval.baseline`` (prints hit@1, hit@5 and MRR side by side
with the hybrid retriever on the same questions, in the same process).
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from assistant.embed import resolve_model_path
from assistant.models import Meeting
from assistant.settings import Settings, quiet_telemetry
from eval.questions import DEFAULT_QUESTIONS, Gold, Question, load_questions


def baseline_index(data: Path, model: str):
    """A default VectorStoreIndex over the files in `data`, embedded with `model`."""
    quiet_telemetry()
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    documents = SimpleDirectoryReader(str(data), required_exts=[".txt", ".html", ".pdf"]).load_data()
    embed = HuggingFaceEmbedding(model_name=str(resolve_model_path(model)), device="cpu")
    return VectorStoreIndex.from_documents(documents, embed_model=embed)


def _anchor(meeting: Meeting, gold: Gold) -> str:
    """Text that marks where the gold item starts in its file."""
    if gold.item == "header":
        return next((line for line in meeting.header.splitlines() if line.strip()), meeting.committee)
    item = gold.agenda_item(meeting)
    if item is None:
        return "\0"  # a gold item the parser does not know: never matched
    return item.title or item.text[:60]


def baseline_ranks(index, questions: list[Question], meetings: dict[str, Meeting], k: int = 5) -> list[int | None]:
    retriever = index.as_retriever(similarity_top_k=k)
    ranks = []
    for question in questions:
        rank = None
        for position, result in enumerate(retriever.retrieve(question.question), start=1):
            file_name = Path(result.node.metadata.get("file_path", "")).name
            for gold in question.gold:
                meeting = meetings.get(gold.meeting)
                if meeting and Path(meeting.source).name == file_name and _anchor(meeting, gold) in result.node.get_content():
                    rank = rank or position
        ranks.append(rank)
    return ranks


def _metrics(ranks: list[int | None]) -> dict[str, float]:
    return {
        "hit@1": statistics.mean(r == 1 for r in ranks),
        "hit@5": statistics.mean(r is not None and r <= 5 for r in ranks),
        "mrr": statistics.mean(1 / r if r else 0.0 for r in ranks),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    args = parser.parse_args()

    from assistant.api import Assistant

    questions = [q for q in load_questions(args.questions) if q.answerable]
    with tempfile.TemporaryDirectory() as index_dir:
        bot = Assistant(Settings.load(index_dir=index_dir))
        bot.ingest([args.data], progress=False)
        bot.warm()
        meetings = {record.id: bot.meeting(record.id) for record in bot.meetings()}
        ours, ours_ms = [], []
        for question in questions:
            started = time.perf_counter()
            hits = bot.search(question.question, k=5)
            ours_ms.append((time.perf_counter() - started) * 1000)
            ours.append(next((r for r, h in enumerate(hits, 1)
                              if any(g.matches(h.meeting_id, h.item, h.item_position, h.kind) for g in question.gold)), None))
        started = time.perf_counter()
        index = baseline_index(args.data, bot.settings.embed_model)
        build_s = time.perf_counter() - started
        started = time.perf_counter()
        theirs = baseline_ranks(index, questions, meetings)
        theirs_ms = (time.perf_counter() - started) * 1000 / len(questions)
    print(f"{len(questions)} answerable questions")
    print(f"{'':<26}{'hit@1':>8}{'hit@5':>8}{'mrr':>8}{'ms/query':>10}")
    for name, ranks, ms in (("hybrid (minutes)", ours, statistics.median(ours_ms)),
                            ("llama-index default", theirs, theirs_ms)):
        m = _metrics(ranks)
        print(f"{name:<26}{m['hit@1']:>8.3f}{m['hit@5']:>8.3f}{m['mrr']:>8.3f}{ms:>10.1f}")
    print(f"(baseline index built in {build_s:.1f}s; its ms/query is a mean)")


if __name__ == "__main__":
    main()
