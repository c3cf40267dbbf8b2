"""A small project whose spans exercise every format's corner: clitics, nesting, CRLF, values."""

from __future__ import annotations

from annotator.core.model import Document, Span, Status
from annotator.storage import Project

# Spans are found by text, so the fixture reads as what an annotator marked.
FIRST = (
    "وقعت روسيا وكوريا الشمالية اتفاقية دفاع مشترك.\nوأرسلت بيونغ يانغ أكثر من 1500 جندي إلى روسيا؟"
)
SECOND = "قصفت القوات\r\nمدينة خاركيف بالصواريخ ليلا"
THIRD = "لم يعلن عن خسائر"


def span(text: str, needle: str, label: str, occurrence: int = 0, **extra) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), label, **extra)


def first_spans() -> list[Span]:
    return [
        span(FIRST, "روسيا", "actor", annotator="amal"),
        span(FIRST, "كوريا الشمالية", "actor", annotator="amal"),
        # An event holding an actor and a number: nested spans.
        span(FIRST, "أرسلت بيونغ يانغ أكثر من 1500 جندي", "event", annotator="omar"),
        span(FIRST, "بيونغ يانغ", "actor", annotator="omar"),
        span(FIRST, "1500", "number", annotator="omar", value=1500),
        span(FIRST, "روسيا", "actor", occurrence=1, annotator="amal"),
        # Cut inside a word: no tokenizer puts a token edge there.
        span(FIRST, "مشتر", "event", annotator="amal"),
    ]


def second_spans() -> list[Span]:
    return [
        # Crosses the CRLF line break.
        span(SECOND, "قصفت القوات\r\nمدينة خاركيف", "event", annotator="amal"),
        span(SECOND, "خاركيف", "actor", annotator="amal"),
        span(SECOND, "الصواريخ", "weapon", annotator="amal"),
    ]


def sample_project() -> Project:
    project = Project.in_memory()
    project.import_documents(
        [
            (Document("اتفاقية دفاع", FIRST, status=Status.DONE), first_spans()),
            (Document("قصف خاركيف", SECOND, status=Status.IN_PROGRESS), second_spans()),
            (Document("خسائر", THIRD), []),
        ]
    )
    return project


def stored(project: Project) -> list[tuple[str, list[tuple[int, int, str, object]]]]:
    """Texts and spans (offsets, label, value) as a user would compare them."""
    return [
        (doc.text, sorted((s.start, s.end, s.label, s.value) for s in spans))
        for doc, spans in project.iter_documents()
    ]
