"""A format that cannot hold links (IOB2, Hugging Face token tags, spaCy DocBin) writes the
spans it can and counts, in the report the CLI prints, the links and attributes it left
out, as it counts overlaps."""

from __future__ import annotations

import io

import pytest
from sample_project import sample_project

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
