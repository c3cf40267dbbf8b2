"""Export speed: 10,000 documents with 200,000 spans, each format; target <= 5 s a format.

    python benchmarks/bench_export.py [--documents 10000] [--spans 200000] [--formats a,b]

Documents are 2-6 KB (UTF-8) of sentences drawn from the seed article; spans
cover 1-3 tokens of the Arabic tokenizer, so every format has its full work to
do (tokens, tags, alignment). The project is a temporary file; figures are printed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.registry import exporter_names
from annotator.io.tokens import default_tokenize
from annotator.storage import open_project

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_691f64315ff478ca.txt"
LABELS = ("actor", "weapon", "number", "event")


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    parts = re.split(r"(?<=[.؟!])\s+|\n+", text)
    return [part.strip() for part in parts if len(part.strip()) > 20]


def generate(documents: int, spans: int, rng: random.Random) -> list[tuple[Document, list[Span]]]:
    sentences = seed_sentences()
    tokenize = default_tokenize()
    per_document = spans // documents
    extra = spans - per_document * documents
    records = []
    for number in range(documents):
        target = rng.randint(2048, 6144)
        parts, size = [f"وثيقة {number}"], 0
        while size < target:
            sentence = rng.choice(sentences)
            parts.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
        text = "\n".join(parts) if rng.random() < 0.5 else " ".join(parts)
        offsets = tokenize(text)
        wanted = per_document + (1 if number < extra else 0)
        chosen = sorted(rng.sample(range(len(offsets) - 3), wanted))
        items = []
        for index in chosen:
            length = rng.randint(1, 3)
            start, end = offsets[index][0], offsets[index + length - 1][1]
            label = rng.choice(LABELS)
            value = rng.randint(1, 5000) if label == "number" else None
            items.append(Span(start, end, label, annotator="bench", value=value))
        records.append((Document(f"وثيقة {number}", text, source="bench"), items))
    return records


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=200_000)
    parser.add_argument("--formats", default=",".join(exporter_names()))
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        records = generate(args.documents, args.spans, random.Random(args.seed))
        size = sum(len(d.text.encode("utf-8")) for d, _ in records)
        print(
            f"generated {len(records)} documents ({size / 1e6:.1f} MB),"
            f" {sum(len(s) for _, s in records)} spans"
            f" in {time.perf_counter() - started:.1f} s"
        )
        with open_project(root / "bench.annotator") as project:
            started = time.perf_counter()
            project.import_documents(records)
            print(f"stored in {time.perf_counter() - started:.1f} s")
            del records
            print(
                f"{'format':<12} {'seconds':>8} {'cpu s':>8} {'documents':>10} {'spans':>8}  notes"
            )
            for fmt in args.formats.split(","):
                out = root / f"out-{fmt}"
                started = time.perf_counter()
                cpu_started = time.process_time()
                try:
                    report = export_project(project, out, fmt=fmt)
                except Exception as exc:  # a missing optional extra, say: print and go on
                    print(f"{fmt:<12} {'-':>8}  {exc}")
                    continue
                elapsed = time.perf_counter() - started
                # user+sys of this process: on a shared machine, wall time also counts waiting
                cpu = time.process_time() - cpu_started
                notes = report.count()
                mark = "" if elapsed <= 5 else "  (over the 5 s target)"
                print(
                    f"{fmt:<12} {elapsed:>8.2f} {cpu:>8.2f} {report.documents:>10}"
                    f" {report.spans_written:>8}"
                    f"  {notes} span note(s){mark}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
