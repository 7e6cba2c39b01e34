"""Benchmarks, run by hand: ``python -m bench [--sizes 10,100,1000] [--retrieval-scale 10000]``.

Every number is measured side by side in one run, and each scale runs in a
fresh subprocess so that peak memory belongs to that scale alone. Results go
to ``bench/results/<timestamp>.json`` and a table on the terminal;
``bench/README.md`` summarises a reference run.

What is measured, per corpus size (synthetic meetings from bench/synth.py):
- ingest: chunks per second through the whole pipeline, beside the raw
  embedding throughput of the same chunk texts (the hardware ceiling);
- peak resident memory and index size on disk;
- warm ``search`` and ``ask`` latency (p50/p95) over a fixed question list;
- the plain llama-index recipe (VectorStoreIndex, default settings) over the
  same files: build time and query latency, as ratios.
Plus: retrieval alone at a large scale (stored vectors re-used, not
re-embedded), and the cold start of ``minutes ask`` as a fresh process.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
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


def scale_run(size: int, seed: int, workdir: Path) -> dict:
    """One corpus size, in this (fresh) process; size 0 means the real minutes in data/."""
    from assistant.api import Assistant
    from assistant.settings import Settings
    from bench.synth import generate

    corpus, index_dir = workdir / "corpus", workdir / "index"
    if size:
        generate(corpus, size, seed)
    else:
        shutil.copytree(ROOT / "data", corpus)
    bot = Assistant(Settings.load(index_dir=index_dir))
    bot.embedder.embed(["load the model outside the clock"])
    started = time.perf_counter()
    summary = bot.ingest([corpus], progress=False)
    ingest_seconds = time.perf_counter() - started

    # The ceiling: exactly the texts ingest embedded, through the model alone, batched the same way.
    texts = [chunk.embed_text for chunk in bot.store.all_chunks()]
    started = time.perf_counter()
    bot.embedder.embed(texts)
    raw_seconds = time.perf_counter() - started

    result: dict[str, object] = {
        "meetings": summary.meetings,
        "chunks": summary.chunks,
        "ingest_seconds": ingest_seconds,
        "ingest_chunks_per_s": summary.chunks / ingest_seconds,
        "raw_embed_chunks_per_s": len(texts) / raw_seconds,
        "index_bytes": _du(index_dir),
    }
    result["ingest_share_of_ceiling"] = (summary.chunks / ingest_seconds) / (len(texts) / raw_seconds)

    started = time.perf_counter()
    bot.ingest([corpus], progress=False)
    result["reingest_unchanged_seconds"] = time.perf_counter() - started

    bot.warm()
    result["search"] = _percentiles(_timed(lambda q: bot.search(q, k=5)))
    result["ask"] = _percentiles(_timed(lambda q: bot.ask(q)))
    result["baseline"] = _baseline(corpus, bot.settings.embed_model)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _baseline(corpus: Path, model: str) -> dict:
    from eval.baseline import baseline_index

    started = time.perf_counter()
    index = baseline_index(corpus, model)
    build = time.perf_counter() - started
    retriever = index.as_retriever(similarity_top_k=5)
    return {"build_seconds": build, "search": _percentiles(_timed(retriever.retrieve))}


def retrieval_at_scale(meetings: int, seed: int, workdir: Path) -> dict:
    """Retrieval alone over `meetings` meetings: 100 real ones embedded, their vectors re-used for copies.

    Copies get new ids and dates but the same texts, so no embedding is
    needed; the store, BM25 and fusion do the full amount of work.
    """
    import dataclasses
    import datetime as dt

    from assistant.api import Assistant
    from assistant.settings import Settings
    from bench.synth import generate
    from ingest.chunk import chunk_meeting
    from ingest.parse import parse_minutes
    from ingest.read import document_text

    corpus = workdir / "corpus"
    generate(corpus, 100, seed)
    bot = Assistant(Settings.load(index_dir=workdir / "index"))
    originals = []
    for path in sorted(p for p in corpus.iterdir() if p.suffix == ".txt"):
        meeting = parse_minutes(document_text(path, path.read_bytes()), str(path))
        chunks = chunk_meeting(meeting, bot.embedder.count_tokens, bot.embedder.window)
        originals.append((meeting, chunks, bot.embedder.embed([c.embed_text for c in chunks])))
    started = time.perf_counter()
    for copy in range(meetings // len(originals)):
        for meeting, _chunks, vectors in originals:
            shift = dt.timedelta(days=7 * copy)
            clone = dataclasses.replace(meeting, id=f"{meeting.id}-c{copy}",
                                        date=meeting.date + shift if meeting.date else None)
            bot.store.write_meeting(clone, f"{copy}:{meeting.id}", chunk_meeting(clone, bot.embedder.count_tokens,
                                    bot.embedder.window), vectors)
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    bot.warm()
    warm_seconds = time.perf_counter() - started
    return {
        "meetings": len(bot.meetings()),
        "chunks": bot.store.chunk_count(),
        "store_load_seconds": load_seconds,
        "snapshot_build_seconds": warm_seconds,
        "search": _percentiles(_timed(lambda q: bot.search(q, k=5))),
        "ask": _percentiles(_timed(lambda q: bot.ask(q))),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cold_start(workdir: Path, runs: int = 5) -> dict:
    """Wall time of ``minutes ask`` and ``minutes meetings`` as fresh processes over a small index."""
    minutes = Path(sys.executable).with_name("minutes")
    index = workdir / "index"
    subprocess.run([str(minutes), "ingest", str(ROOT / "data"), "--index", str(index)], check=True,
                   capture_output=True)
    out = {}
    for name, args in (("ask", ["ask", "What was said about Op Harmony?"]), ("meetings", ["meetings"])):
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([str(minutes), *args, "--index", str(index)], check=True, capture_output=True)
            samples.append(time.perf_counter() - started)
        out[f"{name}_seconds_median"] = statistics.median(samples)
    return out


def _child(kind: str, size: int, seed: int) -> dict:
    """Run one measurement in a fresh interpreter (peak memory and imports are its own)."""
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as workdir:
        out = subprocess.run(
            [sys.executable, "-m", "bench", "--child", kind, "--size", str(size), "--seed", str(seed),
             "--workdir", workdir],
            check=True, capture_output=True, text=True, cwd=ROOT,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _table(results: dict) -> str:
    lines = [f"{'meetings':>8} {'chunks':>7} {'ingest c/s':>10} {'ceiling c/s':>11} {'share':>6} "
             f"{'ask p50':>8} {'ask p95':>8} {'search p50':>10} {'li search p50':>13} {'li build s':>10} "
             f"{'ingest s':>8} {'peak MB':>8} {'index MB':>8}"]
    for r in results["scales"]:
        lines.append(
            f"{r['meetings']:>8} {r['chunks']:>7} {r['ingest_chunks_per_s']:>10.1f} {r['raw_embed_chunks_per_s']:>11.1f} "
            f"{r['ingest_share_of_ceiling']:>6.2f} {r['ask']['p50_ms']:>8.1f} {r['ask']['p95_ms']:>8.1f} "
            f"{r['search']['p50_ms']:>10.1f} {r['baseline']['search']['p50_ms']:>13.1f} "
            f"{r['baseline']['build_seconds']:>10.1f} {r['ingest_seconds']:>8.1f} {r['peak_rss_mb']:>8.0f} "
            f"{r['index_bytes'] / 2**20:>8.1f}"
        )
    if results.get("retrieval_at_scale"):
        r = results["retrieval_at_scale"]
        lines.append(f"\nretrieval at {r['meetings']} meetings ({r['chunks']} chunks): search p50 {r['search']['p50_ms']:.1f} ms, "
                     f"p95 {r['search']['p95_ms']:.1f} ms; ask p50 {r['ask']['p50_ms']:.1f} ms, p95 {r['ask']['p95_ms']:.1f} ms; "
                     f"snapshot build {r['snapshot_build_seconds']:.1f} s; peak {r['peak_rss_mb']:.0f} MB")
    c = results["cold_start"]
    lines.append(f"cold start: minutes ask {c['ask_seconds_median']:.2f} s, minutes meetings {c['meetings_seconds_median']:.2f} s (medians)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="minutes benchmarks")
    parser.add_argument("--sizes", default="10,100,1000", help="meetings per synthetic corpus; 0 = the real data/")
    parser.add_argument("--retrieval-scale", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if args.child:
        run = {"scale": scale_run, "retrieval": retrieval_at_scale}[args.child]
        print(json.dumps(run(args.size, args.seed, args.workdir)))
        return
    results: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": {"cpus": os.cpu_count()}}
    results["scales"] = []
    for size in (int(s) for s in args.sizes.split(",") if s):
        print(f"ingest + query at {size} meetings ...", file=sys.stderr, flush=True)
        results["scales"].append(_child("scale", size, args.seed))
    if args.retrieval_scale:
        print(f"retrieval at {args.retrieval_scale} meetings ...", file=sys.stderr, flush=True)
        results["retrieval_at_scale"] = _child("retrieval", args.retrieval_scale, args.seed)
    with tempfile.TemporaryDirectory(prefix="minutes-cold-") as workdir:
        results["cold_start"] = cold_start(Path(workdir))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{results['started'].replace(':', '')}.json"
    out.write_text(json.dumps(results, indent=2))
    print(_table(results))
    print(f"\nresults: {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
