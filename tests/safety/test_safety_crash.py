"""SIGKILL an editing process at random moments: no committed edit is ever lost.

Sized for CI (30 rounds by default, ANNOTATOR_CRASH_ROUNDS to change); for a long run
print the figures with `python tests/safety/crash_rounds.py --rounds 500`.
"""

import os
import random

from crash_rounds import run_crash_rounds


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
    from annotator.storage import open_project

    with open_project(tmp_path / "p.annotator") as project:
        assert project.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
