"""Importers for the public corpora users start from, on small fixtures of our own."""

import json
from pathlib import Path

import pytest

from annotator.io.exporting import export_project
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import Project

CONLLU = """# newdoc id = d1
# sent_id = d1-1
# text = وقعت روسيا اتفاقية.
1\tوقعت\t_\tVERB\t_\t_\t0\troot\t_\t_
2\tروسيا\t_\tPROPN\t_\t_\t1\tnsubj\t_\t_
3\tاتفاقية\t_\tNOUN\t_\t_\t1\tobj\t_\tSpaceAfter=No
4\t.\t_\tPUNCT\t_\t_\t1\tpunct\t_\t_

# sent_id = d1-2
# text = ثم عادت.
1\tثم\t_\tCCONJ\t_\t_\t2\tcc\t_\t_

# newdoc id = d2
# sent_id = d2-1
# text = خبر ثان.
1\tخبر\t_\tNOUN\t_\t_\t0\troot\t_\t_
"""

EVENTS = [
    {
        "source": "S-1",
        "text": "قام عدد من جنود «المارينز» بقتل المدنيين في البلدة.",
        "event_type": "ASSAULT",
        "spans": [
            {
                "source_actor": ["جنود", "«", "المارينز"],
                "verb": ["قتل"],
                "target_actor": ["المدنيين"],
            }
        ],
    },
    {
        "source": "S-2",
        "text": "انفجرت سيارة مما أدى الى مقتل عشرة اشخاص.",
        "spans": [{"source_actor": [], "verb": ["انفجرت", "مقتل"], "target_actor": []}],
    },
]


def texts_of(project):
    return [
        (doc.text, [(doc.text[s.start : s.end], s.label) for s in spans])
        for doc, spans in project.iter_documents()
    ]


def test_conllu_documents_are_their_sentences_one_per_line(tmp_path):
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, "utf-8")
    project = Project.in_memory()
    import_paths(project, [path])
    assert texts_of(project) == [("وقعت روسيا اتفاقية.\nثم عادت.", []), ("خبر ثان.", [])]
    [first, _] = [doc for doc, _ in project.iter_documents()]
    assert first.meta == {"newdoc_id": "d1", "sent_ids": ["d1-1", "d1-2"]}


def test_event_gsr_tokens_become_actor_and_event_spans_split_where_discontinuous(tmp_path):
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(EVENTS, ensure_ascii=False), "utf-8")
    project = Project.in_memory()
    import_paths(project, [path])
    assert texts_of(project) == [
        (
            EVENTS[0]["text"],
            [("جنود «المارينز", "actor"), ("قتل", "event"), ("المدنيين", "actor")],
        ),
        (EVENTS[1]["text"], [("انفجرت", "event"), ("مقتل", "event")]),
    ]


def test_event_gsr_token_missing_from_the_text_names_the_record(tmp_path):
    broken = [dict(EVENTS[1], spans=[{"verb": ["هجوم"]}])]
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), "utf-8")
    project = Project.in_memory()
    with pytest.raises(ImportFailed, match=r"spans\.json \(record 1\): token 'هجوم' not found"):
        import_paths(project, [path])
    assert project.document_count() == 0


def test_csv_text_column_with_other_columns_as_meta(tmp_path):
    path = tmp_path / "gsr.csv"
    path.write_text('id,text,label\nA-1,"خبر، مع فاصلة",yes\n', "utf-8")
    project = Project.in_memory()
    import_paths(project, [path])
    [(doc, _)] = list(project.iter_documents())
    assert (doc.text, doc.meta) == ("خبر، مع فاصلة", {"id": "A-1", "label": "yes"})


def test_corpora_round_trip_byte_for_byte_through_our_jsonl(tmp_path):
    (tmp_path / "spans.json").write_text(json.dumps(EVENTS, ensure_ascii=False), "utf-8")
    (tmp_path / "t.conllu").write_text(CONLLU, "utf-8")
    first = Project.in_memory()
    import_paths(first, [tmp_path])
    export_project(first, tmp_path / "one.jsonl")
    second = Project.in_memory()
    import_paths(second, [tmp_path / "one.jsonl"])
    export_project(second, tmp_path / "two.jsonl")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


