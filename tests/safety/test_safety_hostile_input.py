"""Whatever a file holds, an import ends in imported data or a clear error naming the file
(and line), never another exception, and never half an import.

Every attempt goes through ``import_paths`` (what the CLI and the window call) and
compares the project's documents, spans and labels before and after.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hostile_tally import TALLY, count_child, guarded_attempt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_support import LABELS, python_env, run_cli, seed_text

from annotator.core.errors import InputError
from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import ImportFailed, import_paths
from annotator.io.registry import importer_names
from annotator.storage import Project, open_project

FORMATS = ["auto", *importer_names()]
FUZZ = settings(
    max_examples=int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def project_state(project: Project) -> tuple:
    conn = project.conn
    return (
        conn.execute("SELECT id, title, text, source, status, meta FROM documents").fetchall(),
        conn.execute('SELECT id, document_id, start, "end", label, value FROM spans').fetchall(),
        conn.execute("SELECT name, display_name, color, key FROM labels").fetchall(),
    )


def attempt(project: Project, path: Path, fmt: str = "auto", **options) -> str:
    """Import; on failure check the error names the file and nothing changed.

    Counted in the run's summary (hostile_tally): a case, and any traceback, hang or
    partial import.
    """
    before = project_state(project)
    # The message names the file, or its companion (brat's .ann beside the .txt).
    named = str(path.with_suffix(""))
    try:
        with guarded_attempt():
            result = import_paths(project, [path], fmt=fmt, **options)
    except ImportFailed as failed:
        assert failed.problems
        for problem in failed.problems:
            assert str(problem).startswith(named), problem
        assert_unchanged(project, before)
        return "refused"
    except InputError as error:
        assert str(error).startswith(named), error
        assert_unchanged(project, before)
        return "refused"
    for document, spans in project.iter_documents():
        for span in spans:
            assert 0 <= span.start < span.end <= len(document.text)
    assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return "imported" if result.report.documents_added or result.report.duplicates else "empty"


def assert_unchanged(project: Project, before: tuple) -> None:
    if project_state(project) != before:
        TALLY["partial imports"] += 1
        raise AssertionError("a refused import changed the project")


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory(prefix="annotator-hostile-") as folder:
        yield Path(folder)


# -- fuzzing -----------------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".conllu"]))
def test_random_bytes_are_imported_or_refused_cleanly(workdir, data, suffix):
    path = workdir / f"random{suffix}"
    path.write_bytes(data)
    for fmt in FORMATS:
        attempt(Project.in_memory(), path, fmt)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a\udfffb", "\x00", "\x1a", "'); DROP TABLE spans; --"]),
)
OFFSETS = st.one_of(
    st.integers(min_value=-5, max_value=60),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=3),
    st.none(),
)
HOSTILE_LABELS = st.one_of(
    st.sampled_from(LABELS),
    st.sampled_from(
        [
            "a'b\"c",
            "x');DROP_TABLE_spans;--",
            "<b>bold</b>",
            "<img_src=x_onerror=alert(1)>",
            "\ud800",
            "",
            " ",
            "a\x00b",
            "x" * 65,
            "حدث",
        ]
    ),
    st.text(max_size=8),
)
TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("روسيا وكوريا الشمالية ١٥٠ NATO\r\n\t\x1a\x00\u200c\u200f😀")),
        st.characters(),
    ),
    max_size=60,
)


@st.composite
def spans(draw):
    span = {
        "start": draw(OFFSETS),
        "end": draw(OFFSETS),
        "label": draw(HOSTILE_LABELS),
    }
    if draw(st.booleans()):
        span["value"] = draw(SCALARS)
    if draw(st.booleans()):
        span["text"] = draw(SCALARS)
    if draw(st.booleans()):
        span["annotator"] = draw(SCALARS)
    return span


@st.composite
def records(draw):
    record = {"text": draw(st.one_of(TEXTS, SCALARS))}
    shape = draw(st.sampled_from(["native", "doccano", "entities", "junk"]))
    if shape == "native":
        record["spans"] = draw(st.one_of(st.lists(spans(), max_size=4), SCALARS))
    elif shape == "doccano":
        record["label"] = draw(
            st.lists(
                st.one_of(st.tuples(OFFSETS, OFFSETS, HOSTILE_LABELS).map(list), SCALARS),
                max_size=4,
            )
        )
    elif shape == "entities":
        record["entities"] = [
            {"start_offset": s["start"], "end_offset": s["end"], "label": s["label"]}
            for s in draw(st.lists(spans(), max_size=3))
        ]
    for key in ("title", "status", "source", "meta"):
        if draw(st.booleans()):
            record[key] = draw(
                st.one_of(SCALARS, st.dictionaries(st.text(max_size=4), SCALARS, max_size=3))
            )
    return record


@st.composite
def jsonl_files(draw) -> bytes:
    lines = []
    for record in draw(st.lists(records(), min_size=1, max_size=5)):
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        lines.append(draw(st.sampled_from([line, line[: len(line) // 2], line + "x", line])))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return ending.join(lines).encode("utf-8", "surrogatepass")


@FUZZ
@given(content=jsonl_files(), add_labels=st.booleans(), skip_invalid=st.booleans())
def test_hostile_jsonl_records_are_imported_or_refused_cleanly(
    workdir, content, add_labels, skip_invalid
):
    path = workdir / "hostile.jsonl"
    path.write_bytes(content)
    for fmt in ("auto", "jsonl", "doccano", "prodigy"):
        project = Project.in_memory()
        attempt(project, path, fmt, add_labels=add_labels, skip_invalid=skip_invalid)
        for label in project.labels():
            assert "\x00" not in label.name and " " not in label.name


@st.composite
def damaged_exports(draw) -> bytes:
    """A real export, then cut, flipped or spliced, as a bad copy or download leaves it."""
    data = bytearray(EXPORT)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["cut", "flip", "insert", "delete"]))
        if action == "cut":
            del data[where:]
        elif action == "flip":
            data[where] ^= draw(st.integers(1, 255))
        elif action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[where : where + draw(st.integers(1, 30))]
        if not data:
            break
    return bytes(data)


def _export_sample() -> bytes:
    project = Project.in_memory()
    text = seed_text()
    project.import_documents(
        [(Document(f"d{n}", f"{n} {text[:600]}"), [Span(3, 9, "actor")]) for n in range(3)]
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.jsonl"
        export_project(project, path, fmt="native")
        return path.read_bytes()


EXPORT = _export_sample()


@FUZZ
@given(content=damaged_exports())
def test_a_damaged_export_is_imported_or_refused_cleanly(workdir, content):
    path = workdir / "damaged.jsonl"
    path.write_bytes(content)
    attempt(Project.in_memory(), path, "auto")


# -- named cases -------------------------------------------------------------------------------


def test_a_substitute_character_from_a_news_dump_imports_as_text(tmp_path):
    text = "خبر\x1aعاجل: انفجار في المدينة\r\n"
    path = tmp_path / "dump.txt"
    path.write_bytes(text.encode("utf-8"))
    project = Project.in_memory()
    assert attempt(project, path) == "imported"
    assert project.get_document(1).text == text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "abc", "title": "t\\ud800"}', 'surrogate U+D800 in "title"'),
        ('{"text": "abc", "meta": {"k": "\\udfff"}}', 'surrogate U+DFFF in "meta"'),
        ('{"text": "abc", "source": "\\ud800"}', 'surrogate U+D800 in "source"'),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "actor",'
            ' "annotator": "\\ud800"}]}',
            'surrogate U+D800 in "spans"',
        ),
        ('{"text": "abc", "n": ' + "7" * 5000 + "}", "not valid JSON"),
        ('{"text": "abc", "meta": {"x": NaN}}', "NaN is not a JSON number"),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "actor",'
            f' "value": {2**70}}}]}}',
            "too large to store",
        ),
        ('{"text": "abc", "spans": [{"start": -1, "end": 1, "label": "actor"}]}', "outside"),
        # Unhashable labels: once a TypeError out of the label lookup.
        ('{"text": "abc", "spans": [{"start": 0, "end": 1, "label": ["actor"]}]}', "non-empty"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 1, "label": {"a": 1}}]}', "non-empty"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 1e2, "label": "actor"}]}', "integers"),
        ('{"text": "abc", "spans": [{"start": false, "end": true, "label": "actor"}]}', "integers"),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 99999999999999999999999,'
            ' "label": "actor"}]}',
            "outside",
        ),
        ('{"text": "abc", "meta": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested too deeply"),
    ],
)
def test_records_that_cannot_be_stored_exactly_are_refused_by_line(tmp_path, line, reason):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "سطر صالح"}, ensure_ascii=False)
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    project = Project.in_memory()
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [path])
    [problem] = failed.value.problems
    assert str(problem).startswith(f"{path}:2: ") and reason in str(problem)
    assert project.document_count() == 0  # the good line 1 is not imported alone


def test_labels_with_quotes_sql_or_markup_are_stored_literally(tmp_path):
    names = ["a'b\"c", "x');DROP_TABLE_spans;--", "<b>bold</b>", "<img_src=x>"]
    text = "نص فيه أسماء كثيرة"
    path = tmp_path / "labels.jsonl"
    record = {"text": text, "spans": [{"start": 0, "end": 2, "label": n} for n in names]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    project = Project.in_memory()
    import_paths(project, [path], add_labels=True)
    assert sorted(span.label for span in project.spans(1)) == sorted(names)
    assert set(names) <= set(project.labels().names())
    assert project.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == len(names)


def test_one_bad_file_among_good_ones_imports_nothing(tmp_path, seed_text):
    good = tmp_path / "a.txt"
    good.write_text(seed_text, encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes("خبر عاجل".encode("cp1256"))  # not UTF-8, and no --encoding given
    project = Project.in_memory()
    before = project_state(project)
    with pytest.raises(ImportFailed):
        import_paths(project, [good, bad])
    assert project_state(project) == before


def test_a_file_name_that_is_not_utf8_is_imported(tmp_path, seed_text):
    folder = tmp_path / "dump"
    folder.mkdir()
    # An Arabic file name in cp1256, unpacked from an archive made on Windows.
    name = "خبر.txt".encode("cp1256")
    with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
        handle.write(seed_text.encode("utf-8"))
    project = Project.in_memory()
    assert attempt(project, folder) == "imported"
    assert project.get_document(1).text == seed_text


def test_the_cli_names_file_and_line_of_a_bad_record_without_traceback(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "abc", "title": "\\ud800"}\n', encoding="utf-8")
    project = tmp_path / "p.annotator"
    result = run_cli("--project", str(project), "import", str(path))
    count_child(result, changed=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}:1: an unpaired surrogate" in result.stderr


def test_the_cli_refuses_a_binary_file_in_one_line(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + random.Random(3).randbytes(500))
    result = run_cli("--project", str(tmp_path / "p.annotator"), "import", str(path))
    count_child(result, changed=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("annotator: error: ")
    assert f"{path}: byte 8: looks like a binary file" in result.stderr


# -- a 50 MB article ---------------------------------------------------------------------------

IMPORT_AND_MEASURE = """
import json, resource, sys, time
from annotator.io.importing import import_paths
from annotator.storage import open_project
started = time.monotonic()
with open_project(sys.argv[1]) as project:
    report = import_paths(project, [sys.argv[2]]).report
    length = project.conn.execute("SELECT length FROM documents").fetchone()[0]
