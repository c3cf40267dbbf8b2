"""Kill an editing process at random moments and check that the project lost nothing.

    python tests/safety/crash_rounds.py [--rounds 200] [--seed 1] [--folder DIR]

Each round starts ``crash_worker.py`` on the same project, waits until it edits, kills
it with SIGKILL after a random delay, then checks the file: ``PRAGMA integrity_check``
is ok; every edit the worker logged as done is in the database; the database holds at
most one edit more than the log, and only the one whose intent was logged last (it
was committed, then the kill came before its ``done`` line); and no edit is
half-applied (a document's ``updated`` stamp is never older than one of its spans').
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from safety_support import HERE, make_project, python_env

Spans = dict[int, tuple[int, int, int, str]]


@dataclass
class CrashReport:
    rounds: int = 0
    edits_logged: int = 0
    committed_not_logged: int = 0
    losses: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"crash test: {self.rounds} rounds killed with SIGKILL, {self.edits_logged} edits"
            f" logged as committed, {self.committed_not_logged} committed just before the kill"
            f" (not yet logged), {self.losses} lost, {len(self.problems)} problem(s)"
        )


def read_log(path: Path) -> tuple[list[dict], dict | None, bool]:
    """The done effects, the intent still pending at the kill, and whether it got ready."""
    if not path.exists():
        return [], None, False
    content = path.read_text(encoding="utf-8")
    lines = content.split("\n")[:-1]  # the last piece is empty or a line cut by the kill
    done: list[dict] = []
    pending = None
    ready = False
    for line in lines:
        record = json.loads(line)
        if "ready" in record:
            ready = True
        elif "intent" in record:
            pending = record["intent"]
        else:
            done.append(record["done"])
            pending = None
    return done, pending, ready


def apply_effect(spans: Spans, change: dict) -> Spans:
    spans = dict(spans)
    if change["op"] == "insert":
        assert change["id"] not in spans, f"log inserts span {change['id']} twice"
        spans[change["id"]] = (change["doc"], change["start"], change["end"], change["label"])
    elif change["op"] == "delete":
        del spans[change["id"]]
    elif change["op"] == "relabel":
        doc, start, end, _ = spans[change["id"]]
        spans[change["id"]] = (doc, start, end, change["label"])
    else:
        raise ValueError(change)
    return spans


def matches_pending(expected: Spans, actual: Spans, pending: dict | None) -> bool:
    """Does the database hold exactly the expected spans plus the pending edit?"""
    if pending is None:
        return False
    if pending["op"] != "add":
        return apply_effect(expected, pending) == actual
    added = set(actual) - set(expected)
    if len(added) != 1:
        return False
    (new_id,) = added
    wanted = (pending["doc"], pending["start"], pending["end"], pending["label"])
    return actual[new_id] == wanted and {k: actual[k] for k in expected} == expected


def read_project(path: Path) -> tuple[Spans, list[str]]:
    """The spans, and every check that failed: integrity, foreign keys, half-applied edits."""
    conn = sqlite3.connect(path)
    try:
        problems = []
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:3]}")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check found orphans")
        stale = conn.execute(
            "SELECT d.id FROM documents d JOIN spans s ON s.document_id = d.id"
            " WHERE s.updated > d.updated"
        ).fetchall()
        if stale:
            problems.append(f"half-applied edit: documents {stale} not touched with their spans")
        rows = conn.execute('SELECT id, document_id, start, "end", label FROM spans').fetchall()
    finally:
        conn.close()
    return {row[0]: tuple(row[1:]) for row in rows}, problems


def run_crash_rounds(folder: Path, rounds: int, seed: int = 1) -> CrashReport:
    rng = random.Random(seed)
    project = make_project(folder / "crash.annotator", documents=3, spans_per_document=10)
    expected, problems = read_project(project)
    report = CrashReport(problems=problems)
    for number in range(rounds):
        log = folder / f"round-{number}.log"
        worker = subprocess.Popen(
            [
                sys.executable,
                str(HERE / "crash_worker.py"),
                str(project),
                str(log),
                str(seed + number),
            ],
            env=python_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while not read_log(log)[2] and worker.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.5))
        worker.send_signal(signal.SIGKILL)
        _, stderr = worker.communicate()
        if worker.returncode != -signal.SIGKILL:
            report.problems.append(f"round {number}: worker ended by itself: {stderr.decode()}")
            break
        done, pending, _ = read_log(log)
        for change in done:
            expected = apply_effect(expected, change)
        actual, problems = read_project(project)
        report.problems.extend(f"round {number}: {problem}" for problem in problems)
        report.rounds += 1
        report.edits_logged += len(done)
        if actual == expected:
            continue
        if matches_pending(expected, actual, pending):
            report.committed_not_logged += 1
        else:
            missing = {k: v for k, v in expected.items() if actual.get(k) != v}
            extra = {k: v for k, v in actual.items() if expected.get(k) != v}
            report.losses += len(missing)
            report.problems.append(
                f"round {number}: project differs from the log: missing {missing}, extra {extra}"
                f" (pending edit: {pending})"
            )
        expected = actual
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="annotator-crash-"))
    started = time.monotonic()
    report = run_crash_rounds(folder, args.rounds, args.seed)
    print(report.summary())
    print(f"seed {args.seed}, {time.monotonic() - started:.1f} s, files in {folder}")
    for problem in report.problems:
        print(problem)
    sys.exit(1 if report.problems or report.losses else 0)


if __name__ == "__main__":
    main()
