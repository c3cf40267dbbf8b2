"""Suggested spans in a project: storing, rejecting (remembered), and computing them.

Suggestions are spans with origin 'suggested': drawn apart, left out of exports
and counts. Accepting one is the core edit ``SetOrigin(span_id, Origin.MANUAL)``
(``accept_all`` builds one undoable Batch). Rejecting one is the core edit
``RejectSuggestion(span_id)`` (``reject_all`` builds the Batch): it deletes the
span and remembers (document, start, end, label) in ``rejected_suggestions``, so
that no source proposes it again; its inverse restores the span and forgets it.
This module is the only one that reads or writes that table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import partial

from annotator.arabic.search import SearchIndex
from annotator.arabic.suggest import (
    Gazetteer,
    Source,
    SpanKey,
    Suggestion,
    filter_new,
    occurrence_suggestions,
    suggest_document,
)
from annotator.core.changes import Changes
from annotator.core.edits import Batch, RejectSuggestion, SetOrigin
from annotator.core.errors import EditError
from annotator.core.model import Origin, Span
from annotator.storage.connection import ProjectConnection, now
from annotator.storage.project import Project
from annotator.storage.schema_check import harden
from annotator.storage.spans import accepted_texts


def rejected_keys(project: Project, document_id: int) -> set[SpanKey]:
    return _rejected_keys(project.conn, document_id)


def _rejected_keys(conn: sqlite3.Connection, document_id: int) -> set[SpanKey]:
    rows = conn.execute(
        'SELECT start, "end", label FROM rejected_suggestions WHERE document_id = ?',
        (document_id,),
    )
    return {(row[0], row[1], row[2]) for row in rows}


def _span_keys(conn: sqlite3.Connection, document_id: int) -> set[SpanKey]:
    """(start, end, label) of every span of a document: all that storing proposals checks,
    without building a ``Span`` for each of a big document's thousands."""
    rows = conn.execute(
        'SELECT start, "end", label FROM spans WHERE document_id = ?', (document_id,)
    )
    return {(row[0], row[1], row[2]) for row in rows}


def suggested_spans(project: Project, document_id: int) -> list[Span]:
    return [s for s in project.spans(document_id) if s.origin is Origin.SUGGESTED]


def store_suggestions(project: Project, suggestions: Mapping[int, Iterable[Suggestion]]) -> int:
    """Insert suggestions (document id -> suggestions) in one transaction; return how many.

    Skips any already present (same start, end, label, whatever the origin) or rejected.
    """
    return sum(len(ids) for ids in propose(project, suggestions).values())


def propose(
    project: Project, suggestions: Mapping[int, Iterable[Suggestion]]
) -> dict[int, list[int]]:
    """``store_suggestions``, returning the spans it stored: document id -> span ids.

    A document removed since its suggestions were computed is skipped.
    """
    stamp = now()
    rows = []
    with project.transaction():
        for document_id, proposals in suggestions.items():
            try:
                length = project.document_length(document_id)
            except EditError:
                continue  # removed meanwhile (the suggestions came from a worker)
            taken = _span_keys(project.conn, document_id)
            taken |= _rejected_keys(project.conn, document_id)
            for suggestion in proposals:
                key = suggestion.key()
                if key in taken or not 0 <= suggestion.start < suggestion.end <= length:
                    continue
                if not project.has_label(suggestion.label):
                    raise EditError(f"unknown label {suggestion.label!r}")
                taken.add(key)
                rows.append(
                    (
                        document_id,
                        *key,
                        "",
                        suggestion.value,
                        Origin.SUGGESTED.value,
                        stamp,
                        stamp,
                        None,
                    )
                )
        first_id = project.reserve_span_ids(len(rows)) if rows else 0
        project.insert_span_rows((first_id + n, *row) for n, row in enumerate(rows))
    project.publish(Changes(suggestions=frozenset(row[0] for row in rows)))
    stored: dict[int, list[int]] = {}
    for n, row in enumerate(rows):
        stored.setdefault(row[0], []).append(first_id + n)
    return stored


def remember_rejection(project: ProjectConnection, span: Span) -> None:
    """Part of ``RejectSuggestion``: called by the project inside the edit's transaction."""
    project.conn.execute(
        'INSERT OR IGNORE INTO rejected_suggestions (document_id, start, "end", label,'
        " rejected) VALUES (?, ?, ?, ?, ?)",
        (span.document_id, *span.key(), now()),
    )


def forget_rejection(project: ProjectConnection, span: Span) -> None:
    """Part of undoing a rejection (``RestoreSuggestion``)."""
    project.conn.execute(
        'DELETE FROM rejected_suggestions WHERE document_id = ? AND start = ? AND "end" = ?'
        " AND label = ?",
        (span.document_id, *span.key()),
    )


def reject_suggestions(project: Project, span_ids: Iterable[int]) -> int:
    """Reject suggested spans: one undoable edit (a Batch) per document; return how many."""
    by_document: dict[int, list[int]] = {}
    for span_id in span_ids:
        document_id = project.get_span(span_id).document_id
        assert document_id is not None
        by_document.setdefault(document_id, []).append(span_id)
    for ids in by_document.values():
        project.apply(Batch(tuple(RejectSuggestion(i) for i in ids), "Reject suggestions"))
    return sum(map(len, by_document.values()))


def reject_suggestion(project: Project, span_id: int) -> None:
    project.apply(RejectSuggestion(span_id))


def reject_all(project: Project, document_id: int) -> Batch:
    """The edit rejecting every suggestion of a document (apply it with ``project.apply``)."""
    return Batch(
        tuple(
            RejectSuggestion(s.id)
            for s in suggested_spans(project, document_id)
            if s.id is not None
        ),
        "Reject all suggestions",
    )


