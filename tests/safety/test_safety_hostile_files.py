"""Files that are not what they seem: FIFOs, devices, folders, links out of the folder,
fields that cannot be stored, duplicates that hide data, and content in another format
than its name says. Each import ends, without a traceback, in data or a clear refusal.

Issue 11, items 6, 7, 10 and 11. Attempts through the real command run in a child
process with a time guard (a FIFO blocked the reader forever) and a memory limit
(/dev/zero filled it); each is counted in the run's summary (hostile_tally).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess

import pytest
from hostile_tally import count_child
from safety_support import dump, make_project, run_cli, seed_text
from test_safety_hostile_input import attempt

from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import Project, open_project

MEMORY_LIMIT = 1024 * 1024 * 1024  # a reader of /dev/zero meets it within seconds
GUARD_S = 60


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def hostile_import(project, *args: str) -> subprocess.CompletedProcess[str]:
    """`annotator import ...` in a child: counted; a hang or a traceback fails the test."""
    before = dump(project)
    try:
        result = run_cli(
            "--project", str(project), "import", *args, timeout=GUARD_S, preexec_fn=_limit_memory
        )
    except subprocess.TimeoutExpired as hang:
        count_child(hang, changed=False)
        pytest.fail(f"import {' '.join(args)} did not end within {GUARD_S} s")
    changed = dump(project) != before
    count_child(result, changed=changed)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    assert result.returncode == 0 or not changed, "a refused import changed the project"
    return result


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The refusal: exit 1, and the problem named (below the count of problems)."""
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("annotator: error: "), result.stderr
    return result.stderr


@pytest.fixture
def article(tmp_path):
    return seed_text()


@pytest.fixture
def project_without_article(tmp_path):
    """A project file of made-up documents: the tests import the sample article into it."""
    return make_project(tmp_path / "p.annotator", documents=1, spans_per_document=2)


# -- only regular files are read (item 6) ---------------------------------------------------------


def test_a_fifo_named_as_a_text_file_is_refused_not_waited_on(tmp_path, project_without_article):
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    line = error_line(hostile_import(project_without_article, str(fifo)))
    assert f"{fifo}: is a FIFO (named pipe), not a regular file" in line


def test_a_fifo_as_the_ann_of_a_brat_pair_is_refused_not_waited_on(
    tmp_path, project_without_article
):
    (tmp_path / "a.txt").write_text("روسيا وكوريا", encoding="utf-8")
    os.mkfifo(tmp_path / "a.ann")
    line = error_line(hostile_import(project_without_article, str(tmp_path / "a.txt")))
    assert f"{tmp_path / 'a.ann'}: is a FIFO" in line


def test_an_ann_that_is_a_folder_is_refused_in_one_line(tmp_path, project_without_article):
    (tmp_path / "a.txt").write_text("روسيا وكوريا", encoding="utf-8")
    (tmp_path / "a.ann").mkdir()
    line = error_line(hostile_import(project_without_article, str(tmp_path / "a.txt")))
    assert f"{tmp_path / 'a.ann'}: is a folder, not a regular file" in line


def test_an_ann_that_links_to_dev_zero_is_refused_before_reading(tmp_path, project_without_article):
    (tmp_path / "a.txt").write_text("روسيا وكوريا", encoding="utf-8")
    (tmp_path / "a.ann").symlink_to("/dev/zero")
    line = error_line(hostile_import(project_without_article, str(tmp_path / "a.txt")))
    assert f"{tmp_path / 'a.ann'}: is a device, not a regular file" in line


def test_in_a_folder_such_files_are_named_and_skipped_and_the_rest_imported(
    tmp_path, project_without_article, article
):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "good.txt").write_text(article, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "a.txt").write_text("x", encoding="utf-8")  # the report's case: a FIFO as .ann
    os.mkfifo(folder / "a.ann")
    (folder / "b.txt").write_text("روسيا", encoding="utf-8")
    (folder / "b.ann").symlink_to("/dev/zero")
    (folder / "c.txt").write_text("روسيا", encoding="utf-8")
    (folder / "c.ann").mkdir()
    result = hostile_import(project_without_article, str(folder))
    assert result.returncode == 0, result.stderr
    for name in ("pipe.txt", "a.ann", "b.ann", "c.ann"):
        assert f"skipped {folder / name}: " in result.stderr, name
    assert "imported 1 document(s)" in result.stderr
    assert "4 file(s) not read" in result.stderr
    with open_project(project_without_article) as opened:
        assert opened.get_document(opened.document_ids()[-1]).text == article


