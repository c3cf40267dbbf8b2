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
