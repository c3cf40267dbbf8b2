from annotator.arabic.snapping import snap_selection

SEED = "وقعت روسيا وكوريا الشمالية اتفاقية دفاع مشترك (رويترز)"


def snapped(text, start, end, lexicon=frozenset()):
    result = snap_selection(text, start, end, lexicon)
    return None if result is None else text[result[0] : result[1]]


def test_selecting_conjunction_and_name_stores_the_name():
    start = SEED.index("وكوريا")
    end = start + len("وكوريا الشمالية")
    assert snapped(SEED, start, end) == "كوريا الشمالية"


def test_rough_selection_inside_the_words_snaps_the_same_way():
    start = SEED.index("وكوريا") + 3
    end = SEED.index("الشمالية") + 2
    assert snapped(SEED, start, end) == "كوريا الشمالية"


def test_proclitic_on_a_later_word_stays_inside_the_span():
    start = SEED.index("روسيا")
    end = SEED.index("وكوريا") + len("وكوريا")
    assert snapped(SEED, start, end) == "روسيا وكوريا"


def test_preposition_before_a_known_name_and_before_the_article():
    text = "الدعم الإيراني لروسيا بالطائرات المسيرة"
    start = text.index("لروسيا")
    assert snapped(text, start, start + 6) == "روسيا"
    start = text.index("بالطائرات")
    assert snapped(text, start, len(text)) == "الطائرات المسيرة"


def test_names_that_begin_with_proclitic_letters_stay_whole():
    text = "بكين وواشنطن ولبنان وون سيك وزير الدفاع ولاية"
    for name in ("بكين", "لبنان", "وون سيك", "وزير الدفاع", "ولاية"):
        start = text.index(name)
        assert snapped(text, start, start + len(name)) == name
    start = text.index("وواشنطن")
    assert snapped(text, start, start + len("وواشنطن")) == "واشنطن"


def test_project_lexicon_makes_an_unlisted_remainder_known():
    # كوماريفكا is in no word list: only the project's accepted name attests it.
    text = "وصلت القوات وكوماريفكا"
    start = text.index("وكوماريفكا")
    assert snapped(text, start, len(text)) == "وكوماريفكا"
    assert snapped(text, start, len(text), frozenset({"كوماريفكا"})) == "كوماريفكا"


def test_plain_words_keep_the_existing_behaviour():
    text = "  «روسيا»، "
    assert snapped(text, 0, len(text)) == "روسيا"
    assert snap_selection(text, 0, 3) is None
    assert snapped("قال الوزيرُ", 5, 6) == "الوزيرُ"


def test_selecting_only_the_clitic_letter_gives_the_word_without_it():
    text = "والصين"
    assert snapped(text, 0, 1) == "الصين"


# -- a one-letter overhang across a space ------------------------------------------------

NEWS = "أكدت تقارير أن بيونغ يانغ أرسلت أكثر من 1500 جندي إلى روسيا"


def test_an_edge_one_letter_into_the_next_word_does_not_take_it():
    # The drags: from the gap right of بيونغ to the gap left of يانغ, each end one
    # letter over (Qt put both a glyph to the left): "بيونغ يانغ أرسلت" was saved.
    start = NEWS.index("بيونغ") - 2  # the last letter of أن
    end = NEWS.index("أرسلت") + 1  # the first letter of أرسلت
    assert snapped(NEWS, start, end) == "بيونغ يانغ"
    assert snapped(NEWS, NEWS.index("يانغ") - 1, NEWS.index("يانغ") + 5) == "يانغ"


def test_two_letters_into_a_word_take_it():
    start = NEWS.index("أرسلت") - 3  # "نغ" of يانغ
    end = NEWS.index("أكثر") + 2
    assert snapped(NEWS, start, end) == "يانغ أرسلت أكثر"


def test_a_whole_one_letter_word_is_not_an_overhang():
    text = "قتل 5 جنود"
    assert snapped(text, text.index("5"), len(text)) == "5 جنود"
    assert snapped(text, 0, text.index("5") + 1) == "قتل 5"


def test_a_letter_with_its_marks_counts_as_one_letter():
    text = "قالَ الوزيرُ"
    start = text.index("الوزير")
    assert snapped(text, start - 3, len(text)) == "الوزيرُ"  # "لَ " over: dropped


def test_one_letter_of_one_word_alone_is_that_word():
    # Nothing else selected: the letter is all there is, so its word is meant.
    start = NEWS.index("أرسلت") + 4
    assert snapped(NEWS, start, start + 1) == "أرسلت"
    assert snapped(NEWS, start, start + 2) == "أرسلت"


def test_a_letter_the_pointer_rested_on_keeps_its_word():
    start = NEWS.index("بيونغ") - 2
    end = NEWS.index("أرسلت") + 1
    assert snap_selection(NEWS, start, end, frozenset(), pointed=(start,)) == (
        NEWS.index("أن"),
        NEWS.index("يانغ") + 4,
    )
    assert snapped_with(NEWS, start, end, (end - 1,)) == "بيونغ يانغ أرسلت"


def test_punctuation_and_a_space_between_still_make_an_overhang():
    text = "عيار 152 ملم، أو أكثر"
    start = text.index("عيار")
    assert snapped(text, start, text.index("أو") + 1) == "عيار 152 ملم"


def snapped_with(text, start, end, pointed):
    result = snap_selection(text, start, end, frozenset(), pointed)
    return None if result is None else text[result[0] : result[1]]
