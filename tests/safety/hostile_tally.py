"""What the hostile-input tests tried and how each attempt ended, for the run's summary.

Every attempt (an import of a hostile file, in process or through the real command)
is counted, and so is any way it went wrong: a traceback (an exception other than
our one-line errors), a hang (no answer within the guard's time) or a partial
import (a refused import that still changed the project). ``conftest.py`` prints
the counts at the end of the run; the tests fail on any of the three.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

TALLY: Counter[str] = Counter()
KINDS = ("tracebacks", "hangs", "partial imports")
HANG_AFTER_S = 120  # far beyond any single attempt here (the 50 MB article takes seconds)


class Hang(Exception):
    """An attempt that did not end within HANG_AFTER_S."""


def summary() -> str | None:
    if not TALLY["cases"]:
        return None
    counts = ", ".join(f"{TALLY[kind]} {kind}" for kind in KINDS)
    return f"hostile input: {TALLY['cases']} cases tried, {counts}"


@contextmanager
def guarded_attempt() -> Iterator[None]:
    """One hostile attempt in this process: counted, and stopped if it hangs.

    Counted as a traceback when it raises anything but our own errors; the caller
    counts partial imports, since only it knows what "unchanged" means.
    """
    from annotator.core.errors import AnnotatorError

    TALLY["cases"] += 1

    def hung(_signum, _frame):
        raise Hang(f"no answer within {HANG_AFTER_S} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_AFTER_S)
    try:
        yield
    except Hang:
        TALLY["hangs"] += 1
        raise
    except AnnotatorError:
        raise
    except BaseException:
        TALLY["tracebacks"] += 1
        raise
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def count_child(result_or_timeout, *, changed: bool) -> None:
    """One hostile attempt through the real command in a child process."""
    import subprocess

    TALLY["cases"] += 1
    if isinstance(result_or_timeout, subprocess.TimeoutExpired):
        TALLY["hangs"] += 1
        return
    if "Traceback" in (result_or_timeout.stderr or ""):
        TALLY["tracebacks"] += 1
    if result_or_timeout.returncode != 0 and changed:
        TALLY["partial imports"] += 1
