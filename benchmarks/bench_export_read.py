"""Where an export's reading of a project goes: CPU seconds of each stage, in one process.

    python benchmarks/bench_export_read.py PROJECT [--rounds 5]

Every export reads the documents with their accepted spans and links, document after
document (storage.documents.iter_documents, storage.links.iter_links), each span
checked as it is made (storage.rows). The stages are timed alternately, ``--rounds`` times, and
the fastest of each is printed, so that the host's swings in speed do not decide:

- span rows: SQLite's rows as Python tuples, nothing else;
- span rows grouped: the same, grouped by document as the export groups them;
- spans made and checked: ``spans_in_order`` on rows already in hand, and the same
  making without any check, so the difference is what the checks cost;
- checked in SQL: one query asserting the checks SQLite can make for the whole project
  (what proving them there first, then trusting the rows, would add);
- documents, links, and the whole read as ``selected_linked_records`` gives it.

On a project of 10,000 documents with 200,000 spans and 101,287 links: span rows 0.24
CPU s, spans made 0.08 and checked 0.02 more, documents 0.07, links 0.16, the whole
read 0.65; the one query would cost 0.12, six times the checks it would spare.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotator.core.events import NO_ATTRIBUTES, decode_attributes
from annotator.core.model import Origin, Span
from annotator.io.exporting import selected_linked_records
from annotator.storage import open_project
from annotator.storage.rows import (
    DOCUMENT_COLUMNS,
    SPAN_COLUMNS,
    SPAN_INDEX_ORDER,
    LabelNames,
    document_from_row,
    spans_in_order,
)

_SPAN_ROWS = (
    f"SELECT {SPAN_COLUMNS} FROM spans WHERE origin != 'suggested'"
    f" ORDER BY document_id, {SPAN_INDEX_ORDER}"
)
_CHECKED_IN_SQL = (
    "SELECT s.id FROM spans s JOIN documents d ON d.id = s.document_id"
    " WHERE s.origin != 'suggested' AND NOT ("
    " typeof(s.start) = 'integer' AND typeof(s.\"end\") = 'integer'"
    ' AND 0 <= s.start AND s.start < s."end" AND s."end" <= d.length'
    " AND s.origin IN ('manual', 'imported') AND s.label IN (SELECT name FROM labels)"
    " AND typeof(s.annotator) = 'text' AND typeof(s.created) = 'text'"
    " AND typeof(s.updated) = 'text'"
    " AND (s.value IS NULL OR typeof(s.value) IN ('integer', 'real', 'text'))"
    ") LIMIT 1"
)


def unchecked(rows: list[tuple[Any, ...]]) -> list[Span]:
    """``spans_in_order``'s spans without its checks (rows in order, attributes decoded)."""
    origins = {origin.value: origin for origin in Origin}
    spans = []
    for (
        span_id,
        document,
        start,
        end,
        label,
        annotator,
        value,
        origin,
        made,
        changed,
        stored,
    ) in rows:
        attributes = NO_ATTRIBUTES if stored is None else decode_attributes(stored)
        kind = origins[origin]
        spans.append(
            Span(
                start,
                end,
                label,
                span_id,
                document,
                annotator,
                value,
                kind,
                made,
                changed,
                attributes,
            )
        )
    return spans


def drain(items: Iterable[object]) -> None:
    for _ in items:
        pass


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with open_project(args.project, create=False) as project:
        conn = project.conn
        names = set(project.labels().names())
        labels = LabelNames(names, lambda: names)
        groups = [list(rows) for _, rows in groupby(conn.execute(_SPAN_ROWS), itemgetter(1))]
        largest = sys.maxsize  # the offsets are checked against each text in the export
        # Each stage drops what it made as it goes, as an export does (a list of 200,000
        # spans kept whole costs the collector more than the making).
        stages: dict[str, Callable[[], object]] = {
            "span rows": lambda: drain(conn.execute(_SPAN_ROWS)),
            "span rows grouped": lambda: drain(
                list(rows) for _, rows in groupby(conn.execute(_SPAN_ROWS), itemgetter(1))
            ),
            "spans made and checked": lambda: drain(
                spans_in_order(rows, labels, "bench", largest) for rows in groups
            ),
            "spans made unchecked": lambda: drain(unchecked(rows) for rows in groups),
            "checked in SQL": lambda: conn.execute(_CHECKED_IN_SQL).fetchall(),
            "documents": lambda: drain(
                document_from_row(row, "bench")
                for row in conn.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id")
            ),
            "links": lambda: drain(project.iter_links()),
            "whole read": lambda: drain(selected_linked_records(project)),
        }
        best = dict.fromkeys(stages, float("inf"))
        for _ in range(args.rounds):
            for name, stage in stages.items():
                start = time.process_time()
                stage()
                best[name] = min(best[name], time.process_time() - start)
    spans = sum(map(len, groups))
    print(f"{args.project}: {len(groups)} documents with spans, {spans} spans")
    for name, seconds in best.items():
        print(f"  {name:<24} {seconds:6.3f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
