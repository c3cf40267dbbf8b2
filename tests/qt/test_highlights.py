from annotator.qt.highlights import stacking_depths


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
