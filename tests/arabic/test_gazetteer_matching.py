"""The gazetteer's two matchers (one regular expression; a dict scan for many forms) agree."""

from __future__ import annotations

import random

import pytest

from annotator.arabic.suggest import Gazetteer


def both(forms: dict[str, str]) -> tuple[Gazetteer, Gazetteer]:
    by_regex, by_words = Gazetteer(forms), Gazetteer(forms, regex_limit=0)
    assert by_regex._pattern is not None and by_words._pattern is None
    return by_regex, by_words


def test_tricky_forms_agree(seed_text):
    forms = {
        "روسيا": "actor",
        "كوريا": "actor",
        "كوريا الشمالية": "actor",
        "كوريا الشمالية والصين": "event",
        "والصين": "actor",
        "الصين": "weapon",
        "حزيران/يونيو": "event",
        "تحالف الشرق": "event",
        '"الناتو"': "actor",
        "كين": "actor",
        "بكين": "actor",
        "ال": "actor",
        "12 ألف": "number",
        "قذائف المدفعية عيار 152 ملم": "weapon",
        "قذائف": "weapon",
    }
    by_regex, by_words = both(forms)
    text = seed_text + "\nكوريا   الشمالية\nكوريا\nالشمالية وبروسيا ولل روسيا_ _روسيا"
    found = by_words.suggest(text)
    assert found == by_regex.suggest(text)
    shown = {(text[s.start : s.end], s.label) for s in found}
    assert ("كوريا الشمالية والصين", "event") in shown  # the longest form wins
    assert ('"الناتو"', "actor") in shown  # a form starting with a quotation mark
    assert ("كوريا الشمالية", "actor") in shown  # across a run of spaces, as written
    assert ("بكين", "actor") in shown  # the whole word before the form inside it


@pytest.mark.parametrize("seed", range(8))
def test_random_forms_from_the_seed_agree(seed_text, seed):
    rng = random.Random(seed)
    words = seed_text.split()
    forms = {}
    for _ in range(400):
        start = rng.randrange(len(words) - 3)
        form = " ".join(words[start : start + rng.randint(1, 3)])
        if rng.random() < 0.3:
            form = form.strip('".،,()')
        if rng.random() < 0.1:
            form = form[rng.randint(1, 3) :]  # the tail of a word: must not match inside one
        forms[form] = rng.choice(["actor", "weapon", "event"])
    by_regex, by_words = both(forms)
    found = by_words.suggest(seed_text)
    assert found == by_regex.suggest(seed_text)
    assert len(found) > 50


@pytest.mark.parametrize("seed", range(20))
def test_filter_new_drops_exactly_what_overlaps_the_same_label(seed):
    from annotator.arabic.suggest import Suggestion, filter_new

    rng = random.Random(seed)

    def ranges(count):
        out = []
        for _ in range(count):
            start = rng.randrange(200)
            out.append((start, start + rng.randint(1, 30), rng.choice("ab")))
        return out

    existing = ranges(30)
    proposals = [Suggestion(s, e, label) for s, e, label in ranges(60)]
    kept = filter_new(proposals, existing)
    # The plain statement: in order, keep one if no kept or existing range of its label
    # overlaps it and it is not already there.
    taken = list(existing)
    expected = []
    for p in sorted(proposals, key=lambda s: (s.start, -s.end, s.label)):
        if p.key() in taken:
            continue
        if any(lb == p.label and s < p.end and p.start < e for s, e, lb in taken):
            continue
        expected.append(p)
        taken.append(p.key())
    assert kept == expected
