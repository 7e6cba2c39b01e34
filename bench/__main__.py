"""Benchmarks, run by hand: ``python -m bench [--sizes 100,1000] [--load 100,10000] [--server]``.

Every number is measured side by side in one run, each in a fresh
subprocess, so that memory and imports belong to what is measured. Results
go to ``bench/results/<timestamp>.json`` and a table on the terminal;
``bench/README.md`` summarises reference runs.

Per corpus size (synthetic meetings from bench/synth.py), `scale`:
- ingest: chunks per second through the whole pipeline, beside the raw
  embedding throughput of the same chunk texts (the hardware ceiling);
- the plain llama-index recipe (VectorStoreIndex, default settings) over the
  same files: build time, query latency, known-answer top 5.
At each `--load` size, `load`: 100 meetings embedded, their vectors re-used for
copies with new ids, dates and figures, written in bulk (precomputed vectors);
a load of 100 is the originals alone, the baseline the larger loads compare
with (the same known-answer questions, see bench/known.py).
Then for every index, `serve` (a fresh process that opens it and answers):
warm ``ask`` and ``search`` p50/p95, peak resident memory, known-answer
top 5 (see bench/known.py); and a cold ``minutes ask`` (fresh CLI process).
With ``--server``, the largest load is loaded into a ``chroma run`` server
too and served from there.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
MINUTES = Path(sys.executable).with_name("minutes")
QUESTIONS = [
    "What was said about anti-social behaviour?",
    "How much funding was allocated?",
    "Who chaired the meeting?",
    "What did the police report about recorded crime?",
    "What was agreed about the community safety plan?",
    "What was said about youth offending?",
    "When is the next meeting?",
    "What are the council tax rates?",
    "What was said about Prevent?",
    "How many incidents were reported?",
]
_KNOWN = 40  # known-answer questions per index
_COPIED = 100  # meetings embedded for the large-scale load


def _percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    return {"p50_ms": statistics.median(ordered), "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]}


def _timed(fn, repeat: int = 3) -> list[float]:
    samples = []
    for _ in range(repeat):
        for question in QUESTIONS:
            started = time.perf_counter()
            fn(question)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_run(size: int, seed: int, workdir: Path) -> dict:
    """Ingest `size` synthetic meetings with the model, in this process; the llama-index baseline beside it."""
    from assistant.api import Assistant
    from assistant.settings import Settings
    from bench.known import known_answers
    from bench.synth import generate
    from ingest.pipeline import ingest

    corpus, index_dir = workdir / "corpus", workdir / "index"
    generate(corpus, size, seed)
    bot = Assistant(Settings.load(index_dir=index_dir))
    bot.embedder.embed(["load the model outside the clock"])
    started = time.perf_counter()  # the pipeline alone (what the ceiling bounds), then answering's sentence vectors
    summary = ingest([corpus], bot.settings, progress=False, store=bot.store, embedder=bot.embedder)
    ingest_seconds = time.perf_counter() - started
    started = time.perf_counter()
    bot.embed_units([record.id for record in bot.meetings()])
    units_seconds = time.perf_counter() - started

    # The ceiling: exactly the texts ingest embedded, through the model alone, batched the same way.
    texts = [chunk.embed_text for record in bot.meetings() for chunk in bot.store.chunks(record.id)]
    started = time.perf_counter()
    bot.embedder.embed(texts)
    raw_seconds = time.perf_counter() - started
    known = known_answers(bot, _KNOWN, seed)
    (workdir / "known.json").write_text(json.dumps([asdict(k) for k in known]))
    started = time.perf_counter()
    bot.ingest([corpus], progress=False)
    return {
        "meetings": summary.meetings,
        "chunks": summary.chunks,
        "load_seconds": ingest_seconds,
        "ingest_chunks_per_s": summary.chunks / ingest_seconds,
        "raw_embed_chunks_per_s": len(texts) / raw_seconds,
        "ingest_share_of_ceiling": (summary.chunks / ingest_seconds) / (len(texts) / raw_seconds),
        "sentence_vectors_seconds": units_seconds,
        "reingest_unchanged_seconds": time.perf_counter() - started,
        "index_bytes": _du(index_dir),
        "baseline": _baseline(corpus, bot.settings.embed_model, [k.question for k in known]),
    }


def _baseline(corpus: Path, model: str, known: list[str]) -> dict:
    from eval.baseline import baseline_index

    started = time.perf_counter()
    index = baseline_index(corpus, model)
    build = time.perf_counter() - started
    retriever = index.as_retriever(similarity_top_k=5)
    found = sum(any(phrase in result.node.get_content() for result in retriever.retrieve(phrase)) for phrase in known)
    return {"build_seconds": build, "search": _percentiles(_timed(retriever.retrieve)),
            "known_top5": found / max(len(known), 1)}


def load_run(meetings: int, seed: int, workdir: Path, port: int | None = None) -> dict:
    """`meetings` meetings written in bulk with precomputed vectors: 100 embedded, copied with new ids and dates."""
    from assistant.api import Assistant
    from assistant.settings import Settings
    from bench.known import known_answers

    settings = Settings.load(index_dir=workdir / "index", chroma_host="127.0.0.1" if port else None, chroma_port=port)
    bot = Assistant(settings)
    copies = _copies(bot, meetings, seed, workdir)
    started = time.perf_counter()
    batch: list = []
    for write in copies:
        batch.append(write)
        if sum(len(w.chunks) for w in batch) >= 5000:
            bot.store.write(batch)
            batch = []
    bot.store.write(batch)
    load_seconds = time.perf_counter() - started
    chunks = bot.store.chunk_count()
    known = known_answers(bot, _KNOWN, seed, among=lambda meeting_id: meeting_id.endswith("-c0"))
    (workdir / "known.json").write_text(json.dumps([asdict(k) for k in known]))
    return {"meetings": len(bot.meetings()), "chunks": chunks, "load_seconds": load_seconds,
            "load_chunks_per_s": chunks / load_seconds, "index_bytes": _du(workdir / "index"),
            "known_questions": [k.question for k in known]}


def _copies(bot, meetings: int, seed: int, workdir: Path) -> list:
    """The writes of `meetings` meetings: `_COPIED` synthetic ones parsed (with their facts, as ingest does) and
    embedded once, then copied.

    Copy n is the original under the id ``<id>-c<n>``, n weeks later, its items' figures renumbered
    (`bench.synth.renumbered`; copy 0 is the original's text): the same standing items with other figures,
    as a real archive holds, not exact duplicates. Copies keep the original's vectors (the embedding
    barely sees figures) and facts (its header, dates and times are unchanged; the figures and decisions
    it lists keep the original's numbers). Every meeting's quotable units go into the index's embedding
    cache, as `Assistant.ingest` puts them there, so serving measures answering, not that step: the
    originals' embedded, the copies' renumbered ones with the original unit's vector.
    """
    import dataclasses
    import datetime as dt

    import numpy as np

    from assistant.store import MeetingWrite
    from bench.synth import generate
    from ingest.chunk import chunk_meeting
    from ingest.facts import extract_facts
    from ingest.parse import parse_minutes
    from ingest.read import document_text

    corpus = workdir / "originals"
    generate(corpus, _COPIED, seed)
    originals = []
    for path in sorted(p for p in corpus.iterdir() if p.suffix == ".txt"):
        meeting = parse_minutes(document_text(path, path.read_bytes()), str(path))
        meeting = dataclasses.replace(meeting, facts=extract_facts(meeting))
        chunks = chunk_meeting(meeting, bot.embedder.count_tokens, bot.embedder.window)
        originals.append((meeting, chunks, np.asarray(bot.embedder.embed([c.embed_text for c in chunks]), np.float32)))
    writes = []
    for copy in range(meetings // len(originals)):
        units: dict[str, list[float]] = {}
        for meeting, chunks, vectors in originals:
            shift = dt.timedelta(days=7 * copy)
            items = tuple(dataclasses.replace(item, text=_renumbered(item.text, copy)) for item in meeting.items)
            clone = dataclasses.replace(meeting, id=f"{meeting.id}-c{copy}", items=items,
                                        date=meeting.date + shift if meeting.date else None)
            # The original's chunks under the clone's id and date (chunking the clone again could split
            # it differently, e.g. a longer date in the header, and its vectors would no longer line up).
            copied = [dataclasses.replace(c, id=f"{clone.id}:{c.item_position}:{c.part}", meeting_id=clone.id,
                                          date=clone.date, text=_renumbered(c.text, copy) if c.kind == "item" else c.text)
                      for c in chunks]
            writes.append(MeetingWrite(clone, f"{copy:012d}:{meeting.id}", copied, vectors))
            units |= _unit_vectors(bot, chunks, copied)
        bot.meaning.disk.put_many(units)
    return writes


def _renumbered(text: str, copy: int) -> str:
    from bench.synth import renumbered

    return renumbered(text, f"c{copy}") if copy else text


def _unit_vectors(bot, chunks: list, copied: list) -> dict[str, list[float]]:
    """The quotable units of `copied` (a renumbered copy of `chunks`) that differ from the original's, each with
    the original unit's vector (as its chunks' vectors are); the original's are embedded on first use."""
    from assistant.evidence import unit_texts

    originals, copies = unit_texts(chunks), unit_texts(copied)
    vectors = bot.meaning.vectors(originals)
    if len(originals) != len(copies):  # renumbering split a unit differently: answering embeds these itself
        return {}
    return {copy: vector.tolist() for original, copy, vector in zip(originals, copies, vectors) if copy != original}


