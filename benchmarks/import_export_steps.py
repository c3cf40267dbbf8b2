"""One timed step of bench_import_export.py, run in a process of its own.

    python import_export_steps.py STEP CORPUS PROJECT OUT

Prints one JSON line: wall and CPU seconds, peak resident memory (MB) and a detail.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import sys
import time

# Start-up (module imports: about 0.1 s, 0.3 s where pandas is installed, which
# sqlite-utils then imports) is paid once per process, not per document: the timer
# starts after it, for both scripts.
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.storage import open_project


def annotator_import(corpus: str, project: str, out: str) -> str:
    with open_project(project) as opened:
        report = import_paths(opened, [corpus], fmt="jsonl").report
    return f"{report.documents_added} docs, {report.spans_added} spans"


def annotator_export(corpus: str, project: str, out: str) -> str:
    with open_project(project) as opened:
        return f"{export_project(opened, out).documents} docs"


def bare_import(corpus: str, project: str, out: str) -> str:
    conn = sqlite3.connect(project, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, text TEXT,"
        " status TEXT, meta TEXT)"
    )
    conn.execute(
        "CREATE TABLE spans (id INTEGER PRIMARY KEY, document_id INTEGER, start INTEGER,"
        ' "end" INTEGER, label TEXT)'
    )
    conn.execute("CREATE INDEX spans_doc ON spans(document_id)")
    conn.execute("BEGIN")
    docs, spans = [], []
    with open(corpus, encoding="utf-8") as handle:
        for i, line in enumerate(handle, 1):
            record = json.loads(line)
            docs.append(
                (i, record["title"], record["text"], record["status"], json.dumps(record["meta"]))
            )
            spans.extend((i, s["start"], s["end"], s["label"]) for s in record["spans"])
    conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?)", docs)
    conn.executemany(
        'INSERT INTO spans (document_id, start, "end", label) VALUES (?, ?, ?, ?)', spans
    )
    conn.execute("COMMIT")
    return f"{len(docs)} docs, {len(spans)} spans"


def bare_export(corpus: str, project: str, out: str) -> str:
    conn = sqlite3.connect(project)
    by_doc: dict[int, list] = {}
    query = 'SELECT document_id, start, "end", label FROM spans ORDER BY document_id, start'
    for doc_id, start, end, label in conn.execute(query):
        by_doc.setdefault(doc_id, []).append((start, end, label))
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for doc_id, title, text, status, meta in conn.execute(
            "SELECT * FROM documents ORDER BY id"
        ):
            spans = [
                {"start": s, "end": e, "label": label, "text": text[s:e]}
                for s, e, label in by_doc.get(doc_id, [])
            ]
            record = {
                "id": doc_id,
                "title": title,
                "text": text,
                "status": status,
                "spans": spans,
                "meta": json.loads(meta),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return f"{count} docs"


STEPS = {
    "annotator-import": annotator_import,
    "annotator-export": annotator_export,
    "bare-import": bare_import,
    "bare-export": bare_export,
}

if __name__ == "__main__":
    step, corpus, project, out = sys.argv[1:5]

    started, cpu_started = time.perf_counter(), time.process_time()
    detail = STEPS[step](corpus, project, out)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mb": peak_mb, "detail": detail}))
