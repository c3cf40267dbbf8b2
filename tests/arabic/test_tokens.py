import pytest

from annotator.arabic.tokens import TokenKind, proclitic_length, tokenize

from .clitic_cases import CASES, PROJECT_LEXICON

SEED_LINE = "وقعت روسيا وكوريا الشمالية اتفاقية دفاع مشترك (رويترز)"


def spans(text, **kwargs):
    return [(t.text, t.kind.value) for t in tokenize(text, **kwargs)]


def test_offsets_slice_the_original_text():
    text = "قالَ الوزيرُ، «إن 1,500 جنديٍّ» وصلوا؟ نعم؛ ٣٠٠٫٥ و۱۲"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_words_numbers_and_arabic_punctuation():
    text = "قال «روسيا»، هل 1,500 أو ٣٠٠٫٥ أو 1.5؟ نعم؛"
    assert spans(text, split_clitics=False) == [
        ("قال", "word"),
        ("«", "punct"),
        ("روسيا", "word"),
        ("»", "punct"),
        ("،", "punct"),
        ("هل", "word"),
        ("1,500", "number"),
        ("أو", "word"),
        ("٣٠٠٫٥", "number"),
        ("أو", "word"),
        ("1.5", "number"),
        ("؟", "punct"),
        ("نعم", "word"),
        ("؛", "punct"),
    ]


def test_diacritics_tatweel_and_zwnj_stay_inside_words():
    text = "جنديٍّ الكـــبير می\u200cخواهم"
    assert [t.text for t in tokenize(text)] == ["جنديٍّ", "الكـــبير", "می\u200cخواهم"]


def test_sentence_final_period_is_not_part_of_a_number():
    assert spans("في 2024.") == [("في", "word"), ("2024", "number"), (".", "punct")]


def test_date_line_splits_at_hyphens():
    assert spans("01-نوفمبر-2024") == [
        ("01", "number"),
        ("-", "punct"),
        ("نوفمبر", "word"),
        ("-", "punct"),
        ("2024", "number"),
    ]


@pytest.mark.parametrize(("word", "clitic"), CASES)
def test_proclitic_rules(word, clitic):
    assert word[: proclitic_length(word, PROJECT_LEXICON)] == clitic


def test_remainder_known_only_from_the_project_lexicon():
    assert proclitic_length("وكوماريفكا") == 0
    assert proclitic_length("وكوماريفكا", frozenset({"كوماريفكا"})) == 1


def test_split_keeps_diacritics_with_their_letters():
    word = "وَكُوريا"
    cut = proclitic_length(word)
    assert (word[:cut], word[cut:]) == ("وَ", "كُوريا")


def test_seed_sentence_tokens_with_clitics():
    assert spans(SEED_LINE) == [
        ("وقعت", "word"),
        ("روسيا", "word"),
        ("و", "clitic"),
        ("كوريا", "word"),
        ("الشمالية", "word"),
        ("اتفاقية", "word"),
        ("دفاع", "word"),
        ("مشترك", "word"),
        ("(", "punct"),
        ("رويترز", "word"),
        (")", "punct"),
    ]


def test_clitic_tokens_are_adjacent_to_their_word():
    tokens = tokenize("لروسيا وبالطائرات")
    assert [(t.start, t.end, t.kind) for t in tokens] == [
        (0, 1, TokenKind.CLITIC),
        (1, 6, TokenKind.WORD),
        (7, 9, TokenKind.CLITIC),
        (9, 17, TokenKind.WORD),
    ]