def serve_run(workdir: Path, port: int | None) -> dict:
    """Open the index in this fresh process and answer: what one UI worker would see."""
    from assistant.api import Assistant
    from bench.known import KnownAnswer, found_share

    started = time.perf_counter()
    bot = Assistant.open(workdir / "index", chroma_host="127.0.0.1" if port else None, chroma_port=port)
    bot.warm()
    warm_seconds = time.perf_counter() - started
    known = [KnownAnswer(**k) for k in json.loads((workdir / "known.json").read_text())]
    return {
        "open_and_warm_seconds": warm_seconds,
        "ask": _percentiles(_timed(lambda q: bot.ask(q))),
        "search": _percentiles(_timed(lambda q: bot.search(q, k=5))),
        "known": found_share(bot, known),
        "peak_rss_mb": _peak_mb(),
    }


def cold_ask(workdir: Path, port: int | None, runs: int = 3) -> float:
    """Median wall time of ``minutes ask`` as a fresh process over the index."""
    where = ["--index", str(workdir / "index")] + (["--chroma-host", "127.0.0.1", "--chroma-port", str(port)] if port else [])
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(MINUTES), "ask", QUESTIONS[0], *where], check=True, capture_output=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _child(kind: str, size: int, seed: int, workdir: Path, port: int | None = None) -> dict:
    """Run one measurement in a fresh interpreter (peak memory and imports are its own)."""
    command = [sys.executable, "-m", "bench", "--child", kind, "--size", str(size), "--seed", str(seed),
               "--workdir", str(workdir)] + (["--port", str(port)] if port else [])
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(kind: str, size: int, seed: int, port: int | None = None) -> dict:
    """Build an index (`scale` or `load`) in one process, then serve it from another and ask cold from a third."""
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as name:
        workdir = Path(name)
        result = _child(kind, size, seed, workdir, port) | {"kind": kind, "server": bool(port)}
        result["serve"] = _child("serve", size, seed, workdir, port)
        result["cold_ask_seconds"] = cold_ask(workdir, port)
    return result


