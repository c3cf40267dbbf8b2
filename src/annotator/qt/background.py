"""Work off the UI thread: suggestions for a big article must not freeze the window.

A piece of work is a plain function run in a worker thread (a ``QThreadPool`` of
one thread, so jobs queue rather than compete for the two cores a laptop may
have). It computes and returns; it never touches the project's connection, which
belongs to the UI thread: whatever it needs is read before it starts (or on a
read-only connection of its own). Its result comes back through a queued signal
and is handed to ``deliver`` on the UI thread, where writes go through the one
mutation path. A job cancelled before its result arrives (its document closed,
the window closing) has its result dropped. While jobs run, the status bar says so.

Writing a large result on the UI thread is done in steps (``run_in_steps``): one
short step per turn of the event loop, so that key presses and painting get their
turn in between; the status bar shows each step's progress.

A worker that reads in chunks waits between them while the UI thread handles events
(``UiIdle.wait``): Python threads share one GIL, and a worker that holds it makes
every call the UI thread makes into Qt or SQLite wait for it on the way back.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QMainWindow

_log = logging.getLogger(__name__)
IDLE_WAIT_SECONDS = 0.02  # the longest a worker waits for the UI thread to be idle
SLICE_SECONDS = 0.002  # how long a paced worker runs between two waits (``UiIdle.pacer``)
GLANCE_SECONDS = 0.0002  # how often, within a slice, it looks whether the UI thread ran
FIRST_LOOK_SECONDS = 0.0005  # a waiting worker's first sleep, to see whether the UI thread runs
NEXT_LOOK_SECONDS = 0.002  # its next ones, while the UI thread is busy
BUSY_SHARE = 0.2  # the UI thread is busy when it ran this share of a look or more
POLL_MS = 50  # how often ``run_when`` asks whether what it waits for is there


class UiIdle:
    """Whether the UI thread is busy, for workers to ask (``wait``).

    Where threads have CPU-time clocks (Linux, macOS), a worker's ``wait`` sleeps a
    moment and looks whether the UI thread ran meanwhile: it returns as soon as a
    moment passes with the UI thread idle, and otherwise after ``IDLE_WAIT_SECONDS``
    at most, so that its work still advances while the window is kept busy. The event
    loop's ``aboutToBlock`` and ``awake`` cannot tell: Qt's GLib dispatcher emits
    ``awake`` once it has handled the events it woke for, so handlers run "idle".
    Elsewhere those signals are all there is. Make it on the UI thread; ``close``
    when the window closes.
    """

    def __init__(self) -> None:
        self._closed = False
        try:
            self._ui_clock: int | None = time.pthread_getcpuclockid(threading.get_ident())
        except (AttributeError, OSError):  # no thread CPU clocks (Windows)
            self._ui_clock = None
        self._idle = threading.Event()
        self._idle.set()
        self._dispatcher: QAbstractEventDispatcher | None = QAbstractEventDispatcher.instance()
        if self._dispatcher is not None and self._ui_clock is None:
            self._dispatcher.aboutToBlock.connect(self._idle.set)
            self._dispatcher.awake.connect(self._idle.clear)

    def wait(self) -> None:
        if self._ui_clock is None:
            self._idle.wait(IDLE_WAIT_SECONDS)
            return
        deadline = time.perf_counter() + IDLE_WAIT_SECONDS
        look = FIRST_LOOK_SECONDS
        while not self._closed:
            ran = time.clock_gettime(self._ui_clock)
            time.sleep(look)  # the GIL is the UI thread's, should it want it
            ran = time.clock_gettime(self._ui_clock) - ran
            if ran < look * BUSY_SHARE or time.perf_counter() >= deadline:
                return
            look = NEXT_LOOK_SECONDS

    def pacer(self) -> Callable[[], None]:
        """A ``pause`` for one job's loops, cheap enough to call at every step: once the
        job has run ``SLICE_SECONDS`` since it last waited, it waits (``wait``); so it
        does as soon as the UI thread ran meanwhile (a key pressed), which it glances
        at every ``GLANCE_SECONDS`` by that thread's CPU clock.

        Without it a worker's Python code takes turns with the UI thread for the GIL, so
        that whatever the window does meanwhile (an article laid out, its highlights
        drawn) takes as long again; with it the worker takes a small share while the
        window is busy, and runs freely while it idles.
        """
        last = glanced = time.perf_counter()
        clock = self._ui_clock
        ui_ran = time.clock_gettime(clock) if clock is not None else 0.0

        def pause() -> None:
            nonlocal last, glanced, ui_ran
            now = time.perf_counter()
            if now - last >= SLICE_SECONDS:
                self.wait()
            elif clock is not None and now - glanced >= GLANCE_SECONDS:
                # A key pressed meanwhile: the UI thread ran for a share of the glance.
                # Waiting now rather than at the end of the slice keeps this job from
                # taking turns with it for the GIL through most of a key press.
                ran = time.clock_gettime(clock)
                busy = ran - ui_ran >= (now - glanced) * BUSY_SHARE
                glanced, ui_ran = now, ran
                if not busy:
                    return
                self.wait()
            else:
                return
            last = glanced = time.perf_counter()
            if clock is not None:
                ui_ran = time.clock_gettime(clock)

        return pause

    def close(self) -> None:
        if self._dispatcher is not None and self._ui_clock is None:
            self._dispatcher.aboutToBlock.disconnect(self._idle.set)
            self._dispatcher.awake.disconnect(self._idle.clear)
        self._dispatcher = None
        self._closed = True
        self._idle.set()  # a reading still running finishes without waiting


class _Relay(QObject):
    """Lives on the UI thread; a worker's emit is queued to it."""

    finished = Signal(int, object, object)  # job, result, exception or None


