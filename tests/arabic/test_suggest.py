from annotator.arabic.suggest import (
    Gazetteer,
    Source,
    Suggestion,
    filter_new,
    number_suggestions,
    occurrence_suggestions,
    suggest_document,
)
from annotator.core.model import Span


def texts(text, suggestions):
    return [(text[s.start : s.end], s.label, s.value) for s in suggestions]


def test_numbers_carry_their_values():
    text = "أرسلت 12 ألف جندي في العام 2024"
    assert texts(text, number_suggestions(text)) == [("12 ألف", "number", 12000)]


def test_label_all_occurrences_of_russia_in_the_seed(seed_text):
    first = seed_text.index("روسيا")
    accepted = Span(first, first + 5, "actor")
    found = suggest_document(
        seed_text, [Source.OCCURRENCES], accepted=[accepted], existing=[accepted]
    )
    assert len(found) == 10
    assert all(seed_text[s.start : s.end] == "روسيا" and s.label == "actor" for s in found)
    assert {seed_text[s.start - 1] for s in found} == {" ", "ل", "و"}
    assert accepted.key() not in {s.key() for s in found}


def test_occurrences_leave_the_clitic_out():
    text = "دعم لروسيا وروسيا"
    assert texts(text, occurrence_suggestions(text, "روسيا", "actor")) == [
        ("روسيا", "actor", None),
        ("روسيا", "actor", None),
    ]


def test_gazetteer_proposes_accepted_forms_with_their_majority_label():
    gazetteer = Gazetteer.from_spans(
        [
            ("كوريا الشمالية", "actor"),
            ("روسيا", "actor"),
            ("روسيا", "actor"),
            ("روسيا", "event"),
            ("الطائرات المسيرة", "weapon"),
            ("12 ألف", "number"),
        ]
    )
    text = "دعمت إيران روسيا بالطائرات المسيرة، ووقعت روسيا وكوريا  الشمالية اتفاقا مع 12 ألف"
    assert texts(text, gazetteer.suggest(text)) == [
        ("روسيا", "actor", None),
        ("الطائرات المسيرة", "weapon", None),
        ("روسيا", "actor", None),
        ("كوريا  الشمالية", "actor", None),
    ]


def test_gazetteer_prefers_the_longest_form_and_respects_word_ends():
    gazetteer = Gazetteer({"كوريا": "actor", "كوريا الشمالية": "actor", "بكين": "actor"})
    text = "كوريا الشمالية والكورية وكوريا، بكين وكين"
    assert texts(text, gazetteer.suggest(text)) == [
        ("كوريا الشمالية", "actor", None),
        ("كوريا", "actor", None),
        ("بكين", "actor", None),
    ]


def test_gazetteer_does_not_cut_known_words():
    gazetteer = Gazetteer({"زير": "weapon"})
    assert gazetteer.suggest("قال وزير الدفاع") == []


def test_empty_gazetteer_proposes_nothing():
    assert Gazetteer({}).suggest("روسيا") == []


def test_filter_drops_existing_rejected_overlapping_and_repeated():
    existing = [Span(0, 5, "actor"), Span(20, 25, "number")]
    proposals = [
        Suggestion(0, 5, "actor"),  # already there
        Suggestion(0, 5, "event"),  # same place, other label: new
        Suggestion(10, 15, "actor"),  # rejected
        Suggestion(22, 30, "number", 5),  # overlaps a number span
        Suggestion(40, 45, "actor"),
        Suggestion(40, 45, "actor"),  # from two sources
    ]
    kept = filter_new(proposals, existing, rejected={(10, 15, "actor")})
    assert [s.key() for s in kept] == [(0, 5, "event"), (40, 45, "actor")]


def test_suggest_document_combines_sources_and_skips_rejected(seed_text):
    gazetteer = Gazetteer({"كوريا الشمالية": "actor"})
    all_found = suggest_document(seed_text, gazetteer=gazetteer)
    labels = {s.label for s in all_found}
    assert labels == {"number", "actor"}
    one = next(s for s in all_found if s.label == "actor")
    again = suggest_document(seed_text, gazetteer=gazetteer, rejected={one.key()})
    assert one.key() not in {s.key() for s in again}
    assert len(again) == len(all_found) - 1
