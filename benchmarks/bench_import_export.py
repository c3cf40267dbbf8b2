"""Import and JSONL export of 10,000 documents with 200,000 spans, against bare sqlite3 + json.

    python benchmarks/bench_import_export.py [--docs 10000]

Prints wall and CPU time (best of --repeat runs, each in its own process, module
imports included) and peak memory of each step, and the ratios annotator / bare
script. Target: both ratios <= 2.0. CPU time is less disturbed by other work on
the machine; wall time includes waiting for the disk.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

STEPS = HERE / "import_export_steps.py"


def run_step(step: str, corpus: Path, project: Path, out: Path, repeat: int) -> dict:
    """Best of ``repeat`` runs, each in a fresh process on a fresh file (imports)."""
    best = None
    for _ in range(repeat):
        if step.endswith("import"):
            for leftover in project.parent.glob(project.name + "*"):
                leftover.unlink()
        result = subprocess.run(
            [sys.executable, str(STEPS), step, str(corpus), str(project), str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(result.stdout)
        if best is None or figures["seconds"] < best["seconds"]:
            best = figures
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs per step")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = generate(args.docs, tmp / "corpus.jsonl", args.spans)
        print(
            f"corpus: {args.docs} documents, {args.docs * args.spans} spans, "
            f"{corpus.stat().st_size / 1e6:.1f} MB JSONL"
        )
        results = {}
        for who in ("bare", "annotator"):
            project = tmp / f"{who}.db"
            results[who, "import"] = run_step(
                f"{who}-import", corpus, project, tmp / "x", args.repeat
            )
            results[who, "export"] = run_step(
                f"{who}-export", corpus, project, tmp / f"{who}.jsonl", args.repeat
            )
            results[who, "size"] = project.stat().st_size / 1e6
        for step in ("import", "export"):
            ours, bare = results["annotator", step], results["bare", step]
            print(
                f"{step:7s} annotator {ours['seconds']:5.2f} s ({ours['cpu']:5.2f} s CPU)"
                f" {ours['peak_mb']:4.0f} MB peak | bare sqlite3+json {bare['seconds']:5.2f} s"
                f" ({bare['cpu']:5.2f} s CPU) {bare['peak_mb']:4.0f} MB peak"
                f" | ratio {ours['seconds'] / bare['seconds']:.2f}"
                f" (CPU {ours['cpu'] / bare['cpu']:.2f}) ({ours['detail']})"
            )
        print(
            f"project file: annotator {results['annotator', 'size']:.1f} MB"
            f" | bare {results['bare', 'size']:.1f} MB"
        )


if __name__ == "__main__":
    main()