print(json.dumps({
    "seconds": time.monotonic() - started,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "documents": report.documents_added,
    "length": length,
}))
"""


def test_a_50_mb_single_article_imports_in_bounded_time_and_memory(tmp_path):
    article = tmp_path / "huge.txt"
    text = seed_text()
    repeats = 50 * 1024 * 1024 // len(text.encode("utf-8")) + 1
    with article.open("w", encoding="utf-8", newline="") as handle:
        for _ in range(repeats):
            handle.write(text)
    size_mb = article.stat().st_size / 1024 / 1024
    try:
        child = subprocess.run(
            [sys.executable, "-c", IMPORT_AND_MEASURE, str(tmp_path / "p.annotator"), str(article)],
            capture_output=True,
            text=True,
            env=python_env(),
            timeout=300,  # a hang guard, not a speed target
        )
    except subprocess.TimeoutExpired as hang:
        count_child(hang, changed=False)
        raise
    count_child(child, changed=False)
    assert child.returncode == 0, child.stderr
    figures = json.loads(child.stdout)
    assert figures["documents"] == 1
    assert figures["length"] == len(text) * repeats
    print(
        f"50 MB article: {size_mb:.0f} MB imported in {figures['seconds']:.1f} s,"
        f" peak memory {figures['peak_mb']:.0f} MB"
    )
    with open_project(tmp_path / "p.annotator") as project:
        assert project.get_document(1).text[: len(text)] == text


# -- the corpora importers (CSV, CoNLL-U, OpenEventData) ----------------------------------------

CELLS = st.one_of(TEXTS, st.sampled_from(['"', '""', ",", "\r\n", "\t", "x" * 140_000]))


@st.composite
def csv_files(draw) -> bytes:
    header = draw(st.lists(st.sampled_from(["text", "title", "", "id", "text "]), max_size=4))
    rows = draw(st.lists(st.lists(CELLS, max_size=5), max_size=4))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    content = buffer.getvalue()
    if draw(st.booleans()):
        content = content[: draw(st.integers(0, len(content)))]
    return content.encode("utf-8", "surrogatepass")


@st.composite
def conllu_files(draw) -> bytes:
    lines = draw(
        st.lists(
            st.one_of(
                st.builds(lambda t: f"# text = {t}", TEXTS),
                st.builds(lambda t: f"# newdoc id = {t}", st.text(max_size=5)),
                st.builds(lambda t: f"# sent_id = {t}", st.text(max_size=5)),
                st.just("1\tword\tword\tNOUN\t_\t_\t0\troot\t_\t_"),
                TEXTS,
            ),
            max_size=8,
        )
    )
    return "\n".join(lines).encode("utf-8", "surrogatepass")


TOKENS = st.one_of(st.lists(st.one_of(st.text(max_size=4), SCALARS), max_size=3), SCALARS)


@st.composite
def openeventdata_files(draw) -> bytes:
    sentences = draw(
        st.lists(
            st.one_of(
                st.fixed_dictionaries(
                    {
                        "text": st.one_of(TEXTS, SCALARS),
                        "spans": st.one_of(
                            st.lists(
                                st.one_of(
                                    st.fixed_dictionaries({"source_actor": TOKENS, "verb": TOKENS}),
                                    SCALARS,
                                ),
                                max_size=3,
                            ),
                            SCALARS,
                        ),
                        "source": SCALARS,
                        "_id": SCALARS,
                    }
                ),
                SCALARS,
            ),
            max_size=4,
        )
    )
    return json.dumps(sentences, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@FUZZ
@given(
    case=st.one_of(
        st.tuples(st.just("csv"), csv_files()),
        st.tuples(st.just("conllu"), conllu_files()),
        st.tuples(st.just("openeventdata"), openeventdata_files()),
    )
)
def test_hostile_corpus_files_are_imported_or_refused_cleanly(workdir, case):
    fmt, content = case
    path = workdir / f"corpus.{fmt}"
    path.write_bytes(content)
    attempt(Project.in_memory(), path, fmt, skip_invalid=False)


# -- brat, IOB2 and Label Studio -----------------------------------------------------------------

HOSTILE_JSON_TEXTS = st.sampled_from(
    ['"\\ud800"', "\\ud800", "1" * 5000, "NaN", "1e999", "[" * 3000, '"x"', "{}", "", "7"]
)
SMALL_OFFSETS = st.one_of(st.integers(-2, 40), st.integers(0, 12), OFFSETS)


@st.composite
def brat_pairs(draw) -> tuple[bytes, bytes]:
    text = draw(TEXTS.filter(str.strip))
    lines = []
    for number in range(draw(st.integers(0, 5))):
        start, end = draw(SMALL_OFFSETS), draw(SMALL_OFFSETS)
        where = draw(
            st.sampled_from([f"{start} {end}", f"{start} {end};{end} {start}", f"{start}", ""])
        )
        lines.append(f"T{number}\t{draw(HOSTILE_LABELS)} {where}\t{draw(st.text(max_size=5))}")
        if draw(st.booleans()):
            note = draw(st.one_of(HOSTILE_JSON_TEXTS, st.text(max_size=6)))
            lines.append(f"#{number}\tAnnotatorNotes T{number}\tvalue={note}")
    lines.extend(draw(st.lists(st.text(max_size=12), max_size=2)))
    ann = "\n".join(lines)
    return text.encode("utf-8", "surrogatepass"), ann.encode("utf-8", "surrogatepass")


@st.composite
def iob2_files(draw) -> bytes:
    tags = st.one_of(
        st.sampled_from(["O", "B-actor", "I-actor", "I-weapon", "B-", "I-", "B-<b>", "X-actor"]),
        st.text(max_size=6),
    )
    lines = draw(
        st.lists(
            st.one_of(
                st.builds(lambda t, g: f"{t}\t{g}", st.text(min_size=1, max_size=6), tags),
                st.builds(lambda t, g: f"{t} {g}", st.text(min_size=1, max_size=6), tags),
                st.just(""),
                st.just("-DOCSTART- -X- O O"),
                st.text(max_size=8),
            ),
            max_size=12,
        )
    )
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def labelstudio_files(draw) -> bytes:
    def result():
        return st.fixed_dictionaries(
            {
                "type": st.sampled_from(["labels", "choices", "textarea"]),
                "value": st.one_of(
                    st.fixed_dictionaries(
                        {
                            "start": SMALL_OFFSETS,
                            "end": SMALL_OFFSETS,
                            "labels": st.one_of(st.lists(HOSTILE_LABELS, max_size=2), SCALARS),
                            "text": SCALARS,
                        }
                    ),
                    SCALARS,
                ),
                "meta": st.one_of(
                    st.fixed_dictionaries(
                        {"text": st.lists(st.builds(lambda v: f"value={v}", HOSTILE_JSON_TEXTS))}
                    ),
                    SCALARS,
                ),
            }
        )

    task = st.fixed_dictionaries(
        {
            "data": st.one_of(
                st.fixed_dictionaries({"text": st.one_of(TEXTS, SCALARS), "title": SCALARS}),
                SCALARS,
            ),
            "annotations": st.one_of(
                st.lists(
                    st.fixed_dictionaries(
                        {"result": st.one_of(st.lists(result(), max_size=3), SCALARS)}
                    ),
                    max_size=2,
                ),
                SCALARS,
            ),
        }
    )
    content = json.dumps(draw(st.lists(task, max_size=3)), ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        content = content.replace('"text": "', '"text": "\\ud800', 1)
    return content.encode("utf-8", "surrogatepass")


@FUZZ
@given(pair=brat_pairs(), add_labels=st.booleans())
def test_hostile_brat_files_are_imported_or_refused_cleanly(workdir, pair, add_labels):
    text, ann = pair
    (workdir / "doc-1.txt").write_bytes(text)
    (workdir / "doc-1.ann").write_bytes(ann)
    attempt(Project.in_memory(), workdir / "doc-1.txt", "brat", add_labels=add_labels)


@FUZZ
@given(content=iob2_files(), add_labels=st.booleans())
def test_hostile_iob2_files_are_imported_or_refused_cleanly(workdir, content, add_labels):
    path = workdir / "tokens.iob2"
    path.write_bytes(content)
    attempt(Project.in_memory(), path, "iob2", add_labels=add_labels)


@FUZZ
@given(content=labelstudio_files(), add_labels=st.booleans())
def test_hostile_label_studio_files_are_imported_or_refused_cleanly(workdir, content, add_labels):
    path = workdir / "tasks.json"
    path.write_bytes(content)
    attempt(Project.in_memory(), path, "labelstudio", add_labels=add_labels)


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        ('"\\ud800"', "unpaired surrogate"),
        ("1" * 5000, "cannot be read as brat"),
        ("NaN", "not a finite number"),
    ],
)
def test_any_importer_refuses_values_that_cannot_be_stored_exactly(tmp_path, note, reason):
    """Checked once for every importer (import_paths), not in each importer: brat here."""
    (tmp_path / "doc.txt").write_text("روسيا وكوريا", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        f"T1\tactor 0 5\tروسيا\n#1\tAnnotatorNotes T1\tvalue={note}\n", encoding="utf-8"
    )
    project = Project.in_memory()
    with pytest.raises(ImportFailed) as failed:
        import_paths(project, [tmp_path / "doc.txt"], fmt="brat")
    assert reason in str(failed.value)
    assert project.document_count() == 0
