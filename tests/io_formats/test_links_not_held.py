"""A format that cannot hold links (IOB2, Hugging Face token tags, spaCy DocBin) writes the
spans it can and counts, in the report the CLI prints, the links and attributes it left
out, as it counts overlaps."""

from __future__ import annotations

import io
import json

import pytest
from sample_project import sample_project

from annotator.core.errors import ProjectError
from annotator.io.exporting import export_project

NOT_HELD = "{fmt}: 5 link(s) and 5 attribute(s) not written ({fmt} cannot hold them)"


def test_iob2_counts_the_links_and_attributes_it_cannot_hold(linked):
    report = export_project(linked, io.StringIO(), fmt="iob2")
    # The pact's 2 links and the dispatch's 3; a type, a unit, a kind and two countries.
    assert NOT_HELD.format(fmt="iob2") in report.messages()
    assert report.spans_written == 8


@pytest.mark.parametrize("fmt", ["hf", "spacy"])
def test_token_tag_formats_count_them_too(linked, tmp_path, fmt):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    report = export_project(linked, tmp_path / fmt, fmt=fmt, split="0.5,0.5")
    assert NOT_HELD.format(fmt=fmt) in report.messages()


@pytest.mark.parametrize("fmt", ["native", "brat"])
def test_formats_that_hold_links_report_none_left_out(linked, tmp_path, fmt):
    report = export_project(linked, tmp_path / fmt, fmt=fmt)
    assert (report.links_not_written, report.attributes_not_written) == (0, 0)


def test_an_export_without_links_says_nothing_of_them():
    report = export_project(sample_project(), io.StringIO(), fmt="iob2")
    assert not any("link" in message for message in report.messages())


def test_a_link_to_a_span_left_out_by_label_is_not_counted(linked):
    # Without the number 1500, the dispatch's quantity link goes with it: the pact's 2
    # links and the dispatch's agent and target are left, with the type and two countries.
    report = export_project(linked, io.StringIO(), fmt="iob2", labels=["event", "actor"])
    assert (
        NOT_HELD.replace("5 link", "4 link").replace("5 attr", "3 attr").format(fmt="iob2")
        in report.messages()
    )
    # Those four are what a format that holds links writes of the same selection.
    native = io.StringIO()
    export_project(linked, native, fmt="native", labels=["event", "actor"])
    lines = [json.loads(line) for line in native.getvalue().splitlines()]
    assert sum(len(line.get("links", [])) for line in lines) == report.links_not_written


def test_links_of_documents_left_out_by_annotator_are_not_counted(linked):
    report = export_project(linked, io.StringIO(), fmt="iob2", annotators=["nobody"])
    assert (report.documents, report.links_not_written) == (0, 0)


def test_a_damaged_link_stops_only_the_exports_that_write_links(linked):
    linked.conn.execute("PRAGMA foreign_keys = OFF")
    linked.conn.execute("UPDATE links SET role = 'witness' WHERE id = 1")
    report = export_project(linked, io.StringIO(), fmt="iob2")  # counts it, reads no link
    assert report.links_not_written == 5
    with pytest.raises(ProjectError, match="damaged project: links row 1: role 'witness'"):
        export_project(linked, io.StringIO(), fmt="native")
