"""The sample article (seeds/) annotated as an annotator would: every mention, clitics left out.

Each mention is marked wherever it stands as a word, also after a proclitic ('وكوريا',
'لروسيا', 'وبكين'), which is where spaCy's own Arabic tokenizer loses entities. Numbers sit
inside weapons and actors inside events, so there are nested spans too.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.storage import Project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_691f64315ff478ca.txt"

MENTIONS = [
    ("بوتين", "actor"),
    ("كيم جونغ أون", "actor"),
    ("رويترز", "actor"),
    ("روسيا", "actor"),
    ("كوريا الشمالية", "actor"),
    ("كوريا الجنوبية", "actor"),
    ("إيران", "actor"),
    ("الصين", "actor"),
    ("الولايات المتحدة الأميركية", "actor"),
    ("اليابان", "actor"),
    ("الفلبين", "actor"),
    ("أستراليا", "actor"),
    ("الهند", "actor"),
    ("موسكو", "actor"),
    ("بكين", "actor"),
    ("بيونغ يانغ", "actor"),
    ("طهران", "actor"),
    ("واشنطن", "actor"),
    ("سيول", "actor"),
    ("الناتو", "actor"),
    ("حلف شمال الأطلسي", "actor"),
    ("وون سيك", "actor"),
    ("الطائرات المسيرة", "weapon"),
    ("الصواريخ الباليستية", "weapon"),
    ("قذائف المدفعية عيار 152 ملم", "weapon"),
    ("قاذفات الصواريخ المتعددة عيار 122 ملم", "weapon"),
    ("سفينة حربية", "weapon"),
    ("1500", "number"),
    ("12 ألف", "number"),
    ("6700", "number"),
    ("ثلاثة ملايين", "number"),
    ("500 ألف", "number"),
    ("13 ألف", "number"),
    ("400", "number"),
    ("19 ألف", "number"),
    ("152", "number"),
    ("122", "number"),
    ("أرسلت أكثر من 1500 جندي", "event"),
    ("وقعت روسيا وكوريا الشمالية اتفاقية دفاع مشترك", "event"),
    ("بشحن نحو 6700 حاوية إلى روسيا", "event"),
    ("أجرت واشنطن وسيول عدة تدريبات مشتركة", "event"),
    ("توقيع اتفاقية دفاع مشتركة", "event"),
    ("المناورات البحرية", "event"),
    ("هجومًا نوويًا", "event"),
    ("حرب أوكرانيا", "event"),
]
# After nothing, or after a proclitic at the start of a word (و ف ب ل ك, وب ول وك).
_BEFORE = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك]))"


def annotated_seed() -> tuple[str, list[Span]]:
    text = SEED.read_text(encoding="utf-8")
    spans = []
    for needle, label in MENTIONS:
        pattern = re.compile(rf"{_BEFORE}{re.escape(needle)}(?![\w\u064b-\u0652])")
        spans.extend(Span(m.start(), m.end(), label) for m in pattern.finditer(text))
    return text, sorted(spans, key=lambda span: (span.start, -span.end))


def annotated_seed_project() -> Project:
    text, spans = annotated_seed()
    project = Project.in_memory()
    project.import_documents([(Document("الشراكة الدفاعية", text), spans)])
    return project
