"""Tokens for the token-based formats, and how spans line up with them.

A tokenizer is any function ``text -> [(start, end), ...]`` of code point
offsets, in order and not overlapping. The default is the clitic-aware Arabic
tokenizer (``annotator.arabic.tokens``), so that 'وكوريا الشمالية' gives
و | كوريا | الشمالية.

Invisible characters (``INVISIBLE``: format characters such as LRM/RLM, the
bidi embeddings and isolates, zero-width space and joiners, soft hyphen, BOM;
control characters that are not whitespace such as U+001A; variation
selectors and other default-ignorable code points) never make a token of their
own. The tokenizer sees the text without them, so a soft hyphen or a bidi mark
inside a word does not cut it, while a zero-width space still separates two
words. They stay in the text and in the offsets: a run of them touching a token
is part of that token (of the next one when it touches two, unless it starts
with a closing PDF/PDI), and a run with whitespace on both sides stays between
tokens. A span edge that differs from a token edge only by invisible
characters lines up with that token.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate, chain, compress, repeat
from json.encoder import encode_basestring
from operator import add, attrgetter, gt, itemgetter, sub
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from annotator.core.model import Span

Tokenize = Callable[[str], list[tuple[int, int]]]

# A sentence ends after one of these tokens, or where a line break separates two tokens.
SENTENCE_END = frozenset(".؟?!؛")
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


def default_tokenize(lexicon: Iterable[str] = ()) -> ArabicTokenizer:
    """The Arabic tokenizer, with ``lexicon`` (e.g. span texts) as known forms."""
    return ArabicTokenizer(frozenset(lexicon))


class ArabicTokenizer:
    """``annotator.arabic.tokens.tokenize`` as offsets, remembered per whitespace-free chunk.

    No token crosses whitespace, so tokenizing each chunk alone gives the same
    tokens as the whole text; news text repeats its words, so most chunks are
    looked up rather than tokenized again (exports of 10,000 documents need it).
    """

    def __init__(self, lexicon: frozenset[str] = frozenset()):
        self.lexicon = lexicon
        self._chunks: dict[str, Pieces] = {}
        self._invisible: set[str] = set()  # the remembered chunks holding an invisible character
        # The remembered chunks whose tokens end where the chunk ends, without invisible
        # characters (nearly all): their steps from edge to edge and their token texts.
        self._regular: dict[str, Regular] = {}

    def with_forms(self, forms: Iterable[str]) -> ArabicTokenizer:
        """The same tokenizer knowing ``forms`` too (a document's own span texts)."""
        return ArabicTokenizer(self.lexicon | frozenset(forms))

    def __call__(self, text: str) -> list[tuple[int, int]]:
        return list(zip(*self.columns(text), strict=True))

    def columns(self, text: str) -> tuple[list[int], list[int]]:
        """Token starts and token ends, as two lists.

        Written for speed: the text is cut at single spaces, each chunk's tokens
        are looked up, and positions are summed and shifted in C (no Python loop
        per token or per chunk); a chunk holding other whitespace (a line break)
        is tokenized as a whole like any other.
        """
        found = self._columns(text, stop_at_invisible=False)
        assert found is not None and found[0] is not None and found[1] is not None
        return found[0], found[1]

    def visible_columns(self, text: str) -> tuple[list[int], list[int]] | None:
        """``columns``, or None when the text holds an invisible character.

        Whether a chunk holds one is remembered with the chunk, so that texts
        without (nearly all) are not searched character by character again.
        """
        found = self._columns(text, stop_at_invisible=True)
        if found is None:
            return None
        assert found[0] is not None and found[1] is not None
        return found[0], found[1]

    def visible_tokens(
        self, text: str
    ) -> tuple[list[int] | None, list[int] | None, list[str] | None, list[Regular] | None] | None:
        """``visible_columns``, the token texts (the remembered chunks' own, not sliced) and,
        when every chunk is regular, the chunks (which know the spaces after their tokens,
        where their tokens lie and where sentences end, and their words' JSON): then the
        starts, ends and texts are None, left for ``TokenizedText`` to gather when asked (the
        token exports but Prodigy and spaCy never ask for the edges: a span's tokens and the
        sentences are found chunk by chunk; the JSON ones, for the texts)."""
        return self._columns(text, stop_at_invisible=True, with_words=True, with_edges=False)

    def _columns(
        self, text: str, stop_at_invisible: bool, with_words: bool = False, with_edges: bool = True
    ) -> tuple[list[int] | None, list[int] | None, list[str] | None, list[Regular] | None] | None:
        """Starts, ends and (``with_words``, else none) texts of the tokens, and the
        regular chunks when every chunk is one (then, without ``with_edges``, no starts,
        ends and texts: the chunks have them)."""
        chunk_texts = text.split(" ")
        found_regular = list(map(self._regular.get, chunk_texts))
        index = -1
        # (all() first: a truth test per chunk is cheaper than count's comparison with None)
        new_chunks = 0 if all(found_regular) else found_regular.count(None)
        for _ in range(new_chunks):  # new chunks, found in C (a text has a few)
            index = found_regular.index(None, index + 1)
            found = self._regular_learnt(chunk_texts[index])
            if found is None:
                break  # a chunk that is not regular: the steps are filtered below
            found_regular[index] = found
        else:
            regular = cast(list[Regular], found_regular)
            if not with_edges:
                return None, None, None, regular
            words = list(chain.from_iterable(map(_REGULAR_WORDS, regular))) if with_words else []
            starts, ends = _regular_edges(regular)
            return starts, ends, words, regular
        pieces = list(map(self._chunks.get, chunk_texts))
        unseen_invisible = False  # in a chunk too long to be remembered
        index = -1
        for _ in range(pieces.count(None)):  # new chunks, found in C (a text has a few)
            index = pieces.index(None, index + 1)
            chunk = chunk_texts[index]
            pieces[index] = self._learn(chunk)
            if chunk not in self._chunks and _INVISIBLE_RUN.search(chunk) is not None:
                unseen_invisible = True
        if stop_at_invisible and (
            unseen_invisible or (self._invisible and not self._invisible.isdisjoint(chunk_texts))
        ):
            return None
        known = cast(list[Pieces], pieces)  # every None was replaced above
        # Positions are a running sum of the chunks' steps; the steps to the next chunk dropped.
        edges = list(
            compress(
                accumulate(chain.from_iterable(map(_STEPS, known))),
                chain.from_iterable(map(_IS_EDGE, known)),
            )
        )
        starts, ends = edges[0::2], edges[1::2]
        words = list(chain.from_iterable(map(_WORDS, known))) if with_words else []
        return starts, ends, words, None

    def whitespace_tokens(
        self, chunk: str
    ) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]] | None:
        """A chunk's (a text without spaces) tokens as ``TokenizedText.with_whitespace``
        makes them, its gaps (a line break) tokens of their own, and its tokens' starts and
        ends, when it is regular (its last token ends it, no invisible character); else
        None. The tokens cover the chunk exactly: a text made of regular chunks is tokenized
        chunk by chunk (a space between two, each chunk's last token's ``ws``), as
        ``TokenizedText.of`` does (see ``jsonl.prodigy_line``)."""
        found = self._regular_learnt(chunk)
        if found is None:
            return None
        starts, ends = found[5], found[6]
        words = found[1] if not found[3] else _whitespace_texts(chunk, starts, ends, found[1])
        return words, starts, ends

    def regular_edges(self, chunk: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """A regular chunk's token starts and ends (see ``whitespace_tokens``), learnt if
        new; None for any other chunk."""
        found = self._regular_learnt(chunk)
        return None if found is None else (found[5], found[6])

    def _regular_learnt(self, chunk: str) -> Regular | None:
        """The regular chunk's steps and texts, learnt if new; None for any other chunk."""
        found = self._regular.get(chunk)
        if (
            found is None
            and chunk not in self._chunks
            and len(chunk) <= _MAX_CHUNK_LENGTH
            and len(self._chunks) < _MAX_CHUNKS
        ):
            self._learn(chunk)
            found = self._regular.get(chunk)
        return found

    def _tokens_of(self, chunk: str) -> tuple[list[int], list[int], tuple[str, ...]]:
        """The chunk's token starts, ends and texts, from the Arabic tokenizer.

        No token holds whitespace, so a chunk holding some (a line break between two
        words) is made of the tokens of its parts, each remembered as a chunk of its own:
        "word.\\nword" is two known words in a text that has them, not a new word to
        look up in the clitic word list again.
        """
        if _WHITESPACE.search(chunk) is not None:
            starts: list[int] = []
            ends: list[int] = []
            words: list[str] = []
            for part in _PART.finditer(chunk):
                text = part.group()
                known = self._chunks.get(text) or self._learn(text)
                edges = list(accumulate(known[0][:-1], initial=part.start()))
                starts += edges[1::2]
                ends += edges[2::2]
                words += known[2]
            return starts, ends, tuple(words)
        from annotator.arabic.tokens import tokenize

        tokens = tokenize(chunk, self.lexicon)
        starts = list(map(_START, tokens))
        ends = list(map(_END, tokens))
        whole = starts == [0] and ends == [len(chunk)]
        return starts, ends, (chunk,) if whole else tuple(map(_TEXT, tokens))

    def _learn(self, chunk: str) -> Pieces:
        # Written for speed, in C where it can be (each worker of an export learns the
        # chunks of its documents: thousands).
        starts, ends, words = self._tokens_of(chunk)
        length = len(chunk)
        steps = _steps(length, starts, ends)
        # Chunks share their steps and flags (few patterns: a word of n letters is (0, n, 1)).
        pieces = (_shared(steps, _SHARED_STEPS), _EDGE_FLAGS[len(steps)], words)
        if len(self._chunks) < _MAX_CHUNKS and length <= _MAX_CHUNK_LENGTH:
            self._chunks[chunk] = pieces
            if _INVISIBLE_RUN.search(chunk) is not None:
                self._invisible.add(chunk)
            elif starts and ends[-1] == length:
                # From the previous chunk's last edge: the space, then this chunk's steps.
                edge_steps = (steps[0] + 1, *steps[1:-1])
                # Only the last token has a space after it (the one ending the chunk); a
                # gap (other whitespace: a line break) follows the tokens before one that
                # starts past the previous one's end (-1: the previous chunk's last token).
                gaps = tuple(compress(range(-1, len(starts) - 1), map(gt, starts, [0, *ends[:-1]])))
                # Where a sentence ends inside the chunk, as the indexes of the tokens it
                # ends after (see TokenizedText.sentences; -1: before the first token).
                breaks = set(compress(range(len(words)), map(SENTENCE_END.__contains__, words)))
                if not LINE_BREAKS.isdisjoint(chunk):
                    breaks.update(
                        bisect_right(starts, position) - 1
                        for position, char in enumerate(chunk)
                        if char in LINE_BREAKS
                    )
                self._regular[chunk] = (
                    _shared(edge_steps, _SHARED_STEPS),
                    words,
                    _LAST_SPACE[len(starts)],
                    gaps,
                    ((len(chunk) + 1) << _TOKEN_BITS) | len(starts),
                    _shared(tuple(starts), _SHARED_STEPS),
                    _shared(tuple(ends), _SHARED_STEPS),
                    tuple(sorted(breaks)),
                    tuple(map(encode_basestring, words)),
                )
        return pieces


def _whitespace_texts(
    chunk: str, starts: tuple[int, ...], ends: tuple[int, ...], words: tuple[str, ...]
) -> tuple[str, ...]:
    """A regular chunk's tokens as ``TokenizedText.with_whitespace`` makes them: its
    tokens, each gap before or between them (a line break) a token of its own."""
    texts: list[str] = []
    done = 0
    for start, end, word in zip(starts, ends, words, strict=True):
        if start > done:
            texts.append(chunk[done:start])
        texts.append(word)
        done = end
    return tuple(texts)


def _regular_edges(regular: list[Regular]) -> tuple[list[int], list[int]]:
    """The token starts and ends of a text made of regular chunks."""
    # Each chunk's last token ends at the chunk's end, so every step, the space before a
    # chunk included, arrives at a token edge: positions are a running sum.
    edges = list(accumulate(chain.from_iterable(map(_STEPS, regular)), initial=-1))
    return edges[1::2], edges[2::2]  # the initial -1 left out


def _steps(length: int, starts: list[int], ends: list[int]) -> tuple[int, ...]:
    """A chunk's tokens as steps: from the chunk's start to its first token's start, from
    there to that token's end, then to the next token's start, ..., and from the last end
    to the next chunk (one space on). Every step but the last arrives at a token edge."""
    edges = list(chain.from_iterable(zip(starts, ends, strict=True)))
    return tuple(map(sub, [*edges, length + 1], [0, *edges]))


# Steps and positions only: (1, 1, 0) and (True, True, False) are equal keys, and a position
# must not be True (the flags are shared by _EDGE_FLAGS).
_SHARED_STEPS: dict[tuple[int, ...], tuple[int, ...]] = {}
_MAX_SHARED = 100_000


def _shared(
    value: tuple[int, ...], pool: dict[tuple[int, ...], tuple[int, ...]]
) -> tuple[int, ...]:
    """The one copy of ``value`` the chunks share (as long as there are not too many)."""
    found = pool.get(value)
    if found is None:
        if len(pool) < _MAX_SHARED:
            pool[value] = value
        return value
    return found


_START = attrgetter("start")
_END = attrgetter("end")
_TEXT = attrgetter("text")
_FIRST = itemgetter(0)
_LAST = itemgetter(1)
_STEPS = itemgetter(0)
_IS_EDGE = itemgetter(1)
_WORDS = itemgetter(2)
_REGULAR_WORDS = itemgetter(1)
_REGULAR_SPACES = itemgetter(2)
_REGULAR_GAPS = itemgetter(3)
_REGULAR_SIZE = itemgetter(4)
_REGULAR_BREAKS = itemgetter(7)
_REGULAR_JSON = itemgetter(8)
_NEXT = (1).__add__
# A regular chunk's size: its length with the space after it, shifted past its token count.
_TOKEN_BITS = 32
_TOKEN_MASK = (1 << _TOKEN_BITS) - 1


class _LastSpace(dict[int, tuple[bool, ...]]):
    """``flags[n]``: n - 1 times False, then True (a regular chunk's n tokens' spaces)."""

    def __missing__(self, count: int) -> tuple[bool, ...]:
        flags = self[count] = (False,) * (count - 1) + (True,)
        return flags


_LAST_SPACE = _LastSpace()


class _EdgeFlags(dict[int, tuple[bool, ...]]):
    """``flags[n]``: n - 1 times True, then False (whether a chunk's n steps arrive at a
    token edge: all but the last, to the next chunk), one copy shared by the chunks."""

    def __missing__(self, count: int) -> tuple[bool, ...]:
        flags = self[count] = (True,) * (count - 1) + (False,)
        return flags


_EDGE_FLAGS = _EdgeFlags()
_MAX_CHUNK_LENGTH = 80  # a longer chunk (text without spaces) is not worth remembering
# A chunk's tokens as steps from edge to edge, whether each step arrives at an edge, and texts.
Pieces = tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]  # flags: bools
# A regular chunk: its steps from the previous chunk's last edge to each of its edges, its
# token texts, whether a space follows each token, the tokens a gap follows, its size (its
# length and the space after it, and its token count, in one int: one running sum gives
# where each chunk starts and its first token), its tokens' starts and ends in the chunk,
# the tokens a sentence ends after (see _learn), and its token texts as JSON strings (as
# json.dumps writes them: the JSON exports write millions of tokens, from a few thousand chunks).
Regular = tuple[
    tuple[int, ...],
    tuple[str, ...],
    tuple[bool, ...],
    tuple[int, ...],
    int,
    tuple[int, ...],
    tuple[int, ...],
    tuple[int, ...],
    tuple[str, ...],
]


