from hypothesis import given
from hypothesis import strategies as st

from annotator.arabic.normalize import normalize, normalize_text, reference_normalize_text

# Letters that fold, letters that don't, diacritics, tatweel, digits of three scripts, spaces.
ALPHABET = "أإآٱاىيةهروسكبلو" + "\u064b\u064e\u064f\u0650\u0651\u0652\u0670" + "ـ" + "0٣۴" + " \n،a"


def test_folds_and_removals():
    assert normalize_text("أَحْمَدُ إلى آسيا ٱلعالم") == "احمد الي اسيا العالم"
    assert normalize_text("الكـــبير ٣٠٠ ۱۲") == "الكبير 300 12"
    assert normalize_text("مدرسة") == "مدرسة"
    assert normalize_text("مدرسة", fold_teh_marbuta=True) == "مدرسه"


def test_match_in_normalised_text_maps_to_exact_original_offsets():
    original = "وقّعت رُوسْيَا اتفاقيةً مع كوريـــا"
    folded = normalize(original)
    start = folded.text.index("روسيا")
    a, b = folded.to_original(start, start + len("روسيا"))
    assert original[a:b] == "رُوسْيَا"
    start = folded.text.index("كوريا")
    a, b = folded.to_original(start, start + len("كوريا"))
    assert original[a:b] == "كوريـــا"


def test_final_tanween_stays_with_the_word():
    original = "جنديًّا واحدًا"
    folded = normalize(original)
    start = folded.text.index("واحدا")
    a, b = folded.to_original(start, start + 5)
    assert original[a:b] == "واحدًا"


@given(st.text(alphabet=ALPHABET, max_size=60), st.booleans(), st.data())
def test_every_normalised_range_maps_back_to_a_range_that_normalises_to_it(text, teh, data):
    folded = normalize(text, fold_teh_marbuta=teh)
    start = data.draw(st.integers(0, len(folded.text)))
    end = data.draw(st.integers(start, len(folded.text)))
    a, b = folded.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    assert normalize_text(text[a:b], fold_teh_marbuta=teh) == folded.text[start:end]


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_offset_map_is_increasing_and_points_at_the_source_character(text):
    folded = normalize(text)
    offsets = [folded.offset(i) for i in range(len(folded.text) + 1)]
    assert offsets == sorted(offsets)
    assert offsets[-1] == len(text)
    for i, ch in enumerate(folded.text):
        assert normalize_text(text[offsets[i]]) == ch


@given(st.text(alphabet=ALPHABET + "ۀ\u06d6\u08f0\u0610", max_size=80), st.booleans())
def test_fast_normalisation_equals_the_one_table_definition(text, teh):
    assert normalize_text(text, fold_teh_marbuta=teh) == reference_normalize_text(
        text, fold_teh_marbuta=teh
    )


def test_direction_of_text_follows_its_first_strong_character():
    from annotator.arabic.direction import is_right_to_left

    assert is_right_to_left("١٥٠٠ جندي")  # digits are weak: the Arabic word decides
    assert is_right_to_left("«روسيا» NATO")
    assert not is_right_to_left("NATO روسيا")
    assert not is_right_to_left("1500 ")


def test_a_long_text_is_normalised_as_a_whole_across_its_pieces():
    from annotator.arabic.normalize import PIECE

    # A run of marks (fatha, shadda, tatweel, tanween) that straddles the first piece's
    # end, a fold at the second's, then news text over a third piece.
    marks = "\u064e\u0651\u0640\u064b"
    text = "ب" * (PIECE - 2) + marks + "أ" * (PIECE - 3) + "إلى ١٥٠٠ مدرسةٌ " * 5000
    assert text[PIECE - 2 : PIECE + 2] == marks
    for teh in (False, True):
        folded = normalize_text(text, fold_teh_marbuta=teh)
        assert folded == reference_normalize_text(text, fold_teh_marbuta=teh)
        assert folded[PIECE - 3 : PIECE] == "باا"  # the marks gone, the alef folded