class _Job(QRunnable):
    def __init__(self, relay: _Relay, job: int, work: Callable[[], Any]):
        super().__init__()
        self._relay, self._job, self._work = relay, job, work

    def run(self) -> None:
        try:
            result, error = self._work(), None
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread, which reports it
            result, error = None, exc
        self._relay.finished.emit(self._job, result, error)


class BackgroundWork(QObject):
    """Runs jobs in a worker thread; delivers their results on the UI thread."""

    def __init__(self, window: QMainWindow, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._ids = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None], str]] = {}
        self._running: set[int] = set()
        self._label = QLabel()
        window.statusBar().addPermanentWidget(self._label)
        self._label.hide()

    def run(self, work: Callable[[], Any], deliver: Callable[[Any], None], message: str) -> int:
        """Start ``work()`` in the worker; ``deliver(result)`` on the UI thread. A job id."""
        job = next(self._ids)
        self._waiting[job] = (deliver, message)
        self._running.add(job)
        self._pool.start(_Job(self._relay, job, work))
        self._show_state()
        return job

    def run_in_steps(self, step: Callable[[], str | None], message: str) -> int:
        """Call ``step()`` on the UI thread once per event-loop turn until it returns None.

        Each step should take a few tens of milliseconds at most; the text it returns
        replaces ``message`` in the status bar. ``cancel`` stops it before the next step.
        """
        job = next(self._ids)
        self._waiting[job] = (lambda _: None, message)
        self._running.add(job)
        QTimer.singleShot(0, self, lambda: self._step(job, step))
        self._show_state()
        return job

    def run_when(self, ready: Callable[[], bool], then: Callable[[], None], message: str) -> int:
        """Call ``then()`` on the UI thread once ``ready()`` (asked every ``POLL_MS``):
        for what a worker is still reading, without waiting for it here. A job id."""
        job = next(self._ids)
        self._waiting[job] = (lambda _: None, message)
        self._running.add(job)

        def poll() -> None:
            if job in self._waiting and not ready():
                QTimer.singleShot(POLL_MS, self, poll)
                return
            self._running.discard(job)
            if self._waiting.pop(job, None) is not None:  # else cancelled
                then()
            self._show_state()

        QTimer.singleShot(0, self, poll)
        self._show_state()
        return job

    def _step(self, job: int, step: Callable[[], str | None]) -> None:
        waiting = self._waiting.get(job)
        progress = step() if waiting is not None else None
        if progress is None:  # done, or cancelled
            self._running.discard(job)
            self._waiting.pop(job, None)
        else:
            assert waiting is not None
            self._waiting[job] = (waiting[0], progress)
            QTimer.singleShot(0, self, lambda: self._step(job, step))
        self._show_state()

    def cancel(self, job: int | None) -> None:
        """Drop the job's result when it comes (or never start it, if it has not)."""
        if job is not None and self._waiting.pop(job, None) is not None:
            self._show_state()

    def busy(self) -> bool:
        """Whether any job still runs, or has a result on its way to the UI thread."""
        return bool(self._running)

    def close(self) -> None:
        """Drop every result and wait for the job running now (the window is closing)."""
        self._waiting.clear()
        self._pool.clear()
        self._pool.waitForDone()
        self._running.clear()
        self._show_state()

    def _on_finished(self, job: int, result: Any, error: BaseException | None) -> None:
        self._running.discard(job)
        waiting = self._waiting.pop(job, None)
        self._show_state()
        if waiting is None:
            return  # cancelled: its document is no longer open
        if error is not None:
            _log.error("background job failed", exc_info=error)
            return
        waiting[0](result)

    def _show_state(self) -> None:
        messages = sorted({message for _, message in self._waiting.values()})
        self._label.setText("; ".join(messages))
        self._label.setVisible(bool(messages))
