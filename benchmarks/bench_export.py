"""Export speed: 10,000 documents with 200,000 spans, each format; target <= 5 s a format.

    python benchmarks/bench_export.py [--documents 10000] [--spans 200000] [--formats a,b]
                                      [--workers 1,0]

Documents are 2-6 KB (UTF-8) of sentences drawn from the seed article; spans
cover 1-3 tokens of the Arabic tokenizer, so every format has its full work to
do (tokens, tags, alignment). Each event span is linked to up to three of the
arguments that follow it (agent or target for an actor, instrument, quantity) and
half the events have a type, so the formats that hold links write them too. The
project is a temporary file; figures are printed. ``--workers 1,0`` runs each format
in one process, then with the default workers (0), for an A/B in one run; CPU seconds
count the worker processes too.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.events import DEFAULT_EVENT_TYPES, DEFAULT_ROLES, RecordLinks
from annotator.core.model import Document, Span, content_hash
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


ROLES_OF = {
    label: [role.name for role in DEFAULT_ROLES if label in role.accepts] for label in LABELS
}


def linked(records: list[tuple[Document, list[Span]]], rng: random.Random) -> list[RecordLinks]:
    """Links from each event span to up to three of the next spans a role accepts."""
    found = []
    for document, spans in records:
        links, attributes = [], []
        for index, event in enumerate(spans):
            if event.label != "event":
                continue
            place = (event.start, event.end, event.label)
            if rng.random() < 0.5:
                attributes.append((place, (("type", rng.choice(DEFAULT_EVENT_TYPES).name),)))
            for argument in spans[index + 1 : index + 4]:
                roles = ROLES_OF[argument.label]
                if roles:
                    links.append(
                        (place, (argument.start, argument.end, argument.label), rng.choice(roles))
                    )
        found.append(RecordLinks(content_hash(document.text), tuple(attributes), tuple(links)))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=200_000)
    parser.add_argument("--formats", default=",".join(exporter_names()))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--workers", default="0", help="worker counts to run each format with (0: the default)"
    )
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
            with project.transaction():
                links = project.store_record_links(
                    range(1, len(records) + 1), linked(records, random.Random(args.seed))
                )
            print(f"stored with {links} links in {time.perf_counter() - started:.1f} s")
            del records
            # CPU seconds beside the wall clock: on a shared machine, the wall clock also
            # counts the time other processes had the cores.
            print(
                f"{'format':<18} {'seconds':>8} {'cpu s':>7} {'documents':>10} {'spans':>8}  notes"
            )
            formats, counts = args.formats.split(","), args.workers.split(",")
            runs = [(fmt, int(count)) for fmt in formats for count in counts]
            for fmt, workers in runs:
                name = fmt if args.workers == "0" else f"{fmt} w={workers or 'auto'}"
                out = root / f"out-{fmt}-{workers}"
                started, cpu = time.perf_counter(), cpu_seconds()
                try:
                    report = export_project(project, out, fmt=fmt, workers=workers or None)
                except Exception as exc:  # a missing optional extra, say: print and go on
                    print(f"{name:<18} {'-':>8}  {exc}")
                    continue
                elapsed = time.perf_counter() - started
                cpu = cpu_seconds() - cpu
                notes = report.count()
                not_held = "; ".join(f"{n} {what}" for what, n in report.not_held.items())
                mark = "" if elapsed <= 5 else "  (over the 5 s target)"
                print(
                    f"{name:<18} {elapsed:>8.2f} {cpu:>7.2f} {report.documents:>10}"
                    f" {report.spans_written:>8}"
                    f"  {notes} span note(s){mark}{'; ' + not_held if not_held else ''}"
                )
    return 0


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children (an export's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