_MAX_CHUNKS = 500_000
# Format (Cf) and non-whitespace control (Cc) characters, and the other default-ignorable
# code points of Unicode (variation selectors, Hangul fillers...); tests check this against
# unicodedata. Whitespace controls (tab, line breaks, U+001C-U+001F, U+0085) are whitespace.
INVISIBLE = (
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_INVISIBLE_RUN = re.compile(f"[{INVISIBLE}]+")
# Whitespace as the Arabic tokenizer's \S sees it (str.isspace), and the parts between.
_WHITESPACE = re.compile(r"\s")
_PART = re.compile(r"\S+")
WORD_BREAK = "\u200b"  # zero-width space: invisible, but it separates words
_CLOSERS = "\u202c\u2069"  # pop directional formatting / isolate: they end what precedes them


def only_invisible(text: str) -> bool:
    """Whether ``text`` is non-empty and made only of invisible characters."""
    return _INVISIBLE_RUN.fullmatch(text) is not None


def _visible_columns(text: str, tokenize: Tokenize) -> tuple[list[int], list[int]]:
    """Token starts and ends of ``text`` when its invisible characters are not seen.

    The tokenizer gets the text without them (a run holding a zero-width space
    becomes one space); offsets are mapped back, then each run touching a token
    joins it.
    """
    runs = [match.span() for match in _INVISIBLE_RUN.finditer(text)]
    pieces: list[str] = []
    segment_visible: list[int] = []  # where each kept segment starts in the visible text
    segment_original: list[int] = []  # ... and in the original text
    visible = 0
    done = 0
    for start, end in runs:
        pieces.append(text[done:start])
        segment_visible.append(visible)
        segment_original.append(done)
        visible += start - done
        if WORD_BREAK in text[start:end]:
            pieces.append(" ")
            segment_visible.append(visible)
            segment_original.append(start)
            visible += 1
        done = end
    pieces.append(text[done:])
    segment_visible.append(visible)
    segment_original.append(done)
    seen = "".join(pieces)

    def original(position: int) -> int:
        segment = bisect_right(segment_visible, position) - 1
        return segment_original[segment] + position - segment_visible[segment]

    starts: list[int] = []
    ends: list[int] = []
    for start, end in TokenizedText.of(seen, tokenize).offsets:
        starts.append(original(start))
        ends.append(original(end - 1) + 1)
    token_starting = {start: index for index, start in enumerate(starts)}
    token_ending = {end: index for index, end in enumerate(ends)}
    for start, end in runs:
        after = token_starting.get(end)
        before = token_ending.get(start)
        if after is not None and (before is None or text[start] not in _CLOSERS):
            starts[after] = start
        elif before is not None:
            ends[before] = end
    return starts, ends


def texts_of(text: str, starts: list[int], ends: list[int]) -> list[str]:
    """``text[start:end]`` for each pair of ``starts`` and ``ends``."""
    return list(map(text.__getitem__, map(slice, starts, ends)))


class TokenizedText:
    """A text, its tokens (start and end columns), and how character edges map to tokens."""

    __slots__ = ("text", "_starts", "_ends", "_words", "_chunks", "_chunk_places")

    def __init__(
        self,
        text: str,
        starts: list[int] | None,
        ends: list[int] | None,
        words: list[str] | None = None,
        chunks: list[Regular] | None = None,
    ):
        """Without ``starts`` and ``ends`` (None), ``words`` and ``chunks`` are needed."""
        self.text = text
        self._starts = starts
        self._ends = ends
        self._words = words  # the token texts when the tokenizer gave them (or the chunks)
        self._chunks = chunks  # the regular chunks the tokens came from, when all were
        self._chunk_places: list[int] | None = None  # see _places

    @property
    def starts(self) -> list[int]:
        return self._starts if self._starts is not None else self._summed_edges()[0]

    @property
    def ends(self) -> list[int]:
        return self._ends if self._ends is not None else self._summed_edges()[1]

    def _summed_edges(self) -> tuple[list[int], list[int]]:
        assert self._chunks is not None
        self._starts, self._ends = _regular_edges(self._chunks)
        return self._starts, self._ends

    def _places(self) -> list[int]:
        """Where each regular chunk starts and its first token's index, in one int each
        (``start << _TOKEN_BITS | first``), and after the last, the text's length plus one
        and the token count: a running sum over the chunks, far shorter than the tokens'."""
        places = self._chunk_places
        if places is None:
            assert self._chunks is not None
            places = self._chunk_places = list(
                accumulate(map(_REGULAR_SIZE, self._chunks), initial=0)
            )
        return places

    @classmethod
    def from_offsets(cls, text: str, offsets: list[tuple[int, int]]) -> TokenizedText:
        return cls(text, [start for start, _ in offsets], [end for _, end in offsets])

    @classmethod
    def of(cls, text: str, tokenize: Tokenize) -> TokenizedText:
        visible_tokens = getattr(tokenize, "visible_tokens", None)
        if visible_tokens is not None:
            tokens = visible_tokens(text)  # None when the text holds an invisible character
            if tokens is not None:
                return cls(text, *tokens)
            return cls(text, *_visible_columns(text, tokenize))
        visible_columns = getattr(tokenize, "visible_columns", None)
        if visible_columns is not None:
            found = visible_columns(text)  # None when the text holds an invisible character
            if found is not None:
                return cls(text, *found)
        elif _INVISIBLE_RUN.search(text) is None:
            return cls.from_offsets(text, tokenize(text))
        return cls(text, *_visible_columns(text, tokenize))

    def __len__(self) -> int:
        if self._starts is None:
            if self._words is not None:
                return len(self._words)
            if self._chunks is not None:
                return self._places()[-1] & _TOKEN_MASK
        return len(self.starts)

    @property
    def offsets(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))

    def words(self) -> list[str]:
        words = self._known_words()
        if words is not None:
            return list(words)
        return texts_of(self.text, self.starts, self.ends)

    def _known_words(self) -> list[str] | None:
        """The token texts the tokenizer gave, gathered from the chunks when it left them
        there; None when it gave none."""
        if self._words is None and self._chunks is not None:
            self._words = list(chain.from_iterable(map(_REGULAR_WORDS, self._chunks)))
        return self._words

    def json_words(self, quoted: Mapping[str, str]) -> list[str]:
        """The token texts as JSON strings: the chunks' own, or ``quoted[word]`` of each
        (a ``json_words.QuotedWords``)."""
        if self._chunks is not None:
            return list(chain.from_iterable(map(_REGULAR_JSON, self._chunks)))
        return list(map(quoted.__getitem__, self.words()))

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last (inclusive) token of a span, or None when an edge is inside a token.

        An edge that misses a token edge only by invisible characters counts as on it.
        """
        if self._starts is None:
            return self._chunk_token_range(start, end)
        starts, ends = self.starts, self.ends
        at_start = bisect_left(starts, start)
        at_end = bisect_left(ends, end)
        first = at_start if at_start < len(starts) and starts[at_start] == start else None
        last = at_end if at_end < len(ends) and ends[at_end] == end else None
        if first is None:
            first = self._first_token_near(start, at_start)
        if last is None:
            last = self._last_token_near(end, at_end)
        if first is None or last is None or last < first:
            return None
        return first, last

    def token_ranges(self, spans: list[Span]) -> tuple[list[int], list[int]] | None:
        """Each span's first and last token (``token_range``), as two lists; None when a
        span does not line up with tokens (then ask ``token_range`` span by span).

        Written for speed (it runs for every span exported): for a text made of regular
        chunks, one loop finds each edge in the chunk holding it, no call per span."""
        chunks = self._chunks
        if self._starts is not None or chunks is None:
            found = list(map(self.token_range, map(_START, spans), map(_END, spans)))
            if None in found:
                return None
            ranges = cast(list[tuple[int, int]], found)  # no None: checked above
            return list(map(_FIRST, ranges)), list(map(_LAST, ranges))
        places = self._chunk_places
        if places is None:
            places = self._places()
        length = len(self.text)
        firsts: list[int] = []
        lasts: list[int] = []
        add_first, add_last = firsts.append, lasts.append
        try:
            for span in spans:
                start, end = span.start, span.end
                if not 0 <= start < end <= length:
                    return None
                # (tuple.index raises ValueError for an edge inside a token)
                chunk = bisect_right(places, (start << _TOKEN_BITS) | _TOKEN_MASK) - 1
                place = places[chunk]
                first = (place & _TOKEN_MASK) + chunks[chunk][5].index(
                    start - (place >> _TOKEN_BITS)
                )
                chunk = bisect_right(places, ((end - 1) << _TOKEN_BITS) | _TOKEN_MASK) - 1
                place = places[chunk]
                last = (place & _TOKEN_MASK) + chunks[chunk][6].index(end - (place >> _TOKEN_BITS))
                if last < first:
                    return None
                add_first(first)
                add_last(last)
        except ValueError:
            return None
        return firsts, lasts

    def _chunk_token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """``token_range`` of a text made of regular chunks (which hold no invisible
        character: an edge is on a token's edge or inside it), found in the chunk
        holding each edge (written for speed: it runs for every span)."""
        chunks = self._chunks
        assert chunks is not None
        if not 0 <= start < end <= len(self.text):
            return None
        places = self._chunk_places
        if places is None:
            places = self._places()
        chunk = bisect_right(places, (start << _TOKEN_BITS) | _TOKEN_MASK) - 1
        place = places[chunk]
        starts = chunks[chunk][5]
        edge = start - (place >> _TOKEN_BITS)
        if edge not in starts:
            return None
        first = (place & _TOKEN_MASK) + starts.index(edge)
        chunk = bisect_right(places, ((end - 1) << _TOKEN_BITS) | _TOKEN_MASK) - 1
        place = places[chunk]
        ends = chunks[chunk][6]
        edge = end - (place >> _TOKEN_BITS)
        if edge not in ends:
            return None
        last = (place & _TOKEN_MASK) + ends.index(edge)
        return (first, last) if first <= last else None

    def _first_token_near(self, start: int, after: int) -> int | None:
        """The token a span starting at ``start`` begins with, invisible characters aside."""
        starts, text = self.starts, self.text
        if after < len(starts) and only_invisible(text[start : starts[after]]):
            return after
        if after > 0 and only_invisible(text[starts[after - 1] : start]):
            return after - 1
        return None

    def _last_token_near(self, end: int, at_or_after: int) -> int | None:
        """The token a span ending at ``end`` ends with, invisible characters aside."""
        starts, ends, text = self.starts, self.ends, self.text
        if (
            at_or_after < len(ends)
            and starts[at_or_after] < end
            and only_invisible(text[end : ends[at_or_after]])
        ):
            return at_or_after
        if at_or_after > 0 and only_invisible(text[ends[at_or_after - 1] : end]):
            return at_or_after - 1
        return None

    def with_whitespace(self) -> tuple[list[int], list[int], list[bool], list[str]]:
        """Tokens that rebuild the text, as spaCy and Prodigy make them: starts, ends, spaces
        and texts.

        One space after a token is that token's ``space`` (``ws``); any other
        whitespace (line breaks, NBSP, a second space, leading whitespace), with
        invisible characters lying between tokens, is a token of its own, so that
        joining the tokens, each followed by a space where ``space`` says so,
        gives the text exactly. No token is made of invisible characters only.
        """
        text, starts, ends = self.text, self.starts, self.ends
        if not starts:
            return ([0], [len(text)], [False], [text]) if text else ([], [], [], [])
        words = self._known_words()
        chunks = self._chunks
        if chunks is not None and words is not None:
            # The chunks know the spaces and the gaps: nothing to look up in the text.
            spaces = list(chain.from_iterable(map(_REGULAR_SPACES, chunks)))
            spaces[-1] = False  # the last token ends the text
            chunk_gaps = list(map(_REGULAR_GAPS, chunks))
            if chunk_gaps.count(()) == len(chunk_gaps):
                gaps = []
            else:
                firsts = list(accumulate(map(len, map(_REGULAR_WORDS, chunks)), initial=0))
                gaps = [
                    firsts[chunk] + index
                    for chunk in compress(range(len(chunks)), chunk_gaps)
                    for index in chunk_gaps[chunk]
                ]
                if gaps[0] < 0:
                    del gaps[0]  # before the first token: it starts the text later (see below)
        else:
            # Written for speed (C-level maps): a token is followed by one space, or by
            # nothing, or by a gap that needs tokens of its own (what is left once the space
            # is taken).
            spaces = list(map(" ".__eq__, map(f"{text}\0".__getitem__, ends)))
            if words is None:
                words = self.words()
            elif not starts[0] and len(text) - sum(ends) + sum(starts) == spaces.count(True):
                # The Arabic tokenizer's tokens (the ones with their words) hold no space,
                # so what is left after each is never negative: when the gaps between tokens
                # add up to the spaces (nearly every text without line breaks), none is left.
                return starts, ends, spaces, words
            following = [*starts[1:], len(text)]
            left = map(sub, map(sub, following, ends), spaces)
            gaps = list(compress(range(len(ends)), left))
        if not gaps and not starts[0]:
            return starts, ends, spaces, words
        # Gap tokens inserted from the last, so that the indexes before stay put (a few
        # gaps: an insert is a memmove, where rebuilding the lists copied every token).
        all_starts, all_ends, all_words = starts.copy(), ends.copy(), list(words)
        for index in reversed(gaps):
            begin = ends[index]
            stop = starts[index + 1] if index + 1 < len(starts) else len(text)
            if text[begin] == " " and not only_invisible(text[begin + 1 : stop]):
                begin += 1  # the first space stays the token's ws
            else:
                spaces[index] = False
            all_starts.insert(index + 1, begin)
            all_ends.insert(index + 1, stop)
            spaces.insert(index + 1, False)
            all_words.insert(index + 1, text[begin:stop])
        if starts[0]:
            all_starts.insert(0, 0)
            all_ends.insert(0, starts[0])
            spaces.insert(0, False)
            all_words.insert(0, text[: starts[0]])
        return all_starts, all_ends, spaces, all_words

    def gap_after(self, index: int) -> str:
        """The characters between token ``index`` and the next token (or the end of the text)."""
        following = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.ends[index] : following]

    def sentences(self, kept: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sentences as (first, last) token indexes, inclusive.

        A sentence ends after . ؟ ? ! ؛ or at a line break, but never inside a
        ``kept`` token range (a span stays in one sentence).
        """
        chunks = self._chunks
        if self._starts is None and chunks is not None:
            # Where sentences end is known chunk by chunk: a few chunks have any.
            places = self._places()
            count = places[-1] & _TOKEN_MASK
            if not count:
                return []
            # Each such chunk's first token plus each of its breaks, in C.
            ending = list(compress(range(len(chunks)), map(_REGULAR_BREAKS, chunks)))
            firsts = map(_TOKEN_MASK.__and__, map(places.__getitem__, ending))
            in_chunk = list(map(_REGULAR_BREAKS, map(chunks.__getitem__, ending)))
            breaks = set(
                map(
                    add,
                    chain.from_iterable(map(repeat, firsts, map(len, in_chunk))),
                    chain.from_iterable(in_chunk),
                )
            )
            breaks.discard(-1)  # a line break before the first token
            return _sentences(breaks, count, kept)
        starts, text = self.starts, self.text
        count = len(starts)
        if not count:
            return []
        words = self._known_words()
        if words is None:
            words = self.words()
        # Token indexes a sentence ends after: a token that is one of the marks (a full stop
        # in a number is not), found in C over the words rather than by a regex over the
        # text; then the token before each line break (a few, found by str.find).
        breaks = set(compress(range(count), map(SENTENCE_END.__contains__, words)))
        for mark in LINE_BREAKS:
            position = text.find(mark)
            while position >= 0:
                index = bisect_right(starts, position) - 1
                if index >= 0:
                    breaks.add(index)
                position = text.find(mark, position + 1)
        return _sentences(breaks, count, kept)


def _sentences(
    breaks: set[int], count: int, kept: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentences of ``count`` tokens ending after the ``breaks`` but inside no ``kept`` range."""
    breaks.discard(count - 1)
    lasts = sorted(breaks)
    ranges = kept if isinstance(kept, list) else list(kept)
    if lasts and ranges:
        # The breaks inside each range (first <= break < last), by two bisections of the
        # few breaks, in C: a range's length does not count (DyGIE++'s, from an event to
        # its arguments, hold millions of tokens at 10,000 documents).
        inside_from = list(map(bisect_left, repeat(lasts), map(_FIRST, ranges)))
        inside_to = list(map(bisect_left, repeat(lasts), map(_LAST, ranges)))
        if inside_from != inside_to:
            inside = set(chain.from_iterable(map(range, inside_from, inside_to)))
            lasts = [last for index, last in enumerate(lasts) if index not in inside]
    firsts = [0, *map(_NEXT, lasts)]
    lasts.append(count - 1)
    return list(zip(firsts, lasts, strict=True))
