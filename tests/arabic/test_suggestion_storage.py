import pytest

from annotator.arabic.suggest import Source, Suggestion
from annotator.core.changes import Changes
from annotator.core.edits import AddSpan, SetOrigin
from annotator.core.errors import EditError
from annotator.core.model import Document, Origin
from annotator.storage import open_project
from annotator.storage.suggestions import (
    accept_all,
    compute_suggestions,
    reject_suggestion,
    reject_suggestions,
    rejected_keys,
    store_suggestions,
    suggested_spans,
)


def doc_id(project):
    return project.document_ids()[0]


def test_stored_suggestions_are_kept_out_of_counts_and_exports(project):
    store_suggestions(project, {doc_id(project): [Suggestion(0, 2, "number", 1)]})
    assert [s.origin for s in project.spans(doc_id(project))] == [Origin.SUGGESTED]
    assert project.label_counts()["number"] == 0
    assert [spans for _, spans in project.iter_documents()] == [[]]


def test_storing_skips_duplicates_and_publishes_one_change(project):
    notices = []
    project.subscribe(notices.append)
    did = doc_id(project)
    project.apply(AddSpan(did, 0, 2, "number"))
    notices.clear()
    count = store_suggestions(
        project,
        {did: [Suggestion(0, 2, "number"), Suggestion(3, 5, "actor"), Suggestion(3, 5, "actor")]},
    )
    assert count == 1
    assert notices == [Changes(suggestions=frozenset({did}))]
    assert store_suggestions(project, {did: [Suggestion(3, 5, "actor")]}) == 0


def test_rejected_suggestion_never_comes_back(project):
    did = doc_id(project)
    found = dict((d, s) for d, _, s in compute_suggestions(project, [Source.NUMBERS]))
    assert store_suggestions(project, found) == 10
    first = suggested_spans(project, did)[0]
    reject_suggestion(project, first.id)
    assert first.key() in rejected_keys(project, did)
    assert len(suggested_spans(project, did)) == 9
    again = dict((d, s) for d, _, s in compute_suggestions(project, [Source.NUMBERS]))
    assert again == {did: []}
    assert store_suggestions(project, {did: [Suggestion(*first.key())]}) == 0


def test_rejection_survives_reopening_the_project_file(tmp_path, seed_text):
    path = tmp_path / "p.annotator"
    with open_project(path) as project:
        project.import_documents([(Document("seed", seed_text), [])])
        did = doc_id(project)
        store_suggestions(project, {did: [Suggestion(0, 2, "number")]})
        reject_suggestions(project, [s.id for s in suggested_spans(project, did)])
    with open_project(path) as project:
        assert rejected_keys(project, did) == {(0, 2, "number")}


def test_only_suggestions_can_be_rejected(project):
    did = doc_id(project)
    project.apply(AddSpan(did, 0, 2, "number"))
    manual = project.spans(did)[0]
    with pytest.raises(EditError):
        reject_suggestion(project, manual.id)
    assert project.spans(did) == [manual]


def test_accepting_one_and_all_is_undoable(project):
    did = doc_id(project)
    store_suggestions(project, {did: [Suggestion(0, 2, "number", 1), Suggestion(3, 5, "actor")]})
    one, other = suggested_spans(project, did)
    project.apply(SetOrigin(one.id, Origin.MANUAL))
    assert project.label_counts()["number"] == 1
    undo = project.apply(accept_all(project, did))
    assert suggested_spans(project, did) == []
    project.apply(undo)
    assert [s.id for s in suggested_spans(project, did)] == [other.id]


def test_gazetteer_from_accepted_spans_proposes_in_other_documents(project, seed_text):
    did = doc_id(project)
    start = seed_text.index("روسيا")
    project.apply(AddSpan(did, start, start + 5, "actor"))
    project.import_documents([(Document("other", "دعمت الصين لروسيا"), [])])
    other = project.document_ids()[1]
    results = {d: (t, s) for d, t, s in compute_suggestions(project, [Source.GAZETTEER])}
    text, suggestions = results[other]
    assert [(text[s.start : s.end], s.label) for s in suggestions] == [("روسيا", "actor")]
    assert len(results[did][1]) == 10


