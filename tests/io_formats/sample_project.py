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


# The links of the linked sample: (document, event, role, argument), each span found by its
# text (the occurrence after the event for روسيا), as an annotator joined them.
SAMPLE_LINKS = [
    (1, "أرسلت بيونغ يانغ أكثر من 1500 جندي", "agent", "بيونغ يانغ"),
    (1, "أرسلت بيونغ يانغ أكثر من 1500 جندي", "quantity", "1500"),
    (1, "أرسلت بيونغ يانغ أكثر من 1500 جندي", "target", "روسيا"),
    (1, "مشتر", "agent", "كوريا الشمالية"),  # the event cut inside a word
    (2, "قصفت القوات\r\nمدينة خاركيف", "target", "خاركيف"),
    (2, "قصفت القوات\r\nمدينة خاركيف", "instrument", "الصواريخ"),
]


def linked_sample_project() -> Project:
    """The sample with its events linked to their arguments, and the dispatch typed."""
    from annotator.core.link_edits import AddLink, SetEventType

    project = sample_project()
    for document_id, event, role, argument in SAMPLE_LINKS:
        project.apply(
            AddLink(
                _span_id(project, document_id, event),
                _span_id(project, document_id, argument),
                role,
            )
        )
    project.apply(SetEventType(_span_id(project, 1, SAMPLE_LINKS[0][1]), "deployment"))
    return project


def _span_id(project: Project, document_id: int, needle: str) -> int:
    text = project.get_document(document_id).text
    spans = project.spans(document_id)
    found = [s for s in spans if s.text_in(text) == needle]
    return found[-1].id  # روسيا: the second occurrence, the dispatch's target


def stored_links(project: Project) -> list[tuple[str, str, str]]:
    """Every link as (event text, role, argument text), as a user would compare them."""
    found = []
    for document, _spans in project.iter_documents():
        text = document.text
        spans = {span.id: span for span in project.spans(document.id)}
        for link in project.links_of_document(document.id):
            found.append(
                (spans[link.event].text_in(text), link.role, spans[link.argument].text_in(text))
            )
    return sorted(found)