# -- links do not lead out of the folder (item 7) ---------------------------------------------


def test_links_out_of_an_imported_folder_are_not_followed(
    tmp_path, project_without_article, article
):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("كلمة السر: لا تنشر", encoding="utf-8")
    folder = tmp_path / "download"
    folder.mkdir()
    (folder / "article.txt").write_text(article, encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "same.txt").symlink_to(folder / "article.txt")  # inside the folder: followed
    (folder / "doc.txt").write_text("روسيا", encoding="utf-8")
    (folder / "doc.ann").symlink_to(tmp_path / "outside" / "doc.ann")
    (tmp_path / "outside" / "doc.ann").write_text("T1\tactor 0 5\tروسيا\n", encoding="utf-8")
    result = hostile_import(project_without_article, str(folder))
    assert result.returncode == 0, result.stderr
    for name in ("leak.txt", "passwd.txt", "doc.ann"):
        assert f"skipped {folder / name}: is a link to " in result.stderr, name
        assert f"outside the folder {folder}; not read" in result.stderr
    with open_project(project_without_article) as opened:
        texts = [opened.get_document(i).text for i in opened.document_ids()]
    assert article in texts
    assert not any("كلمة السر" in text or "root:" in text for text in texts)


# -- nothing stored that would lose or hide data (item 10) --------------------------------------

JSONL_REFUSED = {
    "NUL in the title": ('{"text": "نص", "title": "a\\u0000b"}', 'a NUL character in "title"'),
    "NUL in the source": (
        '{"text": "نص", "status": "todo", "source": "\\u0000"}',
        'a NUL character in "source"',
    ),
    "NUL in meta": ('{"text": "نص", "meta": {"k": "\\u0000"}}', 'a NUL character in "meta"'),
    "NUL in a meta key": ('{"text": "نص", "meta": {"k\\u0000": 1}}', "a NUL character in a key"),
    "NUL in the annotator": (
        '{"text": "نص", "spans": [{"start": 0, "end": 2, "label": "actor",'
        ' "annotator": "a\\u0000"}]}',
        "a NUL character",
    ),
    "NUL in a value": (
        '{"text": "نص", "spans": [{"start": 0, "end": 2, "label": "actor", "value": "\\u0000"}]}',
        "a NUL character",
    ),
    "a duplicate key": ('{"text": "نص", "title": "a", "title": "b"}', "'title' appears twice"),
    "a duplicate key in a span": (
        '{"text": "نص", "spans": [{"start": 0, "start": 1, "end": 2, "label": "actor"}]}',
        "'start' appears twice",
    ),
}


@pytest.mark.parametrize("case", sorted(JSONL_REFUSED))
def test_jsonl_fields_that_would_lose_data_are_refused_by_line(tmp_path, case):
    line, reason = JSONL_REFUSED[case]
    path = tmp_path / "records.jsonl"
    # The first record is annotator's own (it has a status), so the file is read as ours.
    path.write_text('{"text": "سطر صالح", "status": "todo"}\n' + line + "\n", encoding="utf-8")
    project = Project.in_memory()
    assert attempt(project, path) == "refused"
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [path])
    assert f"{path}:2: " in str(failed.value) and reason in str(failed.value)


