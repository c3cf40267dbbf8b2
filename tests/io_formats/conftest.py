import pytest
from sample_project import sample_project

from annotator.core.edits import AddSpan
from annotator.core.link_edits import AddLink, SetAttribute, SetEventType
from annotator.core.model import Document
from annotator.storage import Project


@pytest.fixture
def project() -> Project:
    return sample_project()


@pytest.fixture
def linked(seed_text):
    """The pact (two agents, type agreement), the troop dispatch (untyped) with country
    codes, and a document without links."""
    project = Project.in_memory()
    project.add_document(Document("article", seed_text, source="seeds/article.txt"))
    ids = {}

    def span(label, phrase, after):
        start = seed_text.index(phrase, seed_text.index(after))
        project.apply(AddSpan(1, start, start + len(phrase), label))
        ids[(label, phrase, after)] = project.find_span(1, start, start + len(phrase), label).id
        return ids[(label, phrase, after)]

    pact = "وقعت"
    signed = span("event", pact, pact)
    russia = span("actor", "روسيا", pact)
    korea = span("actor", "كوريا الشمالية", pact)
    project.apply(AddLink(signed, russia, "agent"))
    project.apply(AddLink(signed, korea, "agent"))
    project.apply(SetEventType(signed, "agreement"))
    sent = span("event", "أرسلت", "بيونغ يانغ أرسلت")
    pyongyang = span("actor", "بيونغ يانغ", "بيونغ يانغ أرسلت")
    troops = span("number", "1500", "بيونغ يانغ أرسلت")
    target = span("actor", "روسيا", "1500")
    for argument, role in ((pyongyang, "agent"), (troops, "quantity"), (target, "target")):
        project.apply(AddLink(sent, argument, role))
    project.apply(SetAttribute(troops, "value", 1500))
    project.apply(SetAttribute(troops, "unit", "جندي"))
    project.apply(SetAttribute(troops, "kind", "soldiers of an army"))  # not a brat name
    project.apply(SetAttribute(pyongyang, "country", "PRK"))
    project.apply(SetAttribute(russia, "country", "RUS"))
    project.add_document(Document("plain", "خبر بلا روابط", source="plain.txt"))
    project.apply(AddSpan(2, 0, 3, "event"))
    return project
