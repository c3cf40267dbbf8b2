"""One of two processes editing the same project at once (the two-windows test).

    python writer_worker.py PROJECT NAME EDITS GO_FILE OTHER_NAME

Opens the project and says so (GO_FILE.NAME.ready), waits for GO_FILE so both writers
start together, then adds EDITS spans signed with NAME, undoing every fourth one
(applying the inverse, as the window's undo does). After its first edit it says so
(GO_FILE.NAME.started) and waits until the other writer has made its first edit too,
so that the two really write at the same time however loaded the machine is.
Each writer tags places of its own (a document holds one span per place and label).
Prints a JSON report: the ids it believes it kept, and every error it met.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from annotator.core.edits import AddSpan, DeleteSpan
from annotator.core.errors import AnnotatorError
from annotator.storage import open_project


def wait_for(path: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{path} never appeared")
        time.sleep(0.001)


def main(project_path: str, name: str, edits: int, go_file: str, other: str) -> None:
    project = open_project(project_path)
    documents = project.document_ids()
    Path(f"{go_file}.{name}.ready").touch()
    wait_for(Path(go_file))
    started = time.time()
    kept: set[int] = set()
    applied = undone = 0
    errors: list[str] = []
    width = 3 + sum(map(ord, name)) % 7  # window-a tags 4 letters, window-b 5
    for number in range(edits):
        document = documents[number % len(documents)]
        start = (number * 7) % 500
        try:
            edit = AddSpan(document, start, start + width, "actor", annotator=name)
            inverse = project.apply(edit)
            applied += 1
            assert isinstance(inverse, DeleteSpan)
            kept.add(inverse.span_id)
            if number % 4 == 3:
                project.apply(inverse)
                undone += 1
                kept.discard(inverse.span_id)
        except AnnotatorError as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        if number == 0:
            Path(f"{go_file}.{name}.started").touch()
            wait_for(Path(f"{go_file}.{other}.started"))
    report = {
        "applied": applied,
        "undone": undone,
        "kept": sorted(kept),
        "errors": errors,
        "started": started,
        "finished": time.time(),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
