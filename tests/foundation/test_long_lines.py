"""A JSON Lines record too long to hold (one line of hundreds of MB) is read, checked and
stored without holding its text: the same text, hash, length, spans and refusals as any
record, and a failure after it leaves the project as it was."""

from __future__ import annotations

import hashlib
import json
import random

import pytest

from annotator.core.errors import InputError
from annotator.io import decoding, long_lines
from annotator.io.importing import ImportFailed, import_paths
from annotator.io.jsonl import JsonlImporter, iter_json_lines
from annotator.io.long_lines import StreamedString
from annotator.storage import bulk_import, open_project

SENTENCE = 'وقعت روسيا "وكوريا" الشمالية اتفاقية 😀 \\ للتعاون\tالعسكري\n'
# Over 3 MB of UTF-8: several pieces, a line read in many chunks.
LONG = "".join(f"{n} {SENTENCE}" for n in range(30_000))
LINE_LIMIT = 1 << 20  # the line threshold, lowered from hundreds of MB


@pytest.fixture
def long_lines_at_one_mb(monkeypatch):
    monkeypatch.setattr(JsonlImporter, "long_line", LINE_LIMIT)


def spans_of(text: str) -> list[dict]:
    """Spans on "روسيا" throughout the text, one in each piece, quoting their text."""
    spans = []
    for start in (text.find("روسيا"), text.find("روسيا", len(text) // 2), text.rfind("روسيا")):
        spans.append({"start": start, "end": start + 5, "label": "actor", "text": "روسيا"})
    return spans


def long_record(text: str = LONG, ensure_ascii: bool = False, **extra) -> str:
    record = {"title": "خبر طويل", "text": text, "spans": spans_of(text), **extra}
    return json.dumps(record, ensure_ascii=ensure_ascii)


def snapshot(project) -> list:
    return [
        list(project.conn.execute(f"SELECT * FROM {table} ORDER BY 1"))
        for table in ("documents", "spans", "labels")
    ]


@pytest.mark.parametrize("ensure_ascii", [False, True])  # raw UTF-8, or \\u escapes only
def test_a_record_too_long_to_hold_is_stored_exactly(tmp_path, long_lines_at_one_mb, ensure_ascii):
    path = tmp_path / "long.jsonl"
    short = json.dumps(
        {"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "actor"}]},
        ensure_ascii=False,
    )
    line = long_record(ensure_ascii=ensure_ascii)
    assert len(line.encode()) > 3 * LINE_LIMIT
    path.write_text(f"{short}\n{line}\n{short.replace('قصير', 'آخر')}\n", encoding="utf-8")
    with open_project(tmp_path / "p.annotator") as project:
        report = import_paths(project, [path]).report
        assert (report.documents_added, report.spans_added) == (3, 5)
        # Stored as its UTF-8 in text_utf8 (written in place: see schema.m005_long_text_utf8).
        text, stored, length, digest, title = project.conn.execute(
            "SELECT text, CAST(text_utf8 AS TEXT), length, content_hash, title"
            " FROM documents WHERE id = 2"
        ).fetchone()
        assert (text, length, title) == ("", len(LONG), "خبر طويل")
        assert stored == LONG
        assert project.get_document(2).text == LONG
        assert digest == hashlib.sha256(LONG.encode()).hexdigest()
        spans = project.spans(2)
        assert [(span.start, span.end) for span in spans] == [
            (span["start"], span["end"]) for span in spans_of(LONG)
        ]
        assert all(LONG[span.start : span.end] == "روسيا" for span in spans)
        # The same text again is a duplicate, found by its hash.
        again = import_paths(project, [path]).report
        assert (again.documents_added, again.duplicate_count) == (0, 3)


def test_a_bad_record_after_a_long_one_leaves_the_project_as_it_was(
    tmp_path, monkeypatch, long_lines_at_one_mb
):
    monkeypatch.setattr(bulk_import, "BATCH_DOCUMENTS", 1)  # the long text is written at once
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"text": "نص أول", "status": "done"}) + "\n", encoding="utf-8")
    path = tmp_path / "long.jsonl"
    bad = json.dumps({"text": "نص", "spans": [{"start": 0, "end": 9, "label": "actor"}]})
    path.write_text(f"{long_record()}\n{bad}\n", encoding="utf-8")
    with open_project(tmp_path / "p.annotator") as project:
        import_paths(project, [first])
        before = snapshot(project)
        with pytest.raises(
            ImportFailed, match=r"long.jsonl:2: span 1: span 0-9 is outside the text"
        ):
            import_paths(project, [path])
        assert snapshot(project) == before