# Four sentences of the GSR itself (MIT, openeventdata; see data/*.LICENSE.md).
GSR_SAMPLE = Path(__file__).parent / "data" / "openeventdata_gsr_sample.json"


def readable_links(project):
    found = []
    for document, spans in project.iter_documents():
        by_id = {span.id: span for span in spans}
        for link in project.links_of_document(document.id):
            event, argument = by_id[link.event], by_id[link.argument]
            found.append(
                (
                    document.text[event.start : event.end],
                    link.role,
                    document.text[argument.start : argument.end],
                )
            )
    return sorted(found)


def readable_attributes(project):
    return sorted(
        (doc.text[span.start : span.end], key, value)
        for doc, spans in project.iter_documents()
        for span in spans
        for key, value in span.attributes
    )


def test_event_gsr_keeps_each_event_linked_to_its_actors_with_their_codes():
    project = Project.in_memory()
    import_paths(project, [GSR_SAMPLE])
    assert readable_links(project) == sorted(
        [
            # An event given by three items of one sentence: each link once.
            ("هاجم", "agent", "مفجرون انتحاريون"),
            ("هاجم", "target", "سياسيين بينهم زعيمة المعارضة بي نظير بوتو"),
            ("هاجم", "target", "سياسيين"),
            ("اغتيلت", "agent", "مفجرون انتحاريون"),
            ("اغتيلت", "target", "سياسيين بينهم زعيمة المعارضة بي نظير بوتو"),
            # A discontinuous actor is linked by its first run.
            ("مقتل", "target", "الجيش الاميركي"),
            ("وفجر", "agent", "المهاجمون"),
            ("وفجر", "target", "3 قطارات للمترو وإحدى الحافلات"),
            ("وفجر", "target", "قطارات"),
            # A discontinuous verb (لم يتورع ... عن احراق) heads its event by its first run.
            ("لم يتورع", "agent", "التونسيين"),
            ("احراق نفسه", "agent", "أحد التونسيين الشباب"),
            ("احراق نفسه احتجاجاً", "agent", "أحد التونسيين الشباب"),
        ]
    )
    assert readable_attributes(project) == sorted(
        [
            ("هاجم", "type", "attack"),
            ("اغتيلت", "type", "attack"),
            ("مقتل", "type", "attack"),
            ("وفجر", "type", "attack"),
            ("لم يتورع", "type", "protest"),
            ("احراق نفسه", "type", "protest"),
            ("احراق نفسه احتجاجاً", "type", "protest"),
            # "None" (and "UNKNOWN", a whole role of the file) is no code.
            ("مفجرون انتحاريون", "cameo_role", "UAF"),
            ("سياسيين بينهم زعيمة المعارضة بي نظير بوتو", "country", "PAK"),
            ("سياسيين بينهم زعيمة المعارضة بي نظير بوتو", "cameo_role", "OPP"),
            ("سياسيين", "cameo_role", "GOV"),
            # Two events give this actor two countries: both kept, in the file's order.
            ("الجيش الاميركي", "country", "IRQ/USA"),
            ("الجيش الاميركي", "cameo_role", "MIL"),
            ("المهاجمون", "cameo_role", "UAF"),
            ("التونسيين", "country", "TUN"),
            ("أحد التونسيين الشباب", "country", "TUN"),
        ]
    )
    # The second run of the discontinuous verb stays an event span, unlinked and untyped.
    [(protest, spans)] = [(d, s) for d, s in project.iter_documents() if "احراق" in d.text]
    assert ("عن احراق", "event", ()) in [
        (protest.text[s.start : s.end], s.label, s.attributes) for s in spans
    ]


def test_event_gsr_type_the_project_lacks_is_refused_naming_the_record(tmp_path):
    sample = json.loads(GSR_SAMPLE.read_text("utf-8"))
    path = tmp_path / "spans.json"
    path.write_text(json.dumps([sample[0], dict(sample[1], event_type="RIOT")]), "utf-8")
    project = Project.in_memory()
    with pytest.raises(
        ImportFailed, match=r"spans\.json \(record 2\): .*unknown event type 'riot'"
    ):
        import_paths(project, [path])
    assert project.document_count() == 0