def accept_all(project: Project, document_id: int, annotator: str = "") -> Batch:
    """The edit accepting every suggestion of a document (apply it with ``project.apply``)."""
    return Batch(
        tuple(
            SetOrigin(s.id, Origin.MANUAL, annotator)
            for s in suggested_spans(project, document_id)
            if s.id is not None
        ),
        "Accept all suggestions",
    )


def accept_spans(project: Project, span_ids: Iterable[int], annotator: str = "") -> Batch:
    """The edit accepting those of ``span_ids`` that are still suggestions, as one step."""
    edits = []
    for span_id in span_ids:
        try:
            span = project.get_span(span_id)
        except EditError:
            continue  # rejected (deleted) since it was proposed
        if span.origin is Origin.SUGGESTED:
            edits.append(SetOrigin(span_id, Origin.MANUAL, annotator))
    return Batch(tuple(edits), "Accept proposed occurrences")


def accepted_span_texts(project: Project) -> list[tuple[str, str]]:
    """(text, label) of every accepted (not suggested) span in the project."""
    return [(text, label) for _, text, label in accepted_texts(project.conn)]


def project_gazetteer(project: Project) -> Gazetteer:
    return Gazetteer.from_spans(accepted_span_texts(project))


def project_lexicon(project: Project) -> frozenset[str]:
    """Accepted span texts: the known forms for clitic rules (snapping, search)."""
    return frozenset(text for text, _ in accepted_span_texts(project))


def project_occurrences(
    project: Project,
    span_text: str,
    label: str,
    document_ids: Iterable[int] | None = None,
    index: SearchIndex | None = None,
    lexicon: frozenset[str] | None = None,
) -> dict[int, list[Suggestion]]:
    """ "Label all occurrences": new suggestions for every occurrence of ``span_text``.

    In the given documents (default: all), or through a prepared ``index``
    (a ``SearchIndex`` of the project's documents, so a large project is not re-read).
    Nothing is stored; pass the result to ``store_suggestions``. ``lexicon`` may
    pass ``project_lexicon(project)`` already at hand (the window keeps it).
    """
    if lexicon is None:
        lexicon = project_lexicon(project)
    found: dict[int, list[Suggestion]] = {}
    if index is not None:
        wanted = None if document_ids is None else set(document_ids)
        for hit in index.search(span_text, lexicon):
            if wanted is None or hit.document_id in wanted:
                found.setdefault(hit.document_id, []).append(
                    Suggestion(hit.start, hit.end, label, None, Source.OCCURRENCES)
                )
    else:
        ids = project.document_ids() if document_ids is None else list(document_ids)
        for document_id in ids:
            text = project.get_document(document_id).text
            hits = occurrence_suggestions(text, span_text, label, lexicon)
            if hits:
                found[document_id] = hits
    return {
        document_id: new
        for document_id, suggestions in found.items()
        if (
            new := filter_new(
                suggestions, project.spans(document_id), rejected_keys(project, document_id)
            )
        )
    }


def occurrences_reader(
    project: Project, span_text: str, label: str, index: SearchIndex, lexicon: frozenset[str]
) -> Callable[[], dict[int, list[Suggestion]]] | None:
    """``project_occurrences`` through ``index``, as a function for another thread.

    It searches a copy of the index (the window's thread keeps updating the index
    itself) and reads the spans it checks on a read-only connection of its own;
    pass what it returns to ``propose`` on the project's thread, which checks
    again against what changed meanwhile. None for a project in memory.
    """
    if project.path is None:
        return None
    uri = project.path.resolve().as_uri() + "?mode=ro"
    return partial(_read_occurrences, uri, span_text, label, index.copy(), lexicon)


def _read_occurrences(
    uri: str, span_text: str, label: str, index: SearchIndex, lexicon: frozenset[str]
) -> dict[int, list[Suggestion]]:
    found: dict[int, list[Suggestion]] = {}
    for hit in index.search(span_text, lexicon):
        found.setdefault(hit.document_id, []).append(
            Suggestion(hit.start, hit.end, label, None, Source.OCCURRENCES)
        )
    conn = harden(sqlite3.connect(uri, uri=True))
    try:
        return {
            document_id: new
            for document_id, suggestions in found.items()
            if (
                new := filter_new(
                    suggestions,
                    _span_keys(conn, document_id),
                    _rejected_keys(conn, document_id),
                )
            )
        }
    finally:
        conn.close()


def compute_suggestions(
    project: Project,
    sources: Collection[Source] = tuple(Source),
    document_ids: Iterable[int] | None = None,
    gazetteer: Gazetteer | None = None,
) -> Iterator[tuple[int, str, list[Suggestion]]]:
    """(document id, text, new suggestions) for each document, nothing stored.

    The gazetteer and the clitic lexicon come from the project's accepted spans.
    """
    if gazetteer is None and Source.GAZETTEER in sources:
        gazetteer = project_gazetteer(project)
    if gazetteer is not None:
        lexicon = gazetteer.lexicon
    else:
        lexicon = frozenset(text for text, _ in accepted_span_texts(project))
    ids = project.document_ids() if document_ids is None else list(document_ids)
    for document_id in ids:
        text = project.get_document(document_id).text
        spans = project.spans(document_id)
        yield (
            document_id,
            text,
            suggest_document(
                text,
                sources,
                gazetteer=gazetteer,
                accepted=[s for s in spans if s.origin is not Origin.SUGGESTED],
                existing=spans,
                rejected=rejected_keys(project, document_id),
                lexicon=lexicon,
            ),
        )