@pytest.mark.parametrize(
    ("text", "spans", "reason"),
    [
        (LONG + "\x00", None, f":1: text has a NUL character at character {len(LONG)}"),
        (
            LONG + "\ud800!",
            None,
            f":1: text has an unpaired surrogate U+D800 at character {len(LONG)}",
        ),
        (" \n" * 600_000, None, ':1: "text" is empty'),
        (LONG, [{"start": 5, "end": 10, "label": "actor", "text": "x"}], "span 1: span 5-10 says"),
        (LONG, [{"start": 0, "end": len(LONG) + 1, "label": "actor"}], "is outside the text"),
    ],
)
def test_a_long_record_is_refused_for_what_any_record_is(
    tmp_path, long_lines_at_one_mb, text, spans, reason
):
    record = json.loads(long_record(text))
    if spans is not None:
        record["spans"] = spans
    path = tmp_path / "bad.jsonl"
    line = json.dumps(record, ensure_ascii="\ud800" in text)  # a lone surrogate as an escape
    path.write_text(line + "\n", encoding="utf-8")
    with open_project(tmp_path / "p.annotator") as project:
        with pytest.raises(ImportFailed) as refused:
            import_paths(project, [path])
        assert reason in str(refused.value)
        assert project.document_count() == 0


def test_a_bad_escape_or_byte_in_a_long_string_is_named_as_in_any_line(
    tmp_path, long_lines_at_one_mb
):
    line = long_record().encode()
    middle = line.index("روسيا".encode(), len(line) // 2)
    path = tmp_path / "escape.jsonl"
    path.write_bytes(line[:middle] + b"\\x" + line[middle:] + b"\n")
    with pytest.raises(ImportFailed, match=r":1: not valid JSON \(Invalid \\escape"):
        import_paths(open_project(tmp_path / "a.annotator"), [path])
    path.write_bytes(line[:middle] + b"\xff" + line[middle:] + b"\n")
    with pytest.raises(ImportFailed, match=f"byte {middle}: is not valid utf-8"):
        import_paths(open_project(tmp_path / "b.annotator"), [path])


def test_a_file_changed_before_its_long_text_is_stored_is_refused(tmp_path, long_lines_at_one_mb):
    path = tmp_path / "long.jsonl"
    line = long_record().encode()
    path.write_bytes(line + b"\n")

    def change_the_file(count: int) -> None:  # once the record is read, before it is stored
        path.write_bytes(line.replace("العسكري".encode(), "العسكرى".encode()) + b"\n")

    with open_project(tmp_path / "p.annotator") as project:
        with pytest.raises(InputError, match="changed while it was read"):
            import_paths(project, [path], progress=change_the_file)
        assert project.document_count() == 0


ALPHABET = ["a", "ب", "😀", "\\", '"', "\n", "\t", "\u2028", "é", " ", "\x01", "/"]


@pytest.mark.parametrize("seed", range(6))
def test_long_strings_read_in_pieces_are_the_strings_json_reads(tmp_path, monkeypatch, seed):
    # Tiny reads and pieces cut escapes, surrogate pairs and characters everywhere.
    rng = random.Random(seed)
    monkeypatch.setattr(decoding, "LINE_CHUNK", rng.randint(2, 9))
    monkeypatch.setattr(long_lines, "PIECE", rng.randint(16, 20))
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300))) for _ in range(40)]
    path = tmp_path / "pieces.jsonl"
    records = [{"text": text, "meta": {"copy": text}} for text in texts]
    lines = [json.dumps(record, ensure_ascii=rng.random() < 0.5) for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = list(iter_json_lines(path, None, long_line=40))
    assert [obj["meta"] for _, obj in read] == [record["meta"] for record in records]
    for text, (_, obj) in zip(texts, read, strict=True):
        streamed = obj["text"]
        if not isinstance(streamed, StreamedString):
            assert streamed == text
            continue
        assert (len(streamed), streamed[:]) == (len(text), text)
        assert b"".join(streamed.utf8_pieces()) == text.encode()
        assert streamed.content_hash == hashlib.sha256(text.encode()).hexdigest()
        assert streamed.head == text[:2000]
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2))
        assert streamed[cuts[0] : cuts[1]] == text[cuts[0] : cuts[1]]
        assert streamed.astral_positions() == [i for i, c in enumerate(text) if c > "\uffff"]


def test_doccano_offsets_in_utf16_units_are_converted_in_a_long_text(
    tmp_path, long_lines_at_one_mb
):
    start = LONG.find("روسيا", len(LONG) // 2)
    units = start + LONG[:start].count("😀")  # an editor counts two for each emoji before
    path = tmp_path / "doccano.jsonl"
    record = {"text": LONG, "label": [[units, units + 5, "actor"]]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_project(tmp_path / "p.annotator") as project:
        import_paths(project, [path], offsets="utf16")
        [span] = project.spans(1)
        assert (span.start, span.end) == (start, start + 5)
