"""The floor: the work any importer (or JSONL exporter) must do, with nothing else.

    python benchmarks/floor.py import FORMAT CORPUS DB   # FORMAT: jsonl, prodigy or doccano
    python benchmarks/floor.py export DB OUT

Import (as issue 15 defines it): read each line with ``json.loads``, insert documents
``(id, text)`` and spans ``(doc_id, start, end, label)`` with ``executemany`` in one
transaction on a fresh file with SQLite's default pragmas, then create an index on
``spans(doc_id)``. Export: read documents and spans back in id order and write one
JSON line a document (id, text, spans with start, end, label and the span's text).

Run as a whole process, like ``annotator import``; prints "N docs, M spans".
"""

from __future__ import annotations

import json
import sqlite3
import sys


def floor_import(fmt: str, corpus: str, db: str) -> str:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute('CREATE TABLE spans (doc_id INTEGER, start INTEGER, "end" INTEGER, label TEXT)')
    docs, spans = [], []
    with open(corpus, encoding="utf-8") as handle:
        for doc_id, line in enumerate(handle, 1):
            record = json.loads(line)
            docs.append((doc_id, record["text"]))
            if fmt == "doccano":
                spans.extend((doc_id, s, e, label) for s, e, label in record["label"])
            else:
                spans.extend((doc_id, s["start"], s["end"], s["label"]) for s in record["spans"])
    with conn:  # one transaction
        conn.executemany("INSERT INTO documents VALUES (?, ?)", docs)
        conn.executemany("INSERT INTO spans VALUES (?, ?, ?, ?)", spans)
    conn.execute("CREATE INDEX spans_by_doc ON spans(doc_id)")
    conn.close()
    return f"{len(docs)} docs, {len(spans)} spans"


def floor_export(db: str, out: str) -> str:
    conn = sqlite3.connect(db)
    spans = conn.execute('SELECT doc_id, start, "end", label FROM spans ORDER BY doc_id, start')
    pending = next(spans, None)
    docs = n_spans = 0
    with open(out, "w", encoding="utf-8") as handle:
        for doc_id, text in conn.execute("SELECT id, text FROM documents ORDER BY id"):
            items = []
            while pending is not None and pending[0] == doc_id:
                _, start, end, label = pending
                items.append({"start": start, "end": end, "label": label, "text": text[start:end]})
                pending = next(spans, None)
            record = {"id": doc_id, "text": text, "spans": items}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            docs += 1
            n_spans += len(items)
    return f"{docs} docs, {n_spans} spans"


if __name__ == "__main__":
    if sys.argv[1] == "import":
        print(floor_import(*sys.argv[2:5]))
    else:
        print(floor_export(*sys.argv[2:4]))
