from PySide6.QtGui import QColor

from annotator.qt.highlights import stacking_depths
from tests.qt.conftest import drawn_extent


def test_a_nested_span_sits_above_its_container():
    weapon, number = (10, 40), (30, 33)
    assert stacking_depths([number, weapon]) == [1, 0]


def test_spans_side_by_side_share_the_lowest_band():
    assert stacking_depths([(0, 5), (5, 9), (9, 12)]) == [0, 0, 0]


def test_overlapping_spans_never_share_a_band():
    ranges = [(0, 10), (2, 4), (3, 12), (11, 14), (4, 6)]
    depths = stacking_depths(ranges)
    for i, (a_start, a_end) in enumerate(ranges):
        for j, (b_start, b_end) in enumerate(ranges):
            if i < j and a_start < b_end and b_start < a_end:
                assert depths[i] != depths[j]


def test_ranges_stacked_in_two_parts_get_the_bands_of_one_stacking():
    # A long document's spans are shown a page at a time: those still open where a
    # page starts keep their bands (``held``), and the page's spans avoid them.
    ranges = sorted(
        [(0, 30), (2, 9), (3, 5), (8, 20), (10, 12), (10, 14), (15, 40), (16, 18), (22, 25)]
    )
    whole = stacking_depths(ranges)
    for cut in range(1, len(ranges)):
        before, after = ranges[:cut], ranges[cut:]
        if before[-1][0] == after[0][0]:
            continue  # a page starts after every place before it
        held = [(end, depth) for (_, end), depth in zip(before, whole[:cut], strict=True)]
        assert stacking_depths(after, held) == whole[cut:], cut


PARAGRAPH = (
    "أرسلت كوريا الشمالية قذائف عيار 152 ملم إلى روسيا عبر NATO Council في عام 2024 مرة أخرى"
)


def _band_samples(view, image, qt_position: int, depth: int) -> set[str]:
    """Colours in the nesting band ``depth`` across the character as Qt draws it."""
    from annotator.qt.article_view import BAND

    left, right, middle = drawn_extent(view, qt_position, qt_position + 1)
    block = view.document().findBlock(qt_position)
    line = block.layout().lineForTextPosition(qt_position - block.position())
    y = round(middle + line.height() / 2) - BAND * depth - 2
    return {QColor(image.pixel(x, y)).name() for x in range(int(left) + 1, int(right) - 1)}


def test_highlights_sit_under_their_own_glyphs_after_scrolling(window, project):
    # Far down a long article, in wrapped lines mixing Arabic, digits and Latin: each
    # span's colour is under its own characters (numbers and Latin words are laid out
    # left to right inside the Arabic line), and under none of its neighbours.
    from annotator.core.model import Document, Span
    from tests.qt.conftest import scroll_to

    paragraphs = [f"{n} {PARAGRAPH} {PARAGRAPH}" for n in range(80)]
    text = "\n".join(paragraphs)
    shown = text.index(PARAGRAPH, text.index("\n60 "))  # paragraph 60, on no first screen
    wanted = {
        "actor": ["روسيا"],
        "weapon": ["قذائف عيار 152 ملم"],
        "number": ["152", "2024"],
        # Into a Latin phrase: "NATO" is drawn at its far end, "Council" between the two.
        "event": ["عبر NATO"],
    }
    spans = []
    for label, words in wanted.items():
        spans += [
            Span(shown + PARAGRAPH.index(w), shown + PARAGRAPH.index(w) + len(w), label)
            for w in words
        ]
    project.import_documents([(Document(title="long", text=text), spans)])
    window.open_document(project.find_document(text))
    view = window.view
    scroll_to(view, len(text))
    scroll_to(view, shown)
    assert view.verticalScrollBar().value() > 0
    image = view.viewport().grab().toImage()
    colors = {label.name: QColor(label.color).name() for label in project.labels()}
    number_in_weapon = shown + PARAGRAPH.index("152")
    for span in spans:
        depth = 1 if span.start == number_in_weapon else 0
        color = colors[span.label]
        for position in range(span.start, span.end):
            if not text[position].isspace():
                assert color in _band_samples(view, image, position, depth), (span, position)
        for outside in (span.start - 2, span.end + 1):  # a letter of each neighbouring word
            assert color not in _band_samples(view, image, outside, depth), (span, outside)


def test_proposals_arriving_are_stacked_as_on_a_fresh_open(window, project):
    # Proposals for a long article are added to what is shown: one nested in a span
    # (a number in a weapon) gets its own band above it, as when the article is opened.
    from annotator.arabic.suggest import Source, Suggestion
    from annotator.core.model import Document, Span
    from annotator.storage.suggestions import store_suggestions

    text = "\n".join(f"{n} {PARAGRAPH}" for n in range(30))
    weapons = [m for m in range(len(text)) if text.startswith("قذائف عيار 152 ملم", m)]
    spans = [Span(m, m + len("قذائف عيار 152 ملم"), "weapon") for m in weapons[::2]]
    project.import_documents([(Document(title="long", text=text), spans)])
    document = project.find_document(text)
    window.open_document(document)
    numbers = [m for m in range(len(text)) if text.startswith("152", m)]
    proposals = [Suggestion(m, m + 3, "number", 152, Source.NUMBERS) for m in numbers]
    proposals.append(Suggestion(0, 1, "number", 0, Source.NUMBERS))
    assert store_suggestions(project, {document: proposals}) == len(proposals)

    def drawn():
        return [(h.span.id, h.start, h.end, h.depth) for h in window.view.highlights()]

    arrived = drawn()
    assert {depth for *_, depth in arrived} == {0, 1}  # nested numbers above their weapon
    window.open_document(project.document_ids()[0])
    window.open_document(document)
    assert arrived == drawn()
