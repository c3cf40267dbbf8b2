"""Generate an N-document Arabic corpus as annotator JSONL, with spans, for benchmarks.

    python benchmarks/generate.py 10000 -o /tmp/corpus.jsonl [--spans 20]

Sentences come from the sample article (seeds/) and, when present beside the
repository, from ../shared/corpora (openeventdata GSR, MIT). Each document is
2-6 KB of UTF-8 and carries ``--spans`` spans on whole words.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("actor", "weapon", "number", "event")


def sentences() -> list[str]:
    seed = (ROOT / "seeds" / "000_691f64315ff478ca.txt").read_text("utf-8")
    found = [s.strip() for s in re.split(r"(?<=[.،؟!])\s+|\n+", seed) if len(s.strip()) > 20]
    shared = ROOT.parent / "shared" / "corpora" / "openeventdata-arabic-event-gsr"
    for name in ("assault_gsr.csv", "protest_gsr.csv"):
        path = shared / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                found.extend(row["text"].strip() for row in csv.DictReader(handle) if row["text"])
    return found


def make_document(rng: random.Random, pool: list[str], n_spans: int, index: int) -> dict:
    target = rng.randint(2048, 6144)
    parts, size = [f"خبر رقم {index}"], 0
    while size < target:
        sentence = rng.choice(pool)
        parts.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    text = "\n".join(parts)
    words = [m.span() for m in re.finditer(r"\S+", text)]
    chosen = sorted(rng.sample(range(len(words) - 1), min(n_spans, len(words) - 1)))
    spans = []
    for k in chosen:
        start, end = words[k][0], words[k + rng.randint(0, 1)][1]
        spans.append({"start": start, "end": end, "label": rng.choice(LABELS)})
    return {"title": parts[0], "text": text, "status": "todo", "spans": spans, "meta": {}}


def generate(n: int, out: Path, n_spans: int = 20, seed: int = 13) -> Path:
    rng = random.Random(seed)
    pool = sentences()
    with out.open("w", encoding="utf-8") as handle:
        for index in range(n):
            handle.write(json.dumps(make_document(rng, pool, n_spans, index), ensure_ascii=False))
            handle.write("\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--spans", type=int, default=20)
    args = parser.parse_args()
    generate(args.n, args.output, args.spans)
    print(f"wrote {args.n} documents to {args.output}")


if __name__ == "__main__":
    main()
