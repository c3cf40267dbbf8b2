from hypothesis import given
from hypothesis import strategies as st

from annotator.arabic.search import SearchIndex, find_occurrences, fold_for_search


def found(text, query, lexicon=frozenset()):
    return [text[a:b] for a, b in find_occurrences(text, query, lexicon)]


def test_clitic_tolerant_and_highlights_only_the_query():
    text = "دعم لروسيا روسيا؟ وروسيا، بروسيا وروسيًا ووروسيا"
    hits = find_occurrences(text, "روسيا")
    assert [text[a:b] for a, b in hits] == ["روسيا", "روسيا", "روسيا", "روسيا", "روسيًا"]
    assert [text[a - 1] for a, _ in hits] == ["ل", " ", "و", "ب", "و"]


def test_does_not_match_inside_longer_words():
    text = "العلاقات الروسية وروسيات وموروسيا"
    assert found(text, "روسيا") == []


def test_whole_known_word_is_not_split_by_search():
    text = "بكين ووزير"
    assert found(text, "كين") == []
    assert found(text, "زير") == []
    assert found(text, "وزير") == ["وزير"]


def test_normalised_spelling_and_diacritics():
    text = "أعلنت إيران وايران وإيرانَ"
    assert found(text, "ايران") == ["إيران", "ايران", "إيرانَ"]
    assert found(text, "الولايات المتحده", frozenset()) == []
    text = "بزعامة الولايات  المتحدة الأميركية"
    assert found(text, "الولايات المتحدة") == ["الولايات  المتحدة"]


def test_digits_of_any_script_match():
    assert found("أرسلت ١٥٠٠ جندي و1500 آخرين", "1500") == ["١٥٠٠", "1500"]


def test_seed_article_every_russia(seed_text):
    text = seed_text
    hits = find_occurrences(text, "روسيا")
    assert all(text[a:b] == "روسيا" for a, b in hits)
    preceding = sorted({text[a - 1] for a, _ in hits})
    assert preceding == [" ", "ل", "و"]
    # 8 bare, 2 after ل, 1 after و (counted by hand; الروسية is not one).
    assert len(hits) == 11


def test_index_across_documents():
    index = SearchIndex.build([(2, "وصلت وكوريا"), (1, "كوريا الشمالية"), (3, "لا شيء")])
    hits = index.search("كوريا")
    assert [(h.document_id, h.start, h.end) for h in hits] == [(1, 0, 5), (2, 6, 11)]
    assert len(index.search("كوريا", limit=1)) == 1
    index.add(3, "كوريا")
    assert [h.document_id for h in index.search("كوريا")] == [1, 2, 3]


@given(st.lists(st.sampled_from(["روسيا", "لروسيا", "والروسية", "روسيًا", "قال", "،", "بكين"])))
def test_every_hit_spells_the_query_after_folding(words):
    text = " ".join(words)
    hits = find_occurrences(text, "روسيا")
    assert all(fold_for_search(text[a:b]) == "روسيا" for a, b in hits)
    assert len(hits) == sum(w in ("روسيا", "لروسيا", "روسيًا") for w in words)
