import re

from annotator.core.edits import AddSpan, DeleteSpan, RelabelSpan
from annotator.core.model import Document
from annotator.storage import Project
from annotator.storage.accepted_forms import AcceptedForms
from annotator.storage.suggestions import project_gazetteer, project_lexicon


def test_the_cache_follows_every_change_and_agrees_with_a_fresh_read(seed_text):
    project = Project.in_memory()
    project.import_documents([(Document("seed", seed_text), []), (Document("b", "لروسيا"), [])])
    forms = AcceptedForms(project)
    assert forms.lexicon() == frozenset()
    start = seed_text.index("روسيا")
    undo_add = project.apply(AddSpan(1, start, start + 5, "actor"))
    project.apply(AddSpan(2, 1, 6, "actor"))
    korea = seed_text.index("كوريا الشمالية")
    project.apply(AddSpan(1, korea, korea + len("كوريا الشمالية"), "weapon"))
    assert forms.lexicon() == project_lexicon(project) == {"روسيا", "كوريا الشمالية"}
    unchanged = forms.lexicon()
    project.apply(RelabelSpan(project.spans(1)[-1].id, "actor"))
    assert forms.lexicon() is unchanged  # same texts: same object, caches keyed on it hold
    assert forms.gazetteer().entries == project_gazetteer(project).entries
    project.apply(undo_add)  # روسيا is still accepted in document 2
    assert forms.lexicon() is unchanged
    project.apply(DeleteSpan(project.spans(2)[0].id))
    assert forms.lexicon() == project_lexicon(project) == {"كوريا الشمالية"}
    assert forms.gazetteer().entries == project_gazetteer(project).entries
    assert forms.lexicon_for("لروسيا") == frozenset()  # no accepted form starts with it now
    assert forms.lexicon_for("وكوريا") == {"كوريا"}
    forms.close()
    project.apply(AddSpan(2, 1, 6, "actor"))
    assert "روسيا" not in forms.lexicon()  # closed: no longer listening


def test_snapping_with_the_forms_for_a_selection_equals_snapping_with_the_whole_lexicon(
    seed_text,
):
    from annotator.arabic.snapping import snap_selection

    project = Project.in_memory()
    project.import_documents([(Document("seed", seed_text), [])])
    for form in ("روسيا", "والصين", "لبنان", "كوريا الشمالية", "بيونغ يانغ", "وون سيك"):
        start = seed_text.find(form)
        if start >= 0:
            project.apply(AddSpan(1, start, start + len(form), "actor"))
    forms = AcceptedForms(project)
    whole = project_lexicon(project)
    assert "والصين" in whole
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", seed_text)]
    for (start, _), (_, end) in zip(words, words[1:], strict=False):
        part = forms.lexicon_for(seed_text[start:end])
        assert len(part) <= 2 * len(seed_text[start:end].split())
        assert snap_selection(seed_text, start, end, part) == snap_selection(
            seed_text, start, end, whole
        ), seed_text[start:end]


def test_a_preload_in_the_background_misses_no_change_made_meanwhile(
    tmp_path, seed_text, monkeypatch
):
    from annotator.storage import accepted_forms, open_project

    monkeypatch.setattr(accepted_forms, "SMALL_PROJECT", 0)  # read in the background
    with open_project(tmp_path / "p.annotator") as project:
        project.import_documents([(Document("seed", seed_text), [])])
        start = seed_text.index("روسيا")
        project.apply(AddSpan(1, start, start + 5, "actor"))
        forms = AcceptedForms(project)
        forms.preload()
        korea = seed_text.index("كوريا الشمالية")
        project.apply(AddSpan(1, korea, korea + len("كوريا الشمالية"), "actor"))
        assert forms.lexicon() == project_lexicon(project) == {"روسيا", "كوريا الشمالية"}
        project.apply(DeleteSpan(project.spans(1)[0].id))
        assert forms.lexicon() == project_lexicon(project)
        forms.close()


def test_searching_a_text_with_its_forms_equals_searching_with_the_whole_lexicon(seed_text):
    from annotator.arabic.search import find_occurrences

    project = Project.in_memory()
    project.import_documents([(Document("seed", seed_text), [])])
    for form in ("وكوريا", "روسيا", "بكين"):  # وكوريا accepted as written: a known form
        start = seed_text.find(form)
        project.apply(AddSpan(1, start, start + len(form), "actor"))
    forms = AcceptedForms(project)
    whole = project_lexicon(project)
    part = forms.lexicon_for(seed_text)
    for query in ("كوريا", "روسيا", "كين", "الصين", "كوريا الشمالية"):
        with_part = find_occurrences(seed_text, query, part)
        assert with_part == find_occurrences(seed_text, query, whole), query
    assert find_occurrences(seed_text, "كوريا", whole) != find_occurrences(seed_text, "كوريا")


def test_snapping_forms_never_wait_for_the_project_reading(tmp_path, seed_text, monkeypatch):
    # The first key press after opening a large project must not wait for its reading.
    import threading

    from annotator.storage import accepted_forms, open_project

    release = threading.Event()
    real = accepted_forms._Reading.of

    def held_back(conn, **options):
        release.wait(10)
        return real(conn, **options)

    monkeypatch.setattr(accepted_forms, "SMALL_PROJECT", 0)
    monkeypatch.setattr(accepted_forms._Reading, "of", staticmethod(held_back))
    with open_project(tmp_path / "p.annotator") as project:
        project.import_documents([(Document("seed", seed_text), [])])
        start = seed_text.index("روسيا")
        project.apply(AddSpan(1, start, start + 5, "actor"))
        forms = AcceptedForms(project)
        forms.preload()
        assert forms.lexicon_for(seed_text) == frozenset()  # answered while the reading waits
        release.set()
        assert forms.lexicon() == {"روسيا"}  # waits for the reading and takes it over
        assert "روسيا" in forms.lexicon_for(seed_text)
        forms.close()