@contextlib.contextmanager
def _serving_chroma(path: Path):
    """A ``chroma run`` server on a free port of 127.0.0.1 while the block runs; yields the port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    chroma = Path(sys.executable).with_name("chroma")
    server = subprocess.Popen([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=os.environ | {"ANONYMIZED_TELEMETRY": "False"})
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=60)


def _row(r: dict) -> str:
    s, li = r["serve"], r.get("baseline")
    cells = [
        f"{r['kind'] + (' (server)' if r['server'] else ''):<14}", f"{r['meetings']:>8,}", f"{r['chunks']:>8,}",
        f"{r['load_seconds']:>7.0f}", f"{r['chunks'] / r['load_seconds']:>6.0f}",
        f"{r['ingest_share_of_ceiling']:>5.2f}" if "ingest_share_of_ceiling" in r else f"{'':>5}",
        f"{r['cold_ask_seconds']:>6.2f}", f"{s['ask']['p50_ms']:>7.0f}", f"{s['ask']['p95_ms']:>7.0f}",
        f"{s['search']['p50_ms']:>7.0f}", f"{s['peak_rss_mb']:>6.0f}", f"{s['known']['top5']:>5.2f}",
        f"{s['known']['top5_with_date']:>5.2f}",
        f"{li['known_top5']:>5.2f} {li['search']['p50_ms']:>7.0f} {li['build_seconds']:>7.0f}" if li else f"{'':>21}",
        f"{r['index_bytes'] / 2**20:>7.0f}",
    ]
    return " ".join(cells)


def _table(results: dict) -> str:
    head = (f"{'run':<14} {'meetings':>8} {'chunks':>8} {'load s':>7} {'c/s':>6} {'share':>5} {'cold s':>6} "
            f"{'ask p50':>7} {'ask p95':>7} {'srch p50':>7} {'RSS MB':>6} {'top5':>5} {'+date':>5} "
            f"{'li top5':>5} {'li p50':>7} {'li bld s':>7} {'disk MB':>7}")
    return "\n".join([head, *(_row(r) for r in results["runs"])])


def main() -> None:
    parser = argparse.ArgumentParser(description="minutes benchmarks")
    parser.add_argument("--sizes", default="100,1000", help="meetings per ingested synthetic corpus (with the model)")
    parser.add_argument("--load", default="10000",
                        help="meetings loaded with precomputed vectors, e.g. 100,10000 to compare sizes ('' or 0: skip)")
    parser.add_argument("--server", action="store_true", help="also load and serve the --load index from a Chroma server")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if args.child:
        runs = {"scale": lambda: scale_run(args.size, args.seed, args.workdir),
                "load": lambda: load_run(args.size, args.seed, args.workdir, args.port),
                "serve": lambda: serve_run(args.workdir, args.port)}
        print(json.dumps(runs[args.child]()))
        return
    results: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": {"cpus": os.cpu_count()},
                     "load_average_before": os.getloadavg(), "runs": []}
    for size in (int(s) for s in args.sizes.split(",") if s):
        print(f"ingest and serve {size} meetings ...", file=sys.stderr, flush=True)
        results["runs"].append(measure("scale", size, args.seed))
    loads = [int(s) for s in args.load.split(",") if s and int(s)]
    for size in loads:
        print(f"load and serve {size} meetings ...", file=sys.stderr, flush=True)
        results["runs"].append(measure("load", size, args.seed))
    if loads and args.server:
        print(f"load and serve {loads[-1]} meetings through a Chroma server ...", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="minutes-chroma-") as path, _serving_chroma(Path(path)) as port:
            results["runs"].append(measure("load", loads[-1], args.seed, port))
    results["load_average_after"] = os.getloadavg()
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{results['started'].replace(':', '')}.json"
    out.write_text(json.dumps(results, indent=2))
    print(_table(results))
    print(f"\nload average before {results['load_average_before']}, after {results['load_average_after']}; "
          f"results: {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
