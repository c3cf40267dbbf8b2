import re

import pytest

from annotator.arabic.numbers import NumberKind, find_numbers, find_quantities, parse_digits

from .seed_numbers_gold import gold_mentions, scores


def mentions(text):
    return [(text[m.start : m.end], m.value, m.kind.value) for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("وصل 12 ألف جندي", "12 ألف", 12000),
        ("أكثر من ثلاثة ملايين طلقة", "ثلاثة ملايين", 3_000_000),
        ("أكثر من 500 ألف طلقة", "500 ألف", 500_000),
        ("نحو 1.5 مليون نازح", "1.5 مليون", 1_500_000),
        ("قتل ٣٠٠ شخص", "٣٠٠", 300),
        ("قتل ۱۲ ألفا", "۱۲ ألفا", 12000),
        ("خمسة وعشرون جنديا", "خمسة وعشرون", 25),
        ("ثلاثة آلاف وخمسمئة جندي", "ثلاثة آلاف وخمسمئة", 3500),
        ("أحد عشر صاروخا", "أحد عشر", 11),
        ("إحدى عشرة طائرة", "إحدى عشرة", 11),
        ("اثنا عشر صاروخا", "اثنا عشر", 12),
        ("ثلاث عشرة دبابة", "ثلاث عشرة", 13),
        ("ثلاث مئة جندي", "ثلاث مئة", 300),
        ("ثلاثمائة جندي", "ثلاثمائة", 300),
        ("مئتا جندي", "مئتا", 200),
        ("نحو ألفين من الجنود", "ألفين", 2000),
        ("مليونين ونصف", "مليونين", 2_000_000),
        ("ألف جندي", "ألف", 1000),
        ("عشرين دبابة", "عشرين", 20),
        ("مقاتلان اثنان", "اثنان", 2),
        ("جندي واحد", "واحد", 1),
        ("نحو مليار دولار", "مليار", 10**9),
        ("ثلاثة مليارات دولار", "ثلاثة مليارات", 3 * 10**9),
        ("كلف ٢٬٥٠٠٫٧٥ دولار", "٢٬٥٠٠٫٧٥", 2500.75),
    ],
)
def test_quantities_with_values(text, written, value):
    assert mentions(text) == [(written, value, "quantity")]


def test_proclitic_on_the_first_word_is_left_out():
    assert mentions("زودتها بثلاثة ملايين طلقة") == [("ثلاثة ملايين", 3_000_000, "quantity")]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1,500", 1500),
        ("1,500,000", 1_500_000),
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("1.500.000", 1_500_000),
        ("1,500.25", 1500.25),
        ("1.500,25", 1500.25),
        ("٣٠٠٫٥", 300.5),
        ("٣٬٠٠٠", 3000),
        ("۱۲۳", 123),
        ("2.0", 2),
    ],
)
def test_digit_separators(written, value):
    assert parse_digits(written) == value


def test_vague_and_pronoun_like_words_are_not_mentions():
    assert mentions("آلاف الجنود وملايين الدولارات") == []
    assert mentions("واحدة من أكبر المناورات") == []
    assert mentions("أحد الجنود") == []


def test_years_and_dates_are_told_apart_from_quantities():
    assert [k for _, _, k in mentions("01-نوفمبر-2024")] == ["date", "date"]
    assert mentions("في العام 2024 قتل 2000 جندي") == [
        ("2024", 2024, "year"),
        ("2000", 2000, "quantity"),
    ]
    assert mentions("في حزيران/يونيو الماضي 2024") == [("2024", 2024, "year")]
    assert mentions('مناورات "المحيط 2024"، والتي') == [("2024", 2024, "year")]
    assert mentions("منذ عام 2012") == [("2012", 2012, "year")]
    assert [k for _, _, k in mentions("في 5/11/2024")] == ["date", "date", "date"]


def test_adjacent_numbers_that_do_not_compose_are_separate():
    assert mentions("عام 2012 ثلاثة جنود") == [
        ("2012", 2012, "year"),
        ("ثلاثة", 3, "quantity"),
    ]


def test_seed_article_every_quantity_with_exact_extent_and_value(seed_text):
    gold = {(s, e, v) for s, e, v, k in gold_mentions(seed_text) if k == "quantity"}
    found = {(m.start, m.end, m.value) for m in find_quantities(seed_text)}
    assert found == gold
    precision, recall, count = scores(seed_text)
    print(f"\nseed quantities: {count} gold, precision {precision:.3f}, recall {recall:.3f}")


def test_seed_article_years_and_dates_are_not_quantities(seed_text):
    gold = {(s, e, k) for s, e, _, k in gold_mentions(seed_text) if k != "quantity"}
    found = {(m.start, m.end, m.kind.value) for m in find_numbers(seed_text)}
    assert gold <= found
    assert all(
        m.kind is not NumberKind.QUANTITY
        for m in find_numbers(seed_text)
        if (m.start, m.end, m.kind.value) in gold
    )


def test_seed_gold_covers_every_digit_run(seed_text):
    gold = gold_mentions(seed_text)
    for run in re.finditer(r"\d+", seed_text):
        assert any(s <= run.start() and run.end() <= e for s, e, _, _ in gold), run.group()
