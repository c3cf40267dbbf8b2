"""Suggestions and normalised search over 10,000 Arabic documents.

    python benchmarks/bench_suggestions.py [--docs 10000] [--forms 2000] [--no-project]

Documents are 2-6 KB, built from the sample article's sentences (and the
openeventdata sentences under ../shared/corpora when present; see
generate.py). Each document gets three accepted spans (names it contains);
the gazetteer holds the shipped lexicon's names plus word pairs from the
corpus, --forms in all. Prints:

- suggestions from all sources (numbers, occurrences, gazetteer) for every
  document, pure (target <= 10 s for 10,000 documents), and through a project
  file (read, compute, store in one transaction);
- normalised search across all documents: index build once, then each query
  (target <= 300 ms per query).

Figures only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import make_document, sentences  # noqa: E402

from annotator.arabic.search import SearchIndex, find_occurrences  # noqa: E402
from annotator.arabic.suggest import Gazetteer, suggest_document  # noqa: E402
from annotator.arabic.tokens import shipped_lexicon  # noqa: E402
from annotator.core.model import Document, Span  # noqa: E402

NAMES = ("روسيا", "كوريا الشمالية", "الصين", "إيران", "واشنطن", "بيونغ يانغ", "موسكو", "بكين")
QUERIES = ("روسيا", "كوريا الشمالية", "الصين", "في", "الطائرات المسيرة", "أولشي", "غير موجود")


def corpus(n: int, seed: int = 7) -> list[tuple[str, list[Span]]]:
    rng = random.Random(seed)
    pool = sentences()
    documents = []
    for index in range(n):
        text = make_document(rng, pool, 0, index)["text"]
        accepted = []
        for name in rng.sample(NAMES, 3):
            hits = find_occurrences(text, name)
            if hits:
                start, end = hits[0]
                accepted.append(Span(start, end, "actor"))
        documents.append((text, accepted))
    return documents


def gazetteer_forms(documents: list[tuple[str, list[Span]]], n_forms: int) -> dict[str, str]:
    forms = dict.fromkeys(shipped_lexicon(), "actor")
    rng = random.Random(11)
    pairs = sorted(
        {
            pair
            for text, _ in documents[:200]
            for pair in re.findall(r"(?=([^\W\d_]{3,} [^\W\d_]{3,}))", text)
        }
    )
    for pair in rng.sample(pairs, min(len(pairs), max(0, n_forms - len(forms)))):
        forms[pair] = rng.choice(("weapon", "event"))
    return forms


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.2f} s")
    return result, seconds


def best_of_3(fn):
    runs, result = [], None
    for _ in range(3):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return min(runs), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--forms", type=int, default=2_000)
    parser.add_argument("--no-project", action="store_true", help="Skip the project-file run.")
    args = parser.parse_args()

    documents, _ = timed(f"generate {args.docs} documents", lambda: corpus(args.docs))
    size = sum(len(text.encode("utf-8")) for text, _ in documents)
    print(f"  {size / 1e6:.1f} MB of UTF-8, {size / len(documents) / 1000:.1f} KB a document")
    gazetteer, _ = timed(
        f"build gazetteer of {args.forms} forms",
        lambda: Gazetteer(gazetteer_forms(documents, args.forms)),
    )

    def suggest_all() -> int:
        return sum(
            len(
                suggest_document(
                    text,
                    gazetteer=gazetteer,
                    accepted=accepted,
                    existing=accepted,
                    lexicon=gazetteer.lexicon,
                )
            )
            for text, accepted in documents
        )

    count, seconds = timed("suggestions, all sources, pure", suggest_all)
    print(
        f"  {count} suggestions; {seconds / len(documents) * 1000:.2f} ms a document"
        f" (target: 10,000 documents <= 10 s)"
    )

    if not args.no_project:
        project_run(documents, gazetteer)

    index, _ = timed(
        "search index build",
        lambda: SearchIndex.build((i, text) for i, (text, _) in enumerate(documents, 1)),
    )
    for query in QUERIES:
        every, hits = best_of_3(lambda q=query: index.search(q))
        first, _ = best_of_3(lambda q=query: index.search(q, limit=1000))
        print(
            f"search {query!r}: {every * 1000:.0f} ms for all {len(hits)} hits"
            f" in {len({h.document_id for h in hits})} documents,"
            f" {first * 1000:.0f} ms for the first 1000 (best of 3; target <= 300 ms)"
        )
    return 0


def project_run(documents: list[tuple[str, list[Span]]], gazetteer: Gazetteer) -> None:
    from annotator.storage import open_project
    from annotator.storage.suggestions import compute_suggestions, store_suggestions

    with tempfile.TemporaryDirectory() as folder, open_project(Path(folder) / "b.annotator") as p:
        records = [
            (Document(f"doc {i}", text), list(accepted))
            for i, (text, accepted) in enumerate(documents)
        ]
        timed("  (setup: import into a project file)", lambda: p.import_documents(records))

        def run() -> int:
            results = compute_suggestions(p, gazetteer=gazetteer)
            return store_suggestions(p, {d: s for d, _, s in results})

        stored, seconds = timed("suggestions, all sources, through the project (read+store)", run)
        print(f"  {stored} suggestions stored")


if __name__ == "__main__":
    sys.exit(main())
