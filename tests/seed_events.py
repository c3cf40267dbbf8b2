"""The sample article's two events, tagged as an annotator would: the pact's signing
(وقعت روسيا وكوريا الشمالية) and the troop dispatch (بيونغ يانغ أرسلت أكثر من 1500 جندي ...
إلى روسيا). Offsets are found in the text, never written down."""

from __future__ import annotations

from annotator.core.edits import AddSpan

PACT = "وقعت روسيا وكوريا الشمالية"
DISPATCH = "بيونغ يانغ أرسلت"


def place(text: str, phrase: str, after: str = "", *, at: int = 0) -> tuple[int, int]:
    """Offsets of ``phrase`` in ``text``, the first after the first ``after`` (from ``at``)."""
    start = text.index(phrase, text.index(after, at) if after else at)
    return start, start + len(phrase)


def tag(project, text: str, label: str, phrase: str, after: str = "", document: int = 1) -> int:
    """Tag ``phrase`` (the first after ``after``) in ``document``; the new span's id."""
    start, end = place(text, phrase, after)
    project.apply(AddSpan(document, start, end, label))
    return project.find_span(document, start, end, label).id


def tag_pact(project, text: str) -> dict[str, int]:
    return {
        "event": tag(project, text, "event", "وقعت", PACT),
        "russia": tag(project, text, "actor", "روسيا", PACT),
        "korea": tag(project, text, "actor", "كوريا الشمالية", PACT),
    }


def tag_dispatch(project, text: str) -> dict[str, int]:
    return {
        "agent": tag(project, text, "actor", "بيونغ يانغ", DISPATCH),
        "event": tag(project, text, "event", "أرسلت", DISPATCH),
        "quantity": tag(project, text, "number", "1500", DISPATCH),
        "target": tag(project, text, "actor", "روسيا", DISPATCH),
    }
