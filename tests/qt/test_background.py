"""Suggestions run off the UI thread: the window answers keys meanwhile; stale results go."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

import annotator.qt.suggesting as suggesting
from annotator.core.model import Document, Origin
from annotator.qt.app import article_font
from annotator.qt.main_window import MainWindow
from tests.qt.conftest import proposals_done

TEXT = "أرسلت 1500 جندي"  # 1500 is proposed as a number; جندي is 11-15


@pytest.fixture
def held(monkeypatch):
    """Proposing waits until the test lets it go; the threads it ran in are noted."""
    release, threads = threading.Event(), []
    real = suggesting.suggest_document

    def held_back(*args, **kwargs):
        threads.append(threading.current_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(suggesting, "suggest_document", held_back)
    yield release, threads
    release.set()


@pytest.fixture
def suggesting_window(qtbot, project, settings, held):
    settings.setValue("suggestions/on_open", True)
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def status_texts(window) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel) if label.isVisible()]


def proposed(project, document_id):
    return [
        (s.start, s.end, s.value)
        for s in project.spans(document_id)
        if s.origin is Origin.SUGGESTED
    ]


def test_a_key_is_answered_while_suggestions_are_proposed(suggesting_window, project, qtbot, held):
    release, threads = held
    window, view = suggesting_window, suggesting_window.view
    other = project.add_document(Document(title="other", text=TEXT))
    window.open_document(other)
    assert window.editing.background.busy()
    view.select_offsets(11, 15)
    QTest.keyClick(view, Qt.Key.Key_1)  # answered now, the proposing still held back
    assert [(s.start, s.end, s.label) for s in project.spans(other)] == [(11, 15, "actor")]
    assert window.editing.background.busy() and proposed(project, other) == []
    assert "Proposing suggestions…" in status_texts(window)
    release.set()
    proposals_done(qtbot, window)
    assert "Proposing suggestions…" not in status_texts(window)
    assert proposed(project, other) == [(6, 10, 1500)]
    assert threads and threading.main_thread() not in threads
    assert [(s.start, s.end) for s in view.spans()] == [(6, 10), (11, 15)]  # drawn too


def test_proposals_for_a_document_closed_meanwhile_are_dropped(
    suggesting_window, project, qtbot, held
):
    release, _ = held
    window = suggesting_window
    first = window.current_document()
    other = project.add_document(Document(title="other", text=TEXT))
    window.open_document(other)
    window.open_document(first)  # before the proposals for ``other`` arrived
    release.set()
    proposals_done(qtbot, window)
    assert proposed(project, other) == []
    window.open_document(other)  # proposed again when it is open
    proposals_done(qtbot, window)
    assert proposed(project, other) == [(6, 10, 1500)]


def test_the_project_search_index_is_built_in_a_worker_and_misses_no_import(
    window, project, qtbot, monkeypatch
):
    import annotator.storage.project_search as project_search

    release, threads = threading.Event(), []
    real = project_search._read_index

    def held_back(uri):  # read, then held back: an import now is not in what it read
        threads.append(threading.current_thread())
        built = real(uri)
        release.wait(10)
        return built

    monkeypatch.setattr(project_search, "_read_index", held_back)
    try:
        panel = window.find_panel
        window.finder.start()
        panel.scope.setCurrentIndex(1)
        panel.query.setText("موسكو")
        panel.search()
        assert window.editing.background.busy() and panel.results.rowCount() == 0
        assert "Building the search index…" in status_texts(window)
        late = project.add_document(Document(title="later", text="وصل وفد إلى موسكو"))
        window.view.select_offsets(0, 3)  # the window answers meanwhile
        assert window.view.selected_offsets() == (0, 3)
    finally:
        release.set()
    proposals_done(qtbot, window)
    assert threads and threading.main_thread() not in threads
    hits = [panel.results.hit(r) for r in range(panel.results.rowCount())]
    assert late in {hit.document_id for hit in hits}


def test_the_first_project_search_scans_in_the_worker_that_built_the_index(
    window, project, qtbot, monkeypatch
):
    # Scanning every document takes tens of milliseconds in a large project: the
    # first search is answered from the worker; later ones from the built index.
    from annotator.arabic.search import SearchIndex

    threads, real = [], SearchIndex.search

    def noted(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SearchIndex, "search", noted)
    other = project.add_document(Document(title="خبر", text="قالت موسكو إن لروسيا حقا"))
    panel = window.find_panel
    window.finder.start()
    panel.scope.setCurrentIndex(1)
    panel.query.setText("موسكو")
    panel.search()
    proposals_done(qtbot, window)
    assert threads and threading.main_thread() not in threads
    assert other in {panel.results.hit(r).document_id for r in range(panel.results.rowCount())}


def test_suggestions_never_wait_for_the_project_reading(qtbot, project, settings, monkeypatch):
    # Opening a document proposes its numbers at once; the accepted names follow when
    # the project's reading (a second or more in a large project) has arrived.
    from annotator.core.edits import AddSpan
    from annotator.storage import accepted_forms

    release = threading.Event()
    real = accepted_forms._Reading.of

    def held_back(conn, **options):
        release.wait(10)
        return real(conn, **options)

    monkeypatch.setattr(accepted_forms, "SMALL_PROJECT", 0)
    monkeypatch.setattr(accepted_forms._Reading, "of", staticmethod(held_back))
    seed = project.document_ids()[0]
    seed_text = project.get_document(seed).text
    start = seed_text.index("روسيا")
    project.apply(AddSpan(seed, start, start + 5, "actor"))
    text = "دعمت الصين لروسيا أمس بـ 1500 جندي"
    other = project.add_document(Document(title="other", text=text))
    settings.setValue("suggestions/on_open", True)
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(window.editing.accepted_forms.reading, timeout=5_000)
        window.open_document(other)
        proposals_done(qtbot, window)
        number = text.index("1500")
        assert proposed(project, other) == [(number, number + 4, 1500)]
        assert window.editing.accepted_forms.reading()  # still held back: nothing waited
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(proposed(project, other)) == 2, timeout=10_000)
    assert (12, 17, None) in proposed(project, other)