# A Prodigy record: a text with colons (as news has), spans as objects, meta.
_PRODIGY_TEXT = "قال: روسيا وكوريا: نعم"
_PRODIGY_SPAN = '{"start": 5, "end": 10, "label": "actor"}'
PRODIGY_REPEATED_KEYS = {
    "in the record": f'{{"text": "{_PRODIGY_TEXT}", "spans": [], "text": "{_PRODIGY_TEXT}"}}',
    "in a span": f'{{"text": "{_PRODIGY_TEXT}", "spans": [{_PRODIGY_SPAN},'
    ' {"start": 0, "end": 3, "label": "actor", "end": 4}]}',
    "in meta": f'{{"text": "{_PRODIGY_TEXT}", "meta": {{"source": "a", "source": "b"}}}}',
    "in a span's attributes": f'{{"text": "{_PRODIGY_TEXT}", "spans": [{{"start": 5, "end": 10,'
    ' "label": "actor", "attributes": {"kind": "a", "kind": "b"}}]}',
    "beside an escaped colon": f'{{"text": "{_PRODIGY_TEXT}\\u003a", "spans": [{_PRODIGY_SPAN}],'
    ' "meta": {"source": "a", "source": "b"}}',
    "with no space before the colon": f'{{"text": "{_PRODIGY_TEXT}", "meta": {{"source"'
    ' : "a", "source":"b"}}}}',
}


@pytest.mark.parametrize("case", sorted(PRODIGY_REPEATED_KEYS))
def test_a_repeated_key_anywhere_in_a_prodigy_record_is_refused_by_line(tmp_path, case):
    path = tmp_path / "tasks.jsonl"
    valid = f'{{"text": "{_PRODIGY_TEXT}", "spans": [{_PRODIGY_SPAN}], "meta": {{"source": "a"}}}}'
    path.write_text(f"{valid}\n{PRODIGY_REPEATED_KEYS[case]}\n{valid}\n", encoding="utf-8")
    project = Project.in_memory()
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [path], fmt="prodigy")
    assert failed.value.count == 1
    assert f"{path}:2: " in str(failed.value) and "appears twice" in str(failed.value)
    assert project.document_count() == 0


PRODIGY_UNSTORABLE = {
    "NUL in meta": ('"meta": {"source": "a\\u0000"}', 'a NUL character in "meta"'),
    "a lone surrogate in a meta key": ('"meta": {"\\udc80": 1}', "an unpaired surrogate U+DC80"),
    "NUL in meta beside a long text": (
        '"meta": {"source": "\\u0000"}, "pad": "' + "ب" * 300 + '"',
        'a NUL character in "meta"',
    ),
}


@pytest.mark.parametrize("case", sorted(PRODIGY_UNSTORABLE))
def test_a_prodigy_record_whose_meta_cannot_be_stored_is_refused_by_line(tmp_path, case):
    members, reason = PRODIGY_UNSTORABLE[case]
    path = tmp_path / "tasks.jsonl"
    valid = f'{{"text": "{_PRODIGY_TEXT}", "spans": [{_PRODIGY_SPAN}], "meta": {{"source": "a"}}}}'
    path.write_text(
        f'{valid}\n{{"text": "{_PRODIGY_TEXT}", "spans": [{_PRODIGY_SPAN}], {members}}}\n',
        encoding="utf-8",
    )
    project = Project.in_memory()
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [path], fmt="prodigy")
    assert f"{path}:2: " in str(failed.value) and reason in str(failed.value)
    assert project.document_count() == 0


BRAT_REFUSED = {
    "a T id used twice": ("T1\tactor 0 5\tروسيا\nT1\tevent 6 12\tوكوريا\n", "T1 is defined twice"),
    "fragments out of order": ("T1\tactor 6 12;0 5\tx\n", "overlap or are out of order"),
    "fragments that overlap": ("T1\tactor 0 12;3 5\tx\n", "overlap or are out of order"),
}


@pytest.mark.parametrize("case", sorted(BRAT_REFUSED))
def test_brat_annotations_that_would_be_stored_wrongly_are_refused(tmp_path, case):
    ann, reason = BRAT_REFUSED[case]
    (tmp_path / "doc.txt").write_text("روسيا وكوريا الشمالية", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ann, encoding="utf-8")
    project = Project.in_memory()
    assert attempt(project, tmp_path / "doc.txt", "brat") == "refused"
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [tmp_path / "doc.txt"], fmt="brat")
    assert f"{tmp_path / 'doc.ann'}:" in str(failed.value) and reason in str(failed.value)


