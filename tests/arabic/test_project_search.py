from annotator.core.model import Document
from annotator.storage import Project
from annotator.storage.project_search import ProjectSearch


def test_the_index_is_read_when_first_asked_and_follows_imports(seed_text, monkeypatch):
    project = Project.in_memory()
    project.import_documents([(Document("seed", seed_text), [])])
    reads = []
    original = project.iter_texts
    monkeypatch.setattr(project, "iter_texts", lambda: reads.append(1) or original())
    search = ProjectSearch(project)
    project.import_documents([(Document("b", "قالت موسكو إن لروسيا حقا"), [])])
    assert reads == [] and not search.is_built()  # nothing read before the first search

    hits = search.index().search("روسيا")
    assert {hit.document_id for hit in hits} == {1, 2}
    assert search.index() is search.index() and reads == [1]  # built once

    project.import_documents([(Document("c", "وصل وفد إلى روسيا"), [])])
    assert [(h.start, h.end) for h in search.index().search("روسيا") if h.document_id == 3] == [
        (12, 17)
    ]
    search.close()
    project.import_documents([(Document("d", "روسيا"), [])])
    assert 4 not in {hit.document_id for hit in search.index().search("روسيا")}
