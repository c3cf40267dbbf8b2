"""spaCy trains on every exported entity: the config written beside the DocBin names our tokenizer.

spaCy's own Arabic tokenizer keeps proclitics attached ('وكوريا'), so before, every entity after
a clitic was silently a missing value in training (29 of the 76 entities of the annotated sample).
These tests run spaCy itself: the config, ``spacy debug data`` and a 50-step ``spacy train``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from annotated_seed import annotated_seed, annotated_seed_project
from sample_project import sample_project

from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.spacy_tokenizer import TOKENIZER_NAME
from annotator.storage import Project

spacy = pytest.importorskip("spacy")


def entities_spacy_sees(config: Path, docbin: Path) -> tuple[int, int]:
    """(entities in the DocBin, entities that line up with the config's tokenizer), as training."""
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.util.load_model_from_config(spacy.util.load_config(config), auto_fill=True)
    exported = seen = 0
    for reference in DocBin().from_disk(docbin).get_docs(nlp.vocab):
        example = Example(nlp.make_doc(reference.text), reference)
        tags = example.get_aligned_ner()
        exported += len(reference.ents)
        seen += sum(1 for tag in tags if tag and tag[0] in "BU")
        assert None not in tags  # no token left as a missing value
    return exported, seen


def spacy_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "spacy", *args], cwd=cwd, capture_output=True, text=True
    )


NAMES = "استقبل الرئيس وكزيمبراغ وتشيلوفيسكا في مدريد"


def unknown_names_project():
    """Names no word list knows, after a clitic (the tokenizer alone keeps them whole): only the spans tell where to cut."""
    project = Project.in_memory()
    spans = [
        Span(NAMES.index(n), NAMES.index(n) + len(n), "actor") for n in ("كزيمبراغ", "تشيلوفيسكا")
    ]
    project.import_documents([(Document("names", NAMES), spans)])
    return project


def test_the_spacy_export_writes_a_config_naming_our_tokenizer_with_the_forms_it_needs(tmp_path):
    export_project(unknown_names_project(), tmp_path / "train.spacy", fmt="spacy")
    config = spacy.util.load_config(tmp_path / "config.cfg")
    assert config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME
    assert config["nlp"]["tokenizer"]["forms"] == ["تشيلوفيسكا", "كزيمبراغ"]
    assert config["nlp"]["pipeline"] == ["tok2vec", "ner", "spancat"]
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    doc = nlp.make_doc("وقعت روسيا وكوريا الشمالية\r\nاتفاقية مع وكزيمبراغ")
    assert [t.text for t in doc] == [
        "وقعت",
        "روسيا",
        "و",
        "كوريا",
        "الشمالية",
        "\r\n",
        "اتفاقية",
        "مع",
        "و",
        "كزيمبراغ",
    ]
    exported, seen = entities_spacy_sees(tmp_path / "config.cfg", tmp_path / "train.spacy")
    assert (exported, seen) == (2, 2)


def test_spacy_training_sees_every_exported_entity_of_the_annotated_sample(tmp_path):
    text, spans = annotated_seed()
    assert len(spans) == 85
    report = export_project(annotated_seed_project(), tmp_path / "train.spacy", fmt="spacy")
    assert report.spans_written == len(spans)
    exported, seen = entities_spacy_sees(tmp_path / "config.cfg", tmp_path / "train.spacy")
    assert (exported, seen) == (76, 76)  # the 9 nested spans are in doc.spans["sc"]


def test_spacy_debug_data_finds_no_misaligned_token_or_whitespace_entity(tmp_path):
    export_project(annotated_seed_project(), tmp_path / "train.spacy", fmt="spacy")
    result = spacy_cli(
        "debug",
        "data",
        "config.cfg",
        "--paths.train",
        "train.spacy",
        "--paths.dev",
        "train.spacy",
        cwd=tmp_path,
    )
    out = result.stdout
    assert "Corpus is loadable" in out, out + result.stderr
    assert "Pipeline can be initialized with data" in out
    assert "misaligned" not in out
    assert "No entities consisting of or starting/ending with whitespace" in out
    assert "No entities crossing sentence boundaries" in out


def test_spacy_trains_50_steps_on_the_export_and_the_trained_pipeline_tokenizes_as_we_do(tmp_path):
    # dev is the document again: one article is all there is; this checks the run, not a score.
    export_project(annotated_seed_project(), tmp_path / "train.spacy", fmt="spacy")
    result = spacy_cli(
        "train",
        "config.cfg",
        "--paths.train",
        "train.spacy",
        "--paths.dev",
        "train.spacy",
        "--training.max_steps",
        "50",
        "--training.eval_frequency",
        "50",
        "--output",
        "model",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    nlp = spacy.load(tmp_path / "model" / "model-last")
    doc = nlp("وأرسلت بيونغ يانغ جنودا إلى روسيا وكوريا الشمالية")
    assert [t.text for t in doc][-3:] == ["و", "كوريا", "الشمالية"]


def test_train_and_dev_exported_one_after_the_other_share_one_tokenizer(tmp_path):
    project = sample_project()
    export_project(project, tmp_path / "train.spacy", fmt="spacy", statuses=None)
    first = spacy.util.load_config(tmp_path / "config.cfg")["nlp"]["tokenizer"]["forms"]
    export_project(unknown_names_project(), tmp_path / "dev.spacy", fmt="spacy")
    both = spacy.util.load_config(tmp_path / "config.cfg")["nlp"]["tokenizer"]["forms"]
    assert set(first) < set(both)
    for docbin in ("train.spacy", "dev.spacy"):
        exported, seen = entities_spacy_sees(tmp_path / "config.cfg", tmp_path / docbin)
        assert seen == exported


def test_a_config_not_written_by_annotator_is_left_alone_and_the_export_says_so(tmp_path):
    mine = tmp_path / "config.cfg"
    mine.write_text('[nlp]\nlang = "en"\n', encoding="utf-8")
    report = export_project(sample_project(), tmp_path / "train.spacy", fmt="spacy")
    assert mine.read_text(encoding="utf-8") == '[nlp]\nlang = "en"\n'
    assert any("not written by annotator" in line for line in report.messages())
    assert (tmp_path / "train.spacy").exists()


def test_a_split_writes_one_config_beside_the_parts(tmp_path):
    report = export_project(sample_project(), tmp_path / "out", fmt="spacy", split="0.5,0.5")
    exported = seen = 0
    for part, count in report.parts.items():
        if count:
            docbin = tmp_path / "out" / f"{part}.spacy"
            counts = entities_spacy_sees(tmp_path / "out" / "config.cfg", docbin)
            exported, seen = exported + counts[0], seen + counts[1]
    assert seen == exported > 0
    # The config names no path: the staging folder it was written in is gone.
    assert ".part" not in (tmp_path / "out" / "config.cfg").read_text(encoding="utf-8")
    # The notice tells the user where the config is, not where it was staged.
    (notice,) = [line for line in report.messages() if "spacy train" in line]
    assert f"python -m spacy train {tmp_path / 'out' / 'config.cfg'} " in notice
