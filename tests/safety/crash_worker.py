"""Edit a project without pause, as the window does, logging every edit it commits.

    python crash_worker.py PROJECT LOG SEED

Each edit goes through ``Project.apply`` (one transaction) like the window's undo
commands: add, relabel and delete spans, undo (apply the inverse the last edit
returned) and redo. Before applying an edit the worker appends an ``intent`` line to
LOG, and after ``apply`` returns a ``done`` line with the edit's effect; both are
flushed and fsynced. The crash test kills this process with SIGKILL at random moments
and compares the log with the project file.
"""

from __future__ import annotations

import json
import os
import random
import sys
from typing import IO

from annotator.core.edits import AddSpan, DeleteSpan, Edit, RelabelSpan, RestoreSpan
from annotator.storage import open_project

LABELS = ("actor", "weapon", "number", "event")


def effect(edit: Edit, inverse: Edit | None = None) -> dict:
    """What an edit does to the spans table; an added span's id is known once applied."""
    if isinstance(edit, AddSpan):
        fields = {"doc": edit.document, "start": edit.start, "end": edit.end, "label": edit.label}
        if inverse is None:
            return {"op": "add", **fields}
        assert isinstance(inverse, DeleteSpan)
        return {"op": "insert", "id": inverse.span_id, **fields}
    if isinstance(edit, RestoreSpan):
        span = edit.span
        return {
            "op": "insert",
            "id": span.id,
            "doc": span.document_id,
            "start": span.start,
            "end": span.end,
            "label": span.label,
        }
    if isinstance(edit, DeleteSpan):
        return {"op": "delete", "id": edit.span_id}
    if isinstance(edit, RelabelSpan):
        return {"op": "relabel", "id": edit.span_id, "label": edit.label}
    raise TypeError(f"the worker does not make {edit!r}")


def log_line(log: IO[str], record: dict) -> None:
    log.write(json.dumps(record) + "\n")
    log.flush()
    os.fsync(log.fileno())


def main(project_path: str, log_path: str, seed: int) -> None:
    rng = random.Random(seed)
    project = open_project(project_path)
    lengths = {doc: project.document_length(doc) for doc in project.document_ids()}
    # Live spans by id: (document, start, end, label). A document holds one span per
    # place and label, so new spans and relabels go where that is free.
    live: dict[int, tuple[int, int, int, str]] = {
        span.id: (doc, span.start, span.end, span.label)
        for doc in lengths
        for span in project.spans(doc)
        if span.id
    }
    undo: list[Edit] = []
    redo: list[Edit] = []
    with open(log_path, "a", encoding="utf-8") as log:
        log_line(log, {"ready": os.getpid()})
        for number in range(10**9):
            roll = rng.random()
            if undo and roll < 0.15:
                edit, stack = undo.pop(), redo
            elif redo and roll < 0.22:
                edit, stack = redo.pop(), undo
            else:
                stack = undo
                redo.clear()
                taken = set(live.values())
                span_id = rng.choice(list(live)) if live else None
                free = []
                if span_id is not None:
                    doc, start, end, label = live[span_id]
                    free = [other for other in LABELS if (doc, start, end, other) not in taken]
                if free and roll < 0.45:
                    edit = RelabelSpan(span_id, rng.choice(free))
                elif live and roll < 0.6:
                    edit = DeleteSpan(rng.choice(list(live)))
                else:
                    while True:
                        doc = rng.choice(list(lengths))
                        start = rng.randrange(lengths[doc] - 20)
                        end, label = start + rng.randint(1, 20), rng.choice(LABELS)
                        if (doc, start, end, label) not in taken:
                            break
                    edit = AddSpan(doc, start, end, label)
            log_line(log, {"n": number, "intent": effect(edit)})
            inverse = project.apply(edit)
            done = effect(edit, inverse)
            log_line(log, {"n": number, "done": done})
            if done["op"] == "delete":
                del live[done["id"]]
            elif done["op"] == "relabel":
                live[done["id"]] = (*live[done["id"]][:3], done["label"])
            else:
                live[done["id"]] = (done["doc"], done["start"], done["end"], done["label"])
            stack.append(inverse)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