def test_label_all_occurrences_across_the_project(project, seed_text):
    from annotator.arabic.search import SearchIndex
    from annotator.storage.suggestions import project_lexicon, project_occurrences

    did = doc_id(project)
    start = seed_text.index("روسيا")
    project.apply(AddSpan(did, start, start + 5, "actor"))
    project.import_documents([(Document("other", "دعمت الصين لروسيا وروسيا"), [])])
    other = project.document_ids()[1]
    assert project_lexicon(project) == {"روسيا"}
    by_reading = project_occurrences(project, "روسيا", "actor")
    index = SearchIndex.build((d.id, d.text) for d, _ in project.iter_documents())
    by_index = project_occurrences(project, "روسيا", "actor", index=index)
    assert by_reading == by_index
    assert len(by_reading[did]) == 10
    assert [(s.start, s.end) for s in by_reading[other]] == [(12, 17), (19, 24)]
    assert project_occurrences(project, "روسيا", "actor", document_ids=[other]).keys() == {other}


def test_rejecting_is_an_edit_whose_undo_brings_the_suggestion_back(project):
    from annotator.core.edits import RejectSuggestion

    did = doc_id(project)
    notices = []
    project.subscribe(notices.append)
    store_suggestions(project, {did: [Suggestion(0, 2, "number", 1), Suggestion(3, 5, "actor")]})
    first, second = suggested_spans(project, did)
    notices.clear()

    undo = project.apply(RejectSuggestion(first.id))
    assert notices == [Changes(suggestions=frozenset({did}))]
    assert suggested_spans(project, did) == [second]
    assert rejected_keys(project, did) == {first.key()}

    redo = project.apply(undo)
    assert [(s.id, s.key(), s.value) for s in suggested_spans(project, did)] == [
        (first.id, first.key(), 1),
        (second.id, second.key(), None),
    ]
    assert rejected_keys(project, did) == set()

    project.apply(redo)
    assert rejected_keys(project, did) == {first.key()}
    assert store_suggestions(project, {did: [Suggestion(*first.key())]}) == 0


def test_reject_all_is_one_undoable_edit(project):
    from annotator.storage.suggestions import reject_all

    did = doc_id(project)
    found = dict((d, s) for d, _, s in compute_suggestions(project, [Source.NUMBERS]))
    store_suggestions(project, found)
    before = suggested_spans(project, did)
    undo = project.apply(reject_all(project, did))
    assert suggested_spans(project, did) == []
    assert rejected_keys(project, did) == {s.key() for s in before}
    again = dict((d, s) for d, _, s in compute_suggestions(project, [Source.NUMBERS]))
    assert again == {did: []}
    project.apply(undo)
    assert [s.id for s in suggested_spans(project, did)] == [s.id for s in before]
    assert rejected_keys(project, did) == set()


def test_an_accepted_span_cannot_be_rejected_by_the_edit(project):
    from annotator.core.edits import RejectSuggestion

    did = doc_id(project)
    project.apply(AddSpan(did, 0, 2, "number"))
    manual = project.spans(did)[0]
    with pytest.raises(EditError):
        project.apply(RejectSuggestion(manual.id))
    assert project.spans(did) == [manual] and rejected_keys(project, did) == set()


def test_a_suggestion_never_takes_the_id_of_a_deleted_span(project):
    """An undo kept elsewhere names the deleted span's id: it must not reach a suggestion."""
    from annotator.core.edits import DeleteSpan

    project.apply(AddSpan(doc_id(project), 0, 2, "actor"))
    deleted = project.spans(doc_id(project))[0].id
    project.apply(DeleteSpan(deleted))
    store_suggestions(project, {doc_id(project): [Suggestion(3, 8, "number", 1)]})
    [suggestion] = project.spans(doc_id(project))
    assert suggestion.id != deleted
