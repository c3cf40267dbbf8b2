"""SIGKILL an editing process at random moments: no committed edit is ever lost.

Sized for CI (30 rounds by default, ANNOTATOR_CRASH_ROUNDS to change); for a long run
print the figures with `python tests/safety/crash_rounds.py --rounds 500`.
"""

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

from crash_rounds import run_crash_rounds
from safety_support import python_env

from annotator.storage import open_project


def test_killing_the_editor_at_random_moments_loses_no_committed_edit(tmp_path):
    rounds = int(os.environ.get("ANNOTATOR_CRASH_ROUNDS", "30"))
    seed = random.randrange(10**6)
    report = run_crash_rounds(tmp_path, rounds, seed)
    print(f"{report.summary()} (seed {seed})")
    assert report.problems == []
    assert report.losses == 0
    assert report.rounds == rounds
    assert report.edits_logged >= rounds  # the kills came while it was editing


def test_each_commit_is_flushed_to_disk_not_only_to_the_os(tmp_path):
    """SIGKILL cannot show the difference, a power cut would: with WAL, synchronous=NORMAL
    may roll back the last edits the window showed as saved; FULL syncs every commit."""
    with open_project(tmp_path / "p.annotator") as project:
        assert project.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


CREATE_PROJECTS = """
import sys
from annotator.storage import open_project
print("creating", flush=True)
for n in range(10**6):
    open_project(f"{sys.argv[1]}/p{n:05}.annotator").close()
"""


def test_a_crash_while_creating_a_project_never_leaves_a_file_that_is_refused(tmp_path):
    """On first run the default project is created: a crash then must not brick it."""
    rng = random.Random()
    created = 0
    for round_number in range(8):
        folder = tmp_path / f"round-{round_number}"
        folder.mkdir()
        child = subprocess.Popen(
            [sys.executable, "-c", CREATE_PROJECTS, str(folder)],
            stdout=subprocess.PIPE,
            env=python_env(),
        )
        child.stdout.readline()
        time.sleep(rng.uniform(0.05, 0.3))
        child.send_signal(signal.SIGKILL)
        child.communicate()
        for path in sorted(folder.glob("*.annotator")):
            open_project(path).close()  # raises ProjectError if the kill left a bad file
            created += 1
    print(f"project creation: 8 kills, {created} project files, all open")
    assert created > 8


IMPORT_THEN_EXPORT = """
import sys
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.storage import open_project
project = open_project(sys.argv[1])
print("ready", flush=True)
import_paths(project, sys.argv[3:])
print("imported", flush=True)
export_project(project, sys.argv[2], fmt="native")
print("exported", flush=True)
"""


def test_a_crash_during_an_import_or_an_export_leaves_all_or_nothing(tmp_path, seed_text):
    articles = []
    for number in range(80):  # about 19 MB: an import of ~0.2 s, an export of ~0.1 s here
        article = tmp_path / f"article-{number:02}.txt"
        article.write_text(f"{number}\n" + seed_text * 40, encoding="utf-8")
        articles.append(str(article))
    rng = random.Random()
    outcomes = []
    for round_number in range(8):
        folder = tmp_path / f"round-{round_number}"
        folder.mkdir()
        project = folder / "p.annotator"
        open_project(project).close()
        dataset = folder / "dataset.jsonl"
        dataset.write_text("the previous export\n", encoding="utf-8")
        child = subprocess.Popen(
            [sys.executable, "-c", IMPORT_THEN_EXPORT, str(project), str(dataset), *articles],
            stdout=subprocess.PIPE,
            text=True,
            env=python_env(),
        )
        assert child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.35))
        child.send_signal(signal.SIGKILL)
        said = child.communicate()[0].split()
        with open_project(project) as opened:
            assert opened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            documents = opened.document_count()
        assert documents in (0, len(articles))
        assert documents == len(articles) or "imported" not in said
        exported = dataset.read_text(encoding="utf-8")
        if exported != "the previous export\n":
            assert len(exported.splitlines()) == len(articles)  # complete, never half
        outcomes.append(
            ("imported" if documents else "nothing imported")
            + (", exported" if exported != "the previous export\n" else ", old export kept")
        )
    print(f"import/export kills: {dict(Counter(outcomes))}")