CSV_REFUSED = {
    "a second text column": ('text,id,text\n"روسيا",1,"كوريا"\n', "'text' appears twice"),
    "a quote never closed": ('text,id\n"روسيا وكوريا,1\nخبر آخر,2\n', "not valid CSV"),
}


@pytest.mark.parametrize("case", sorted(CSV_REFUSED))
def test_csv_that_would_lose_or_merge_rows_is_refused(tmp_path, case):
    content, reason = CSV_REFUSED[case]
    path = tmp_path / "news.csv"
    path.write_text(content, encoding="utf-8")
    project = Project.in_memory()
    assert attempt(project, path) == "refused"
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [path])
    assert str(failed.value).count(f"{path}:") == 1 and reason in str(failed.value)


# -- content in another format than its name says; malformed tags; colours (item 11) ------------


@pytest.fixture
def conll_folder(tmp_path):
    """Real text in real CoNLL: the sample article's IOB2 export, one document a .txt file."""
    source = Project.in_memory()
    text = seed_text()
    paragraphs = [part for part in text.split("\n") if len(part) > 40][:6]
    source.import_documents(
        (Document(f"p{n}", part), [Span(0, part.index(" "), "actor")])
        for n, part in enumerate(paragraphs)
    )
    exported = tmp_path / "all.conll"
    export_project(source, exported, fmt="iob2")
    folder = tmp_path / "conll"
    folder.mkdir()
    documents = exported.read_text(encoding="utf-8").split("-DOCSTART-")[1:]
    for number, document in enumerate(documents):
        (folder / f"doc{number:02}.txt").write_text(document.strip() + "\n", encoding="utf-8")
    return folder


def test_a_folder_of_conll_files_named_txt_is_refused_with_the_format_to_use(conll_folder):
    project = Project.in_memory()
    assert attempt(project, conll_folder) == "refused"
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [conll_folder])
    assert len(failed.value.problems) == len(list(conll_folder.iterdir())) == 6
    assert all("--format iob2" in str(problem) for problem in failed.value.problems)
    assert project.document_count() == 0
    # Named, the format reads them; asked for as text, they are text.
    assert import_paths(project, [conll_folder], fmt="iob2").report.documents_added == 6
    assert import_paths(Project.in_memory(), [conll_folder], fmt="text").report.documents_added


def test_json_lines_with_an_unknown_extension_are_refused_with_the_format_to_use(tmp_path):
    path = tmp_path / "records.data"
    path.write_text(
        json.dumps({"text": "أرسلت روسيا صواريخ", "spans": []}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    project = Project.in_memory()
    assert attempt(project, path) == "refused"
    with pytest.raises(ImportFailed, match="--format jsonl"):
        import_paths(project, [path])
    assert import_paths(project, [path], fmt="jsonl").report.documents_added == 1


@pytest.mark.parametrize("tag", ["B--ORG", "B-`MIS1`", "I-1st", "B-<b>"])
def test_malformed_tags_make_no_labels(tmp_path, tag):
    path = tmp_path / "tokens.conll"
    path.write_text(f"روسيا\tB-actor\nو\tO\nكوريا\t{tag}\n", encoding="utf-8")
    project = Project.in_memory()
    labels = project.labels().names()
    assert attempt(project, path, add_labels=True) == "refused"
    with pytest.raises(ImportFailed, match=f"{path}:3: tag"):
        import_paths(project, [path], add_labels=True)
    assert project.labels().names() == labels


def test_every_label_an_import_adds_gets_a_colour_of_its_own(tmp_path):
    names = ["PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "GPE", "FAC", "NORP", "LAW"]
    path = tmp_path / "tokens.conll"
    path.write_text("".join(f"كلمة{n}\tB-{name}\n" for n, name in enumerate(names)), "utf-8")
    project = Project.in_memory()
    assert attempt(project, path, add_labels=True) == "imported"
    colours = [label.color.upper() for label in project.labels()]
    assert len(colours) == 4 + len(names)
    assert len(set(colours)) == len(colours), colours
