"""brat carries events, their arguments and span attributes: E lines (the trigger's type
is the event's type), A lines, and an annotation.conf brat's own rules accept; an export
read back and written again gives the same bytes, and a bad E or A line is one error
naming the file and line, with nothing imported."""

from __future__ import annotations

import pytest
from brat_rules import brat_errors

from annotator.io.exporting import export_project
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import Project


def ann(folder, stem="doc-000001"):
    return (folder / f"{stem}.ann").read_text(encoding="utf-8").splitlines()


def test_events_arguments_and_attributes_are_e_and_a_lines_brat_accepts(linked, tmp_path):
    out = tmp_path / "brat"
    report = export_project(linked, out, fmt="brat")
    lines = ann(out)
    bounds = {line.split("\t")[0]: line.split("\t") for line in lines if line.startswith("T")}

    def named(ident):
        return bounds[ident][2]

    events = [line.split("\t")[1].split(" ") for line in lines if line.startswith("E")]
    readable = [
        [f"{part.split(':')[0]}={named(part.split(':')[1])}" for part in event] for event in events
    ]
    assert readable == [
        ["agreement=وقعت", "agent=روسيا", "agent2=كوريا الشمالية"],
        ["event=أرسلت", "agent=بيونغ يانغ", "target=روسيا", "quantity=1500"],
    ]
    # The trigger's T line carries the event type; the untyped event keeps its label.
    assert [bounds[e[0].split(":")[1]][1].split(" ")[0] for e in events] == ["agreement", "event"]
    attributes = sorted(
        (line.split("\t")[1].split(" ")[0], named(line.split(" ")[1]), line.split(" ")[2])
        for line in lines
        if line.startswith("A")
    )
    assert attributes == [
        ("country", "بيونغ يانغ", "PRK"),
        ("country", "روسيا", "RUS"),
        ("unit", "1500", "جندي"),
    ]
    assert any(line.endswith("\tvalue=1500") for line in lines if line.startswith("#"))
    assert report.not_held == {
        "attribute value(s) not written (brat values are names: no spaces,"
        " none of , | : = # < >)": 1
    }
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "agreement\tagent*:actor, target*:actor, instrument*:weapon, quantity*:number\n" in conf
    assert "country\tArg:actor, Value:PRK|RUS\n" in conf
    # The document without links is written as before: a T line, no E line.
    assert ann(out, "doc-000002") == ["T1\tevent 0 3\tخبر"]
    assert brat_errors(out) == []


def test_the_checker_finds_what_brat_refuses_in_events_and_attributes(linked, tmp_path):
    out = tmp_path / "brat"
    export_project(linked, out, fmt="brat")
    conf = out / "annotation.conf"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(
        text.replace("agent*:actor", "agent:actor").replace("Value:PRK|RUS", "Value:RUS"),
        encoding="utf-8",
    )
    errors = brat_errors(out)
    assert "doc-000001.ann E1: agreement cannot take multiple agent arguments" in errors
    assert any("['PRK'] is not a value of country" in error for error in errors)
    assert "doc-000002.ann" not in " ".join(errors)


def test_brat_export_import_export_gives_the_same_bytes(linked, tmp_path):
    first = tmp_path / "first"
    export_project(linked, first, fmt="brat")
    again = Project.in_memory()
    import_paths(again, [first], fmt="brat")
    second = tmp_path / "second"
    export_project(again, second, fmt="brat")
    for name in ("doc-000001.ann", "doc-000002.ann", "annotation.conf", "doc-000001.txt"):
        assert (second / name).read_bytes() == (first / name).read_bytes(), name
    signed = next(span for span in again.spans(1) if span.label == "event" and span.attributes)
    assert dict(signed.attributes) == {"type": "agreement"}
    roles = sorted(link.role for link in again.links_of_document(1))
    assert roles == ["agent", "agent", "agent", "quantity", "target"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("E3\tagreement:T99 agent:T1", "trigger 'T99' is not a T line of this file"),
        ("E3\tmeeting:T2", "event type 'meeting' differs from its trigger's type 'actor'"),
        ("E3\tagreement:T1", "T1 is already the trigger of E1"),
        ("E3\tactor:T2", "event type 'actor' is neither an event label nor an event type"),
        ("A9\tcountry T1 PAK", "label 'event' has no attribute 'country'"),
        ("A9\tcountry T2", "binary attributes have no place"),
        ("A9\tcountry T2 PAK", "T2 has attribute 'country' twice"),
        ("E1\tevent:T5", "E1 is defined twice (first on line"),
        ("A9\ttype E1 attack", "an event's type is the type of its E line"),
    ],
)
def test_a_bad_e_or_a_line_names_the_file_and_line_and_nothing_is_imported(
    linked, tmp_path, line, reason
):
    out = tmp_path / "brat"
    export_project(linked, out, fmt="brat")
    path = out / "doc-000001.ann"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    again = Project.in_memory()
    with pytest.raises(ImportFailed) as failed:
        import_paths(again, [out], fmt="brat")
    assert f"{path}:{len(lines) + 1}: " in str(failed.value)
    assert reason in str(failed.value)
    assert again.document_count() == 0


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (" quantity:", " victim:", "unknown role 'victim'"),
        (" target:T7", " target:T6", "role 'target' takes actor, not a span labelled 'number'"),
    ],
)
def test_an_argument_the_project_refuses_is_refused_with_its_line(
    linked, tmp_path, old, new, reason
):
    out = tmp_path / "brat"
    export_project(linked, out, fmt="brat")
    path = out / "doc-000001.ann"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new), encoding="utf-8")
    number = next(n for n, line in enumerate(text.splitlines(), 1) if old in line)
    with pytest.raises(ImportFailed) as failed:
        import_paths(Project.in_memory(), [out], fmt="brat")
    assert f"doc-000001.ann:{number}: " in str(failed.value)
    assert reason in str(failed.value)
